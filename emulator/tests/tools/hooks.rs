//! The model's tools through the emulator's hooks: a fake connector host and a fake library host.

use std::sync::{Arc, Mutex};

use mistral_edge::model::leaf::JsonObject;
use mistral_edge::model::wire;
use mistral_emulator::error::ApiError;
use mistral_emulator::hooks::{BoxFuture, ConnectorHost, Hooks, LibraryHit, LibraryHost};
use serde_json::{json, Value};

use crate::common::*;

/// A connector host that serves one connector, `deepwiki`, and remembers what it was asked.
#[derive(Default)]
struct FakeConnectors {
    seen_auth: Mutex<Vec<Option<String>>>,
    calls: Mutex<Vec<(String, Value)>>,
}

fn secret(auth: Option<&wire::Authorization>) -> Option<String> {
    match auth {
        Some(wire::Authorization::OAuth2Token(v)) | Some(wire::Authorization::ApiKey(v)) => {
            Some(v.value.0.clone())
        }
        _ => None,
    }
}

fn mcp_tool(name: &str, props: Value) -> wire::McpTool {
    serde_json::from_value(
        json!({"name": name, "inputSchema": {"type": "object", "properties": props}}),
    )
    .unwrap()
}

impl ConnectorHost for FakeConnectors {
    fn list_tools<'a>(
        &'a self,
        connector: &'a str,
        auth: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<Vec<wire::McpTool>, ApiError>> {
        Box::pin(async move {
            self.seen_auth.lock().unwrap().push(secret(auth));
            if connector != "deepwiki" {
                return Err(ApiError::not_found("Connector", connector));
            }
            Ok(vec![
                mcp_tool(
                    "read_wiki_structure",
                    json!({"repoName": {"type": "string"}}),
                ),
                mcp_tool(
                    "ask_question",
                    json!({"question": {"type": "string"}, "repoName": {"type": "string"}}),
                ),
            ])
        })
    }

    fn call_tool<'a>(
        &'a self,
        _connector: &'a str,
        tool: &'a str,
        arguments: Value,
        auth: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<wire::ConnectorToolCallResponse, ApiError>> {
        Box::pin(async move {
            self.seen_auth.lock().unwrap().push(secret(auth));
            self.calls
                .lock()
                .unwrap()
                .push((tool.to_owned(), arguments.clone()));
            Ok(serde_json::from_value(
                json!({"content": [{"type": "text", "text": format!("answer from {tool}")}]}),
            )
            .unwrap())
        })
    }
}

struct FakeLibraries;

impl LibraryHost for FakeLibraries {
    fn search<'a>(
        &'a self,
        library_ids: &'a [String],
        query: &'a str,
    ) -> BoxFuture<'a, Result<Vec<LibraryHit>, ApiError>> {
        Box::pin(async move {
            Ok(if query.contains("wasm") {
                vec![LibraryHit {
                    library_id: library_ids[0].clone(),
                    document_id: "doc_1".into(),
                    document_name: "notes.md".into(),
                    snippet: "wasm runs everywhere".into(),
                }]
            } else {
                Vec::new()
            })
        })
    }
}

/// The `deepwiki` connector as a conversation tool, with a per-request token and `config`.
fn tool(config: Value) -> Value {
    json!([{"type": "connector", "connector_id": "deepwiki",
    "authorization": {"type": "oauth2-token", "value": "tok-secret"}, "tool_configuration": config}])
}

#[tokio::test]
async fn connectors_go_through_the_hook() {
    let fake = Arc::new(FakeConnectors::default());
    let s = start_with(Hooks {
        connectors: fake.clone(),
        libraries: Arc::new(FakeLibraries),
    })
    .await;

    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "A question about the Mistral repo", "tools": tool(json!({}))})).await.json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);
    assert_eq!(v["outputs"][0]["name"], "ask_question");
    let args: Value = serde_json::from_str(v["outputs"][0]["arguments"].as_str().unwrap()).unwrap();
    assert_eq!(
        args,
        json!({"question": "A question about the Mistral repo", "repoName": "Mistral"})
    );
    assert_eq!(
        output_texts(&v),
        ["ask_question returned: answer from ask_question"]
    );
    assert_eq!(v["usage"]["connectors"], json!({"deepwiki": 1}));
    assert!(
        fake.seen_auth
            .lock()
            .unwrap()
            .iter()
            .all(|a| a.as_deref() == Some("tok-secret")),
        "the token is forwarded"
    );
    let id = v["conversation_id"].as_str().unwrap();
    let stored = get(&s, &format!("/v1/conversations/{id}")).await;
    assert!(
        !stored.text().contains("tok-secret"),
        "the token is never stored: {}",
        stored.text()
    );
    assert_eq!(stored.json()["tools"][0]["connector_id"], "deepwiki");

    tool_configuration_and_confirmation(&s, &fake).await;
    unknown_connectors_and_libraries(&s).await;
}

/// Excluded tools are not used; naming the connector picks its first allowed tool; confirmation: pending, then run on allow.
async fn tool_configuration_and_confirmation(s: &Server, fake: &FakeConnectors) {
    let v = post(s, "/v1/conversations", &json!({"model": "m", "inputs": "a question for deepwiki", "tools": tool(json!({"exclude": ["ask_question"]}))})).await.json();
    assert_eq!(v["outputs"][0]["name"], "read_wiki_structure");
    let v = post(s, "/v1/conversations", &json!({"model": "m", "inputs": "a question", "tools": tool(json!({"include": ["read_wiki_structure"]}))})).await.json();
    assert_eq!(types(&v), ["message.output"]);

    // Confirmation: pending, then run on allow.
    let before = fake.calls.lock().unwrap().len();
    let v = post(s, "/v1/conversations", &json!({"model": "m", "inputs": "a question", "tools": tool(json!({"requires_confirmation": ["ask_question"]}))})).await.json();
    assert_eq!(types(&v), ["function.call"]);
    assert_eq!(v["outputs"][0]["confirmation_status"], "pending");
    assert_eq!(
        fake.calls.lock().unwrap().len(),
        before,
        "not called before confirmation"
    );
    let id = v["conversation_id"].as_str().unwrap();
    let call_id = v["outputs"][0]["tool_call_id"].as_str().unwrap();
    let a = post(
        s,
        &format!("/v1/conversations/{id}"),
        &json!({"tool_confirmations": [{"tool_call_id": call_id, "confirmation": "allow"}]}),
    )
    .await
    .json();
    assert_eq!(types(&a), ["tool.execution", "message.output"]);
    assert_eq!(fake.calls.lock().unwrap().len(), before + 1);
}

/// An unknown connector is the host's 404; a library host's hits become tool_reference chunks.
async fn unknown_connectors_and_libraries(s: &Server) {
    let r = post(s, "/v1/conversations", &json!({"model": "m", "inputs": "x", "tools": [{"type": "connector", "connector_id": "nope"}]})).await;
    assert_eq!(r.status, 404);

    // Libraries: the host's hits become tool_reference chunks.
    let v = post(
        s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "what do my documents say about wasm?",
        "tools": [{"type": "document_library", "library_ids": ["lib_1"]}]}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);
    let refs: Vec<Value> = v["outputs"][1]["content"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "tool_reference")
        .cloned()
        .collect();
    assert_eq!(
        refs,
        [
            json!({"type": "tool_reference", "tool": "document_library", "title": "notes.md", "description": "wasm runs everywhere"})
        ]
    );
    let _ = JsonObject::default();
}
