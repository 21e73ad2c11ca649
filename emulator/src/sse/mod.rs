//! Renders a reply as a conversation event stream (`text/event-stream`), with the faults of
//! the request applied event by event.
//!
//! Each event is `event: <type>\ndata: <json>\n\n`; the JSON is a `mistral_edge` wire event,
//! so field names and order are the crate's. Text is streamed one token per
//! `message.output.delta`; the frames of long texts are made lazily from a shared prefix, so
//! a million-token reply costs no more memory than its text.

use axum::body::Bytes;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use bytes::BytesMut;
use mistral_edge::model::wire::ConversationEvent as Ev;
use std::time::Duration;

use crate::faults::Faults;
use crate::model::Reply;

mod body;
mod plan;
mod steps;

pub use body::{body, cut_body};
pub use plan::{Frames, Plan};
pub use steps::{Step, Steps, Written, MALFORMED_FRAME, UNKNOWN_FRAME};

/// Somewhere bytes are appended: a `Vec<u8>` or the `BytesMut` of a body chunk.
pub trait Sink {
    /// Appends `bytes`.
    fn put(&mut self, bytes: &[u8]);
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

impl Sink for BytesMut {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Appends `s` as a JSON string literal.
pub fn push_json_str(out: &mut impl Sink, s: &str) {
    out.put(b"\"");
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            b'\n' => Some(b"\\n"),
            b'\r' => Some(b"\\r"),
            b'\t' => Some(b"\\t"),
            0..=0x1F => None,
            _ => continue,
        };
        out.put(&bytes[start..i]);
        match esc {
            Some(e) => out.put(e),
            None => out.put(format!("\\u{b:04x}").as_bytes()),
        }
        start = i + 1;
    }
    out.put(&bytes[start..]);
    out.put(b"\"");
}

/// One SSE frame for a wire event.
pub fn frame(event: &Ev) -> Bytes {
    let json = serde_json::to_vec(event).unwrap_or_default();
    frame_raw(event_name(event), &json)
}

/// One SSE frame from an event name and its data.
pub fn frame_raw(name: &str, data: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(name.len() + data.len() + 16);
    out.extend_from_slice(b"event: ");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\ndata: ");
    out.extend_from_slice(data);
    out.extend_from_slice(b"\n\n");
    Bytes::from(out)
}

fn event_name(event: &Ev) -> &'static str {
    match event {
        Ev::ResponseStarted(_) => "conversation.response.started",
        Ev::ResponseDone(_) => "conversation.response.done",
        Ev::ResponseError(_) => "conversation.response.error",
        Ev::MessageOutput(_) => "message.output.delta",
        Ev::ToolExecutionStarted(_) => "tool.execution.started",
        Ev::ToolExecutionDelta(_) => "tool.execution.delta",
        Ev::ToolExecutionDone(_) => "tool.execution.done",
        Ev::FunctionCall(_) => "function.call.delta",
        Ev::AgentHandoffStarted(_) => "agent.handoff.started",
        Ev::AgentHandoffDone(_) => "agent.handoff.done",
        _ => "unknown",
    }
}

/// A `200 text/event-stream` response streaming `reply`.
pub fn response(conversation_id: &str, reply: &Reply, now: &str, faults: &Faults) -> Response {
    let plan = Plan::new(conversation_id, reply, now);
    let steps = Steps::new(plan, faults);
    let delay = faults.delay_ms.map(Duration::from_millis);
    let mut response = Response::new(body(steps, delay));
    *response.status_mut() = StatusCode::OK;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_serde() {
        for s in [
            "plain",
            "a \"quote\"",
            "back\\slash",
            "line\nbreak\t\r",
            "\u{1}\u{1f}",
            "日本語 🚀",
            "",
        ] {
            let mut out = Vec::new();
            push_json_str(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }
}
