//! Round trips of realistic wire payloads (`tests/fixtures/wire/*.json`) through the model and
//! the transcoder: wire JSON → `wire::*` (strict serde) and → JavaScript JSON (`to_js`) →
//! `types::*` (serde), and back to byte-identical wire JSON (`to_wire`).
//!
//! Fixture files are named `<TypeName>.<case>.json`; the type is picked by the prefix. Cases
//! whose name starts with `unknown_` carry members or fields this version does not know.

use std::fmt::Debug;
use std::path::{Path, PathBuf};

use mistral_edge::json::{to_js, to_wire};
use mistral_edge::model::shape::{HasShape, Shape, StructShape};
use mistral_edge::model::{types, wire};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// The directory of wire fixtures.
fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire")
}

/// Every fixture, as `(file stem, bytes)`, sorted by name.
fn fixtures() -> Vec<(String, Vec<u8>)> {
    let mut list: Vec<(String, Vec<u8>)> = std::fs::read_dir(fixture_dir())
        .expect("tests/fixtures/wire exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("utf-8 file name")
                .to_owned();
            let bytes = std::fs::read(&path).expect("readable fixture");
            (stem, bytes)
        })
        .collect();
    list.sort();
    list
}

/// One fixture by file stem.
fn fixture(stem: &str) -> Vec<u8> {
    std::fs::read(fixture_dir().join(format!("{stem}.json")))
        .unwrap_or_else(|e| panic!("fixture {stem}: {e}"))
}

/// `to_js`, panicking on error.
fn js_of(wire_bytes: &[u8], shape: &'static Shape) -> Vec<u8> {
    let mut out = Vec::new();
    to_js(wire_bytes, shape, &mut out).unwrap_or_else(|e| panic!("to_js failed: {e}"));
    out
}

/// `to_wire` without replacements, panicking on error.
fn wire_of(js_bytes: &[u8], shape: &'static Shape) -> Vec<u8> {
    let mut out = Vec::new();
    to_wire(js_bytes, shape, &[], &mut out).unwrap_or_else(|e| panic!("to_wire failed: {e}"));
    out
}

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("invalid JSON ({e}): {}", String::from_utf8_lossy(bytes)))
}

// ----- value comparison -----

/// Drops null-valued keys and `future_field` keys (which the serde types do not keep), and
/// turns every number into a float, so that `0` and `0.0` compare equal.
fn normalise(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, v)| !v.is_null() && k.as_str() != "future_field")
                .map(|(k, v)| (k.clone(), normalise(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normalise).collect()),
        Value::Number(n) => serde_json::json!(n.as_f64().expect("finite number")),
        other => other.clone(),
    }
}

/// Asserts `actual` equals `expected` after [`normalise`], except that `actual` may add
/// `"type": "message.input"` where `expected` left the default tag out.
fn assert_same(expected: &Value, actual: &Value, what: &str) {
    fn walk(expected: &Value, actual: &Value, path: &str, what: &str) {
        match (expected, actual) {
            (Value::Object(e), Value::Object(a)) => {
                for (k, v) in e {
                    let Some(av) = a.get(k) else {
                        panic!("{what}: `{path}.{k}` missing")
                    };
                    walk(v, av, &format!("{path}.{k}"), what);
                }
                for (k, v) in a {
                    if !e.contains_key(k) {
                        assert!(
                            k == "type" && v == "message.input",
                            "{what}: unexpected `{path}.{k}` = {v}"
                        );
                    }
                }
            }
            (Value::Array(e), Value::Array(a)) => {
                assert_eq!(e.len(), a.len(), "{what}: length of `{path}`");
                for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                    walk(ev, av, &format!("{path}[{i}]"), what);
                }
            }
            _ => assert_eq!(expected, actual, "{what}: `{path}`"),
        }
    }
    walk(&normalise(expected), &normalise(actual), "", what);
}

// ----- the shape-guided parallel walk -----

/// What the parallel walk of a wire document and its JavaScript form found.
#[derive(Default, Debug)]
struct Report {
    /// Paths of keys the model does not define, on known objects.
    unknown_keys: Vec<String>,
    /// Paths of union members with an unknown tag.
    unknown_members: Vec<String>,
    /// Paths of opaque values (`Shape::Any`) that are not null.
    opaque: Vec<String>,
    /// Tag values met, as `(path, tag)`.
    tags: Vec<(String, String)>,
}

/// Whether a value of this JSON kind can have `shape` (mirrors the transcoder's choice).
fn accepts(shape: &Shape, value: &Value) -> bool {
    match shape {
        Shape::Any => true,
        Shape::Nullable(inner) => value.is_null() || accepts(inner, value),
        Shape::String | Shape::DateTime => value.is_string(),
        Shape::Number | Shape::Integer => value.is_number(),
        Shape::Bool => value.is_boolean(),
        Shape::Array(_) => value.is_array(),
        Shape::Record(_) | Shape::Struct(_) | Shape::Union(_) => value.is_object(),
        Shape::OneOf(branches) => branches.iter().any(|b| accepts(b, value)),
    }
}

/// Walks the wire value and its JavaScript form side by side, guided by `shape`: known keys
/// must be renamed to their camelCase name, everything else (unknown keys, unknown members,
/// opaque values, tags, leaves) must be identical.
fn walk(shape: &'static Shape, wire: &Value, js: &Value, path: &str, report: &mut Report) {
    match shape {
        Shape::Any => {
            assert_eq!(wire, js, "opaque value at `{path}` must be copied verbatim");
            if !wire.is_null() {
                report.opaque.push(path.to_owned());
            }
        }
        Shape::Nullable(_) if wire.is_null() => assert!(js.is_null(), "`{path}` must stay null"),
        Shape::Nullable(inner) => walk(inner, wire, js, path, report),
        Shape::Array(inner) if wire.is_array() => {
            let (w, j) = (
                wire.as_array().unwrap(),
                js.as_array().expect("array stays an array"),
            );
            assert_eq!(w.len(), j.len(), "length of `{path}`");
            for (i, (wv, jv)) in w.iter().zip(j).enumerate() {
                walk(inner, wv, jv, &format!("{path}[{i}]"), report);
            }
        }
        Shape::Record(inner) if wire.is_object() => {
            let (w, j) = (
                wire.as_object().unwrap(),
                js.as_object().expect("object stays an object"),
            );
            assert_eq!(w.len(), j.len(), "keys of `{path}`");
            for (k, wv) in w {
                let jv = j
                    .get(k)
                    .unwrap_or_else(|| panic!("record key `{path}.{k}` must be kept verbatim"));
                walk(inner, wv, jv, &format!("{path}.{k}"), report);
            }
        }
        Shape::Struct(s) if wire.is_object() => {
            walk_struct(s, None, wire.as_object().unwrap(), js, path, report);
        }
        Shape::Union(u) if wire.is_object() => {
            let object = wire.as_object().unwrap();
            let tag = match object.get(u.tag) {
                Some(Value::String(tag)) => Some(tag.as_str()),
                None => u.default,
                Some(_) => None,
            };
            match tag.and_then(|t| u.variants.iter().find(|v| v.tag == t)) {
                Some(variant) => {
                    if let Some(Value::String(t)) = object.get(u.tag) {
                        report.tags.push((path.to_owned(), t.clone()));
                    }
                    walk_struct(variant.shape, Some(u.tag), object, js, path, report);
                }
                None => {
                    assert_eq!(
                        wire, js,
                        "unknown {} member at `{path}` must be copied verbatim",
                        u.name
                    );
                    report.unknown_members.push(path.to_owned());
                }
            }
        }
        Shape::OneOf(branches) => match branches.iter().find(|b| accepts(b, wire)) {
            Some(branch) => walk(branch, wire, js, path, report),
            None => assert_eq!(
                wire, js,
                "`{path}` matches no branch and must be copied verbatim"
            ),
        },
        // Leaves, and values of an unexpected kind, which `to_js` copies leniently.
        _ => assert_eq!(wire, js, "`{path}` must be copied verbatim"),
    }
}

fn walk_struct(
    s: &'static StructShape,
    tag: Option<&str>,
    wire: &Map<String, Value>,
    js: &Value,
    path: &str,
    report: &mut Report,
) {
    let js = js
        .as_object()
        .unwrap_or_else(|| panic!("`{path}` ({}) must stay an object", s.name));
    assert_eq!(
        wire.len(),
        js.len(),
        "`{path}` ({}) must keep its number of keys: {js:?}",
        s.name
    );
    for (key, wv) in wire {
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        if let Some(field) = s.fields.iter().find(|f| f.wire == key) {
            let field_js = field.js();
            assert!(
                !field_js.contains('_'),
                "{}.{} has a snake_case JavaScript name",
                s.name,
                field_js
            );
            assert!(
                field_js == *key || !js.contains_key(key),
                "`{child}`: the wire key must not survive in JavaScript"
            );
            let jv = js
                .get(&field_js)
                .unwrap_or_else(|| panic!("`{child}` must become `{field_js}`"));
            walk(field.shape, wv, jv, &child, report);
        } else if Some(key.as_str()) == tag {
            assert_eq!(Some(wv), js.get(key), "tag at `{child}` must be unchanged");
        } else {
            assert_eq!(
                Some(wv),
                js.get(key),
                "unknown key `{child}` must be copied verbatim"
            );
            report.unknown_keys.push(child);
        }
    }
}

// ----- the per-fixture checks -----

/// Runs every generic check on one fixture, with `W` the wire type and `T` the JavaScript type.
fn check<W, T>(name: &str, bytes: &[u8]) -> Report
where
    W: HasShape + DeserializeOwned + Serialize + Debug,
    T: DeserializeOwned + Serialize + Debug,
{
    let shape = W::SHAPE;
    let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{name}: not UTF-8"));
    assert!(
        !text.contains('\n') && !text.starts_with(' ') && !text.ends_with(' '),
        "{name}: fixtures are minified one-line JSON"
    );
    let wire_value = parse(bytes);

    // (a) strict deserialization into the wire type, which keeps everything but unknown fields.
    let wire_typed: W = serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("{name}: wire type rejects it: {e}"));
    let reserialized = serde_json::to_value(&wire_typed).expect("wire type serializes");
    assert_same(
        &wire_value,
        &reserialized,
        &format!("{name}: wire serde round trip"),
    );

    // (b) `to_js` renames exactly the model's keys, and agrees with the camelCase serde types.
    let js = js_of(bytes, shape);
    let js_value = parse(&js);
    let mut report = Report::default();
    walk(shape, &wire_value, &js_value, "", &mut report);
    let js_typed: T = serde_json::from_slice(&js).unwrap_or_else(|e| {
        panic!(
            "{name}: JS type rejects {}: {e}",
            String::from_utf8_lossy(&js)
        )
    });
    let from_types = serde_json::to_value(&js_typed).expect("JS type serializes");
    assert_same(
        &js_value,
        &from_types,
        &format!("{name}: JS serde round trip"),
    );

    // (c) back to the wire, byte for byte.
    let back = wire_of(&js, shape);
    assert_eq!(
        String::from_utf8_lossy(&back),
        text,
        "{name}: to_wire(to_js(x)) must give x byte for byte"
    );

    // Unknown members and fields appear exactly in the fixtures that say so.
    let case = name.split_once('.').map_or("", |(_, case)| case);
    let unknowns = report.unknown_keys.len() + report.unknown_members.len();
    if case.starts_with("unknown_") {
        assert!(
            unknowns > 0,
            "{name}: expected unknown members or fields, found none"
        );
    } else {
        assert_eq!(unknowns, 0, "{name}: unexpected unknowns {report:?}");
    }
    for key in &report.unknown_keys {
        assert!(
            key.ends_with("future_field"),
            "{name}: unexpected unknown key `{key}`"
        );
    }
    report
}

/// Picks the model type for a fixture by its file-name prefix.
fn check_fixture(name: &str, bytes: &[u8]) -> Report {
    let (prefix, _) = name
        .split_once('.')
        .unwrap_or_else(|| panic!("{name}: expected `<TypeName>.<case>.json`"));
    match prefix {
        "ConversationRequest" => {
            check::<wire::ConversationRequest, types::ConversationRequest>(name, bytes)
        }
        "AppendConversationRequest" => {
            check::<wire::AppendConversationRequest, types::AppendConversationRequest>(name, bytes)
        }
        "RestartConversationRequest" => check::<
            wire::RestartConversationRequest,
            types::RestartConversationRequest,
        >(name, bytes),
        "ConversationResponse" => {
            check::<wire::ConversationResponse, types::ConversationResponse>(name, bytes)
        }
        "ConversationHistory" => {
            check::<wire::ConversationHistory, types::ConversationHistory>(name, bytes)
        }
        "ConversationMessages" => {
            check::<wire::ConversationMessages, types::ConversationMessages>(name, bytes)
        }
        "Conversation" => check::<wire::Conversation, types::Conversation>(name, bytes),
        "ConversationEvent" => {
            check::<wire::ConversationEvent, types::ConversationEvent>(name, bytes)
        }
        "Tool" => check::<wire::Tool, types::Tool>(name, bytes),
        "Entry" => check::<wire::Entry, types::Entry>(name, bytes),
        "ContentChunk" => check::<wire::ContentChunk, types::ContentChunk>(name, bytes),
        "CreateAgentRequest" => {
            check::<wire::CreateAgentRequest, types::CreateAgentRequest>(name, bytes)
        }
        "UpdateAgentRequest" => {
            check::<wire::UpdateAgentRequest, types::UpdateAgentRequest>(name, bytes)
        }
        "Agent" => check::<wire::Agent, types::Agent>(name, bytes),
        "AgentListPage" => check::<wire::AgentListPage, types::AgentListPage>(name, bytes),
        "AgentAliasResponse" => {
            check::<wire::AgentAliasResponse, types::AgentAliasResponse>(name, bytes)
        }
        "CreateConnectorRequest" => {
            check::<wire::CreateConnectorRequest, types::CreateConnectorRequest>(name, bytes)
        }
        "UpdateConnectorRequest" => {
            check::<wire::UpdateConnectorRequest, types::UpdateConnectorRequest>(name, bytes)
        }
        "Connector" => check::<wire::Connector, types::Connector>(name, bytes),
        "PaginatedConnectors" => {
            check::<wire::PaginatedConnectors, types::PaginatedConnectors>(name, bytes)
        }
        "AuthUrlResponse" => check::<wire::AuthUrlResponse, types::AuthUrlResponse>(name, bytes),
        "MessageResponse" => check::<wire::MessageResponse, types::MessageResponse>(name, bytes),
        "ConnectorCallToolRequest" => {
            check::<wire::ConnectorCallToolRequest, types::ConnectorCallToolRequest>(name, bytes)
        }
        "ConnectorToolCallResponse" => {
            check::<wire::ConnectorToolCallResponse, types::ConnectorToolCallResponse>(name, bytes)
        }
        "McpTool" => check::<wire::McpTool, types::McpTool>(name, bytes),
        "FileSchema" => check::<wire::FileSchema, types::FileSchema>(name, bytes),
        "ListFilesResponse" => {
            check::<wire::ListFilesResponse, types::ListFilesResponse>(name, bytes)
        }
        "DeleteFileResponse" => {
            check::<wire::DeleteFileResponse, types::DeleteFileResponse>(name, bytes)
        }
        "PublicAuthenticationMethod" => check::<
            wire::PublicAuthenticationMethod,
            types::PublicAuthenticationMethod,
        >(name, bytes),
        "CredentialsResponse" => {
            check::<wire::CredentialsResponse, types::CredentialsResponse>(name, bytes)
        }
        "CredentialsCreateOrUpdate" => {
            check::<wire::CredentialsCreateOrUpdate, types::CredentialsCreateOrUpdate>(name, bytes)
        }
        "CreateLibraryRequest" => {
            check::<wire::CreateLibraryRequest, types::CreateLibraryRequest>(name, bytes)
        }
        "UpdateLibraryRequest" => {
            check::<wire::UpdateLibraryRequest, types::UpdateLibraryRequest>(name, bytes)
        }
        "Library" => check::<wire::Library, types::Library>(name, bytes),
        "ListLibrariesResponse" => {
            check::<wire::ListLibrariesResponse, types::ListLibrariesResponse>(name, bytes)
        }
        "Document" => check::<wire::Document, types::Document>(name, bytes),
        "ListDocumentsResponse" => {
            check::<wire::ListDocumentsResponse, types::ListDocumentsResponse>(name, bytes)
        }
        "UpdateDocumentRequest" => {
            check::<wire::UpdateDocumentRequest, types::UpdateDocumentRequest>(name, bytes)
        }
        "DocumentTextContent" => {
            check::<wire::DocumentTextContent, types::DocumentTextContent>(name, bytes)
        }
        "DocumentStatus" => check::<wire::DocumentStatus, types::DocumentStatus>(name, bytes),
        "Sharing" => check::<wire::Sharing, types::Sharing>(name, bytes),
        "ListSharingResponse" => {
            check::<wire::ListSharingResponse, types::ListSharingResponse>(name, bytes)
        }
        "SharingRequest" => check::<wire::SharingRequest, types::SharingRequest>(name, bytes),
        "SharingDelete" => check::<wire::SharingDelete, types::SharingDelete>(name, bytes),
        "GetFileResponse" => check::<wire::GetFileResponse, types::GetFileResponse>(name, bytes),
        "FileSignedUrl" => check::<wire::FileSignedUrl, types::FileSignedUrl>(name, bytes),
        other => panic!("fixture {name}: no model type is named `{other}`"),
    }
}

#[test]
fn every_fixture_round_trips() {
    let list = fixtures();
    assert!(
        list.len() >= 40,
        "expected the full fixture set, found {}",
        list.len()
    );
    let mut failures = Vec::new();
    let mut reports = std::collections::BTreeMap::new();
    for (name, bytes) in &list {
        let result = std::panic::catch_unwind(|| check_fixture(name, bytes));
        match result {
            Ok(report) => {
                reports.insert(name.as_str(), report);
            }
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                failures.push(format!("{name}: {message}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // Where the walk found unknowns, and what it saw as opaque.
    // (Object keys are walked in `serde_json::Map` order, so compare sorted lists.)
    let sorted = |mut list: Vec<String>| {
        list.sort();
        list
    };
    let unknown_members = |name: &str| sorted(reports[name].unknown_members.clone());
    let unknown_keys = |name: &str| sorted(reports[name].unknown_keys.clone());
    assert_eq!(
        unknown_members("ConversationRequest.unknown_tool"),
        ["tools[1]"]
    );
    assert_eq!(unknown_members("Conversation.unknown_tool"), ["tools[0]"]);
    assert_eq!(unknown_members("Tool.unknown_quantum_search"), [""]);
    assert_eq!(
        unknown_members("Tool.unknown_authorization"),
        ["authorization"]
    );
    assert_eq!(
        unknown_members("ConversationResponse.unknown_members"),
        ["outputs[0]", "outputs[1].content[1]"]
    );
    assert_eq!(
        unknown_members("ConversationHistory.unknown_entry"),
        ["entries[1]"]
    );
    assert_eq!(unknown_members("ConversationEvent.unknown_type"), [""]);
    assert_eq!(
        unknown_members("ConversationEvent.unknown_chunk_delta"),
        ["content"]
    );
    assert_eq!(
        unknown_keys("ConversationRequest.unknown_fields"),
        [
            "completion_args.future_field",
            "future_field",
            "inputs[0].content[0].future_field",
            "inputs[0].future_field",
            "tools[0].future_field",
            "tools[0].tool_configuration.future_field",
        ]
    );
    assert_eq!(
        unknown_keys("ConversationResponse.unknown_fields"),
        [
            "future_field",
            "outputs[0].content[0].future_field",
            "outputs[0].future_field",
            "usage.future_field"
        ]
    );
    assert_eq!(
        unknown_keys("ConversationEvent.unknown_fields"),
        ["future_field"]
    );
    assert_eq!(
        unknown_members("CreateAgentRequest.unknown_tool"),
        ["tools[0]"]
    );
    assert_eq!(
        unknown_keys("CreateAgentRequest.unknown_tool"),
        ["future_field", "tools[1].future_field"]
    );
    assert_eq!(
        unknown_members("UpdateAgentRequest.unknown_members"),
        ["tools[1]"]
    );
    assert_eq!(
        unknown_keys("UpdateAgentRequest.unknown_members"),
        ["future_field", "tools[0].tool_configuration.future_field"]
    );
    assert_eq!(unknown_members("Agent.unknown_fields"), ["tools[1]"]);
    assert_eq!(
        unknown_keys("Agent.unknown_fields"),
        [
            "completion_args.future_field",
            "future_field",
            "tools[0].future_field"
        ]
    );
    assert_eq!(unknown_members("Connector.unknown_protocol"), [""]);
    assert_eq!(
        unknown_members("PaginatedConnectors.unknown_member"),
        ["items[1]"]
    );
    assert_eq!(
        unknown_members("ConnectorToolCallResponse.unknown_content"),
        ["content[0]"]
    );
    assert_eq!(
        unknown_keys("ConnectorToolCallResponse.unknown_content"),
        [
            "content[1].future_field",
            "future_field",
            "metadata.future_field"
        ]
    );
    let opaque = sorted(reports["Connector.mcp_full"].opaque.clone());
    for path in [
        "server_card",
        "connection_config.headers",
        "tools[0].jsonschema",
        "tools[0].execution_config",
        "execution_env.tool_execution_data",
        "connection_preferences[1].tool_configuration.requires_confirmation.expressions[0]",
    ] {
        assert!(
            opaque.iter().any(|p| p == path),
            "{path} is opaque: {opaque:?}"
        );
    }
    assert_eq!(
        sorted(reports["CreateConnectorRequest.oauth"].opaque.clone()),
        ["headers"]
    );
    assert_eq!(
        sorted(reports["ConversationRequest.all_tools"].opaque.clone()),
        ["tools[0].function.parameters"]
    );
    assert_eq!(
        sorted(reports["ConversationResponse.chunks_tools"].opaque.clone()),
        ["guardrails[0]", "outputs[0].info", "usage.connectors"]
    );
    assert_eq!(
        sorted(
            reports["ConversationRequest.completion_args_metadata_guardrails"]
                .opaque
                .clone()
        ),
        [
            "completion_args.response_format.json_schema.schema",
            "guardrails[0].moderation_llm_v1.custom_category_thresholds",
            "metadata"
        ]
    );
    let mut tags: Vec<&str> = reports["ConversationResponse.chunks_tools"]
        .tags
        .iter()
        .map(|(_, t)| t.as_str())
        .collect();
    tags.sort_unstable();
    assert_eq!(
        tags,
        [
            "document_url",
            "image_url",
            "message.output",
            "reference",
            "text",
            "text",
            "text",
            "thinking",
            "tool.execution",
            "tool_file",
            "tool_reference",
            "tool_reference"
        ]
    );
}

/// The walk itself catches a key left in snake_case, a renamed opaque key and a changed tag.
#[test]
fn the_walk_catches_mistakes() {
    let wire_text = br#"{"conversation_id":"c","outputs":[{"type":"function.call","tool_call_id":"t","name":"n","arguments":{"city_name":"x"}}],"usage":{}}"#;
    let shape = wire::ConversationResponse::SHAPE;
    let good = js_of(wire_text, shape);
    walk(
        shape,
        &parse(wire_text),
        &parse(&good),
        "",
        &mut Report::default(),
    );
    let good = String::from_utf8(good).unwrap();
    for bad in [
        good.replace("conversationId", "conversation_id"),
        good.replace("toolCallId", "tool_call_id"),
        good.replace("city_name", "cityName"),
        good.replace("function.call", "functionCall"),
        good.replace(r#""usage":{}"#, r#""usage":{"promptTokens":1}"#),
    ] {
        let result = std::panic::catch_unwind(|| {
            walk(
                shape,
                &parse(wire_text),
                &parse(bad.as_bytes()),
                "",
                &mut Report::default(),
            )
        });
        assert!(result.is_err(), "the walk must reject {bad}");
    }
}

#[test]
fn every_event_type_has_a_fixture() {
    let Shape::Union(events) = wire::ConversationEvent::SHAPE else {
        panic!("ConversationEvent is a union")
    };
    let seen: Vec<String> = fixtures()
        .iter()
        .filter(|(name, _)| name.starts_with("ConversationEvent."))
        .filter_map(|(_, bytes)| {
            parse(bytes)
                .get("type")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .collect();
    for variant in events.variants {
        assert!(
            seen.iter().any(|t| t == variant.tag),
            "no fixture for event `{}`",
            variant.tag
        );
    }
    assert!(
        seen.iter()
            .any(|t| !events.variants.iter().any(|v| v.tag == t)),
        "no fixture with an unknown event type"
    );
}

#[test]
fn unknown_fixture_type_is_rejected() {
    let result = std::panic::catch_unwind(|| check_fixture("NoSuchType.basic", b"{}"));
    assert!(
        result.is_err(),
        "a fixture without a matching type must fail"
    );
}

// ----- specific assertions -----

/// The JavaScript form of a fixture, parsed.
fn js_value<W: HasShape>(stem: &str) -> Value {
    parse(&js_of(&fixture(stem), W::SHAPE))
}

/// The value at a JSON pointer, or a panic naming it.
fn at<'v>(value: &'v Value, pointer: &str) -> &'v Value {
    value
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no `{pointer}` in {value}"))
}

#[test]
fn function_parameters_keep_their_keys() {
    let js = js_value::<wire::ConversationRequest>("ConversationRequest.all_tools");
    let params = at(&js, "/tools/0/function/parameters");
    assert_eq!(at(params, "/additional_properties"), false);
    assert!(params.get("additionalProperties").is_none());
    assert_eq!(at(params, "/properties/forecast_days/max_items"), 7);
    assert_eq!(at(params, "/properties/forecast_days/min_items"), 1);
    assert_eq!(at(params, "/properties/city_name/type"), "string");
    assert_eq!(at(params, "/required/0"), "city_name");
    assert_eq!(at(params, "/properties/unit_system/enum/1"), "imperial");
}

#[test]
fn tools_are_renamed_and_tags_kept() {
    let js = js_value::<wire::ConversationRequest>("ConversationRequest.all_tools");
    assert_eq!(at(&js, "/handoffExecution"), "server");
    let tags: Vec<&str> = at(&js, "/tools")
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        tags,
        [
            "function",
            "web_search",
            "web_search_premium",
            "code_interpreter",
            "image_generation",
            "document_library",
            "connector",
            "connector"
        ]
    );
    assert_eq!(
        at(&js, "/tools/2/toolConfiguration/exclude/0"),
        "news_agency_afp"
    );
    assert!(at(&js, "/tools/3/toolConfiguration").is_null());
    assert_eq!(at(&js, "/tools/5/libraryIds").as_array().unwrap().len(), 2);
    assert_eq!(
        at(&js, "/tools/5/toolConfiguration/requiresConfirmation/0"),
        "search_documents"
    );
    let connector = at(&js, "/tools/6");
    assert_eq!(at(connector, "/connectorId"), "gmail");
    assert_eq!(at(connector, "/authorization/type"), "oauth2-token");
    assert_eq!(
        at(connector, "/authorization/value"),
        "ya29.a0AfB_byC3xQ-EXAMPLE-token"
    );
    assert_eq!(
        at(connector, "/toolConfiguration/include"),
        &serde_json::json!(["search_emails", "send_email"])
    );
    assert_eq!(
        at(connector, "/toolConfiguration/requiresConfirmation"),
        &serde_json::json!(["send_email"])
    );
    assert!(
        connector.get("connector_id").is_none() && connector.get("tool_configuration").is_none()
    );
    assert_eq!(at(&js, "/tools/7/authorization/type"), "api-key");
    assert_eq!(at(&js, "/completionArgs/toolChoice"), "any");
    assert_eq!(at(&js, "/completionArgs/reasoningEffort"), "low");

    let typed: types::ConversationRequest = serde_json::from_value(js).unwrap();
    let tools = typed.tools.unwrap();
    assert!(matches!(&tools[1], types::Tool::WebSearch(_)));
    let types::Tool::Connector(c) = &tools[6] else {
        panic!("connector expected: {:?}", tools[6])
    };
    assert!(matches!(
        c.authorization,
        Some(types::Authorization::OAuth2Token(_))
    ));
    assert!(
        !format!("{c:?}").contains("ya29"),
        "the token must not show in Debug output"
    );
}

#[test]
fn completion_args_metadata_and_guardrails() {
    let js = js_value::<wire::ConversationRequest>(
        "ConversationRequest.completion_args_metadata_guardrails",
    );
    let args = at(&js, "/completionArgs");
    for key in [
        "presencePenalty",
        "frequencyPenalty",
        "topP",
        "maxTokens",
        "randomSeed",
        "toolChoice",
        "reasoningEffort",
    ] {
        assert!(args.get(key).is_some(), "completionArgs.{key}");
    }
    assert_eq!(at(args, "/stop/0"), "\n\nUser:");
    assert_eq!(at(args, "/prediction/type"), "content");
    assert_eq!(at(args, "/responseFormat/type"), "json_schema");
    let schema = at(args, "/responseFormat/jsonSchema/schemaDefinition");
    assert_eq!(at(schema, "/additional_properties"), false);
    assert_eq!(at(schema, "/properties/hourly_forecast/max_items"), 24);
    assert_eq!(at(schema, "/required/1"), "temperature_c");
    assert_eq!(at(args, "/responseFormat/jsonSchema/strict"), true);

    assert_eq!(at(&js, "/metadata/user_id"), "u_123");
    assert_eq!(at(&js, "/metadata/session_info/ab_test_group"), "B");
    assert_eq!(at(&js, "/metadata/priority_level"), 2);

    assert_eq!(at(&js, "/guardrails/0/blockOnError"), true);
    let moderation = at(&js, "/guardrails/0/moderationLlmV1");
    assert_eq!(at(moderation, "/modelName"), "mistral-moderation-latest");
    assert_eq!(
        at(
            moderation,
            "/customCategoryThresholds/hate_and_discrimination"
        ),
        0.2
    );
    assert_eq!(at(moderation, "/ignoreOtherCategories"), false);
    assert_eq!(at(moderation, "/action"), "block");
    assert_eq!(at(&js, "/guardrails/1/moderationLlmV2/action"), "none");
}

#[test]
fn input_entries_and_image_urls() {
    let js = js_value::<wire::ConversationRequest>("ConversationRequest.agent_entries");
    assert_eq!(at(&js, "/agentId"), "ag_06835a34f2c476518000c372a505c2c4");
    assert_eq!(at(&js, "/agentVersion"), 3);
    let content = at(&js, "/inputs/0/content");
    assert_eq!(at(content, "/1/type"), "image_url");
    assert!(at(content, "/1/imageUrl").is_string());
    assert_eq!(at(content, "/2/imageUrl/detail"), "high");
    assert!(at(content, "/2/imageUrl/url")
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,"));
    assert_eq!(at(content, "/3/documentName"), "distillation_paper.pdf");
    assert_eq!(at(&js, "/inputs/1/prefix"), true);

    let js = js_value::<wire::ConversationRequest>("ConversationRequest.agent_version_alias");
    assert_eq!(at(&js, "/agentVersion"), "production");
    assert!(
        at(&js, "/inputs/0").get("type").is_none(),
        "a missing default tag is not invented"
    );
}

#[test]
fn append_and_restart_requests() {
    let js =
        js_value::<wire::AppendConversationRequest>("AppendConversationRequest.function_result");
    assert_eq!(at(&js, "/inputs/0/type"), "function.result");
    assert_eq!(at(&js, "/inputs/0/toolCallId"), "D7nWq2xPz");
    assert_eq!(
        at(&js, "/inputs/0/result"),
        "{\"city_name\":\"Paris\",\"temperature_c\":21.5}"
    );

    let js =
        js_value::<wire::AppendConversationRequest>("AppendConversationRequest.tool_confirmations");
    assert_eq!(at(&js, "/toolConfirmations/1/toolCallId"), "hJ9kL1mN3");
    assert_eq!(at(&js, "/toolConfirmations/1/confirmation"), "deny");

    let js = js_value::<wire::RestartConversationRequest>("RestartConversationRequest.basic");
    assert_eq!(
        at(&js, "/fromEntryId"),
        "msg_06835b9dc1c37e1b8000a4c5e4f2d9b1"
    );
    assert_eq!(at(&js, "/metadata/branch_reason"), "user_edit");
    assert_eq!(at(&js, "/completionArgs/randomSeed"), 7);
}

#[test]
fn response_chunks_tool_execution_and_usage() {
    let js = js_value::<wire::ConversationResponse>("ConversationResponse.chunks_tools");
    assert_eq!(
        at(&js, "/conversationId"),
        "conv_06835b9dc0c7749180001ed2b6d1c0a8"
    );
    let exec = at(&js, "/outputs/0");
    assert_eq!(at(exec, "/type"), "tool.execution");
    assert_eq!(at(exec, "/name"), "web_search");
    assert_eq!(at(exec, "/info/search_query"), "weather Paris today");
    assert_eq!(at(exec, "/info/num_results"), 5);
    assert_eq!(at(exec, "/completedAt"), "2025-05-27T13:32:12.782415Z");

    let content = at(&js, "/outputs/1/content");
    assert_eq!(at(content, "/0/type"), "thinking");
    assert_eq!(at(content, "/0/thinking/1/type"), "reference");
    assert_eq!(
        at(content, "/0/thinking/1/referenceIds"),
        &serde_json::json!([1, "ref_2"])
    );
    assert_eq!(at(content, "/0/thinking/2/tool"), "web_search");
    assert_eq!(at(content, "/0/closed"), true);
    assert_eq!(at(content, "/2/type"), "tool_reference");
    assert_eq!(
        at(content, "/2/favicon"),
        "https://meteofrance.com/favicon.ico"
    );
    assert_eq!(at(content, "/4/type"), "tool_file");
    assert_eq!(
        at(content, "/4/fileId"),
        "0196f1bc-7a8b-7c9d-8e0f-1a2b3c4d5e6f"
    );
    assert_eq!(at(content, "/4/fileType"), "png");
    assert_eq!(
        at(content, "/6/documentUrl"),
        "https://example.com/report.pdf"
    );

    assert_eq!(at(&js, "/usage/promptTokens"), 154);
    assert_eq!(at(&js, "/usage/connectorTokens"), 3720);
    assert_eq!(at(&js, "/usage/connectors/web_search"), 1);
    assert_eq!(at(&js, "/usage/connectors/code_interpreter"), 2);
    assert_eq!(at(&js, "/guardrails/0/guardrail_name"), "moderation_llm_v1");

    let typed: types::ConversationResponse = serde_json::from_value(js).unwrap();
    let types::Entry::MessageOutput(message) = &typed.outputs[1] else {
        panic!("{:?}", typed.outputs[1])
    };
    let types::Content::Chunks(chunks) = &message.content else {
        panic!("chunks expected")
    };
    assert!(matches!(chunks[2], types::ContentChunk::ToolReference(_)));
    assert!(matches!(chunks[4], types::ContentChunk::ToolFile(_)));
}

#[test]
fn function_call_arguments_are_opaque() {
    let js = js_value::<wire::ConversationResponse>("ConversationResponse.function_calls");
    assert_eq!(at(&js, "/outputs/0/type"), "function.call");
    assert_eq!(at(&js, "/outputs/0/toolCallId"), "D7nWq2xPz");
    assert_eq!(at(&js, "/outputs/0/arguments/city_name"), "Paris");
    assert_eq!(at(&js, "/outputs/0/arguments/unit_system"), "metric");
    assert_eq!(
        at(&js, "/outputs/1/arguments"),
        "{\"to_address\":\"jane@example.com\",\"subject_line\":\"Hi\"}"
    );
    assert_eq!(at(&js, "/outputs/1/confirmationStatus"), "pending");
    assert!(at(&js, "/usage").get("connectorTokens").is_none());
}

#[test]
fn handoff_and_history() {
    let js = js_value::<wire::ConversationResponse>("ConversationResponse.handoff");
    let handoff = at(&js, "/outputs/0");
    assert_eq!(at(handoff, "/type"), "agent.handoff");
    assert_eq!(at(handoff, "/previousAgentName"), "triage_agent");
    assert_eq!(
        at(handoff, "/nextAgentId"),
        "ag_06835a3b9d1e7c2d8000a0b6c7e2f4d1"
    );
    assert_eq!(at(&js, "/usage/connectors"), &serde_json::json!({}));

    let js = js_value::<wire::ConversationHistory>("ConversationHistory.all_entry_types");
    let types: Vec<&str> = at(&js, "/entries")
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    for t in [
        "message.input",
        "message.output",
        "function.call",
        "function.result",
        "tool.execution",
        "agent.handoff",
    ] {
        assert!(types.contains(&t), "history lacks {t}");
    }
    let typed: types::ConversationHistory = serde_json::from_value(js).unwrap();
    assert!(typed
        .entries
        .iter()
        .all(|e| !matches!(e, types::Entry::Unknown(_))));

    let js = js_value::<wire::ConversationMessages>("ConversationMessages.basic");
    assert_eq!(at(&js, "/messages/0/role"), "user");
    assert_eq!(at(&js, "/messages/0/prefix"), false);
}

#[test]
fn conversations() {
    let js = js_value::<wire::Conversation>("Conversation.model");
    assert_eq!(at(&js, "/updatedAt"), "2025-05-27T13:32:14.524093Z");
    assert_eq!(
        at(&js, "/tools/0/function/parameters/additional_properties"),
        false
    );
    assert_eq!(
        at(&js, "/completionArgs/responseFormat/type"),
        "json_object"
    );
    assert_eq!(at(&js, "/metadata/session_info/started_by"), "web_app");

    let js = js_value::<wire::Conversation>("Conversation.agent");
    assert_eq!(at(&js, "/agentId"), "ag_06835a34f2c476518000c372a505c2c4");
    assert_eq!(at(&js, "/agentVersion"), 4);
    assert_eq!(at(&js, "/metadata/source_app"), "slack_bot");
}

#[test]
fn events_keep_their_tags() {
    let js = js_value::<wire::ConversationEvent>("ConversationEvent.message_output_delta");
    assert_eq!(at(&js, "/type"), "message.output.delta");
    assert_eq!(at(&js, "/createdAt"), "2025-05-27T13:32:12.782415Z");
    assert_eq!(at(&js, "/outputIndex"), 1);
    assert_eq!(at(&js, "/contentIndex"), 0);
    assert!(at(&js, "/agentId").is_null());
    assert_eq!(at(&js, "/content"), "The weather in Paris");

    let js = js_value::<wire::ConversationEvent>(
        "ConversationEvent.message_output_delta_tool_reference",
    );
    assert_eq!(at(&js, "/content/type"), "tool_reference");
    assert_eq!(at(&js, "/content/title"), "Paris weather - Météo-France");
    let typed: types::ConversationEvent = serde_json::from_value(js).unwrap();
    let types::ConversationEvent::MessageOutput(event) = typed else {
        panic!("message.output.delta expected")
    };
    assert!(matches!(
        event.content,
        types::ContentDelta::Chunk(types::ContentChunk::ToolReference(_))
    ));

    let js =
        js_value::<wire::ConversationEvent>("ConversationEvent.message_output_delta_tool_file");
    assert_eq!(at(&js, "/content/fileName"), "image_generated_0");

    let js = js_value::<wire::ConversationEvent>("ConversationEvent.tool_execution_done");
    assert_eq!(at(&js, "/type"), "tool.execution.done");
    assert_eq!(at(&js, "/info/search_query"), "weather Paris");
    assert_eq!(at(&js, "/info/result_urls/0"), "https://meteofrance.com/");

    let js = js_value::<wire::ConversationEvent>("ConversationEvent.function_call_delta");
    assert_eq!(at(&js, "/toolCallId"), "D7nWq2xPz");
    assert_eq!(at(&js, "/arguments"), "{\"city_name\": \"Par");

    let js = js_value::<wire::ConversationEvent>("ConversationEvent.response_done");
    assert_eq!(at(&js, "/usage/totalTokens"), 241);
    assert_eq!(at(&js, "/usage/connectors/web_search"), 1);

    let js = js_value::<wire::ConversationEvent>("ConversationEvent.tag_not_first");
    assert_eq!(at(&js, "/type"), "function.call.delta");
    assert_eq!(at(&js, "/toolCallId"), "D7nWq2xPz");
    assert_eq!(at(&js, "/outputIndex"), 0);
}

/// An unknown member's JavaScript form is the wire text itself.
#[test]
fn unknown_members_pass_through_verbatim() {
    for (stem, shape) in [
        ("Tool.unknown_quantum_search", wire::Tool::SHAPE),
        ("ContentChunk.unknown_audio_clip", wire::ContentChunk::SHAPE),
        ("Entry.unknown_memory_write", wire::Entry::SHAPE),
        (
            "ConversationEvent.unknown_type",
            wire::ConversationEvent::SHAPE,
        ),
    ] {
        let bytes = fixture(stem);
        let js = js_of(&bytes, shape);
        assert_eq!(
            String::from_utf8_lossy(&js),
            String::from_utf8_lossy(&bytes),
            "{stem}"
        );
        assert_eq!(wire_of(&js, shape), bytes, "{stem}");
    }

    let tool: wire::Tool = serde_json::from_slice(&fixture("Tool.unknown_quantum_search")).unwrap();
    assert!(matches!(tool, wire::Tool::Unknown(_)));
    assert_eq!(
        serde_json::to_value(&tool).unwrap()["some_option"]["nested_key"],
        1
    );

    let js = js_value::<wire::ConversationRequest>("ConversationRequest.unknown_tool");
    assert_eq!(at(&js, "/tools/1/type"), "quantum_search");
    assert_eq!(at(&js, "/tools/1/some_option/nested_key"), 1);
    assert_eq!(
        at(&js, "/tools/1/tool_configuration/requires_confirmation/0"),
        "deep_probe"
    );
    assert!(at(&js, "/tools/1").get("toolConfiguration").is_none());

    let js = js_value::<wire::Conversation>("Conversation.unknown_tool");
    assert_eq!(at(&js, "/tools/0/some_option/nested_key"), 1);

    let js = js_value::<wire::Tool>("Tool.unknown_authorization");
    assert_eq!(at(&js, "/connectorId"), "notion");
    assert_eq!(
        at(&js, "/authorization/cert_pem"),
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"
    );

    let js = js_value::<wire::ConversationResponse>("ConversationResponse.unknown_members");
    let memory = at(&js, "/outputs/0");
    assert_eq!(at(memory, "/type"), "memory.write");
    assert_eq!(at(memory, "/created_at"), "2025-05-27T13:32:10.153870Z");
    assert_eq!(at(memory, "/memory_value/set_by"), "user_request");
    assert!(memory.get("createdAt").is_none());
    let audio = at(&js, "/outputs/1/content/1");
    assert_eq!(at(audio, "/type"), "audio_clip");
    assert_eq!(at(audio, "/duration_ms"), 1200);
    assert_eq!(
        at(&js, "/outputs/1/createdAt"),
        "2025-05-27T13:32:10.153870Z"
    );

    let js = js_value::<wire::ConversationHistory>("ConversationHistory.unknown_entry");
    assert_eq!(at(&js, "/entries/1/memory_key"), "preferred_unit");
    assert_eq!(at(&js, "/entries/2/type"), "message.output");

    let js = js_value::<wire::ConversationEvent>("ConversationEvent.unknown_chunk_delta");
    assert_eq!(at(&js, "/outputIndex"), 0);
    assert_eq!(at(&js, "/content/audio_url"), "https://example.com/a.mp3");
    assert_eq!(at(&js, "/content/duration_ms"), 1200);
}

#[test]
fn unknown_fields_on_known_members_pass_through() {
    let js = js_value::<wire::ConversationRequest>("ConversationRequest.unknown_fields");
    for pointer in [
        "/future_field/a_b",
        "/inputs/0/future_field/a_b",
        "/inputs/0/content/0/future_field/a_b",
        "/tools/0/future_field/a_b",
        "/tools/0/toolConfiguration/future_field/a_b",
        "/completionArgs/future_field/a_b",
    ] {
        assert_eq!(at(&js, pointer), 1, "{pointer}");
    }
    assert_eq!(at(&js, "/tools/0/connectorId"), "gmail");

    let js = js_value::<wire::ConversationResponse>("ConversationResponse.unknown_fields");
    for pointer in [
        "/future_field/a_b",
        "/outputs/0/future_field/a_b",
        "/outputs/0/content/0/future_field/a_b",
        "/usage/future_field/a_b",
    ] {
        assert_eq!(at(&js, pointer), 1, "{pointer}");
    }
    assert_eq!(at(&js, "/usage/totalTokens"), 2);

    let js = js_value::<wire::ConversationEvent>("ConversationEvent.unknown_fields");
    assert_eq!(at(&js, "/future_field/a_b"), 1);
    assert_eq!(at(&js, "/outputIndex"), 0);
}

// ----- agents, connectors, libraries, files -----

#[test]
fn agents_are_renamed_and_keep_user_data() {
    let js = js_value::<wire::Agent>("Agent.full");
    assert_eq!(at(&js, "/deploymentChat"), false);
    assert_eq!(at(&js, "/versionMessage"), "Lower temperature");
    assert_eq!(at(&js, "/ownerId"), "5f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b");
    assert_eq!(at(&js, "/versions/2"), 2);
    assert_eq!(at(&js, "/completionArgs/topP"), 0.95);
    assert_eq!(at(&js, "/metadata/team_name"), "growth");
    assert_eq!(
        at(&js, "/tools/1/function/parameters/additional_properties"),
        false
    );
    assert_eq!(
        at(&js, "/tools/2/libraryIds/0"),
        "0197f0e2-5c1a-7d3e-9b2f-4a6c8e0d1f23"
    );
    assert_eq!(
        at(
            &js,
            "/guardrails/0/moderationLlmV1/customCategoryThresholds/hate_and_discrimination"
        ),
        0.2
    );

    let js = js_value::<wire::AgentListPage>("AgentListPage.basic");
    assert_eq!(
        at(&js, "/nextPageToken"),
        "eyJpZCI6ImFnXzA2ODNmMWEyYjMifQ=="
    );
    assert_eq!(at(&js, "/data/1/createdAt"), "2025-06-01T08:00:00Z");

    let js = js_value::<wire::AgentAliasResponse>("AgentAliasResponse.basic");
    assert_eq!(at(&js, "/updatedAt"), "2025-05-29T17:45:12.900120Z");
}

#[test]
fn connector_requests_keep_headers_and_hide_secrets() {
    let js = js_value::<wire::CreateConnectorRequest>("CreateConnectorRequest.oauth");
    assert_eq!(at(&js, "/iconUrl"), "https://cdn.acme.example/icon.png");
    assert_eq!(at(&js, "/headers/x_trace_flag"), "1");
    assert_eq!(at(&js, "/globalHeaders/X-Acme-Api-Key/isSecret"), true);
    assert_eq!(at(&js, "/authData/clientSecret"), "cs_5e4d3c2b1a");
    assert_eq!(
        at(
            &js,
            "/oauth2ServerMetadata/tokenEndpointAuthMethodsSupported/1"
        ),
        "client_secret_basic"
    );
    assert_eq!(
        at(&js, "/authMethods/1/tokenEndpointAuthMethod"),
        "client_secret_basic"
    );
    assert_eq!(at(&js, "/authMethods/0/headers/0/isRequired"), true);

    let js = js_value::<wire::UpdateConnectorRequest>("UpdateConnectorRequest.http");
    assert_eq!(
        at(&js, "/authMethods/0/oauth2MetadataSecrets/clientIdIssuedAt"),
        1748437200
    );
    assert_eq!(at(&js, "/connectionConfig/retry_on_5xx"), true);
    assert_eq!(at(&js, "/connectionSecrets/api_key"), "ak_live_0000");

    let js = js_value::<wire::CredentialsCreateOrUpdate>("CredentialsCreateOrUpdate.headers");
    assert_eq!(at(&js, "/isDefault"), true);
    assert_eq!(at(&js, "/credentials/headers/x_acme_workspace"), "ws_42");
    assert_eq!(at(&js, "/credentials/bearerToken"), "tok_3b2a1c");

    for (stem, secrets) in [
        (
            "CreateConnectorRequest.oauth",
            &["ak_live_9f8e7d6c", "cs_5e4d3c2b1a"][..],
        ),
        (
            "UpdateConnectorRequest.http",
            &["ak_live_0000", "cs_0a1b2c3d"][..],
        ),
        (
            "CredentialsCreateOrUpdate.headers",
            &["ak_live_9f8e7d6c", "tok_3b2a1c"][..],
        ),
        (
            "CredentialsCreateOrUpdate.oauth_client_credentials",
            &["cs_svc_secret"][..],
        ),
    ] {
        let value: Value = parse(&fixture(stem));
        let debug = match stem.split_once('.').map(|(t, _)| t) {
            Some("CreateConnectorRequest") => format!(
                "{:?}",
                serde_json::from_value::<wire::CreateConnectorRequest>(value).unwrap()
            ),
            Some("UpdateConnectorRequest") => format!(
                "{:?}",
                serde_json::from_value::<wire::UpdateConnectorRequest>(value).unwrap()
            ),
            _ => format!(
                "{:?}",
                serde_json::from_value::<wire::CredentialsCreateOrUpdate>(value).unwrap()
            ),
        };
        for secret in secrets {
            assert!(
                !debug.contains(secret),
                "{stem}: `{secret}` shows in {debug}"
            );
        }
    }
}

#[test]
fn connectors_are_renamed_and_mcp_keys_kept() {
    let js = js_value::<wire::Connector>("Connector.mcp_full");
    assert_eq!(at(&js, "/protocol"), "mcp");
    assert_eq!(at(&js, "/privateToolExecution"), false);
    assert_eq!(at(&js, "/serverCard/serverInfo/name"), "deepwiki");
    assert_eq!(at(&js, "/serverCard/websiteUrl"), "https://deepwiki.com");
    assert_eq!(
        at(&js, "/locale/usageSentence/en"),
        "Use DeepWiki to read a repository's wiki"
    );
    assert_eq!(
        at(&js, "/supportedAuthMethods/1/hasDefaultCredentials"),
        true
    );
    assert_eq!(
        at(
            &js,
            "/supportedAuthMethods/1/globalHeaders/X-Region/isSecret"
        ),
        true
    );
    let prefs = at(&js, "/connectionPreferences");
    assert_eq!(
        at(prefs, "/0/toolConfiguration/skipConfirmation/readOnly"),
        true
    );
    assert_eq!(
        at(prefs, "/0/toolConfiguration/requiresConfirmation/0"),
        "ask_question"
    );
    assert_eq!(
        at(prefs, "/1/toolConfiguration/requiresConfirmation/type"),
        "or"
    );
    assert_eq!(
        at(
            prefs,
            "/1/toolConfiguration/requiresConfirmation/expressions/0/read_only"
        ),
        false
    );
    assert_eq!(
        at(&js, "/connectionCredentials/0/status/statusType"),
        "valid"
    );
    assert_eq!(
        at(&js, "/tools/0/executionConfig/tool_name"),
        "ask_question"
    );
    assert_eq!(
        at(&js, "/tools/0/jsonschema/properties/repo_name/type"),
        "string"
    );
    assert_eq!(
        at(&js, "/executionEnv/toolExecutionData/server_version"),
        "1.2.0"
    );
    assert_eq!(
        at(&js, "/connectionConfig/baseUrl"),
        "https://mcp.deepwiki.com"
    );
    let typed: types::Connector = serde_json::from_value(js).unwrap();
    assert!(matches!(typed, types::Connector::Mcp(ref c) if c.name == "my_deepwiki"));

    let js = js_value::<wire::Connector>("Connector.open_enum_values");
    assert_eq!(at(&js, "/ownerType"), "team");
    assert_eq!(at(&js, "/supportedAuthMethods/0/methodType"), "passkey");

    let js = js_value::<wire::Connector>("Connector.unknown_protocol");
    assert_eq!(at(&js, "/owner_type"), "system");
    assert_eq!(at(&js, "/turbine_config/pipeline_id"), "p_1");

    let js = js_value::<wire::PaginatedConnectors>("PaginatedConnectors.unknown_member");
    assert_eq!(at(&js, "/pagination/nextCursor"), "Y3Vyc29yOjAxOTdiMWQy");
    assert_eq!(at(&js, "/items/0/ownerType"), "org");
    assert_eq!(at(&js, "/items/1/private_tool_execution"), false);

    let js = js_value::<wire::AuthUrlResponse>("AuthUrlResponse.basic");
    assert_eq!(at(&js, "/ttl"), 600);
    assert!(at(&js, "/authUrl")
        .as_str()
        .unwrap()
        .starts_with("https://auth.example.com/"));
}

#[test]
fn mcp_tools_and_results_keep_mcp_spelling() {
    let js = js_value::<wire::McpTool>("McpTool.full");
    assert_eq!(at(&js, "/inputSchema/additionalProperties"), false);
    assert_eq!(
        at(&js, "/inputSchema/properties/repo_name/description"),
        "owner/repo"
    );
    assert_eq!(
        at(&js, "/outputSchema/properties/answer_text/type"),
        "string"
    );
    assert_eq!(at(&js, "/annotations/readOnlyHint"), true);
    assert_eq!(
        at(&js, "/meta/io.modelcontextprotocol~1ui/resource_uri"),
        "ui://ask"
    );
    assert!(
        js.get("_meta").is_none(),
        "`_meta` is `meta`, as in the official SDK"
    );

    let js = js_value::<wire::ConnectorToolCallResponse>("ConnectorToolCallResponse.all_content");
    let content = at(&js, "/content");
    assert_eq!(at(content, "/0/meta/source_page"), "Streaming");
    assert_eq!(at(content, "/1/mimeType"), "image/png");
    assert_eq!(at(content, "/2/type"), "audio");
    assert_eq!(at(content, "/3/icons/0/mimeType"), "image/x-icon");
    assert_eq!(
        at(content, "/4/resource/text"),
        "# Streaming\nEvents are..."
    );
    assert_eq!(at(content, "/5/resource/blob"), "iVBORw0KGgo=");
    assert_eq!(at(&js, "/metadata/mcpMeta/isError"), false);
    assert_eq!(
        at(&js, "/metadata/mcpMeta/structuredContent/answer_text"),
        "src/lib/event-streams.ts"
    );
    assert_eq!(at(&js, "/metadata/mcpMeta/meta/request_id"), "req_123");

    let js =
        js_value::<wire::ConnectorToolCallResponse>("ConnectorToolCallResponse.unknown_content");
    assert_eq!(at(&js, "/content/0/duration_ms"), 5000);
}

#[test]
fn libraries_documents_and_files() {
    let js = js_value::<wire::Library>("Library.full");
    assert_eq!(at(&js, "/nbDocuments"), 37);
    assert_eq!(at(&js, "/totalSize"), 73400320);
    assert_eq!(at(&js, "/emoji"), "📚");
    assert_eq!(at(&js, "/explicitUserMembersCount"), 3);

    let js = js_value::<wire::ListLibrariesResponse>("ListLibrariesResponse.basic");
    assert_eq!(at(&js, "/pagination/hasMore"), false);
    assert_eq!(at(&js, "/data/1/chunkSize"), 2048);

    let js = js_value::<wire::Document>("Document.full");
    assert_eq!(at(&js, "/processStatus"), "done");
    assert_eq!(at(&js, "/tokensProcessingTotal"), 52046);
    assert_eq!(at(&js, "/attributes/product_line"), "routers");
    assert_eq!(at(&js, "/attributes/supported_langs/1"), "fr");

    let js = js_value::<wire::Document>("Document.open_enum_values");
    assert_eq!(at(&js, "/processStatus"), "ocr_queued");
    let typed: types::Document = serde_json::from_value(js).unwrap();
    assert_eq!(typed.process_status.as_str(), "ocr_queued");

    let js = js_value::<wire::UpdateDocumentRequest>("UpdateDocumentRequest.attributes");
    assert_eq!(at(&js, "/attributes/valid_from"), "2025-08-01T00:00:00Z");
    assert_eq!(at(&js, "/expiresAt"), "2026-08-01T00:00:00Z");

    let js = js_value::<wire::DocumentStatus>("DocumentStatus.basic");
    assert_eq!(
        at(&js, "/documentId"),
        "0197c6e7-8f90-7a12-c3d4-e5f6a7b8c9d0"
    );

    let js = js_value::<wire::ListSharingResponse>("ListSharingResponse.basic");
    assert_eq!(at(&js, "/data/0/shareWithType"), "Workspace");
    assert_eq!(at(&js, "/data/1/userId"), "u_7d8e9f");

    let js = js_value::<wire::GetFileResponse>("GetFileResponse.generated_image");
    assert_eq!(at(&js, "/createdAt"), 1748352732);
    assert_eq!(at(&js, "/expiresAt"), 1748957532);
    assert_eq!(at(&js, "/sampleType"), "image");
    assert_eq!(at(&js, "/purpose"), "image_generation");
}
