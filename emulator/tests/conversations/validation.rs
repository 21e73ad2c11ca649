//! Validation errors of start and append, as the API spells them (`type`, `loc`, `msg`, `input`).

use serde_json::{json, Value};

use crate::common::*;

fn detail(r: &Resp) -> Vec<(String, Value)> {
    assert_eq!(r.status, 422, "{}", r.text());
    r.json()["detail"]
        .as_array()
        .expect("detail list")
        .iter()
        .map(|d| {
            assert!(d["msg"].is_string(), "{d}");
            (d["type"].as_str().unwrap().to_owned(), d["loc"].clone())
        })
        .collect()
}

/// A request body, and the errors (`type`, `loc`) the API answers it with.
type Case<'a> = (&'a str, Value, Vec<(&'a str, Value)>);

/// The 422 cases of start and of append (at `append`).
fn validation_cases(append: &str) -> Vec<Case<'_>> {
    let mut cases = start_cases();
    cases.extend(append_cases(append));
    cases
}

/// The 422 cases of start.
fn start_cases() -> Vec<Case<'static>> {
    vec![
        (
            "/v1/conversations",
            json!({"model": "m", "agent_id": "ag", "inputs": "x"}),
            vec![("value_error", json!(["body"]))],
        ),
        (
            "/v1/conversations",
            json!({"inputs": "x"}),
            vec![("value_error", json!(["body"]))],
        ),
        (
            "/v1/conversations",
            json!({"model": "m"}),
            vec![("missing", json!(["body", "inputs"]))],
        ),
        (
            "/v1/conversations",
            json!({"model": "m", "inputs": ""}),
            vec![("string_too_short", json!(["body", "inputs", "str"]))],
        ),
        (
            "/v1/conversations",
            json!({"model": "m", "inputs": []}),
            vec![("too_short", json!(["body", "inputs", "list[InputEntries]"]))],
        ),
        (
            "/v1/conversations",
            json!({"model": "m", "inputs": "x", "tools": [
            {"type": "connector", "connector_id": "gh", "tool_configuration": {"include": ["a"], "exclude": ["b"]}}]}),
            vec![(
                "value_error",
                json!(["body", "tools", 0, "connector", "tool_configuration"]),
            )],
        ),
        (
            "/v1/conversations",
            json!({"model": "m", "inputs": "x", "tools": [
            {"type": "connector", "connector_id": "gh"}, {"type": "connector", "connector_id": "gh"}]}),
            vec![("value_error", json!(["body", "tools"]))],
        ),
        (
            "/v1/conversations",
            json!({"model": "m", "inputs": "x", "tools": [{"type": "document_retrieval"}]}),
            vec![("union_tag_invalid", json!(["body", "tools", 0]))],
        ),
        (
            "/v1/conversations",
            json!({"model": "m", "inputs": "x", "tools": [{"type": "web_search", "config": {}}]}),
            vec![(
                "extra_forbidden",
                json!(["body", "tools", 0, "web_search", "config"]),
            )],
        ),
        (
            "/v1/conversations",
            json!({"model": "m", "inputs": "x", "handoff_execution": "cloud"}),
            vec![("literal_error", json!(["body", "handoff_execution"]))],
        ),
        (
            "/v1/conversations",
            json!({"model": "m", "inputs": "x", "completion_args": {"max_tokens": "ten"}}),
            vec![("int_type", json!(["body", "completion_args", "max_tokens"]))],
        ),
        (
            "/v1/conversations",
            json!({"model": "m", "inputs": [{"role": "user"}]}),
            vec![(
                "missing",
                json!(["body", "inputs", 0, "message.input", "content"]),
            )],
        ),
    ]
}

/// The 422 cases of append, at `append`.
fn append_cases(append: &str) -> Vec<Case<'_>> {
    vec![
        (
            append,
            json!({"inputs": "x", "tools": [{"type": "web_search"}]}),
            vec![("extra_forbidden", json!(["body", "tools"]))],
        ),
        (
            append,
            json!({"inputs": "x", "model": "m"}),
            vec![("extra_forbidden", json!(["body", "model"]))],
        ),
        (append, json!({}), vec![("value_error", json!(["body"]))]),
        (
            append,
            json!({"tool_confirmations": [{"tool_call_id": "x", "confirmation": "maybe"}]}),
            vec![(
                "literal_error",
                json!(["body", "tool_confirmations", 0, "confirmation"]),
            )],
        ),
    ]
}

#[tokio::test]
async fn validation_errors_follow_the_api() {
    let s = start().await;
    let conv = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "hi"}),
    )
    .await
    .json();
    let id = conv["conversation_id"].as_str().unwrap().to_owned();
    let append = format!("/v1/conversations/{id}");

    let cases = validation_cases(&append);
    for (path, body, expected) in cases {
        let r = post(&s, path, &body).await;
        let got = detail(&r);
        let expected: Vec<(String, Value)> = expected
            .into_iter()
            .map(|(k, l)| (k.to_owned(), l))
            .collect();
        assert_eq!(got, expected, "{path} {body}");
    }

    // Not JSON, and no body at all.
    let r = request(
        s.addr,
        "POST",
        "/v1/conversations",
        &[KEY],
        Some("{not json"),
    )
    .await;
    assert_eq!(detail(&r)[0].0, "json_invalid");
    let r = request(s.addr, "POST", "/v1/conversations", &[KEY], None).await;
    assert_eq!(detail(&r)[0], ("missing".to_owned(), json!(["body"])));

    // A tools-on-append error carries the offending input, as pydantic reports it.
    let r = post(
        &s,
        &append,
        &json!({"inputs": "x", "tools": [{"type": "web_search"}]}),
    )
    .await;
    let d = &r.json()["detail"][0];
    assert_eq!(d["msg"], "Extra inputs are not permitted");
    assert_eq!(d["input"], json!([{"type": "web_search"}]));
}
