//! Reading the caller's options: `new Mistral({...})` settings and per-call `RequestOptions`,
//! in the official SDK's shapes.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::request::RetryPolicy;

pub(super) fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

pub(super) fn invalid(message: impl Into<String>) -> JsValue {
    Error::InvalidRequest {
        message: message.into(),
    }
    .into()
}

/// Reads a `HeadersInit` (a plain object, an array of pairs or a `Headers`) as `fetch` would:
/// through `new Headers(init)`, which checks names and values and lowercases the names.
pub(super) fn headers_of(value: Option<JsValue>) -> Result<Vec<(String, String)>, JsValue> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    if !value.is_object() {
        return Err(invalid(
            "`headers` must be an object, an array of pairs or a Headers",
        ));
    }
    let headers = web_sys::Headers::new_with_str_sequence_sequence(&value).map_err(|e| {
        invalid(format!(
            "invalid `headers`: {}",
            super::transport::js_message(&e)
        ))
    })?;
    let entries = js_sys::try_iter(&headers)
        .ok()
        .flatten()
        .ok_or_else(|| invalid("`headers` cannot be read"))?;
    let mut out = Vec::new();
    for pair in entries {
        let pair = pair?;
        let text = |i: u32| {
            Reflect::get(&pair, &i.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        if let (Some(name), Some(value)) = (text(0), text(1)) {
            out.push((name, value));
        }
    }
    Ok(out)
}

pub(super) fn env_api_key() -> Option<String> {
    let process = get(&js_sys::global(), "process")?;
    get(&get(&process, "env")?, "MISTRAL_API_KEY")?
        .as_string()
        .filter(|k| !k.is_empty())
}

pub(super) fn in_browser() -> bool {
    let global = js_sys::global();
    get(&global, "window").is_some() && get(&global, "document").is_some()
}

/// Reads a `RetryConfig` (`{ strategy: "none" }` or `{ strategy: "backoff", backoff, maxRetries,
/// retryConnectionErrors }`); `what` names the option in errors.
pub(super) fn retry_policy(config: &JsValue, what: &str) -> Result<RetryPolicy, JsValue> {
    let strategy = get(config, "strategy").and_then(|s| s.as_string());
    match strategy.as_deref() {
        Some("none") => return Ok(RetryPolicy::NONE),
        Some("backoff") | None => {}
        Some(other) => {
            return Err(invalid(format!(
                "`{what}.strategy` must be \"backoff\" or \"none\", got \"{other}\""
            )))
        }
    }
    let defaults = RetryPolicy::default();
    let backoff = get(config, "backoff");
    let number = |key: &str| -> Result<Option<f64>, JsValue> {
        match backoff.as_ref().and_then(|b| get(b, key)) {
            None => Ok(None),
            Some(v) => match v.as_f64() {
                Some(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
                _ => Err(invalid(format!(
                    "`{what}.backoff.{key}` must be a non-negative number"
                ))),
            },
        }
    };
    let max_retries = match get(config, "maxRetries") {
        None => defaults.max_retries,
        Some(v) => match v.as_f64() {
            Some(n) if n.is_finite() && n >= 0.0 => n as u32,
            _ => {
                return Err(invalid(format!(
                    "`{what}.maxRetries` must be a non-negative number"
                )))
            }
        },
    };
    Ok(RetryPolicy {
        enabled: true,
        initial_interval_ms: number("initialInterval")?
            .map_or(defaults.initial_interval_ms, |n| n as u64),
        max_interval_ms: number("maxInterval")?.map_or(defaults.max_interval_ms, |n| n as u64),
        exponent: number("exponent")?.unwrap_or(defaults.exponent),
        max_elapsed_ms: number("maxElapsedTime")?.map_or(defaults.max_elapsed_ms, |n| n as u64),
        max_retries,
        retry_connection_errors: get(config, "retryConnectionErrors")
            .and_then(|v| v.as_bool())
            .unwrap_or(defaults.retry_connection_errors),
    })
}
