//! Building connector records, and the handlers of the connectors themselves: create, list, get,
//! update, delete.

use super::*;

// ----- building records -----

pub(super) fn method_from(m: &wire::ConnectorAuthMethod) -> wire::PublicAuthenticationMethod {
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

pub(super) fn methods_from(
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

pub(super) fn header_pairs(
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

pub(super) fn connection_config(server: &str) -> wire::ConnectionConfig {
    wire::ConnectionConfig {
        r#type: Some("mcp".into()),
        base_url: Some(server.to_owned()),
        headers: None,
        signed: Some(false),
    }
}

// ----- handlers -----

/// A new connector's details (`modified_at` is its creation time).
fn new_details(
    req: &wire::CreateConnectorRequest,
    id: &str,
    now: String,
    me: &str,
    visibility: &mistral_edge::model::leaf::ResourceVisibility,
) -> wire::ConnectorDetails {
    wire::ConnectorDetails {
        id: id.to_owned(),
        name: req.name.clone(),
        title: req.title.clone(),
        description: req.description.clone(),
        created_at: now.clone(),
        modified_at: now,
        server: Some(req.server.clone()),
        icon_url: req.icon_url.clone(),
        server_card: None,
        owner_id: Some(me.to_owned()),
        owner_type: "user".into(),
        visibility: visibility.clone(),
        creator_id: Some(me.to_owned()),
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
    }
}

/// The OAuth client id a create request gives: in `auth_data`, or in its first auth method with one.
fn client_id_of(req: &wire::CreateConnectorRequest) -> Option<String> {
    req.auth_data
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
        })
}

pub(super) async fn create(
    State(state): State<AppState>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
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
    let details = new_details(&req, &id, now, me, &visibility);
    let client_id = client_id_of(&req);
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
pub(super) fn cursor_seq(q: &Query) -> Result<Option<u64>, ApiError> {
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

pub(super) async fn list(
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

pub(super) fn found<'a>(store: &'a Connectors, x: &str) -> Result<&'a ConnectorRecord, ApiError> {
    store
        .find(x)
        .ok_or_else(|| ApiError::not_found("Connector", x))
}

pub(super) fn found_mut<'a>(
    store: &'a mut Connectors,
    x: &str,
) -> Result<&'a mut ConnectorRecord, ApiError> {
    store
        .find_mut(x)
        .ok_or_else(|| ApiError::not_found("Connector", x))
}

/// A `{connector_id}` route's connector: by UUID only.
pub(super) fn by_id<'a>(
    store: &'a mut Connectors,
    id: &str,
) -> Result<&'a mut ConnectorRecord, ApiError> {
    require_uuid(id)?;
    store
        .by_id
        .get_mut(id)
        .ok_or_else(|| ApiError::not_found("Connector", id))
}

pub(super) async fn get_one(
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

pub(super) async fn update(
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

pub(super) async fn delete(
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
