//! The scripted model's function-calling loops (src/script.rs, README "Function-calling loops"):
//! chains of steps, a model that keeps calling, arguments wrong on purpose, a function no tool has.

mod common;

use common::*;
use serde_json::{json, Value};

fn function(name: &str) -> Value {
    json!({"type": "function", "function": {"name": name,
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}})
}

/// The calls of a response: (name, arguments as JSON, tool_call_id).
fn calls(v: &Value) -> Vec<(String, Value, String)> {
    v["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "function.call")
        .map(|e| {
            let args =
                serde_json::from_str(e["arguments"].as_str().unwrap()).unwrap_or(Value::Null);
            (
                e["name"].as_str().unwrap().to_owned(),
                args,
                e["tool_call_id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Answers every call of `v` with "ok" on append.
async fn answer(s: &Server, v: &Value) -> Value {
    let inputs: Vec<Value> = calls(v)
        .into_iter()
        .map(|(_, _, id)| json!({"type": "function.result", "tool_call_id": id, "result": "ok"}))
        .collect();
    let id = v["conversation_id"].as_str().unwrap();
    post(
        s,
        &format!("/v1/conversations/{id}"),
        &json!({"inputs": inputs}),
    )
    .await
    .json()
}

#[tokio::test]
async fn a_chain_calls_each_stage_after_the_results_of_the_one_before() {
    let s = start().await;
    let tools = json!([function("get_weather"), function("get_time")]);
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "Weather in Paris then time in Tokyo", "tools": tools}),
    )
    .await
    .json();
    let first = calls(&v);
    assert_eq!(first.len(), 1);
    assert_eq!(
        (first[0].0.as_str(), &first[0].1),
        ("get_weather", &json!({"city": "Paris"}))
    );
    let v = answer(&s, &v).await;
    let second = calls(&v);
    assert_eq!(second.len(), 1);
    assert_eq!(
        (second[0].0.as_str(), &second[0].1),
        ("get_time", &json!({"city": "Tokyo"}))
    );
    let v = answer(&s, &v).await;
    assert_eq!(types(&v), ["message.output"]);
    assert_eq!(v["outputs"][0]["content"], "get_time returned ok.");
}

#[tokio::test]
async fn several_functions_named_in_one_stage_are_called_in_one_step() {
    let s = start().await;
    let tools = json!([function("get_weather"), function("get_time")]);
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "Weather and time in Paris", "tools": tools}),
    )
    .await
    .json();
    let names: Vec<String> = calls(&v).into_iter().map(|c| c.0).collect();
    assert_eq!(names, ["get_weather", "get_time"]);
    let v = answer(&s, &v).await;
    assert_eq!(
        v["outputs"][0]["content"],
        "get_weather returned ok. get_time returned ok."
    );
}

#[tokio::test]
async fn keep_calling_never_stops() {
    let s = start().await;
    let mut v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Keep calling the weather in Paris", "tools": [function("get_weather")]})).await.json();
    for _ in 0..4 {
        let c = calls(&v);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].1, json!({"city": "Paris"}));
        v = answer(&s, &v).await;
    }
    assert_eq!(calls(&v).len(), 1);
}

#[tokio::test]
async fn arguments_can_be_wrong_on_purpose() {
    let s = start().await;
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Weather in Paris with bad arguments", "tools": [function("get_weather")]})).await.json();
    assert_eq!(calls(&v)[0].1, json!({"city": 42}));
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Weather in Paris with broken arguments", "tools": [function("get_weather")]})).await.json();
    assert_eq!(v["outputs"][0]["arguments"], r#"{"broken": "#);
}

#[tokio::test]
async fn an_unknown_function_is_called_after_the_named_ones_and_acknowledged() {
    let s = start().await;
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Weather in Paris, and an unknown function", "tools": [function("get_weather")]})).await.json();
    let names: Vec<(String, Value)> = calls(&v).into_iter().map(|c| (c.0, c.1)).collect();
    assert_eq!(
        names,
        [
            ("get_weather".to_owned(), json!({"city": "Paris"})),
            ("no_such_function".to_owned(), json!({}))
        ]
    );
    let v = answer(&s, &v).await;
    assert_eq!(
        v["outputs"][0]["content"],
        "get_weather returned ok. no_such_function returned ok."
    );
}
