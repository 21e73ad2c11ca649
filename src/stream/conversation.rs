//! One conversation stream: SSE framing, per-event transcoding into a batch, and accumulation.

use crate::error::{Error, StreamErrorKind};
use crate::json::{to_js_dated, to_js_members, Member};
use crate::model::shape::HasShape;
use crate::model::wire;
use crate::sse::{DecoderOptions, SseDecoder};

use std::borrow::Cow;

use super::patch::Previous;
use super::Accumulator;
use crate::swar::same_bytes;

/// What one chunk produced.
#[derive(Debug)]
pub struct Feed<'a> {
    /// The events the chunk completed, as one ASCII JSON array with an item per event, ready
    /// for a single `JSON.parse`; `None` when it completed none. An item is one of:
    /// - the event's camelCase `data` (an object, or any other JSON but an array);
    /// - `[data]`, a one-element array, when `data` is itself an array;
    /// - a patch `[i, value, j, value, ...]` (an even length, possibly zero): the previous
    ///   event (this batch's or the last one's) with its `i`-th, `j`-th, ... members set to
    ///   these values, in its own key order (see `Object.keys`).
    ///
    /// Each event's SSE name is its `data.type`, except those listed in [`names`](Self::names).
    ///
    /// An event's one date-time, its top-level `createdAt`, is a number: its milliseconds since
    /// the epoch, which JavaScript makes a `Date` (a value that is not an RFC 3339 date-time
    /// stays the string it was).
    pub batch: Option<&'a [u8]>,
    /// The events whose SSE name is not their `data.type` (or that have none): `(index in the
    /// batch, name)`. Usually empty.
    pub names: &'a [(usize, String)],
    /// How many events are in the batch.
    pub count: usize,
    /// A failure after the batch's events: deliver them first, then raise this.
    pub error: Option<Error>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Open,
    Done,
    Failed,
}

/// A conversation stream being read. Feed it body chunks as they arrive; each call returns
/// the events that chunk completed, at once.
#[derive(Debug)]
pub struct ConversationStream {
    decoder: SseDecoder,
    accumulator: Accumulator,
    members: Vec<Member>,
    previous: Previous,
    batch: Vec<u8>,
    names: Vec<(usize, String)>,
    status: Status,
}

impl Default for ConversationStream {
    fn default() -> Self {
        Self::new(DecoderOptions::default())
    }
}

impl ConversationStream {
    /// A stream whose events may each be up to `options.max_buffer_bytes` long.
    pub fn new(options: DecoderOptions) -> Self {
        Self {
            decoder: SseDecoder::new(options),
            accumulator: Accumulator::default(),
            members: Vec::with_capacity(16),
            previous: Previous::default(),
            batch: Vec::new(),
            names: Vec::new(),
            status: Status::Open,
        }
    }

    /// Feeds one body chunk.
    pub fn feed(&mut self, chunk: &[u8]) -> Feed<'_> {
        self.batch.clear();
        self.names.clear();
        if self.status == Status::Failed {
            return Feed {
                batch: None,
                names: &[],
                count: 0,
                error: None,
            };
        }
        let Self {
            decoder,
            accumulator,
            members,
            previous,
            batch,
            names,
            status,
        } = self;
        let mut count = 0usize;
        let mut error: Option<Error> = None;
        let outcome = decoder.feed_with(chunk, &mut |event| {
            if error.is_some() {
                return;
            }
            let start = batch.len();
            let data = event.data.as_bytes();
            // Room for the event in JavaScript's spelling, reserved so that running out of memory
            // is this typed error rather than a trap; the memory held goes back with the stream.
            if crate::json::reserve_js(batch, data).is_err() {
                error = Some(Error::out_of_memory("event", data.len()));
                return;
            }
            batch.push(if count == 0 { b'[' } else { b',' });
            if previous.diff(data, batch, members) {
                previous.set_patched(data, members);
            } else if let Err(e) = full(data, batch, members, previous) {
                batch.truncate(start);
                error = Some(malformed(&event, &e));
                return;
            }
            let kind = event_type(data, members);
            if !kind
                .as_deref()
                .is_some_and(|kind| same_bytes(kind, event.event.as_bytes()))
            {
                names.push((count, event.event.to_owned()));
            }
            count += 1;
            accumulator.apply(data, members);
            match kind.as_deref() {
                Some(b"conversation.response.done") => *status = Status::Done,
                Some(b"conversation.response.error") => {
                    let field = |key: &str| {
                        members
                            .iter()
                            .find(|m| data.get(m.key.clone()) == Some(key.as_bytes()))
                            .and_then(|m| data.get(m.value.clone()))
                    };
                    let message = field("message")
                        .and_then(|raw| match raw {
                            [b'"', body @ .., b'"'] => Some(crate::json::text::unescape(body)),
                            _ => None,
                        })
                        .unwrap_or_else(|| "unknown error".into());
                    let code = field("code")
                        .and_then(|raw| std::str::from_utf8(raw).ok()?.parse().ok())
                        .unwrap_or(0);
                    error = Some(Error::stream(
                        StreamErrorKind::ErrorEvent { code },
                        format!("the response failed: {message} (code {code})"),
                    ));
                }
                _ => {}
            }
        });
        if let Err(e) = outcome {
            error.get_or_insert_with(|| Error::stream(StreamErrorKind::TooLarge, e.to_string()));
        }
        if error.is_some() {
            *status = Status::Failed;
        }
        if count > 0 {
            batch.push(b']');
        }
        Feed {
            batch: (count > 0).then_some(&batch[..]),
            names,
            count,
            error,
        }
    }

    /// The body ended. A healthy stream has delivered `conversation.response.done` by now.
    ///
    /// # Errors
    ///
    /// A [`StreamErrorKind::Truncated`] error when it has not.
    pub fn finish(&mut self) -> Result<(), Error> {
        self.decoder.finish();
        match self.status {
            Status::Done => Ok(()),
            Status::Failed => Ok(()),
            Status::Open => {
                self.status = Status::Failed;
                let partial = if self.decoder.discarded_at_finish() {
                    "; a partial event was discarded"
                } else {
                    ""
                };
                Err(Error::stream(
                    StreamErrorKind::Truncated,
                    format!("the stream ended before `conversation.response.done`{partial}"),
                ))
            }
        }
    }

    /// The batch the last [`feed`](Self::feed) produced (empty when it completed no event).
    pub fn batch(&self) -> &[u8] {
        &self.batch
    }

    /// The last batch's exceptions to "the SSE name is `data.type`", as ASCII JSON
    /// `[[index, "name"], ...]`; `None` when there are none.
    pub fn names_json(&self) -> Option<Vec<u8>> {
        if self.names.is_empty() {
            return None;
        }
        let mut out = vec![b'['];
        for (n, (index, name)) in self.names.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.push(b'[');
            out.extend_from_slice(index.to_string().as_bytes());
            out.push(b',');
            crate::json::text::write_quoted_ascii(&mut out, name);
            out.push(b']');
        }
        out.push(b']');
        Some(out)
    }

    /// Whether `conversation.response.done` has arrived.
    pub fn is_done(&self) -> bool {
        self.status == Status::Done
    }

    /// Sets the most event data, in bytes, that [`final_response`](Self::final_response) folds
    /// ([`FOLD_LIMIT`](super::FOLD_LIMIT) by default); 0 switches folding off, for a
    /// caller who only reads the events. Past it, the events go on and the response is an error.
    pub fn set_fold_limit(&mut self, bytes: usize) {
        self.accumulator.set_limit(bytes);
    }

    /// The response folded from the events so far, as camelCase JSON `[response, [dates]]`:
    /// its date-times are numbers at the listed paths (see [`to_js_dated`]).
    ///
    /// # Errors
    ///
    /// A [`StreamErrorKind::TooLarge`] error when folding stopped (past its limit, switched off,
    /// or out of memory) or memory runs out for the response.
    pub fn final_response(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        let mut wire = Vec::new();
        self.accumulator.response(&mut wire)?;
        crate::json::reserve_js(out, &wire).map_err(|_| {
            Error::stream(
                StreamErrorKind::TooLarge,
                "out of memory for the response of `finalResponse()`",
            )
        })?;
        let mut dates = Vec::new();
        out.push(b'[');
        let start = out.len();
        let shape = <wire::ConversationResponse as HasShape>::SHAPE;
        if to_js_dated(&wire, shape, out, &mut dates).is_err() {
            out.truncate(start);
            dates.clear();
            out.extend_from_slice(&wire);
        }
        out.extend_from_slice(b",[");
        out.extend_from_slice(&dates);
        out.extend_from_slice(b"]]");
        Ok(())
    }
}

/// The event's `type` as JavaScript will see it: the last `type` member (`JSON.parse` keeps the
/// last of repeated keys), unescaped.
fn event_type<'a>(data: &'a [u8], members: &[Member]) -> Option<Cow<'a, [u8]>> {
    let member = members.iter().rev().find(|m| {
        data.get(m.key.clone())
            .is_some_and(|key| same_bytes(key, b"type"))
    })?;
    match data.get(member.value.clone())? {
        [b'"', body @ .., b'"'] if body.contains(&b'\\') => {
            Some(Cow::Owned(crate::json::text::unescape(body).into_bytes()))
        }
        [b'"', body @ .., b'"'] => Some(Cow::Borrowed(body)),
        _ => None,
    }
}

/// An event whose data is itself a JSON array is sent wrapped in a one-element array, so that
/// JavaScript can tell it from a patch (whose arrays have an even length).
fn wrap_array(batch: &mut Vec<u8>, data_start: usize) {
    if batch.get(data_start) == Some(&b'[') {
        batch.insert(data_start, b'[');
        batch.push(b']');
    }
}

/// Transcodes an event in full (the first, and any that is not a patch of the one before it).
/// Kept out of line, so the per-event path stays small enough to be optimised early.
#[inline(never)]
fn full(
    data: &[u8],
    batch: &mut Vec<u8>,
    members: &mut Vec<Member>,
    previous: &mut Previous,
) -> Result<(), crate::json::TranscodeError> {
    let start = batch.len();
    members.clear();
    to_js_members(
        data,
        <wire::ConversationEvent as HasShape>::SHAPE,
        batch,
        members,
    )?;
    wrap_array(batch, start);
    previous.set_full(data, members);
    Ok(())
}

#[cold]
#[inline(never)]
fn malformed(event: &crate::sse::EventRef<'_>, e: &crate::json::TranscodeError) -> Error {
    if matches!(e.kind, crate::json::TranscodeErrorKind::OutOfMemory) {
        return Error::out_of_memory("event", event.data.len());
    }
    let preview: String = event.data.chars().take(120).collect();
    Error::stream(
        StreamErrorKind::Malformed,
        format!(
            "event `{}` has malformed data ({e}): {preview}",
            event.event
        ),
    )
}
