//! Request validation with the real API's rules and pydantic's error spellings.
//!
//! The structural check walks the crate's own shape tables (`mistral_edge::model::shape`), so
//! the emulator checks exactly the types the client sends: required fields (`missing`), JSON
//! kinds (`string_type`, `list_type`, ...), union tags (`union_tag_invalid`, with the tag in
//! `loc` as pydantic puts it) and, for the objects the API declares closed, unknown keys
//! (`extra_forbidden`). The model-level rules (`model` xor `agent_id`, `include` xor `exclude`,
//! no connector twice, no empty inputs) follow.

use mistral_edge::model::shape::{HasShape, Shape, StructShape, UnionShape};
use mistral_edge::model::wire;
use serde_json::{json, Value};

use crate::error::{Loc, Violation};
use crate::loc;

/// Objects the API declares `additionalProperties: false`: unknown keys are `extra_forbidden`.
const CLOSED: &[&str] = &[
    "AppendConversationRequest",
    "FunctionTool",
    "BuiltInTool",
    "DocumentLibraryTool",
    "ConnectorTool",
    "ToolConfiguration",
    "CompletionArgs",
];

/// Walks `value` against `shape`, collecting violations at `loc`.
pub fn check_shape(value: &Value, shape: &'static Shape, loc: &[Loc], out: &mut Vec<Violation>) {
    let at = |extra: Option<Loc>| -> Vec<Loc> {
        let mut l = loc.to_vec();
        l.extend(extra);
        l
    };
    match shape {
        Shape::Any => {}
        Shape::String | Shape::DateTime if !value.is_string() => out.push(
            Violation::new(at(None), "string_type", "Input should be a valid string").input(value),
        ),
        Shape::Integer if !(value.is_i64() || value.is_u64()) => out.push(
            Violation::new(at(None), "int_type", "Input should be a valid integer").input(value),
        ),
        Shape::Number if !value.is_number() => out.push(
            Violation::new(at(None), "float_type", "Input should be a valid number").input(value),
        ),
        Shape::Bool if !value.is_boolean() => out.push(
            Violation::new(at(None), "bool_type", "Input should be a valid boolean").input(value),
        ),
        Shape::String | Shape::DateTime | Shape::Integer | Shape::Number | Shape::Bool => {}
        Shape::Nullable(inner) => {
            if !value.is_null() {
                check_shape(value, inner, loc, out);
            }
        }
        Shape::Array(inner) => match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    check_shape(item, inner, &at(Some(Loc::Index(i))), out);
                }
            }
            _ => out.push(
                Violation::new(at(None), "list_type", "Input should be a valid list").input(value),
            ),
        },
        Shape::Record(inner) => match value {
            Value::Object(map) => {
                for (k, v) in map {
                    check_shape(v, inner, &at(Some(Loc::Key(k.clone()))), out);
                }
            }
            _ => out.push(
                Violation::new(at(None), "dict_type", "Input should be a valid dictionary")
                    .input(value),
            ),
        },
        Shape::Struct(s) => check_struct(value, s, None, loc, out),
        Shape::Union(u) => check_union(value, u, loc, out),
        Shape::OneOf(shapes) => check_one_of(value, shapes, loc, out),
    }
}

/// A tagged union: the variant its tag names (a missing tag is the union's default).
fn check_union(value: &Value, u: &'static UnionShape, loc: &[Loc], out: &mut Vec<Violation>) {
    let at = |extra: Option<Loc>| -> Vec<Loc> {
        let mut l = loc.to_vec();
        l.extend(extra);
        l
    };
    let Value::Object(map) = value else {
        out.push(
            Violation::new(
                at(None),
                "model_attributes_type",
                "Input should be a valid dictionary or object to extract fields from",
            )
            .input(value),
        );
        return;
    };
    let tag = match map.get(u.tag) {
        Some(Value::String(tag)) => Some(tag.as_str()),
        None | Some(Value::Null) => u.default,
        Some(_) => None,
    };
    let Some(tag) = tag else {
        out.push(
            Violation::new(
                at(None),
                "union_tag_not_found",
                format!("Unable to extract tag using discriminator '{}'", u.tag),
            )
            .input(value)
            .ctx(json!({ "discriminator": format!("'{}'", u.tag) })),
        );
        return;
    };
    match u.variants.iter().find(|v| v.tag == tag) {
        Some(variant) => check_struct(
            value,
            variant.shape,
            Some(u.tag),
            &at(Some(tag.into())),
            out,
        ),
        None => {
            let expected = u
                .variants
                .iter()
                .map(|v| format!("'{}'", v.tag))
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                Violation::new(
                    at(None),
                    "union_tag_invalid",
                    format!(
                        "Input tag '{tag}' found using '{}' does not match any of the expected tags: {expected}",
                        u.tag
                    ),
                )
                .input(value)
                .ctx(json!({ "discriminator": format!("'{}'", u.tag), "tag": tag, "expected_tags": expected })),
            );
        }
    }
}

/// One of several shapes: the first whose JSON kind fits the value.
fn check_one_of(
    value: &Value,
    shapes: &'static [&'static Shape],
    loc: &[Loc],
    out: &mut Vec<Violation>,
) {
    let at = |extra: Option<Loc>| -> Vec<Loc> {
        let mut l = loc.to_vec();
        l.extend(extra);
        l
    };
    let fits = |s: &Shape| -> bool {
        let s = match s {
            Shape::Nullable(inner) => inner,
            other => other,
        };
        matches!(
            (s, value),
            (Shape::Any, _)
                | (Shape::String | Shape::DateTime, Value::String(_))
                | (Shape::Integer, Value::Number(_))
                | (Shape::Number, Value::Number(_))
                | (Shape::Bool, Value::Bool(_))
                | (Shape::Array(_), Value::Array(_))
                | (
                    Shape::Struct(_) | Shape::Union(_) | Shape::Record(_),
                    Value::Object(_)
                )
        )
    };
    match shapes.iter().find(|s| fits(s)) {
        Some(s) => check_shape(value, s, loc, out),
        None => {
            let expected: Vec<&str> = shapes.iter().map(|s| s.expected()).collect();
            out.push(
                Violation::new(
                    at(None),
                    "union_type",
                    format!("Input should be {}", expected.join(" or ")),
                )
                .input(value),
            );
        }
    }
}

fn check_struct(
    value: &Value,
    s: &'static StructShape,
    tag: Option<&str>,
    loc: &[Loc],
    out: &mut Vec<Violation>,
) {
    let Value::Object(map) = value else {
        out.push(
            Violation::new(
                loc.to_vec(),
                "model_type",
                format!(
                    "Input should be a valid dictionary or instance of {}",
                    s.name
                ),
            )
            .input(value),
        );
        return;
    };
    for field in s.fields {
        let mut l = loc.to_vec();
        l.push(Loc::Key(field.wire.to_owned()));
        match map.get(field.wire) {
            None => {
                if field.required {
                    out.push(Violation::missing(l, value));
                }
            }
            Some(v) => check_shape(v, field.shape, &l, out),
        }
    }
    if CLOSED.contains(&s.name) {
        for (k, v) in map {
            if Some(k.as_str()) != tag && !s.fields.iter().any(|f| f.wire == k) {
                let mut l = loc.to_vec();
                l.push(Loc::Key(k.clone()));
                out.push(Violation::extra_forbidden(l, v));
            }
        }
    }
}

/// The body of `POST /v1/conversations`.
pub fn start(body: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    check_shape(
        body,
        <wire::ConversationRequest as HasShape>::SHAPE,
        &[crate::error::Loc::from("body")],
        &mut out,
    );
    if !body.is_object() {
        return out;
    }
    let has = |k: &str| body.get(k).is_some_and(|v| !v.is_null());
    match (has("model"), has("agent_id")) {
        (true, true) => out.push(Violation::value_error(
            loc!["body"],
            "Only one of `model` or `agent_id` may be set, not both",
            body,
        )),
        (false, false) => out.push(Violation::value_error(
            loc!["body"],
            "One of `model` or `agent_id` must be set",
            body,
        )),
        _ => {}
    }
    common(body, &mut out);
    out
}

/// The body of `POST /v1/conversations/{id}`.
pub fn append(body: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    check_shape(
        body,
        <wire::AppendConversationRequest as HasShape>::SHAPE,
        &[crate::error::Loc::from("body")],
        &mut out,
    );
    if !body.is_object() {
        return out;
    }
    let has = |k: &str| body.get(k).is_some_and(|v| !v.is_null());
    if !has("inputs") && !has("tool_confirmations") {
        out.push(Violation::value_error(
            loc!["body"],
            "`inputs` or `tool_confirmations` must be provided",
            body,
        ));
    }
    if let Some(Value::Array(items)) = body.get("tool_confirmations") {
        for (i, item) in items.iter().enumerate() {
            if let Some(c) = item.get("confirmation") {
                if c != "allow" && c != "deny" {
                    out.push(literal(
                        loc!["body", "tool_confirmations", i, "confirmation"],
                        "'allow' or 'deny'",
                        c,
                    ));
                }
            }
        }
    }
    common(body, &mut out);
    out
}

/// The body of `POST /v1/conversations/{id}/restart`.
pub fn restart(body: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    check_shape(
        body,
        <wire::RestartConversationRequest as HasShape>::SHAPE,
        &[crate::error::Loc::from("body")],
        &mut out,
    );
    if body.is_object() {
        common(body, &mut out);
    }
    out
}

fn literal(loc: Vec<Loc>, expected: &str, input: &Value) -> Violation {
    Violation::new(loc, "literal_error", format!("Input should be {expected}"))
        .input(input)
        .ctx(json!({ "expected": expected }))
}

/// Rules shared by start, append and restart.
fn common(body: &Value, out: &mut Vec<Violation>) {
    match body.get("inputs") {
        Some(Value::String(s)) if s.trim().is_empty() => out.push(
            Violation::new(
                loc!["body", "inputs", "str"],
                "string_too_short",
                "String should have at least 1 character",
            )
            .input(&Value::String(s.clone()))
            .ctx(json!({ "min_length": 1 })),
        ),
        Some(Value::Array(items)) if items.is_empty() => out.push(
            Violation::new(
                loc!["body", "inputs", "list[InputEntries]"],
                "too_short",
                "List should have at least 1 item after validation, not 0",
            )
            .input(&json!([]))
            .ctx(json!({ "field_type": "List", "min_length": 1, "actual_length": 0 })),
        ),
        _ => {}
    }
    if let Some(h) = body.get("handoff_execution") {
        if !h.is_null() && h != "client" && h != "server" {
            out.push(literal(
                loc!["body", "handoff_execution"],
                "'client' or 'server'",
                h,
            ));
        }
    }
    if let Some(Value::Array(tools)) = body.get("tools") {
        tools_rules(tools, out);
    }
}

/// `include` xor `exclude`, and no connector twice.
pub fn tools_rules(tools: &[Value], out: &mut Vec<Violation>) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, tool) in tools.iter().enumerate() {
        let kind = tool.get("type").and_then(Value::as_str).unwrap_or_default();
        if let Some(config) = tool.get("tool_configuration").filter(|c| c.is_object()) {
            let has = |k: &str| config.get(k).is_some_and(|v| !v.is_null());
            if has("include") && has("exclude") {
                out.push(Violation::value_error(
                    loc!["body", "tools", i, kind, "tool_configuration"],
                    "Cannot specify both `include` and `exclude` in a tool configuration",
                    config,
                ));
            }
        }
        if kind == "connector" {
            if let Some(id) = tool.get("connector_id").and_then(Value::as_str) {
                if seen.contains(&id) {
                    out.push(Violation::value_error(
                        loc!["body", "tools"],
                        &format!("Duplicate connector `{id}` in tools"),
                        &Value::Array(tools.to_vec()),
                    ));
                }
                seen.push(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(v: &[Violation]) -> Vec<(String, String)> {
        v.iter()
            .map(|v| {
                let loc = v
                    .loc
                    .iter()
                    .map(|l| match l {
                        Loc::Key(k) => k.clone(),
                        Loc::Index(i) => i.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(".");
                (v.kind.clone(), loc)
            })
            .collect()
    }

    #[test]
    fn tools_on_append_are_extra_forbidden() {
        let v = append(&json!({"inputs": "hi", "tools": [{"type": "web_search"}]}));
        assert_eq!(
            kinds(&v),
            vec![("extra_forbidden".into(), "body.tools".into())]
        );
    }

    #[test]
    fn unknown_keys_on_tools_and_tag_in_loc() {
        let v = start(&json!({"model": "m", "inputs": "hi",
            "tools": [{"type": "document_library", "library_ids": ["l"], "config": {}}]}));
        assert_eq!(
            kinds(&v),
            vec![(
                "extra_forbidden".into(),
                "body.tools.0.document_library.config".into()
            )]
        );
    }

    #[test]
    fn missing_and_wrong_kinds() {
        let v = start(&json!({"model": "m", "tools": [{"type": "connector"}], "stream": "yes"}));
        let k = kinds(&v);
        assert!(k.contains(&("missing".into(), "body.inputs".into())));
        assert!(k.contains(&(
            "missing".into(),
            "body.tools.0.connector.connector_id".into()
        )));
        assert!(k.contains(&("bool_type".into(), "body.stream".into())));
    }

    #[test]
    fn model_level_rules() {
        assert_eq!(
            kinds(&start(
                &json!({"model": "m", "agent_id": "a", "inputs": "x"})
            )),
            vec![("value_error".into(), "body".into())]
        );
        assert_eq!(
            kinds(&start(&json!({"inputs": "x"}))),
            vec![("value_error".into(), "body".into())]
        );
        let v = start(&json!({"model": "m", "inputs": [], "tools": [
            {"type": "connector", "connector_id": "c", "tool_configuration": {"include": ["a"], "exclude": ["b"]}},
            {"type": "connector", "connector_id": "c"}]}));
        assert_eq!(
            kinds(&v),
            vec![
                ("too_short".into(), "body.inputs.list[InputEntries]".into()),
                (
                    "value_error".into(),
                    "body.tools.0.connector.tool_configuration".into()
                ),
                ("value_error".into(), "body.tools".into()),
            ]
        );
    }

    #[test]
    fn unknown_tool_type_is_a_tag_error() {
        let v =
            start(&json!({"model": "m", "inputs": "x", "tools": [{"type": "document_retrieval"}]}));
        assert_eq!(
            kinds(&v),
            vec![("union_tag_invalid".into(), "body.tools.0".into())]
        );
    }
}
