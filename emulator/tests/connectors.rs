//! Connectors: the REST surface (CRUD, keyset pagination, the API's 422 rules, credentials,
//! OAuth URL, sharing, activation) and real MCP over streamable HTTP against a tiny MCP
//! server started in-process with rmcp's server side on 127.0.0.1.

mod common;

use std::sync::{Arc, Mutex};

use common::*;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock as Content,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::{StreamableHttpServerConfig, StreamableHttpService};
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::{json, Value};

// ----- a tiny MCP server -----

/// Records the `Authorization` header of every MCP request it gets.
#[derive(Clone, Default)]
struct TestMcp {
    seen: Arc<Mutex<Vec<Option<String>>>>,
}

fn auth_of(ctx: &RequestContext<RoleServer>) -> Option<String> {
    ctx.extensions
        .get::<axum::http::request::Parts>()
        .and_then(|p| p.headers.get("authorization"))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn header_of(ctx: &RequestContext<RoleServer>, name: &str) -> Option<String> {
    ctx.extensions
        .get::<axum::http::request::Parts>()
        .and_then(|p| p.headers.get(name))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn schema(v: Value) -> Arc<serde_json::Map<String, Value>> {
    match v {
        Value::Object(m) => Arc::new(m),
        _ => Arc::new(serde_json::Map::new()),
    }
}

impl ServerHandler for TestMcp {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        ctx: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        self.seen.lock().unwrap().push(auth_of(&ctx));
        Ok(ListToolsResult::with_all_items(vec![
            Tool::new(
                "echo",
                "Echoes a message",
                schema(
                    json!({"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]}),
                ),
            ),
            Tool::new(
                "get_weather",
                "The weather in a city",
                schema(
                    json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}),
                ),
            ),
            Tool::new(
                "whoami",
                "Tells which credentials reached the server",
                schema(json!({"type": "object", "properties": {}})),
            ),
            Tool::new(
                "explode",
                "Always fails",
                schema(json!({"type": "object", "properties": {}})),
            ),
        ]))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        ctx: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let auth = auth_of(&ctx);
        self.seen.lock().unwrap().push(auth.clone());
        let arg = |k: &str| {
            request
                .arguments
                .as_ref()
                .and_then(|a| a.get(k))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let result = match request.name.as_ref() {
            "echo" => {
                CallToolResult::success(vec![Content::text(format!("Echo: {}", arg("message")))])
            }
            "get_weather" => CallToolResult::success(vec![Content::text(format!(
                "Sunny in {}, 21 °C",
                arg("city")
            ))]),
            "whoami" => CallToolResult::success(vec![Content::text(format!(
                "authorization={} x-team={}",
                auth.unwrap_or_else(|| "none".into()),
                header_of(&ctx, "x-team").unwrap_or_else(|| "none".into())
            ))]),
            "explode" => CallToolResult::error(vec![Content::text("boom")]),
            other => {
                return Err(ErrorData::invalid_params(
                    format!("unknown tool {other}"),
                    None,
                ))
            }
        };
        Ok(result.into())
    }
}

/// Starts the MCP server; its URL (`http://127.0.0.1:PORT/mcp`) and what it saw.
async fn start_mcp() -> (String, Arc<Mutex<Vec<Option<String>>>>) {
    let server = TestMcp::default();
    let seen = server.seen.clone();
    let service = StreamableHttpService::new(
        move || Ok(server.clone()),
        Arc::new(LocalSessionManager::default()),
        StreamableHttpServerConfig::default(),
    );
    let app = axum::Router::new().nest_service("/mcp", service);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/mcp"), seen)
}

async fn create(s: &Server, body: Value) -> Resp {
    post(s, "/v1/connectors", &body).await
}

fn detail_types(r: &Resp) -> Vec<(String, Vec<Value>)> {
    r.json()["detail"]
        .as_array()
        .expect("detail")
        .iter()
        .map(|d| {
            (
                d["type"].as_str().unwrap().to_owned(),
                d["loc"].as_array().unwrap().clone(),
            )
        })
        .collect()
}

// ----- REST -----

#[tokio::test]
async fn create_get_update_delete_with_the_api_rules() {
    let s = start().await;
    // The docs leave out `protocol`: it is an MCP connector.
    let r = create(
        &s,
        json!({"name": "my_deepwiki", "description": "DeepWiki", "server": "http://127.0.0.1:9/mcp", "visibility": "private"}),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let c = r.json();
    assert_eq!(c["protocol"], "mcp");
    assert_eq!(c["name"], "my_deepwiki");
    assert_eq!(c["visibility"], "private");
    assert_eq!(c["owner_type"], "user");
    assert_eq!(c["private_tool_execution"], false);
    assert_eq!(c["supported_auth_methods"][0]["method_type"], "none");
    let id = c["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 36);

    let http = create(
        &s,
        json!({"protocol": "http", "name": "rest-api", "description": "REST", "server": "https://api.example.com"}),
    )
    .await;
    assert_eq!(http.status, 201);
    assert_eq!(http.json()["protocol"], "http");

    // By id and by name.
    assert_eq!(
        get(&s, &format!("/v1/connectors/{id}")).await.json()["id"],
        id
    );
    assert_eq!(get(&s, "/v1/connectors/my_deepwiki").await.json()["id"], id);
    let missing = get(&s, "/v1/connectors/nope").await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json()["message"], "Connector not found: nope");

    // The API's 422 rules.
    let r = create(
        &s,
        json!({"name": "a".repeat(65), "description": "x", "server": "http://h/mcp"}),
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(
        detail_types(&r),
        [("string_too_long".into(), vec![json!("body"), json!("name")])]
    );
    let r = create(
        &s,
        json!({"name": "my deepwiki!", "description": "x", "server": "ftp://h/mcp"}),
    )
    .await;
    assert_eq!(
        detail_types(&r),
        [
            (
                "string_pattern_mismatch".into(),
                vec![json!("body"), json!("name")]
            ),
            ("url_scheme".into(), vec![json!("body"), json!("server")]),
        ]
    );
    let r = create(&s, json!({"name": "x", "server": "http://h"})).await;
    assert_eq!(
        detail_types(&r),
        [("missing".into(), vec![json!("body"), json!("description")])]
    );
    let r = create(
        &s,
        json!({"protocol": "grpc", "name": "x", "description": "x", "server": "http://h"}),
    )
    .await;
    assert_eq!(detail_types(&r)[0].0, "union_tag_invalid");
    let r = create(
        &s,
        json!({"name": "x", "description": "x", "server": "http://h", "visibility": "shared_global"}),
    )
    .await;
    assert_eq!(
        detail_types(&r),
        [("enum".into(), vec![json!("body"), json!("visibility")])]
    );
    let dup = create(
        &s,
        json!({"name": "my_deepwiki", "description": "again", "server": "http://h/mcp"}),
    )
    .await;
    assert_eq!(dup.status, 409);

    // Update by id only.
    let r = patch(
        &s,
        &format!("/v1/connectors/{id}"),
        Some(&json!({"description": "Docs of any repo", "title": "DeepWiki"})),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["description"], "Docs of any repo");
    assert_eq!(r.json()["title"], "DeepWiki");
    let r = patch(
        &s,
        "/v1/connectors/my_deepwiki",
        Some(&json!({"description": "x"})),
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(
        detail_types(&r),
        [(
            "uuid_parsing".into(),
            vec![json!("path"), json!("connector_id")]
        )]
    );
    let r = patch(
        &s,
        &format!("/v1/connectors/{id}"),
        Some(&json!({"name": "no spaces allowed"})),
    )
    .await;
    assert_eq!(r.status, 422);

    let r = delete(&s, &format!("/v1/connectors/{id}")).await;
    assert_eq!(r.status, 200);
    assert!(r.json()["message"].as_str().unwrap().contains("deleted"));
    assert_eq!(get(&s, &format!("/v1/connectors/{id}")).await.status, 404);
    assert_eq!(
        delete(&s, &format!("/v1/connectors/{id}")).await.status,
        404
    );
}

#[tokio::test]
async fn list_pages_with_a_cursor() {
    let s = start().await;
    let mut ids = Vec::new();
    for i in 0..5 {
        let c = create(
            &s,
            json!({"name": format!("c{i}"), "description": "x", "server": "http://127.0.0.1:9/mcp"}),
        )
        .await
        .json();
        ids.push(c["id"].as_str().unwrap().to_owned());
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/v1/connectors?page_size=2&cursor={c}"),
            None => "/v1/connectors?page_size=2".into(),
        };
        let page = get(&s, &path).await.json();
        assert_eq!(page["pagination"]["page_size"], 2);
        for item in page["items"].as_array().unwrap() {
            seen.push(item["id"].as_str().unwrap().to_owned());
        }
        pages += 1;
        match &page["pagination"]["next_cursor"] {
            Value::String(c) => cursor = Some(c.clone()),
            Value::Null => break,
            other => panic!("next_cursor must be a string or null, got {other}"),
        }
    }
    assert_eq!(pages, 3);
    ids.reverse(); // newest first
    assert_eq!(seen, ids);

    // A deleted connector's cursor still works (it is a key, not a position).
    let first = get(&s, "/v1/connectors?page_size=2").await.json();
    let c = first["pagination"]["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let last_on_page = first["items"][1]["id"].as_str().unwrap().to_owned();
    delete(&s, &format!("/v1/connectors/{last_on_page}")).await;
    let next = get(&s, &format!("/v1/connectors?page_size=2&cursor={c}"))
        .await
        .json();
    assert_eq!(next["items"][0]["id"], ids[2]);

    assert_eq!(get(&s, "/v1/connectors?cursor=garbage").await.status, 422);
    assert_eq!(get(&s, "/v1/connectors?page_size=0").await.status, 422);
    assert_eq!(get(&s, "/v1/connectors?page_size=1001").await.status, 422);
}

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

    // Credentials per scope; the default ones reach the server.
    let r = post(
        &s,
        "/v1/connectors/oauthy/workspace/credentials",
        &json!({"name": "team", "is_default": true, "credentials": {"bearer_token": "ws-token"}}),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.json()["message"].is_string());
    let again = post(
        &s,
        "/v1/connectors/oauthy/workspace/credentials",
        &json!({"name": "team"}),
    )
    .await;
    assert_eq!(again.status, 409);
    let list = get(&s, "/v1/connectors/oauthy/workspace/credentials")
        .await
        .json();
    assert_eq!(list["credentials"][0]["name"], "team");
    assert_eq!(list["credentials"][0]["scope"], "workspace");
    assert_eq!(list["credentials"][0]["authentication_type"], "bearer");
    assert_eq!(list["credentials"][0]["is_default"], true);
    assert!(!get(&s, "/v1/connectors/oauthy/workspace/credentials")
        .await
        .text()
        .contains("ws-token"));
    assert_eq!(
        get(&s, "/v1/connectors/oauthy/user/credentials")
            .await
            .json()["credentials"],
        json!([])
    );
    assert_eq!(
        get(&s, "/v1/connectors/oauthy/team/credentials")
            .await
            .status,
        422
    );
    let who = post(
        &s,
        "/v1/connectors/oauthy/tools/whoami/call",
        &json!({"arguments": {}}),
    )
    .await;
    assert_eq!(who.status, 200, "{}", who.text());
    assert_eq!(
        who.json()["content"][0]["text"],
        "authorization=Bearer ws-token x-team=blue"
    );

    // Update, then delete.
    let r = request(
        s.addr,
        "PATCH",
        "/v1/connectors/oauthy/workspace/credentials",
        &[KEY],
        Some(&json!({"name": "team", "credentials": {"bearer_token": "ws-token-2"}}).to_string()),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let who = post(&s, "/v1/connectors/oauthy/tools/whoami/call", &json!({})).await;
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
        delete(&s, "/v1/connectors/oauthy/workspace/credentials/team")
            .await
            .status,
        200
    );
    assert_eq!(
        delete(&s, "/v1/connectors/oauthy/workspace/credentials/team")
            .await
            .status,
        404
    );

    // The OAuth dance: the URL is served by the emulator and stores user credentials.
    let url = get(
        &s,
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
        &s,
        "/v1/connectors/oauthy/user/credentials?fetch_default=true",
    )
    .await
    .json();
    assert_eq!(creds["credentials"][0]["name"], "default");
    assert_eq!(creds["credentials"][0]["authentication_type"], "oauth2");
    let who = post(&s, "/v1/connectors/oauthy/tools/whoami/call", &json!({})).await;
    let text = who.json()["content"][0]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        text.starts_with("authorization=Bearer emu-oauth-"),
        "{text}"
    );
    let c = get(&s, "/v1/connectors/oauthy?fetch_user_data=true")
        .await
        .json();
    assert_eq!(c["is_authenticated"], true);
    assert_eq!(c["connection_credentials"][0]["name"], "default");
    assert_eq!(
        c["supported_auth_methods"][0]["has_default_credentials"],
        true
    );
    assert_eq!(
        delete(&s, "/v1/connectors/oauthy/user/credentials")
            .await
            .json()["message"],
        "Deleted 1 user credentials"
    );
    assert!(seen.lock().unwrap().len() >= 3);

    // Sharing.
    let r = put(&s, &format!("/v1/connectors/{id}/share")).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        get(&s, &format!("/v1/connectors/{id}")).await.json()["visibility"],
        "shared_workspace"
    );
    put(&s, &format!("/v1/connectors/{id}/organization/share")).await;
    assert_eq!(
        get(&s, &format!("/v1/connectors/{id}")).await.json()["visibility"],
        "shared_org"
    );
    delete(&s, &format!("/v1/connectors/{id}/organization/share")).await;
    delete(&s, &format!("/v1/connectors/{id}/share")).await;
    assert_eq!(
        get(&s, &format!("/v1/connectors/{id}")).await.json()["visibility"],
        "private"
    );
    assert_eq!(put(&s, "/v1/connectors/oauthy/share").await.status, 422);

    // Activation per scope.
    let r = post(
        &s,
        &format!("/v1/connectors/{id}/user/deactivate"),
        &json!({}),
    )
    .await;
    assert_eq!(r.status, 200);
    let c = get(&s, &format!("/v1/connectors/{id}")).await.json();
    assert_eq!(c["active"], false);
    assert_eq!(c["blocked_by"], json!(["user"]));
    assert_eq!(
        get(&s, "/v1/connectors?active=false").await.json()["items"][0]["id"],
        id
    );
    assert_eq!(
        get(&s, "/v1/connectors?active=true").await.json()["items"],
        json!([])
    );
    assert_eq!(
        post(&s, "/v1/connectors/oauthy/tools/echo/call", &json!({}))
            .await
            .status,
        400
    );
    post(
        &s,
        &format!("/v1/connectors/{id}/user/activate"),
        &json!({}),
    )
    .await;
    assert_eq!(
        get(&s, &format!("/v1/connectors/{id}")).await.json()["active"],
        true
    );
}

// ----- MCP -----

#[tokio::test]
async fn tools_are_listed_and_called_over_mcp() {
    let s = start().await;
    let (mcp_url, seen) = start_mcp().await;
    create(
        &s,
        json!({"name": "local", "description": "x", "server": mcp_url}),
    )
    .await;
    let tools = get(&s, "/v1/connectors/local/tools").await;
    assert_eq!(tools.status, 200, "{}", tools.text());
    let names: Vec<String> = tools
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["echo", "get_weather", "whoami", "explode"]);
    assert_eq!(
        tools.json()[0]["inputSchema"]["properties"]["message"]["type"],
        "string"
    );
    let page = get(&s, "/v1/connectors/local/tools?page=2&page_size=3")
        .await
        .json();
    assert_eq!(page.as_array().unwrap().len(), 1);
    assert_eq!(page[0]["name"], "explode");
    assert_eq!(
        get(&s, "/v1/connectors/local/tools?page=0").await.status,
        422
    );

    let r = post(
        &s,
        "/v1/connectors/local/tools/echo/call",
        &json!({"arguments": {"message": "hi there"}}),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.json(),
        json!({"content": [{"type": "text", "text": "Echo: hi there"}], "metadata": {"mcp_meta": {"isError": false}}})
    );
    let r = post(&s, "/v1/connectors/local/tools/explode/call", &json!({})).await;
    assert_eq!(r.json()["metadata"]["mcp_meta"]["isError"], true);
    let r = post(&s, "/v1/connectors/local/tools/nope/call", &json!({})).await;
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.json()["message"]
        .as_str()
        .unwrap()
        .contains("unknown tool nope"));
    let r = post(
        &s,
        "/v1/connectors/local/tools/echo/call",
        &json!({"arguments": "not an object"}),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(seen.lock().unwrap().iter().all(Option::is_none));

    // A server that is not there: 502.
    create(
        &s,
        json!({"name": "gone", "description": "x", "server": "http://127.0.0.1:9/mcp"}),
    )
    .await;
    let r = get(&s, "/v1/connectors/gone/tools").await;
    assert_eq!(r.status, 502, "{}", r.text());
    assert_eq!(r.json()["type"], "connector_error");
}

#[tokio::test]
async fn conversations_call_connectors_and_forward_the_token_without_storing_it() {
    let s = start().await;
    let (mcp_url, seen) = start_mcp().await;
    let c = create(
        &s,
        json!({"name": "meteo", "description": "x", "server": mcp_url}),
    )
    .await
    .json();
    let id = c["id"].as_str().unwrap().to_owned();
    let tool = |config: Value| {
        json!([{"type": "connector", "connector_id": "meteo",
            "authorization": {"type": "oauth2-token", "value": "per-request-secret"},
            "tool_configuration": config}])
    };

    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "What's the weather in Paris?", "tools": tool(json!({}))}),
    )
    .await;
    assert_eq!(v.status, 200, "{}", v.text());
    let v = v.json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);
    assert_eq!(v["outputs"][0]["name"], "get_weather");
    assert_eq!(v["outputs"][0]["arguments"], r#"{"city":"Paris"}"#);
    assert_eq!(
        output_texts(&v),
        ["get_weather returned: Sunny in Paris, 21 °C"]
    );
    assert_eq!(v["usage"]["connectors"], json!({"meteo": 1}));
    assert!(
        seen.lock()
            .unwrap()
            .iter()
            .all(|a| a.as_deref() == Some("Bearer per-request-secret")),
        "{:?}",
        seen.lock().unwrap()
    );
    let conv = v["conversation_id"].as_str().unwrap();
    for path in [
        format!("/v1/conversations/{conv}"),
        format!("/v1/conversations/{conv}/history"),
        format!("/v1/connectors/{id}?fetch_user_data=true"),
    ] {
        assert!(!get(&s, &path).await.text().contains("per-request-secret"));
    }

    // The same turn streamed folds into the same response.
    let streamed = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "What's the weather in Paris?", "tools": tool(json!({})), "stream": true}),
    )
    .await;
    let events: Vec<String> = streamed.events().iter().map(|f| f.event.clone()).collect();
    assert_eq!(events[0], "conversation.response.started");
    assert_eq!(events[1], "tool.execution.started");
    assert!(events.contains(&"tool.execution.done".to_owned()));
    assert_eq!(events.last().unwrap(), "conversation.response.done");
    let started = streamed.events()[1].json();
    assert_eq!(started["name"], "get_weather");
    assert_eq!(started["arguments"], "");
    let mut folded = fold_stream(&streamed.body);
    let mut plain = to_js(&v);
    strip_volatile(&mut folded);
    strip_volatile(&mut plain);
    assert_eq!(folded["outputs"], plain["outputs"]);

    // include / exclude by MCP tool name.
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "What's the weather in Paris?", "tools": tool(json!({"include": ["echo"]}))})).await.json();
    assert_eq!(types(&v), ["message.output"]);
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "What's the weather in Paris?", "tools": tool(json!({"exclude": ["get_weather"]}))})).await.json();
    assert_eq!(types(&v), ["message.output"]);
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "echo this", "tools": tool(json!({"exclude": ["get_weather"]}))})).await.json();
    assert_eq!(v["outputs"][0]["name"], "echo");

    // Confirmation, then the call on allow.
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Weather in Oslo?", "tools": tool(json!({"requires_confirmation": ["get_weather"]}))})).await.json();
    assert_eq!(types(&v), ["function.call"]);
    assert_eq!(v["outputs"][0]["name"], "get_weather");
    assert_eq!(v["outputs"][0]["confirmation_status"], "pending");
    let conv = v["conversation_id"].as_str().unwrap();
    let call = v["outputs"][0]["tool_call_id"].as_str().unwrap();
    let a = post(
        &s,
        &format!("/v1/conversations/{conv}"),
        &json!({"tool_confirmations": [{"tool_call_id": call, "confirmation": "allow"}]}),
    )
    .await
    .json();
    assert_eq!(types(&a), ["tool.execution", "message.output"]);
    assert_eq!(
        output_texts(&a),
        ["get_weather returned: Sunny in Oslo, 21 °C"]
    );

    // By id too, and inside an agent.
    let agent = post(
        &s,
        "/v1/agents",
        &json!({"name": "forecaster", "model": "mistral-medium-latest",
            "tools": [{"type": "connector", "connector_id": id}]}),
    )
    .await
    .json();
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"agent_id": agent["id"], "inputs": "weather in Rome"}),
    )
    .await
    .json();
    assert_eq!(
        output_texts(&v),
        ["get_weather returned: Sunny in Rome, 21 °C"]
    );
    assert_eq!(v["outputs"][0]["agent_id"], agent["id"]);

    // A deactivated connector offers no tools; a deleted one is a 404.
    post(
        &s,
        &format!("/v1/connectors/{id}/workspace/deactivate"),
        &json!({}),
    )
    .await;
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "weather in Rome", "tools": tool(json!({}))}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["message.output"]);
    delete(&s, &format!("/v1/connectors/{id}")).await;
    let r = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "weather in Rome", "tools": tool(json!({}))}),
    )
    .await;
    assert_eq!(r.status, 404);
}
