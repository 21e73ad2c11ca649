// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

// ----- requests -----

model! {
    /// Registers an MCP (or HTTP) server as a connector. Mistral's docs leave out `protocol`:
    /// it is sent as `"mcp"` when you give none.
    pub struct CreateConnectorRequest {
        /// `"mcp"` (the default) or `"http"`.
        pub protocol?: ConnectorProtocol,
        /// The connector's name: at most 64 letters, digits, `_` or `-`. Conversations refer to it by this name.
        pub name: String,
        /// A human-readable title.
        pub title?: String,
        /// What the connector does.
        pub description: String,
        /// The URL of an icon.
        pub icon_url?: String,
        /// Who can see the connector (default `"private"`; `"shared_global"` is reserved).
        pub visibility?: ResourceVisibility,
        /// The server's URL (http or https).
        pub server: String,
        /// Organisation-level headers sent to the server, passed through untouched.
        pub headers?: JsonObject,
        /// Connector-wide headers by name; secret values are stored encrypted.
        pub global_headers?: GlobalHeaders,
        /// OAuth 2 client data.
        pub auth_data?: AuthData,
        /// The OAuth 2 server's metadata, instead of discovering it.
        pub oauth2_server_metadata?: ExtendedOAuthServerMetadata,
        /// Where to fetch the OAuth 2 server's metadata (not with `oauth2ServerMetadata`).
        pub oauth2_server_metadata_url?: String,
        /// A system prompt used with the connector's tools.
        pub system_prompt?: String,
        /// The ways users can authenticate to the server.
        pub auth_methods?: Vec<ConnectorAuthMethod>,
    }
}

model! {
    /// Changes a connector. Only the fields you give change.
    pub struct UpdateConnectorRequest {
        /// `"mcp"` or `"http"`: the kind of connector being updated.
        pub protocol?: ConnectorProtocol,
        /// A new name: at most 64 letters, digits, `_` or `-`.
        pub name?: String,
        /// A human-readable title.
        pub title?: String,
        /// What the connector does.
        pub description?: String,
        /// The URL of an icon.
        pub icon_url?: String,
        /// A new server URL (http or https).
        pub server?: String,
        /// A system prompt used with the connector's tools.
        pub system_prompt?: String,
        /// The ways users can authenticate to the server.
        pub auth_methods?: Vec<ConnectorAuthMethod>,
        /// Organisation-level headers sent to the server, passed through untouched.
        pub headers?: JsonObject,
        /// OAuth 2 client data.
        pub auth_data?: AuthData,
        /// Connection settings, passed through untouched.
        pub connection_config?: JsonObject,
        /// Connection secrets, passed through untouched and never shown in debug output.
        pub connection_secrets?: SecretObject,
    }
}

record! {
    /// Connector-wide headers, keyed by header name (kept as written).
    pub struct GlobalHeaders(Record<GlobalHeaderValue>);
}

model! {
    /// The value of a connector-wide header.
    pub struct GlobalHeaderValue {
        /// Whether the value is a secret (default `true`): stored encrypted, never returned in clear.
        pub is_secret?: bool,
        /// The header's value.
        pub value: Secret,
    }
}

model! {
    /// OAuth 2 client credentials of a connector.
    pub struct AuthData {
        /// The OAuth 2 client id.
        pub client_id: String,
        /// The OAuth 2 client secret.
        pub client_secret?: Secret,
    }
}

model! {
    /// One way to authenticate to a connector's server. `bearer` and `none` need only
    /// `methodType`; `oauth2` takes a `grantType` and the server's metadata.
    pub struct ConnectorAuthMethod {
        /// `"oauth2"`, `"bearer"`, `"none"`, ..., or `"webhook"` (inbound).
        pub method_type: AuthenticationMethodType,
        /// For `oauth2`: `"authorization_code"` or `"client_credentials"`.
        pub grant_type?: OAuth2GrantType,
        /// For `oauth2`: the authorization server's metadata.
        pub oauth2_server_metadata?: ExtendedOAuthServerMetadata,
        /// For `oauth2` with `authorization_code`: the client's credentials.
        pub auth_data?: AuthData,
        /// For `oauth2` with `client_credentials`: how the client authenticates at the token endpoint.
        pub token_endpoint_auth_method?: TokenEndpointAuthMethod,
        /// Headers the user supplies for this method.
        pub headers?: Vec<ConnectorAuthenticationHeader>,
        /// Connector-wide headers by name (on update).
        pub global_headers?: GlobalHeaders,
        /// Whether the method is `"inbound"` or `"outbound"` (on update).
        pub auth_direction?: AuthDirection,
        /// New OAuth 2 client credentials (on update).
        pub oauth2_metadata_secrets?: OAuth2MetadataSecrets,
    }
}

model! {
    /// OAuth 2 client credentials kept with an authentication method.
    pub struct OAuth2MetadataSecrets {
        /// The client id.
        pub client_id?: String,
        /// The client secret.
        pub client_secret?: Secret,
        /// When the client id was issued (unix seconds).
        pub client_id_issued_at?: i64,
        /// When the client secret expires (unix seconds).
        pub client_secret_expires_at?: i64,
    }
}

model! {
    /// A header a user supplies to authenticate.
    pub struct ConnectorAuthenticationHeader {
        /// The header's name.
        pub name: String,
        /// Whether it must be given (default `true`).
        pub is_required?: bool,
        /// Whether its value is a secret (default `true`).
        pub is_secret?: bool,
    }
}

model! {
    /// OAuth 2 authorization server metadata (RFC 8414), with Mistral's extensions.
    pub struct ExtendedOAuthServerMetadata {
        /// The issuer identifier.
        pub issuer: String,
        /// The authorization endpoint.
        pub authorization_endpoint?: String,
        /// The token endpoint.
        pub token_endpoint: String,
        /// The dynamic client registration endpoint.
        pub registration_endpoint?: String,
        /// Supported scopes.
        pub scopes_supported?: Vec<String>,
        /// Supported response types.
        pub response_types_supported?: Vec<String>,
        /// Supported response modes.
        pub response_modes_supported?: Vec<String>,
        /// Supported grant types.
        pub grant_types_supported?: Vec<String>,
        /// Supported client authentication methods at the token endpoint.
        pub token_endpoint_auth_methods_supported?: Vec<String>,
        /// Supported signing algorithms for token endpoint authentication.
        pub token_endpoint_auth_signing_alg_values_supported?: Vec<String>,
        /// Documentation for developers.
        pub service_documentation?: String,
        /// Supported UI languages.
        pub ui_locales_supported?: Vec<String>,
        /// The policy page.
        pub op_policy_uri?: String,
        /// The terms of service page.
        pub op_tos_uri?: String,
        /// The revocation endpoint.
        pub revocation_endpoint?: String,
        /// Supported client authentication methods at the revocation endpoint.
        pub revocation_endpoint_auth_methods_supported?: Vec<String>,
        /// Supported signing algorithms at the revocation endpoint.
        pub revocation_endpoint_auth_signing_alg_values_supported?: Vec<String>,
        /// The introspection endpoint.
        pub introspection_endpoint?: String,
        /// Supported client authentication methods at the introspection endpoint.
        pub introspection_endpoint_auth_methods_supported?: Vec<String>,
        /// Supported signing algorithms at the introspection endpoint.
        pub introspection_endpoint_auth_signing_alg_values_supported?: Vec<String>,
        /// Supported PKCE code challenge methods.
        pub code_challenge_methods_supported?: Vec<String>,
        /// Whether client id metadata documents are supported.
        pub client_id_metadata_document_supported?: bool,
        /// Whether the metadata was discovered (`"autodiscovery"`) or given (`"provided"`).
        pub x_source?: String,
        /// The protected resource's URL.
        pub x_resource_url?: String,
        /// The scope to request.
        pub x_scope?: String,
    }
}

model! {
    /// Arguments of a direct tool call (`callTool`).
    pub struct ConnectorCallToolRequest {
        /// The tool's arguments, passed through untouched.
        pub arguments?: JsonObject,
    }
}

model! {
    /// Creates or updates a set of credentials for a connector.
    pub struct CredentialsCreateOrUpdate {
        /// The credentials' name; use it to pick or change them later.
        pub name: String,
        /// A human-readable title.
        pub title?: String,
        /// Whether these are the default credentials for their authentication method.
        pub is_default?: bool,
        /// The secrets themselves.
        pub credentials?: ConnectionCredentials,
    }
}

model! {
    /// Credential data. Never shown in debug output.
    pub struct ConnectionCredentials {
        /// OAuth 2 client credentials or tokens.
        pub oauth?: OAuthCredentials,
        /// Header values by header name.
        pub headers?: SecretMap,
        /// A bearer token.
        pub bearer_token?: Secret,
        /// A GitHub App installation id.
        pub github_installation_id?: String,
    }
}

model! {
    /// OAuth 2 credentials: client credentials (`grantType: "client_credentials"`, `clientId`,
    /// `clientSecret`) or tokens (`accessToken`, `refreshToken`, ...).
    pub struct OAuthCredentials {
        /// `"client_credentials"`, for client credentials.
        pub grant_type?: OAuth2GrantType,
        /// The client id.
        pub client_id?: String,
        /// The client secret.
        pub client_secret?: Secret,
        /// An access token.
        pub access_token?: Secret,
        /// The token's type (`"Bearer"`).
        pub token_type?: String,
        /// Seconds until the access token expires.
        pub expires_in?: i64,
        /// The granted scope.
        pub scope?: String,
        /// A refresh token.
        pub refresh_token?: Secret,
        /// When the access token expires (RFC 3339).
        pub expires_at?: String,
    }
}

// ----- responses -----

union! {
    /// A connector. `protocol` tells MCP and HTTP connectors apart; both have the same fields.
    pub enum Connector tag "protocol" default "mcp" {
        /// A connector to an MCP server.
        "mcp" => Mcp(ConnectorDetails),
        /// A connector to an HTTP API.
        "http" => Http(ConnectorDetails),
    }
}

model! {
    /// A connector's fields.
    pub struct ConnectorDetails {
        /// The connector's id (a UUID).
        pub id: String,
        /// The connector's name; conversations refer to it by name or id.
        pub name: String,
        /// A human-readable title.
        pub title?: String,
        /// What the connector does.
        pub description: String,
        /// When it was created.
        pub created_at: DateTime,
        /// When it last changed.
        pub modified_at: DateTime,
        /// The server's URL.
        pub server?: String,
        /// The URL of an icon.
        pub icon_url?: String,
        /// The MCP server's card, passed through untouched (its keys are camelCase on the wire too).
        pub server_card?: Json,
        /// Who owns it.
        pub owner_id?: String,
        /// What kind of owner: `"user"`, `"org"`, `"workspace"` or `"system"`.
        pub owner_type: ConsumerType,
        /// Who can see it.
        pub visibility: ResourceVisibility,
        /// Who created it.
        pub creator_id?: String,
        /// Translations of the name, description and usage sentence.
        pub locale?: ConnectorLocale,
        /// A system prompt used with the connector's tools.
        pub system_prompt?: String,
        /// How users can authenticate.
        pub supported_auth_methods?: Vec<PublicAuthenticationMethod>,
        /// Saved tool settings.
        pub connection_preferences?: Vec<ConnectionPreference>,
        /// The credentials set up for it (never their secrets).
        pub connection_credentials?: Vec<AuthenticationConfiguration>,
        /// Whether it is active.
        pub active?: bool,
        /// Who blocked it.
        pub blocked_by?: Vec<ConsumerType>,
        /// Whether its tools run privately.
        pub private_tool_execution: bool,
        /// Whether Mistral made it.
        pub mistral?: bool,
        /// Whether you are authenticated to it.
        pub is_authenticated?: bool,
        /// Its tools.
        pub tools?: Vec<ConnectorToolInfo>,
        /// The route of its system prompt.
        pub system_prompt_route?: String,
        /// Its connection settings (without secrets).
        pub connection_config?: ConnectionConfig,
        /// Its execution environment (without credentials).
        pub execution_env?: ExecutionEnv,
    }
}

model! {
    /// Translations, keyed by language.
    pub struct ConnectorLocale {
        /// The name, by language.
        pub name: StringMap,
        /// The description, by language.
        pub description: StringMap,
        /// A sentence describing its use, by language.
        pub usage_sentence: StringMap,
    }
}

model! {
    /// How users can authenticate to a connector (without secrets).
    pub struct PublicAuthenticationMethod {
        /// `"oauth2"`, `"bearer"`, `"none"`, `"github_app"` or `"slack_app"`.
        pub method_type: OutboundAuthenticationType,
        /// Headers the user supplies.
        pub headers?: Vec<ConnectorAuthenticationHeader>,
        /// Connector-wide headers by name (secret values redacted by the server).
        pub global_headers?: GlobalHeaders,
        /// Whether default credentials exist.
        pub has_default_credentials: bool,
        /// The OAuth 2 grant, for `oauth2`.
        pub grant_type?: OAuth2GrantType,
        /// The OAuth 2 server's metadata, for `oauth2`.
        pub oauth2_server_metadata?: ExtendedOAuthServerMetadata,
    }
}

model! {
    /// Saved tool settings of a connector.
    pub struct ConnectionPreference {
        /// The preference's name.
        pub name: String,
        /// Which tools run, and which need confirmation.
        pub tool_configuration: ToolExecutionConfiguration,
        /// Whether this is the default.
        pub is_default?: bool,
        /// Whose preference it is.
        pub consumer_type?: ConsumerType,
    }
}

model! {
    /// Which of a connector's tools run, and which wait for confirmation.
    pub struct ToolExecutionConfiguration {
        /// Tools that wait for confirmation.
        pub requires_confirmation?: ConfirmationRule,
        /// Tools that never wait for confirmation.
        pub skip_confirmation?: ConfirmationRule,
        /// Expose only these tools.
        pub include?: Vec<String>,
        /// Expose every tool but these.
        pub exclude?: Vec<String>,
    }
}

untagged! {
    /// Which tools a confirmation rule covers: a list of names, or a rule.
    pub enum ConfirmationRule {
        /// These tools.
        Tools(Vec<String>),
        /// A rule on tool properties or a combination of rules.
        Rule(ConfirmationExpression),
    }
}

model! {
    /// A rule on tool properties (`{ readOnly: true }`) or a combination (`{ type: "and", expressions }`).
    pub struct ConfirmationExpression {
        /// Matches read-only tools (or the others, with `false`).
        pub read_only?: bool,
        /// `"and"` or `"or"`, for a combination.
        pub r#type?: String,
        /// The combined rules, passed through untouched.
        pub expressions?: Vec<Json>,
    }
}

model! {
    /// A set of credentials of a connector (never the secrets).
    pub struct AuthenticationConfiguration {
        /// The credentials' name.
        pub name: String,
        /// A human-readable title.
        pub title?: String,
        /// The authentication method they are for.
        pub authentication_type: OutboundAuthenticationType,
        /// Whose they are: `"user"`, `"org"`, `"workspace"` or `"system"`.
        pub scope: ConsumerType,
        /// The last check of the credentials.
        pub status?: CredentialsStatus,
        /// Whether these are the default credentials.
        pub is_default?: bool,
        /// Who created them.
        pub creator_id?: String,
    }
}

model! {
    /// The last check of a set of credentials.
    pub struct CredentialsStatus {
        /// `"valid"`, `"invalid"` or `"error"`.
        pub status_type: CredentialsStatusType,
        /// When they were checked.
        pub last_checked_at?: DateTime,
        /// The HTTP status of a failed check.
        pub error_http_code?: i64,
        /// What went wrong.
        pub error_message?: String,
    }
}

model! {
    /// A connector's connection settings (without secrets).
    pub struct ConnectionConfig {
        /// `"mcp"`, `"turbine"` or `"eolienne"`.
        pub r#type?: ConnectionConfigType,
        /// The base URL.
        pub base_url?: String,
        /// Headers sent with each request, passed through untouched.
        pub headers?: JsonObject,
        /// Whether requests are signed.
        pub signed?: bool,
    }
}

model! {
    /// A connector's execution environment (without credentials).
    pub struct ExecutionEnv {
        /// Its tools, passed through untouched.
        pub tools?: Vec<JsonObject>,
        /// Execution data, passed through untouched.
        pub tool_execution_data?: JsonObject,
        /// Errors met while setting it up.
        pub errors?: Vec<String>,
    }
}

model! {
    /// One tool of a connector, as stored by Mistral.
    pub struct ConnectorToolInfo {
        /// The tool's id.
        pub id: String,
        /// The tool's name.
        pub name: String,
        /// What it does.
        pub description: String,
        /// A system prompt used with it.
        pub system_prompt?: String,
        /// Translations of its name and description.
        pub locale?: ConnectorLocale,
        /// The JSON Schema of its arguments, passed through untouched.
        pub jsonschema?: JsonObject,
        /// How it runs (`{ type, ... }`), passed through untouched.
        pub execution_config: Option<JsonObject>,
        /// Who can see it.
        pub visibility: ResourceVisibility,
        /// When it was created.
        pub created_at: DateTime,
        /// When it last changed.
        pub modified_at: DateTime,
        /// Whether it is active.
        pub active?: bool,
    }
}

model! {
    /// One page of connectors. Pass `pagination.nextCursor` as `cursor` for the next page.
    pub struct PaginatedConnectors {
        /// The connectors.
        pub items: Vec<Connector>,
        /// Where this page ends.
        pub pagination: CursorPagination,
    }
}

model! {
    /// Cursor pagination.
    pub struct CursorPagination {
        /// The cursor of the next page; absent or `null` on the last one.
        pub next_cursor?: String,
        /// The page size.
        pub page_size: i64,
    }
}

model! {
    /// A URL where the user authorises a connector.
    pub struct AuthUrlResponse {
        /// Send the user here.
        pub auth_url: String,
        /// Seconds the URL stays valid.
        pub ttl: i64,
    }
}

model! {
    /// A confirmation message.
    pub struct MessageResponse {
        /// What happened.
        pub message: String,
    }
}

model! {
    /// The credentials set up for a connector at one scope.
    pub struct CredentialsResponse {
        /// The credentials (never their secrets).
        pub credentials: Vec<AuthenticationConfiguration>,
        /// Authentication methods with preset credentials.
        pub connector_preset_credentials_for_auth?: Vec<OutboundAuthenticationType>,
    }
}

// ----- MCP tools and results (MCP's own keys are camelCase on the wire too) -----

model! {
    /// An MCP tool of a connector.
    #[allow(non_snake_case)]
    pub struct McpTool {
        /// The tool's name (use it with `callTool`).
        pub name: String,
        /// A human-readable title.
        pub title?: String,
        /// What it does.
        pub description?: String,
        /// The JSON Schema of its arguments, passed through untouched.
        pub inputSchema: JsonObject,
        /// The JSON Schema of its structured result, passed through untouched.
        pub outputSchema?: JsonObject,
        /// Icons, passed through untouched.
        pub icons?: Vec<JsonObject>,
        /// Hints such as `readOnlyHint`, passed through untouched.
        pub annotations?: JsonObject,
        /// MCP's `_meta` (named `meta` here, as in the official SDK), passed through untouched.
        pub _meta?: JsonObject,
        /// Execution hints, passed through untouched.
        pub execution?: JsonObject,
    }
}

model! {
    /// The result of calling a connector's tool directly.
    pub struct ConnectorToolCallResponse {
        /// What the tool returned.
        pub content: Vec<McpContent>,
        /// MCP metadata of the result.
        pub metadata?: ConnectorToolCallMetadata,
    }
}

union! {
    /// One piece of an MCP tool result.
    pub enum McpContent tag "type" {
        /// Text.
        "text" => Text(McpTextContent),
        /// An image, base64-encoded.
        "image" => Image(McpMediaContent),
        /// Audio, base64-encoded.
        "audio" => Audio(McpMediaContent),
        /// A link to a resource.
        "resource_link" => ResourceLink(McpResourceLink),
        /// A resource, embedded.
        "resource" => Resource(McpEmbeddedResource),
    }
}

model! {
    /// Text from an MCP tool.
    pub struct McpTextContent {
        /// The text.
        pub text: String,
        /// MCP annotations, passed through untouched.
        pub annotations?: JsonObject,
        /// MCP's `_meta` (named `meta` here), passed through untouched.
        pub _meta?: JsonObject,
    }
}

model! {
    /// An image or audio clip from an MCP tool.
    #[allow(non_snake_case)]
    pub struct McpMediaContent {
        /// The data, base64-encoded.
        pub data: String,
        /// Its MIME type.
        pub mimeType: String,
        /// MCP annotations, passed through untouched.
        pub annotations?: JsonObject,
        /// MCP's `_meta` (named `meta` here), passed through untouched.
        pub _meta?: JsonObject,
    }
}

model! {
    /// A link to a resource, from an MCP tool.
    #[allow(non_snake_case)]
    pub struct McpResourceLink {
        /// The resource's name.
        pub name: String,
        /// A human-readable title.
        pub title?: String,
        /// The resource's URI.
        pub uri: String,
        /// What it is.
        pub description?: String,
        /// Its MIME type.
        pub mimeType?: String,
        /// Its size in bytes.
        pub size?: i64,
        /// Icons, passed through untouched.
        pub icons?: Vec<JsonObject>,
        /// MCP annotations, passed through untouched.
        pub annotations?: JsonObject,
        /// MCP's `_meta` (named `meta` here), passed through untouched.
        pub _meta?: JsonObject,
    }
}

model! {
    /// A resource embedded in an MCP tool result.
    pub struct McpEmbeddedResource {
        /// The resource's contents.
        pub resource: McpResourceContents,
        /// MCP annotations, passed through untouched.
        pub annotations?: JsonObject,
        /// MCP's `_meta` (named `meta` here), passed through untouched.
        pub _meta?: JsonObject,
    }
}

model! {
    /// A resource's contents: `text`, or base64 `blob`.
    #[allow(non_snake_case)]
    pub struct McpResourceContents {
        /// The resource's URI.
        pub uri: String,
        /// Its MIME type.
        pub mimeType?: String,
        /// Its text.
        pub text?: String,
        /// Its bytes, base64-encoded.
        pub blob?: String,
        /// MCP's `_meta` (named `meta` here), passed through untouched.
        pub _meta?: JsonObject,
    }
}

model! {
    /// Metadata of a tool call result.
    pub struct ConnectorToolCallMetadata {
        /// MCP's own result metadata.
        pub mcp_meta?: McpResultMeta,
    }
}

model! {
    /// MCP's result metadata.
    #[allow(non_snake_case)]
    pub struct McpResultMeta {
        /// Whether the tool reported an error.
        pub isError?: bool,
        /// The tool's structured result, passed through untouched.
        pub structuredContent?: JsonObject,
        /// MCP's `_meta` (named `meta` here), passed through untouched.
        pub _meta?: JsonObject,
    }
}
