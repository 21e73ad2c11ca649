//! The OAuth flow: `auth_url` (a signed URL of the emulator's own consent page) and the page that
//! grants at once and stores the credential.

use super::*;

pub(super) fn host(headers: &HeaderMap) -> String {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_owned()
}

pub(super) fn oauth_signature(
    key: u64,
    id: &str,
    credentials: &str,
    method: &str,
    expires: i64,
) -> String {
    files::signature(key, &format!("oauth:{id}:{credentials}:{method}"), expires)
}

/// The authorization URL: a page of the emulator that grants at once (see [`authorize`]).
pub(super) async fn auth_url(
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
    pub(super) const METHODS: [&str; 5] = ["oauth2", "bearer", "none", "github_app", "slack_app"];
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
pub(super) async fn authorize(
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
pub(super) fn store_credential(
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
