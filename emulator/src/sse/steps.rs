//! The frames of a [`Plan`] with the request's faults applied: injected events, a cut (with a
//! pause before it) and an abort.

use std::collections::VecDeque;
use std::time::Duration;

use axum::body::Bytes;
use bytes::BytesMut;
use mistral_edge::model::wire::{self, ContentDelta, ConversationEvent as Ev};

use super::frame;
use super::plan::{delta_event, delta_prefix, Frames, Plan};
use crate::faults::Faults;
use crate::model::By;

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
