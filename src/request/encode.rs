//! Percent-encoding of path segments and query strings.

use std::fmt::Write as _;

use serde_json::value::RawValue;

use super::{Param, ParamKind};

/// The text of a string or number argument.
pub(super) fn scalar(value: &RawValue) -> Option<String> {
    match serde_json::from_str::<serde_json::Value>(value.get()).ok()? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
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
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Appends `name=value` pairs for a query parameter: arrays repeat the key, objects given to a
/// JSON parameter (such as `metadata`) are JSON-encoded, and an exploded object parameter
/// (`queryFilters`) adds one pair per property, its name snake_cased.
pub(super) fn query(out: &mut String, param: &Param, value: &RawValue) -> Result<(), &'static str> {
    let value: serde_json::Value = serde_json::from_str(value.get()).map_err(|_| "valid JSON")?;
    match (&value, param.kind) {
        (serde_json::Value::Null, _) => Ok(()),
        (serde_json::Value::Object(members), ParamKind::QueryObject) => {
            for (key, item) in members {
                pairs(out, &snake_case(key), item)?;
            }
            Ok(())
        }
        (_, ParamKind::QueryObject) => Err("an object"),
        (_, ParamKind::QueryJson) => {
            push(out, param.wire, &value.to_string());
            Ok(())
        }
        _ => pairs(out, param.wire, &value),
    }
}

/// Appends `key=value` for a scalar, or one pair per item of an array.
fn pairs(out: &mut String, key: &str, value: &serde_json::Value) -> Result<(), &'static str> {
    match value {
        serde_json::Value::Null => {}
        serde_json::Value::String(s) => push(out, key, s),
        serde_json::Value::Number(_) | serde_json::Value::Bool(_) => {
            push(out, key, &value.to_string())
        }
        serde_json::Value::Array(items) => {
            for item in items {
                match item {
                    serde_json::Value::String(s) => push(out, key, s),
                    serde_json::Value::Number(_) | serde_json::Value::Bool(_) => {
                        push(out, key, &item.to_string())
                    }
                    _ => return Err("a list of strings or numbers"),
                }
            }
        }
        serde_json::Value::Object(_) => return Err("a string, number or boolean"),
    }
    Ok(())
}

fn push(out: &mut String, key: &str, text: &str) {
    out.push(if out.is_empty() { '?' } else { '&' });
    out.push_str(&path_segment(key));
    out.push('=');
    out.push_str(&path_segment(text));
}

/// `fetchUserData` → `fetch_user_data`; snake_case stays as it is.
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

/// Fills `{name}` placeholders from `name=value\n` pairs and appends the query.
pub(super) fn fill_path(template: &str, values: &str, query: &str) -> String {
    let mut out = String::with_capacity(template.len() + values.len() + query.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        let value = values
            .lines()
            .find_map(|line| line.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
            .unwrap_or_default();
        out.push_str(value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out.push_str(query);
    out
}

/// Re-assembles flat arguments into one JSON object.
pub(super) fn object<'a, K: AsRef<str> + 'a>(
    members: impl Iterator<Item = (&'a K, &'a &'a RawValue)>,
) -> Vec<u8> {
    let mut out = Vec::from(&b"{"[..]);
    for (i, (key, value)) in members.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(
            serde_json::Value::String(key.as_ref().to_owned())
                .to_string()
                .as_bytes(),
        );
        out.push(b':');
        out.extend_from_slice(value.get().as_bytes());
    }
    out.push(b'}');
    out
}
