//! The API's error responses.
//!
//! * 422: FastAPI/pydantic's `{"detail":[{"type","loc","msg","input"?,"ctx"?}]}`.
//! * 401 and unknown routes: FastAPI's `{"detail":"Unauthorized"}` / `{"detail":"Not Found"}`,
//!   as api.mistral.ai answers them.
//! * Other errors: Mistral's envelope `{"object":"error","message","type","param","code"}`
//!   (the shape its 429 answers have).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// One part of a validation error's location: a key or an index.
#[derive(Debug, Clone, PartialEq)]
pub enum Loc {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

impl From<&str> for Loc {
    fn from(key: &str) -> Self {
        Loc::Key(key.to_owned())
    }
}

impl From<usize> for Loc {
    fn from(index: usize) -> Self {
        Loc::Index(index)
    }
}

/// One entry of a 422's `detail` list.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Where: `["body", "tools", 0, "connector", "tool_configuration"]`.
    pub loc: Vec<Loc>,
    /// What went wrong, for people.
    pub msg: String,
    /// Pydantic's error type: `missing`, `extra_forbidden`, `value_error`, `string_type`, ...
    pub kind: String,
    /// The offending input, when there is one.
    pub input: Option<Value>,
    /// Extra context (`{"expected": ...}`), when there is some.
    pub ctx: Option<Value>,
}

impl Violation {
    /// A violation with no input or context.
    pub fn new(loc: Vec<Loc>, kind: &str, msg: impl Into<String>) -> Self {
        Self {
            loc,
            msg: msg.into(),
            kind: kind.to_owned(),
            input: None,
            ctx: None,
        }
    }

    /// With the offending input.
    pub fn input(mut self, input: &Value) -> Self {
        self.input = Some(input.clone());
        self
    }

    /// With context.
    pub fn ctx(mut self, ctx: Value) -> Self {
        self.ctx = Some(ctx);
        self
    }

    /// `Field required`.
    pub fn missing(loc: Vec<Loc>, parent: &Value) -> Self {
        Self::new(loc, "missing", "Field required").input(parent)
    }

    /// `Extra inputs are not permitted`.
    pub fn extra_forbidden(loc: Vec<Loc>, input: &Value) -> Self {
        Self::new(loc, "extra_forbidden", "Extra inputs are not permitted").input(input)
    }

    /// A model-level rule, spelled as pydantic spells a `ValueError` raised by a validator.
    pub fn value_error(loc: Vec<Loc>, message: &str, input: &Value) -> Self {
        Self::new(loc, "value_error", format!("Value error, {message}"))
            .input(input)
            .ctx(json!({ "error": {} }))
    }

    fn to_json(&self) -> Value {
        let loc: Vec<Value> = self
            .loc
            .iter()
            .map(|l| match l {
                Loc::Key(k) => Value::String(k.clone()),
                Loc::Index(i) => Value::from(*i),
            })
            .collect();
        let mut v = json!({ "type": self.kind, "loc": loc, "msg": self.msg });
        if let (Some(input), Value::Object(map)) = (&self.input, &mut v) {
            map.insert("input".into(), input.clone());
        }
        if let (Some(ctx), Value::Object(map)) = (&self.ctx, &mut v) {
            map.insert("ctx".into(), ctx.clone());
        }
        v
    }
}

/// Builds a location from keys and indices: `loc!["body", "tools", 0]`.
#[macro_export]
macro_rules! loc {
    ($($part:expr),* $(,)?) => { vec![$($crate::error::Loc::from($part)),*] };
}

/// An error response.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The JSON body.
    pub body: Value,
    /// A `Retry-After` value, for 429s.
    pub retry_after: Option<String>,
}

impl ApiError {
    /// Mistral's error envelope with this status, `type`, message and `code`.
    pub fn envelope(
        status: StatusCode,
        kind: &str,
        message: impl Into<String>,
        code: Value,
    ) -> Self {
        Self {
            status,
            body: json!({
                "object": "error",
                "message": message.into(),
                "type": kind,
                "param": null,
                "code": code,
            }),
            retry_after: None,
        }
    }

    /// 422 with these violations.
    pub fn validation(violations: Vec<Violation>) -> Self {
        let detail: Vec<Value> = violations.iter().map(Violation::to_json).collect();
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            body: json!({ "detail": detail }),
            retry_after: None,
        }
    }

    /// 422 for a body that is not JSON.
    pub fn json_invalid(error: &serde_json::Error) -> Self {
        Self::validation(vec![Violation::new(
            loc!["body", error.column().saturating_sub(1)],
            "json_invalid",
            "JSON decode error",
        )
        .input(&json!({}))
        .ctx(json!({ "error": error.to_string() }))])
    }

    /// 404 for an id that does not exist: `what` is `Conversation`, `Agent`, `File`, ...
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::envelope(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} not found: {id}"),
            Value::Null,
        )
    }

    /// 404 for a path no route serves.
    pub fn no_route() -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            body: json!({ "detail": "Not Found" }),
            retry_after: None,
        }
    }

    /// 405 for a known path with another method.
    pub fn method_not_allowed() -> Self {
        Self {
            status: StatusCode::METHOD_NOT_ALLOWED,
            body: json!({ "detail": "Method Not Allowed" }),
            retry_after: None,
        }
    }

    /// 401 without a bearer token.
    pub fn unauthorized() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            body: json!({ "detail": "Unauthorized" }),
            retry_after: None,
        }
    }

    /// 429 with `Retry-After`.
    pub fn rate_limited(retry_after: String) -> Self {
        let mut e = Self::envelope(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "Rate limit exceeded",
            json!("1300"),
        );
        e.retry_after = Some(retry_after);
        e
    }

    /// An injected failure with this status (500 by default).
    pub fn injected(status: StatusCode) -> Self {
        let kind = if status.is_server_error() {
            "internal_server_error"
        } else {
            "invalid_request_error"
        };
        Self::envelope(
            status,
            kind,
            format!("Injected failure ({})", status.as_u16()),
            Value::Null,
        )
    }

    /// 400 for a request the emulator cannot act on (a malformed fault header, ...).
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::envelope(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            message,
            Value::Null,
        )
    }

    /// 500 for the emulator's own failures.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::envelope(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_server_error",
            message,
            Value::Null,
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = self.body.to_string();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(value) = self
            .retry_after
            .and_then(|v| HeaderValue::from_str(&v).ok())
        {
            headers.insert(header::RETRY_AFTER, value);
        }
        response
    }
}
