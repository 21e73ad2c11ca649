//! Numbers in requests are checked as Mistral's OpenAPI spec documents them, before anything is
//! sent: `completion_args` ranges on every operation that takes them (both call shapes), integer
//! query parameters and their ranges, a library's chunk size, and integers past 2^53 - 1.

use mistral_edge::request::ops::{agents, conversations, documents, files, libraries};
use mistral_edge::request::{build, Operation};
use mistral_edge::Error;
use serde_json::{json, Value};

fn message(op: &Operation, args: &str) -> String {
    match build(op, args.as_bytes()) {
        Ok(request) => panic!(
            "{}: expected an error for {args}, built {request:?}",
            op.name
        ),
        Err(Error::InvalidRequest { message }) => message,
        Err(other) => panic!("{}: expected InvalidRequest, got {other:?}", op.name),
    }
}

/// The operations that take `completion_args`, each with the rest of a valid flat call and the
/// key the official SDK wraps its body under.
fn with_completion_args() -> Vec<(&'static Operation, Value, Option<&'static str>)> {
    let start = json!({ "model": "m", "inputs": "hi" });
    let append = json!({ "conversationId": "c", "inputs": "hi" });
    let restart = json!({ "conversationId": "c", "inputs": "hi", "fromEntryId": "e" });
    [
        (&conversations::START, start.clone()),
        (&conversations::START_STREAM, start),
        (&conversations::APPEND, append.clone()),
        (&conversations::APPEND_STREAM, append),
        (&conversations::RESTART, restart.clone()),
        (&conversations::RESTART_STREAM, restart),
        (&agents::CREATE, json!({ "model": "m", "name": "n" })),
        (
            &agents::UPDATE,
            json!({ "agentId": "a", "description": "d" }),
        ),
    ]
    .into_iter()
    .map(|(op, args)| (op, args, op.body.as_ref().map(|b| b.key)))
    .collect()
}

/// Builds `op` with `completionArgs` set to the JSON text `value` (numbers as written), flat and
/// wrapped under the SDK's key.
fn forms(op: &Operation, args: &Value, key: Option<&str>, completion_args: &str) -> Vec<String> {
    let mut flat = args.clone();
    flat["completionArgs"] = json!("@@");
    let mut forms = vec![flat.to_string()];
    if let Some(key) = key.filter(|k| !k.is_empty()) {
        let mut wrapped = serde_json::Map::new();
        let mut body = serde_json::Map::new();
        for (k, v) in flat.as_object().unwrap() {
            if op.params.iter().any(|p| p.js == k) {
                wrapped.insert(k.clone(), v.clone());
            } else {
                body.insert(k.clone(), v.clone());
            }
        }
        wrapped.insert(key.to_owned(), Value::Object(body));
        forms.push(Value::Object(wrapped).to_string());
    }
    forms
        .into_iter()
        .map(|form| form.replace("\"@@\"", completion_args))
        .collect()
}

#[test]
fn completion_args_are_checked_against_their_documented_ranges() {
    let refused = [
        (
            r#"{"temperature":1.5}"#,
            "`completionArgs.temperature` must be between 0 and 1, got 1.5",
        ),
        (
            r#"{"temperature":-0.1}"#,
            "`completionArgs.temperature` must be between 0 and 1, got -0.1",
        ),
        (
            r#"{"topP":1.0000000000000002}"#,
            "`completionArgs.topP` must be between 0 and 1, got 1.0000000000000002",
        ),
        (
            r#"{"presencePenalty":2.5}"#,
            "`completionArgs.presencePenalty` must be between -2 and 2, got 2.5",
        ),
        (
            r#"{"frequencyPenalty":-3}"#,
            "`completionArgs.frequencyPenalty` must be between -2 and 2, got -3",
        ),
        (
            r#"{"frequencyPenalty":1e300}"#,
            "`completionArgs.frequencyPenalty` must be between -2 and 2, got 1e300",
        ),
        (
            r#"{"maxTokens":-5}"#,
            "`completionArgs.maxTokens` must be at least 0, got -5",
        ),
        (
            r#"{"randomSeed":-1}"#,
            "`completionArgs.randomSeed` must be at least 0, got -1",
        ),
        (
            r#"{"maxTokens":18446744073709552000}"#,
            "`completionArgs.maxTokens` must be an integer, got one past 2^53 - 1",
        ),
        (
            r#"{"maxTokens":2.5}"#,
            "`completionArgs.maxTokens` must be an integer, got a fraction",
        ),
    ];
    let accepted = r#"{"temperature":1,"topP":0,"presencePenalty":-2,"frequencyPenalty":2e0,"maxTokens":0,"randomSeed":9007199254740991}"#;
    let cases = with_completion_args();
    assert_eq!(cases.len(), 8);
    for (op, args, key) in &cases {
        for (completion_args, expected) in refused {
            for form in forms(op, args, *key, completion_args) {
                assert_eq!(message(op, &form), expected, "{}: {form}", op.name);
            }
        }
        for form in forms(op, args, *key, accepted) {
            let request = build(op, form.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", op.name));
            let body: Value = serde_json::from_slice(request.body.as_deref().unwrap()).unwrap();
            assert_eq!(body["completion_args"]["max_tokens"], 0, "{}", op.name);
            assert_eq!(body["completion_args"]["temperature"], 1, "{}", op.name);
        }
    }
}

#[test]
fn integer_query_parameters_are_checked() {
    let cases: &[(&Operation, &str, &str)] = &[
        (
            &agents::LIST,
            r#"{"pageSize":1001}"#,
            "`pageSize` of `agents.list` must be an integer from 1 to 1000",
        ),
        (
            &agents::LIST,
            r#"{"page":-1}"#,
            "`page` of `agents.list` must be an integer of at least 0",
        ),
        (
            &agents::LIST_PAGES,
            r#"{"pageSize":0}"#,
            "`pageSize` of `agents.listPages` must be an integer from 1 to 1000",
        ),
        (
            &agents::LIST_VERSIONS,
            r#"{"agentId":"a","pageSize":101}"#,
            "`pageSize` of `agents.listVersions` must be an integer from 1 to 100",
        ),
        (
            &agents::LIST_VERSIONS,
            r#"{"agentId":"a","page":1.5}"#,
            "`page` of `agents.listVersions` must be an integer of at least 0",
        ),
        (
            &agents::GET,
            r#"{"agentId":"a","agentVersion":1.5}"#,
            "`agentVersion` of `agents.get` must be an integer or an alias",
        ),
        (
            &agents::UPDATE_VERSION,
            r#"{"agentId":"a","version":"2"}"#,
            "`version` of `agents.updateVersion` must be an integer",
        ),
        (
            &agents::UPDATE_VERSION,
            r#"{"agentId":"a","version":18446744073709552000}"#,
            "`version` of `agents.updateVersion` must be an integer",
        ),
        (
            &agents::CREATE_VERSION_ALIAS,
            r#"{"agentId":"a","alias":"x","version":2.5}"#,
            "`version` of `agents.createVersionAlias` must be an integer",
        ),
        (
            &conversations::LIST,
            r#"{"page":1.5}"#,
            "`page` of `conversations.list` must be an integer",
        ),
        (
            &conversations::LIST,
            r#"{"pageSize":-5}"#,
            "`pageSize` of `conversations.list` must be a positive integer",
        ),
        (
            &libraries::LIST,
            r#"{"pageSize":500}"#,
            "`pageSize` of `libraries.list` must be an integer from 1 to 100",
        ),
        (
            &documents::LIST,
            r#"{"libraryId":"l","page":-2}"#,
            "`page` of `libraries.documents.list` must be an integer of at least 0",
        ),
        (
            &documents::TEXT_CONTENT,
            r#"{"libraryId":"l","documentId":"d","pageStart":1e3}"#,
            "`pageStart` of `libraries.documents.textContent` must be an integer",
        ),
        (
            &files::GET_SIGNED_URL,
            r#"{"fileId":"f","expiry":169}"#,
            "`expiry` of `files.getSignedUrl` must be an integer from 1 to 168 (hours)",
        ),
        (
            &files::GET_SIGNED_URL,
            r#"{"fileId":"f","expiry":0}"#,
            "`expiry` of `files.getSignedUrl` must be an integer from 1 to 168 (hours)",
        ),
        (
            &files::LIST,
            r#"{"pageSize":9007199254740992}"#,
            "`pageSize` of `files.list` must be a positive integer",
        ),
    ];
    for (op, args, expected) in cases {
        assert_eq!(message(op, args), *expected, "{args}");
    }
    // What the spec allows passes, at its bounds; where it documents no minimum, none is made up.
    let accepted: &[(&Operation, &str, &str)] = &[
        (
            &agents::LIST,
            r#"{"page":0,"pageSize":1000}"#,
            "/v1/agents?page=0&page_size=1000",
        ),
        (
            &agents::LIST_VERSIONS,
            r#"{"agentId":"a","pageSize":100}"#,
            "/v1/agents/a/versions?page_size=100",
        ),
        (
            &agents::GET,
            r#"{"agentId":"a","agentVersion":"stable"}"#,
            "/v1/agents/a?agent_version=stable",
        ),
        (
            &agents::UPDATE_VERSION,
            r#"{"agentId":"a","version":-1}"#,
            "/v1/agents/a/version?version=-1",
        ),
        (
            &conversations::LIST,
            r#"{"page":-1,"pageSize":5000}"#,
            "/v1/conversations?page=-1&page_size=5000",
        ),
        (
            &files::GET_SIGNED_URL,
            r#"{"fileId":"f","expiry":168}"#,
            "/v1/files/f/url?expiry=168",
        ),
    ];
    for (op, args, path) in accepted {
        let request = build(op, args.as_bytes()).unwrap_or_else(|e| panic!("{args}: {e}"));
        assert_eq!(request.path_and_query, *path);
    }
}

#[test]
fn a_library_chunk_size_is_checked_and_file_expiry_is_a_safe_integer() {
    assert_eq!(
        message(&libraries::CREATE, r#"{"name":"l","chunkSize":100}"#),
        "`chunkSize` must be between 256 and 32768, got 100"
    );
    assert_eq!(
        message(&libraries::CREATE, r#"{"libraryIn":{"name":"l","chunkSize":40000}}"#.replace("libraryIn", libraries::CREATE.body.as_ref().unwrap().key).as_str()),
        "`chunkSize` must be between 256 and 32768, got 40000"
    );
    assert!(build(&libraries::CREATE, br#"{"name":"l","chunkSize":256}"#).is_ok());
    assert_eq!(
        message(&files::UPLOAD, r#"{"file":{},"expiry":9007199254740992}"#),
        "`expiry` must be an integer"
    );
    assert!(build(&files::UPLOAD, br#"{"file":{},"expiry":9007199254740991}"#).is_ok());
}
