// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

// ----- libraries -----

model! {
    /// Creates a library of documents, searchable by the `document_library` tool.
    pub struct CreateLibraryRequest {
        /// The library's name.
        pub name: String,
        /// What it holds.
        pub description?: String,
        /// Deprecated: the chunk size in characters (256 to 32768).
        pub chunk_size?: i64,
        /// `"User"` (private) or `"Workspace"` (shared with the workspace, the default for API keys).
        pub owner_type?: LibraryOwnerType,
    }
}

model! {
    /// Changes a library's name or description.
    pub struct UpdateLibraryRequest {
        /// A new name.
        pub name?: String,
        /// A new description.
        pub description?: String,
    }
}

model! {
    /// A library of documents.
    pub struct Library {
        /// The library's id (use it in `libraryIds` of the `document_library` tool).
        pub id: String,
        /// Its name.
        pub name: String,
        /// When it was created.
        pub created_at: DateTime,
        /// When it last changed.
        pub updated_at: DateTime,
        /// Who owns it.
        pub owner_id: Option<String>,
        /// What kind of owner.
        pub owner_type: LibraryOwnerType,
        /// The size of its documents, in bytes.
        pub total_size: i64,
        /// How many documents it holds.
        pub nb_documents: i64,
        /// The chunk size in characters.
        pub chunk_size: Option<i64>,
        /// An emoji for it.
        pub emoji?: String,
        /// What it holds.
        pub description?: String,
        /// A description written by Mistral from its documents.
        pub generated_description?: String,
        /// A name written by Mistral from its documents.
        pub generated_name?: String,
        /// How many users it is shared with.
        pub explicit_user_members_count?: i64,
        /// How many workspaces it is shared with.
        pub explicit_workspace_members_count?: i64,
        /// The organisation's role on it.
        pub org_sharing_role?: String,
    }
}

model! {
    /// One page of libraries.
    pub struct ListLibrariesResponse {
        /// Where this page sits.
        pub pagination?: PaginationInfo,
        /// The libraries.
        pub data: Vec<Library>,
        /// Pass it as `pageToken` for the next page.
        pub next_page_token?: String,
    }
}

model! {
    /// Page-number pagination.
    pub struct PaginationInfo {
        /// How many items there are.
        pub total_items: i64,
        /// How many pages there are.
        pub total_pages: i64,
        /// This page's number (from 0).
        pub current_page: i64,
        /// The page size.
        pub page_size: i64,
        /// Whether more pages follow.
        pub has_more: bool,
    }
}

// ----- documents -----

model! {
    /// A document in a library.
    pub struct Document {
        /// The document's id.
        pub id: String,
        /// Its library.
        pub library_id: String,
        /// Its name (the uploaded file's name).
        pub name: String,
        /// A hash of its content.
        pub hash: Option<String>,
        /// Its MIME type.
        pub mime_type: Option<String>,
        /// Its file extension.
        pub extension: Option<String>,
        /// Its size in bytes.
        pub size: Option<i64>,
        /// A summary written by Mistral.
        pub summary?: String,
        /// When it was uploaded.
        pub created_at: DateTime,
        /// When it was last processed.
        pub last_processed_at?: DateTime,
        /// How many pages it has.
        pub number_of_pages?: i64,
        /// Where it is in its processing: `"done"`, `"in_progress"`, `"error"`, ...
        pub process_status: ProcessStatus,
        /// The processing status, as text.
        pub processing_status: String,
        /// Who uploaded it.
        pub uploaded_by_id: Option<String>,
        /// What kind of uploader.
        pub uploaded_by_type: String,
        /// Tokens spent processing its main content.
        pub tokens_processing_main_content?: i64,
        /// Tokens spent summarising it.
        pub tokens_processing_summary?: i64,
        /// Tokens spent in all.
        pub tokens_processing_total: i64,
        /// Where it came from.
        pub url?: String,
        /// Your own attributes, passed through untouched.
        pub attributes?: JsonObject,
        /// When it will be deleted.
        pub expires_at?: DateTime,
    }
}

model! {
    /// One page of documents.
    pub struct ListDocumentsResponse {
        /// Where this page sits.
        pub pagination: PaginationInfo,
        /// The documents.
        pub data: Vec<Document>,
    }
}

model! {
    /// Changes a document's name, attributes or expiry.
    pub struct UpdateDocumentRequest {
        /// A new name.
        pub name?: String,
        /// Your own attributes (strings, numbers, booleans, dates or lists of them), passed through untouched.
        pub attributes?: JsonObject,
        /// When to delete it.
        pub expires_at?: DateTime,
    }
}

model! {
    /// The text extracted from a document.
    pub struct DocumentTextContent {
        /// The text.
        pub text: String,
    }
}

model! {
    /// Where a document is in its processing.
    pub struct DocumentStatus {
        /// The document's id.
        pub document_id: String,
        /// `"done"`, `"in_progress"`, `"error"`, ...
        pub process_status: ProcessStatus,
        /// The processing status, as text.
        pub processing_status: String,
    }
}

// ----- accesses -----

model! {
    /// Who a library is shared with, and how.
    pub struct Sharing {
        /// The library.
        pub library_id: String,
        /// The user it is shared with.
        pub user_id?: String,
        /// The organisation.
        pub org_id: String,
        /// Their role (`"Viewer"`, `"Editor"`, `"Owner"`).
        pub role: String,
        /// `"User"`, `"Workspace"` or `"Org"`.
        pub share_with_type: String,
        /// The id of whom it is shared with.
        pub share_with_uuid: Option<String>,
    }
}

model! {
    /// Every share of a library.
    pub struct ListSharingResponse {
        /// The shares.
        pub data: Vec<Sharing>,
    }
}

model! {
    /// Shares a library, or changes a share.
    pub struct SharingRequest {
        /// The organisation.
        pub org_id?: String,
        /// `"Viewer"` or `"Editor"`.
        pub level: SharingLevel,
        /// The id of the user, workspace or organisation.
        pub share_with_uuid: String,
        /// `"User"`, `"Workspace"` or `"Org"`.
        pub share_with_type: ShareWithType,
    }
}

model! {
    /// Stops sharing a library with someone.
    pub struct SharingDelete {
        /// The organisation.
        pub org_id?: String,
        /// The id of the user, workspace or organisation.
        pub share_with_uuid: String,
        /// `"User"`, `"Workspace"` or `"Org"`.
        pub share_with_type: ShareWithType,
    }
}
