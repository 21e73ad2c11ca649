//! The operation table: method, path, parameters, body and response of every call, named as
//! in the official SDK. Adding an operation (an entry here, a method in `surface.rs`, `make regen`,
//! an emulator handler, tests): ARCHITECTURE.md, "Recipe: add an operation".

use super::Method;
use crate::model::shape::{HasShape, Shape};
use crate::model::wire;

/// One API operation.
#[derive(Debug)]
pub struct Operation {
    /// `resource.method`, as in the official SDK (`conversations.appendStream`).
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path, with `{wire_name}` placeholders for path parameters.
    pub path: &'static str,
    /// Path and query parameters.
    pub params: &'static [Param],
    /// The JSON body, if the operation takes one.
    pub body: Option<Body>,
    /// The method-owned `stream` flag, forced into the body.
    pub stream: Option<bool>,
    /// What a successful response carries.
    pub response: ResponseKind,
}

/// A path or query parameter.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The argument's JavaScript name (`conversationId`).
    pub js: &'static str,
    /// Its wire name (`conversation_id`).
    pub wire: &'static str,
    /// Where it goes.
    pub kind: ParamKind,
    /// Whether the call needs it (path parameters always do).
    pub required: bool,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// Into the path, percent-encoded.
    Path,
    /// Into the query string; arrays repeat the key.
    Query,
    /// Into the query string as JSON text (`metadata` filters).
    QueryJson,
    /// An object whose properties each become a query parameter, snake_cased
    /// (`queryFilters: { active: true }` → `?active=true`).
    QueryObject,
}

/// An operation's body.
#[derive(Debug)]
pub struct Body {
    /// The key the official SDK wraps the body under (`conversationAppendRequest`).
    pub key: &'static str,
    /// How the body is sent.
    pub kind: BodyKind,
    /// Top-level members added, as raw JSON, when the caller left them out (`protocol: "mcp"`).
    pub defaults: &'static [(&'static str, &'static str)],
}

/// How an operation's body is sent.
#[derive(Debug)]
pub enum BodyKind {
    /// JSON of this shape, transcoded to the wire spelling.
    Json(&'static Shape),
    /// `multipart/form-data` with one file part and text parts. The caller's file (a `Blob`, or
    /// the official SDK's `{ fileName, content }`) cannot travel as JSON: the bindings build the
    /// `FormData`. The body's `defaults` are text parts added when the caller left them out.
    Multipart {
        /// The argument, and the form field, that carries the file (`file`).
        file: &'static str,
        /// The other arguments, each sent as a text part: `(js name, wire name, shape)`, the
        /// shape being `String` or `Integer`.
        fields: &'static [(&'static str, &'static str, &'static Shape)],
    },
}

/// What a successful response carries.
#[derive(Debug)]
pub enum ResponseKind {
    /// JSON of this shape; an empty body (204) is `undefined`.
    Json(&'static Shape),
    /// Nothing (204).
    Empty,
    /// A conversation event stream.
    Events,
    /// Raw bytes (file download), sent with `Accept: application/octet-stream`; the response must
    /// have that content type. JavaScript receives them as a `ReadableStream<Uint8Array>`, as from
    /// the official SDK.
    Bytes,
}

const fn path(js: &'static str, wire: &'static str) -> Param {
    Param {
        js,
        wire,
        kind: ParamKind::Path,
        required: true,
    }
}
const fn query(js: &'static str, wire: &'static str) -> Param {
    Param {
        js,
        wire,
        kind: ParamKind::Query,
        required: false,
    }
}
const fn required_query(js: &'static str, wire: &'static str) -> Param {
    Param {
        required: true,
        ..query(js, wire)
    }
}
const fn query_json(js: &'static str, wire: &'static str) -> Param {
    Param {
        kind: ParamKind::QueryJson,
        ..query(js, wire)
    }
}
const fn query_object(js: &'static str, wire: &'static str) -> Param {
    Param {
        kind: ParamKind::QueryObject,
        ..query(js, wire)
    }
}
/// A JSON body of `shape`, wrapped under `key` in the official SDK's call shape.
const fn json(key: &'static str, shape: &'static Shape) -> Option<Body> {
    Some(Body {
        key,
        kind: BodyKind::Json(shape),
        defaults: &[],
    })
}
/// The shape of a model type.
const fn shape<T: HasShape>() -> &'static Shape {
    T::SHAPE
}
/// A JSON response of a model type (`Vec<T>` for a list).
const fn returns<T: HasShape>() -> ResponseKind {
    ResponseKind::Json(T::SHAPE)
}
/// An operation without a stream flag.
const fn op(
    name: &'static str,
    method: Method,
    path: &'static str,
    params: &'static [Param],
    body: Option<Body>,
    response: ResponseKind,
) -> Operation {
    Operation {
        name,
        method,
        path,
        params,
        body,
        stream: None,
        response,
    }
}
const CONVERSATION_ID: Param = path("conversationId", "conversation_id");

/// `beta.conversations` operations.
pub mod conversations {
    use super::*;

    const RESPONSE: ResponseKind =
        ResponseKind::Json(<wire::ConversationResponse as HasShape>::SHAPE);

    /// Starts a conversation and waits for the whole response.
    pub const START: Operation = Operation {
        name: "conversations.start",
        method: Method::Post,
        path: "/v1/conversations",
        params: &[],
        body: json(
            "conversationRequest",
            <wire::ConversationRequest as HasShape>::SHAPE,
        ),
        stream: Some(false),
        response: RESPONSE,
    };
    /// Starts a conversation and streams its events.
    pub const START_STREAM: Operation = Operation {
        name: "conversations.startStream",
        stream: Some(true),
        response: ResponseKind::Events,
        ..START
    };
    /// Appends inputs to a conversation.
    pub const APPEND: Operation = Operation {
        name: "conversations.append",
        method: Method::Post,
        path: "/v1/conversations/{conversation_id}",
        params: &[CONVERSATION_ID],
        body: json(
            "conversationAppendRequest",
            <wire::AppendConversationRequest as HasShape>::SHAPE,
        ),
        stream: Some(false),
        response: RESPONSE,
    };
    /// Appends inputs and streams the response.
    pub const APPEND_STREAM: Operation = Operation {
        name: "conversations.appendStream",
        body: json(
            "conversationAppendStreamRequest",
            <wire::AppendConversationRequest as HasShape>::SHAPE,
        ),
        stream: Some(true),
        response: ResponseKind::Events,
        ..APPEND
    };
    /// Branches a conversation from an entry.
    pub const RESTART: Operation = Operation {
        name: "conversations.restart",
        method: Method::Post,
        path: "/v1/conversations/{conversation_id}/restart",
        params: &[CONVERSATION_ID],
        body: json(
            "conversationRestartRequest",
            <wire::RestartConversationRequest as HasShape>::SHAPE,
        ),
        stream: Some(false),
        response: RESPONSE,
    };
    /// Branches a conversation and streams the response.
    pub const RESTART_STREAM: Operation = Operation {
        name: "conversations.restartStream",
        body: json(
            "conversationRestartStreamRequest",
            <wire::RestartConversationRequest as HasShape>::SHAPE,
        ),
        stream: Some(true),
        response: ResponseKind::Events,
        ..RESTART
    };
    /// Lists conversations.
    pub const LIST: Operation = Operation {
        name: "conversations.list",
        method: Method::Get,
        path: "/v1/conversations",
        params: &[
            query("page", "page"),
            query("pageSize", "page_size"),
            query_json("metadata", "metadata"),
        ],
        body: None,
        stream: None,
        response: ResponseKind::Json(&Shape::Array(<wire::Conversation as HasShape>::SHAPE)),
    };
    /// Gets a conversation.
    pub const GET: Operation = Operation {
        name: "conversations.get",
        method: Method::Get,
        path: "/v1/conversations/{conversation_id}",
        params: &[CONVERSATION_ID],
        body: None,
        stream: None,
        response: ResponseKind::Json(<wire::Conversation as HasShape>::SHAPE),
    };
    /// Deletes a conversation.
    pub const DELETE: Operation = Operation {
        name: "conversations.delete",
        method: Method::Delete,
        response: ResponseKind::Empty,
        ..GET
    };
    /// Every entry of a conversation.
    pub const GET_HISTORY: Operation = Operation {
        name: "conversations.getHistory",
        path: "/v1/conversations/{conversation_id}/history",
        response: ResponseKind::Json(<wire::ConversationHistory as HasShape>::SHAPE),
        ..GET
    };
    /// The messages of a conversation.
    pub const GET_MESSAGES: Operation = Operation {
        name: "conversations.getMessages",
        path: "/v1/conversations/{conversation_id}/messages",
        response: ResponseKind::Json(<wire::ConversationMessages as HasShape>::SHAPE),
        ..GET
    };
}

/// `beta.agents` operations.
pub mod agents {
    use super::*;

    const AGENT_ID: Param = path("agentId", "agent_id");
    /// Filters shared by `list` and `listPages`.
    const FILTERS: [Param; 6] = [
        query("deploymentChat", "deployment_chat"),
        query("sources", "sources"),
        query("name", "name"),
        query("search", "search"),
        query("id", "id"),
        query_json("metadata", "metadata"),
    ];

    /// Creates an agent.
    pub const CREATE: Operation = op(
        "agents.create",
        Method::Post,
        "/v1/agents",
        &[],
        json("createAgentRequest", shape::<wire::CreateAgentRequest>()),
        returns::<wire::Agent>(),
    );
    /// Lists agents by page number (deprecated upstream in favour of `listPages`).
    pub const LIST: Operation = op(
        "agents.list",
        Method::Get,
        "/v1/agents",
        &[
            query("page", "page"),
            query("pageSize", "page_size"),
            FILTERS[0],
            FILTERS[1],
            FILTERS[2],
            FILTERS[3],
            FILTERS[4],
            FILTERS[5],
        ],
        None,
        returns::<Vec<wire::Agent>>(),
    );
    /// Lists agents by opaque page token.
    pub const LIST_PAGES: Operation = op(
        "agents.listPages",
        Method::Get,
        "/v1/agents/pages",
        &[
            query("pageSize", "page_size"),
            query("pageToken", "page_token"),
            FILTERS[0],
            FILTERS[1],
            FILTERS[2],
            FILTERS[3],
            FILTERS[4],
            FILTERS[5],
        ],
        None,
        returns::<wire::AgentListPage>(),
    );
    /// Gets an agent, at its active version or at `agentVersion` (a number or an alias).
    pub const GET: Operation = op(
        "agents.get",
        Method::Get,
        "/v1/agents/{agent_id}",
        &[AGENT_ID, query("agentVersion", "agent_version")],
        None,
        returns::<wire::Agent>(),
    );
    /// Updates an agent, creating a new version.
    pub const UPDATE: Operation = op(
        "agents.update",
        Method::Patch,
        "/v1/agents/{agent_id}",
        &[AGENT_ID],
        json("updateAgentRequest", shape::<wire::UpdateAgentRequest>()),
        returns::<wire::Agent>(),
    );
    /// Deletes an agent.
    pub const DELETE: Operation = op(
        "agents.delete",
        Method::Delete,
        "/v1/agents/{agent_id}",
        &[AGENT_ID],
        None,
        ResponseKind::Empty,
    );
    /// Switches the agent's active version.
    pub const UPDATE_VERSION: Operation = op(
        "agents.updateVersion",
        Method::Patch,
        "/v1/agents/{agent_id}/version",
        &[AGENT_ID, required_query("version", "version")],
        None,
        returns::<wire::Agent>(),
    );
    /// Lists an agent's versions.
    pub const LIST_VERSIONS: Operation = op(
        "agents.listVersions",
        Method::Get,
        "/v1/agents/{agent_id}/versions",
        &[
            AGENT_ID,
            query("page", "page"),
            query("pageSize", "page_size"),
        ],
        None,
        returns::<Vec<wire::Agent>>(),
    );
    /// Gets one version of an agent.
    pub const GET_VERSION: Operation = op(
        "agents.getVersion",
        Method::Get,
        "/v1/agents/{agent_id}/versions/{version}",
        &[AGENT_ID, path("version", "version")],
        None,
        returns::<wire::Agent>(),
    );
    /// Points an alias at a version (creating the alias if needed).
    pub const CREATE_VERSION_ALIAS: Operation = op(
        "agents.createVersionAlias",
        Method::Put,
        "/v1/agents/{agent_id}/aliases",
        &[
            AGENT_ID,
            required_query("alias", "alias"),
            required_query("version", "version"),
        ],
        None,
        returns::<wire::AgentAliasResponse>(),
    );
    /// Lists an agent's aliases.
    pub const LIST_VERSION_ALIASES: Operation = op(
        "agents.listVersionAliases",
        Method::Get,
        "/v1/agents/{agent_id}/aliases",
        &[AGENT_ID],
        None,
        returns::<Vec<wire::AgentAliasResponse>>(),
    );
    /// Deletes an alias.
    pub const DELETE_VERSION_ALIAS: Operation = op(
        "agents.deleteVersionAlias",
        Method::Delete,
        "/v1/agents/{agent_id}/aliases",
        &[AGENT_ID, required_query("alias", "alias")],
        None,
        ResponseKind::Empty,
    );
}

/// `beta.connectors` operations. `{connector_id_or_name}` takes a UUID or a name;
/// `{connector_id}` only a UUID.
pub mod connectors {
    use super::*;

    const ID_OR_NAME: Param = path("connectorIdOrName", "connector_id_or_name");
    const CONNECTOR_ID: Param = path("connectorId", "connector_id");
    const CONSUMER_SCOPE: Param = path("consumerScope", "consumer_scope");
    const CREDENTIALS_NAME: Param = path("credentialsName", "credentials_name");
    const CREDENTIAL_FILTERS: [Param; 3] = [
        ID_OR_NAME,
        query("authType", "auth_type"),
        query("fetchDefault", "fetch_default"),
    ];
    const MESSAGE: ResponseKind = returns::<wire::MessageResponse>();
    const CREDENTIALS_BODY: Option<Body> = json(
        "credentialsCreateOrUpdate",
        shape::<wire::CredentialsCreateOrUpdate>(),
    );

    /// Creates a connector; `protocol` is `"mcp"` unless given, as Mistral's docs leave it out.
    pub const CREATE: Operation = op(
        "connectors.create",
        Method::Post,
        "/v1/connectors",
        &[],
        Some(Body {
            key: "createConnectorRequest",
            kind: BodyKind::Json(shape::<wire::CreateConnectorRequest>()),
            defaults: &[("protocol", "\"mcp\"")],
        }),
        returns::<wire::Connector>(),
    );
    /// Lists connectors, a page at a time (follow `pagination.nextCursor` with `cursor`).
    pub const LIST: Operation = op(
        "connectors.list",
        Method::Get,
        "/v1/connectors",
        &[
            query_object("queryFilters", "query_filters"),
            query("active", "active"),
            query("cursor", "cursor"),
            query("pageSize", "page_size"),
        ],
        None,
        returns::<wire::PaginatedConnectors>(),
    );
    /// Gets a connector by id or name.
    pub const GET: Operation = op(
        "connectors.get",
        Method::Get,
        "/v1/connectors/{connector_id_or_name}",
        &[
            ID_OR_NAME,
            query("fetchUserData", "fetch_user_data"),
            query("fetchCustomerData", "fetch_customer_data"),
        ],
        None,
        returns::<wire::Connector>(),
    );
    /// Updates a connector.
    pub const UPDATE: Operation = op(
        "connectors.update",
        Method::Patch,
        "/v1/connectors/{connector_id}",
        &[CONNECTOR_ID],
        json("requestBody", shape::<wire::UpdateConnectorRequest>()),
        returns::<wire::Connector>(),
    );
    /// Deletes a connector.
    pub const DELETE: Operation = op(
        "connectors.delete",
        Method::Delete,
        "/v1/connectors/{connector_id}",
        &[CONNECTOR_ID],
        None,
        MESSAGE,
    );
    /// A URL where the user authorises the connector (OAuth).
    pub const GET_AUTH_URL: Operation = op(
        "connectors.getAuthUrl",
        Method::Get,
        "/v1/connectors/{connector_id_or_name}/auth_url",
        &[
            ID_OR_NAME,
            query("appReturnUrl", "app_return_url"),
            query("methodType", "method_type"),
            query("credentialsName", "credentials_name"),
            query("credentialsTitle", "credentials_title"),
            query("githubInstallationLink", "github_installation_link"),
        ],
        None,
        returns::<wire::AuthUrlResponse>(),
    );
    /// Calls one of the connector's tools directly.
    pub const CALL_TOOL: Operation = op(
        "connectors.callTool",
        Method::Post,
        "/v1/connectors/{connector_id_or_name}/tools/{tool_name}/call",
        &[
            ID_OR_NAME,
            path("toolName", "tool_name"),
            query("credentialsName", "credentials_name"),
        ],
        json(
            "connectorCallToolRequest",
            shape::<wire::ConnectorCallToolRequest>(),
        ),
        returns::<wire::ConnectorToolCallResponse>(),
    );
    /// Lists the connector's MCP tools.
    pub const LIST_TOOLS: Operation = op(
        "connectors.listTools",
        Method::Get,
        "/v1/connectors/{connector_id_or_name}/tools",
        &[
            ID_OR_NAME,
            query("page", "page"),
            query("pageSize", "page_size"),
            query("refresh", "refresh"),
            query("pretty", "pretty"),
            query("credentialsName", "credentials_name"),
        ],
        None,
        returns::<Vec<wire::McpTool>>(),
    );
    /// How users can authenticate to the connector.
    pub const GET_AUTHENTICATION_METHODS: Operation = op(
        "connectors.getAuthenticationMethods",
        Method::Get,
        "/v1/connectors/{connector_id_or_name}/authentication_methods",
        &[ID_OR_NAME],
        None,
        returns::<Vec<wire::PublicAuthenticationMethod>>(),
    );
    /// The organisation's credentials for the connector.
    pub const LIST_ORGANIZATION_CREDENTIALS: Operation = op(
        "connectors.listOrganizationCredentials",
        Method::Get,
        "/v1/connectors/{connector_id_or_name}/organization/credentials",
        &CREDENTIAL_FILTERS,
        None,
        returns::<wire::CredentialsResponse>(),
    );
    /// The workspace's credentials for the connector.
    pub const LIST_WORKSPACE_CREDENTIALS: Operation = Operation {
        name: "connectors.listWorkspaceCredentials",
        path: "/v1/connectors/{connector_id_or_name}/workspace/credentials",
        ..LIST_ORGANIZATION_CREDENTIALS
    };
    /// Your own credentials for the connector.
    pub const LIST_USER_CREDENTIALS: Operation = Operation {
        name: "connectors.listUserCredentials",
        path: "/v1/connectors/{connector_id_or_name}/user/credentials",
        ..LIST_ORGANIZATION_CREDENTIALS
    };
    /// Creates credentials at a scope (`consumerScope`: `"user"`, `"workspace"` or `"organization"`).
    pub const CREATE_CREDENTIALS: Operation = op(
        "connectors.createCredentials",
        Method::Post,
        "/v1/connectors/{connector_id_or_name}/{consumer_scope}/credentials",
        &[ID_OR_NAME, CONSUMER_SCOPE],
        CREDENTIALS_BODY,
        MESSAGE,
    );
    /// Updates credentials at a scope.
    pub const UPDATE_CREDENTIALS: Operation = op(
        "connectors.updateCredentials",
        Method::Patch,
        "/v1/connectors/{connector_id_or_name}/{consumer_scope}/credentials",
        &[ID_OR_NAME, CONSUMER_SCOPE],
        CREDENTIALS_BODY,
        MESSAGE,
    );
    /// Deletes all your own credentials for the connector.
    pub const DELETE_ALL_USER_CREDENTIALS: Operation = op(
        "connectors.deleteAllUserCredentials",
        Method::Delete,
        "/v1/connectors/{connector_id_or_name}/user/credentials",
        &[ID_OR_NAME],
        None,
        MESSAGE,
    );
    /// Deletes one set of the organisation's credentials.
    pub const DELETE_ORGANIZATION_CREDENTIALS: Operation = op(
        "connectors.deleteOrganizationCredentials",
        Method::Delete,
        "/v1/connectors/{connector_id_or_name}/organization/credentials/{credentials_name}",
        &[ID_OR_NAME, CREDENTIALS_NAME],
        None,
        MESSAGE,
    );
    /// Deletes one set of the workspace's credentials.
    pub const DELETE_WORKSPACE_CREDENTIALS: Operation = Operation {
        name: "connectors.deleteWorkspaceCredentials",
        path: "/v1/connectors/{connector_id_or_name}/workspace/credentials/{credentials_name}",
        ..DELETE_ORGANIZATION_CREDENTIALS
    };
    /// Deletes one set of your own credentials.
    pub const DELETE_USER_CREDENTIALS: Operation = Operation {
        name: "connectors.deleteUserCredentials",
        path: "/v1/connectors/{connector_id_or_name}/user/credentials/{credentials_name}",
        ..DELETE_ORGANIZATION_CREDENTIALS
    };
    /// Shares the connector.
    pub const SHARE: Operation = op(
        "connectors.share",
        Method::Put,
        "/v1/connectors/{connector_id}/share",
        &[CONNECTOR_ID],
        None,
        MESSAGE,
    );
    /// Stops sharing the connector.
    pub const UNSHARE: Operation = Operation {
        name: "connectors.unshare",
        method: Method::Delete,
        ..SHARE
    };
    /// Shares the connector with the whole organisation.
    pub const SHARE_TO_ORGANIZATION: Operation = Operation {
        name: "connectors.shareToOrganization",
        path: "/v1/connectors/{connector_id}/organization/share",
        ..SHARE
    };
    /// Stops sharing the connector with the organisation.
    pub const UNSHARE_FROM_ORGANIZATION: Operation = Operation {
        name: "connectors.unshareFromOrganization",
        method: Method::Delete,
        ..SHARE_TO_ORGANIZATION
    };
    /// Activates the connector at a scope (`consumerScope`).
    pub const ACTIVATE_FOR_CONSUMER: Operation = op(
        "connectors.activateForConsumer",
        Method::Post,
        "/v1/connectors/{connector_id}/{consumer_scope}/activate",
        &[CONNECTOR_ID, CONSUMER_SCOPE],
        None,
        MESSAGE,
    );
    /// Deactivates the connector at a scope.
    pub const DEACTIVATE_FOR_CONSUMER: Operation = Operation {
        name: "connectors.deactivateForConsumer",
        path: "/v1/connectors/{connector_id}/{consumer_scope}/deactivate",
        ..ACTIVATE_FOR_CONSUMER
    };
}

/// `beta.libraries` operations.
pub mod libraries {
    use super::*;

    pub(super) const LIBRARY_ID: Param = path("libraryId", "library_id");
    const LIBRARY: ResponseKind = returns::<wire::Library>();

    /// Lists libraries.
    pub const LIST: Operation = op(
        "libraries.list",
        Method::Get,
        "/v1/libraries",
        &[
            query("pageSize", "page_size"),
            query("pageToken", "page_token"),
            query("page", "page"),
            query("search", "search"),
            query("filterOwnedByMe", "filter_owned_by_me"),
        ],
        None,
        returns::<wire::ListLibrariesResponse>(),
    );
    /// Creates a library.
    pub const CREATE: Operation = op(
        "libraries.create",
        Method::Post,
        "/v1/libraries",
        &[],
        json(
            "createLibraryRequest",
            shape::<wire::CreateLibraryRequest>(),
        ),
        LIBRARY,
    );
    /// Gets a library.
    pub const GET: Operation = op(
        "libraries.get",
        Method::Get,
        "/v1/libraries/{library_id}",
        &[LIBRARY_ID],
        None,
        LIBRARY,
    );
    /// Renames a library or changes its description.
    pub const UPDATE: Operation = op(
        "libraries.update",
        Method::Patch,
        "/v1/libraries/{library_id}",
        &[LIBRARY_ID],
        json(
            "updateLibraryRequest",
            shape::<wire::UpdateLibraryRequest>(),
        ),
        LIBRARY,
    );
    /// The deprecated `PUT` form of `update`.
    pub const LIBRARIES_UPDATE_V1: Operation = Operation {
        name: "libraries.librariesUpdateV1",
        method: Method::Put,
        ..UPDATE
    };
    /// Deletes a library (the response is the library, or empty).
    pub const DELETE: Operation = Operation {
        name: "libraries.delete",
        method: Method::Delete,
        ..GET
    };
}

/// `beta.libraries.documents` operations.
pub mod documents {
    use super::libraries::LIBRARY_ID;
    use super::*;

    const IDS: [Param; 2] = [LIBRARY_ID, path("documentId", "document_id")];
    const DOCUMENT: ResponseKind = returns::<wire::Document>();

    /// Lists a library's documents.
    pub const LIST: Operation = op(
        "libraries.documents.list",
        Method::Get,
        "/v1/libraries/{library_id}/documents",
        &[
            LIBRARY_ID,
            query("search", "search"),
            query("pageSize", "page_size"),
            query("page", "page"),
            query("filtersAttributes", "filters_attributes"),
            query("sortBy", "sort_by"),
            query("sortOrder", "sort_order"),
        ],
        None,
        returns::<wire::ListDocumentsResponse>(),
    );
    /// Uploads a document (`multipart/form-data`, one `file` part).
    pub const UPLOAD: Operation = op(
        "libraries.documents.upload",
        Method::Post,
        "/v1/libraries/{library_id}/documents",
        &[LIBRARY_ID],
        Some(Body {
            key: "requestBody",
            kind: BodyKind::Multipart {
                file: "file",
                fields: &[],
            },
            defaults: &[],
        }),
        DOCUMENT,
    );
    /// Gets a document.
    pub const GET: Operation = op(
        "libraries.documents.get",
        Method::Get,
        "/v1/libraries/{library_id}/documents/{document_id}",
        &IDS,
        None,
        DOCUMENT,
    );
    /// Changes a document's name, attributes or expiry.
    pub const UPDATE: Operation = op(
        "libraries.documents.update",
        Method::Patch,
        "/v1/libraries/{library_id}/documents/{document_id}",
        &IDS,
        json(
            "updateDocumentRequest",
            shape::<wire::UpdateDocumentRequest>(),
        ),
        DOCUMENT,
    );
    /// The deprecated `PUT` form of `update`.
    pub const LIBRARIES_DOCUMENTS_UPDATE_V1: Operation = Operation {
        name: "libraries.documents.librariesDocumentsUpdateV1",
        method: Method::Put,
        ..UPDATE
    };
    /// Deletes a document.
    pub const DELETE: Operation = Operation {
        name: "libraries.documents.delete",
        method: Method::Delete,
        response: ResponseKind::Empty,
        ..GET
    };
    /// The text extracted from a document.
    pub const TEXT_CONTENT: Operation = op(
        "libraries.documents.textContent",
        Method::Get,
        "/v1/libraries/{library_id}/documents/{document_id}/text_content",
        &[
            IDS[0],
            IDS[1],
            query("pageStart", "page_start"),
            query("pageEnd", "page_end"),
        ],
        None,
        returns::<wire::DocumentTextContent>(),
    );
    /// Where a document is in its processing.
    pub const STATUS: Operation = Operation {
        name: "libraries.documents.status",
        path: "/v1/libraries/{library_id}/documents/{document_id}/status",
        response: returns::<wire::DocumentStatus>(),
        ..GET
    };
    /// A signed URL to the document (the response is a JSON string).
    pub const GET_SIGNED_URL: Operation = Operation {
        name: "libraries.documents.getSignedUrl",
        path: "/v1/libraries/{library_id}/documents/{document_id}/signed-url",
        response: ResponseKind::Json(&Shape::String),
        ..GET
    };
    /// A signed URL to the document's extracted text (the response is a JSON string).
    pub const EXTRACTED_TEXT_SIGNED_URL: Operation = Operation {
        name: "libraries.documents.extractedTextSignedUrl",
        path: "/v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url",
        ..GET_SIGNED_URL
    };
    /// Processes a document again.
    pub const REPROCESS: Operation = Operation {
        name: "libraries.documents.reprocess",
        method: Method::Post,
        path: "/v1/libraries/{library_id}/documents/{document_id}/reprocess",
        response: ResponseKind::Empty,
        ..GET
    };
}

/// `beta.libraries.accesses` operations.
pub mod accesses {
    use super::libraries::LIBRARY_ID;
    use super::*;

    /// Every share of a library.
    pub const LIST: Operation = op(
        "libraries.accesses.list",
        Method::Get,
        "/v1/libraries/{library_id}/share",
        &[LIBRARY_ID],
        None,
        returns::<wire::ListSharingResponse>(),
    );
    /// Shares a library, or changes a share.
    pub const UPDATE_OR_CREATE: Operation = op(
        "libraries.accesses.updateOrCreate",
        Method::Put,
        "/v1/libraries/{library_id}/share",
        &[LIBRARY_ID],
        json("sharingRequest", shape::<wire::SharingRequest>()),
        returns::<wire::Sharing>(),
    );
    /// Stops sharing a library with someone (a `DELETE` with a JSON body).
    pub const DELETE: Operation = op(
        "libraries.accesses.delete",
        Method::Delete,
        "/v1/libraries/{library_id}/share",
        &[LIBRARY_ID],
        json("sharingDelete", shape::<wire::SharingDelete>()),
        returns::<wire::Sharing>(),
    );
}

/// `files` operations, to fetch files that tools made (a `tool_file` chunk's `fileId`).
pub mod files {
    use super::*;

    const FILE_ID: Param = path("fileId", "file_id");

    /// A file's details.
    pub const RETRIEVE: Operation = op(
        "files.retrieve",
        Method::Get,
        "/v1/files/{file_id}",
        &[FILE_ID],
        None,
        returns::<wire::GetFileResponse>(),
    );
    /// A file's bytes.
    pub const DOWNLOAD: Operation = op(
        "files.download",
        Method::Get,
        "/v1/files/{file_id}/content",
        &[FILE_ID],
        None,
        ResponseKind::Bytes,
    );
    /// A signed URL to the file, valid for `expiry` hours (1 to 168, default 24).
    pub const GET_SIGNED_URL: Operation = op(
        "files.getSignedUrl",
        Method::Get,
        "/v1/files/{file_id}/url",
        &[FILE_ID, query("expiry", "expiry")],
        None,
        returns::<wire::FileSignedUrl>(),
    );
    /// Uploads a file (`multipart/form-data`: `file`, then `expiry`, `purpose` and `visibility`,
    /// which defaults to `"workspace"` as in the official SDK). Its arguments are flat: the
    /// official SDK has no wrapped form for it (an empty body key).
    pub const UPLOAD: Operation = op(
        "files.upload",
        Method::Post,
        "/v1/files",
        &[],
        Some(Body {
            key: "",
            kind: BodyKind::Multipart {
                file: "file",
                fields: &[
                    ("expiry", "expiry", &Shape::Integer),
                    ("purpose", "purpose", &Shape::String),
                    ("visibility", "visibility", &Shape::String),
                ],
            },
            defaults: &[("visibility", "\"workspace\"")],
        }),
        returns::<wire::FileSchema>(),
    );
    /// Lists files; arrays repeat their key (`sample_type=instruct&sample_type=pretrain`).
    pub const LIST: Operation = op(
        "files.list",
        Method::Get,
        "/v1/files",
        &[
            query("page", "page"),
            query("pageSize", "page_size"),
            query("includeTotal", "include_total"),
            query("sampleType", "sample_type"),
            query("source", "source"),
            query("search", "search"),
            query("purpose", "purpose"),
            query("mimetypes", "mimetypes"),
        ],
        None,
        returns::<wire::ListFilesResponse>(),
    );
    /// Deletes a file.
    pub const DELETE: Operation = op(
        "files.delete",
        Method::Delete,
        "/v1/files/{file_id}",
        &[FILE_ID],
        None,
        returns::<wire::DeleteFileResponse>(),
    );
}

/// The conversation calls, first in [`ALL`] (so at the same indices in every build): all that
/// the `mistral-edge-client/conversations` entry, built with the `conversations-only` feature, ships.
pub const CONVERSATIONS: &[&Operation] = &[
    &conversations::START,
    &conversations::START_STREAM,
    &conversations::APPEND,
    &conversations::APPEND_STREAM,
    &conversations::RESTART,
    &conversations::RESTART_STREAM,
];

/// Every operation of this build, for tables and tests: the index of an operation here is the
/// number `js/resources.js` calls it by.
#[cfg(feature = "conversations-only")]
pub const ALL: &[&Operation] = CONVERSATIONS;

/// Every operation of this build, for tables and tests: the index of an operation here is the
/// number `js/resources.js` calls it by.
#[cfg(not(feature = "conversations-only"))]
pub const ALL: &[&Operation] = &[
    &conversations::START,
    &conversations::START_STREAM,
    &conversations::APPEND,
    &conversations::APPEND_STREAM,
    &conversations::RESTART,
    &conversations::RESTART_STREAM,
    &conversations::LIST,
    &conversations::GET,
    &conversations::DELETE,
    &conversations::GET_HISTORY,
    &conversations::GET_MESSAGES,
    &agents::CREATE,
    &agents::LIST,
    &agents::LIST_PAGES,
    &agents::GET,
    &agents::UPDATE,
    &agents::DELETE,
    &agents::UPDATE_VERSION,
    &agents::LIST_VERSIONS,
    &agents::GET_VERSION,
    &agents::CREATE_VERSION_ALIAS,
    &agents::LIST_VERSION_ALIASES,
    &agents::DELETE_VERSION_ALIAS,
    &connectors::CREATE,
    &connectors::LIST,
    &connectors::GET,
    &connectors::UPDATE,
    &connectors::DELETE,
    &connectors::GET_AUTH_URL,
    &connectors::CALL_TOOL,
    &connectors::LIST_TOOLS,
    &connectors::GET_AUTHENTICATION_METHODS,
    &connectors::LIST_ORGANIZATION_CREDENTIALS,
    &connectors::LIST_WORKSPACE_CREDENTIALS,
    &connectors::LIST_USER_CREDENTIALS,
    &connectors::CREATE_CREDENTIALS,
    &connectors::UPDATE_CREDENTIALS,
    &connectors::DELETE_ALL_USER_CREDENTIALS,
    &connectors::DELETE_ORGANIZATION_CREDENTIALS,
    &connectors::DELETE_WORKSPACE_CREDENTIALS,
    &connectors::DELETE_USER_CREDENTIALS,
    &connectors::SHARE,
    &connectors::UNSHARE,
    &connectors::SHARE_TO_ORGANIZATION,
    &connectors::UNSHARE_FROM_ORGANIZATION,
    &connectors::ACTIVATE_FOR_CONSUMER,
    &connectors::DEACTIVATE_FOR_CONSUMER,
    &libraries::LIST,
    &libraries::CREATE,
    &libraries::GET,
    &libraries::UPDATE,
    &libraries::LIBRARIES_UPDATE_V1,
    &libraries::DELETE,
    &documents::LIST,
    &documents::UPLOAD,
    &documents::GET,
    &documents::UPDATE,
    &documents::LIBRARIES_DOCUMENTS_UPDATE_V1,
    &documents::DELETE,
    &documents::TEXT_CONTENT,
    &documents::STATUS,
    &documents::GET_SIGNED_URL,
    &documents::EXTRACTED_TEXT_SIGNED_URL,
    &documents::REPROCESS,
    &accesses::LIST,
    &accesses::UPDATE_OR_CREATE,
    &accesses::DELETE,
    &files::RETRIEVE,
    &files::DOWNLOAD,
    &files::GET_SIGNED_URL,
    &files::UPLOAD,
    &files::LIST,
    &files::DELETE,
];
