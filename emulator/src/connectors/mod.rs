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

use crate::body::JsonBytes;
use crate::error::{ApiError, Loc, Violation};
use crate::hooks::{BoxFuture, ConnectorHost};
use crate::json::{json, ok};
use crate::mcp::{self, Target};
use crate::params::{self, Query};
use crate::state::AppState;
use crate::validate::check_shape;
use crate::{clock, files, loc};

mod credentials;
mod handlers;
mod oauth;
mod registry;
mod rules;
mod sharing;
mod tools;

use credentials::*;
use handlers::*;
use oauth::*;
pub use registry::{ConnectorRecord, Connectors, Credential, Registry};
use rules::*;
pub use rules::{name_violations, server_violations};
use sharing::*;
use tools::*;

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

pub(super) fn deactivated(connector: &str) -> ApiError {
    ApiError::bad_request(format!("Connector `{connector}` is deactivated"))
}

pub(super) fn conflict(message: String) -> ApiError {
    let mut e = ApiError::bad_request(message);
    e.status = StatusCode::CONFLICT;
    if let Value::Object(map) = &mut e.body {
        map.insert("type".into(), json!("conflict"));
    }
    e
}

pub(super) fn message(text: impl Into<String>) -> Response {
    ok(&wire::MessageResponse {
        message: text.into(),
    })
}

pub(super) fn validation(violations: Vec<Violation>) -> Result<(), ApiError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(violations))
    }
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
