//! One-shot responses are checked as they are transcoded (`to_js_checked`, what `decode` in the
//! bindings runs): a field the model defines with another JSON kind is an error naming it,
//! while unknown keys, unknown union members and unknown enum values pass through verbatim.

use mistral_edge::json::{to_js_checked, to_js_dated};
use mistral_edge::model::shape::Shape;
use mistral_edge::request::{ops, Operation, ResponseKind};

fn shape_of(op: &Operation) -> &'static Shape {
    match op.response {
        ResponseKind::Json(shape) => shape,
        _ => panic!("{} has no JSON response", op.name),
    }
}

/// The lenient (stream) transcoding and the checked one, as text.
fn both(body: &str, shape: &'static Shape) -> (String, Result<String, String>) {
    let (mut out, mut dates) = (Vec::new(), Vec::new());
    to_js_dated(body.as_bytes(), shape, &mut out, &mut dates).expect("valid JSON");
    let lenient = String::from_utf8(out).expect("ASCII");
    let (mut out, mut dates) = (Vec::new(), Vec::new());
    let checked = to_js_checked(body.as_bytes(), shape, &mut out, &mut dates)
        .map(|()| String::from_utf8(out).expect("ASCII"))
        .map_err(|e| e.to_string());
    (lenient, checked)
}

/// The name of a response shape (a list's item's).
fn name_of(shape: &'static Shape) -> Option<&'static str> {
    match shape {
        Shape::Struct(s) => Some(s.name),
        Shape::Union(u) => Some(u.name),
        Shape::Array(inner) | Shape::Nullable(inner) => name_of(inner),
        _ => None,
    }
}

/// Every wire fixture of a response type passes the check and transcodes exactly as before.
#[test]
fn every_response_fixture_passes_unchanged() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/wire");
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("fixtures").collect();
    entries.sort_by_key(|e| e.as_ref().map(|e| e.file_name()).ok());
    for entry in entries {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let prefix = name.split('.').next().unwrap();
        let op = ops::ALL.iter().find(|op| match op.response {
            ResponseKind::Json(shape) => name_of(shape) == Some(prefix),
            _ => false,
        });
        let Some(op) = op else { continue };
        let mut shape = shape_of(op);
        if let Shape::Array(inner) = shape {
            shape = inner; // the fixture is one item of the list
        }
        let body = std::fs::read_to_string(&path).unwrap();
        let (lenient, strict) = both(&body, shape);
        assert_eq!(strict.as_deref(), Ok(lenient.as_str()), "{name}");
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} response fixtures found");
}

/// Hostile successes of several operations: each names the first field of the wrong kind, by its
/// JavaScript path; the stream side (`to_js_dated`) still copies them as they are.
#[test]
fn known_fields_of_the_wrong_kind_are_errors() {
    use ops::{agents, connectors, conversations, files, libraries};
    let usage = r#""usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}"#;
    let cases: &[(&Operation, String, &str)] = &[
        (
            &conversations::START,
            format!(r#"{{"object":"conversation.response","conversation_id":5,"outputs":["hi"],{usage}}}"#),
            "`conversationId` must be a string, got a number",
        ),
        (
            &conversations::START,
            format!(r#"{{"conversation_id":"c","outputs":["hi"],{usage}}}"#),
            "`outputs[0]` must be an object, got a string",
        ),
        (
            &conversations::APPEND,
            format!(r#"{{"conversation_id":null,"outputs":[],{usage}}}"#),
            "`conversationId` must be a string, got null",
        ),
        (
            &conversations::RESTART,
            r#"{"conversation_id":"c","outputs":[],"usage":{"prompt_tokens":"1"}}"#.into(),
            "`usage.promptTokens` must be an integer, got a string",
        ),
        (
            &conversations::START,
            r#"{"conversation_id":"c","outputs":[{"type":"message.output","content":[{"type":"text","text":7}]}]}"#.into(),
            "`outputs[0].content[0].text` must be a string, got a number",
        ),
        (
            &conversations::GET,
            r#"{"object":"conversation","id":"c","created_at":5,"updated_at":"2025-01-01T00:00:00Z","model":"m"}"#.into(),
            "`createdAt` must be a date (a `Date` or an RFC 3339 string), got a number",
        ),
        (
            &conversations::GET_HISTORY,
            r#"{"object":"conversation.history","conversation_id":"c","entries":{}}"#.into(),
            "`entries` must be an array, got an object",
        ),
        (
            &agents::GET,
            r#"{"id":"a","object":"agent","name":"n","model":"m","version":"3","versions":[1]}"#.into(),
            "`version` must be an integer, got a string",
        ),
        (
            &agents::LIST,
            r#"[{"id":"a","name":"n","model":"m"},{"id":1}]"#.into(),
            "`[1].id` must be a string, got a number",
        ),
        (
            &agents::LIST_PAGES,
            r#"{"object":"list","data":[{"id":"a","tools":[{"type":"web_search","tool_configuration":{"include":"x"}}]}]}"#.into(),
            "`data[0].tools[0].toolConfiguration.include` must be an array, got a string",
        ),
        (
            &connectors::GET,
            r#"{"protocol":"mcp","id":"x","name":["n"]}"#.into(),
            "`name` must be a string, got an array",
        ),
        (
            &connectors::LIST,
            r#"{"items":[],"pagination":{"next_cursor":null,"page_size":"100"}}"#.into(),
            "`pagination.pageSize` must be an integer, got a string",
        ),
        (
            &libraries::GET,
            r#"{"id":"l","name":"n","total_size":true}"#.into(),
            "`totalSize` must be an integer, got a boolean",
        ),
        (
            &libraries::LIST,
            r#"{"data":[{"id":"l","name":{"a":1}}]}"#.into(),
            "`data[0].name` must be a string, got an object",
        ),
        (
            &files::RETRIEVE,
            r#"{"id":"f","object":"file","bytes":"204800","created_at":1748352000}"#.into(),
            "`sizeBytes` must be an integer, got a string",
        ),
        (
            &files::LIST,
            r#"{"data":[{"id":"f","created_at":"yesterday"}],"object":"list"}"#.into(),
            "`data[0].createdAt` must be an integer, got a string",
        ),
    ];
    for (op, body, message) in cases {
        let (lenient, checked) = both(body, shape_of(op));
        assert_eq!(checked, Err((*message).to_owned()), "{}: {body}", op.name);
        assert!(
            !lenient.is_empty(),
            "the stream side copies it: {}",
            op.name
        );
    }
}

/// What the model does not define, or leaves open, is not checked: unknown keys of any kind,
/// unknown union members, unknown enum values, and a fraction where an integer is expected (a
/// JSON number all the same). `usage.connectors` is open JSON: the server once sent a count there
/// as a string, which failed the official SDK's whole response (client-ts #126).
#[test]
fn unknown_fields_members_and_enum_values_pass() {
    use ops::{conversations, libraries};
    let cases: &[(&Operation, &str)] = &[
        (
            &conversations::START,
            r#"{"object":"conversation.response","conversation_id":"c","outputs":[{"type":"memory.write","conversation_id":5,"content":{"a":[1]}},{"type":"message.output","role":"narrator","content":"hi","brand_new":[null]}],"usage":{"prompt_tokens":1.5,"future":"x","connectors":{"web_search":"1"}},"extra":{"conversation_id":[]}}"#,
        ),
        (
            &conversations::GET_HISTORY,
            r#"{"object":"conversation.history","conversation_id":"c","entries":[{"type":"message.output","content":[{"type":"audio_clip","text":5}]},{"object":"entry","type":"message.input","role":"narrator","content":"x"}]}"#,
        ),
        (
            &libraries::GET,
            r#"{"id":"l","name":"n","owner_type":"Galaxy","total_size":1,"nb_documents":2,"chunk_size":null,"org_sharing_role":"Overlord"}"#,
        ),
    ];
    for (op, body) in cases {
        let (lenient, checked) = both(body, shape_of(op));
        assert_eq!(checked, Ok(lenient), "{}: {body}", op.name);
    }
}
