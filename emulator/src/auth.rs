//! `Authorization: Bearer <key>` on every `/v1/...` request. Any non-empty key is accepted;
//! without one the answer is `401 {"detail":"Unauthorized"}`.

use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Whether a header value is `Bearer <something>` (the scheme is case-insensitive).
pub fn is_bearer(value: &str) -> bool {
    let mut parts = value.trim().splitn(2, char::is_whitespace);
    let scheme = parts.next().unwrap_or("");
    let token = parts.next().unwrap_or("").trim();
    scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()
}

/// Middleware: rejects `/v1` requests without a bearer token.
pub async fn layer(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path == "/v1" || path.starts_with("/v1/") {
        let ok = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(is_bearer);
        if !ok {
            return ApiError::unauthorized().into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::is_bearer;

    #[test]
    fn bearer_tokens() {
        assert!(is_bearer("Bearer abc"));
        assert!(is_bearer("bearer  abc "));
        assert!(!is_bearer("Bearer "));
        assert!(!is_bearer("Bearer"));
        assert!(!is_bearer("Basic abc"));
        assert!(!is_bearer(""));
    }
}
