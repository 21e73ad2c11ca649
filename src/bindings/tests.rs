//! wasm-bindgen tests of the JavaScript face against a real HTTP server: `mistral-emulator`
//! (its scripted model and its `x-emulator-fault` faults), started by `scripts/wasm-test.sh`,
//! whose URL is baked in at compile time through `MISTRAL_EDGE_TEST_SERVER`. The same tests run
//! in Node (the runner's default) and in headless Chromium (`WASM_BINDGEN_USE_BROWSER=1`), where
//! every call is cross-origin. `/__emulator/stats` shows whether the server saw a connection
//! close, `/__emulator/requests` what went over the wire (the key only as a SHA-256).
//!
//! Every test that talks to the server fails (it never skips) when the variable is missing.

use js_sys::{Array, Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{AbortController, Response};

use super::client::{call, configure};
use super::error::to_js;
use crate::error::{ApiError, Error, StreamErrorKind};
use crate::request::ops::{self, Operation};

/// A key that must never show up in an error.
const SECRET: &str = "sk-wasm-test-5d1c9e07b3a4";

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    type MistralError;
    type APIError;
    type RateLimitError;
    type HTTPValidationError;
    type InternalServerError;
    type ConnectionError;
    type TimeoutError;
    #[wasm_bindgen(js_name = AbortError)]
    type MistralAbortError;
    type StreamError;
}

#[wasm_bindgen(module = "/js/transport.js")]
extern "C" {
    #[wasm_bindgen(js_name = useOptions)]
    fn use_options(call_options: &JsValue);
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_url(url: &str) -> Promise;
}

// ------------------------------------------------------------------ the client, as JS sees it

/// `new Mistral(options)` for these tests: `js/client.js` and `js/resources.js` are package files
/// the test runner does not load, so this calls the same two wasm exports they call.
struct Mistral {
    config: JsValue,
}

/// A resource of a [`Mistral`].
struct Resource {
    config: JsValue,
}

/// `readOptions` and `callOptions` of `js/options.js`, which the entries import and the test
/// page cannot (one more module in it and headless Chromium often never starts the page): its
/// text, which imports nothing, evaluated.
fn options_js() -> (Function, JsValue) {
    let text = include_str!("../../js/options.js").replace("export function ", "function ");
    let both = Function::new_no_args(&format!("{text}\nreturn [readOptions, callOptions];"))
        .call0(&JsValue::UNDEFINED)
        .unwrap_or_else(|e| panic!("js/options.js does not evaluate: {}", show(&e)));
    let both: Array = both.unchecked_into();
    (both.get(0).unchecked_into(), both.get(1))
}

impl Mistral {
    /// As `new Mistral(options)` in the conversations entry: `readOptions` (no `debugLogger`),
    /// then `configure`; a call's options are read by the same file's `callOptions`.
    fn new(options: Option<Object>) -> Result<Mistral, JsValue> {
        let options = options.map_or(JsValue::UNDEFINED, JsValue::from);
        let (read_options, call_options) = options_js();
        use_options(&call_options);
        let read = read_options
            .call2(&JsValue::UNDEFINED, &options, &JsValue::FALSE)
            .unwrap_or_else(|e| panic!("readOptions threw: {}", show(&e)));
        configure(read).map(|config| Mistral { config })
    }

    fn beta(&self) -> &Self {
        self
    }

    fn conversations(&self) -> Resource {
        Resource {
            config: self.config.clone(),
        }
    }

    fn agents(&self) -> Resource {
        Resource {
            config: self.config.clone(),
        }
    }
}

impl Resource {
    fn run(&self, op: &Operation, request: JsValue, options: Option<Object>) -> Promise {
        let index = ops::ALL
            .iter()
            .position(|o| o.name == op.name)
            .unwrap_or_else(|| panic!("{} is not in ops::ALL", op.name));
        let options = options.map_or(JsValue::UNDEFINED, JsValue::from);
        call(&self.config, index as u32, request, options)
    }

    fn start(&self, request: JsValue, options: Option<Object>) -> Promise {
        self.run(&ops::conversations::START, request, options)
    }

    fn start_stream(&self, request: JsValue, options: Option<Object>) -> Promise {
        self.run(&ops::conversations::START_STREAM, request, options)
    }

    fn create(&self, request: JsValue, options: Option<Object>) -> Promise {
        self.run(&ops::agents::CREATE, request, options)
    }
}

// ------------------------------------------------------------------ helpers

fn server() -> &'static str {
    match option_env!("MISTRAL_EDGE_TEST_SERVER") {
        Some(url) if !url.is_empty() => url,
        _ => panic!(
            "MISTRAL_EDGE_TEST_SERVER is not set: run the wasm tests with `bash scripts/wasm-test.sh`, \
             which starts mistral-emulator and passes its URL"
        ),
    }
}

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or_else(|e| panic!("bad test JSON {text}: {e:?}"))
}

/// `value.a.b.0.c`; `undefined` where the path breaks.
fn at(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        if v.is_undefined() || v.is_null() {
            return JsValue::UNDEFINED;
        }
        Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn text(value: &JsValue, path: &str) -> String {
    let v = at(value, path);
    v.as_string()
        .unwrap_or_else(|| panic!("`{path}` is not a string: {}", show(&v)))
}

fn number(value: &JsValue, path: &str) -> f64 {
    let v = at(value, path);
    v.as_f64()
        .unwrap_or_else(|| panic!("`{path}` is not a number: {}", show(&v)))
}

fn show(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        return format!("{s:?}");
    }
    match JSON::stringify(value) {
        Ok(s) if s.is_string() => s.as_string().unwrap_or_default(),
        _ => format!("{value:?}"),
    }
}

async fn sleep(ms: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, f64::from(ms));
    });
    let _ = JsFuture::from(promise).await;
}

/// A client aimed at the emulator, with the test key and no retries (each call is one request);
/// `extra` adds or overrides options (`,"key":value`).
fn client(extra: &str) -> Mistral {
    let options = json(&format!(
        r#"{{"apiKey":"{SECRET}","serverURL":"{}","retryConfig":{{"strategy":"none"}}{extra}}}"#,
        server()
    ));
    match Mistral::new(Some(options.unchecked_into())) {
        Ok(client) => client,
        Err(e) => panic!("new Mistral failed: {}", show(&e)),
    }
}

/// Call options with these headers: `[("x-emulator-fault", "drop-after=3"), ...]`.
fn options(headers: &[(&str, &str)]) -> Object {
    let h = Object::new();
    for (name, value) in headers {
        let _ = Reflect::set(&h, &JsValue::from_str(name), &JsValue::from_str(value));
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &JsValue::from_str("headers"), &h);
    options
}

/// A request to a model whose (scripted) answer to `inputs` is known: `count to N` streams
/// `1`, ` 2`, ... ` N` (N + 2 events with `started` and `done`); anything else `Echo: inputs`.
fn request(inputs: &str) -> JsValue {
    let r = Object::new();
    let _ = Reflect::set(&r, &"model".into(), &"mistral-medium-latest".into());
    let _ = Reflect::set(&r, &"inputs".into(), &inputs.into());
    r.into()
}

/// Call options that inject faults (`x-emulator-fault`, see emulator/README.md).
fn fault(faults: &str) -> Object {
    options(&[("x-emulator-fault", faults)])
}

async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// `startStream` of `inputs` with these faults (none if empty).
async fn start_stream(inputs: &str, faults: &str) -> Result<JsValue, JsValue> {
    let conversations = client("").beta().conversations();
    let opts = (!faults.is_empty()).then(|| fault(faults));
    settle(conversations.start_stream(request(inputs), opts)).await
}

/// The async iterator of an `EventStream` (what `for await` uses).
fn iterator(stream: &JsValue) -> JsValue {
    let method = Reflect::get(stream, &js_sys::Symbol::async_iterator())
        .ok()
        .and_then(|m| m.dyn_into::<Function>().ok())
        .unwrap_or_else(|| panic!("not an async iterable: {}", show(stream)));
    method
        .call0(stream)
        .unwrap_or_else(|e| panic!("[Symbol.asyncIterator]() threw: {}", show(&e)))
}

/// `await iterator.next()`: `Ok(None)` at the end.
async fn next(iterator: &JsValue) -> Result<Option<JsValue>, JsValue> {
    let next: Function = at(iterator, "next").unchecked_into();
    let promise: Promise = next.call0(iterator)?.unchecked_into();
    let result = JsFuture::from(promise).await?;
    if at(&result, "done").as_bool() == Some(true) {
        Ok(None)
    } else {
        Ok(Some(at(&result, "value")))
    }
}

/// Reads a stream to its end: the events delivered, then the error that ended it, if any.
async fn drain(stream: &JsValue) -> (Vec<JsValue>, Option<JsValue>) {
    let it = iterator(stream);
    let mut events = Vec::new();
    loop {
        match next(&it).await {
            Ok(Some(event)) => events.push(event),
            Ok(None) => return (events, None),
            Err(e) => return (events, Some(e)),
        }
        assert!(events.len() < 100_000, "the stream never ends");
    }
}

async fn get_json(path: &str) -> JsValue {
    let response: Response = settle(fetch_url(&format!("{}{path}", server())))
        .await
        .unwrap_or_else(|e| panic!("GET {path} failed: {}", show(&e)))
        .unchecked_into();
    assert!(response.ok(), "GET {path}: status {}", response.status());
    let promise = response
        .json()
        .unwrap_or_else(|e| panic!("GET {path}: {}", show(&e)));
    settle(promise)
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {}", show(&e)))
}

/// How many streams the emulator has seen closed early by the client.
async fn closed_early() -> f64 {
    number(&get_json("/__emulator/stats").await, "streams_closed_early")
}

/// Waits until the emulator has seen one more stream closed early by the client than `before`.
async fn expect_closed_early(before: f64, what: &str) {
    for _ in 0..100 {
        if closed_early().await > before {
            return;
        }
        sleep(50).await;
    }
    panic!(
        "{what}: the server never saw the connection close (streams_closed_early stayed {before})"
    );
}

/// The requests the emulator recorded, oldest first.
async fn requests() -> Array {
    get_json("/__emulator/requests").await.unchecked_into()
}

/// The emulator's record of the request with this `x-request-id`.
async fn recorded(request_id: &str) -> JsValue {
    requests()
        .await
        .iter()
        .find(|r| at(r, "id").as_string().as_deref() == Some(request_id))
        .unwrap_or_else(|| panic!("the emulator did not record {request_id}"))
}

/// Lower-case hex SHA-256 of `s` (Web Crypto, in Node and in the browser).
async fn sha256_hex(s: &str) -> String {
    let digest = Function::new_with_args(
        "s",
        "return crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))\
         .then((b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join(''))",
    );
    let promise: Promise = digest
        .call1(&JsValue::NULL, &s.into())
        .unwrap_or_else(|e| panic!("sha256: {}", show(&e)))
        .unchecked_into();
    settle(promise)
        .await
        .ok()
        .and_then(|h| h.as_string())
        .unwrap_or_else(|| panic!("sha256 failed"))
}

/// The request was sent with the test key as a bearer token; the emulator kept only its hash.
async fn assert_sent_with_the_key(sent: &JsValue) {
    assert_eq!(text(sent, "authorization.scheme"), "Bearer");
    assert_eq!(
        text(sent, "authorization.sha256"),
        sha256_hex(SECRET).await,
        "the request did not carry the test key"
    );
    assert!(at(sent, "headers.authorization").is_undefined());
}

/// Every string an error exposes: `String(error)`, `stack`, and each own property, deeply.
fn error_text(error: &JsValue) -> String {
    let mut out = Function::new_with_args("e", "return String(e)")
        .call1(&JsValue::NULL, error)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    if let Some(object) = error.dyn_ref::<Object>() {
        for name in Object::get_own_property_names(object).iter() {
            let value = Reflect::get(object, &name).unwrap_or(JsValue::UNDEFINED);
            out.push('\n');
            out.push_str(&name.as_string().unwrap_or_default());
            out.push('=');
            out.push_str(&show(&value));
        }
    }
    out
}

fn assert_no_secret(error: &JsValue, case: &str) {
    let all = error_text(error);
    assert!(!all.is_empty(), "{case}: the error exposes nothing");
    assert!(
        !all.contains(SECRET) && !all.contains(&SECRET[8..]),
        "{case}: the API key leaked into the error: {all}"
    );
}

fn assert_stream_error(error: &JsValue, kind: &str) {
    assert!(
        error.has_type::<StreamError>() && error.has_type::<MistralError>(),
        "expected a StreamError, got {}",
        error_text(error)
    );
    assert_eq!(text(error, "name"), "StreamError");
    assert_eq!(text(error, "kind"), kind, "{}", error_text(error));
    assert!(
        text(error, "requestId").starts_with("req_"),
        "a stream error carries the request id"
    );
}

// ------------------------------------------------------------------ streaming

#[wasm_bindgen_test]
async fn streamed_conversation_reads_to_the_end_with_camel_case_events() {
    // An agent, so that the deltas carry `agent_id` (→ `agentId`).
    let agents = client("").beta().agents();
    let agent = settle(agents.create(
        json(r#"{"model":"mistral-medium-latest","name":"wasm-events"}"#),
        None,
    ))
    .await
    .unwrap_or_else(|e| panic!("agents.create rejected: {}", error_text(&e)));
    let agent_id = text(&agent, "id");
    assert!(agent_id.starts_with("ag_"), "agent id {agent_id}");

    let conversations = client("").beta().conversations();
    let stream = settle(conversations.start_stream(
        json(&format!(
            r#"{{"agentId":"{agent_id}","inputs":"count to 4"}}"#
        )),
        None,
    ))
    .await
    .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let request_id = text(&stream, "requestId");
    assert!(request_id.starts_with("req_"), "requestId {request_id}");

    let (events, error) = drain(&stream).await;
    assert!(
        error.is_none(),
        "the stream failed: {}",
        error_text(&error.unwrap_or_default())
    );
    let names: Vec<String> = events.iter().map(|e| text(e, "event")).collect();
    assert_eq!(
        names,
        [
            "conversation.response.started",
            "message.output.delta",
            "message.output.delta",
            "message.output.delta",
            "message.output.delta",
            "conversation.response.done",
        ]
    );
    let started = at(&events[0], "data");
    assert_eq!(text(&started, "type"), "conversation.response.started");
    let conversation_id = text(&started, "conversationId");
    assert!(conversation_id.starts_with("conv_") && conversation_id.len() == 37);
    assert!(
        at(&started, "conversation_id").is_undefined(),
        "snake_case key leaked"
    );

    let delta = at(&events[2], "data");
    assert_eq!(number(&delta, "outputIndex"), 0.0);
    assert_eq!(number(&delta, "contentIndex"), 0.0);
    assert_eq!(text(&delta, "agentId"), agent_id);
    assert_eq!(text(&delta, "model"), "mistral-medium-latest");
    assert_eq!(text(&delta, "content"), " 2");
    // A `Date`, as the official SDK gives it.
    assert!(at(&delta, "createdAt").is_instance_of::<js_sys::Date>());
    assert!(
        at(&delta, "output_index").is_undefined() && at(&delta, "agent_id").is_undefined(),
        "snake_case key leaked"
    );

    // `count to 4` is three prompt tokens; the answer four.
    let done = at(&events[5], "data");
    assert_eq!(number(&done, "usage.promptTokens"), 3.0);
    assert_eq!(number(&done, "usage.completionTokens"), 4.0);
    assert_eq!(number(&done, "usage.totalTokens"), 7.0);
    assert!(at(&done, "usage.total_tokens").is_undefined());

    // The folded response, as `start` would have returned it.
    let final_response: Function = at(&stream, "finalResponse").unchecked_into();
    let folded = settle(
        final_response
            .call0(&stream)
            .unwrap_or_else(|e| panic!("finalResponse threw: {}", show(&e)))
            .unchecked_into(),
    )
    .await
    .unwrap_or_else(|e| panic!("finalResponse rejected: {}", show(&e)));
    assert_eq!(text(&folded, "conversationId"), conversation_id);
    assert_eq!(text(&folded, "outputs.0.content"), "1 2 3 4");
    assert_eq!(text(&folded, "outputs.0.agentId"), agent_id);
    assert_eq!(number(&folded, "usage.totalTokens"), 7.0);

    // What went over the wire: snake_case, the key as a bearer token, `stream: true`.
    let sent = recorded(&request_id).await;
    assert_eq!(text(&sent, "method"), "POST");
    assert_eq!(text(&sent, "path"), "/v1/conversations");
    assert_sent_with_the_key(&sent).await;
    assert_eq!(text(&sent, "headers.accept"), "text/event-stream");
    assert_eq!(text(&sent, "headers.content-type"), "application/json");
    assert_eq!(at(&sent, "json.stream").as_bool(), Some(true));
    assert_eq!(text(&sent, "json.agent_id"), agent_id);
    assert!(at(&sent, "json.agentId").is_undefined());
    // ... and the emulator kept no trace of the key itself.
    let everything = show(&requests().await.into());
    assert!(!everything.contains(SECRET) && !everything.contains(&SECRET[8..]));
}

#[wasm_bindgen_test]
async fn non_streamed_start_resolves_to_a_camel_case_response() {
    let conversations = client("").beta().conversations();
    let response = settle(conversations.start(request("count to 3"), None))
        .await
        .unwrap_or_else(|e| panic!("start rejected: {}", error_text(&e)));
    assert!(text(&response, "conversationId").starts_with("conv_"));
    assert_eq!(text(&response, "outputs.0.type"), "message.output");
    assert_eq!(text(&response, "outputs.0.content"), "1 2 3");
    assert_eq!(text(&response, "outputs.0.model"), "mistral-medium-latest");
    assert!(!at(&response, "outputs.0.createdAt").is_undefined());
    assert!(at(&response, "outputs.0.created_at").is_undefined());
    assert_eq!(number(&response, "usage.totalTokens"), 6.0);
}

/// The fetch loop and the parser: multi-byte UTF-8, quotes, newlines and backslashes (the
/// emulator echoes them, one token per delta) arrive intact, and the client's headers and the
/// call's headers both reach the server.
#[wasm_bindgen_test]
async fn varied_tokens_and_both_sets_of_headers_reach_their_ends() {
    let conversations = client(r#","headers":{"x-edge-client":"client-wide"}"#)
        .beta()
        .conversations();
    let body = json(
        r#"{"model":"mistral-medium-latest","inputs":[{"role":"user","content":"Hello café 日本語 🚀 \"quoted\" line\nbreak back\\slash token"}]}"#,
    );
    let stream =
        settle(conversations.start_stream(body, Some(options(&[("x-edge-call", "per-call")]))))
            .await
            .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let request_id = text(&stream, "requestId");
    assert!(request_id.starts_with("req_"), "request id {request_id:?}");
    let (events, error) = drain(&stream).await;
    assert!(
        error.is_none(),
        "{}",
        error_text(&error.unwrap_or_default())
    );
    // "Echo:" and nine more tokens, with `started` and `done`.
    assert_eq!(events.len(), 12);
    let mut content = String::new();
    for event in &events {
        assert_eq!(text(event, "event"), text(event, "data.type"));
        if text(event, "event") == "message.output.delta" {
            content.push_str(&text(event, "data.content"));
        }
    }
    assert_eq!(
        content,
        "Echo: Hello café 日本語 🚀 \"quoted\" line\nbreak back\\slash token"
    );
    let final_response: Function = at(&stream, "finalResponse").unchecked_into();
    let folded = settle(
        final_response
            .call0(&stream)
            .unwrap_or_else(|e| panic!("finalResponse threw: {}", show(&e)))
            .unchecked_into(),
    )
    .await
    .unwrap_or_else(|e| panic!("finalResponse rejected: {}", show(&e)));
    assert_eq!(text(&folded, "outputs.0.content"), content);

    let sent = recorded(&request_id).await;
    assert_eq!(text(&sent, "headers.x-edge-client"), "client-wide");
    assert_eq!(text(&sent, "headers.x-edge-call"), "per-call");
    assert_sent_with_the_key(&sent).await;
}

// ------------------------------------------------------------------ abort and timeouts

/// Starts a long, slow stream (an event every 20 ms) and reads its first `n` events.
async fn slow_stream_after(n: usize) -> (JsValue, JsValue) {
    let stream = start_stream("count to 1000", "delay-ms=20")
        .await
        .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let it = iterator(&stream);
    for i in 0..n {
        let event = next(&it)
            .await
            .unwrap_or_else(|e| panic!("event {i}: {}", error_text(&e)));
        assert!(event.is_some(), "the stream ended after {i} events");
    }
    (stream, it)
}

#[wasm_bindgen_test]
async fn abort_mid_stream_closes_the_connection() {
    let before = closed_early().await;
    let (stream, it) = slow_stream_after(3).await;
    let abort: Function = at(&stream, "abort").unchecked_into();
    abort
        .call0(&stream)
        .unwrap_or_else(|e| panic!("abort() threw: {}", show(&e)));
    // The loop throws one AbortError, then is over...
    match next(&it).await {
        Err(error) => {
            assert!(
                error.has_type::<MistralAbortError>() && error.has_type::<MistralError>(),
                "expected AbortError, got {}",
                error_text(&error)
            );
            assert!(text(&error, "requestId").starts_with("req_"));
        }
        Ok(event) => panic!(
            "next() after abort() gave {}",
            show(&event.unwrap_or_default())
        ),
    }
    assert!(
        matches!(next(&it).await, Ok(None)),
        "events after the AbortError"
    );
    // ...and the server saw the connection close before it finished writing.
    expect_closed_early(before, "stream.abort()").await;
}

/// Leaving a `for await` loop early (`break`, `return`, a throw) calls the iterator's
/// `return()`: the loop ends quietly and the request is aborted.
#[wasm_bindgen_test]
async fn leaving_the_loop_early_closes_the_connection() {
    let before = closed_early().await;
    let (_stream, it) = slow_stream_after(2).await;
    let ret: Function = at(&it, "return").unchecked_into();
    let done = settle(
        ret.call0(&it)
            .unwrap_or_else(|e| panic!("return() threw: {}", show(&e)))
            .unchecked_into(),
    )
    .await
    .unwrap_or_else(|e| panic!("return() rejected: {}", error_text(&e)));
    assert_eq!(at(&done, "done").as_bool(), Some(true));
    assert!(matches!(next(&it).await, Ok(None)), "events after return()");
    expect_closed_early(before, "iterator.return()").await;
}

#[wasm_bindgen_test]
async fn caller_signal_aborts_the_stream_with_abort_error() {
    let before = closed_early().await;
    let controller = AbortController::new().unwrap_or_else(|e| panic!("{}", show(&e)));
    let opts = fault("delay-ms=20");
    let _ = Reflect::set(&opts, &JsValue::from_str("signal"), &controller.signal());
    let conversations = client("").beta().conversations();
    let stream = settle(conversations.start_stream(request("count to 1000"), Some(opts)))
        .await
        .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let it = iterator(&stream);
    for i in 0..2 {
        let event = next(&it)
            .await
            .unwrap_or_else(|e| panic!("event {i}: {}", error_text(&e)));
        assert!(event.is_some(), "the stream ended after {i} events");
    }
    controller.abort();
    let error = loop {
        match next(&it).await {
            Ok(Some(_)) => continue, // events already buffered before the abort
            Ok(None) => panic!("the stream ended normally after the caller aborted"),
            Err(e) => break e,
        }
    };
    assert!(
        error.has_type::<MistralAbortError>() && error.has_type::<MistralError>(),
        "expected AbortError, got {}",
        error_text(&error)
    );
    assert_eq!(text(&error, "name"), "AbortError");
    expect_closed_early(before, "the caller's signal").await;
}

#[wasm_bindgen_test]
async fn a_silent_server_times_out_between_chunks() {
    let before = closed_early().await;
    let opts = fault("delay-ms=3000");
    let _ = Reflect::set(&opts, &JsValue::from_str("timeoutMs"), &JsValue::from(300));
    let conversations = client("").beta().conversations();
    let stream = settle(conversations.start_stream(request("count to 3"), Some(opts)))
        .await
        .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let (events, error) = drain(&stream).await;
    assert_eq!(events.len(), 1, "only `started` arrives before the gap");
    let error = error.expect("the gap must time out");
    assert!(
        error.has_type::<TimeoutError>(),
        "got {}",
        error_text(&error)
    );
    assert_eq!(number(&error, "timeoutMs"), 300.0);
    assert_eq!(text(&error, "waitingFor"), "the next chunk");
    assert_no_secret(&error, "timeout");
    expect_closed_early(before, "the chunk timeout").await;
}

// ------------------------------------------------------------------ broken streams

#[wasm_bindgen_test]
async fn a_dropped_connection_is_a_dropped_stream_error_after_the_complete_events() {
    // The emulator sends three events and half of the fourth, waits (`cut-delay-ms`) so that
    // they have been read, then aborts the connection mid-chunk.
    let stream = start_stream("count to 5", "drop-after=3,cut-delay-ms=300")
        .await
        .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let (events, error) = drain(&stream).await;
    assert_eq!(events.len(), 3, "every complete event is delivered first");
    let error = error.expect("a dropped connection must throw");
    assert_stream_error(&error, "dropped");
    assert_no_secret(&error, "drop-after");
}

/// A drop that lands together with the last bytes is still `dropped`. (How many of those bytes
/// reach the page is up to the runtime: Chromium can error the body stream before the page has
/// read data it already received, and a stream's error discards its queue.)
#[wasm_bindgen_test]
async fn an_immediate_drop_is_a_dropped_stream_error() {
    let stream = start_stream("count to 5", "drop-after=3")
        .await
        .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let (events, error) = drain(&stream).await;
    assert!(events.len() <= 3, "no event past the cut: {}", events.len());
    let error = error.expect("a dropped connection must throw");
    assert_stream_error(&error, "dropped");
}

#[wasm_bindgen_test]
async fn a_clean_end_mid_stream_is_a_truncated_stream_error() {
    let stream = start_stream("count to 5", "end-early=4")
        .await
        .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let (events, error) = drain(&stream).await;
    assert_eq!(events.len(), 4);
    let error = error.expect("a body that ends before `done` must throw");
    assert_stream_error(&error, "truncated");
    assert_no_secret(&error, "end-early");
}

#[wasm_bindgen_test]
async fn an_error_event_and_malformed_json_are_stream_errors() {
    let stream = start_stream("count to 5", "error-event")
        .await
        .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let (events, error) = drain(&stream).await;
    assert_eq!(
        events.len(),
        4,
        "started, two deltas, then the error event itself"
    );
    assert_eq!(text(&events[3], "event"), "conversation.response.error");
    assert!(text(&events[3], "data.message").contains("internal model error"));
    let error = error.expect("an error event must throw");
    assert_stream_error(&error, "error_event");
    assert_eq!(number(&error, "code"), 3000.0);
    assert!(text(&error, "message").contains("internal model error"));

    let stream = start_stream("count to 5", "malformed")
        .await
        .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let (events, error) = drain(&stream).await;
    assert_eq!(events.len(), 3);
    assert_stream_error(&error.expect("malformed JSON must throw"), "malformed");
}

// ------------------------------------------------------------------ HTTP errors

#[wasm_bindgen_test]
async fn status_429_is_a_rate_limit_error_with_retry_after() {
    let error = start_stream("hi", "rate-limit=7")
        .await
        .expect_err("a 429 must reject startStream");
    assert!(
        error.has_type::<RateLimitError>()
            && error.has_type::<APIError>()
            && error.has_type::<MistralError>()
            && error.has_type::<js_sys::Error>(),
        "expected RateLimitError, got {}",
        error_text(&error)
    );
    assert!(!error.has_type::<HTTPValidationError>());
    assert_eq!(text(&error, "name"), "RateLimitError");
    assert_eq!(number(&error, "status"), 429.0);
    assert_eq!(
        number(&error, "retryAfterMs"),
        7000.0,
        "Retry-After must be readable (CORS expose)"
    );
    assert_eq!(at(&error, "isRetryable").as_bool(), Some(true));
    assert!(text(&error, "requestId").starts_with("req_"));
    assert!(text(&error, "body").contains("rate_limited"));
    assert!(text(&error, "message").contains("429"));
    assert_no_secret(&error, "429");
}

/// A request the client passes on (it does not check enum values) and the API refuses.
fn refused_request() -> JsValue {
    json(r#"{"model":"m","inputs":"hi","handoffExecution":"bogus"}"#)
}

#[wasm_bindgen_test]
async fn status_422_is_an_http_validation_error_with_detail() {
    let conversations = client("").beta().conversations();
    let error = settle(conversations.start(refused_request(), None))
        .await
        .expect_err("a 422 must reject start");
    assert!(
        error.has_type::<HTTPValidationError>() && error.has_type::<APIError>(),
        "expected HTTPValidationError, got {}",
        error_text(&error)
    );
    assert_eq!(number(&error, "status"), 422.0);
    assert_eq!(at(&error, "isRetryable").as_bool(), Some(false));
    let detail = at(&error, "detail");
    assert!(
        Array::is_array(&detail),
        "detail is the API's array: {}",
        show(&detail)
    );
    assert_eq!(text(&detail, "0.loc.0"), "body");
    assert_eq!(text(&detail, "0.loc.1"), "handoff_execution");
    assert_eq!(
        text(&detail, "0.msg"),
        "Input should be 'client' or 'server'"
    );
    assert_eq!(text(&detail, "0.type"), "literal_error");
    assert!(
        text(&error, "message")
            .contains("body.handoff_execution: Input should be 'client' or 'server'"),
        "{}",
        text(&error, "message")
    );
    assert_no_secret(&error, "422");
}

/// With backoff on, a 429 is retried (after its `Retry-After`) and the stream then succeeds.
#[wasm_bindgen_test]
async fn a_rate_limited_request_is_retried_then_streams() {
    let faults = format!("rate-limit=0,fail=1,key=retry-{}", js_sys::Math::random());
    let conversations = client(r#","retryConfig":{"strategy":"backoff","backoff":{"initialInterval":10,"maxInterval":50}}"#)
        .beta()
        .conversations();
    let stream = settle(conversations.start_stream(request("count to 2"), Some(fault(&faults))))
        .await
        .unwrap_or_else(|e| panic!("the retry did not succeed: {}", error_text(&e)));
    let (events, error) = drain(&stream).await;
    assert!(
        error.is_none(),
        "{}",
        error_text(&error.unwrap_or_default())
    );
    assert_eq!(events.len(), 4);
    let attempts = requests()
        .await
        .iter()
        .filter(|r| at(r, "method").as_string().as_deref() == Some("POST"))
        .filter(|r| {
            at(r, "headers.x-emulator-fault").as_string().as_deref() == Some(faults.as_str())
        })
        .count();
    assert_eq!(attempts, 2, "one 429, then one success");
}

#[wasm_bindgen_test]
async fn no_error_carries_the_api_key() {
    // Mistral answering with errors, through the client (the key was sent: checked below).
    let mut cases: Vec<(String, JsValue)> = Vec::new();
    let conversations = client("").beta().conversations();
    for (case, faults) in [
        ("rate-limit", "rate-limit"),
        ("validation", ""),
        ("fail once", "fail=1"),
    ] {
        let faults = format!("{faults},key=secret-check-{}", js_sys::Math::random());
        let body = if case == "validation" {
            refused_request()
        } else {
            request("hi")
        };
        let error = settle(conversations.start_stream(body, Some(fault(&faults))))
            .await
            .expect_err("an error status must reject");
        let request_id = text(&error, "requestId");
        assert_sent_with_the_key(&recorded(&request_id).await).await;
        cases.push((case.to_owned(), error));
    }
    let fail_once = &cases[2].1;
    assert!(
        fail_once.has_type::<InternalServerError>(),
        "{}",
        error_text(fail_once)
    );

    // No server at all: a connection error (port 9 is never served, and fetch refuses it).
    let dead = Mistral::new(Some(
        json(&format!(
            r#"{{"apiKey":"{SECRET}","serverURL":"http://127.0.0.1:9","retryConfig":{{"strategy":"none"}}}}"#
        ))
        .unchecked_into(),
    ))
    .unwrap_or_else(|e| panic!("{}", show(&e)));
    let error = settle(dead.beta().conversations().start(request("hi"), None))
        .await
        .expect_err("an unreachable server must reject");
    assert!(
        error.has_type::<ConnectionError>(),
        "got {}",
        error_text(&error)
    );
    assert_eq!(at(&error, "isRetryable").as_bool(), Some(true));
    cases.push(("connection".into(), error));

    // A key given as a function, and an invalid request: still never in the error.
    let key_fn = Function::new_no_args(&format!("return Promise.resolve('{SECRET}')"));
    let options = Object::new();
    let _ = Reflect::set(&options, &"apiKey".into(), &key_fn);
    let _ = Reflect::set(&options, &"serverURL".into(), &server().into());
    let _ = Reflect::set(
        &options,
        &"retryConfig".into(),
        &json(r#"{"strategy":"none"}"#),
    );
    let with_fn = Mistral::new(Some(options)).unwrap_or_else(|e| panic!("{}", show(&e)));
    let stream = settle(
        with_fn
            .beta()
            .conversations()
            .start_stream(request("count to 5"), Some(fault("drop-after=3"))),
    )
    .await
    .unwrap_or_else(|e| panic!("startStream rejected: {}", error_text(&e)));
    let request_id = text(&stream, "requestId");
    let (_, error) = drain(&stream).await;
    cases.push((
        "key function + drop-after".into(),
        error.expect("drop-after throws"),
    ));
    assert_sent_with_the_key(&recorded(&request_id).await).await;
    let error = settle(
        with_fn
            .beta()
            .conversations()
            .start(json(r#"{"model":"m","agentId":"a","inputs":"hi"}"#), None),
    )
    .await
    .expect_err("model with agentId is invalid");
    assert_eq!(text(&error, "name"), "InvalidRequestError");
    cases.push(("invalid request".into(), error));

    for (case, error) in &cases {
        assert!(
            error.has_type::<MistralError>(),
            "{case}: {}",
            error_text(error)
        );
        assert_no_secret(error, case);
    }
}

/// Every `Error` variant becomes the right class with its fields (no server needed).
#[wasm_bindgen_test]
fn every_error_maps_to_its_class() {
    let api = |status: u16, body: &str| {
        Error::Api(Box::new(ApiError::new(
            status,
            Some("req_x".into()),
            body.as_bytes(),
            Some(1500),
        )))
    };
    let cases: Vec<(Error, &str)> = vec![
        (
            Error::InvalidRequest {
                message: "`inputs` must not be empty".into(),
            },
            "InvalidRequestError",
        ),
        (api(400, "{}"), "BadRequestError"),
        (
            api(401, r#"{"detail":"Unauthorized"}"#),
            "AuthenticationError",
        ),
        (api(403, "{}"), "PermissionDeniedError"),
        (api(404, "{}"), "NotFoundError"),
        (api(409, "{}"), "ConflictError"),
        (
            api(422, r#"{"detail":[{"loc":["body"],"msg":"m","type":"t"}]}"#),
            "HTTPValidationError",
        ),
        (api(429, "{}"), "RateLimitError"),
        (api(503, "{}"), "InternalServerError"),
        (api(418, "{}"), "APIError"),
        (
            Error::Connection {
                message: "fetch failed".into(),
            },
            "ConnectionError",
        ),
        (
            Error::Timeout {
                waiting_for: "response headers",
                ms: 5,
            },
            "TimeoutError",
        ),
        (Error::Aborted, "AbortError"),
        (
            Error::stream(StreamErrorKind::TooLarge, "too large"),
            "StreamError",
        ),
        (
            Error::Decode {
                message: "m".into(),
                body: "b".into(),
            },
            "ResponseValidationError",
        ),
        (
            Error::Unexpected {
                message: "hook failed".into(),
            },
            "UnexpectedClientError",
        ),
    ];
    for (error, class) in cases {
        let js = to_js(&error);
        assert!(
            js.has_type::<MistralError>() && js.has_type::<js_sys::Error>(),
            "{class}"
        );
        assert_eq!(text(&js, "name"), class);
        assert_eq!(text(&js, "message"), error.to_string());
        if let Error::Api(api) = &error {
            assert!(js.has_type::<APIError>(), "{class} extends APIError");
            assert_eq!(number(&js, "status"), f64::from(api.status));
            assert_eq!(text(&js, "requestId"), "req_x");
            assert_eq!(number(&js, "retryAfterMs"), 1500.0);
        }
    }
    let js = to_js(&Error::stream(
        StreamErrorKind::ErrorEvent { code: 42 },
        "boom",
    ));
    assert_eq!(text(&js, "kind"), "error_event");
    assert_eq!(number(&js, "code"), 42.0);
}
