//! The benchmark's streams (`make bench`), chosen by the `x-emulator-bench` header on
//! `POST /v1/conversations`: the frames of the SDK baseline byte for byte (263-byte deltas, the
//! baseline's message id, agent id and model), so that numbers compare across runs and with the
//! baseline, served at next to no cost while a client is measured on the same cores.
//!
//! The header holds comma-separated items: `n=N` (the number of deltas, default 5),
//! `tokens=varied` (token i is the i-th of [`VARIED_TOKENS`], in turn; by default every token is
//! `" token"`) and `created-at=tick` (every event gets a `created_at` right after its `type`,
//! 137 µs after the one before, as a live stream's deltas differ in their timestamps too).
//!
//! A stream is `started` (with a fresh conversation id), N `message.output.delta`s, then
//! `conversation.response.done` (12 prompt tokens, N completion tokens), with no `[DONE]`:
//! 26,300,342 bytes for N = 100,000. Everything after `started` is rendered once per header
//! value, cached, and written in 64 KiB slices. Without `"stream": true` the answer is one
//! `conversation.response` whose message holds the N tokens. Nothing is stored: the mode stands
//! apart from the scripted model and the conversation store, and takes no faults.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::sse::push_json_str;
use crate::state::AppState;

/// The header that asks for a benchmark stream.
pub const HEADER: &str = "x-emulator-bench";
/// The baseline's model.
pub const MODEL: &str = "mistral-medium-2505";
/// The baseline's message id.
pub const MSG_ID: &str = "msg_067f2a9925d674ea8000e63c68ae0474";
/// The baseline's agent id.
pub const AGENT_ID: &str = "ag_067f2a39ddd67bf68000fa921bc0c25d";
/// The prompt tokens every answer counts.
pub const PROMPT_TOKENS: u64 = 12;
/// Every token of a plain stream.
pub const DEFAULT_TOKEN: &str = " token";
/// The tokens of `tokens=varied`, in turn: ASCII, accents, CJK, an emoji, quotes, a line break,
/// a backslash.
pub const VARIED_TOKENS: [&str; 8] = [
    " Hello",
    " café",
    " 日本語",
    " 🚀",
    " \"quoted\"",
    " line\nbreak",
    " back\\slash",
    " token",
];
/// The largest `n`.
pub const MAX_N: u64 = 10_000_000;
/// Streams are written in slices of this size.
const SLICE: usize = 64 * 1024;
/// Cached bodies above this total are forgotten (all of them) before the next is kept.
const MAX_CACHE_BYTES: usize = 512 * 1024 * 1024;

/// What the header asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Spec {
    /// The number of deltas.
    pub n: u64,
    /// `tokens=varied`.
    pub varied: bool,
    /// `created-at=tick`.
    pub tick: bool,
}

/// Parses the header's value.
pub fn parse(value: &str) -> Result<Spec, String> {
    let mut spec = Spec {
        n: 5,
        varied: false,
        tick: false,
    };
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match item.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
            Some(("n", v)) => {
                spec.n =
                    v.parse().ok().filter(|n| *n <= MAX_N).ok_or_else(|| {
                        format!("`n` must be a whole number up to {MAX_N}, got `{v}`")
                    })?
            }
            Some(("tokens", "varied")) => spec.varied = true,
            Some(("tokens", "default")) => spec.varied = false,
            Some(("created-at", "tick")) => spec.tick = true,
            Some(("created-at", "none")) => spec.tick = false,
            _ => return Err(format!("unknown item `{item}`")),
        }
    }
    Ok(spec)
}

/// Token `i` (from 0) of a stream.
pub fn token(spec: &Spec, i: u64) -> &'static str {
    if spec.varied {
        VARIED_TOKENS[(i % VARIED_TOKENS.len() as u64) as usize]
    } else {
        DEFAULT_TOKEN
    }
}

/// `created-at=tick`: event `i`'s timestamp (0 is `started`), 137 µs after the one before.
pub fn tick_at(i: u64) -> String {
    let us = i * 137;
    let s = us / 1_000_000;
    format!(
        "2026-01-01T{:02}:{:02}:{:02}.{:06}Z",
        (s / 3600) % 24,
        (s / 60) % 60,
        s % 60,
        us % 1_000_000
    )
}

/// `{"type":"<kind>"` and, with `created-at=tick`, event `i`'s `created_at`.
fn open(out: &mut Vec<u8>, kind: &str, spec: &Spec, i: u64) {
    out.extend_from_slice(format!("event: {kind}\ndata: {{\"type\":\"{kind}\"").as_bytes());
    if spec.tick {
        out.extend_from_slice(format!(",\"created_at\":\"{}\"", tick_at(i)).as_bytes());
    }
}

/// The `started` frame.
pub fn started(spec: &Spec, conversation_id: &str) -> Vec<u8> {
    let mut out = Vec::new();
    open(&mut out, "conversation.response.started", spec, 0);
    out.extend_from_slice(format!(",\"conversation_id\":\"{conversation_id}\"}}\n\n").as_bytes());
    out
}

fn usage(n: u64) -> String {
    format!(
        "{{\"prompt_tokens\":{PROMPT_TOKENS},\"completion_tokens\":{n},\"total_tokens\":{},\"connector_tokens\":null,\"connectors\":null}}",
        PROMPT_TOKENS + n
    )
}

/// Every frame after `started`: the deltas, then `done`.
pub fn rest(spec: &Spec) -> Vec<u8> {
    let mut one = Vec::new();
    let delta = |out: &mut Vec<u8>, i: u64| {
        open(out, "message.output.delta", spec, i + 1);
        out.extend_from_slice(
            format!(",\"output_index\":1,\"id\":\"{MSG_ID}\",\"content_index\":0,\"model\":\"{MODEL}\",\"agent_id\":\"{AGENT_ID}\",\"role\":\"assistant\",\"content\":").as_bytes(),
        );
        push_json_str(out, token(spec, i));
        out.extend_from_slice(b"}\n\n");
    };
    let mut out;
    if spec.varied || spec.tick {
        out = Vec::new();
        for i in 0..spec.n {
            delta(&mut out, i);
        }
    } else {
        // N identical frames.
        delta(&mut one, 0);
        out = one.repeat(spec.n as usize);
    }
    open(&mut out, "conversation.response.done", spec, spec.n + 1);
    out.extend_from_slice(format!(",\"usage\":{}}}\n\n", usage(spec.n)).as_bytes());
    out
}

/// The answer without `"stream": true`.
pub fn response(spec: &Spec, conversation_id: &str) -> String {
    let mut content = Vec::new();
    let text: String = (0..spec.n).map(|i| token(spec, i)).collect();
    push_json_str(&mut content, &text);
    let now = "2026-01-01T00:00:00.000Z";
    format!(
        "{{\"object\":\"conversation.response\",\"conversation_id\":\"{conversation_id}\",\"outputs\":[{{\"object\":\"entry\",\"type\":\"message.output\",\"id\":\"{MSG_ID}\",\"created_at\":\"{now}\",\"completed_at\":\"{now}\",\"model\":\"{MODEL}\",\"role\":\"assistant\",\"content\":{}}}],\"usage\":{}}}",
        String::from_utf8_lossy(&content),
        usage(spec.n)
    )
}

/// The rendered bodies after `started`, by what was asked.
#[derive(Debug, Default, Clone)]
pub struct Cache(Arc<Mutex<HashMap<Spec, Bytes>>>);

impl Cache {
    /// The body after `started` for `spec`, rendered on first use.
    fn rest(&self, spec: &Spec) -> Bytes {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(b) = map.get(spec) {
            return b.clone();
        }
        let body = Bytes::from(rest(spec));
        if map.values().map(Bytes::len).sum::<usize>() + body.len() > MAX_CACHE_BYTES {
            map.clear();
        }
        map.insert(*spec, body.clone());
        body
    }
}

/// Middleware: answers `POST /v1/conversations` carrying the header with a benchmark stream or
/// response; passes every other request on.
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(raw) = request.headers().get(HEADER) else {
        return next.run(request).await;
    };
    if request.method() != Method::POST || request.uri().path() != "/v1/conversations" {
        return next.run(request).await;
    }
    let spec = match raw
        .to_str()
        .map_err(|_| "not ASCII".to_string())
        .and_then(parse)
    {
        Ok(spec) => spec,
        Err(message) => {
            return ApiError::bad_request(format!("bad `{HEADER}`: {message}")).into_response()
        }
    };
    let Ok(body) = axum::body::to_bytes(request.into_body(), usize::MAX).await else {
        return ApiError::bad_request("could not read the request body").into_response();
    };
    let stream = serde_json::from_slice::<serde_json::Value>(&body)
        .is_ok_and(|v| v.get("stream") == Some(&serde_json::Value::Bool(true)));
    let id = state.ids.next("conv");
    if !stream {
        let mut r = (StatusCode::OK, response(&spec, &id)).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        return r;
    }
    let rest = state.bench.rest(&spec);
    let first = Bytes::from(started(&spec, &id));
    let slices = (0..rest.len().div_ceil(SLICE))
        .map(move |k| rest.slice(k * SLICE..((k + 1) * SLICE).min(rest.len())));
    let chunks = std::iter::once(first)
        .chain(slices)
        .map(Ok::<_, std::io::Error>);
    let mut r = Response::new(Body::from_stream(futures_util::stream::iter(chunks)));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Spec = Spec {
        n: 100_000,
        varied: false,
        tick: false,
    };

    #[test]
    fn the_baseline_stream_has_its_length() {
        let started = started(&PLAIN, &format!("conv_{}", "0".repeat(32)));
        assert_eq!(started.len() + rest(&PLAIN).len(), 26_300_342);
        let one = Spec { n: 1, ..PLAIN };
        let rest = String::from_utf8(rest(&one)).unwrap();
        let delta = &rest[..rest.find("\n\n").unwrap() + 2];
        assert_eq!(delta.len(), 263);
    }

    #[test]
    fn live_streams_vary_tokens_and_times() {
        let spec = parse("n=9, tokens=varied, created-at=tick").unwrap();
        assert_eq!((spec.n, spec.varied, spec.tick), (9, true, true));
        let text = String::from_utf8(rest(&spec)).unwrap();
        assert!(text.contains("\"created_at\":\"2026-01-01T00:00:00.000137Z\",\"output_index\":1"));
        assert!(text.contains("\"content\":\" line\\nbreak\"}"));
        assert!(text.contains("\"content\":\" back\\\\slash\"}"));
        assert!(text.contains("\"type\":\"conversation.response.done\",\"created_at\":\"2026-01-01T00:00:00.001370Z\""));
        assert_eq!(tick_at(10_000_000), "2026-01-01T00:22:50.000000Z");
    }

    #[test]
    fn bad_headers_are_named() {
        assert!(parse("n=x").unwrap_err().contains("`n`"));
        assert!(parse("n=10000001").is_err());
        assert!(parse("tokens=odd").unwrap_err().contains("`tokens=odd`"));
    }
}
