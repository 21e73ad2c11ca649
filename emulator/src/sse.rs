//! Renders a reply as a conversation event stream (`text/event-stream`), with the faults of
//! the request applied event by event.
//!
//! Each event is `event: <type>\ndata: <json>\n\n`; the JSON is a `mistral_edge` wire event,
//! so field names and order are the crate's. Text is streamed one token per
//! `message.output.delta`; the frames of long texts are made lazily from a shared prefix, so
//! a million-token reply costs no more memory than its text.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use bytes::BytesMut;
use mistral_edge::model::wire::{self, ContentDelta, ConversationEvent as Ev};

use crate::faults::Faults;
use crate::model::{fragments, By, Output, Part, Reply, FRAGMENT};

/// Body chunks are coalesced up to this size when no delay is asked for.
const CHUNK: usize = 64 * 1024;
/// How long a cut body waits after its last bytes before the connection is aborted, so that
/// those bytes are flushed first.
const FLUSH_BEFORE_ABORT: Duration = Duration::from_millis(25);

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

/// A run of events: one frame, or one delta per token of a text.
#[derive(Debug)]
enum Segment {
    One(Bytes),
    Tokens {
        /// Everything up to the content value: `event: …\ndata: {…,"content":`.
        prefix: Bytes,
        text: Arc<str>,
    },
}

/// Every event of one response, in order, made lazily.
#[derive(Debug)]
pub struct Plan {
    segments: Vec<Segment>,
    total: usize,
    /// Where a `huge` delta goes: (output_index, entry id, content_index, by).
    huge_target: (i64, String, i64, Option<By>),
    created_at: String,
}

fn delta_event(
    now: &str,
    index: i64,
    id: &str,
    content_index: i64,
    by: &By,
    content: ContentDelta,
) -> Ev {
    Ev::MessageOutput(wire::MessageOutputEvent {
        created_at: Some(now.to_owned()),
        output_index: Some(index),
        id: id.to_owned(),
        content_index: Some(content_index),
        model: Some(by.model.clone()),
        agent_id: by.agent_id.clone(),
        role: Some("assistant".into()),
        content,
    })
}

/// The prefix of a text delta frame, up to (not including) the content string.
fn delta_prefix(event: &Ev) -> Option<Bytes> {
    let f = frame(event);
    let body = f.strip_suffix(b"\"\"}\n\n")?;
    Some(Bytes::copy_from_slice(body))
}

impl Plan {
    /// The events of `reply` for `conversation_id`, stamped `now`.
    pub fn new(conversation_id: &str, reply: &Reply, now: &str) -> Self {
        let mut segments = Vec::new();
        let mut total = 0usize;
        fn one(segments: &mut Vec<Segment>, ev: Ev) {
            segments.push(Segment::One(frame(&ev)));
        }
        let stamp = || Some(now.to_owned());
        one(
            &mut segments,
            Ev::ResponseStarted(wire::ResponseStartedEvent {
                created_at: stamp(),
                conversation_id: conversation_id.to_owned(),
            }),
        );
        let mut huge_target = None;
        for (i, output) in reply.outputs.iter().enumerate() {
            let index = i as i64;
            match output {
                Output::Message { id, by, parts } => {
                    for (k, part) in parts.iter().enumerate() {
                        let k = k as i64;
                        match part {
                            Part::Text(text) => {
                                if huge_target.is_none() {
                                    huge_target = Some((index, id.clone(), k, Some(by.clone())));
                                }
                                let ev = delta_event(
                                    now,
                                    index,
                                    id,
                                    k,
                                    by,
                                    ContentDelta::Text(String::new()),
                                );
                                match delta_prefix(&ev) {
                                    Some(prefix) => segments.push(Segment::Tokens {
                                        prefix,
                                        text: text.clone(),
                                    }),
                                    None => {
                                        for token in crate::tokens::tokens(text) {
                                            one(
                                                &mut segments,
                                                delta_event(
                                                    now,
                                                    index,
                                                    id,
                                                    k,
                                                    by,
                                                    ContentDelta::Text(token.to_owned()),
                                                ),
                                            );
                                        }
                                    }
                                }
                            }
                            Part::Chunk(chunk) => one(
                                &mut segments,
                                delta_event(
                                    now,
                                    index,
                                    id,
                                    k,
                                    by,
                                    ContentDelta::Chunk(chunk.clone()),
                                ),
                            ),
                        }
                    }
                }
                Output::Tool {
                    id,
                    by,
                    name,
                    arguments,
                    info,
                } => {
                    one(
                        &mut segments,
                        Ev::ToolExecutionStarted(wire::ToolExecutionStartedEvent {
                            created_at: stamp(),
                            output_index: Some(index),
                            id: id.clone(),
                            name: name.clone(),
                            arguments: Some(String::new()),
                            model: Some(by.model.clone()),
                            agent_id: by.agent_id.clone(),
                        }),
                    );
                    for piece in fragments(arguments, FRAGMENT) {
                        one(
                            &mut segments,
                            Ev::ToolExecutionDelta(wire::ToolExecutionDeltaEvent {
                                created_at: stamp(),
                                output_index: Some(index),
                                id: id.clone(),
                                name: name.clone(),
                                arguments: piece.to_owned(),
                            }),
                        );
                    }
                    one(
                        &mut segments,
                        Ev::ToolExecutionDone(wire::ToolExecutionDoneEvent {
                            created_at: stamp(),
                            output_index: Some(index),
                            id: id.clone(),
                            name: name.clone(),
                            info: info.clone(),
                        }),
                    );
                }
                Output::Call {
                    id,
                    by,
                    tool_call_id,
                    name,
                    arguments,
                    confirmation,
                    ..
                } => {
                    for piece in fragments(arguments, FRAGMENT) {
                        one(
                            &mut segments,
                            Ev::FunctionCall(wire::FunctionCallEvent {
                                created_at: stamp(),
                                output_index: Some(index),
                                id: id.clone(),
                                name: name.clone(),
                                tool_call_id: tool_call_id.clone(),
                                arguments: piece.to_owned(),
                                model: Some(by.model.clone()),
                                agent_id: by.agent_id.clone(),
                                confirmation_status: confirmation.map(Into::into),
                            }),
                        );
                    }
                }
                Output::Handoff { id, previous, next } => {
                    one(
                        &mut segments,
                        Ev::AgentHandoffStarted(wire::AgentHandoffStartedEvent {
                            created_at: stamp(),
                            output_index: Some(index),
                            id: id.clone(),
                            previous_agent_id: previous.id.clone(),
                            previous_agent_name: previous.name.clone(),
                        }),
                    );
                    one(
                        &mut segments,
                        Ev::AgentHandoffDone(wire::AgentHandoffDoneEvent {
                            created_at: stamp(),
                            output_index: Some(index),
                            id: id.clone(),
                            next_agent_id: next.id.clone(),
                            next_agent_name: next.name.clone(),
                        }),
                    );
                }
            }
        }
        one(
            &mut segments,
            Ev::ResponseDone(wire::ResponseDoneEvent {
                created_at: stamp(),
                usage: reply.usage.clone(),
            }),
        );
        for s in &segments {
            total += match s {
                Segment::One(_) => 1,
                Segment::Tokens { text, .. } => crate::tokens::count(text),
            };
        }
        let huge_target = huge_target.unwrap_or_else(|| {
            (
                reply.outputs.len() as i64,
                "msg_emulator_huge".to_owned(),
                0,
                None,
            )
        });
        Self {
            segments,
            total,
            huge_target,
            created_at: now.to_owned(),
        }
    }

    /// How many events the stream has.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The frames, one by one.
    pub fn frames(self) -> Frames {
        Frames {
            segments: self.segments.into(),
            pos: 0,
        }
    }
}

/// The frames of a [`Plan`], made one at a time.
#[derive(Debug)]
pub struct Frames {
    segments: VecDeque<Segment>,
    pos: usize,
}

impl Frames {
    /// Appends the next frame to `out`, without making it separately; false at the end.
    fn next_into(&mut self, out: &mut BytesMut) -> bool {
        loop {
            match self.segments.front_mut() {
                None => return false,
                Some(Segment::One(b)) => {
                    out.extend_from_slice(b);
                    self.segments.pop_front();
                    return true;
                }
                Some(Segment::Tokens { prefix, text }) => {
                    match crate::tokens::tokens(&text[self.pos..]).next() {
                        Some(token) => {
                            self.pos += token.len();
                            out.extend_from_slice(prefix);
                            push_json_str(out, token);
                            out.extend_from_slice(b"}\n\n");
                            return true;
                        }
                        None => {
                            self.pos = 0;
                            self.segments.pop_front();
                        }
                    }
                }
            }
        }
    }
}

impl Iterator for Frames {
    type Item = Bytes;

    fn next(&mut self) -> Option<Bytes> {
        loop {
            match self.segments.front()? {
                Segment::One(_) => {
                    if let Some(Segment::One(b)) = self.segments.pop_front() {
                        return Some(b);
                    }
                }
                Segment::Tokens { prefix, text } => {
                    let rest = &text[self.pos..];
                    match crate::tokens::tokens(rest).next() {
                        Some(token) => {
                            self.pos += token.len();
                            let mut out = Vec::with_capacity(prefix.len() + token.len() + 8);
                            out.extend_from_slice(prefix);
                            push_json_str(&mut out, token);
                            out.extend_from_slice(b"}\n\n");
                            return Some(Bytes::from(out));
                        }
                        None => {
                            self.pos = 0;
                            self.segments.pop_front();
                        }
                    }
                }
            }
        }
    }
}

/// What the body does next.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A whole event.
    Frame(Bytes),
    /// The first half of an event (a cut).
    Partial(Bytes),
    /// Wait before going on (`cut-delay-ms`: after the last bytes, before the cut).
    Pause(Duration),
    /// Abort the connection.
    Abort,
}

/// What [`Steps::write_next`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Written {
    /// It appended a whole event to the buffer.
    Frame,
    /// Something else comes next.
    Other(Step),
    /// The body is over.
    End,
}

/// The frames with faults applied.
#[derive(Debug)]
pub struct Steps {
    frames: Frames,
    insert_at: usize,
    taken: usize,
    injected: VecDeque<Bytes>,
    phase: u8,
    stop_after_injected: bool,
    emitted: usize,
    cut: Option<(usize, bool)>,
    cut_pause: Option<Duration>,
    tail: VecDeque<Step>,
    finished: bool,
}

/// The `malformed` fault's frame: its JSON ends in the middle.
pub const MALFORMED_FRAME: &[u8] =
    b"event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"content\":\n\n";
/// The `unknown-event` fault's frame.
pub const UNKNOWN_FRAME: &[u8] = b"event: conversation.response.novel\ndata: {\"type\":\"conversation.response.novel\",\"some_field\":{\"nested_key\":1}}\n\n";

impl Steps {
    /// Applies `faults` to the events of `plan`.
    pub fn new(plan: Plan, faults: &Faults) -> Self {
        let total = plan.total();
        // Injected events go after `started` and two more events, or before `done`.
        let insert_at = 3.min(total.saturating_sub(1));
        let mut injected = VecDeque::new();
        if faults.malformed {
            injected.push_back(Bytes::from_static(MALFORMED_FRAME));
        }
        if faults.unknown_event {
            injected.push_back(Bytes::from_static(UNKNOWN_FRAME));
        }
        if let Some(n) = faults.huge {
            let (index, id, k, by) = &plan.huge_target;
            let by = by.clone().unwrap_or(By {
                model: "emulator".into(),
                agent_id: None,
            });
            let ev = delta_event(
                &plan.created_at,
                *index,
                id,
                *k,
                &by,
                ContentDelta::Text(String::new()),
            );
            let prefix = delta_prefix(&ev).unwrap_or_default();
            let mut out = Vec::with_capacity(prefix.len() + n + 8);
            out.extend_from_slice(&prefix);
            out.push(b'"');
            out.extend((0..n).map(|i| b'a' + (i % 26) as u8));
            out.extend_from_slice(b"\"}\n\n");
            injected.push_back(Bytes::from(out));
        }
        let mut stop_after_injected = false;
        if let Some(code) = faults.error_event {
            let ev = Ev::ResponseError(wire::ResponseErrorEvent {
                created_at: Some(plan.created_at.clone()),
                message: "internal model error (x-emulator-fault: error-event)".into(),
                code,
            });
            injected.push_back(frame(&ev));
            stop_after_injected = true;
        }
        let logical_total = if stop_after_injected {
            insert_at + injected.len()
        } else {
            total + injected.len()
        };
        let cut = match (faults.drop_after, &faults.end_early) {
            (Some(n), _) => Some((n, true)),
            (None, Some(Some(n))) => Some((*n, false)),
            (None, Some(None)) => Some((logical_total.saturating_sub(1), false)),
            (None, None) => None,
        };
        Self {
            frames: plan.frames(),
            insert_at,
            taken: 0,
            injected,
            phase: 0,
            stop_after_injected,
            emitted: 0,
            cut,
            cut_pause: faults
                .cut_delay_ms
                .filter(|ms| *ms > 0)
                .map(Duration::from_millis),
            tail: VecDeque::new(),
            finished: false,
        }
    }

    /// Like [`Iterator::next`], but a whole event (the common case) is appended to `out`
    /// directly, with no allocation of its own.
    pub fn write_next(&mut self, out: &mut BytesMut) -> Written {
        let at_cut = self.cut.is_some_and(|(n, _)| self.emitted == n);
        let direct = match self.phase {
            0 => self.taken < self.insert_at,
            1 => false,
            _ => true,
        };
        if !self.tail.is_empty() || self.finished || at_cut || !direct {
            return match self.next() {
                Some(step) => Written::Other(step),
                None => Written::End,
            };
        }
        if self.frames.next_into(out) {
            if self.phase == 0 {
                self.taken += 1;
            }
            self.emitted += 1;
            Written::Frame
        } else {
            self.finished = true;
            Written::End
        }
    }

    fn next_logical(&mut self) -> Option<Bytes> {
        loop {
            match self.phase {
                0 if self.taken < self.insert_at => {
                    self.taken += 1;
                    return self.frames.next();
                }
                0 => self.phase = 1,
                1 => match self.injected.pop_front() {
                    Some(b) => return Some(b),
                    None if self.stop_after_injected => return None,
                    None => self.phase = 2,
                },
                _ => return self.frames.next(),
            }
        }
    }
}

impl Iterator for Steps {
    type Item = Step;

    fn next(&mut self) -> Option<Step> {
        if let Some(step) = self.tail.pop_front() {
            return Some(step);
        }
        if self.finished {
            return None;
        }
        let next = self.next_logical();
        if let Some((n, abort)) = self.cut {
            if self.emitted == n {
                self.finished = true;
                if let Some(pause) = self.cut_pause {
                    self.tail.push_back(Step::Pause(pause));
                }
                if abort {
                    self.tail.push_back(Step::Abort);
                }
                return match next {
                    Some(f) if f.len() > 1 => Some(Step::Partial(f.slice(..f.len() / 2))),
                    _ => self.tail.pop_front(),
                };
            }
        }
        match next {
            Some(f) => {
                self.emitted += 1;
                Some(Step::Frame(f))
            }
            None => {
                self.finished = true;
                None
            }
        }
    }
}

fn aborted() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::ConnectionAborted,
        "x-emulator-fault: connection dropped",
    )
}

/// The response body for these steps: coalesced into large chunks, or one event per chunk
/// with `delay` between events.
pub fn body(steps: Steps, delay: Option<Duration>) -> Body {
    struct St {
        steps: Steps,
        started: bool,
        abort_next: bool,
        pause_next: Option<Duration>,
        done: bool,
    }
    let st = St {
        steps,
        started: false,
        abort_next: false,
        pause_next: None,
        done: false,
    };
    let stream = futures_util::stream::unfold(st, move |mut st| async move {
        if st.done {
            return None;
        }
        if let Some(pause) = st.pause_next.take() {
            crate::timer::sleep(pause).await;
        }
        if st.abort_next {
            crate::timer::sleep(FLUSH_BEFORE_ABORT).await;
            st.done = true;
            return Some((Err(aborted()), st));
        }
        match delay {
            Some(d) => loop {
                match st.steps.next() {
                    None => return None,
                    Some(Step::Abort) => {
                        st.done = true;
                        return Some((Err(aborted()), st));
                    }
                    Some(Step::Pause(p)) => crate::timer::sleep(p).await,
                    Some(Step::Frame(b)) | Some(Step::Partial(b)) => {
                        if st.started && !d.is_zero() {
                            crate::timer::sleep(d).await;
                        }
                        st.started = true;
                        return Some((Ok(b), st));
                    }
                }
            },
            None => {
                // Events are written straight into the chunk; a chunk goes out at CHUNK bytes.
                let mut buf = BytesMut::with_capacity(CHUNK + 1024);
                loop {
                    match st.steps.write_next(&mut buf) {
                        Written::Frame => {
                            if buf.len() >= CHUNK {
                                return Some((Ok(buf.freeze()), st));
                            }
                        }
                        Written::Other(Step::Frame(b)) | Written::Other(Step::Partial(b)) => {
                            if buf.is_empty() && b.len() >= CHUNK {
                                return Some((Ok(b), st));
                            }
                            buf.extend_from_slice(&b);
                            if buf.len() >= CHUNK {
                                return Some((Ok(buf.freeze()), st));
                            }
                        }
                        Written::Other(Step::Pause(p)) => {
                            if buf.is_empty() {
                                crate::timer::sleep(p).await;
                            } else {
                                st.pause_next = Some(p);
                                return Some((Ok(buf.freeze()), st));
                            }
                        }
                        Written::Other(Step::Abort) => {
                            if buf.is_empty() {
                                st.done = true;
                                return Some((Err(aborted()), st));
                            }
                            st.abort_next = true;
                            return Some((Ok(buf.freeze()), st));
                        }
                        Written::End => {
                            st.done = true;
                            return if buf.is_empty() {
                                None
                            } else {
                                Some((Ok(buf.freeze()), st))
                            };
                        }
                    }
                }
            }
        }
    });
    Body::from_stream(stream)
}

/// A body made of `bytes` that then ends cleanly, or aborts the connection; `pause` between
/// the bytes and the end (at least a moment before an abort, so that the bytes are flushed).
pub fn cut_body(bytes: Bytes, abort: bool, pause: Duration) -> Body {
    let stream = futures_util::stream::unfold(0u8, move |state| {
        let bytes = bytes.clone();
        async move {
            match state {
                0 => Some((Ok(bytes), 1)),
                1 => {
                    if abort {
                        crate::timer::sleep(pause.max(FLUSH_BEFORE_ABORT)).await;
                        Some((Err(aborted()), 2))
                    } else {
                        crate::timer::sleep(pause).await;
                        None
                    }
                }
                _ => None,
            }
        }
    });
    Body::from_stream(stream)
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
