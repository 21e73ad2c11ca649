//! The body of a JSON endpoint, read as the API reads it (FastAPI's rule): a body whose
//! `content-type` is `application/json` or `application/*+json` is JSON, and so is one
//! without a `content-type`; any other type (`text/plain`, a form, ...) makes a non-empty body
//! raw bytes, which are not an object: 422 `model_attributes_type` at `["body"]`. A body over
//! the limit is the API's 413 ([`limits::too_large`]).

use std::ops::Deref;

use axum::body::Bytes;
use axum::extract::multipart::MultipartError;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, StatusCode};
use serde_json::json;

use crate::error::{ApiError, Violation};
use crate::{limits, loc};

/// The bytes of a JSON endpoint's body (checked for its content type; parse them with
/// [`crate::params::body`]).
#[derive(Debug, Clone)]
pub struct JsonBytes(pub Bytes);

impl Deref for JsonBytes {
    type Target = Bytes;
    fn deref(&self) -> &Bytes {
        &self.0
    }
}

/// Whether a `content-type` value names JSON (`application/json`, `application/*+json`,
/// with any parameters, in any case).
pub fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.split_once('/') {
        Some(("application", sub)) => sub == "json" || sub.ends_with("+json"),
        _ => false,
    }
}

/// Checks a body against its `content-type`, as FastAPI does: the type matters only when
/// there is a body; none means JSON.
pub fn check(headers: &HeaderMap, bytes: &[u8]) -> Result<(), ApiError> {
    if bytes.is_empty() {
        return Ok(());
    }
    let Some(content_type) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    if content_type.to_str().is_ok_and(is_json) {
        return Ok(());
    }
    Err(ApiError::validation(vec![Violation::new(
        loc!["body"],
        "model_attributes_type",
        "Input should be a valid dictionary or object to extract fields from",
    )
    .input(&json!(String::from_utf8_lossy(bytes)))]))
}

/// A failure to read the body: 413 over the limit, 400 otherwise (a body that stopped
/// coming in time is answered by `limits::body_deadline`).
pub fn rejection(e: BytesRejection) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        limits::too_large()
    } else {
        ApiError::bad_request(format!(
            "could not read the request body: {}",
            e.body_text()
        ))
    }
}

/// A failure to read a multipart part: 413 over the route's limit, 400 otherwise.
pub fn part_error(e: MultipartError) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        limits::too_large()
    } else {
        ApiError::bad_request(format!("bad multipart body: {}", e.body_text()))
    }
}

impl<S: Send + Sync> FromRequest<S> for JsonBytes {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let headers = request.headers().clone();
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(rejection)?;
        check(&headers, &bytes)?;
        Ok(Self(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn json_types() {
        for t in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/merge-patch+json",
        ] {
            assert!(is_json(t), "{t}");
        }
        for t in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "json",
            "",
        ] {
            assert!(!is_json(t), "{t}");
        }
    }

    #[test]
    fn only_a_body_with_another_type_is_refused() {
        let mut h = HeaderMap::new();
        assert!(check(&h, b"{}").is_ok(), "no type: JSON");
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        assert!(check(&h, b"").is_ok(), "no body: nothing to refuse");
        let e = check(&h, b"{\"a\":1}").unwrap_err();
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e.body["detail"][0]["type"], "model_attributes_type");
        assert_eq!(e.body["detail"][0]["loc"], json!(["body"]));
        assert_eq!(e.body["detail"][0]["input"], "{\"a\":1}");
    }
}
