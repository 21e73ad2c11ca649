//! Building HTTP requests from operation arguments, in the official SDK's call shapes.
//!
//! Every operation accepts the official SDK's wrapped form (`{ conversationId,
//! conversationAppendRequest: {...} }`) and a flat form (`{ conversationId, inputs }`). Path
//! and query parameters are picked out by name, the body is transcoded to the wire spelling
//! with strict checks, the method-owned `stream` flag is forced, and the body is validated
//! against the API's rules before anything is sent. A multipart upload's file cannot travel as
//! JSON: the request says where it sits in the caller's arguments ([`MultipartFile`]).

mod body;
#[cfg(not(feature = "conversations-only"))]
mod connector_rules;
mod encode;
pub mod ops;
mod retry;
mod retry_after;
pub mod seam;
pub mod secrets;
pub mod settings;
pub mod surface;
pub(crate) mod validate;

use crate::error::Error;
use crate::json::{TranscodeErrorKind, Value};
pub use ops::{Body, BodyKind, Operation, Param, ParamKind, ResponseKind};
pub use retry::{status_is_retryable, Failure, RetryPolicy};
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

/// Where the file of a multipart upload sits in the caller's arguments, and the form's text
/// parts. The bindings build a `FormData` with the file part, `field`, holding that value (a
/// `Blob`/`File`, or the official SDK's `{ fileName, content }`), then `parts` in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultipartFile {
    /// The key the file is wrapped under (`requestBody`), or `None` when passed flat.
    pub wrapper: Option<&'static str>,
    /// The argument holding the file, which is also the form field's name (`file`).
    pub field: &'static str,
    /// The text parts, as (name, value): `[("purpose", "ocr"), ("visibility", "workspace")]`.
    pub parts: Vec<(&'static str, String)>,
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
        body::Args::default()
    } else {
        match Value::parse(args) {
            Err(e) if matches!(e.kind, TranscodeErrorKind::TooDeep) => {
                return Err(invalid(e.to_string()))
            }
            parsed => parsed
                .ok()
                .and_then(Value::to_map)
                .ok_or_else(|| invalid(format!("`{}` takes an object of arguments", op.name)))?,
        }
    };

    let mut path = String::with_capacity(op.path.len() + 32);
    #[cfg_attr(feature = "conversations-only", allow(unused_mut))]
    let mut query = String::new();
    for param in op.params {
        let value = args.get(param.js).or_else(|| args.get(param.wire));
        let value = value.filter(|v| !v.is_null());
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
            #[cfg(not(feature = "conversations-only"))]
            ParamKind::Query | ParamKind::QueryJson | ParamKind::QueryObject => {
                validate::query_param(op, param, value)?;
                encode::query(&mut query, param, value)
                    .map_err(|expected| invalid(format!("`{}` must be {expected}", param.js)))?;
            }
            // No conversation call takes a query parameter.
            #[cfg(feature = "conversations-only")]
            ParamKind::Query | ParamKind::QueryJson | ParamKind::QueryObject => {
                return Err(invalid(
                    "query parameters are not part of this build".into(),
                ));
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

#[cfg(test)]
mod tests {
    use super::ops::{agents, connectors, conversations};
    use super::*;

    fn message(op: &Operation, args: &str) -> String {
        match build(op, args.as_bytes()) {
            Err(Error::InvalidRequest { message }) => message,
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }

    #[test]
    fn reads_arguments_as_serde_json_did() {
        // Whitespace anywhere, escaped keys, the last of a repeated key, and a JSON query
        // parameter compacted (its members in the caller's order).
        let request = build(
            &agents::LIST,
            b" {\n \"page\" : 0 , \"page\\u0053ize\" : 1,\t\"pageSize\": 20 ,\r\n \"metadata\": { \"team_name\" : \"gr owth\", \"n\" : [1, 2] } }\n",
        )
        .unwrap();
        assert_eq!(
            request.path_and_query,
            "/v1/agents?page=0&page_size=20&metadata=%7B%22team_name%22%3A%22gr%20owth%22%2C%22n%22%3A%5B1%2C2%5D%7D"
        );
        // Flat bodies are assembled in key order, as from a sorted map.
        let request = build(
            &conversations::START,
            br#"{"model":"m","inputs":"hi","instructions":"be \"brief\""}"#,
        )
        .unwrap();
        assert_eq!(
            request.body.as_deref(),
            Some(
                &br#"{"inputs":"hi","instructions":"be \"brief\"","model":"m","stream":false}"#[..]
            )
        );
        // Scalars in paths: strings unescaped, numbers and booleans as written.
        let request = build(
            &agents::GET,
            br#"{"agentId":"a\/b\u00e9","agentVersion":12}"#,
        )
        .unwrap();
        assert_eq!(
            request.path_and_query,
            "/v1/agents/a%2Fb%C3%A9?agent_version=12"
        );
        // Exploded objects in key order, names snake_cased.
        let request = build(
            &connectors::LIST,
            br#"{"queryFilters":{"fetchUserData":true,"active":false}}"#,
        )
        .unwrap();
        assert_eq!(
            request.path_and_query,
            "/v1/connectors?active=false&fetch_user_data=true"
        );
    }

    #[test]
    fn rejects_arguments_that_are_not_an_object() {
        for args in [
            "[]",
            "\"x\"",
            "1",
            "null",
            "{",
            "{\"a\":}",
            "{} {}",
            "{\"a\":\"\\x\"}",
        ] {
            assert_eq!(
                message(&agents::LIST, args),
                "`agents.list` takes an object of arguments",
                "{args}"
            );
        }
        let deep = format!("{{\"metadata\":{}1{}}}", "[".repeat(200), "]".repeat(200));
        assert_eq!(
            message(&agents::LIST, &deep),
            "JSON nests deeper than 128 levels"
        );
        assert_eq!(
            message(&agents::LIST, r#"{"pageSize":0}"#),
            "`pageSize` of `agents.list` must be an integer from 1 to 1000"
        );
        assert_eq!(
            message(&agents::LIST, r#"{"pageSize":2.5}"#),
            "`pageSize` of `agents.list` must be an integer from 1 to 1000"
        );
        assert_eq!(
            message(&agents::LIST, r#"{"sources":["api",null]}"#),
            "`sources` must be a list of strings or numbers"
        );
        assert_eq!(
            message(&agents::GET, r#"{"agentId":{"id":1}}"#),
            "`agentId` must be a string"
        );
    }
}
