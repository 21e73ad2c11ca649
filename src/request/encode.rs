//! Percent-encoding of path segments and query strings.

use std::borrow::Cow;

use super::{Param, ParamKind};
use crate::json::{Kind, Value};

/// The text of a string, number or boolean argument.
pub(super) fn scalar(value: Value<'_>) -> Option<String> {
    value.as_text().map(Cow::into_owned)
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so an id can never
/// change the path (`a/b` → `a%2Fb`, `..` → `%2E%2E`).
pub(super) fn path_segment(text: &str) -> String {
    let dots_only = text.bytes().all(|b| b == b'.');
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~') || (b == b'.' && !dots_only)
        {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Appends `name=value` pairs for a query parameter: arrays repeat the key, objects given to a
/// JSON parameter (such as `metadata`) are JSON-encoded, and an exploded object parameter
/// (`queryFilters`) adds one pair per property, its name snake_cased.
#[cfg_attr(feature = "conversations-only", allow(dead_code))] // no conversation call has query parameters
pub(super) fn query(out: &mut String, param: &Param, value: Value<'_>) -> Result<(), &'static str> {
    match (value.kind(), param.kind) {
        (Kind::Null, _) => Ok(()),
        (Kind::Object, ParamKind::QueryObject) => {
            for (key, item) in value.to_map().unwrap_or_default().iter() {
                pairs(out, &snake_case(key), *item)?;
            }
            Ok(())
        }
        (_, ParamKind::QueryObject) => Err("an object"),
        (_, ParamKind::QueryJson) => {
            push(out, param.wire, &value.to_compact());
            Ok(())
        }
        _ => pairs(out, param.wire, value),
    }
}

/// Appends `key=value` for a scalar, or one pair per item of an array.
#[cfg_attr(feature = "conversations-only", allow(dead_code))] // no conversation call has query parameters
fn pairs(out: &mut String, key: &str, value: Value<'_>) -> Result<(), &'static str> {
    if let Some(text) = value.as_text() {
        push(out, key, &text);
        return Ok(());
    }
    match value.kind() {
        Kind::Array => {
            for item in value.items() {
                let text = item.as_text().ok_or("a list of strings or numbers")?;
                push(out, key, &text);
            }
            Ok(())
        }
        Kind::Object => Err("a string, number or boolean"),
        _ => Ok(()),
    }
}

#[cfg_attr(feature = "conversations-only", allow(dead_code))] // no conversation call has query parameters
fn push(out: &mut String, key: &str, text: &str) {
    out.push(if out.is_empty() { '?' } else { '&' });
    out.push_str(&path_segment(key));
    out.push('=');
    out.push_str(&path_segment(text));
}

/// `fetchUserData` → `fetch_user_data`; snake_case stays as it is.
#[cfg_attr(feature = "conversations-only", allow(dead_code))] // no conversation call has query parameters
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Fills `{name}` placeholders from `name=value\n` pairs and appends the query. Byte searches:
/// `split_once` and `lines` would bring the generic string searcher into the wasm.
pub(super) fn fill_path(template: &str, values: &str, query: &str) -> String {
    let mut out = String::with_capacity(template.len() + values.len() + query.len());
    let mut rest = template;
    while let Some(open) = find(rest, b'{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = find(after, b'}') else {
            out.push('{');
            rest = after;
            break;
        };
        out.push_str(value_of(values, after.get(..close).unwrap_or_default()));
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out.push_str(query);
    out
}

fn find(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|b| b == byte)
}

/// The value of `name` in `name=value\n` pairs, or `""`.
fn value_of<'a>(values: &'a str, name: &str) -> &'a str {
    let mut rest = values;
    while !rest.is_empty() {
        let end = find(rest, b'\n').unwrap_or(rest.len());
        let line = rest.get(..end).unwrap_or_default();
        if let Some(value) = line.strip_prefix(name).and_then(|v| v.strip_prefix('=')) {
            return value;
        }
        rest = rest.get(end + 1..).unwrap_or_default();
    }
    ""
}

/// Re-assembles flat arguments into one JSON object.
pub(super) fn object<'a: 'b, 'b>(
    members: impl Iterator<Item = &'b (Cow<'a, str>, Value<'a>)>,
) -> Vec<u8> {
    let mut out = String::from("{");
    for (i, (key, value)) in members.enumerate() {
        if i > 0 {
            out.push(',');
        }
        crate::json::text::write_quoted(&mut out, key);
        out.push(':');
        out.push_str(value.raw());
    }
    out.push('}');
    out.into_bytes()
}
