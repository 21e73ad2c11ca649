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
    let wrapped = args.get(body.key);
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
        BodyKind::Multipart { file } => multipart(op, body.key, file, wrapped, &flat),
        // No conversation call uploads a file.
        #[cfg(feature = "conversations-only")]
        BodyKind::Multipart { .. } => Err(invalid("uploads are not part of this build".into())),
    }
}

/// Finds the file of a multipart upload: `{ requestBody: { file } }` or `{ file }`.
#[cfg_attr(feature = "conversations-only", allow(dead_code))] // no conversation call uploads a file
fn multipart(
    op: &Operation,
    key: &'static str,
    file: &'static str,
    wrapped: Option<Value<'_>>,
    flat: &[&(Cow<'_, str>, Value<'_>)],
) -> Result<Built, Error> {
    let present = |value: Option<Value<'_>>| value.is_some_and(|v| !v.is_null());
    match wrapped {
        Some(raw) => {
            if raw.kind() != crate::json::Kind::Object {
                return Err(invalid(format!("`{key}` must be an object with `{file}`")));
            }
            if !present(raw.get(file)) {
                return Err(invalid(format!(
                    "`{key}` is missing the required field `{file}`"
                )));
            }
            Ok(Built::Multipart(MultipartFile {
                wrapper: Some(key),
                field: file,
            }))
        }
        None => {
            if let Some((other, _)) = flat.iter().find(|(k, _)| k.as_ref() != file) {
                return Err(invalid(format!(
                    "`{other}` is not an argument of `{}`: it takes `{file}`",
                    op.name
                )));
            }
            let value = flat
                .iter()
                .find(|(k, _)| k.as_ref() == file)
                .map(|(_, v)| *v);
            if !present(value) {
                return Err(invalid(format!("missing required field `{file}`")));
            }
            Ok(Built::Multipart(MultipartFile {
                wrapper: None,
                field: file,
            }))
        }
    }
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
