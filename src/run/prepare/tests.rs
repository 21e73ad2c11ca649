use super::*;
use serde_json::{json, Value as Json};

fn run(input: Json) -> Result<Json, Error> {
    prepare(&input.to_string()).map(|out| serde_json::from_str(&out).unwrap())
}

const WEATHER: &str = "get_weather";

fn function(name: &str) -> Json {
    json!({"type": "function", "function": {"name": name, "parameters": {"type": "object"}}, "execute": true})
}

#[test]
fn a_start_sends_tools_without_the_loops_members() {
    let mut confirmed = function("delete_file");
    confirmed["requiresConfirmation"] = json!(true);
    let out = run(json!({"request": {
        "model": "m", "inputs": "hi",
        "tools": [function(WEATHER), {"type": "web_search"}, confirmed, {"type": "function", "function": {"name": "manual"}}],
    }}))
    .unwrap();
    assert_eq!(out["start"], true);
    assert_eq!(
        out["request"],
        json!({"model": "m", "inputs": "hi", "tools": [
            {"type": "function", "function": {"name": WEATHER, "parameters": {"type": "object"}}},
            {"type": "web_search"},
            {"type": "function", "function": {"name": "delete_file", "parameters": {"type": "object"}}},
            {"type": "function", "function": {"name": "manual"}},
        ]})
    );
    assert_eq!(
        out["tools"],
        json!([
            {"name": WEATHER, "confirm": false, "server": null, "execute": true},
            {"name": "delete_file", "confirm": true, "server": null, "execute": true},
            {"name": "manual", "confirm": false, "server": null, "execute": false},
        ])
    );
}

#[test]
fn a_continued_conversation_sends_no_tools() {
    let out = run(json!({"request": {"conversationId": "conv_1", "inputs": "more", "tools": [function(WEATHER)]}})).unwrap();
    assert_eq!(out["start"], false);
    assert_eq!(
        out["request"],
        json!({"conversationId": "conv_1", "inputs": "more"})
    );
    assert_eq!(out["tools"][0]["name"], WEATHER);
}

#[test]
fn an_agent_keeps_its_own_tools() {
    let out = run(json!({"request": {"agentId": "ag_1", "inputs": "hi", "tools": [function(WEATHER), {"type": "web_search"}],
        "mcpServers": [{"url": "u"}]}, "mcp": [[{"name": "echo"}]]}))
    .unwrap();
    assert_eq!(out["start"], true);
    assert_eq!(out["request"], json!({"agentId": "ag_1", "inputs": "hi"}));
    assert_eq!(out["tools"][0]["name"], WEATHER);
    assert_eq!(out["tools"][1]["name"], "echo");
}

#[test]
fn mcp_tools_become_function_tools_filtered_by_include_and_exclude() {
    let listed = json!([
        [{"name": "echo", "description": "Echoes", "inputSchema": {"type": "object", "properties": {"message": {"type": "string"}}}},
         {"name": "add"}, {"name": "sleep"}],
        [{"name": "other"}, {"name": "skip_me"}],
    ]);
    let out = run(json!({"request": {
        "model": "m", "inputs": "hi",
        "mcpServers": [
            {"url": "http://127.0.0.1:1/mcp", "include": ["echo", "add"], "requiresConfirmation": ["add"]},
            {"url": "http://127.0.0.1:2/mcp", "exclude": ["skip_me"], "requiresConfirmation": true},
        ],
    }, "mcp": listed}))
    .unwrap();
    assert_eq!(
        out["request"]["tools"],
        json!([
            {"type": "function", "function": {"name": "echo", "description": "Echoes", "parameters": {"type": "object", "properties": {"message": {"type": "string"}}}}},
            {"type": "function", "function": {"name": "add", "parameters": {"type": "object", "properties": {}}}},
            {"type": "function", "function": {"name": "other", "parameters": {"type": "object", "properties": {}}}},
        ])
    );
    assert!(out["request"].get("mcpServers").is_none());
    assert_eq!(
        out["tools"],
        json!([
            {"name": "echo", "confirm": false, "server": 0, "execute": true},
            {"name": "add", "confirm": true, "server": 0, "execute": true},
            {"name": "other", "confirm": true, "server": 1, "execute": true},
        ])
    );
}

#[test]
fn output_format_sets_the_response_format() {
    let schema =
        json!({"type": "object", "title": "Weather", "properties": {"city": {"type": "string"}}});
    let out = run(
        json!({"request": {"model": "m", "inputs": "hi", "outputFormat": {"ignored": true},
        "completionArgs": {"temperature": 0.5}}, "outputSchema": schema}),
    )
    .unwrap();
    assert_eq!(
        out["request"],
        json!({"model": "m", "inputs": "hi", "completionArgs": {"temperature": 0.5, "responseFormat": {
            "type": "json_schema", "jsonSchema": {"name": "Weather", "schemaDefinition": schema, "strict": true}}}})
    );
    let out =
        run(json!({"request": {"model": "m", "inputs": "hi"}, "outputSchema": {"type": "object"}}))
            .unwrap();
    assert_eq!(
        out["request"]["completionArgs"]["responseFormat"]["jsonSchema"]["name"],
        "output"
    );
    assert!(
        out["request"].get("tools").is_none(),
        "no tools member is added"
    );
}

#[test]
fn mistakes_are_named() {
    let message = |input: Json| run(input).unwrap_err().to_string();
    assert_eq!(
        message(
            json!({"request": {"model": "m", "tools": [function(WEATHER), function(WEATHER)]}})
        ),
        "invalid request: two tools are named `get_weather`: the model could not tell them apart"
    );
    assert_eq!(
        message(
            json!({"request": {"model": "m", "tools": [function(WEATHER)], "mcpServers": [{"url": "u"}]},
            "mcp": [[{"name": WEATHER}]]})
        ),
        "invalid request: two tools are named `get_weather`: the model could not tell them apart"
    );
    assert_eq!(
        message(
            json!({"request": {"model": "m", "tools": [{"type": "function", "function": {}}]}})
        ),
        "invalid request: `tools[0].function.name` must be a string"
    );
    assert_eq!(
        message(
            json!({"request": {"model": "m", "mcpServers": [{"url": "u", "include": ["a"], "exclude": ["b"]}]}})
        ),
        "invalid request: `mcpServers[0]` has both `include` and `exclude`: give one"
    );
    assert_eq!(
        message(json!({"request": {"model": "m", "completionArgs": {"responseFormat": {"type": "json_object"}}},
            "outputSchema": {"type": "object"}})),
        "invalid request: `outputFormat` and `completionArgs.responseFormat` both set the response format: give one"
    );
    assert_eq!(
        message(json!({"request": "hi"})),
        "invalid request: the request of `run` must be an object"
    );
    assert_eq!(
        message(json!({"request": {"model": "m", "tools": {}}})),
        "invalid request: `tools` must be an array"
    );
}

#[test]
fn mcp_tools_the_api_could_not_name_are_left_out() {
    let long = "a".repeat(65);
    let listed = json!([[{"name": 42}, {"name": ""}, {"name": "has space"}, {"name": "ünï"},
        {"name": long}, {"name": "a".repeat(64)}, {"name": "get-sum_2"}, "junk"]]);
    let out = run(json!({"request": {"model": "m", "inputs": "hi", "mcpServers": [{"url": "u"}]}, "mcp": listed})).unwrap();
    let names: Vec<&str> = out["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["a".repeat(64).as_str(), "get-sum_2"]);
    assert_eq!(out["request"]["tools"].as_array().unwrap().len(), 2);
}
