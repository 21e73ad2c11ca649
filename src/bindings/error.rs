//! The one place an [`Error`] becomes a JavaScript value: an instance of the package's
//! `MistralError` subclasses from `js/errors.js`. Nothing secret is ever put in it.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::error::{Error, StreamErrorKind};

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = createError)]
    fn create_error(class: &str, message: &str, fields: &Object) -> JsValue;
}

fn set(fields: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(fields, &JsValue::from_str(key), &value.into());
}

/// Builds the JavaScript error for `error`.
pub fn to_js(error: &Error) -> JsValue {
    let fields = Object::new();
    let class = match error {
        Error::InvalidRequest { .. } => "InvalidRequestError",
        Error::Api(api) => {
            set(&fields, "status", api.status);
            set(&fields, "body", api.body.as_str());
            if let Some(id) = &api.request_id {
                set(&fields, "requestId", id.as_str());
            }
            if let Some(ms) = api.retry_after_ms {
                set(&fields, "retryAfterMs", ms as f64);
            }
            set(&fields, "isRetryable", api.is_retryable());
            api.class()
        }
        Error::Connection { .. } => {
            set(&fields, "isRetryable", true);
            "ConnectionError"
        }
        Error::Timeout { ms, waiting_for } => {
            set(&fields, "timeoutMs", *ms as f64);
            set(&fields, "waitingFor", *waiting_for);
            set(&fields, "isRetryable", true);
            "TimeoutError"
        }
        Error::Aborted => "AbortError",
        Error::Unexpected { .. } => "UnexpectedClientError",
        Error::Stream(stream) => {
            set(&fields, "kind", stream.kind.as_str());
            if let StreamErrorKind::ErrorEvent { code } = stream.kind {
                set(&fields, "code", code as f64);
            }
            if let Some(id) = &stream.request_id {
                set(&fields, "requestId", id.as_str());
            }
            "StreamError"
        }
        Error::Decode { body, .. } => {
            set(&fields, "body", body.as_str());
            "ResponseValidationError"
        }
    };
    create_error(class, &error.to_string(), &fields)
}

impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        to_js(&error)
    }
}
