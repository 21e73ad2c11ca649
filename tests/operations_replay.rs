//! Writes `tests/js/operations.json`: one replay case per operation of the table, which
//! `tests/js/operations.test.mjs` runs through the built package against a recording `fetch`.
//! Each case has the arguments in the official SDK's wrapped form (camelCase), the request the
//! wire must see (method, percent-encoded path, decoded query pairs, snake_case body), a wire
//! response, and what the method must resolve to. Bodies and responses come from the wire
//! fixtures (`tests/fixtures/wire/<Type>.<case>.json`) where one exists, or are the smallest
//! valid value of the shape. `UPDATE_OPERATIONS=1 cargo test --test operations_replay` rewrites.

use std::path::Path;

use mistral_edge::json::{to_js, to_js_dated};
use mistral_edge::model::shape::{Shape, StructShape};
use mistral_edge::request::surface::{Pages, RESOURCES};
use mistral_edge::request::{ops, BodyKind, Operation, ParamKind, ResponseKind};
use serde_json::{json, Map, Value};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/js/operations.json");

fn shape_name(shape: &Shape) -> Option<&'static str> {
    match shape {
        Shape::Struct(s) => Some(s.name),
        Shape::Union(u) => Some(u.name),
        _ => None,
    }
}

/// The first fixture of a type whose case does not start with `unknown_`.
fn fixture(name: &str) -> Option<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            stem.split_once('.')
                .is_some_and(|(t, case)| t == name && !case.starts_with("unknown"))
        })
        .collect();
    files.sort();
    let text = std::fs::read_to_string(files.first()?).ok()?;
    serde_json::from_str(&text).ok()
}

/// The smallest valid wire value of a shape: required fields only.
fn minimal(shape: &Shape) -> Value {
    match shape {
        Shape::String => json!("x"),
        Shape::DateTime => json!("2025-01-01T00:00:00Z"),
        Shape::Number | Shape::Integer => json!(1),
        Shape::Bool => json!(true),
        Shape::Any => json!({}),
        Shape::Nullable(_) => Value::Null,
        Shape::Array(_) => json!([]),
        Shape::Record(_) => json!({}),
        Shape::Struct(s) => minimal_struct(s),
        Shape::Union(u) => {
            let variant = &u.variants[0];
            let mut object = minimal_struct(variant.shape);
            object[u.tag] = json!(variant.tag);
            object
        }
        Shape::OneOf(branches) => minimal(branches[0]),
    }
}

fn minimal_struct(s: &StructShape) -> Value {
    Value::Object(
        s.fields
            .iter()
            .filter(|f| f.required)
            .map(|f| (f.wire.to_owned(), minimal(f.shape)))
            .collect(),
    )
}

fn sample(shape: &Shape) -> Value {
    match shape {
        Shape::Array(inner) => json!([sample(inner)]),
        _ => shape_name(shape)
            .and_then(fixture)
            .unwrap_or_else(|| minimal(shape)),
    }
}

/// A JS argument value and the decoded query pairs it must give, by the parameter's wire name.
fn param_value(wire: &str, kind: ParamKind, index: usize) -> (Value, Vec<(String, String)>) {
    let pair = |v: &str| vec![(wire.to_owned(), v.to_owned())];
    match (kind, wire) {
        (ParamKind::Path, "consumer_scope") => (json!("user"), vec![]),
        (ParamKind::Path, _) => (json!(format!("id/ä {index}")), vec![]),
        (ParamKind::QueryJson, _) => (json!({"team": "a b"}), pair(r#"{"team":"a b"}"#)),
        (ParamKind::QueryObject, _) => (
            json!({"active": true}),
            vec![("active".into(), "true".into())],
        ),
        (_, "agent_version") => (json!("stable"), pair("stable")),
        (_, "page" | "page_size" | "version" | "expiry" | "page_start" | "page_end") => {
            (json!(2), pair("2"))
        }
        (_, "sources" | "sample_type" | "source" | "mimetypes") => (
            json!(["api", "playground"]),
            vec![
                (wire.into(), "api".into()),
                (wire.into(), "playground".into()),
            ],
        ),
        (
            _,
            "deployment_chat"
            | "active"
            | "fetch_user_data"
            | "fetch_customer_data"
            | "refresh"
            | "pretty"
            | "fetch_default"
            | "github_installation_link"
            | "include_total",
        ) => (json!(true), pair("true")),
        _ => (json!("q v&é"), pair("q v&é")),
    }
}

/// Percent-encodes a path segment: everything but unreserved characters.
fn encode_segment(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn js_of(wire: &Value, shape: &'static Shape) -> Value {
    let mut out = Vec::new();
    to_js(wire.to_string().as_bytes(), shape, &mut out).unwrap_or_else(|e| panic!("to_js: {e}"));
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("to_js output: {e}"))
}

/// What a response resolves to in JavaScript: `to_js`, with each date (which JavaScript makes a
/// `Date`) written as `{"$date": milliseconds}`, as the test writes the `Date`s it gets.
fn resolved(wire: &Value, shape: &'static Shape) -> Value {
    let (mut out, mut dates) = (Vec::new(), Vec::new());
    to_js_dated(wire.to_string().as_bytes(), shape, &mut out, &mut dates)
        .unwrap_or_else(|e| panic!("to_js_dated: {e}"));
    let mut value: Value = serde_json::from_slice(&out).expect("to_js_dated output");
    let paths: Vec<Value> =
        serde_json::from_str(&format!("[{}]", String::from_utf8_lossy(&dates))).expect("paths");
    let mut i = 0;
    while i < paths.len() {
        let n = paths[i].as_u64().expect("segment count") as usize;
        let mut target = &mut value;
        for segment in &paths[i + 1..i + 1 + n] {
            target = match segment {
                Value::String(key) => &mut target[key.as_str()],
                other => &mut target[other.as_u64().expect("index") as usize],
            };
        }
        i += 1 + n;
        *target = json!({ "$date": target.take() });
    }
    value
}

fn case(op: &Operation) -> Value {
    let mut args = Map::new();
    let mut path = op.path.to_owned();
    let mut query = Vec::new();
    for (i, p) in op.params.iter().enumerate() {
        let (value, pairs) = param_value(p.wire, p.kind, i);
        if p.kind == ParamKind::Path {
            let text = value.as_str().unwrap_or_default();
            path = path.replace(&format!("{{{}}}", p.wire), &encode_segment(text));
        }
        query.extend(pairs);
        args.insert(p.js.to_owned(), value);
    }
    let mut body = Value::Null;
    let mut multipart = Value::Null;
    if let Some(b) = &op.body {
        match &b.kind {
            BodyKind::Json(shape) => {
                let mut wire = sample(shape);
                let js = js_of(&wire, shape);
                args.insert(b.key.to_owned(), js);
                if let Some(stream) = op.stream {
                    wire["stream"] = json!(stream);
                }
                for (key, raw) in b.defaults {
                    if wire.get(*key).is_none() {
                        wire[*key] = serde_json::from_str(raw).unwrap_or(Value::Null);
                    }
                }
                body = wire;
            }
            BodyKind::Multipart { file, fields } => {
                // Each text part from an argument, then the defaults the arguments left out.
                let mut parts = Vec::new();
                for (i, (js, wire, shape)) in fields.iter().enumerate() {
                    let (value, text) = match shape {
                        Shape::Integer => (json!(24 + i), (24 + i).to_string()),
                        _ => (json!(format!("{wire} ä {i}")), format!("{wire} ä {i}")),
                    };
                    if b.defaults.iter().any(|(k, _)| k == wire) {
                        continue; // left out: the default is sent
                    }
                    args.insert((*js).to_owned(), value);
                    parts.push(json!([wire, text]));
                }
                for (wire, raw) in b.defaults {
                    let value: Value = serde_json::from_str(raw).unwrap_or(Value::Null);
                    parts.push(json!([wire, value.as_str().unwrap_or(raw)]));
                }
                let wrapper = (!b.key.is_empty()).then_some(b.key);
                multipart = json!({ "wrapper": wrapper, "field": file, "parts": parts });
            }
        }
    }
    let (response, expect) = match &op.response {
        ResponseKind::Json(shape) => {
            let wire = sample(shape);
            (
                json!({ "kind": "json", "body": wire }),
                resolved(&wire, shape),
            )
        }
        ResponseKind::Empty => (json!({ "kind": "empty" }), Value::Null),
        ResponseKind::Events => (json!({ "kind": "events" }), Value::Null),
        ResponseKind::Bytes => (json!({ "kind": "bytes" }), Value::Null),
    };
    let pages = RESOURCES
        .iter()
        .flat_map(|r| r.methods)
        .find(|m| m.op.name == op.name)
        .map_or(Pages::No, |m| m.pages);
    let pages = match pages {
        Pages::No => Value::Null,
        Pages::Promise => json!("promise"),
        Pages::Iterator => json!("iterator"),
    };
    let resource: Vec<&str> = op.name.split('.').collect();
    json!({
        "name": op.name,
        "namespace": &resource[..resource.len() - 1],
        "method": resource[resource.len() - 1],
        "args": Value::Object(args),
        "request": {
            "method": op.method.as_str(),
            "path": path,
            "query": query,
            "body": body,
            "multipart": multipart,
        },
        "response": response,
        "pages": pages,
        "expect": expect,
    })
}

#[test]
fn operations_replay_is_current() {
    let cases: Vec<Value> = ops::ALL.iter().map(|op| case(op)).collect();
    let text = serde_json::to_string_pretty(&cases).unwrap() + "\n";
    if std::env::var_os("UPDATE_OPERATIONS").is_some() {
        std::fs::write(FILE, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(FILE).unwrap_or_default();
    assert!(
        committed == text,
        "tests/js/operations.json is out of date: run `UPDATE_OPERATIONS=1 cargo test --test operations_replay`"
    );
}
