//! Percent-encoding of path segments and query strings.

use std::fmt::Write as _;

use serde_json::value::RawValue;

use super::Param;

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
/// JSON parameter (such as `metadata`) are JSON-encoded.
pub(super) fn query(out: &mut String, param: &Param, value: &RawValue) -> Result<(), &'static str> {
    let value: serde_json::Value = serde_json::from_str(value.get()).map_err(|_| "valid JSON")?;
    let mut push = |text: &str| {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(param.wire);
        out.push('=');
        out.push_str(&path_segment(text));
    };
    match (&value, param.kind) {
        (serde_json::Value::Null, _) => {}
        (_, super::ParamKind::QueryJson) => push(&value.to_string()),
        (serde_json::Value::String(s), _) => push(s),
        (serde_json::Value::Number(_) | serde_json::Value::Bool(_), _) => push(&value.to_string()),
        (serde_json::Value::Array(items), _) => {
            for item in items {
                match item {
                    serde_json::Value::String(s) => push(s),
                    serde_json::Value::Number(_) | serde_json::Value::Bool(_) => {
                        push(&item.to_string())
                    }
                    _ => return Err("a list of strings or numbers"),
                }
            }
        }
        (serde_json::Value::Object(_), _) => return Err("a string, number or boolean"),
    }
    Ok(())
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
