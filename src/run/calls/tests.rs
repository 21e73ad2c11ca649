use super::*;

/// A `function.call` entry as the client holds it (camelCase).
fn call(id: &str, name: &str, arguments: &str, status: Option<&str>) -> String {
    let status = status.map_or(String::new(), |s| format!(r#","confirmationStatus":"{s}""#));
    format!(
        r#"{{"object":"entry","type":"function.call","toolCallId":"{id}","name":"{name}","arguments":{arguments}{status}}}"#
    )
}

fn step(entries: &[String], extra: &str) -> serde_json::Value {
    let tools = r#"[{"name":"get_weather","confirm":false,"execute":true},
                    {"name":"delete_file","confirm":true,"execute":true},
                    {"name":"no_code","confirm":false,"execute":false}]"#;
    let input = format!(
        r#"{{"entries":[{}],"tools":{tools},"steps":1,"maxSteps":10{extra}}}"#,
        entries.join(",")
    );
    serde_json::from_str(&decide(&input).unwrap()).unwrap()
}

fn actions(decision: &serde_json::Value) -> Vec<String> {
    decision["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn no_call_is_done_with_the_last_message_text() {
    let message = r#"{"type":"message.output","content":[{"type":"text","text":"Hello "},{"type":"tool_reference","tool":"web_search","title":"t"},{"type":"text","text":"there"}]}"#;
    let d = step(&[message.to_owned()], "");
    assert_eq!(d["stop"], "done");
    assert_eq!(d["text"], "Hello there");
    assert_eq!(d["calls"], serde_json::json!([]));
    let d = step(
        &[r#"{"type":"message.output","content":"Plain"}"#.to_owned()],
        "",
    );
    assert_eq!(d["text"], "Plain");
    assert_eq!(step(&[], "")["text"], serde_json::Value::Null);
}

#[test]
fn calls_are_planned_in_call_order() {
    let d = step(
        &[
            call("a", "get_weather", r#""{\"city\":\"Paris\"}""#, None),
            call("b", "unknown_fn", r#""{}""#, None),
            call("c", "get_weather", r#""{\"city\":""#, None),
            call("d", "get_weather", r#"{"city":"Rome"}"#, None),
            call("e", "get_weather", r#""""#, None),
            call("f", "no_code", r#""{}""#, None),
            call("g", "get_weather", r#""[1]""#, None),
        ],
        "",
    );
    assert_eq!(d["stop"], serde_json::Value::Null);
    assert_eq!(
        actions(&d),
        ["execute", "fail", "fail", "execute", "execute", "fail", "fail"]
    );
    let calls = d["calls"].as_array().unwrap();
    assert_eq!(calls[0]["arguments"], serde_json::json!({"city": "Paris"}));
    assert_eq!(calls[1]["error"], "no tool is named `unknown_fn`");
    assert!(calls[2]["error"]
        .as_str()
        .unwrap()
        .starts_with("the arguments of `get_weather` are not a JSON object"));
    assert_eq!(calls[3]["arguments"], serde_json::json!({"city": "Rome"}));
    assert_eq!(calls[4]["arguments"], serde_json::json!({}));
    assert_eq!(
        calls[5]["error"],
        "`no_code` has no `execute` function: the run cannot call it"
    );
    assert!(calls[6]["error"]
        .as_str()
        .unwrap()
        .ends_with("they are not an object"));
    assert_eq!(calls[0]["toolCallId"], "a");
    assert_eq!(calls[0]["server"], false);
}

#[test]
fn answered_and_resolved_calls_are_not_open() {
    let entries = format!(
        "[{},{},{},{},{}]",
        call("a", "get_weather", r#""{}""#, None),
        r#"{"type":"function.result","toolCallId":"a","result":"21"}"#,
        call("s", "web_search", r#""{}""#, Some("allowed")),
        call("t", "web_search", r#""{}""#, Some("pending")),
        call("b", "get_weather", r#""{}""#, None),
    );
    let open = open_calls(Value::parse(entries.as_bytes()).unwrap());
    let ids: Vec<_> = open
        .iter()
        .map(|c| (c.tool_call_id.as_str(), c.server))
        .collect();
    assert_eq!(ids, [("t", true), ("b", false)]);
}

#[test]
fn confirmations_stop_the_loop_unless_someone_can_answer() {
    let entries = [
        call("a", "get_weather", r#""{}""#, None),
        call("b", "delete_file", r#""{\"path\":\"x\"}""#, None),
        call("s", "web_search", r#""{\"query\":\"q\"}""#, Some("pending")),
    ];
    let d = step(&entries, "");
    assert_eq!(actions(&d), ["execute", "confirm", "confirm"]);
    assert_eq!(d["stop"], "requires_confirmation");
    assert_eq!(
        d["pending"],
        serde_json::json!([
            {"toolCallId": "b", "name": "delete_file", "arguments": {"path": "x"}, "server": false},
            {"toolCallId": "s", "name": "web_search", "arguments": "{\"query\":\"q\"}", "server": true},
        ])
    );
    let d = step(&entries, r#","interactive":true"#);
    assert_eq!(d["stop"], serde_json::Value::Null);
    assert_eq!(d["pending"], serde_json::json!([]));
}

#[test]
fn given_confirmations_decide_and_may_change_arguments() {
    let entries = [
        call("b", "delete_file", r#""{\"path\":\"x\"}""#, None),
        call("c", "delete_file", r#""{\"path\":\"y\"}""#, None),
        call("s", "web_search", r#""{}""#, Some("pending")),
    ];
    let given = r#","confirmations":[
        {"toolCallId":"b","allow":true,"arguments":{"path":"z"}},
        {"toolCallId":"c","allow":false},
        {"toolCallId":"s","allow":true}]"#;
    let d = step(&entries, given);
    assert_eq!(actions(&d), ["execute", "deny", "allow"]);
    assert_eq!(d["calls"][0]["arguments"], serde_json::json!({"path": "z"}));
    assert_eq!(d["stop"], serde_json::Value::Null);
}

#[test]
fn confirmations_must_name_open_calls() {
    let input = format!(
        r#"{{"entries":[{}],"confirmations":[{{"toolCallId":"zz","allow":true}}]}}"#,
        call("a", "get_weather", r#""{}""#, None)
    );
    let err = decide(&input).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid request: `confirmations`: no open call has the toolCallId `zz`"
    );
    let err = decide(r#"{"confirmations":[{"toolCallId":"a"}]}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid request: `confirmations[0].allow` must be true or false"
    );
    assert!(decide(r#"{"confirmations":{}}"#).is_err());
    assert!(decide("not json").is_err());
}

#[test]
fn max_steps_stops_with_every_open_call_pending() {
    let entries = [call("a", "get_weather", r#""{}""#, None)];
    let d = step(&entries, r#","steps":10"#);
    assert_eq!(d["stop"], "max_steps");
    assert_eq!(d["pending"][0]["toolCallId"], "a");
    // No call open: done, whatever the count.
    assert_eq!(step(&[], r#","steps":10"#)["stop"], "done");
}

#[test]
fn calls_that_share_an_id_get_one_error_and_none_runs() {
    let d = step(
        &[
            call("a", "get_weather", r#""{}""#, None),
            call("b", "get_weather", r#""{}""#, None),
            call("a", "delete_file", r#""{}""#, None),
        ],
        "",
    );
    assert_eq!(actions(&d), ["fail", "execute"]);
    assert_eq!(
        d["calls"][0]["error"],
        "several calls have the toolCallId `a`: none of them was run"
    );
    assert_eq!(d["calls"][1]["toolCallId"], "b");
}

#[test]
fn given_arguments_must_be_an_object() {
    let input = format!(
        r#"{{"entries":[{}],"confirmations":[{{"toolCallId":"a","allow":true,"arguments":"{{}}"}}]}}"#,
        call("a", "get_weather", r#""{}""#, None)
    );
    let err = decide(&input).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid request: `confirmations[0].arguments` must be an object"
    );
}
