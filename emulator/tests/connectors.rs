//! Connectors: the REST surface (CRUD, keyset pagination, the API's 422 rules, credentials,
//! OAuth URL, sharing, activation) and real MCP over streamable HTTP against a tiny MCP
//! server started in-process with rmcp's server side on 127.0.0.1.

mod common;

use common::*;
use serde_json::{json, Value};

#[path = "connectors/mcp_server.rs"]
mod mcp_server;
// Credentials, OAuth, sharing and activation.
#[path = "connectors/credentials.rs"]
mod credentials;

use mcp_server::start_mcp;

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

    the_api_rules(&s).await;
    update_by_id_then_delete(&s, &id).await;
}

/// The API's 422 rules, and a taken name.
async fn the_api_rules(s: &Server) {
    let r = create(
        s,
        json!({"name": "a".repeat(65), "description": "x", "server": "http://h/mcp"}),
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(
        detail_types(&r),
        [("string_too_long".into(), vec![json!("body"), json!("name")])]
    );
    let r = create(
        s,
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
    let r = create(s, json!({"name": "x", "server": "http://h"})).await;
    assert_eq!(
        detail_types(&r),
        [("missing".into(), vec![json!("body"), json!("description")])]
    );
    let r = create(
        s,
        json!({"protocol": "grpc", "name": "x", "description": "x", "server": "http://h"}),
    )
    .await;
    assert_eq!(detail_types(&r)[0].0, "union_tag_invalid");
    let r = create(
        s,
        json!({"name": "x", "description": "x", "server": "http://h", "visibility": "shared_global"}),
    )
    .await;
    assert_eq!(
        detail_types(&r),
        [("enum".into(), vec![json!("body"), json!("visibility")])]
    );
    let dup = create(
        s,
        json!({"name": "my_deepwiki", "description": "again", "server": "http://h/mcp"}),
    )
    .await;
    assert_eq!(dup.status, 409);
}

/// Update by id only, then delete.
async fn update_by_id_then_delete(s: &Server, id: &str) {
    let r = patch(
        s,
        &format!("/v1/connectors/{id}"),
        Some(&json!({"description": "Docs of any repo", "title": "DeepWiki"})),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["description"], "Docs of any repo");
    assert_eq!(r.json()["title"], "DeepWiki");
    let r = patch(
        s,
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
        s,
        &format!("/v1/connectors/{id}"),
        Some(&json!({"name": "no spaces allowed"})),
    )
    .await;
    assert_eq!(r.status, 422);

    let r = delete(s, &format!("/v1/connectors/{id}")).await;
    assert_eq!(r.status, 200);
    assert!(r.json()["message"].as_str().unwrap().contains("deleted"));
    assert_eq!(get(s, &format!("/v1/connectors/{id}")).await.status, 404);
    assert_eq!(delete(s, &format!("/v1/connectors/{id}")).await.status, 404);
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

/// The `meteo` connector as a conversation tool, with a per-request token and `config`.
fn tool(config: Value) -> Value {
    json!([{"type": "connector", "connector_id": "meteo",
        "authorization": {"type": "oauth2-token", "value": "per-request-secret"},
        "tool_configuration": config}])
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

    streamed_turn_folds_into_the_same_response(&s, &v).await;
    tool_configuration_applies(&s).await;
    by_id_in_an_agent_and_deactivated(&s, &id).await;
}

/// The same turn streamed folds into the same response.
async fn streamed_turn_folds_into_the_same_response(s: &Server, v: &Value) {
    let streamed = post(
        s,
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
    let mut plain = to_js(v);
    strip_volatile(&mut folded);
    strip_volatile(&mut plain);
    assert_eq!(folded["outputs"], plain["outputs"]);
}

/// include / exclude by MCP tool name; confirmation, then the call on allow.
async fn tool_configuration_applies(s: &Server) {
    let v = post(s, "/v1/conversations", &json!({"model": "m", "inputs": "What's the weather in Paris?", "tools": tool(json!({"include": ["echo"]}))})).await.json();
    assert_eq!(types(&v), ["message.output"]);
    let v = post(s, "/v1/conversations", &json!({"model": "m", "inputs": "What's the weather in Paris?", "tools": tool(json!({"exclude": ["get_weather"]}))})).await.json();
    assert_eq!(types(&v), ["message.output"]);
    let v = post(s, "/v1/conversations", &json!({"model": "m", "inputs": "echo this", "tools": tool(json!({"exclude": ["get_weather"]}))})).await.json();
    assert_eq!(v["outputs"][0]["name"], "echo");

    // Confirmation, then the call on allow.
    let v = post(s, "/v1/conversations", &json!({"model": "m", "inputs": "Weather in Oslo?", "tools": tool(json!({"requires_confirmation": ["get_weather"]}))})).await.json();
    assert_eq!(types(&v), ["function.call"]);
    assert_eq!(v["outputs"][0]["name"], "get_weather");
    assert_eq!(v["outputs"][0]["confirmation_status"], "pending");
    let conv = v["conversation_id"].as_str().unwrap();
    let call = v["outputs"][0]["tool_call_id"].as_str().unwrap();
    let a = post(
        s,
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
}

/// By id too, and inside an agent; a deactivated connector offers no tools; a deleted one is a 404.
async fn by_id_in_an_agent_and_deactivated(s: &Server, id: &str) {
    let agent = post(
        s,
        "/v1/agents",
        &json!({"name": "forecaster", "model": "mistral-medium-latest",
            "tools": [{"type": "connector", "connector_id": id}]}),
    )
    .await
    .json();
    let v = post(
        s,
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
        s,
        &format!("/v1/connectors/{id}/workspace/deactivate"),
        &json!({}),
    )
    .await;
    let v = post(
        s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "weather in Rome", "tools": tool(json!({}))}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["message.output"]);
    delete(s, &format!("/v1/connectors/{id}")).await;
    let r = post(
        s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "weather in Rome", "tools": tool(json!({}))}),
    )
    .await;
    assert_eq!(r.status, 404);
}
