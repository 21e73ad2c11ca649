//! An operation's body: the official SDK's wrapped form (`{ agentId, updateAgentRequest: {...} }`)
//! or flat fields (`{ agentId, name }`), transcoded to the wire spelling and checked, or the file
//! of a multipart upload.

use std::borrow::Cow;

use super::ops::{Body, BodyKind, Operation};
use super::{encode, validate, MultipartFile};
use crate::error::Error;
use crate::json::text::write_quoted;
use crate::json::value::Map;
use crate::json::{to_wire, Value};
use crate::model::shape::Shape;

/// The caller's arguments, by key (sorted; the last of a repeated key wins).
pub(super) type Args<'a> = Map<'a>;

/// A built body.
pub(super) enum Built {
    /// JSON, in the wire spelling.
    Json(Vec<u8>),
    /// A file for a multipart form, which the bindings take from the caller's arguments.
    #[cfg_attr(feature = "conversations-only", allow(dead_code))]
    Multipart(MultipartFile),
}

fn invalid(message: String) -> Error {
    Error::InvalidRequest { message }
}

/// Builds `op`'s body from the arguments that are not path or query parameters.
pub(super) fn build(op: &Operation, body: &Body, args: &Args<'_>) -> Result<Built, Error> {
    // An empty key: the official SDK takes this body's members flat only (`files.upload`).
    let wrapped = if body.key.is_empty() {
        None
    } else {
        args.get(body.key)
    };
    let flat: Vec<_> = args
        .iter()
        .filter(|(k, _)| {
            *k != body.key
                && !op
                    .params
                    .iter()
                    .any(|p| p.js == k.as_ref() || p.wire == k.as_ref())
        })
        .collect();
    if let (Some(_), Some((key, _))) = (wrapped, flat.first()) {
        return Err(invalid(format!(
            "pass the body either under `{}` or as flat fields, not both (found `{key}`)",
            body.key
        )));
    }
    match body.kind {
        BodyKind::Json(shape) => {
            let text: Cow<'_, [u8]> = match wrapped {
                Some(raw) => Cow::Borrowed(raw.raw().as_bytes()),
                None => Cow::Owned(encode::object(flat.into_iter())),
            };
            let replace: &[(&str, &str)] = match op.stream {
                Some(true) => &[("stream", "true")],
                Some(false) => &[("stream", "false")],
                None => &[],
            };
            let mut wire = Vec::with_capacity(text.len() + 16);
            to_wire(&text, shape, replace, &mut wire).map_err(|e| invalid(e.to_string()))?;
            add_defaults(&mut wire, body.defaults)?;
            validate::body(op, &wire)?;
            Ok(Built::Json(wire))
        }
        #[cfg(not(feature = "conversations-only"))]
        BodyKind::Multipart { file, fields } => multipart(op, body, file, fields, wrapped, &flat),
        // No conversation call uploads a file.
        #[cfg(feature = "conversations-only")]
        BodyKind::Multipart { .. } => Err(invalid("uploads are not part of this build".into())),
    }
}

/// Finds the file of a multipart upload (`{ requestBody: { file } }` or `{ file }`) and makes
/// its text parts from the other arguments, in the order of `fields`, then the defaults the
/// caller left out. A `null` argument is no part, as in the official SDK.
#[cfg_attr(feature = "conversations-only", allow(dead_code))] // no conversation call uploads a file
fn multipart(
    op: &Operation,
    body: &Body,
    file: &'static str,
    fields: &'static [(&'static str, &'static str, &'static Shape)],
    wrapped: Option<Value<'_>>,
    flat: &[&(Cow<'_, str>, Value<'_>)],
) -> Result<Built, Error> {
    let key = body.key;
    let members: Vec<(Cow<'_, str>, Value<'_>)> = match wrapped {
        Some(raw) if raw.kind() != crate::json::Kind::Object => {
            return Err(invalid(format!("`{key}` must be an object with `{file}`")));
        }
        Some(raw) => raw.members().collect(),
        None => flat.iter().map(|m| (*m).clone()).collect(),
    };
    // The last of a repeated key, and `null` is no value.
    let value_of = |name: &str| {
        members
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| *v)
            .filter(|v| !v.is_null())
    };
    if value_of(file).is_none() {
        return Err(invalid(match wrapped {
            Some(_) => format!("`{key}` is missing the required field `{file}`"),
            None => format!("missing required field `{file}`"),
        }));
    }
    let known = |k: &str| k == file || fields.iter().any(|(js, wire, _)| k == *js || k == *wire);
    if let Some((other, _)) = members.iter().find(|(k, _)| !known(k)) {
        let mut takes = String::from(file);
        for (js, _, _) in fields {
            takes.push_str("`, `");
            takes.push_str(js);
        }
        return Err(invalid(format!(
            "`{other}` is not an argument of `{}`: it takes `{takes}`",
            op.name
        )));
    }
    let mut parts = Vec::new();
    for (js, wire, shape) in fields {
        let Some(value) = value_of(js).or_else(|| value_of(wire)) else {
            continue;
        };
        let integer = matches!(shape, Shape::Integer);
        // An integer as written (digits): formatting an i64 would bring core's integer printing
        // into the wasm. Past 2^53 - 1 a JavaScript number is not the integer it reads as.
        let text = if integer {
            let safe = |n: &i64| n.unsigned_abs() < 1 << 53;
            value
                .as_i64()
                .filter(safe)
                .map(|_| Cow::Borrowed(value.raw()))
        } else {
            value.as_str()
        };
        let text = text.ok_or_else(|| {
            let kind = if integer { "an integer" } else { "a string" };
            invalid(format!("`{js}` must be {kind}"))
        })?;
        parts.push((*wire, text.into_owned()));
    }
    // Defaults are JSON strings (`"\"workspace\""`): their text without the quotes.
    for (wire, raw) in body.defaults {
        if !parts.iter().any(|(name, _)| name == wire) {
            let text = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
            parts.push((*wire, text.to_owned()));
        }
    }
    Ok(Built::Multipart(MultipartFile {
        wrapper: wrapped.map(|_| key),
        field: file,
        parts,
    }))
}

/// Appends each default member the body does not have (`"protocol":"mcp"`).
fn add_defaults(wire: &mut Vec<u8>, defaults: &[(&str, &str)]) -> Result<(), Error> {
    if defaults.is_empty() {
        return Ok(());
    }
    let body = Value::parse(wire).map_err(|e| invalid(e.to_string()))?;
    if body.kind() != crate::json::Kind::Object {
        return Err(invalid("the body must be an object".into()));
    }
    let missing: Vec<(&str, &str)> = defaults
        .iter()
        .filter(|(k, _)| body.get(k).is_none())
        .copied()
        .collect();
    let mut empty = body.members().next().is_none();
    for (key, raw) in missing {
        let Some(close) = wire.iter().rposition(|&b| b == b'}') else {
            return Err(invalid("the body must be an object".into()));
        };
        let mut member = if empty { String::new() } else { ",".into() };
        write_quoted(&mut member, key);
        member.push(':');
        member.push_str(raw);
        wire.splice(close..close, member.into_bytes());
        empty = false;
    }
    Ok(())
}
