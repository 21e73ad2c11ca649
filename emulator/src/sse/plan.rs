//! Every event of one response, planned once and made lazily: the frames of a long text share
//! one prefix, and each token's frame is made when it is read.

use std::collections::VecDeque;
use std::sync::Arc;

use axum::body::Bytes;
use bytes::BytesMut;
use mistral_edge::model::leaf::JsonObject;
use mistral_edge::model::wire::{self, ContentDelta, ConversationEvent as Ev};

use super::{frame, push_json_str};
use crate::model::{fragments, AgentRef, By, Output, Part, Reply, FRAGMENT};

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
    pub(super) huge_target: (i64, String, i64, Option<By>),
    /// The stamp of its events.
    pub(super) created_at: String,
}

pub(super) fn delta_event(
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
pub(super) fn delta_prefix(event: &Ev) -> Option<Bytes> {
    let f = frame(event);
    let body = f.strip_suffix(b"\"\"}\n\n")?;
    Some(Bytes::copy_from_slice(body))
}

impl Plan {
    /// The events of `reply` for `conversation_id`, stamped `now`.
    pub fn new(conversation_id: &str, reply: &Reply, now: &str) -> Self {
        let mut p = Planner {
            now,
            segments: Vec::new(),
            huge_target: None,
        };
        p.one(Ev::ResponseStarted(wire::ResponseStartedEvent {
            created_at: p.stamp(),
            conversation_id: conversation_id.to_owned(),
        }));
        for (i, output) in reply.outputs.iter().enumerate() {
            p.output(i as i64, output);
        }
        p.one(Ev::ResponseDone(wire::ResponseDoneEvent {
            created_at: p.stamp(),
            usage: reply.usage.clone(),
        }));
        let total = p
            .segments
            .iter()
            .map(|s| match s {
                Segment::One(_) => 1,
                Segment::Tokens { text, .. } => crate::tokens::count(text),
            })
            .sum();
        let huge_target = p.huge_target.unwrap_or_else(|| {
            (
                reply.outputs.len() as i64,
                "msg_emulator_huge".to_owned(),
                0,
                None,
            )
        });
        Self {
            segments: p.segments,
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

/// Makes a plan's segments, one output after the other.
struct Planner<'a> {
    now: &'a str,
    segments: Vec<Segment>,
    /// The first text part: where a `huge` delta goes.
    huge_target: Option<(i64, String, i64, Option<By>)>,
}

impl Planner<'_> {
    /// One event, as a frame.
    fn one(&mut self, ev: Ev) {
        self.segments.push(Segment::One(frame(&ev)));
    }

    fn stamp(&self) -> Option<String> {
        Some(self.now.to_owned())
    }

    /// The events of the output at `index`.
    fn output(&mut self, index: i64, output: &Output) {
        match output {
            Output::Message { id, by, parts } => self.message(index, id, by, parts),
            Output::Tool {
                id,
                by,
                name,
                arguments,
                info,
            } => self.tool(index, id, by, name, arguments, info),
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
                    self.one(Ev::FunctionCall(wire::FunctionCallEvent {
                        created_at: self.stamp(),
                        output_index: Some(index),
                        id: id.clone(),
                        name: name.clone(),
                        tool_call_id: tool_call_id.clone(),
                        arguments: piece.to_owned(),
                        model: Some(by.model.clone()),
                        agent_id: by.agent_id.clone(),
                        confirmation_status: confirmation.map(Into::into),
                    }));
                }
            }
            Output::Handoff { id, previous, next } => self.handoff(index, id, previous, next),
        }
    }

    /// A message: a delta per token of each text part, one per chunk.
    fn message(&mut self, index: i64, id: &str, by: &By, parts: &[Part]) {
        for (k, part) in parts.iter().enumerate() {
            let k = k as i64;
            match part {
                Part::Text(text) => self.text(index, id, k, by, text),
                Part::Chunk(chunk) => {
                    let content = ContentDelta::Chunk(chunk.clone());
                    self.one(delta_event(self.now, index, id, k, by, content));
                }
            }
        }
    }

    /// A text part: its tokens' frames share one prefix (made lazily), or are made now if the
    /// event has no such prefix.
    fn text(&mut self, index: i64, id: &str, k: i64, by: &By, text: &Arc<str>) {
        if self.huge_target.is_none() {
            self.huge_target = Some((index, id.to_owned(), k, Some(by.clone())));
        }
        let ev = delta_event(
            self.now,
            index,
            id,
            k,
            by,
            ContentDelta::Text(String::new()),
        );
        match delta_prefix(&ev) {
            Some(prefix) => self.segments.push(Segment::Tokens {
                prefix,
                text: text.clone(),
            }),
            None => {
                for token in crate::tokens::tokens(text) {
                    let content = ContentDelta::Text(token.to_owned());
                    self.one(delta_event(self.now, index, id, k, by, content));
                }
            }
        }
    }

    /// A tool execution: started, its arguments in fragments, done.
    fn tool(
        &mut self,
        index: i64,
        id: &str,
        by: &By,
        name: &str,
        arguments: &str,
        info: &Option<JsonObject>,
    ) {
        self.one(Ev::ToolExecutionStarted(wire::ToolExecutionStartedEvent {
            created_at: self.stamp(),
            output_index: Some(index),
            id: id.to_owned(),
            name: name.to_owned(),
            arguments: Some(String::new()),
            model: Some(by.model.clone()),
            agent_id: by.agent_id.clone(),
        }));
        for piece in fragments(arguments, FRAGMENT) {
            self.one(Ev::ToolExecutionDelta(wire::ToolExecutionDeltaEvent {
                created_at: self.stamp(),
                output_index: Some(index),
                id: id.to_owned(),
                name: name.to_owned(),
                arguments: piece.to_owned(),
            }));
        }
        self.one(Ev::ToolExecutionDone(wire::ToolExecutionDoneEvent {
            created_at: self.stamp(),
            output_index: Some(index),
            id: id.to_owned(),
            name: name.to_owned(),
            info: info.clone(),
        }));
    }

    /// A handoff: started, done.
    fn handoff(&mut self, index: i64, id: &str, previous: &AgentRef, next: &AgentRef) {
        self.one(Ev::AgentHandoffStarted(wire::AgentHandoffStartedEvent {
            created_at: self.stamp(),
            output_index: Some(index),
            id: id.to_owned(),
            previous_agent_id: previous.id.clone(),
            previous_agent_name: previous.name.clone(),
        }));
        self.one(Ev::AgentHandoffDone(wire::AgentHandoffDoneEvent {
            created_at: self.stamp(),
            output_index: Some(index),
            id: id.to_owned(),
            next_agent_id: next.id.clone(),
            next_agent_name: next.name.clone(),
        }));
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
    pub(super) fn next_into(&mut self, out: &mut BytesMut) -> bool {
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
