//! What the emulator saw, for tests that check the wire or a client's behaviour:
//!
//! - `GET /__emulator/stats`: how many requests came, and how many event streams were
//!   completed, closed early by the client, or cut by a `drop-after` fault;
//! - `GET /__emulator/requests`: the most recent requests (method, path, headers, body), oldest
//!   first; `DELETE` forgets them.
//!
//! Secrets are never kept: the `Authorization` header is reduced to its scheme and the SHA-256
//! of its credentials, and secret-looking values in JSON bodies (`authorization`, tokens,
//! connector and credential `headers`, ...) are replaced by `[redacted]`. No key, no
//! `/__emulator/` route needs a key, and these requests are not recorded themselves.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use futures_util::{Stream, StreamExt};
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::json::{no_content, ok};
use crate::state::AppState;

/// How many requests `/__emulator/requests` remembers (the oldest are forgotten first).
pub const MAX_RECORDED: usize = 500;
/// How much of each request body is kept.
pub const MAX_BODY: usize = 64 * 1024;
/// What replaces a secret.
pub const REDACTED: &str = "[redacted]";

/// The routes under `/__emulator/`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/__emulator/stats", get(stats))
        .route("/__emulator/requests", get(requests).delete(forget))
}

/// Whether a path is one of the emulator's own (not recorded).
pub fn is_own(path: &str) -> bool {
    path.starts_with("/__emulator/")
}

/// The `Authorization` header of a recorded request, without its secret.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AuthSeen {
    /// `Bearer`, `Basic`, ... as sent (empty when the header had no scheme).
    pub scheme: String,
    /// Lower-case hex SHA-256 of what follows the scheme (the API key), trimmed.
    pub sha256: String,
}

/// One recorded request.
#[derive(Debug, Clone, Serialize)]
pub struct Recorded {
    /// The `x-request-id` of its response.
    pub id: String,
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path with its query string, as sent.
    pub path: String,
    /// Header names (lower case) and values; `authorization` is left out (see below),
    /// `cookie` and `proxy-authorization` values are redacted. Repeated headers are joined
    /// with `, `.
    pub headers: serde_json::Map<String, Value>,
    /// `null` without an `Authorization` header.
    pub authorization: Option<AuthSeen>,
    /// The body as text (UTF-8, lossy), secrets redacted; `null` when there was none.
    pub body: Option<String>,
    /// The body's size in bytes.
    pub body_bytes: usize,
    /// Whether `body` holds only the first [`MAX_BODY`] bytes.
    pub body_truncated: bool,
    /// The body parsed as JSON (secrets redacted), when it is JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json: Option<Value>,
}

/// Counters and the recent requests.
#[derive(Debug, Default)]
pub struct Observer {
    recorded: Mutex<VecDeque<Recorded>>,
    requests: AtomicU64,
    streams_started: AtomicU64,
    streams_completed: AtomicU64,
    streams_closed_early: AtomicU64,
    streams_dropped: AtomicU64,
}

impl Observer {
    fn push(&self, r: Recorded) {
        let mut list = self.recorded.lock().unwrap_or_else(|e| e.into_inner());
        if list.len() >= MAX_RECORDED {
            list.pop_front();
        }
        list.push_back(r);
    }

    /// The counters, as `GET /__emulator/stats` shows them.
    pub fn stats(&self) -> Value {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        let started = get(&self.streams_started);
        let completed = get(&self.streams_completed);
        let closed = get(&self.streams_closed_early);
        let dropped = get(&self.streams_dropped);
        json!({
            "requests": get(&self.requests),
            "streams_started": started,
            "streams_completed": completed,
            "streams_closed_early": closed,
            "streams_dropped": dropped,
            "streams_open": started.saturating_sub(completed + closed + dropped),
        })
    }

    /// The recorded requests, oldest first.
    pub fn recorded(&self) -> Vec<Recorded> {
        let list = self.recorded.lock().unwrap_or_else(|e| e.into_inner());
        list.iter().cloned().collect()
    }

    /// Records `request` (reading at most [`MAX_BODY`] bytes of its body ahead) and gives
    /// it back, body intact, for the handler.
    pub async fn record(&self, id: &str, request: Request) -> Request {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let (parts, body) = request.into_parts();
        let mut stream = body.into_data_stream();
        let mut head: Vec<Bytes> = Vec::new();
        let mut read = 0usize;
        let mut ended = false;
        let mut failed = None;
        while read <= MAX_BODY {
            match stream.next().await {
                Some(Ok(b)) => {
                    read += b.len();
                    head.push(b);
                }
                Some(Err(e)) => {
                    failed = Some(e);
                    break;
                }
                None => {
                    ended = true;
                    break;
                }
            }
        }
        let mut seen: Vec<u8> = Vec::with_capacity(read.min(MAX_BODY + 1));
        for b in &head {
            seen.extend_from_slice(b);
        }
        let truncated = !ended;
        let size = if ended {
            read
        } else {
            parts
                .headers
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok())
                .unwrap_or(read)
        };
        let (body_text, json) = describe_body(&seen, truncated);
        self.push(Recorded {
            id: id.to_owned(),
            method: parts.method.as_str().to_owned(),
            path: parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| parts.uri.path().to_owned()),
            headers: headers(&parts.headers),
            authorization: parts
                .headers
                .get(header::AUTHORIZATION)
                .map(|v| auth_seen(v.as_bytes())),
            body: body_text,
            body_bytes: size,
            body_truncated: truncated,
            json,
        });
        let body = if ended {
            Body::from(Bytes::from(seen))
        } else {
            let first = futures_util::stream::iter(head.into_iter().map(Ok::<_, axum::Error>));
            let last = futures_util::stream::iter(failed.map(Err));
            Body::from_stream(first.chain(last).chain(stream))
        };
        Request::from_parts(parts, body)
    }

    /// Wraps an event-stream body so that its end is counted: completed, closed early by the
    /// client (the body is dropped before its end), or dropped by a fault (it ends in an error).
    pub fn watch_stream(self: &Arc<Self>, body: Body) -> Body {
        self.streams_started.fetch_add(1, Ordering::Relaxed);
        Body::from_stream(Watched {
            inner: body.into_data_stream(),
            observer: self.clone(),
            over: false,
        })
    }
}

/// An event-stream body being counted.
struct Watched {
    inner: axum::body::BodyDataStream,
    observer: Arc<Observer>,
    over: bool,
}

impl Stream for Watched {
    type Item = Result<Bytes, axum::Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        let item = std::task::ready!(this.inner.poll_next_unpin(cx));
        if !this.over {
            match &item {
                None => {
                    this.over = true;
                    this.observer
                        .streams_completed
                        .fetch_add(1, Ordering::Relaxed);
                }
                Some(Err(_)) => {
                    this.over = true;
                    this.observer
                        .streams_dropped
                        .fetch_add(1, Ordering::Relaxed);
                }
                Some(Ok(_)) => {}
            }
        }
        Poll::Ready(item)
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        if !self.over {
            self.observer
                .streams_closed_early
                .fetch_add(1, Ordering::Relaxed);
        }
    }
}

fn headers(map: &HeaderMap) -> serde_json::Map<String, Value> {
    let mut out = serde_json::Map::new();
    for (name, value) in map {
        let name = name.as_str();
        if name == "authorization" {
            continue;
        }
        let value = if matches!(name, "cookie" | "proxy-authorization") {
            REDACTED.to_owned()
        } else {
            String::from_utf8_lossy(value.as_bytes()).into_owned()
        };
        match out.get_mut(name) {
            Some(Value::String(s)) => {
                s.push_str(", ");
                s.push_str(&value);
            }
            _ => {
                out.insert(name.to_owned(), Value::String(value));
            }
        }
    }
    out
}

/// The scheme and the SHA-256 of the credentials of an `Authorization` value.
pub fn auth_seen(value: &[u8]) -> AuthSeen {
    let text = String::from_utf8_lossy(value);
    let text = text.trim();
    let (scheme, credentials) = match text.split_once(char::is_whitespace) {
        Some((s, c)) => (s, c.trim()),
        None => ("", text),
    };
    AuthSeen {
        scheme: scheme.to_owned(),
        sha256: sha256_hex(credentials.as_bytes()),
    }
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Keys whose whole value is secret (every string in it but a `type`).
const SECRET_KEYS: &[&str] = &[
    "authorization",
    "api_key",
    "apikey",
    "bearer_token",
    "access_token",
    "refresh_token",
    "id_token",
    "client_secret",
    "password",
    "secret",
    "token",
    "oauth",
    "headers",
    "global_headers",
];

/// The body as recorded: its text and, when it is JSON, its value, both with secrets redacted.
fn describe_body(seen: &[u8], truncated: bool) -> (Option<String>, Option<Value>) {
    if seen.is_empty() {
        return (None, None);
    }
    let cut = &seen[..seen.len().min(MAX_BODY)];
    if !truncated {
        if let Ok(mut value) = serde_json::from_slice::<Value>(cut) {
            let mut secrets = Vec::new();
            redact(&mut value, false, &mut secrets);
            if secrets.is_empty() {
                return (Some(String::from_utf8_lossy(cut).into_owned()), Some(value));
            }
            // Replace each secret where it stands, to keep the body as sent; if that does not
            // give exactly the redacted value (escapes written differently), show the value.
            let mut text = String::from_utf8_lossy(cut).into_owned();
            let placeholder = Value::String(REDACTED.into()).to_string();
            for s in &secrets {
                let literal = Value::String(s.clone()).to_string();
                text = text.replace(&literal, &placeholder);
            }
            let same = serde_json::from_str::<Value>(&text).is_ok_and(|v| v == value);
            let text = if same { text } else { value.to_string() };
            return (Some(text), Some(value));
        }
    }
    // Not JSON (or cut short): the text as it is, unless it looks like JSON with secrets in it.
    let text = String::from_utf8_lossy(cut).into_owned();
    let lower = text.to_ascii_lowercase();
    if SECRET_KEYS
        .iter()
        .any(|k| lower.contains(&format!("\"{k}\"")))
    {
        return (Some(REDACTED.to_owned()), None);
    }
    (Some(text), None)
}

/// Replaces secret strings in `value` by [`REDACTED`], collecting the originals.
fn redact(value: &mut Value, secret: bool, found: &mut Vec<String>) {
    match value {
        Value::String(s) if secret && s != REDACTED => {
            found.push(std::mem::replace(s, REDACTED.to_owned()));
        }
        Value::Array(items) => {
            for v in items {
                redact(v, secret, found);
            }
        }
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                let key = k.to_ascii_lowercase();
                if secret && key == "type" && v.is_string() {
                    continue;
                }
                let inner = secret || SECRET_KEYS.contains(&key.as_str());
                redact(v, inner, found);
            }
        }
        Value::Number(_) | Value::Bool(_) if secret => {
            let s = value.to_string();
            found.push(s);
            *value = Value::String(REDACTED.into());
        }
        _ => {}
    }
}

async fn stats(State(state): State<AppState>) -> Response {
    ok(&state.observer.stats())
}

async fn requests(State(state): State<AppState>) -> Response {
    ok(&state.observer.recorded())
}

async fn forget(State(state): State<AppState>) -> Response {
    state
        .observer
        .recorded
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    no_content()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_is_a_scheme_and_a_hash() {
        let a = auth_seen(b"Bearer sk-123");
        assert_eq!(a.scheme, "Bearer");
        assert_eq!(a.sha256, sha256_hex(b"sk-123"));
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(auth_seen(b"token").scheme, "");
    }

    #[test]
    fn secrets_in_bodies_are_redacted_where_they_stand() {
        let body = br#"{"tools":[{"type":"connector","connector_id":"x","authorization":{"type":"oauth2-token","value":"tok-secret"}}],"credentials":{"bearer_token":"b-secret","headers":{"X-Key":"h-secret"}},"inputs":"hi"}"#;
        let (text, json) = describe_body(body, false);
        let text = text.unwrap();
        let json = json.unwrap();
        for s in ["tok-secret", "b-secret", "h-secret"] {
            assert!(!text.contains(s), "{text}");
        }
        assert!(text.starts_with(r#"{"tools":[{"type":"connector","connector_id":"x","authorization":{"type":"oauth2-token","value":"[redacted]"}}]"#), "{text}");
        assert_eq!(json["tools"][0]["authorization"]["type"], "oauth2-token");
        assert_eq!(json["credentials"]["headers"]["X-Key"], REDACTED);
        assert_eq!(json["inputs"], "hi");

        // Numbers are secrets too there; they cannot be replaced where they stand: the redacted
        // value is shown instead.
        let (text, json) = describe_body(br#"{"b":1, "headers":{"pin":12345}}"#, false);
        assert_eq!(text.unwrap(), r#"{"b":1,"headers":{"pin":"[redacted]"}}"#);
        assert_eq!(json.unwrap()["headers"]["pin"], REDACTED);

        // Written with escapes the re-encoding does not match: the redacted value is shown.
        let (text, _) = describe_body(br#"{"api_key":"s\u0065cret"}"#, false);
        assert_eq!(text.unwrap(), r#"{"api_key":"[redacted]"}"#);
        // Truncated JSON with a secret key in it: nothing shown.
        let (text, json) = describe_body(br#"{"api_key":"sec"#, true);
        assert_eq!(text.unwrap(), REDACTED);
        assert!(json.is_none());
        // Plain text stays.
        assert_eq!(describe_body(b"hello", false).0.unwrap(), "hello");
    }
}
