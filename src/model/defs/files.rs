// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

model! {
    /// A file's details. Unlike elsewhere, its times are unix seconds.
    pub struct GetFileResponse {
        /// The file's id (a `tool_file` chunk's `fileId`).
        pub id: String,
        /// Always `"file"`.
        pub object?: String,
        /// Its size in bytes (`bytes` on the wire; the official SDK names it `sizeBytes`).
        pub bytes as "sizeBytes": i64,
        /// When it was created (unix seconds).
        pub created_at: i64,
        /// Its name.
        pub filename: String,
        /// `"fine-tune"`, `"batch"` or `"ocr"`.
        pub purpose: FilePurpose,
        /// What kind of data it holds.
        pub sample_type: String,
        /// `"upload"`, `"repository"` or `"mistral"`.
        pub source: FileSource,
        /// How many lines it has.
        pub num_lines?: i64,
        /// Its MIME type.
        pub mimetype?: String,
        /// Its signature.
        pub signature?: String,
        /// When it expires (unix seconds).
        pub expires_at?: i64,
        /// `"workspace"` or `"user"`.
        pub visibility?: FileVisibility,
        /// Whether it was deleted.
        pub deleted: bool,
    }
}

model! {
    /// A signed, time-limited URL to a file, usable without your API key.
    pub struct FileSignedUrl {
        /// The URL.
        pub url: String,
    }
}

model! {
    /// A file as `files.upload` returns it and `files.list` lists it. Its times are unix seconds.
    pub struct FileSchema {
        /// The file's id.
        pub id: String,
        /// Always `"file"`.
        pub object: String,
        /// Its size in bytes (`bytes` on the wire; the official SDK names it `sizeBytes`).
        pub bytes as "sizeBytes": i64,
        /// When it was created (unix seconds).
        pub created_at: i64,
        /// Its name.
        pub filename: String,
        /// `"fine-tune"`, `"batch"` or `"ocr"`.
        pub purpose: FilePurpose,
        /// What kind of data it holds (`"pretrain"`, `"instruct"`, `"batch_request"`, ...).
        pub sample_type: String,
        /// `"upload"`, `"repository"` or `"mistral"`.
        pub source: FileSource,
        /// How many lines it has.
        pub num_lines?: i64,
        /// Its MIME type.
        pub mimetype?: String,
        /// Its signature.
        pub signature?: String,
        /// When it expires (unix seconds).
        pub expires_at?: i64,
        /// `"workspace"` or `"user"`.
        pub visibility?: FileVisibility,
    }
}

model! {
    /// One page of files (`files.list`).
    pub struct ListFilesResponse {
        /// The files.
        pub data: Vec<FileSchema>,
        /// Always `"list"`.
        pub object: String,
        /// How many files match, when `includeTotal` was asked.
        pub total?: i64,
    }
}

model! {
    /// What `files.delete` answers.
    pub struct DeleteFileResponse {
        /// The deleted file's id.
        pub id: String,
        /// Always `"file"`.
        pub object: String,
        /// Whether it was deleted.
        pub deleted: bool,
    }
}
