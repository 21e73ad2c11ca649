//! The fetch transport: the global `fetch` (or the caller's), an `AbortController` per request,
//! a caller's `AbortSignal` combined with ours, and timeouts for the headers and for each gap
//! between chunks (or the whole body of a one-shot call) — never one total timeout, which would
//! cut long streams.

use js_sys::{Array, Function, JsString, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestInit, Response};

use crate::error::{ApiError, Error};
use crate::request::{secrets, HttpRequest, RetryPolicy};

// The constant header names and values, made into JavaScript strings once. (rustfmt would drop
// the initialisers it cannot parse in an extern block.)
#[rustfmt::skip]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(thread_local_v2, static_string)]
    static AUTHORIZATION: JsString = "authorization";
    #[wasm_bindgen(thread_local_v2, static_string)]
    static ACCEPT: JsString = "accept";
    #[wasm_bindgen(thread_local_v2, static_string)]
    static CONTENT_TYPE: JsString = "content-type";
    #[wasm_bindgen(thread_local_v2, static_string)]
    static APPLICATION_JSON: JsString = "application/json";
    #[wasm_bindgen(thread_local_v2, static_string)]
    static TEXT_EVENT_STREAM: JsString = "text/event-stream";
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(input: &str, init: &RequestInit) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64, argument: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// How requests are sent: the client's settings.
pub struct Transport {
    /// Base URL without a trailing slash.
    pub server_url: String,
    /// The API key, or a function returning it (or a promise of it).
    pub api_key: ApiKey,
    /// The caller's `fetch`, if any.
    pub fetch: Option<Function>,
    /// Headers added to every request.
    pub headers: Vec<(String, String)>,
    /// Time-to-headers and idle-between-chunks limit, in ms (0 = none).
    pub timeout_ms: u64,
    /// How failed requests are retried.
    pub retry: RetryPolicy,
    /// The runtime's `AbortSignal.any`, where it has it.
    pub signals: Signals,
}

/// `AbortSignal.any`, looked up once per client.
pub struct Signals {
    ctor: JsValue,
    any: Option<Function>,
}

impl Signals {
    /// Looks the function up on the global `AbortSignal`.
    pub fn lookup() -> Signals {
        let ctor = Reflect::get(&js_sys::global(), &JsValue::from_str("AbortSignal"))
            .unwrap_or(JsValue::UNDEFINED);
        let any = Reflect::get(&ctor, &JsValue::from_str("any"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        Signals { ctor, any }
    }

    /// `AbortSignal.any([a, b])`.
    fn any(&self, a: &AbortSignal, b: &AbortSignal) -> Option<AbortSignal> {
        self.any
            .as_ref()?
            .call1(&self.ctor, &Array::of2(a, b))
            .ok()?
            .dyn_into::<AbortSignal>()
            .ok()
    }
}

/// Where the API key comes from.
pub enum ApiKey {
    /// No key (a proxy adds it).
    None,
    /// A fixed key.
    Static(String),
    /// A function returning the key or a promise of it, called per request.
    Dynamic(Function),
}

/// Per-call options.
#[derive(Default, Clone)]
pub struct CallOptions {
    /// The caller's signal.
    pub signal: Option<AbortSignal>,
    /// Extra headers, applied last.
    pub headers: Vec<(String, String)>,
    /// Overrides the client's timeout.
    pub timeout_ms: Option<u64>,
    /// Overrides the client's server URL.
    pub server_url: Option<String>,
    /// Overrides the client's retry policy.
    pub retries: Option<RetryPolicy>,
    /// Whether the response is a stream, which its reader may stop early (so it always gets a
    /// controller of its own).
    pub streaming: bool,
}

/// A response whose status was a success.
pub struct Sent {
    /// The response.
    pub response: Response,
    /// Aborts the request, including its body (streams only).
    pub controller: Option<AbortController>,
    /// The caller's signal, to tell their abort from a failure.
    pub signal: Option<AbortSignal>,
    /// The request id header.
    pub request_id: Option<String>,
    /// The time limit per phase, for reading the body.
    pub deadline: Deadline,
}

/// Timers above this many ms fire at once in Node and browsers (a signed 32-bit delay).
const MAX_TIMER_MS: u64 = 2_147_483_647;

/// A time limit on one phase of a request (headers, body, the next chunk), enforced by
/// aborting the request's own controller from a timer: the pending fetch, body read or chunk
/// read then rejects, and [`fired`](Self::fired) tells a timeout from other failures. One bound
/// function per request and no promise race keep the cost per phase to a `setTimeout`.
pub struct Deadline {
    limit: Limit,
    /// The limit in ms (0 = none).
    pub ms: u64,
}

enum Limit {
    None,
    Phases {
        controller: AbortController,
        /// `controller.abort(reason)`, bound once.
        abort: JsValue,
        /// The abort reason that marks a timeout.
        reason: JsValue,
        timer: std::cell::RefCell<JsValue>,
    },
}

impl Deadline {
    /// A deadline that aborts `controller` after `ms` of each armed phase (none for 0).
    pub fn new(controller: &AbortController, ms: u64) -> Deadline {
        if ms == 0 {
            return Deadline {
                limit: Limit::None,
                ms,
            };
        }
        let reason = JsValue::from(Object::new());
        let abort = Reflect::get(controller, &JsValue::from_str("abort"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .map(|f| JsValue::from(f.bind1(controller, &reason)))
            .unwrap_or(JsValue::UNDEFINED);
        Deadline {
            limit: Limit::Phases {
                controller: controller.clone(),
                abort,
                reason,
                timer: std::cell::RefCell::new(JsValue::UNDEFINED),
            },
            ms,
        }
    }

    /// Starts the clock for the next phase.
    pub fn arm(&self) {
        if let Limit::Phases { abort, timer, .. } = &self.limit {
            if let Some(abort) = abort.dyn_ref::<Function>() {
                let id = set_timeout(abort, self.ms as f64, &JsValue::UNDEFINED);
                let old = timer.replace(id);
                clear_timeout(&old);
            }
        }
    }

    /// Stops the clock.
    pub fn disarm(&self) {
        if let Limit::Phases { timer, .. } = &self.limit {
            let old = timer.replace(JsValue::UNDEFINED);
            if !old.is_undefined() {
                clear_timeout(&old);
            }
        }
    }

    /// Whether the request was aborted because a phase ran out of time.
    pub fn fired(&self) -> bool {
        match &self.limit {
            Limit::None => false,
            Limit::Phases {
                controller, reason, ..
            } => {
                let signal = controller.signal();
                signal.aborted() && Object::is(&signal.reason(), reason)
            }
        }
    }

    /// Awaits `promise` within the limit: `Err(None)` when the time ran out, `Err(Some(e))`
    /// when it rejected for another reason.
    pub async fn within(&self, promise: Promise) -> Result<JsValue, Option<JsValue>> {
        self.arm();
        let outcome = JsFuture::from(promise).await;
        self.disarm();
        outcome.map_err(|e| if self.fired() { None } else { Some(e) })
    }
}

/// The controller, the signal for fetch and the time limit of one attempt.
fn guard(
    transport: &Transport,
    options: &CallOptions,
) -> Result<(Option<AbortController>, Option<AbortSignal>, Deadline), Error> {
    let ms = options
        .timeout_ms
        .unwrap_or(transport.timeout_ms)
        .min(MAX_TIMER_MS);
    if ms == 0 && !options.streaming {
        // Nothing to time out and nothing to stop early: the caller's signal, if any, as it is.
        let none = Deadline {
            limit: Limit::None,
            ms,
        };
        return Ok((None, options.signal.clone(), none));
    }
    let controller = AbortController::new().map_err(|e| Error::Connection {
        message: js_message(&e),
    })?;
    let signal = combine(&controller, &options.signal, &transport.signals);
    let deadline = Deadline::new(&controller, ms);
    Ok((Some(controller), Some(signal), deadline))
}

/// The message of a JavaScript error, for [`Error::Connection`].
pub fn js_message(error: &JsValue) -> String {
    let message = Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string());
    let cause = Reflect::get(error, &JsValue::from_str("cause"))
        .ok()
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("message")).ok())
        .and_then(|m| m.as_string());
    match (message, cause) {
        (Some(m), Some(c)) => format!("{m} ({c})"),
        (Some(m), None) => m,
        _ => error.as_string().unwrap_or_else(|| "fetch failed".into()),
    }
}

fn aborted(signal: &Option<AbortSignal>) -> bool {
    signal.as_ref().is_some_and(AbortSignal::aborted)
}

/// `AbortSignal.any([ours, theirs])` where the runtime has it; else a listener.
fn combine(
    controller: &AbortController,
    theirs: &Option<AbortSignal>,
    signals: &Signals,
) -> AbortSignal {
    let ours = controller.signal();
    let Some(theirs) = theirs else { return ours };
    if let Some(signal) = signals.any(&ours, theirs) {
        return signal;
    }
    let controller = controller.clone();
    let on_abort = Closure::once_into_js(move || controller.abort());
    let _ = theirs.add_event_listener_with_callback("abort", on_abort.unchecked_ref());
    ours
}

async fn api_key(key: &ApiKey) -> Result<Option<String>, Error> {
    match key {
        ApiKey::None => Ok(None),
        ApiKey::Static(key) => Ok(Some(key.clone())),
        ApiKey::Dynamic(function) => {
            let value = function
                .call0(&JsValue::UNDEFINED)
                .map_err(|e| Error::InvalidRequest {
                    message: format!("the apiKey function threw: {}", js_message(&e)),
                })?;
            let value = match value.dyn_into::<Promise>() {
                Ok(promise) => {
                    JsFuture::from(promise)
                        .await
                        .map_err(|e| Error::InvalidRequest {
                            message: format!("the apiKey function rejected: {}", js_message(&e)),
                        })?
                }
                Err(value) => value,
            };
            value
                .as_string()
                .map(Some)
                .ok_or_else(|| Error::InvalidRequest {
                    message: "the apiKey function must return a string".into(),
                })
        }
    }
}

/// Waits `ms`, or fails with [`Error::Aborted`] as soon as `signal` aborts. The timer is
/// cleared either way.
async fn sleep(ms: u64, signal: &Option<AbortSignal>) -> Result<(), Error> {
    if aborted(signal) {
        return Err(Error::Aborted);
    }
    let mut timer_id = JsValue::UNDEFINED;
    let promise = Promise::new(&mut |resolve, reject| {
        timer_id = set_timeout(&resolve, ms as f64, &JsValue::UNDEFINED);
        if let Some(signal) = signal {
            let _ = signal.add_event_listener_with_callback("abort", &reject);
        }
    });
    let outcome = JsFuture::from(promise).await;
    clear_timeout(&timer_id);
    outcome.map(drop).map_err(|_| Error::Aborted)
}

/// Sends `request` as [`send`] does, retrying what the policy allows: connection errors and
/// retryable statuses, always before any byte of a success body was read.
///
/// # Errors
///
/// The last attempt's error.
pub async fn send_with_retries(
    transport: &Transport,
    request: &HttpRequest,
    body: &JsValue,
    options: CallOptions,
) -> Result<Sent, Error> {
    let policy = options.retries.unwrap_or(transport.retry);
    let started = js_sys::Date::now();
    let mut retry = 0;
    loop {
        let error = match send(transport, request, body, options.clone()).await {
            Ok(sent) => return Ok(sent),
            Err(error) => error,
        };
        if !policy.retries(&error) {
            return Err(error);
        }
        retry += 1;
        let retry_after = match &error {
            Error::Api(api) => api.retry_after_ms,
            _ => None,
        };
        let elapsed = (js_sys::Date::now() - started).max(0.0) as u64;
        let Some(wait) = policy.delay_ms(retry, elapsed, retry_after, js_sys::Math::random())
        else {
            return Err(error);
        };
        sleep(wait, &options.signal).await?;
    }
}

/// Sends `request` once and waits for the response headers. `body` is the request body
/// (`undefined` for none; a `FormData` for uploads), or the request's JSON when it is
/// `undefined` and the request has one.
///
/// # Errors
///
/// A typed [`Error`] for a non-success status, a connection failure, a timeout or an abort.
pub async fn send(
    transport: &Transport,
    request: &HttpRequest,
    body: &JsValue,
    options: CallOptions,
) -> Result<Sent, Error> {
    let js_err = |e: JsValue| Error::Connection {
        message: js_message(&e),
    };
    if aborted(&options.signal) {
        return Err(Error::Aborted);
    }
    let (controller, signal, deadline) = guard(transport, &options)?;
    // A plain object, as most callers of fetch write it: fetch reads it once, where a `Headers`
    // would check every name and value twice. The client's and the call's headers were read
    // through `new Headers()` (checked, names lowercased), so they replace ours by name.
    // No prototype: a header named `__proto__` is a header like any other.
    let headers: Object = Object::create(JsValue::NULL.unchecked_ref::<Object>());
    let set = |name: &JsValue, value: &JsValue| {
        let _ = Reflect::set(&headers, name, value);
    };
    let key = api_key(&transport.api_key).await?;
    if let Some(key) = &key {
        let value = if key.starts_with("Bearer ") {
            key.clone()
        } else {
            format!("Bearer {key}")
        };
        AUTHORIZATION.with(|name| set(name, &JsValue::from_str(&value)));
    }
    let accept = match request.accept() {
        "application/json" => APPLICATION_JSON.with(|v| JsValue::from(v)),
        "text/event-stream" => TEXT_EVENT_STREAM.with(|v| JsValue::from(v)),
        other => JsValue::from_str(other),
    };
    ACCEPT.with(|name| set(name, &accept));
    if request.body.is_some() {
        CONTENT_TYPE.with(|name| APPLICATION_JSON.with(|value| set(name, value)));
    }
    for (name, value) in transport.headers.iter().chain(options.headers.iter()) {
        set(&JsValue::from_str(name), &JsValue::from_str(value));
    }
    let init = RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_headers(&headers);
    if let Some(signal) = &signal {
        init.set_signal(Some(signal));
    }
    if !body.is_undefined() {
        init.set_body(body);
    } else if let Some(json) = &request.body {
        init.set_body(&JsValue::from_str(&String::from_utf8_lossy(json)));
    }
    let base = options
        .server_url
        .as_deref()
        .unwrap_or(&transport.server_url)
        .trim_end_matches('/');
    let url = format!("{base}{}", request.path_and_query);
    // `fetch(url, init)`, not `fetch(new Request(...))`: a Request made here would be copied
    // again inside fetch, with a second AbortSignal (a measurable cost per call in Node).
    let promise = match &transport.fetch {
        Some(fetch) => fetch
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(&url), &init)
            .map_err(js_err)?
            .dyn_into::<Promise>()
            .unwrap_or_else(|value| Promise::resolve(&value)),
        None => global_fetch(&url, &init),
    };
    let response = match deadline.within(promise).await {
        Ok(response) => response
            .dyn_into::<Response>()
            .map_err(|_| Error::Connection {
                message: "fetch did not return a Response".into(),
            })?,
        Err(None) => {
            return Err(Error::Timeout {
                waiting_for: "response headers",
                ms: deadline.ms,
            })
        }
        Err(Some(_)) if aborted(&options.signal) => return Err(Error::Aborted),
        Err(Some(e)) => return Err(js_err(e)),
    };
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let request_id = header("x-request-id").or_else(|| header("mistral-correlation-id"));
    if !response.ok() {
        let retry_after = header("retry-after")
            .and_then(|v| crate::request::retry_after_ms(&v, js_sys::Date::now()));
        let body = match response.array_buffer() {
            Ok(promise) => match deadline.within(promise).await {
                Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
                Err(_) => Vec::new(),
            },
            Err(_) => Vec::new(),
        };
        let mut error = ApiError::new(response.status(), request_id, &body, retry_after);
        // Neither the key nor a per-request token may reach an error, even if echoed back.
        let mut secrets = request
            .body
            .as_deref()
            .map(secrets::in_body)
            .unwrap_or_default();
        secrets.extend(key.map(|k| secrets::bare_key(&k).to_owned()));
        secrets::redact(&mut error, &secrets);
        return Err(Error::Api(Box::new(error)));
    }
    Ok(Sent {
        response,
        controller,
        signal: options.signal,
        request_id,
        deadline,
    })
}

/// Reads a whole success body.
///
/// # Errors
///
/// A timeout, an abort, or a dropped connection.
pub async fn body_bytes(sent: &Sent) -> Result<Vec<u8>, Error> {
    let promise = sent
        .response
        .array_buffer()
        .map_err(|e| Error::Connection {
            message: js_message(&e),
        })?;
    match sent.deadline.within(promise).await {
        Ok(buffer) => Ok(Uint8Array::new(&buffer).to_vec()),
        Err(None) => Err(Error::Timeout {
            waiting_for: "the response body",
            ms: sent.deadline.ms,
        }),
        Err(Some(_)) if aborted(&sent.signal) => Err(Error::Aborted),
        Err(Some(e)) => Err(Error::Connection {
            message: js_message(&e),
        }),
    }
}
