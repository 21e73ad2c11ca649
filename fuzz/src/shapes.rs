//! A structure-aware generator of wire JSON (snake_case, compact) from the model's shape tables,
//! driven by the fuzzer's bytes: the documents Mistral could send, with unknown fields, unknown
//! union members, opaque values and every legal spelling of strings.

use mistral_edge::model::shape::{HasShape, Shape, StructShape};
use mistral_edge::model::wire;

use super::input::Input;

/// The top-level shapes the API sends or takes, as the fixtures of tests/model_roundtrip.rs.
pub fn top_level() -> &'static [(&'static str, &'static Shape)] {
    &[
        ("ConversationRequest", wire::ConversationRequest::SHAPE),
        (
            "AppendConversationRequest",
            wire::AppendConversationRequest::SHAPE,
        ),
        (
            "RestartConversationRequest",
            wire::RestartConversationRequest::SHAPE,
        ),
        ("ConversationResponse", wire::ConversationResponse::SHAPE),
        ("ConversationHistory", wire::ConversationHistory::SHAPE),
        ("ConversationMessages", wire::ConversationMessages::SHAPE),
        ("Conversation", wire::Conversation::SHAPE),
        ("ConversationEvent", wire::ConversationEvent::SHAPE),
        ("Tool", wire::Tool::SHAPE),
        ("Entry", wire::Entry::SHAPE),
        ("ContentChunk", wire::ContentChunk::SHAPE),
        ("CreateAgentRequest", wire::CreateAgentRequest::SHAPE),
        ("UpdateAgentRequest", wire::UpdateAgentRequest::SHAPE),
        ("Agent", wire::Agent::SHAPE),
        ("AgentListPage", wire::AgentListPage::SHAPE),
        (
            "CreateConnectorRequest",
            wire::CreateConnectorRequest::SHAPE,
        ),
        ("Connector", wire::Connector::SHAPE),
        ("McpTool", wire::McpTool::SHAPE),
        (
            "ConnectorCallToolRequest",
            wire::ConnectorCallToolRequest::SHAPE,
        ),
        (
            "CredentialsCreateOrUpdate",
            wire::CredentialsCreateOrUpdate::SHAPE,
        ),
        ("Library", wire::Library::SHAPE),
        ("Document", wire::Document::SHAPE),
        ("ListFilesResponse", wire::ListFilesResponse::SHAPE),
        ("SharingRequest", wire::SharingRequest::SHAPE),
    ]
}

/// Pieces of string bodies, already JSON-escaped: every legal spelling of a character.
const STRING_PIECES: &[&str] = &[
    "a",
    "hi",
    " ",
    "Bonjour",
    "\\\"",
    "\\\\",
    "\\/",
    "/",
    "\\n",
    "\\t",
    "\\r",
    "\\b",
    "\\f",
    "\\u0000",
    "\\u001f",
    "\\u00e9",
    "é",
    "中",
    "😀",
    "\\ud83d\\ude00",
    "\\ud83d",
    "\\u0041",
    "\u{7f}",
    "snake_case",
    "camelCase",
    "type",
    "}",
    "]",
    ",",
    ":",
    "{\\\"a\\\":1}",
];

/// Keys for records and opaque objects (any spelling is legal there).
const FREE_KEYS: &[&str] = &[
    "a",
    "b_c",
    "someKey",
    "x-custom",
    "",
    "é",
    "type",
    "value",
    "with space",
    "k\\\"q",
    "1",
];

/// A JSON string literal.
pub fn string(input: &mut Input<'_>, out: &mut String) {
    out.push('"');
    for _ in 0..input.below(5) {
        out.push_str(input.pick(STRING_PIECES));
    }
    out.push('"');
}

fn number(input: &mut Input<'_>, integer: bool, out: &mut String) {
    let ints = [
        "0",
        "1",
        "-1",
        "42",
        "1700000000",
        "-9223372036854775808",
        "18446744073709551615",
    ];
    let floats = [
        "0.5",
        "-1.25",
        "1e3",
        "2E-7",
        "-0.0",
        "1.5e+300",
        "3.141592653589793",
    ];
    if integer || input.one_in(2) {
        out.push_str(input.pick(&ints));
    } else {
        out.push_str(input.pick(&floats));
    }
}

/// Any JSON value (for opaque fields), up to a small depth.
pub fn any(input: &mut Input<'_>, depth: usize, out: &mut String) {
    let choice = if depth > 3 {
        input.below(5)
    } else {
        input.below(7)
    };
    match choice {
        0 => out.push_str("null"),
        1 => out.push_str(input.pick(&["true", "false"])),
        2 => number(input, false, out),
        3 | 4 => string(input, out),
        5 => {
            out.push('[');
            for i in 0..input.below(4) {
                if i > 0 {
                    out.push(',');
                }
                any(input, depth + 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..input.below(4) {
                if i > 0 {
                    out.push(',');
                }
                out.push('"');
                out.push_str(input.pick(FREE_KEYS));
                out.push_str("\":");
                any(input, depth + 1, out);
            }
            out.push('}');
        }
    }
}

/// A wire value of `shape`.
pub fn value(input: &mut Input<'_>, shape: &'static Shape, depth: usize, out: &mut String) {
    let deep = depth > 5;
    match shape {
        Shape::String => string(input, out),
        // A date-time is a string on the wire: an RFC 3339 one, or any (kept as it is).
        Shape::DateTime if input.one_in(2) => out.push_str(input.pick(&[
            "\"2025-01-01T00:00:00Z\"",
            "\"2026-12-07T20:09:13.542+01:00\"",
            "\"1970-01-01T00:00:00.000-00:30\"",
        ])),
        Shape::DateTime => string(input, out),
        Shape::Number => number(input, false, out),
        Shape::Integer => number(input, true, out),
        Shape::Bool => out.push_str(input.pick(&["true", "false"])),
        Shape::Any => any(input, if deep { 4 } else { 0 }, out),
        Shape::Nullable(inner) => {
            if deep || input.one_in(4) {
                out.push_str("null");
            } else {
                value(input, inner, depth + 1, out);
            }
        }
        Shape::Array(inner) => {
            out.push('[');
            let n = if deep { 0 } else { input.below(4) };
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                value(input, inner, depth + 1, out);
            }
            out.push(']');
        }
        Shape::Record(inner) => {
            out.push('{');
            let n = if deep { 0 } else { input.below(3) };
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                out.push('"');
                out.push_str(input.pick(FREE_KEYS));
                out.push_str("\":");
                value(input, inner, depth + 1, out);
            }
            out.push('}');
        }
        Shape::Struct(s) => {
            out.push('{');
            let mut first = true;
            fields(input, s, depth, &mut first, out);
            out.push('}');
        }
        Shape::Union(u) => {
            out.push('{');
            let mut first = true;
            // An unknown member passes through verbatim: its tag, and snake_case fields.
            if u.variants.is_empty() || input.one_in(8) {
                out.push_str(&format!("\"{}\":\"future_member\",\"some_field\":", u.tag));
                any(input, 2, out);
            } else {
                let variant = &u.variants[input.below(u.variants.len())];
                let tagless = u.default == Some(variant.tag) && input.one_in(3);
                if !tagless {
                    out.push_str(&format!("\"{}\":\"{}\"", u.tag, variant.tag));
                    first = false;
                }
                let tag = u.tag;
                fields_except(input, variant.shape, depth, &mut first, Some(tag), out);
            }
            out.push('}');
        }
        Shape::OneOf(branches) => {
            let branch = branches[input.below(branches.len())];
            value(input, branch, depth + 1, out);
        }
    }
}

fn fields(
    input: &mut Input<'_>,
    s: &'static StructShape,
    depth: usize,
    first: &mut bool,
    out: &mut String,
) {
    fields_except(input, s, depth, first, None, out)
}

fn fields_except(
    input: &mut Input<'_>,
    s: &'static StructShape,
    depth: usize,
    first: &mut bool,
    skip: Option<&str>,
    out: &mut String,
) {
    for field in s.fields {
        if Some(field.wire) == skip {
            continue;
        }
        let present = field.required || (depth <= 5 && input.one_in(2));
        if !present {
            continue;
        }
        if !std::mem::take(first) {
            out.push(',');
        }
        out.push('"');
        out.push_str(field.wire);
        out.push_str("\":");
        value(input, field.shape, depth + 1, out);
    }
    // A field newer than this model: snake_case, copied verbatim both ways.
    if input.one_in(6) {
        if !std::mem::take(first) {
            out.push(',');
        }
        out.push_str("\"future_field\":");
        any(input, 2, out);
    }
}
