//! Credentials per scope (user, workspace, organization): list, create, update, delete; secrets
//! are never shown.

use super::*;

// ----- credentials -----

pub(super) fn credentials_body(body: &Bytes) -> Result<wire::CredentialsCreateOrUpdate, ApiError> {
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
pub(super) fn credential_secrets(
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

pub(super) async fn list_credentials(
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

pub(super) async fn create_credentials(
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

pub(super) async fn update_credentials(
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
pub(super) async fn delete_all_credentials(
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

pub(super) async fn delete_credentials(
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
