//! The crate's one error type. Plain data: no `JsValue` inside, so it is testable natively.
//! `bindings::error` maps it, once, onto the package's JavaScript `Error` subclasses.

use std::borrow::Cow;
use std::fmt;

use crate::json::{Kind, Value};

/// Bodies kept on errors are cut to this many bytes.
pub const MAX_ERROR_BODY: usize = 10 * 1024;

/// Everything that can go wrong talking to the Mistral API.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The request was rejected before anything was sent: it names the field and the rule.
    InvalidRequest {
        /// What is wrong, with the field's JavaScript path.
        message: String,
    },
    /// Mistral answered with a non-success status.
    Api(Box<ApiError>),
    /// No response arrived: offline, DNS, TLS, CORS, or the connection dropped before headers.
    Connection {
        /// The runtime's description of the failure.
        message: String,
    },
    /// Nothing arrived for too long.
    Timeout {
        /// What was awaited: `"response headers"` or `"the next chunk"`.
        waiting_for: &'static str,
        /// The limit that ran out.
        ms: u64,
    },
    /// The caller aborted the request or left the stream early.
    Aborted,
    /// The caller's own code around the request failed: an `httpClient` hook or fetcher threw
    /// something that is not a network error.
    Unexpected {
        /// The thrown error's description.
        message: String,
    },
    /// A stream broke after it started.
    Stream(Box<StreamError>),
    /// A success response whose body was not what the API documents.
    Decode {
        /// What was wrong.
        message: String,
        /// The start of the body.
        body: String,
    },
}

/// A non-success HTTP answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// The `x-request-id` (or `mistral-correlation-id`) header, when present.
    pub request_id: Option<String>,
    /// The body as text, cut to [`MAX_ERROR_BODY`] bytes.
    pub body: String,
    /// A short message taken from the body (`detail` or `message`), when it has one.
    pub message: Option<String>,
    /// Seconds the server asked to wait (`Retry-After`), when it said so.
    pub retry_after_ms: Option<u64>,
}

/// Why a stream failed after it started.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamError {
    /// The failure's kind.
    pub kind: StreamErrorKind,
    /// The request id of the response being read.
    pub request_id: Option<String>,
    /// A description.
    pub message: String,
}

/// The kinds of [`StreamError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamErrorKind {
    /// The body ended before `conversation.response.done`.
    Truncated,
    /// The connection dropped mid-body.
    Dropped,
    /// An event's data was not valid JSON.
    Malformed,
    /// Mistral sent `conversation.response.error`.
    ErrorEvent {
        /// Mistral's error code.
        code: i64,
    },
    /// One event was larger than the configured buffer limit.
    TooLarge,
}

impl StreamErrorKind {
    /// A stable name for JavaScript (`"truncated"`, `"dropped"`, ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            StreamErrorKind::Truncated => "truncated",
            StreamErrorKind::Dropped => "dropped",
            StreamErrorKind::Malformed => "malformed",
            StreamErrorKind::ErrorEvent { .. } => "error_event",
            StreamErrorKind::TooLarge => "too_large",
        }
    }
}

impl Error {
    /// A stream failure.
    pub fn stream(kind: StreamErrorKind, message: impl Into<String>) -> Self {
        Error::Stream(Box::new(StreamError {
            kind,
            request_id: None,
            message: message.into(),
        }))
    }

    /// The `too_large` stream failure for `bytes` (of a `what`: an event, a chunk) that found no
    /// memory left.
    #[cold]
    #[inline(never)]
    pub fn out_of_memory(what: &str, bytes: usize) -> Self {
        Error::stream(
            StreamErrorKind::TooLarge,
            format!("out of memory for a {bytes}-byte {what}"),
        )
    }

    /// Attaches the request id to errors that carry one.
    pub fn with_request_id(mut self, id: Option<&str>) -> Self {
        if let (Error::Stream(stream), Some(id)) = (&mut self, id) {
            stream.request_id.get_or_insert_with(|| id.to_owned());
        }
        self
    }
}

impl ApiError {
    /// Builds an error from a response, keeping at most [`MAX_ERROR_BODY`] bytes of its body.
    pub fn new(
        status: u16,
        request_id: Option<String>,
        body: &[u8],
        retry_after_ms: Option<u64>,
    ) -> Self {
        let cut = body.len().min(MAX_ERROR_BODY);
        let body = String::from_utf8_lossy(&body[..cut]).into_owned();
        let message = Value::parse(body.as_bytes()).ok().and_then(summary);
        ApiError {
            status,
            request_id,
            body,
            message,
            retry_after_ms,
        }
    }

    /// The class of error, by status family.
    pub fn class(&self) -> &'static str {
        match self.status {
            400 => "BadRequestError",
            401 => "AuthenticationError",
            403 => "PermissionDeniedError",
            404 => "NotFoundError",
            409 => "ConflictError",
            422 => "HTTPValidationError",
            429 => "RateLimitError",
            500..=599 => "InternalServerError",
            _ => "APIError",
        }
    }

    /// Whether the same request may succeed later: 408, 409, 429 and 5xx.
    pub fn is_retryable(&self) -> bool {
        crate::request::status_is_retryable(self.status)
    }
}

/// A one-line summary of an error body: `detail` (a string, or the first validation issue) or `message`.
fn summary(body: Value<'_>) -> Option<String> {
    if let Some(detail) = body.get("detail") {
        match detail.kind() {
            Kind::String => return detail.as_str().map(Cow::into_owned),
            Kind::Array => {
                let first = detail.items().next()?;
                let msg = first.get("msg").and_then(Value::as_str);
                let msg = msg.as_deref().unwrap_or("invalid");
                // `loc` joined with dots: ["body", "tools", 0] → body.tools.0
                let mut loc = String::new();
                let mut parts = 0;
                for part in first.get("loc").into_iter().flat_map(Value::items) {
                    if parts > 0 {
                        loc.push('.');
                    }
                    parts += 1;
                    match part.as_str() {
                        Some(text) => loc.push_str(&text),
                        None => loc.push_str(&part.to_compact()),
                    }
                }
                return Some(if parts == 0 {
                    msg.to_owned()
                } else {
                    format!("{loc}: {msg}")
                });
            }
            _ => {}
        }
    }
    body.get("message")
        .and_then(Value::as_str)
        .map(Cow::into_owned)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRequest { message } => write!(f, "invalid request: {message}"),
            Error::Api(api) => write!(f, "{api}"),
            Error::Connection { message } => write!(f, "connection failed: {message}"),
            Error::Timeout { waiting_for, ms } => {
                write!(f, "timed out after {ms} ms waiting for {waiting_for}")
            }
            Error::Aborted => f.write_str("request aborted"),
            Error::Unexpected { message } => write!(f, "unexpected client error: {message}"),
            Error::Stream(stream) => f.write_str(&stream.message),
            Error::Decode { message, .. } => write!(f, "unexpected response: {message}"),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.status {
            400 => "bad request",
            401 => "unauthorized: check the api key",
            403 => "permission denied",
            404 => "not found",
            409 => "conflict",
            422 => "request validation failed",
            429 => "rate limited",
            500..=599 => "server error",
            _ => "api error",
        };
        write!(f, "{} {what}", self.status)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(body: &str) -> Option<String> {
        ApiError::new(400, None, body.as_bytes(), None).message
    }

    #[test]
    fn summarises_error_bodies() {
        assert_eq!(
            message(r#"{"detail":"No such agent"}"#).as_deref(),
            Some("No such agent")
        );
        assert_eq!(
            message(r#"{"detail":"caf\u00e9 \"quoted\""}"#).as_deref(),
            Some("café \"quoted\"")
        );
        let validation = r#"{"detail":[{"type":"missing","loc":["body","tools",0,"connector_id"],"msg":"Field required","input":{}},{"loc":["x"],"msg":"second"}]}"#;
        assert_eq!(
            message(validation).as_deref(),
            Some("body.tools.0.connector_id: Field required")
        );
        assert_eq!(
            message(r#"{"detail":[{"msg":"no loc"}]}"#).as_deref(),
            Some("no loc")
        );
        assert_eq!(
            message(r#"{"detail":[{"loc":[]}]}"#).as_deref(),
            Some("invalid")
        );
        assert_eq!(
            message(r#"{"detail":[{"loc":[true, null, 1.5, {"a": [1, 2]}],"msg":"m"}]}"#)
                .as_deref(),
            Some(r#"true.null.1.5.{"a":[1,2]}: m"#)
        );
        assert_eq!(message(r#"{"detail":[]}"#), None);
        assert_eq!(
            message(r#"{"object":"error","message":"Unauthorized","type":"auth"}"#).as_deref(),
            Some("Unauthorized")
        );
        assert_eq!(
            message(r#"{"detail":{"x":1},"message":"fallback"}"#).as_deref(),
            Some("fallback")
        );
        assert_eq!(message(r#"{"message":1}"#), None);
        assert_eq!(message("Bad Gateway"), None);
        assert_eq!(message(""), None);
        assert_eq!(message(r#"{"detail":"cut"#), None);
        // The same summaries as reading the body with serde_json.
        for body in [validation, r#"{"detail":[{"loc":["a",""],"msg":"x"}]}"#] {
            let v: serde_json::Value = serde_json::from_str(body).unwrap();
            let first = &v["detail"][0];
            let loc: Vec<String> = first["loc"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                .collect();
            let expected = format!("{}: {}", loc.join("."), first["msg"].as_str().unwrap());
            assert_eq!(message(body), Some(expected));
        }
    }
}
