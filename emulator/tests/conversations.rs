//! Conversations: auth, 404s, start / append / restart (JSON and SSE), store, list, get,
//! delete, history, messages.

mod common;

use common::*;
use serde_json::{json, Value};

// The 422s of start and append, pydantic's way.
#[path = "conversations/validation.rs"]
mod validation;

#[tokio::test]
async fn every_v1_route_needs_a_bearer_token() {
    let s = start().await;
    let body = json!({"model": "m", "inputs": "hi"}).to_string();
    for headers in [
        vec![],
        vec![("authorization", "Bearer ")],
        vec![("authorization", "Basic abc")],
    ] {
        let r = request(s.addr, "POST", "/v1/conversations", &headers, Some(&body)).await;
        assert_eq!(r.status, 401, "{headers:?}");
        assert_eq!(r.json(), json!({"detail": "Unauthorized"}));
        assert!(r.header("x-request-id").is_some());
    }
    let r = request(s.addr, "GET", "/v1/conversations", &[], None).await;
    assert_eq!(r.status, 401);
    let r = request(
        s.addr,
        "POST",
        "/v1/conversations",
        &[("authorization", "bearer k")],
        Some(&body),
    )
    .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn unknown_ids_and_routes_are_404() {
    let s = start().await;
    for (method, path) in [
        ("GET", "/v1/conversations/conv_nope"),
        ("DELETE", "/v1/conversations/conv_nope"),
        ("GET", "/v1/conversations/conv_nope/history"),
        ("GET", "/v1/conversations/conv_nope/messages"),
    ] {
        let r = request(s.addr, method, path, &[KEY], None).await;
        assert_eq!(r.status, 404, "{method} {path}");
        let body = r.json();
        assert_eq!(body["object"], "error");
        assert!(
            body["message"].as_str().unwrap().contains("conv_nope"),
            "{body}"
        );
    }
    let r = post(&s, "/v1/conversations/conv_nope", &json!({"inputs": "x"})).await;
    assert_eq!(r.status, 404);
    let r = post(
        &s,
        "/v1/conversations/conv_nope/restart",
        &json!({"inputs": "x", "from_entry_id": "msg_x"}),
    )
    .await;
    assert_eq!(r.status, 404);
    let r = get(&s, "/v1/nothing-here").await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json(), json!({"detail": "Not Found"}));
}

#[tokio::test]
async fn start_answers_with_an_echo_and_usage() {
    let s = start().await;
    let r = post(
        &s,
        "/v1/conversations",
        &json!({"model": "mistral-medium-latest", "inputs": "Hello there", "stream": false}),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let v = r.json();
    assert_eq!(v["object"], "conversation.response");
    assert!(v["conversation_id"].as_str().unwrap().starts_with("conv_"));
    let out = &v["outputs"][0];
    assert_eq!(out["object"], "entry");
    assert_eq!(out["type"], "message.output");
    assert_eq!(out["role"], "assistant");
    assert_eq!(out["model"], "mistral-medium-latest");
    assert_eq!(out["content"], "Echo: Hello there");
    assert!(out["id"].as_str().unwrap().starts_with("msg_"));
    assert!(out["created_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        v["usage"],
        json!({"prompt_tokens": 2, "completion_tokens": 3, "total_tokens": 5})
    );
}

#[tokio::test]
async fn streamed_start_sends_one_delta_per_token() {
    let s = start().await;
    let r = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": [{"role": "user", "content": "Hello there"}], "stream": true})).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/event-stream"));
    assert!(r.complete, "the body ends cleanly");
    let events = r.events();
    let names: Vec<&str> = events.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(
        names,
        [
            "conversation.response.started",
            "message.output.delta",
            "message.output.delta",
            "message.output.delta",
            "conversation.response.done"
        ]
    );
    for e in &events {
        assert_eq!(
            e.json()["type"],
            e.event.as_str(),
            "data.type repeats the event name"
        );
    }
    let started = events[0].json();
    assert!(started["conversation_id"]
        .as_str()
        .unwrap()
        .starts_with("conv_"));
    let tokens: Vec<String> = events[1..4]
        .iter()
        .map(|e| e.json()["content"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(tokens, ["Echo:", " Hello", " there"]);
    for e in &events[1..4] {
        let d = e.json();
        assert_eq!(d["output_index"], 0);
        assert_eq!(d["content_index"], 0);
        assert_eq!(d["role"], "assistant");
        assert_eq!(d["id"], events[1].json()["id"]);
    }
    assert_eq!(events[4].json()["usage"]["total_tokens"], 5);
    assert!(!r.text().contains("[DONE]"));
}

#[tokio::test]
async fn a_stream_folds_into_the_json_response() {
    let s = start().await;
    let cases = [
        json!({"model": "m", "inputs": "Hello there"}),
        json!({"model": "m", "inputs": "search the news about wasm", "tools": [{"type": "web_search"}]}),
        json!({"model": "m", "inputs": "please calculate 2**10 with code", "tools": [{"type": "code_interpreter"}]}),
        json!({"model": "m", "inputs": "weather in Paris?", "tools": [
            {"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]}),
        json!({"model": "m", "inputs": "search it", "tools": [{"type": "web_search", "tool_configuration": {"requires_confirmation": ["web_search"]}}]}),
    ];
    for case in cases {
        let mut streamed = case.clone();
        streamed["stream"] = json!(true);
        let json_resp = post(&s, "/v1/conversations", &case).await.json();
        let stream_resp = post(&s, "/v1/conversations", &streamed).await;
        let mut folded = fold_stream(&stream_resp.body);
        let mut expected = to_js(&json_resp);
        strip_volatile(&mut folded);
        strip_volatile(&mut expected);
        assert_eq!(folded, expected, "case {case}");
    }
}

#[tokio::test]
async fn store_false_leaves_nothing_behind() {
    let s = start().await;
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "secret", "store": false}),
    )
    .await
    .json();
    let id = v["conversation_id"].as_str().unwrap();
    assert_eq!(
        get(&s, &format!("/v1/conversations/{id}")).await.status,
        404
    );
    assert_eq!(get(&s, "/v1/conversations").await.json(), json!([]));

    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "kept"}),
    )
    .await
    .json();
    let id = v["conversation_id"].as_str().unwrap().to_owned();
    let r = post(
        &s,
        &format!("/v1/conversations/{id}"),
        &json!({"inputs": "not kept", "store": false}),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(output_texts(&r.json()), ["Echo: not kept"]);
    let h = get(&s, &format!("/v1/conversations/{id}/history"))
        .await
        .json();
    assert_eq!(h["entries"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn append_history_and_messages() {
    let s = start().await;
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "first"}),
    )
    .await
    .json();
    let id = v["conversation_id"].as_str().unwrap().to_owned();
    let a = post(
        &s,
        &format!("/v1/conversations/{id}"),
        &json!({"inputs": "second", "stream": false, "store": true, "handoff_execution": "server"}),
    )
    .await;
    assert_eq!(a.status, 200);
    let a = a.json();
    assert_eq!(a["conversation_id"], id.as_str());
    assert_eq!(output_texts(&a), ["Echo: second"]);
    // prompt = first(1) + "Echo: first"(2) + second(1)
    assert_eq!(a["usage"]["prompt_tokens"], 4);

    let h = get(&s, &format!("/v1/conversations/{id}/history")).await;
    assert_eq!(h.status, 200);
    let h = h.json();
    assert_eq!(h["object"], "conversation.history");
    assert_eq!(h["conversation_id"], id.as_str());
    let entries = h["entries"].as_array().unwrap();
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "message.input",
            "message.output",
            "message.input",
            "message.output"
        ]
    );
    for e in entries {
        assert_eq!(e["object"], "entry");
        assert!(e["id"].is_string());
    }
    assert_eq!(entries[0]["content"], "first");
    assert_eq!(entries[0]["role"], "user");
    assert_eq!(entries[3]["content"], "Echo: second");

    let m = get(&s, &format!("/v1/conversations/{id}/messages"))
        .await
        .json();
    assert_eq!(m["object"], "conversation.messages");
    assert_eq!(m["messages"].as_array().unwrap().len(), 4);

    // Streamed append keeps the conversation id.
    let r = post(
        &s,
        &format!("/v1/conversations/{id}"),
        &json!({"inputs": "third", "stream": true}),
    )
    .await;
    assert_eq!(r.events()[0].json()["conversation_id"], id.as_str());
    let h = get(&s, &format!("/v1/conversations/{id}/history"))
        .await
        .json();
    assert_eq!(h["entries"].as_array().unwrap().len(), 6);
}

#[tokio::test]
async fn restart_branches_and_leaves_the_original_intact() {
    let s = start().await;
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "one", "metadata": {"k": "v"}}),
    )
    .await
    .json();
    let id = v["conversation_id"].as_str().unwrap().to_owned();
    post(
        &s,
        &format!("/v1/conversations/{id}"),
        &json!({"inputs": "two"}),
    )
    .await;
    let before = get(&s, &format!("/v1/conversations/{id}/history"))
        .await
        .json();
    let first_output = before["entries"][1]["id"].as_str().unwrap().to_owned();

    let r = post(
        &s,
        &format!("/v1/conversations/{id}/restart"),
        &json!({"from_entry_id": first_output, "inputs": "other"}),
    )
    .await;
    assert_eq!(r.status, 200);
    let r = r.json();
    let branch = r["conversation_id"].as_str().unwrap().to_owned();
    assert_ne!(branch, id);
    assert_eq!(output_texts(&r), ["Echo: other"]);

    let b = get(&s, &format!("/v1/conversations/{branch}/history"))
        .await
        .json();
    let texts: Vec<&str> = b["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["content"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["one", "Echo: one", "other", "Echo: other"]);
    assert_eq!(
        get(&s, &format!("/v1/conversations/{id}/history"))
            .await
            .json(),
        before
    );
    assert_eq!(
        get(&s, &format!("/v1/conversations/{branch}")).await.json()["metadata"],
        json!({"k": "v"})
    );

    restart_again_and_its_errors(&s, &id, &before).await;
}

/// Restart without inputs answers the last user message again; streamed restarts work too; errors.
async fn restart_again_and_its_errors(s: &Server, id: &str, before: &Value) {
    let first_input = before["entries"][0]["id"].as_str().unwrap();
    let r = post(
        s,
        &format!("/v1/conversations/{id}/restart"),
        &json!({"from_entry_id": first_input, "stream": true}),
    )
    .await;
    let events = r.events();
    assert_ne!(events[0].json()["conversation_id"], id);
    assert_eq!(events.last().unwrap().event, "conversation.response.done");

    let r = post(
        s,
        &format!("/v1/conversations/{id}/restart"),
        &json!({"from_entry_id": "msg_unknown", "inputs": "x"}),
    )
    .await;
    assert_eq!(r.status, 404);
    let r = post(
        s,
        &format!("/v1/conversations/{id}/restart"),
        &json!({"inputs": "x"}),
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json()["detail"][0]["loc"],
        json!(["body", "from_entry_id"])
    );
}

#[tokio::test]
async fn list_get_and_delete() {
    let s = start().await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": format!("n{i}"), "metadata": {"n": i},
            "instructions": "be brief", "name": format!("c{i}"),
            "tools": [{"type": "connector", "connector_id": "c", "authorization": {"type": "oauth2-token", "value": "s3cret"}}]})).await;
        // No connector exists yet: the model asks the connector host, which 404s.
        assert_eq!(v.status, 404);
        let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": format!("n{i}"), "metadata": {"n": i},
            "instructions": "be brief", "name": format!("c{i}"), "tools": [{"type": "web_search"}]})).await.json();
        ids.push(v["conversation_id"].as_str().unwrap().to_owned());
    }
    let all = get(&s, "/v1/conversations?page=0&page_size=100")
        .await
        .json();
    let listed: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        listed,
        [ids[2].as_str(), ids[1].as_str(), ids[0].as_str()],
        "newest first"
    );
    let page = get(&s, "/v1/conversations?page=1&page_size=2").await.json();
    assert_eq!(page.as_array().unwrap().len(), 1);
    assert_eq!(page[0]["id"], ids[0].as_str());
    let filtered = get(&s, "/v1/conversations?metadata=%7B%22n%22%3A1%7D")
        .await
        .json();
    assert_eq!(filtered.as_array().unwrap().len(), 1);
    assert_eq!(filtered[0]["id"], ids[1].as_str());
    assert_eq!(
        get(&s, "/v1/conversations?page_size=zero").await.status,
        422
    );

    let c = get(&s, &format!("/v1/conversations/{}", ids[0]))
        .await
        .json();
    assert_eq!(c["object"], "conversation");
    assert_eq!(c["model"], "m");
    assert_eq!(c["instructions"], "be brief");
    assert_eq!(c["name"], "c0");
    assert_eq!(c["tools"], json!([{"type": "web_search"}]));
    assert!(c.get("agent_id").is_none());

    let d = delete(&s, &format!("/v1/conversations/{}", ids[0])).await;
    assert_eq!(d.status, 204);
    assert!(d.body.is_empty());
    assert_eq!(
        get(&s, &format!("/v1/conversations/{}", ids[0]))
            .await
            .status,
        404
    );
    assert_eq!(
        delete(&s, &format!("/v1/conversations/{}", ids[0]))
            .await
            .status,
        404
    );
}
