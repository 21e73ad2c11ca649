//! The seam between the Rust core and the fetch loop of `js/transport.js`.
//!
//! A call is prepared here, synchronously: the arguments are checked and the request built
//! (method, path, snake_case body), then handed to `send` in `js/transport.js` as plain values
//! ([`send_prepared`]). `send` does the I/O — the `fetch`, the abort controller, the per-phase
//! timers, the waits between retries — and comes back here for every decision and every value:
//! [`Core::delay`] (the retry policy), [`Core::decode`] (the camelCase response),
//! [`Core::fail`] and [`Core::error`] (the typed errors, redacted), [`Core::stream`] (the event
//! parser and its `EventStream`).
//!
//! The prepared call crosses as plain values, not as a wasm object: an exported object costs a
//! `FinalizationRegistry` entry, a `free()` and a boundary crossing per getter on every call.
//!
//! Why the loop is JavaScript: awaiting promises from Rust goes through wasm-bindgen-futures,
//! whose closures, task queue and finalizers cost more CPU per call in Node than everything else
//! the client does, and kilobytes of wasm (measured: bench/HISTORY.md and the README). The loop
//! itself holds no policy.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use super::bytes::copy_in;
use super::error::to_js;
use super::options::{get, invalid, numbers};
use super::stream::RawEventStream;
use crate::error::{ApiError, Error, StreamErrorKind};
use crate::json::{kind_mismatch, to_js_checked as transcode};
use crate::request::seam::{self, delay, failure, response};
use crate::request::{ops, secrets, Failure, HttpRequest, Operation, ResponseKind, RetryPolicy};

#[wasm_bindgen(module = "/js/event-stream.js")]
extern "C" {
    #[wasm_bindgen(js_name = wrapStream)]
    fn wrap_stream(raw: RawEventStream, body: JsValue) -> JsValue;

    /// Parses `[value, [dates]]` and returns `value` with the date-times at those paths made
    /// `Date`s (see `Feed::batch` for the list's format).
    #[wasm_bindgen(catch)]
    fn dated(text: &str) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/js/transport.js")]
extern "C" {
    /// Runs a prepared call (`call`, its slots named by [`seam::call`]): resolves to its
    /// response, stream or bytes.
    fn send(config: &JsValue, call: &Array, args: &JsValue, options: &JsValue) -> js_sys::Promise;
}

/// Completes a client's settings, the plain object `js/transport.js` reads on every call and
/// `readOptions` in `js/options.js` began (`apiKey`, a string, a function or `undefined`; `fetch` or
/// `undefined`; `headers`, lowercased name and value pairs; `timeoutMs`): adds `serverURL` and
/// `core`, the client's [`Core`].
pub fn finish_config(config: &JsValue, server_url: &str, core: Core) {
    let _ = Reflect::set(config, &"serverURL".into(), &server_url.into());
    let _ = Reflect::set(config, &"core".into(), &core.into());
}

/// The decisions the fetch loop asks the core for. Internal to the package.
#[wasm_bindgen(skip_typescript)]
pub struct Core {
    /// The client's retry policy.
    pub(super) retry: RetryPolicy,
    /// The page's origin, where the client runs in a page.
    pub(super) page_origin: Option<String>,
    /// Whether the client runs in a page with a key and without `dangerouslyAllowBrowser`.
    pub(super) key_in_browser: bool,
}

#[wasm_bindgen]
impl Core {
    /// A call's `serverURL` option, under the client's rules (an http(s) URL, or a path in a page;
    /// the client's key is not sent to Mistral from a page): the base URL, or an
    /// `InvalidRequestError`.
    #[wasm_bindgen(js_name = serverURL)]
    pub fn server_url(&self, url: &str) -> Result<String, JsValue> {
        crate::request::settings::server_url(
            Some(url),
            None,
            self.page_origin.as_deref(),
            self.key_in_browser,
        )
        .map_err(JsValue::from)
    }

    /// The wait before the next attempt of a call that failed, or `undefined` to give up: `ask`
    /// is the array the fetch loop makes of the failure, its slots named by [`seam::delay`] (the
    /// call's `retries` and `retryCodes` as `js/options.js` reads them, what failed, the retry's
    /// number, the time since the call started, the `Retry-After` asked for, the jitter).
    pub fn delay(&self, ask: &Array) -> Option<f64> {
        // The number slots in one crossing (the two array slots read as NaN there).
        let all = numbers(ask).unwrap_or_default();
        let number = |slot: u32| all.get(slot as usize).copied().filter(|n| !n.is_nan());
        let policy = numbers(&ask.get(delay::RETRIES))
            .map_or(self.retry, |slots| RetryPolicy::from_slots(&slots));
        let codes = numbers(&ask.get(delay::CODES));
        let failure = Failure::from_code(number(delay::FAILURE).unwrap_or(0.0) as u32);
        if !policy.retries_with(failure, codes.as_deref()) {
            return None;
        }
        let retry = number(delay::RETRY).unwrap_or(0.0) as u32;
        let elapsed = number(delay::ELAPSED_MS).unwrap_or(0.0).max(0.0) as u64;
        let retry_after = number(delay::RETRY_AFTER_MS).map(|ms| ms.max(0.0) as u64);
        let jitter = number(delay::JITTER).unwrap_or(0.0);
        policy
            .delay_ms(retry, elapsed, retry_after, jitter)
            .map(|ms| ms as f64)
    }

    /// The typed error for a failure seen by the fetch loop: `kind` is a [`seam::failure`] code,
    /// `detail` what that code says it carries, `ms` the timeout of a `*_TIMEOUT`, `request_id`
    /// the response's when there is one (`ms` and what follows may be left out).
    pub fn error(
        &self,
        kind: u32,
        detail: JsValue,
        ms: f64,
        request_id: Option<String>,
    ) -> JsValue {
        let text = || detail.as_string().unwrap_or_default();
        let timeout = |waiting_for| Error::Timeout {
            waiting_for,
            ms: ms as u64,
        };
        let error = match kind {
            failure::CONNECTION => Error::Connection {
                message: js_message(&detail),
            },
            failure::HEADERS_TIMEOUT => timeout("response headers"),
            failure::BODY_TIMEOUT => timeout("the response body"),
            failure::CHUNK_TIMEOUT => timeout("the next chunk"),
            failure::STREAM_TIMEOUT => {
                timeout("the end of the stream (its total deadline, `streamTimeoutMs`)")
            }
            failure::DROPPED => Error::stream(
                StreamErrorKind::Dropped,
                format!("the connection dropped mid-stream: {}", js_message(&detail)),
            ),
            failure::TRUNCATED => Error::stream(StreamErrorKind::Truncated, text()),
            failure::DECODE => Error::Decode {
                message: text(),
                body: String::new(),
            },
            failure::INVALID => Error::InvalidRequest { message: text() },
            failure::UNEXPECTED => Error::Unexpected {
                message: js_message(&detail),
            },
            _ => Error::Aborted,
        };
        to_js(&error.with_request_id(request_id.as_deref()))
    }
}

/// What a response body becomes, as `send` in `js/transport.js` reads it: a [`seam::response`]
/// value.
fn response_kind(op: &Operation) -> u32 {
    match op.response {
        ResponseKind::Empty => response::EMPTY,
        ResponseKind::Bytes => response::BYTES,
        ResponseKind::Json(_) => response::JSON,
        ResponseKind::Events => response::EVENTS,
    }
}

/// Hands a built request for operation number `index` to `send` in `js/transport.js`.
pub(super) fn send_prepared(
    config: &JsValue,
    index: u32,
    op: &Operation,
    request: HttpRequest,
    args: &JsValue,
    options: &JsValue,
) -> js_sys::Promise {
    // The body was written by the transcoder from text the JS engine produced: always UTF-8.
    let body = request.body.map(|bytes| {
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    });
    let multipart = request.multipart;
    // A multipart upload's text parts travel in place of the body, as `[[name, value], ...]`.
    #[cfg(not(feature = "conversations-only"))]
    let body = match &multipart {
        Some(m) if !m.parts.is_empty() => Some(parts_json(&m.parts)),
        _ => body,
    };
    let call = Array::new();
    let slot = |slot: u32, value: JsValue| call.set(slot, value);
    slot(seam::call::OP, index.into());
    slot(seam::call::METHOD, request.method.as_str().into());
    slot(seam::call::PATH, request.path_and_query.into());
    slot(seam::call::RESPONSE, response_kind(op).into());
    if let Some(body) = body {
        slot(seam::call::BODY, body.into());
    }
    if let Some(m) = &multipart {
        slot(seam::call::UPLOAD, m.field.into());
        if let Some(wrapper) = m.wrapper {
            slot(seam::call::UPLOAD_WRAPPER, wrapper.into());
        }
    }
    send(config, &call, args, options)
}

/// The text parts of a form as a JSON array of `[name, value]` pairs.
#[cfg(not(feature = "conversations-only"))]
fn parts_json(parts: &[(&str, String)]) -> String {
    let mut out = String::from("[");
    for (i, (name, value)) in parts.iter().enumerate() {
        out.push_str(if i == 0 { "[" } else { ",[" });
        crate::json::text::write_quoted(&mut out, name);
        out.push(',');
        crate::json::text::write_quoted(&mut out, value);
        out.push(']');
    }
    out.push(']');
    out
}

#[wasm_bindgen]
impl Core {
    /// The camelCase response of operation number `op`'s JSON body: a `ResponseValidationError`
    /// (with the body) when it is empty or not of the documented kind (an object, a list), when
    /// a field the model defines has another JSON kind (`conversation_id: 5`), or when there is
    /// no memory left for it (the body and its camelCase text are reserved
    /// fallibly: a trap otherwise).
    pub fn decode(&self, op: u32, body: js_sys::Uint8Array) -> Result<JsValue, JsValue> {
        let operation = ops::ALL
            .get(op as usize)
            .ok_or_else(|| invalid(format!("there is no operation {op}")))?;
        let ResponseKind::Json(shape) = operation.response else {
            return Ok(JsValue::UNDEFINED);
        };
        let mut wire = Vec::new();
        let mut out = Vec::new();
        let reserved = copy_in(&body, &mut wire)
            .and_then(|()| crate::json::reserve_js(&mut out, &wire).map_err(|_| wire.len()));
        let failed = |message: String, body: &[u8]| Error::Decode {
            message,
            body: String::from_utf8_lossy(&body[..body.len().min(crate::error::MAX_ERROR_BODY)])
                .into_owned(),
        };
        if let Err(bytes) = reserved {
            let message = format!("out of memory for a {bytes}-byte response body");
            return Err(failed(message, b"").into());
        }
        let body = wire.as_slice();
        if let Some(message) = kind_mismatch(body, shape) {
            return Err(failed(message, body).into());
        }
        let mut dates = Vec::new();
        out.push(b'[');
        transcode(body, shape, &mut out, &mut dates).map_err(|e| failed(e.to_string(), body))?;
        out.extend_from_slice(b",[");
        out.extend_from_slice(&dates);
        out.extend_from_slice(b"]]");
        // The transcoder checked the input's UTF-8 and writes only whole sequences.
        let text = String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        dated(&text)
    }

    /// The typed error for a response with a failure status (redacted by `js/redact.js`).
    pub fn fail(
        &self,
        status: u16,
        request_id: Option<String>,
        body: &[u8],
        retry_after: Option<String>,
        retry_after_date: Option<f64>,
    ) -> JsValue {
        let retry_after = retry_after.and_then(|v| {
            crate::request::retry_after_ms(&v, retry_after_date, js_sys::Date::now())
        });
        to_js(&Error::Api(Box::new(ApiError::new(
            status,
            request_id,
            body,
            retry_after,
        ))))
    }

    /// `text` with every spelling of `secret` replaced by `[redacted]`, or `undefined` when it
    /// holds none (the rule: src/request/secrets.rs).
    pub fn redact(&self, text: &str, secret: &str) -> Option<String> {
        secrets::redact(text, &[secret])
    }

    /// The `EventStream` of a call: Rust's parser fed by `body`, the response's reader.
    pub fn stream(&self, request_id: Option<String>, body: JsValue) -> JsValue {
        wrap_stream(RawEventStream::new(request_id), body)
    }
}

/// The message of a JavaScript error (and of its `cause`), for [`Error::Connection`].
pub fn js_message(error: &JsValue) -> String {
    let message = get(error, "message").and_then(|m| m.as_string());
    let cause = get(error, "cause")
        .and_then(|c| get(&c, "message"))
        .and_then(|m| m.as_string());
    match (message, cause) {
        (Some(m), Some(c)) => format!("{m} ({c})"),
        (Some(m), None) => m,
        _ => error.as_string().unwrap_or_else(|| "fetch failed".into()),
    }
}
