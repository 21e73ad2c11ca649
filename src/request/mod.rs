//! Building HTTP requests from operation arguments, in the official SDK's call shapes.
//!
//! Every operation accepts the official SDK's wrapped form (`{ conversationId,
//! conversationAppendRequest: {...} }`) and a flat form (`{ conversationId, inputs }`). Path
//! and query parameters are picked out by name, the body is transcoded to the wire spelling
//! with strict checks, the method-owned `stream` flag is forced, and the body is validated
//! against the API's rules before anything is sent.

mod encode;
pub mod ops;
mod retry_after;
mod validate;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::error::Error;
use crate::json::to_wire;
pub use ops::{Operation, Param, ParamKind, ResponseKind};
pub use retry_after::retry_after_ms;

/// HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PATCH
    Patch,
    /// PUT
    Put,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A request ready for `fetch`: everything but the base URL and the credentials.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    /// The HTTP method.
    pub method: Method,
    /// Path and query, percent-encoded (`/v1/conversations/conv%2F1?page=0`).
    pub path_and_query: String,
    /// The JSON body, in the wire spelling.
    pub body: Option<Vec<u8>>,
    /// Whether the response is an event stream.
    pub stream: bool,
}

impl HttpRequest {
    /// The `Accept` header for this request.
    pub fn accept(&self) -> &'static str {
        if self.stream {
            "text/event-stream"
        } else {
            "application/json"
        }
    }
}

/// Builds the request for `op` from the caller's arguments (JSON text, JavaScript spelling).
///
/// # Errors
///
/// [`Error::InvalidRequest`] naming the field and the rule when the arguments do not fit.
pub fn build(op: &Operation, args: &[u8]) -> Result<HttpRequest, Error> {
    let invalid = |message: String| Error::InvalidRequest { message };
    let args: BTreeMap<Cow<'_, str>, &RawValue> = if args.iter().all(u8::is_ascii_whitespace) {
        BTreeMap::new()
    } else {
        serde_json::from_slice(args)
            .map_err(|_| invalid(format!("`{}` takes an object of arguments", op.name)))?
    };

    let mut path = String::with_capacity(op.path.len() + 32);
    let mut query = String::new();
    for param in op.params {
        let value = args.get(param.js).or_else(|| args.get(param.wire)).copied();
        match param.kind {
            ParamKind::Path => {
                let value = value
                    .ok_or_else(|| invalid(format!("missing required field `{}`", param.js)))?;
                let text = encode::scalar(value)
                    .ok_or_else(|| invalid(format!("`{}` must be a string", param.js)))?;
                if text.is_empty() {
                    return Err(invalid(format!("`{}` must not be empty", param.js)));
                }
                path.push_str(param.wire);
                path.push('=');
                path.push_str(&encode::path_segment(&text));
                path.push('\n');
            }
            ParamKind::Query | ParamKind::QueryJson => {
                if let Some(value) = value {
                    validate::query_param(op, param, value)?;
                    encode::query(&mut query, param, value).map_err(|expected| {
                        invalid(format!("`{}` must be {expected}", param.js))
                    })?;
                }
            }
        }
    }
    let path_and_query = encode::fill_path(op.path, &path, &query);

    let body = match &op.body {
        None => None,
        Some(body) => {
            let wrapped = args.get(body.key).copied();
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
            let text: Cow<'_, [u8]> = match wrapped {
                Some(raw) if flat.is_empty() => Cow::Borrowed(raw.get().as_bytes()),
                Some(_) => {
                    return Err(invalid(format!(
                        "pass the body either under `{}` or as flat fields, not both (found `{}`)",
                        body.key, flat[0].0
                    )))
                }
                None => Cow::Owned(encode::object(flat.into_iter())),
            };
            let replace: &[(&str, &str)] = match op.stream {
                Some(true) => &[("stream", "true")],
                Some(false) => &[("stream", "false")],
                None => &[],
            };
            let mut wire = Vec::with_capacity(text.len() + 16);
            to_wire(&text, body.shape, replace, &mut wire).map_err(|e| invalid(e.to_string()))?;
            validate::body(op, &wire)?;
            Some(wire)
        }
    };
    Ok(HttpRequest {
        method: op.method,
        path_and_query,
        body,
        stream: op.stream == Some(true),
    })
}
