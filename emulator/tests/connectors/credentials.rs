//! Connector credentials per scope, the OAuth dance, sharing and activation.

use std::sync::Mutex;

use serde_json::json;

use super::{create, start_mcp};
use crate::common::*;

#[tokio::test]
async fn credentials_oauth_sharing_and_activation() {
    let s = start().await;
    let (mcp_url, seen) = start_mcp().await;
    let c = create(
        &s,
        json!({"name": "oauthy", "description": "x", "server": mcp_url,
            "headers": {"x-team": "blue"},
            "auth_methods": [{"method_type": "oauth2", "grant_type": "authorization_code",
                "oauth2_server_metadata": {"issuer": "http://127.0.0.1:9", "authorization_endpoint": "http://127.0.0.1:9/authorize", "token_endpoint": "http://127.0.0.1:9/token"},
                "auth_data": {"client_id": "client-1", "client_secret": "s3cret"}},
                {"method_type": "bearer"}]}),
    )
    .await
    .json();
    let id = c["id"].as_str().unwrap().to_owned();
    assert_eq!(c["is_authenticated"], false);
    let methods = get(&s, "/v1/connectors/oauthy/authentication_methods")
        .await
        .json();
    assert_eq!(methods[0]["method_type"], "oauth2");
    assert_eq!(methods[0]["grant_type"], "authorization_code");
    assert_eq!(methods[0]["has_default_credentials"], false);
    assert_eq!(methods[1]["method_type"], "bearer");

    workspace_credentials(&s).await;
    update_then_delete_credentials(&s).await;
    oauth_dance(&s, &seen).await;
    sharing(&s, &id).await;
    activation(&s, &id).await;
}

/// Credentials per scope; the default ones reach the server.
async fn workspace_credentials(s: &Server) {
    let r = post(
        s,
        "/v1/connectors/oauthy/workspace/credentials",
        &json!({"name": "team", "is_default": true, "credentials": {"bearer_token": "ws-token"}}),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.json()["message"].is_string());
    let again = post(
        s,
        "/v1/connectors/oauthy/workspace/credentials",
        &json!({"name": "team"}),
    )
    .await;
    assert_eq!(again.status, 409);
    let list = get(s, "/v1/connectors/oauthy/workspace/credentials")
        .await
        .json();
    assert_eq!(list["credentials"][0]["name"], "team");
    assert_eq!(list["credentials"][0]["scope"], "workspace");
    assert_eq!(list["credentials"][0]["authentication_type"], "bearer");
    assert_eq!(list["credentials"][0]["is_default"], true);
    assert!(!get(s, "/v1/connectors/oauthy/workspace/credentials")
        .await
        .text()
        .contains("ws-token"));
    assert_eq!(
        get(s, "/v1/connectors/oauthy/user/credentials")
            .await
            .json()["credentials"],
        json!([])
    );
    assert_eq!(
        get(s, "/v1/connectors/oauthy/team/credentials")
            .await
            .status,
        422
    );
    let who = post(
        s,
        "/v1/connectors/oauthy/tools/whoami/call",
        &json!({"arguments": {}}),
    )
    .await;
    assert_eq!(who.status, 200, "{}", who.text());
    assert_eq!(
        who.json()["content"][0]["text"],
        "authorization=Bearer ws-token x-team=blue"
    );
}

/// Credentials: update, then delete.
async fn update_then_delete_credentials(s: &Server) {
    let r = request(
        s.addr,
        "PATCH",
        "/v1/connectors/oauthy/workspace/credentials",
        &[KEY],
        Some(&json!({"name": "team", "credentials": {"bearer_token": "ws-token-2"}}).to_string()),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let who = post(s, "/v1/connectors/oauthy/tools/whoami/call", &json!({})).await;
    assert_eq!(
        who.json()["content"][0]["text"],
        "authorization=Bearer ws-token-2 x-team=blue"
    );
    let r = request(
        s.addr,
        "PATCH",
        "/v1/connectors/oauthy/user/credentials",
        &[KEY],
        Some(&json!({"name": "team"}).to_string()),
    )
    .await;
    assert_eq!(r.status, 404);
    assert_eq!(
        delete(s, "/v1/connectors/oauthy/workspace/credentials/team")
            .await
            .status,
        200
    );
    assert_eq!(
        delete(s, "/v1/connectors/oauthy/workspace/credentials/team")
            .await
            .status,
        404
    );
}

/// The OAuth dance: the URL is served by the emulator and stores user credentials.
async fn oauth_dance(s: &Server, seen: &Mutex<Vec<Option<String>>>) {
    let url = get(
        s,
        "/v1/connectors/oauthy/auth_url?app_return_url=http%3A%2F%2F127.0.0.1%3A1%2Fdone",
    )
    .await
    .json();
    assert_eq!(url["ttl"], 600);
    let auth_url = url["auth_url"].as_str().unwrap();
    assert!(auth_url.contains("client_id=client-1"), "{auth_url}");
    let path = &auth_url[auth_url.find("/oauth/").unwrap()..];
    let tampered = path.replace("state=", "state=0");
    assert_eq!(
        request(s.addr, "GET", &tampered, &[], None).await.status,
        403
    );
    let r = request(s.addr, "GET", path, &[], None).await;
    assert_eq!(r.status, 302);
    assert_eq!(r.header("location"), Some("http://127.0.0.1:1/done"));
    let creds = get(
        s,
        "/v1/connectors/oauthy/user/credentials?fetch_default=true",
    )
    .await
    .json();
    assert_eq!(creds["credentials"][0]["name"], "default");
    assert_eq!(creds["credentials"][0]["authentication_type"], "oauth2");
    let who = post(s, "/v1/connectors/oauthy/tools/whoami/call", &json!({})).await;
    let text = who.json()["content"][0]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        text.starts_with("authorization=Bearer emu-oauth-"),
        "{text}"
    );
    let c = get(s, "/v1/connectors/oauthy?fetch_user_data=true")
        .await
        .json();
    assert_eq!(c["is_authenticated"], true);
    assert_eq!(c["connection_credentials"][0]["name"], "default");
    assert_eq!(
        c["supported_auth_methods"][0]["has_default_credentials"],
        true
    );
    assert_eq!(
        delete(s, "/v1/connectors/oauthy/user/credentials")
            .await
            .json()["message"],
        "Deleted 1 user credentials"
    );
    assert!(seen.lock().unwrap().len() >= 3);
}

/// Sharing with the workspace and the organization.
async fn sharing(s: &Server, id: &str) {
    let r = put(s, &format!("/v1/connectors/{id}/share")).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        get(s, &format!("/v1/connectors/{id}")).await.json()["visibility"],
        "shared_workspace"
    );
    put(s, &format!("/v1/connectors/{id}/organization/share")).await;
    assert_eq!(
        get(s, &format!("/v1/connectors/{id}")).await.json()["visibility"],
        "shared_org"
    );
    delete(s, &format!("/v1/connectors/{id}/organization/share")).await;
    delete(s, &format!("/v1/connectors/{id}/share")).await;
    assert_eq!(
        get(s, &format!("/v1/connectors/{id}")).await.json()["visibility"],
        "private"
    );
    assert_eq!(put(s, "/v1/connectors/oauthy/share").await.status, 422);
}

/// Activation per scope.
async fn activation(s: &Server, id: &str) {
    let r = post(
        s,
        &format!("/v1/connectors/{id}/user/deactivate"),
        &json!({}),
    )
    .await;
    assert_eq!(r.status, 200);
    let c = get(s, &format!("/v1/connectors/{id}")).await.json();
    assert_eq!(c["active"], false);
    assert_eq!(c["blocked_by"], json!(["user"]));
    assert_eq!(
        get(s, "/v1/connectors?active=false").await.json()["items"][0]["id"],
        id
    );
    assert_eq!(
        get(s, "/v1/connectors?active=true").await.json()["items"],
        json!([])
    );
    assert_eq!(
        post(s, "/v1/connectors/oauthy/tools/echo/call", &json!({}))
            .await
            .status,
        400
    );
    post(s, &format!("/v1/connectors/{id}/user/activate"), &json!({})).await;
    assert_eq!(
        get(s, &format!("/v1/connectors/{id}")).await.json()["active"],
        true
    );
}

// ----- MCP -----
