//! Building HTTP requests from operation arguments, in the official SDK's call shapes.
//!
//! Every operation accepts the official SDK's wrapped form (`{ conversationId,
//! conversationAppendRequest: {...} }`) and a flat form (`{ conversationId, inputs }`). Path
//! and query parameters are picked out by name, the body is transcoded to the wire spelling
//! with strict checks, the method-owned `stream` flag is forced, and the body is validated
//! against the API's rules before anything is sent. A multipart upload's file cannot travel as
//! JSON: the request says where it sits in the caller's arguments ([`MultipartFile`]).

mod body;
mod connector_rules;
mod encode;
pub mod ops;
mod retry;
pub mod secrets;
mod retry_after;
mod validate;

use std::collections::BTreeMap;

use crate::error::Error;
pub use ops::{Body, BodyKind, Operation, Param, ParamKind, ResponseKind};
pub use retry::RetryPolicy;
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
    /// A `multipart/form-data` body to assemble from the caller's arguments (`body` is then `None`).
    pub multipart: Option<MultipartFile>,
    /// Whether the response is an event stream.
    pub stream: bool,
    /// Whether the response is raw bytes (a file download).
    pub binary: bool,
}

/// Where the file of a multipart upload sits in the caller's arguments. The bindings build a
/// `FormData` with one part, `field`, holding that value: a `Blob`/`File`, or the official SDK's
/// `{ fileName, content }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MultipartFile {
    /// The key the file is wrapped under (`requestBody`), or `None` when passed flat.
    pub wrapper: Option<&'static str>,
    /// The argument holding the file, which is also the form field's name (`file`).
    pub field: &'static str,
}

impl HttpRequest {
    /// The `Accept` header for this request.
    pub fn accept(&self) -> &'static str {
        if self.stream {
            "text/event-stream"
        } else if self.binary {
            "application/octet-stream"
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
    let args: body::Args<'_> = if args.iter().all(u8::is_ascii_whitespace) {
        BTreeMap::new()
    } else {
        serde_json::from_slice(args)
            .map_err(|_| invalid(format!("`{}` takes an object of arguments", op.name)))?
    };

    let mut path = String::with_capacity(op.path.len() + 32);
    let mut query = String::new();
    for param in op.params {
        let value = args.get(param.js).or_else(|| args.get(param.wire)).copied();
        let value = value.filter(|v| v.get().trim() != "null");
        if value.is_none() && param.required {
            return Err(invalid(format!("missing required field `{}`", param.js)));
        }
        let Some(value) = value else { continue };
        match param.kind {
            ParamKind::Path => {
                let text = encode::scalar(value)
                    .ok_or_else(|| invalid(format!("`{}` must be a string", param.js)))?;
                if text.is_empty() {
                    return Err(invalid(format!("`{}` must not be empty", param.js)));
                }
                validate::path_param(op, param, &text)?;
                path.push_str(param.wire);
                path.push('=');
                path.push_str(&encode::path_segment(&text));
                path.push('\n');
            }
            ParamKind::Query | ParamKind::QueryJson | ParamKind::QueryObject => {
                validate::query_param(op, param, value)?;
                encode::query(&mut query, param, value)
                    .map_err(|expected| invalid(format!("`{}` must be {expected}", param.js)))?;
            }
        }
    }
    let path_and_query = encode::fill_path(op.path, &path, &query);

    let (body, multipart) = match &op.body {
        None => (None, None),
        Some(spec) => match body::build(op, spec, &args)? {
            body::Built::Json(wire) => (Some(wire), None),
            body::Built::Multipart(file) => (None, Some(file)),
        },
    };
    Ok(HttpRequest {
        method: op.method,
        path_and_query,
        body,
        multipart,
        stream: op.stream == Some(true),
        binary: matches!(op.response, ResponseKind::Bytes),
    })
}
