//! Connectors (`/v1/connectors`): create (`mcp` or `http`; `protocol` defaults to `mcp`),
//! list with keyset pagination (`cursor` + `page_size` → `pagination.next_cursor`), get by id
//! or name, update, delete, the OAuth URL, tools (listed and called over real MCP, see
//! `mcp.rs`), authentication methods, credentials per scope, sharing and activation.
//!
//! [`Registry`] keeps the connectors and is also the model's [`ConnectorHost`]: a conversation's
//! `connector` tool reaches the connector's server through it. A request's `authorization`
//! goes to the server as `Authorization: Bearer <value>` and is never stored; without one,
//! the connector's default stored credentials (if any) are used.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;
use mistral_edge::model::leaf::{JsonObject, Secret};
use mistral_edge::model::shape::HasShape;
use mistral_edge::model::wire;
use serde_json::{json, Value};

use crate::app::{json, ok};
use crate::body::JsonBytes;
use crate::error::{ApiError, Loc, Violation};
use crate::hooks::{BoxFuture, ConnectorHost};
use crate::mcp::{self, Target};
use crate::params::{self, Query};
use crate::state::AppState;
use crate::validate::check_shape;
use crate::{clock, files, loc};

/// The longest connector name.
pub const MAX_NAME: usize = 64;
/// The longest server URL.
pub const MAX_URL: usize = 2083;
/// Seconds an authorization URL stays valid.
pub const AUTH_URL_TTL: i64 = 600;

/// The connectors routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/connectors", post(create).get(list))
        .route(
            "/v1/connectors/{connector}",
            get(get_one).patch(update).delete(delete),
        )
        .route("/v1/connectors/{connector}/auth_url", get(auth_url))
        .route("/v1/connectors/{connector}/tools", get(list_tools))
        .route(
            "/v1/connectors/{connector}/tools/{tool_name}/call",
            post(call_tool),
        )
        .route(
            "/v1/connectors/{connector}/authentication_methods",
            get(authentication_methods),
        )
        .route(
            "/v1/connectors/{connector}/{scope}/credentials",
            get(list_credentials)
                .post(create_credentials)
                .patch(update_credentials)
                .delete(delete_all_credentials),
        )
        .route(
            "/v1/connectors/{connector}/{scope}/credentials/{credentials_name}",
            axum::routing::delete(delete_credentials),
        )
        .route(
            "/v1/connectors/{connector}/share",
            put(share).delete(unshare),
        )
        .route(
            "/v1/connectors/{connector}/organization/share",
            put(share_org).delete(unshare_org),
        )
        .route(
            "/v1/connectors/{connector}/{scope}/activate",
            post(activate),
        )
        .route(
            "/v1/connectors/{connector}/{scope}/deactivate",
            post(deactivate),
        )
        .route("/oauth/connectors/{connector}/authorize", get(authorize))
}

/// A stored set of credentials. The secrets stay here: responses show only the
/// [`wire::AuthenticationConfiguration`].
#[derive(Clone)]
pub struct Credential {
    /// What the API shows.
    pub config: wire::AuthenticationConfiguration,
    /// The bearer token or OAuth access token, sent as `Authorization: Bearer`.
    pub token: Option<String>,
    /// Header values, sent with every MCP request.
    pub headers: Vec<(String, String)>,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// A stored connector.
#[derive(Debug, Clone)]
pub struct ConnectorRecord {
    /// Creation order (the key of the keyset pagination).
    pub seq: u64,
    /// `"http"` rather than `"mcp"`.
    pub http: bool,
    /// The connector as the API shows it (credentials, visibility and activation are filled
    /// in when it is shown).
    pub details: wire::ConnectorDetails,
    /// The ways to authenticate, as created (`has_default_credentials` is computed).
    pub methods: Vec<wire::PublicAuthenticationMethod>,
    /// The OAuth 2 client id, for the authorization URL.
    pub client_id: Option<String>,
    /// Organisation-level and connector-wide headers, sent to the server with every request.
    pub headers: Vec<(String, String)>,
    /// Credentials by scope (`user`, `workspace`, `org`) and name.
    pub credentials: BTreeMap<(String, String), Credential>,
    /// Shared with the workspace.
    pub shared_workspace: bool,
    /// Shared with the organisation.
    pub shared_org: bool,
    /// Scopes that deactivated it.
    pub blocked_by: BTreeSet<String>,
}

impl ConnectorRecord {
    /// Whether no scope deactivated it.
    pub fn active(&self) -> bool {
        self.blocked_by.is_empty()
    }

    /// The connector as the API shows it.
    pub fn view(&self, with_credentials: bool) -> wire::Connector {
        let mut d = self.details.clone();
        let methods = self.public_methods();
        d.is_authenticated = Some(
            methods.iter().any(|m| m.method_type.as_str() == "none")
                || !self.credentials.is_empty(),
        );
        d.supported_auth_methods = Some(methods);
        d.visibility = if self.shared_org {
            "shared_org".into()
        } else if self.shared_workspace {
            "shared_workspace".into()
        } else if d.visibility.as_str() == "shared_global" {
            d.visibility
        } else {
            "private".into()
        };
        d.active = Some(self.active());
        d.blocked_by = (!self.blocked_by.is_empty())
            .then(|| self.blocked_by.iter().map(|s| s.as_str().into()).collect());
        d.connection_credentials = with_credentials.then(|| {
            self.credentials
                .values()
                .map(|c| c.config.clone())
                .collect()
        });
        if self.http {
            wire::Connector::Http(d)
        } else {
            wire::Connector::Mcp(d)
        }
    }

    /// The authentication methods, with `has_default_credentials` filled in and secret header
    /// values hidden.
    pub fn public_methods(&self) -> Vec<wire::PublicAuthenticationMethod> {
        self.methods
            .iter()
            .map(|m| {
                let mut m = m.clone();
                m.has_default_credentials = self.credentials.values().any(|c| {
                    c.config.is_default == Some(true)
                        && c.config.authentication_type == m.method_type
                });
                if let Some(g) = &mut m.global_headers {
                    for v in g.0.values_mut() {
                        if v.is_secret != Some(false) {
                            v.value = Secret("********".into());
                        }
                    }
                }
                m
            })
            .collect()
    }

    /// The credentials an MCP request uses: the named ones, else the defaults (user, then
    /// workspace, then organisation).
    fn credential(&self, name: Option<&str>) -> Option<&Credential> {
        const ORDER: [&str; 3] = ["user", "workspace", "org"];
        match name {
            Some(name) => ORDER
                .iter()
                .find_map(|s| self.credentials.get(&((*s).to_owned(), name.to_owned()))),
            None => ORDER.iter().find_map(|s| {
                self.credentials
                    .iter()
                    .find(|((scope, _), c)| scope == s && c.config.is_default == Some(true))
                    .map(|(_, c)| c)
            }),
        }
    }
}

/// Every connector, behind one lock. It is also the model's [`ConnectorHost`].
#[derive(Debug, Default)]
pub struct Registry {
    store: Mutex<Connectors>,
}

/// The connectors by id.
#[derive(Debug, Default)]
pub struct Connectors {
    /// By id.
    pub by_id: HashMap<String, ConnectorRecord>,
    seq: u64,
}

impl Connectors {
    /// A connector by id or name.
    pub fn find(&self, id_or_name: &str) -> Option<&ConnectorRecord> {
        self.by_id
            .get(id_or_name)
            .or_else(|| self.by_id.values().find(|c| c.details.name == id_or_name))
    }

    fn find_mut(&mut self, id_or_name: &str) -> Option<&mut ConnectorRecord> {
        let id = self.find(id_or_name)?.details.id.clone();
        self.by_id.get_mut(&id)
    }

    fn name_taken(&self, name: &str, except: &str) -> bool {
        self.by_id
            .values()
            .any(|c| c.details.name == name && c.details.id != except)
    }
}

impl Registry {
    /// Locks the connectors.
    pub fn lock(&self) -> MutexGuard<'_, Connectors> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How to reach a connector's server for one request: its URL and headers, and the
    /// per-request `authorization` (or else the stored `credentials_name` / default
    /// credentials) as the bearer token. `Ok(None)` when the connector is deactivated.
    pub fn target(
        &self,
        id_or_name: &str,
        authorization: Option<&wire::Authorization>,
        credentials_name: Option<&str>,
    ) -> Result<Option<Target>, ApiError> {
        let store = self.lock();
        let rec = store
            .find(id_or_name)
            .ok_or_else(|| ApiError::not_found("Connector", id_or_name))?;
        if !rec.active() {
            return Ok(None);
        }
        let stored = rec.credential(credentials_name);
        if let (Some(name), None) = (credentials_name, stored) {
            return Err(ApiError::not_found("Credentials", name));
        }
        let mut headers = rec.headers.clone();
        if let Some(c) = stored {
            headers.extend(c.headers.iter().cloned());
        }
        let per_request = authorization.and_then(|a| match a {
            wire::Authorization::OAuth2Token(v) | wire::Authorization::ApiKey(v) => {
                Some(v.value.0.clone())
            }
            _ => None,
        });
        Ok(Some(Target {
            connector: rec.details.name.clone(),
            url: rec.details.server.clone().unwrap_or_default(),
            bearer: per_request.or_else(|| stored.and_then(|c| c.token.clone())),
            headers,
        }))
    }
}

impl ConnectorHost for Registry {
    fn list_tools<'a>(
        &'a self,
        connector: &'a str,
        authorization: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<Vec<wire::McpTool>, ApiError>> {
        Box::pin(async move {
            match self.target(connector, authorization, None)? {
                // A deactivated connector offers the model no tools.
                None => Ok(Vec::new()),
                Some(target) => mcp::list_tools(&target).await,
            }
        })
    }

    fn call_tool<'a>(
        &'a self,
        connector: &'a str,
        tool: &'a str,
        arguments: Value,
        authorization: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<wire::ConnectorToolCallResponse, ApiError>> {
        Box::pin(async move {
            let target = self
                .target(connector, authorization, None)?
                .ok_or_else(|| deactivated(connector))?;
            let args = match arguments {
                Value::Object(map) => Some(map),
                Value::Null => None,
                other => Some([("value".to_owned(), other)].into_iter().collect()),
            };
            mcp::call_tool(&target, tool, args).await
        })
    }
}

fn deactivated(connector: &str) -> ApiError {
    ApiError::bad_request(format!("Connector `{connector}` is deactivated"))
}

fn conflict(message: String) -> ApiError {
    let mut e = ApiError::bad_request(message);
    e.status = StatusCode::CONFLICT;
    if let Value::Object(map) = &mut e.body {
        map.insert("type".into(), json!("conflict"));
    }
    e
}

fn message(text: impl Into<String>) -> Response {
    ok(&wire::MessageResponse {
        message: text.into(),
    })
}

fn validation(violations: Vec<Violation>) -> Result<(), ApiError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(violations))
    }
}

// ----- the API's rules -----

/// The name rule: 1 to 64 characters out of `[A-Za-z0-9_-]` (pydantic's spellings).
pub fn name_violations(name: &Value, at: Vec<Loc>) -> Vec<Violation> {
    let Some(s) = name.as_str() else {
        return Vec::new();
    };
    let n = s.chars().count();
    let mut out = Vec::new();
    if n == 0 {
        out.push(
            Violation::new(
                at.clone(),
                "string_too_short",
                "String should have at least 1 character",
            )
            .input(name)
            .ctx(json!({ "min_length": 1 })),
        );
    } else if n > MAX_NAME {
        out.push(
            Violation::new(
                at.clone(),
                "string_too_long",
                format!("String should have at most {MAX_NAME} characters"),
            )
            .input(name)
            .ctx(json!({ "max_length": MAX_NAME })),
        );
    }
    if n > 0
        && !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        out.push(
            Violation::new(
                at,
                "string_pattern_mismatch",
                "String should match pattern '^[a-zA-Z0-9_-]+$'",
            )
            .input(name)
            .ctx(json!({ "pattern": "^[a-zA-Z0-9_-]+$" })),
        );
    }
    out
}

/// The server rule: an absolute http(s) URL with a host, at most 2083 characters.
pub fn server_violations(server: &Value, at: Vec<Loc>) -> Vec<Violation> {
    let Some(s) = server.as_str() else {
        return Vec::new();
    };
    if s.chars().count() > MAX_URL {
        return vec![Violation::new(
            at,
            "url_too_long",
            format!("URL should have at most {MAX_URL} characters"),
        )
        .input(server)
        .ctx(json!({ "max_length": MAX_URL }))];
    }
    let Some((scheme, rest)) = s.split_once("://") else {
        return vec![Violation::new(
            at,
            "url_parsing",
            "Input should be a valid URL, relative URL without a base",
        )
        .input(server)
        .ctx(json!({ "error": "relative URL without a base" }))];
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return vec![
            Violation::new(at, "url_scheme", "URL scheme should be 'http' or 'https'")
                .input(server)
                .ctx(json!({ "expected_schemes": "'http' or 'https'" })),
        ];
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || s.chars().any(char::is_whitespace) {
        return vec![
            Violation::new(at, "url_parsing", "Input should be a valid URL, empty host")
                .input(server)
                .ctx(json!({ "error": "empty host" })),
        ];
    }
    Vec::new()
}

fn enum_violation(at: Vec<Loc>, expected: &[&str], input: &Value) -> Violation {
    let list = expected
        .iter()
        .map(|e| format!("'{e}'"))
        .collect::<Vec<_>>();
    let expected = match list.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => list.join(""),
    };
    Violation::new(at, "enum", format!("Input should be {expected}"))
        .input(input)
        .ctx(json!({ "expected": expected }))
}

/// Checks a create or update body: shapes, `protocol`, `visibility`, name and server rules.
fn check_body(body: &Value, create: bool) -> Vec<Violation> {
    let mut out = Vec::new();
    let shape = if create {
        <wire::CreateConnectorRequest as HasShape>::SHAPE
    } else {
        <wire::UpdateConnectorRequest as HasShape>::SHAPE
    };
    check_shape(body, shape, &[Loc::from("body")], &mut out);
    if !body.is_object() {
        return out;
    }
    if let Some(p) = body.get("protocol").filter(|p| !p.is_null()) {
        if p != "mcp" && p != "http" {
            out.push(
                Violation::new(
                    loc!["body"],
                    "union_tag_invalid",
                    format!(
                        "Input tag '{}' found using 'protocol' does not match any of the expected tags: 'mcp', 'http'",
                        p.as_str().unwrap_or_default()
                    ),
                )
                .input(body)
                .ctx(json!({ "discriminator": "'protocol'", "tag": p, "expected_tags": "'mcp', 'http'" })),
            );
        }
    }
    if let Some(v) = body.get("visibility").filter(|v| v.is_string()) {
        const ALLOWED: [&str; 3] = ["shared_org", "shared_workspace", "private"];
        if !ALLOWED.iter().any(|a| v == a) {
            out.push(enum_violation(loc!["body", "visibility"], &ALLOWED, v));
        }
    }
    if let Some(name) = body.get("name") {
        out.extend(name_violations(name, loc!["body", "name"]));
    }
    if let Some(server) = body.get("server") {
        out.extend(server_violations(server, loc!["body", "server"]));
    }
    let has = |k: &str| body.get(k).is_some_and(|v| !v.is_null());
    if has("oauth2_server_metadata") && has("oauth2_server_metadata_url") {
        out.push(Violation::value_error(
            loc!["body"],
            "`oauth2_server_metadata` and `oauth2_server_metadata_url` are mutually exclusive",
            body,
        ));
    }
    out
}

fn uuid_violation(at: Vec<Loc>, input: &str) -> Option<Violation> {
    let b = input.as_bytes();
    let ok = b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        });
    (!ok).then(|| {
        Violation::new(
            at,
            "uuid_parsing",
            "Input should be a valid UUID, invalid length or character",
        )
        .input(&json!(input))
    })
}

/// A `{connector_id}` path segment: a UUID (422 `uuid_parsing` otherwise).
fn require_uuid(id: &str) -> Result<(), ApiError> {
    match uuid_violation(loc!["path", "connector_id"], id) {
        Some(v) => Err(ApiError::validation(vec![v])),
        None => Ok(()),
    }
}

/// A `{consumer_scope}` path segment, as the scope responses show (`organization` → `org`).
fn scope(raw: &str) -> Result<&'static str, ApiError> {
    match raw {
        "user" => Ok("user"),
        "workspace" => Ok("workspace"),
        "organization" => Ok("org"),
        other => Err(ApiError::validation(vec![enum_violation(
            loc!["path", "consumer_scope"],
            &["user", "workspace", "organization"],
            &json!(other),
        )])),
    }
}

fn scope_words(scope: &str) -> &'static str {
    match scope {
        "user" => "the user",
        "workspace" => "the workspace",
        _ => "the organization",
    }
}

// ----- building records -----

fn method_from(m: &wire::ConnectorAuthMethod) -> wire::PublicAuthenticationMethod {
    wire::PublicAuthenticationMethod {
        method_type: m.method_type.as_str().into(),
        headers: m.headers.clone(),
        global_headers: m.global_headers.clone(),
        has_default_credentials: false,
        grant_type: m
            .grant_type
            .clone()
            .or_else(|| (m.method_type.as_str() == "oauth2").then(|| "authorization_code".into())),
        oauth2_server_metadata: m.oauth2_server_metadata.clone(),
    }
}

fn methods_from(
    auth_methods: Option<&Vec<wire::ConnectorAuthMethod>>,
    oauth: bool,
    metadata: Option<&wire::ExtendedOAuthServerMetadata>,
) -> Vec<wire::PublicAuthenticationMethod> {
    match auth_methods {
        Some(list) if !list.is_empty() => list.iter().map(method_from).collect(),
        _ => vec![wire::PublicAuthenticationMethod {
            method_type: if oauth { "oauth2" } else { "none" }.into(),
            headers: None,
            global_headers: None,
            has_default_credentials: false,
            grant_type: oauth.then(|| "authorization_code".into()),
            oauth2_server_metadata: metadata.cloned(),
        }],
    }
}

fn header_pairs(
    headers: Option<&JsonObject>,
    global: Option<&wire::GlobalHeaders>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (k, v) in headers.map(|h| h.0.iter()).into_iter().flatten() {
        match v {
            Value::String(s) => out.push((k.clone(), s.clone())),
            Value::Number(_) | Value::Bool(_) => out.push((k.clone(), v.to_string())),
            _ => {}
        }
    }
    for (k, v) in global.map(|g| g.0.iter()).into_iter().flatten() {
        out.push((k.clone(), v.value.0.clone()));
    }
    out
}

fn connection_config(server: &str) -> wire::ConnectionConfig {
    wire::ConnectionConfig {
        r#type: Some("mcp".into()),
        base_url: Some(server.to_owned()),
        headers: None,
        signed: Some(false),
    }
}

// ----- handlers -----

async fn create(State(state): State<AppState>, body: JsonBytes) -> Result<Response, ApiError> {
    let value = params::body(&body)?;
    validation(check_body(&value, true))?;
    let req: wire::CreateConnectorRequest = params::typed(value)?;
    let http = req.protocol.as_ref().is_some_and(|p| p.as_str() == "http");
    let now = clock::now_rfc3339();
    let id = state.ids.uuid();
    let me = &state.identity.user_id;
    let visibility = req.visibility.clone().unwrap_or_else(|| "private".into());
    let oauth = req.auth_data.is_some()
        || req.oauth2_server_metadata.is_some()
        || req.oauth2_server_metadata_url.is_some();
    let details = wire::ConnectorDetails {
        id: id.clone(),
        name: req.name.clone(),
        title: req.title.clone(),
        description: req.description.clone(),
        created_at: now.clone(),
        modified_at: now,
        server: Some(req.server.clone()),
        icon_url: req.icon_url.clone(),
        server_card: None,
        owner_id: Some(me.clone()),
        owner_type: "user".into(),
        visibility: visibility.clone(),
        creator_id: Some(me.clone()),
        locale: None,
        system_prompt: req.system_prompt.clone(),
        supported_auth_methods: None,
        connection_preferences: None,
        connection_credentials: None,
        active: Some(true),
        blocked_by: None,
        private_tool_execution: false,
        mistral: Some(false),
        is_authenticated: None,
        tools: None,
        system_prompt_route: None,
        connection_config: Some(connection_config(&req.server)),
        execution_env: None,
    };
    let client_id = req
        .auth_data
        .as_ref()
        .map(|a| a.client_id.clone())
        .or_else(|| {
            req.auth_methods.iter().flatten().find_map(|m| {
                m.auth_data
                    .as_ref()
                    .map(|a| a.client_id.clone())
                    .or_else(|| {
                        m.oauth2_metadata_secrets
                            .as_ref()
                            .and_then(|s| s.client_id.clone())
                    })
            })
        });
    let mut store = state.connectors.lock();
    if store.name_taken(&req.name, "") {
        return Err(conflict(format!(
            "A connector named `{}` already exists",
            req.name
        )));
    }
    store.seq += 1;
    let rec = ConnectorRecord {
        seq: store.seq,
        http,
        details,
        methods: methods_from(
            req.auth_methods.as_ref(),
            oauth,
            req.oauth2_server_metadata.as_ref(),
        ),
        client_id,
        headers: header_pairs(req.headers.as_ref(), req.global_headers.as_ref()),
        credentials: BTreeMap::new(),
        shared_workspace: visibility.as_str() == "shared_workspace",
        shared_org: visibility.as_str() == "shared_org",
        blocked_by: BTreeSet::new(),
    };
    let view = rec.view(false);
    store.by_id.insert(id, rec);
    Ok(json(StatusCode::CREATED, &view))
}

/// Keyset cursors: the creation number of the last connector of a page, in hex.
fn cursor_seq(q: &Query) -> Result<Option<u64>, ApiError> {
    match params::one(q, "cursor").filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(raw) => raw
            .strip_prefix("c_")
            .and_then(|hex| u64::from_str_radix(hex, 16).ok())
            .map(Some)
            .ok_or_else(|| {
                ApiError::validation(vec![Violation::value_error(
                    loc!["query", "cursor"],
                    "Invalid cursor",
                    &json!(raw),
                )])
            }),
    }
}

async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let size = params::int(&q, "page_size", Some(100), 1, 1000)? as usize;
    let after = cursor_seq(&q)?;
    let active = params::boolean(&q, "active")?;
    let store = state.connectors.lock();
    let mut records: Vec<&ConnectorRecord> = store
        .by_id
        .values()
        .filter(|c| after.is_none_or(|a| c.seq < a))
        .filter(|c| active.is_none_or(|a| c.active() == a))
        .collect();
    // Newest first; the cursor is the creation number of the last one shown.
    records.sort_by_key(|c| std::cmp::Reverse(c.seq));
    let more = records.len() > size;
    records.truncate(size);
    let next_cursor = more
        .then(|| records.last().map(|c| format!("c_{:x}", c.seq)))
        .flatten();
    let page = wire::PaginatedConnectors {
        items: records.iter().map(|c| c.view(false)).collect(),
        pagination: wire::CursorPagination {
            next_cursor,
            page_size: size as i64,
        },
    };
    // `next_cursor` is `null` on the last page, as the API sends it.
    let mut value = serde_json::to_value(&page)
        .map_err(|e| ApiError::internal(format!("could not serialise the page: {e}")))?;
    if let Some(p) = value.get_mut("pagination").and_then(Value::as_object_mut) {
        p.entry("next_cursor").or_insert(Value::Null);
    }
    Ok(ok(&value))
}

fn found<'a>(store: &'a Connectors, x: &str) -> Result<&'a ConnectorRecord, ApiError> {
    store
        .find(x)
        .ok_or_else(|| ApiError::not_found("Connector", x))
}

fn found_mut<'a>(store: &'a mut Connectors, x: &str) -> Result<&'a mut ConnectorRecord, ApiError> {
    store
        .find_mut(x)
        .ok_or_else(|| ApiError::not_found("Connector", x))
}

/// A `{connector_id}` route's connector: by UUID only.
fn by_id<'a>(store: &'a mut Connectors, id: &str) -> Result<&'a mut ConnectorRecord, ApiError> {
    require_uuid(id)?;
    store
        .by_id
        .get_mut(id)
        .ok_or_else(|| ApiError::not_found("Connector", id))
}

async fn get_one(
    State(state): State<AppState>,
    Path(x): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let with_credentials = params::boolean(&q, "fetch_user_data")?.unwrap_or(false)
        || params::boolean(&q, "fetch_customer_data")?.unwrap_or(false);
    let store = state.connectors.lock();
    Ok(ok(&found(&store, &x)?.view(with_credentials)))
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    require_uuid(&id)?;
    let value = params::body(&body)?;
    validation(check_body(&value, false))?;
    let req: wire::UpdateConnectorRequest = params::typed(value)?;
    let mut store = state.connectors.lock();
    if let Some(name) = &req.name {
        if store.name_taken(name, &id) {
            return Err(conflict(format!(
                "A connector named `{name}` already exists"
            )));
        }
    }
    let rec = by_id(&mut store, &id)?;
    let d = &mut rec.details;
    if let Some(v) = &req.name {
        d.name = v.clone();
    }
    if req.title.is_some() {
        d.title = req.title.clone();
    }
    if let Some(v) = &req.description {
        d.description = v.clone();
    }
    if req.icon_url.is_some() {
        d.icon_url = req.icon_url.clone();
    }
    if let Some(server) = &req.server {
        d.server = Some(server.clone());
        d.connection_config = Some(connection_config(server));
    }
    if req.system_prompt.is_some() {
        d.system_prompt = req.system_prompt.clone();
    }
    if let Some(methods) = &req.auth_methods {
        rec.methods = methods_from(Some(methods), false, None);
    }
    if let Some(auth) = &req.auth_data {
        rec.client_id = Some(auth.client_id.clone());
    }
    if req.headers.is_some() {
        rec.headers = header_pairs(req.headers.as_ref(), None);
    }
    rec.details.modified_at = clock::now_rfc3339();
    Ok(ok(&rec.view(false)))
}

async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    require_uuid(&id)?;
    let mut store = state.connectors.lock();
    let rec = store
        .by_id
        .remove(&id)
        .ok_or_else(|| ApiError::not_found("Connector", &id))?;
    Ok(message(format!(
        "Connector {} ({}) deleted",
        rec.details.name, rec.details.id
    )))
}

fn host(headers: &HeaderMap) -> String {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_owned()
}

fn oauth_signature(key: u64, id: &str, credentials: &str, method: &str, expires: i64) -> String {
    files::signature(key, &format!("oauth:{id}:{credentials}:{method}"), expires)
}

/// The authorization URL: a page of the emulator that grants at once (see [`authorize`]).
async fn auth_url(
    State(state): State<AppState>,
    Path(x): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    params::boolean(&q, "github_installation_link")?;
    let method = params::one(&q, "method_type")
        .unwrap_or("oauth2")
        .to_owned();
    const METHODS: [&str; 5] = ["oauth2", "bearer", "none", "github_app", "slack_app"];
    if !METHODS.contains(&method.as_str()) {
        return Err(ApiError::validation(vec![enum_violation(
            loc!["query", "method_type"],
            &METHODS,
            &json!(method),
        )]));
    }
    let credentials = params::one(&q, "credentials_name")
        .unwrap_or("default")
        .to_owned();
    let (id, client_id) = {
        let store = state.connectors.lock();
        let rec = found(&store, &x)?;
        (rec.details.id.clone(), rec.client_id.clone())
    };
    let expires = clock::unix_seconds() + AUTH_URL_TTL;
    let sig = oauth_signature(state.signing_key, &id, &credentials, &method, expires);
    let mut url = format!(
        "http://{}/oauth/connectors/{id}/authorize?response_type=code&client_id={}&method_type={}&credentials_name={}&expires={expires}&state={sig}",
        host(&headers),
        crate::builtins::url_encode(client_id.as_deref().unwrap_or("mistral-emulator")),
        crate::builtins::url_encode(&method),
        crate::builtins::url_encode(&credentials),
    );
    for key in ["credentials_title", "app_return_url"] {
        if let Some(v) = params::one(&q, key) {
            url.push_str(&format!("&{key}={}", crate::builtins::url_encode(v)));
        }
    }
    Ok(ok(&wire::AuthUrlResponse {
        auth_url: url,
        ttl: AUTH_URL_TTL,
    }))
}

/// `GET /oauth/connectors/{id}/authorize?…` (no API key: a browser opens it): checks the
/// signed `state`, stores user credentials (`credentials_name`, default for their method)
/// with a fresh access token, then redirects to `app_return_url` (or answers a message).
async fn authorize(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let method = params::one(&q, "method_type")
        .unwrap_or("oauth2")
        .to_owned();
    let credentials = params::one(&q, "credentials_name")
        .unwrap_or("default")
        .to_owned();
    let expires: i64 = params::one(&q, "expires")
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    let given = params::one(&q, "state").unwrap_or("");
    let forbidden = |message: &str| ApiError {
        status: StatusCode::FORBIDDEN,
        body: json!({ "detail": message }),
        retry_after: None,
    };
    if given != oauth_signature(state.signing_key, &id, &credentials, &method, expires) {
        return Err(forbidden("Invalid state"));
    }
    if expires < clock::unix_seconds() {
        return Err(forbidden("Authorization URL expired"));
    }
    let token = format!("emu-oauth-{}", &state.ids.next("tok")[4..]);
    {
        let mut store = state.connectors.lock();
        let rec = found_mut(&mut store, &id)?;
        let title = params::one(&q, "credentials_title").map(str::to_owned);
        store_credential(
            rec,
            "user",
            &credentials,
            title,
            Some(true),
            &method,
            Some(token),
            Vec::new(),
            &state.identity.user_id,
        );
    }
    match params::one(&q, "app_return_url") {
        Some(back) => {
            let mut r = StatusCode::FOUND.into_response();
            if let Ok(v) = HeaderValue::from_str(back) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            Ok(r)
        }
        None => Ok(message(format!(
            "Connector {id} authorized: credentials `{credentials}` stored for the user"
        ))),
    }
}

#[allow(clippy::too_many_arguments)]
fn store_credential(
    rec: &mut ConnectorRecord,
    scope: &str,
    name: &str,
    title: Option<String>,
    is_default: Option<bool>,
    method: &str,
    token: Option<String>,
    headers: Vec<(String, String)>,
    creator: &str,
) {
    if is_default == Some(true) {
        for ((s, _), c) in rec.credentials.iter_mut() {
            if s == scope && c.config.authentication_type.as_str() == method {
                c.config.is_default = Some(false);
            }
        }
    }
    rec.credentials.insert(
        (scope.to_owned(), name.to_owned()),
        Credential {
            config: wire::AuthenticationConfiguration {
                name: name.to_owned(),
                title,
                authentication_type: method.into(),
                scope: scope.into(),
                status: Some(wire::CredentialsStatus {
                    status_type: "valid".into(),
                    last_checked_at: Some(clock::now_rfc3339()),
                    error_http_code: None,
                    error_message: None,
                }),
                is_default: Some(is_default.unwrap_or(false)),
                creator_id: Some(creator.to_owned()),
            },
            token,
            headers,
        },
    );
    rec.details.modified_at = clock::now_rfc3339();
}

async fn list_tools(
    State(state): State<AppState>,
    Path(x): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let page = params::int(&q, "page", Some(1), 1, i64::MAX)? as usize;
    let size = params::int(&q, "page_size", Some(100), 1, 1000)? as usize;
    params::boolean(&q, "refresh")?;
    let pretty = params::boolean(&q, "pretty")?.unwrap_or(false);
    let target = state
        .connectors
        .target(&x, None, params::one(&q, "credentials_name"))?
        .ok_or_else(|| deactivated(&x))?;
    let tools = mcp::list_tools(&target).await?;
    let page: Vec<&wire::McpTool> = tools
        .iter()
        .skip((page - 1).saturating_mul(size))
        .take(size)
        .collect();
    if pretty {
        // The short form: what a person reads.
        let short: Vec<Value> = page
            .iter()
            .map(|t| json!({ "name": t.name, "title": t.title, "description": t.description }))
            .collect();
        return Ok(ok(&short));
    }
    Ok(ok(&page))
}

async fn call_tool(
    State(state): State<AppState>,
    Path((x, tool)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let req: wire::ConnectorCallToolRequest = if body.iter().all(u8::is_ascii_whitespace) {
        wire::ConnectorCallToolRequest { arguments: None }
    } else {
        let value = params::body(&body)?;
        let mut out = Vec::new();
        check_shape(
            &value,
            <wire::ConnectorCallToolRequest as HasShape>::SHAPE,
            &[Loc::from("body")],
            &mut out,
        );
        validation(out)?;
        params::typed(value)?
    };
    let target = state
        .connectors
        .target(&x, None, params::one(&q, "credentials_name"))?
        .ok_or_else(|| deactivated(&x))?;
    let result = mcp::call_tool(&target, &tool, req.arguments.map(|a| a.0)).await?;
    Ok(ok(&result))
}

async fn authentication_methods(
    State(state): State<AppState>,
    Path(x): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.connectors.lock();
    Ok(ok(&found(&store, &x)?.public_methods()))
}

// ----- credentials -----

fn credentials_body(body: &Bytes) -> Result<wire::CredentialsCreateOrUpdate, ApiError> {
    let value = params::body(body)?;
    let mut out = Vec::new();
    check_shape(
        &value,
        <wire::CredentialsCreateOrUpdate as HasShape>::SHAPE,
        &[Loc::from("body")],
        &mut out,
    );
    validation(out)?;
    params::typed(value)
}

/// What a set of credentials authenticates with, and its token and headers.
fn credential_secrets(
    c: Option<&wire::ConnectionCredentials>,
) -> (&'static str, Option<String>, Vec<(String, String)>) {
    let Some(c) = c else {
        return ("none", None, Vec::new());
    };
    let headers: Vec<(String, String)> = c
        .headers
        .iter()
        .flat_map(|h| h.0.iter().map(|(k, v)| (k.clone(), v.0.clone())))
        .collect();
    if let Some(o) = &c.oauth {
        return (
            "oauth2",
            o.access_token.as_ref().map(|t| t.0.clone()),
            headers,
        );
    }
    if c.github_installation_id.is_some() {
        return ("github_app", None, headers);
    }
    if let Some(t) = &c.bearer_token {
        return ("bearer", Some(t.0.clone()), headers);
    }
    if !headers.is_empty() {
        return ("bearer", None, headers);
    }
    ("none", None, headers)
}

async fn list_credentials(
    State(state): State<AppState>,
    Path((x, raw_scope)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let scope = scope(&raw_scope)?;
    let q = params::parse_query(raw.as_deref());
    let only_default = params::boolean(&q, "fetch_default")?.unwrap_or(false);
    let auth_type = params::one(&q, "auth_type");
    let store = state.connectors.lock();
    let rec = found(&store, &x)?;
    let credentials = rec
        .credentials
        .iter()
        .filter(|((s, _), c)| {
            s == scope
                && (!only_default || c.config.is_default == Some(true))
                && auth_type.is_none_or(|t| c.config.authentication_type.as_str() == t)
        })
        .map(|(_, c)| c.config.clone())
        .collect();
    Ok(ok(&wire::CredentialsResponse {
        credentials,
        connector_preset_credentials_for_auth: None,
    }))
}

async fn create_credentials(
    State(state): State<AppState>,
    Path((x, raw_scope)): Path<(String, String)>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let scope = scope(&raw_scope)?;
    let req = credentials_body(&body)?;
    let (method, token, headers) = credential_secrets(req.credentials.as_ref());
    let mut store = state.connectors.lock();
    let rec = found_mut(&mut store, &x)?;
    if rec
        .credentials
        .contains_key(&(scope.to_owned(), req.name.clone()))
    {
        return Err(conflict(format!(
            "Credentials `{}` already exist for {}",
            req.name,
            scope_words(scope)
        )));
    }
    store_credential(
        rec,
        scope,
        &req.name,
        req.title.clone(),
        req.is_default,
        method,
        token,
        headers,
        &state.identity.user_id,
    );
    Ok(message(format!(
        "Credentials `{}` created for {}",
        req.name,
        scope_words(scope)
    )))
}

async fn update_credentials(
    State(state): State<AppState>,
    Path((x, raw_scope)): Path<(String, String)>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let scope = scope(&raw_scope)?;
    let req = credentials_body(&body)?;
    let mut store = state.connectors.lock();
    let rec = found_mut(&mut store, &x)?;
    let key = (scope.to_owned(), req.name.clone());
    let old = rec
        .credentials
        .get(&key)
        .cloned()
        .ok_or_else(|| ApiError::not_found("Credentials", &req.name))?;
    let (method, token, headers) = match &req.credentials {
        Some(_) => {
            let (m, t, h) = credential_secrets(req.credentials.as_ref());
            (m.to_owned(), t, h)
        }
        None => (
            old.config.authentication_type.as_str().to_owned(),
            old.token.clone(),
            old.headers.clone(),
        ),
    };
    store_credential(
        rec,
        scope,
        &req.name,
        req.title.clone().or(old.config.title.clone()),
        req.is_default.or(old.config.is_default),
        &method,
        token,
        headers,
        &state.identity.user_id,
    );
    Ok(message(format!(
        "Credentials `{}` updated for {}",
        req.name,
        scope_words(scope)
    )))
}

/// `DELETE /v1/connectors/{x}/user/credentials`: every credential of the user.
async fn delete_all_credentials(
    State(state): State<AppState>,
    Path((x, raw_scope)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    if raw_scope != "user" {
        return Err(ApiError::method_not_allowed());
    }
    let mut store = state.connectors.lock();
    let rec = found_mut(&mut store, &x)?;
    let before = rec.credentials.len();
    rec.credentials.retain(|(s, _), _| s != "user");
    let n = before - rec.credentials.len();
    Ok(message(format!("Deleted {n} user credentials")))
}

async fn delete_credentials(
    State(state): State<AppState>,
    Path((x, raw_scope, name)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    let scope = scope(&raw_scope)?;
    let mut store = state.connectors.lock();
    let rec = found_mut(&mut store, &x)?;
    rec.credentials
        .remove(&(scope.to_owned(), name.clone()))
        .ok_or_else(|| ApiError::not_found("Credentials", &name))?;
    Ok(message(format!(
        "Credentials `{name}` deleted for {}",
        scope_words(scope)
    )))
}

// ----- sharing and activation -----

async fn sharing(state: AppState, id: String, org: bool, on: bool) -> Result<Response, ApiError> {
    let mut store = state.connectors.lock();
    let rec = by_id(&mut store, &id)?;
    if org {
        rec.shared_org = on;
    } else {
        rec.shared_workspace = on;
        if !on {
            rec.shared_org = false;
        }
    }
    rec.details.modified_at = clock::now_rfc3339();
    let whom = if org {
        "the organization"
    } else {
        "the workspace"
    };
    Ok(message(if on {
        format!("Connector {id} shared with {whom}")
    } else {
        format!("Connector {id} no longer shared with {whom}")
    }))
}

async fn share(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    sharing(state, id, false, true).await
}

async fn unshare(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    sharing(state, id, false, false).await
}

async fn share_org(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    sharing(state, id, true, true).await
}

async fn unshare_org(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    sharing(state, id, true, false).await
}

async fn activation(
    state: AppState,
    id: String,
    raw_scope: String,
    on: bool,
) -> Result<Response, ApiError> {
    let scope = scope(&raw_scope)?;
    let mut store = state.connectors.lock();
    let rec = by_id(&mut store, &id)?;
    if on {
        rec.blocked_by.remove(scope);
    } else {
        rec.blocked_by.insert(scope.to_owned());
    }
    rec.details.modified_at = clock::now_rfc3339();
    Ok(message(format!(
        "Connector {id} {} for {}",
        if on { "activated" } else { "deactivated" },
        scope_words(scope)
    )))
}

async fn activate(
    State(state): State<AppState>,
    Path((id, raw_scope)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    activation(state, id, raw_scope, true).await
}

async fn deactivate(
    State(state): State<AppState>,
    Path((id, raw_scope)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    activation(state, id, raw_scope, false).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(v: &[Violation]) -> Vec<String> {
        v.iter().map(|v| v.kind.clone()).collect()
    }

    #[test]
    fn names_follow_the_api() {
        assert!(name_violations(&json!("my_deepwiki-2"), loc!["body", "name"]).is_empty());
        assert_eq!(
            kinds(&name_violations(
                &json!("a".repeat(65)),
                loc!["body", "name"]
            )),
            vec!["string_too_long"]
        );
        assert!(name_violations(&json!("a".repeat(64)), loc!["body", "name"]).is_empty());
        assert_eq!(
            kinds(&name_violations(
                &json!("my deepwiki"),
                loc!["body", "name"]
            )),
            vec!["string_pattern_mismatch"]
        );
        assert_eq!(
            kinds(&name_violations(&json!(""), loc!["body", "name"])),
            vec!["string_too_short"]
        );
    }

    #[test]
    fn servers_are_http_urls() {
        let at = || loc!["body", "server"];
        assert!(server_violations(&json!("http://127.0.0.1:9/mcp"), at()).is_empty());
        assert!(server_violations(&json!("HTTPS://mcp.example.com"), at()).is_empty());
        assert_eq!(
            kinds(&server_violations(&json!("ftp://x/y"), at())),
            vec!["url_scheme"]
        );
        assert_eq!(
            kinds(&server_violations(&json!("mcp.example.com"), at())),
            vec!["url_parsing"]
        );
        assert_eq!(
            kinds(&server_violations(&json!("http:///x"), at())),
            vec!["url_parsing"]
        );
        let long = format!("https://x/{}", "a".repeat(MAX_URL));
        assert_eq!(
            kinds(&server_violations(&json!(long), at())),
            vec!["url_too_long"]
        );
    }

    #[test]
    fn uuids_and_scopes() {
        assert!(uuid_violation(loc!["path"], "123e4567-e89b-42d3-a456-426614174000").is_none());
        assert!(uuid_violation(loc!["path"], "my_connector").is_some());
        assert_eq!(scope("organization").ok(), Some("org"));
        assert!(scope("team").is_err());
    }
}
