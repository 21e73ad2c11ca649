//! What the emulator refuses to hold: bodies over a route's size limit (413, in the API's
//! error envelope), request heads that take too long (the connection is closed, see
//! `server.rs`), and request bodies that take too long (408, then the connection is closed).

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use serde_json::Value;

use crate::clock;
use crate::error::ApiError;
use crate::timer::{self, Sleep};

/// How long a client may take to send a request, and how big its body may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// For a request head, from the end of the previous exchange (or the connection's start)
    /// to the end of the head: then the connection is closed. So an idle keep-alive
    /// connection is also closed after this long, as most servers do.
    pub head: Duration,
    /// From the end of a request's head to the end of its body (then 408, and the connection
    /// is closed).
    pub body: Duration,
    /// The largest body of a JSON endpoint (then 413).
    pub json_bytes: usize,
    /// The largest upload, `POST /v1/files` and documents (then 413).
    pub upload_bytes: usize,
}

impl Default for Limits {
    /// 30 s for a head (hyper's own default once it has a timer; Node's pool drops idle
    /// connections after 4 s, and browsers retry on a connection the server closed), 60 s for
    /// a body (a 64 MiB upload over loopback takes
    /// well under a second); 2 MiB for JSON bodies, 64 MiB for uploads.
    fn default() -> Self {
        Self {
            head: Duration::from_secs(30),
            body: Duration::from_secs(60),
            json_bytes: 2 * 1024 * 1024,
            upload_bytes: crate::libraries::MAX_UPLOAD,
        }
    }
}

/// 413 for a body over the route's limit ([`Limits::json_bytes`], [`Limits::upload_bytes`]).
pub fn too_large() -> ApiError {
    ApiError::envelope(
        StatusCode::PAYLOAD_TOO_LARGE,
        "invalid_request_error",
        "Request body too large",
        Value::Null,
    )
}

/// 408 for a body that did not arrive in time.
pub fn too_slow(limit: Duration) -> ApiError {
    ApiError::envelope(
        StatusCode::REQUEST_TIMEOUT,
        "invalid_request_error",
        format!("Request body not received within {} ms", limit.as_millis()),
        Value::Null,
    )
}

/// A request body that fails once its deadline has passed (and says so in `expired`). Its
/// timer starts only when the body first keeps a reader waiting (a body that is all there, as
/// in-process requests are, never needs one), for what is left of the limit then.
struct Deadline {
    inner: Body,
    /// When the deadline passes, in microseconds since the epoch.
    due: i64,
    sleep: Option<Sleep>,
    expired: Arc<AtomicBool>,
}

impl HttpBody for Deadline {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        if let Poll::Ready(frame) = Pin::new(&mut self.inner).poll_frame(cx) {
            return Poll::Ready(frame);
        }
        let due = self.due;
        let sleep = self.sleep.get_or_insert_with(|| {
            let left = due.saturating_sub(clock::now_micros()).max(0);
            timer::sleep(Duration::from_micros(left as u64))
        });
        if sleep.as_mut().poll(cx).is_ready() {
            self.expired.store(true, Ordering::Relaxed);
            return Poll::Ready(Some(Err(axum::Error::new("request body timed out"))));
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The deadline of one request's body (see [`give_deadline`]).
#[derive(Debug, Clone)]
pub struct BodyDeadline {
    limit: Duration,
    expired: Arc<AtomicBool>,
}

/// Gives the request's body `limit` to arrive, from now: whoever is still reading it then
/// (the recorder, a handler) gets an error.
pub fn give_deadline(request: Request, limit: Duration) -> (Request, BodyDeadline) {
    let expired = Arc::new(AtomicBool::new(false));
    let request = request.map(|inner| {
        Body::new(Deadline {
            inner,
            due: clock::now_micros().saturating_add(limit.as_micros() as i64),
            sleep: None,
            expired: expired.clone(),
        })
    });
    (request, BodyDeadline { limit, expired })
}

impl BodyDeadline {
    /// The answer: `response`, or a 408 that closes the connection if the body came too late.
    pub fn verdict(&self, response: Response) -> Response {
        if !self.expired.load(Ordering::Relaxed) {
            return response;
        }
        let mut response = too_slow(self.limit).into_response();
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        response
    }
}
