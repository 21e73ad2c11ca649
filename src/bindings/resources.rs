//! The API's resources as JavaScript classes, one method per operation of the table in
//! `src/request/ops.rs`, with the official SDK's names. Argument and result types are declared
//! in `operations.d.ts`, generated from the same table.

use std::rc::Rc;

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;

use super::client::call;
use super::transport::Transport;
use crate::request::ops;

macro_rules! resource {
    // Docs are written `#[doc = "..."]` below, not `///`: inside a macro call `///` becomes a raw
    // string (`r"..."`), which wasm-bindgen would print into the .d.ts as is.
    ($(#[doc = $m:tt])* $class:ident { $($(#[doc = $doc:tt])* $js:literal $rust:ident($args:literal) -> $ret:literal = $op:expr;)* }) => {
        $(#[doc = $m])*
        #[wasm_bindgen]
        pub struct $class {
            pub(super) transport: Rc<Transport>,
        }

        #[wasm_bindgen]
        impl $class {
            $(
                $(#[doc = $doc])*
                #[wasm_bindgen(js_name = $js, unchecked_return_type = $ret)]
                pub fn $rust(
                    &self,
                    #[wasm_bindgen(unchecked_param_type = $args)] request: JsValue,
                    #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<Object>,
                ) -> Promise {
                    let options = options.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
                    call(&self.transport, &$op, request, options)
                }
            )*
        }
    };
}

resource!(
    #[doc = " Conversations: start, append to, branch and read them, streamed or not."]
    Conversations {
        #[doc = " Starts a conversation with a model or an agent and resolves to the whole response."]
        "start" start("ConversationsStartRequest") -> "Promise<ConversationsStartResponse>" = ops::conversations::START;
        #[doc = " Starts a conversation and resolves, as soon as the headers arrive, to a stream of events."]
        #[doc = " HTTP errors reject here; later failures are thrown by the iteration."]
        "startStream" start_stream("ConversationsStartStreamRequest") -> "Promise<ConversationsStartStreamResponse>" = ops::conversations::START_STREAM;
        #[doc = " Appends inputs (messages, function results) to a conversation."]
        "append" append("ConversationsAppendRequest") -> "Promise<ConversationsAppendResponse>" = ops::conversations::APPEND;
        #[doc = " Appends inputs and streams the response."]
        "appendStream" append_stream("ConversationsAppendStreamRequest") -> "Promise<ConversationsAppendStreamResponse>" = ops::conversations::APPEND_STREAM;
        #[doc = " Branches a conversation from one of its entries into a new conversation."]
        "restart" restart("ConversationsRestartRequest") -> "Promise<ConversationsRestartResponse>" = ops::conversations::RESTART;
        #[doc = " Branches a conversation and streams the response."]
        "restartStream" restart_stream("ConversationsRestartStreamRequest") -> "Promise<ConversationsRestartStreamResponse>" = ops::conversations::RESTART_STREAM;
        #[doc = " Lists conversations, newest first."]
        "list" list("ConversationsListRequest") -> "Promise<ConversationsListResponse>" = ops::conversations::LIST;
        #[doc = " Gets one conversation."]
        "get" get("ConversationsGetRequest") -> "Promise<ConversationsGetResponse>" = ops::conversations::GET;
        #[doc = " Deletes a conversation."]
        "delete" delete("ConversationsDeleteRequest") -> "Promise<ConversationsDeleteResponse>" = ops::conversations::DELETE;
        #[doc = " Every entry of a conversation, tool executions and function calls included."]
        "getHistory" get_history("ConversationsGetHistoryRequest") -> "Promise<ConversationsGetHistoryResponse>" = ops::conversations::GET_HISTORY;
        #[doc = " The messages of a conversation."]
        "getMessages" get_messages("ConversationsGetMessagesRequest") -> "Promise<ConversationsGetMessagesResponse>" = ops::conversations::GET_MESSAGES;
    }
);

resource!(
    #[doc = " Agents: models with instructions and tools, versioned, with aliases."]
    Agents {
        #[doc = " Creates an agent: a model with instructions, tools and completion arguments."]
        "create" create("AgentsCreateRequest") -> "Promise<AgentsCreateResponse>" = ops::agents::CREATE;
        #[doc = " Lists agents (deprecated by Mistral in favour of `listPages`)."]
        "list" list("AgentsListRequest") -> "Promise<AgentsListResponse>" = ops::agents::LIST;
        #[doc = " One page of agents. The result is also async-iterable over every page:"]
        #[doc = " `for await (const page of client.beta.agents.listPages({ pageSize: 50 }))`."]
        "listPages" list_pages("AgentsListPagesRequest") -> "PagePromise<AgentsListPagesResponse>" = ops::agents::LIST_PAGES;
        #[doc = " Gets an agent, at its active version or at `agentVersion` (a number or an alias)."]
        "get" get("AgentsGetRequest") -> "Promise<AgentsGetResponse>" = ops::agents::GET;
        #[doc = " Updates an agent; every update makes a new version."]
        "update" update("AgentsUpdateRequest") -> "Promise<AgentsUpdateResponse>" = ops::agents::UPDATE;
        #[doc = " Deletes an agent."]
        "delete" delete("AgentsDeleteRequest") -> "Promise<AgentsDeleteResponse>" = ops::agents::DELETE;
        #[doc = " Switches the agent's active version."]
        "updateVersion" update_version("AgentsUpdateVersionRequest") -> "Promise<AgentsUpdateVersionResponse>" = ops::agents::UPDATE_VERSION;
        #[doc = " Lists the agent's versions."]
        "listVersions" list_versions("AgentsListVersionsRequest") -> "Promise<AgentsListVersionsResponse>" = ops::agents::LIST_VERSIONS;
        #[doc = " Gets one version of an agent."]
        "getVersion" get_version("AgentsGetVersionRequest") -> "Promise<AgentsGetVersionResponse>" = ops::agents::GET_VERSION;
        #[doc = " Points an alias (such as `production`) at a version, creating it if needed."]
        "createVersionAlias" create_version_alias("AgentsCreateVersionAliasRequest") -> "Promise<AgentsCreateVersionAliasResponse>" = ops::agents::CREATE_VERSION_ALIAS;
        #[doc = " Lists the agent's version aliases."]
        "listVersionAliases" list_version_aliases("AgentsListVersionAliasesRequest") -> "Promise<AgentsListVersionAliasesResponse>" = ops::agents::LIST_VERSION_ALIASES;
        #[doc = " Deletes a version alias."]
        "deleteVersionAlias" delete_version_alias("AgentsDeleteVersionAliasRequest") -> "Promise<AgentsDeleteVersionAliasResponse>" = ops::agents::DELETE_VERSION_ALIAS;
    }
);

resource!(
    #[doc = " Connectors: MCP servers your conversations and agents can use as tools."]
    Connectors {
        #[doc = " Creates a connector to an MCP server (`protocol` defaults to `\"mcp\"`)."]
        "create" create("ConnectorsCreateRequest") -> "Promise<ConnectorsCreateResponse>" = ops::connectors::CREATE;
        #[doc = " One page of connectors. The result is also async-iterable over every page, following"]
        #[doc = " `pagination.nextCursor`: `for await (const page of client.beta.connectors.list())`."]
        "list" list("ConnectorsListRequest") -> "PagePromise<ConnectorsListResponse>" = ops::connectors::LIST;
        #[doc = " Gets a connector by id or name."]
        "get" get("ConnectorsGetRequest") -> "Promise<ConnectorsGetResponse>" = ops::connectors::GET;
        #[doc = " Updates a connector."]
        "update" update("ConnectorsUpdateRequest") -> "Promise<ConnectorsUpdateResponse>" = ops::connectors::UPDATE;
        #[doc = " Deletes a connector; resolves to `{ message }`."]
        "delete" delete("ConnectorsDeleteRequest") -> "Promise<ConnectorsDeleteResponse>" = ops::connectors::DELETE;
        #[doc = " The URL where a user authorises an OAuth connector."]
        "getAuthUrl" get_auth_url("ConnectorsGetAuthUrlRequest") -> "Promise<ConnectorsGetAuthUrlResponse>" = ops::connectors::GET_AUTH_URL;
        #[doc = " Calls one of the connector's tools directly."]
        "callTool" call_tool("ConnectorsCallToolRequest") -> "Promise<ConnectorsCallToolResponse>" = ops::connectors::CALL_TOOL;
        #[doc = " Lists the connector's tools, as its MCP server describes them."]
        "listTools" list_tools("ConnectorsListToolsRequest") -> "Promise<ConnectorsListToolsResponse>" = ops::connectors::LIST_TOOLS;
        #[doc = " The authentication methods the connector accepts."]
        "getAuthenticationMethods" get_authentication_methods("ConnectorsGetAuthenticationMethodsRequest") -> "Promise<ConnectorsGetAuthenticationMethodsResponse>" = ops::connectors::GET_AUTHENTICATION_METHODS;
        #[doc = " Lists the organisation's credentials for the connector."]
        "listOrganizationCredentials" list_organization_credentials("ConnectorsListOrganizationCredentialsRequest") -> "Promise<ConnectorsListOrganizationCredentialsResponse>" = ops::connectors::LIST_ORGANIZATION_CREDENTIALS;
        #[doc = " Lists the workspace's credentials for the connector."]
        "listWorkspaceCredentials" list_workspace_credentials("ConnectorsListWorkspaceCredentialsRequest") -> "Promise<ConnectorsListWorkspaceCredentialsResponse>" = ops::connectors::LIST_WORKSPACE_CREDENTIALS;
        #[doc = " Lists your credentials for the connector."]
        "listUserCredentials" list_user_credentials("ConnectorsListUserCredentialsRequest") -> "Promise<ConnectorsListUserCredentialsResponse>" = ops::connectors::LIST_USER_CREDENTIALS;
        #[doc = " Stores credentials for the connector at a scope (`user`, `workspace` or `organization`)."]
        "createCredentials" create_credentials("ConnectorsCreateCredentialsRequest") -> "Promise<ConnectorsCreateCredentialsResponse>" = ops::connectors::CREATE_CREDENTIALS;
        #[doc = " Updates stored credentials."]
        "updateCredentials" update_credentials("ConnectorsUpdateCredentialsRequest") -> "Promise<ConnectorsUpdateCredentialsResponse>" = ops::connectors::UPDATE_CREDENTIALS;
        #[doc = " Deletes all your credentials for the connector."]
        "deleteAllUserCredentials" delete_all_user_credentials("ConnectorsDeleteAllUserCredentialsRequest") -> "Promise<ConnectorsDeleteAllUserCredentialsResponse>" = ops::connectors::DELETE_ALL_USER_CREDENTIALS;
        #[doc = " Deletes named organisation credentials."]
        "deleteOrganizationCredentials" delete_organization_credentials("ConnectorsDeleteOrganizationCredentialsRequest") -> "Promise<ConnectorsDeleteOrganizationCredentialsResponse>" = ops::connectors::DELETE_ORGANIZATION_CREDENTIALS;
        #[doc = " Deletes named workspace credentials."]
        "deleteWorkspaceCredentials" delete_workspace_credentials("ConnectorsDeleteWorkspaceCredentialsRequest") -> "Promise<ConnectorsDeleteWorkspaceCredentialsResponse>" = ops::connectors::DELETE_WORKSPACE_CREDENTIALS;
        #[doc = " Deletes your named credentials."]
        "deleteUserCredentials" delete_user_credentials("ConnectorsDeleteUserCredentialsRequest") -> "Promise<ConnectorsDeleteUserCredentialsResponse>" = ops::connectors::DELETE_USER_CREDENTIALS;
        #[doc = " Shares the connector with the workspace."]
        "share" share("ConnectorsShareRequest") -> "Promise<ConnectorsShareResponse>" = ops::connectors::SHARE;
        #[doc = " Stops sharing the connector with the workspace."]
        "unshare" unshare("ConnectorsUnshareRequest") -> "Promise<ConnectorsUnshareResponse>" = ops::connectors::UNSHARE;
        #[doc = " Shares the connector with the organisation."]
        "shareToOrganization" share_to_organization("ConnectorsShareToOrganizationRequest") -> "Promise<ConnectorsShareToOrganizationResponse>" = ops::connectors::SHARE_TO_ORGANIZATION;
        #[doc = " Stops sharing the connector with the organisation."]
        "unshareFromOrganization" unshare_from_organization("ConnectorsUnshareFromOrganizationRequest") -> "Promise<ConnectorsUnshareFromOrganizationResponse>" = ops::connectors::UNSHARE_FROM_ORGANIZATION;
        #[doc = " Activates the connector for a scope (`user`, `workspace` or `organization`)."]
        "activateForConsumer" activate_for_consumer("ConnectorsActivateForConsumerRequest") -> "Promise<ConnectorsActivateForConsumerResponse>" = ops::connectors::ACTIVATE_FOR_CONSUMER;
        #[doc = " Deactivates the connector for a scope."]
        "deactivateForConsumer" deactivate_for_consumer("ConnectorsDeactivateForConsumerRequest") -> "Promise<ConnectorsDeactivateForConsumerResponse>" = ops::connectors::DEACTIVATE_FOR_CONSUMER;
    }
);

resource!(
    #[doc = " Document libraries, searched by the `document_library` tool."]
    Libraries {
        #[doc = " Lists document libraries."]
        "list" list("LibrariesListRequest") -> "Promise<LibrariesListResponse>" = ops::libraries::LIST;
        #[doc = " Creates a document library."]
        "create" create("LibrariesCreateRequest") -> "Promise<LibrariesCreateResponse>" = ops::libraries::CREATE;
        #[doc = " Gets a library."]
        "get" get("LibrariesGetRequest") -> "Promise<LibrariesGetResponse>" = ops::libraries::GET;
        #[doc = " Updates a library's name or description."]
        "update" update("LibrariesUpdateRequest") -> "Promise<LibrariesUpdateResponse>" = ops::libraries::UPDATE;
        #[doc = " Replaces a library's name or description (deprecated: use `update`)."]
        "librariesUpdateV1" libraries_update_v1("LibrariesLibrariesUpdateV1Request") -> "Promise<LibrariesLibrariesUpdateV1Response>" = ops::libraries::LIBRARIES_UPDATE_V1;
        #[doc = " Deletes a library and its documents."]
        "delete" delete("LibrariesDeleteRequest") -> "Promise<LibrariesDeleteResponse>" = ops::libraries::DELETE;
    }
);

resource!(
    #[doc = " The documents of a library."]
    LibraryDocuments {
        #[doc = " Lists a library's documents."]
        "list" list("LibrariesDocumentsListRequest") -> "Promise<LibrariesDocumentsListResponse>" = ops::documents::LIST;
        #[doc = " Uploads a document (a `Blob`, `File`, bytes, or `{ fileName, content }`) as multipart form data."]
        "upload" upload("LibrariesDocumentsUploadRequest") -> "Promise<LibrariesDocumentsUploadResponse>" = ops::documents::UPLOAD;
        #[doc = " Gets a document's metadata."]
        "get" get("LibrariesDocumentsGetRequest") -> "Promise<LibrariesDocumentsGetResponse>" = ops::documents::GET;
        #[doc = " Updates a document's name or attributes."]
        "update" update("LibrariesDocumentsUpdateRequest") -> "Promise<LibrariesDocumentsUpdateResponse>" = ops::documents::UPDATE;
        #[doc = " Replaces a document's name or attributes (deprecated: use `update`)."]
        "librariesDocumentsUpdateV1" libraries_documents_update_v1("LibrariesDocumentsLibrariesDocumentsUpdateV1Request") -> "Promise<LibrariesDocumentsLibrariesDocumentsUpdateV1Response>" = ops::documents::LIBRARIES_DOCUMENTS_UPDATE_V1;
        #[doc = " Deletes a document."]
        "delete" delete("LibrariesDocumentsDeleteRequest") -> "Promise<LibrariesDocumentsDeleteResponse>" = ops::documents::DELETE;
        #[doc = " The text extracted from a document."]
        "textContent" text_content("LibrariesDocumentsTextContentRequest") -> "Promise<LibrariesDocumentsTextContentResponse>" = ops::documents::TEXT_CONTENT;
        #[doc = " A document's processing status (queued, running, done, ...)."]
        "status" status("LibrariesDocumentsStatusRequest") -> "Promise<LibrariesDocumentsStatusResponse>" = ops::documents::STATUS;
        #[doc = " A temporary URL of the original document."]
        "getSignedUrl" get_signed_url("LibrariesDocumentsGetSignedUrlRequest") -> "Promise<LibrariesDocumentsGetSignedUrlResponse>" = ops::documents::GET_SIGNED_URL;
        #[doc = " A temporary URL of the extracted text."]
        "extractedTextSignedUrl" extracted_text_signed_url("LibrariesDocumentsExtractedTextSignedUrlRequest") -> "Promise<LibrariesDocumentsExtractedTextSignedUrlResponse>" = ops::documents::EXTRACTED_TEXT_SIGNED_URL;
        #[doc = " Processes a document again."]
        "reprocess" reprocess("LibrariesDocumentsReprocessRequest") -> "Promise<LibrariesDocumentsReprocessResponse>" = ops::documents::REPROCESS;
    }
);

resource!(
    #[doc = " Who can use a library."]
    LibraryAccesses {
        #[doc = " Who can access a library."]
        "list" list("LibrariesAccessesListRequest") -> "Promise<LibrariesAccessesListResponse>" = ops::accesses::LIST;
        #[doc = " Grants or changes access to a library."]
        "updateOrCreate" update_or_create("LibrariesAccessesUpdateOrCreateRequest") -> "Promise<LibrariesAccessesUpdateOrCreateResponse>" = ops::accesses::UPDATE_OR_CREATE;
        #[doc = " Revokes access to a library."]
        "delete" delete("LibrariesAccessesDeleteRequest") -> "Promise<LibrariesAccessesDeleteResponse>" = ops::accesses::DELETE;
    }
);

resource!(
    #[doc = " Files, such as the images `image_generation` makes."]
    Files {
        #[doc = " A file's metadata (generated images arrive as `tool_file` chunks naming a file)."]
        "retrieve" retrieve("FilesRetrieveRequest") -> "Promise<FilesRetrieveResponse>" = ops::files::RETRIEVE;
        #[doc = " A file's content as bytes (`new Blob([bytes])` makes a Blob of it)."]
        "download" download("FilesDownloadRequest") -> "Promise<FilesDownloadResponse>" = ops::files::DOWNLOAD;
        #[doc = " A temporary URL of the file, usable as an `<img src>`."]
        "getSignedUrl" get_signed_url("FilesGetSignedUrlRequest") -> "Promise<FilesGetSignedUrlResponse>" = ops::files::GET_SIGNED_URL;
    }
);

#[wasm_bindgen]
impl Libraries {
    #[doc = " The documents of a library."]
    #[wasm_bindgen(getter)]
    pub fn documents(&self) -> LibraryDocuments {
        LibraryDocuments {
            transport: self.transport.clone(),
        }
    }

    #[doc = " Who can use a library."]
    #[wasm_bindgen(getter)]
    pub fn accesses(&self) -> LibraryAccesses {
        LibraryAccesses {
            transport: self.transport.clone(),
        }
    }
}
