//! What the emulator refuses to hold: bodies over a route's size limit (413, in the API's
//! error envelope).

use axum::http::StatusCode;
use serde_json::Value;

use crate::error::ApiError;

/// 413 for a body over the route's limit (2 MiB for JSON, [`crate::libraries::MAX_UPLOAD`]
/// for uploads).
pub fn too_large() -> ApiError {
    ApiError::envelope(
        StatusCode::PAYLOAD_TOO_LARGE,
        "invalid_request_error",
        "Request body too large",
        Value::Null,
    )
}
