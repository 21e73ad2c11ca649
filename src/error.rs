//! The crate's one error type. Plain data: no `JsValue` inside, so it is testable natively.
//! `bindings::error` maps it, once, onto the package's JavaScript `Error` subclasses.

use std::fmt;

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
        let message = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| summary(&v));
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
        matches!(self.status, 408 | 409 | 429 | 500..=599)
    }
}

/// A one-line summary of an error body: `detail` (a string, or the first validation issue) or `message`.
fn summary(body: &serde_json::Value) -> Option<String> {
    match body.get("detail") {
        Some(serde_json::Value::String(detail)) => return Some(detail.clone()),
        Some(serde_json::Value::Array(issues)) => {
            let first = issues.first()?;
            let msg = first
                .get("msg")
                .and_then(|m| m.as_str())
                .unwrap_or("invalid");
            let loc: Vec<String> = first
                .get("loc")
                .and_then(|l| l.as_array())
                .map(|l| {
                    l.iter()
                        .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            return Some(if loc.is_empty() {
                msg.to_owned()
            } else {
                format!("{}: {msg}", loc.join("."))
            });
        }
        _ => {}
    }
    body.get("message")
        .and_then(|m| m.as_str())
        .map(str::to_owned)
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
