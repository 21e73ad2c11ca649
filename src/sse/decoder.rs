//! The `text/event-stream` decoder, following the WHATWG HTML standard's "parsing an event stream"
//! and "interpreting an event stream" sections.

use std::error::Error;
use std::fmt;

/// The UTF-8 byte order mark, which "UTF-8 decode" drops once at the start of a stream.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The start of a `data` line whose value has begun.
const DATA_PREFIX: &[u8] = b"data:";

/// The names of the fields the decoder acts on; lines of any other field are dropped as they arrive.
const FIELDS: [&[u8]; 4] = [b"data", b"event", b"id", b"retry"];

/// How much capacity each buffer keeps for the next stream when one ends.
const KEPT_CAPACITY: usize = 64 * 1024;

/// Settings for an [`SseDecoder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecoderOptions {
    /// The most bytes the decoder may hold for one event: the unfinished line plus the event's data so
    /// far, with a line feed after each data line. An event that needs more fails with
    /// [`SseError::BufferLimit`]. The default is 64 MiB.
    pub max_buffer_bytes: usize,
}

impl Default for DecoderOptions {
    fn default() -> Self {
        Self {
            max_buffer_bytes: 64 * 1024 * 1024,
        }
    }
}

/// An event as the decoder hands it to a callback, borrowing the decoder's buffers.
///
/// It is valid only during the callback; turn it into an [`SseEvent`] to keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventRef<'a> {
    /// The event type: the value of the event's `event` field, or `"message"` when it had none or an
    /// empty one.
    pub event: &'a str,
    /// The values of the event's `data` fields, joined with line feeds.
    pub data: &'a str,
    /// The last event ID: the value of the latest `id` field in the stream so far, which carries over
    /// to later events; empty when there was none.
    pub id: &'a str,
}

/// An event that owns its text. The fields mean the same as in [`EventRef`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SseEvent {
    /// The event type; `"message"` unless the event had a non-empty `event` field.
    pub event: String,
    /// The values of the event's `data` fields, joined with line feeds.
    pub data: String,
    /// The last event ID at the time of the event; empty when there was none.
    pub id: String,
}

impl From<EventRef<'_>> for SseEvent {
    fn from(event: EventRef<'_>) -> Self {
        Self {
            event: event.event.to_owned(),
            data: event.data.to_owned(),
            id: event.id.to_owned(),
        }
    }
}

/// Why an event stream could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SseError {
    /// An event needed more buffer than [`DecoderOptions::max_buffer_bytes`] allows.
    BufferLimit {
        /// The limit that the event exceeded, in bytes.
        limit: usize,
    },
    /// There was no memory left to hold the event (an allocation failed): the decoder gave back
    /// what it held, and the next stream can use it.
    OutOfMemory {
        /// The bytes the event needed at that point.
        bytes: usize,
    },
}

impl fmt::Display for SseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BufferLimit { limit } => {
                write!(f, "event exceeds the {limit}-byte buffer limit")
            }
            Self::OutOfMemory { bytes } => write!(f, "out of memory for a {bytes}-byte event"),
        }
    }
}

impl Error for SseError {}

/// Where the decoder is in checking the start of the stream for a byte order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bom {
    /// The stream so far is this many bytes of a BOM (0 to 2), held back until the rest arrives.
    Pending(usize),
    /// The BOM was stripped, or the stream did not start with one.
    Done,
}

/// What the decoder does with the bytes of the line it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineState {
    /// Too few bytes of the line are known to tell its field; they are held in `line`.
    Undecided,
    /// An `event`, `id` or `retry` line: its bytes are held in `line` until it ends.
    Held,
    /// A `data` line: its value goes straight into the data buffer. `skip_space` is set until the
    /// first byte of the value has arrived.
    Data {
        /// Whether a leading space still has to be skipped.
        skip_space: bool,
    },
    /// A comment or a field the decoder ignores: the rest of the line is dropped.
    Ignored,
}

/// A decoder for `text/event-stream` bodies, as sent by server-sent events endpoints.
///
/// It does no I/O: feed it each chunk of the body as it arrives, of any size and split anywhere, and it
/// reports every event as soon as the blank line that ends it has arrived. It follows the WHATWG
/// rules: lines may end with CR LF, CR or LF; comments and unknown fields are skipped; a stream that
/// ends in the middle of an event drops that event.
///
/// Decoding takes time in proportion to the input: no byte is searched twice for a line end, however
/// the stream is split into chunks, and an event's data is copied once, into a buffer that is reused
/// for the next event.
///
/// ```
/// use mistral_edge::sse::SseDecoder;
///
/// # fn main() -> Result<(), mistral_edge::sse::SseError> {
/// let mut decoder = SseDecoder::default();
/// let events = decoder.feed(b"event: delta\ndata: {\"text\":")?;
/// assert!(events.is_empty()); // the event has not ended yet
///
/// let events = decoder.feed(b"\"hi\"}\n\n")?;
/// assert_eq!(events[0].event, "delta");
/// assert_eq!(events[0].data, r#"{"text":"hi"}"#);
/// # Ok(())
/// # }
/// ```
pub struct SseDecoder {
    /// The settings the decoder was made with.
    options: DecoderOptions,
    /// Whether the start of the stream has been checked for a byte order mark.
    bom: Bom,
    /// Whether the last line ended with a CR, so that an LF right after it belongs to the same line
    /// end, even when it comes in the next chunk.
    after_cr: bool,
    /// What to do with the bytes of the line in progress.
    state: LineState,
    /// The bytes held of the line in progress (see [`LineState`]).
    line: Vec<u8>,
    /// The data buffer, as UTF-8 bytes; it is decoded when the event is dispatched.
    data: Vec<u8>,
    /// The event type buffer.
    event_type: String,
    /// The last event ID buffer.
    last_event_id: String,
    /// The last valid `retry` value, in milliseconds.
    retry: Option<u64>,
    /// The data buffer decoded with replacement characters, used only when it is not valid UTF-8.
    lossy: String,
    /// Why an event could not be held (over the buffer limit, or out of memory); feeds fail
    /// the same way until the stream is finished.
    failed: Option<SseError>,
    /// Whether the last `finish` dropped an unfinished line or event.
    discarded: bool,
    /// The number of input bytes examined while looking for line ends.
    scanned: u64,
}

impl Default for SseDecoder {
    fn default() -> Self {
        Self::new(DecoderOptions::default())
    }
}

impl fmt::Debug for SseDecoder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SseDecoder")
            .field("options", &self.options)
            .field("buffered_bytes", &(self.line.len() + self.data.len()))
            .field("last_event_id", &self.last_event_id)
            .field("retry", &self.retry)
            .field("failed", &self.failed.is_some())
            .finish_non_exhaustive()
    }
}

impl SseDecoder {
    /// Creates a decoder for a new stream.
    pub fn new(options: DecoderOptions) -> Self {
        Self {
            options,
            bom: Bom::Pending(0),
            after_cr: false,
            state: LineState::Undecided,
            line: Vec::new(),
            data: Vec::new(),
            event_type: String::new(),
            last_event_id: String::new(),
            retry: None,
            lossy: String::new(),
            failed: None,
            discarded: false,
            scanned: 0,
        }
    }

    /// Feeds the next chunk of the stream and calls `on_event` for every event it completes, in order.
    ///
    /// A chunk may end anywhere, even inside a line or a UTF-8 character. The event passed to
    /// `on_event` borrows the decoder's buffers; use [`SseEvent::from`] to keep a copy.
    ///
    /// # Errors
    ///
    /// [`SseError::BufferLimit`] when an event needs more than
    /// [`DecoderOptions::max_buffer_bytes`], [`SseError::OutOfMemory`] when memory runs out for
    /// it (the line and data buffers grow through fallible reservations). The events the chunk
    /// completed before that point have already been passed to `on_event`. The decoder then drops what it held, and every later feed
    /// fails the same way until [`finish`](Self::finish) starts a new stream.
    pub fn feed_with(
        &mut self,
        chunk: &[u8],
        on_event: &mut dyn FnMut(EventRef<'_>),
    ) -> Result<(), SseError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        let result = self
            .strip_bom(chunk, on_event)
            .and_then(|rest| self.scan(rest, on_event));
        if let Err(error) = &result {
            self.reset_stream();
            self.failed = Some(error.clone());
        }
        result
    }

    /// Feeds the next chunk of the stream and returns the events it completes, in order.
    ///
    /// This is [`feed_with`](Self::feed_with) collecting a copy of each event.
    ///
    /// # Errors
    ///
    /// As for [`feed_with`](Self::feed_with); the events the chunk completed before the error are
    /// lost with it.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<Vec<SseEvent>, SseError> {
        let mut events = Vec::new();
        self.feed_with(chunk, &mut |event| events.push(SseEvent::from(event)))?;
        Ok(events)
    }

    /// Ends the stream and makes the decoder ready for a new one.
    ///
    /// As the WHATWG standard requires, an event whose closing blank line never came is discarded
    /// rather than dispatched, and so is an unfinished line; the returned list is therefore always
    /// empty. [`discarded_at_finish`](Self::discarded_at_finish) then tells whether anything was
    /// dropped.
    ///
    /// The next stream starts afresh: a byte order mark at its start is stripped again, and a buffer
    /// limit failure is cleared. The last event ID and the retry value are kept, since a client
    /// reconnects with them.
    pub fn finish(&mut self) -> Vec<SseEvent> {
        // "Once the end of the file is reached, any pending data must be discarded. (If the file ends
        // in the middle of an event, before the final empty line, the incomplete event is not
        // dispatched.)"
        self.discarded = self.failed.is_some() || self.has_pending();
        self.reset_stream();
        self.failed = None;
        Vec::new()
    }

    /// Whether the last [`finish`](Self::finish) dropped anything: an unfinished line, or an event
    /// (its data or its type) without the blank line that would have dispatched it. False until
    /// the first `finish`.
    pub fn discarded_at_finish(&self) -> bool {
        self.discarded
    }

    /// The reconnection time in milliseconds from the stream's last valid `retry` field, if any.
    ///
    /// A value too large for a `u64` gives `u64::MAX`.
    pub fn retry(&self) -> Option<u64> {
        self.retry
    }

    /// The last event ID buffer: the value of the latest `id` field without a NUL character, or an
    /// empty string when there was none.
    pub fn last_event_id(&self) -> &str {
        &self.last_event_id
    }

    /// A diagnostic counter: how many input bytes the decoder has examined while looking for line
    /// ends since it was created.
    ///
    /// Each byte fed is examined at most once (the bytes of a stripped byte order mark not at all),
    /// so this never exceeds the number of bytes fed; it lets tests check that decoding stays
    /// linear, however the input is split into chunks.
    pub fn scanned_bytes(&self) -> u64 {
        self.scanned
    }

    /// Strips a byte order mark from the very start of the stream and returns the rest of `chunk`.
    ///
    /// The stream is decoded with "UTF-8 decode", which drops one leading BOM and treats any later
    /// one as text. Its three bytes may come in separate chunks, so the decoder holds back a prefix
    /// of it until the stream either completes it or turns out not to start with one.
    fn strip_bom<'c>(
        &mut self,
        chunk: &'c [u8],
        on_event: &mut dyn FnMut(EventRef<'_>),
    ) -> Result<&'c [u8], SseError> {
        let Bom::Pending(held) = self.bom else {
            return Ok(chunk);
        };
        let expected = BOM.get(held..).unwrap_or_default();
        let matched = expected
            .iter()
            .zip(chunk)
            .take_while(|(a, b)| a == b)
            .count();
        if matched == expected.len() {
            self.bom = Bom::Done;
            return Ok(chunk.get(matched..).unwrap_or_default());
        }
        if matched == chunk.len() {
            self.bom = Bom::Pending(held + matched);
            return Ok(&[]);
        }
        // Not a BOM: the held bytes are ordinary stream bytes, and all of `chunk` follows them.
        self.bom = Bom::Done;
        self.scan(BOM.get(..held).unwrap_or_default(), on_event)?;
        Ok(chunk)
    }

    /// Splits `bytes` at line ends, handing each piece of a line to [`Self::on_segment`].
    ///
    /// Each byte is examined once. Lines that lie inside `bytes` are handled where they are; only
    /// the unfinished line at the end leaves anything behind.
    fn scan(
        &mut self,
        mut bytes: &[u8],
        on_event: &mut dyn FnMut(EventRef<'_>),
    ) -> Result<(), SseError> {
        loop {
            // "end-of-line = ( cr lf / cr / lf )": an LF right after a CR is part of the same line
            // end, even when the CR ended the previous chunk.
            if self.after_cr && !bytes.is_empty() {
                self.after_cr = false;
                if let Some(rest) = bytes.strip_prefix(b"\n") {
                    self.scanned += 1;
                    bytes = rest;
                }
            }
            let Some((line, terminator, rest)) = split_line(bytes) else {
                self.scanned += bytes.len() as u64;
                return self.on_segment(bytes, false, on_event);
            };
            self.scanned += line.len() as u64 + 1;
            self.on_segment(line, true, on_event)?;
            self.after_cr = terminator == b'\r';
            bytes = rest;
        }
    }

    /// Handles `bytes`, the next piece of the line in progress; `ends_line` tells whether the line
    /// ends right after it.
    fn on_segment(
        &mut self,
        mut bytes: &[u8],
        ends_line: bool,
        on_event: &mut dyn FnMut(EventRef<'_>),
    ) -> Result<(), SseError> {
        if self.state == LineState::Undecided {
            self.state = classify(&self.line, bytes);
            match self.state {
                LineState::Data { .. } => {
                    // The held bytes are a prefix of "data", so `bytes` holds the rest of "data:".
                    let rest_of_prefix = DATA_PREFIX.len().saturating_sub(self.line.len());
                    bytes = bytes.get(rest_of_prefix..).unwrap_or_default();
                    self.line.clear();
                }
                LineState::Ignored => self.line.clear(),
                LineState::Undecided | LineState::Held => {}
            }
        }
        match &mut self.state {
            LineState::Undecided | LineState::Held => {
                if ends_line && self.line.is_empty() {
                    // The whole line is in this chunk: interpret it in place.
                    self.process_line(bytes, on_event)?;
                } else {
                    self.reserve(bytes.len(), true)?;
                    self.line.extend_from_slice(bytes);
                    if ends_line {
                        let line = std::mem::take(&mut self.line);
                        let result = self.process_line(&line, on_event);
                        self.line = line;
                        self.line.clear();
                        result?;
                    }
                }
            }
            LineState::Data { skip_space } => {
                // "If value starts with a U+0020 SPACE character, remove it from value."
                if *skip_space && !bytes.is_empty() {
                    *skip_space = false;
                    bytes = bytes.strip_prefix(b" ").unwrap_or(bytes);
                }
                // "Append the field value to the data buffer, then append a single U+000A LINE
                // FEED (LF) character to the data buffer."
                self.reserve(bytes.len() + usize::from(ends_line), false)?;
                self.data.extend_from_slice(bytes);
                if ends_line {
                    self.data.push(b'\n');
                }
            }
            LineState::Ignored => {}
        }
        if ends_line {
            self.state = LineState::Undecided;
        }
        Ok(())
    }

    /// Interprets one whole line.
    fn process_line(
        &mut self,
        line: &[u8],
        on_event: &mut dyn FnMut(EventRef<'_>),
    ) -> Result<(), SseError> {
        // "If the line is empty (a blank line): Dispatch the event."
        if line.is_empty() {
            return self.dispatch(on_event);
        }
        let (name, value) = match line.iter().position(|&byte| byte == b':') {
            // "If the line starts with a U+003A COLON character (:): Ignore the line."
            Some(0) => return Ok(()),
            // "If the line contains a U+003A COLON character (:)": the field name is what comes
            // before the first colon, the value what comes after it, less one leading U+0020 SPACE.
            Some(colon) => {
                let (name, rest) = line.split_at(colon);
                let value = rest.get(1..).unwrap_or_default();
                (name, value.strip_prefix(b" ").unwrap_or(value))
            }
            // "Otherwise, the string is not empty but does not contain a U+003A COLON character":
            // the whole line is the field name, and the value is empty.
            None => (line, &b""[..]),
        };
        self.process_field(name, value)
    }

    /// Applies one field ("process the field").
    fn process_field(&mut self, name: &[u8], value: &[u8]) -> Result<(), SseError> {
        match name {
            b"event" => {
                self.event_type.clear();
                push_lossy(&mut self.event_type, value)?;
            }
            b"data" => {
                self.reserve(value.len() + 1, false)?;
                self.data.extend_from_slice(value);
                self.data.push(b'\n');
            }
            // "If the field value does not contain U+0000 NULL, then set the last event ID buffer to
            // the field value. Otherwise, ignore the field." No other UTF-8 sequence holds a 0 byte.
            b"id" if !value.contains(&0) => {
                self.last_event_id.clear();
                push_lossy(&mut self.last_event_id, value)?;
            }
            // "If the field value consists of only ASCII digits, then interpret the field value as
            // an integer in base ten [...]. Otherwise, ignore the field."
            b"retry" if !value.is_empty() && value.iter().all(u8::is_ascii_digit) => {
                let millis = value.iter().fold(0u64, |millis, digit| {
                    millis
                        .saturating_mul(10)
                        .saturating_add(u64::from(digit - b'0'))
                });
                self.retry = Some(millis);
            }
            // "Otherwise: The field is ignored." So is an `id` or `retry` field that fails its check.
            _ => {}
        }
        Ok(())
    }

    /// Dispatches the event, if it has data ("dispatch the event"); fails only when memory runs
    /// out for the text of data that is not valid UTF-8.
    fn dispatch(&mut self, on_event: &mut dyn FnMut(EventRef<'_>)) -> Result<(), SseError> {
        // "If the data buffer is an empty string, set the data buffer and the event type buffer to
        // the empty string and return."
        if self.data.is_empty() {
            self.event_type.clear();
            return Ok(());
        }
        // "If the data buffer's last character is a U+000A LINE FEED (LF) character, then remove the
        // last character from the data buffer."
        if self.data.last() == Some(&b'\n') {
            self.data.pop();
        }
        // The standard decodes the stream before splitting it into lines. The data lines are joined
        // with LF, which is never part of a multi-byte UTF-8 sequence, so decoding the joined bytes
        // once gives the same text, invalid sequences included.
        let data = match std::str::from_utf8(&self.data) {
            Ok(text) => text,
            Err(_) => {
                self.lossy.clear();
                push_lossy(&mut self.lossy, &self.data)?;
                &self.lossy
            }
        };
        // The type is "message" unless "the event type buffer has a value other than the empty
        // string"; the ID is the last event ID buffer, which is not reset.
        let event = if self.event_type.is_empty() {
            "message"
        } else {
            &self.event_type
        };
        on_event(EventRef {
            event,
            data,
            id: &self.last_event_id,
        });
        // "Set the data buffer and the event type buffer to the empty string."
        self.data.clear();
        self.event_type.clear();
        Ok(())
    }

    /// Makes room for `extra` more bytes in the line buffer (`line`) or the data buffer; fails
    /// if holding them would take the event past the buffer limit, or if memory runs out.
    fn reserve(&mut self, extra: usize, line: bool) -> Result<(), SseError> {
        let held = self
            .line
            .len()
            .saturating_add(self.data.len())
            .saturating_add(extra);
        if held > self.options.max_buffer_bytes {
            return Err(SseError::BufferLimit {
                limit: self.options.max_buffer_bytes,
            });
        }
        let buffer = if line { &mut self.line } else { &mut self.data };
        buffer
            .try_reserve(extra)
            .map_err(|_| SseError::OutOfMemory { bytes: held })
    }

    /// Whether the stream in progress has an unfinished line or an undispatched event.
    fn has_pending(&self) -> bool {
        matches!(self.bom, Bom::Pending(held) if held > 0)
            || self.state != LineState::Undecided
            || !self.line.is_empty()
            || !self.data.is_empty()
            || !self.event_type.is_empty()
    }

    /// Forgets the stream in progress, keeping the last event ID and the retry value, and gives
    /// back the memory an unusually large event took.
    fn reset_stream(&mut self) {
        self.bom = Bom::Pending(0);
        self.after_cr = false;
        self.state = LineState::Undecided;
        for buffer in [&mut self.line, &mut self.data] {
            buffer.clear();
            buffer.shrink_to(KEPT_CAPACITY);
        }
        self.event_type.clear();
        self.lossy.clear();
        self.lossy.shrink_to(KEPT_CAPACITY);
    }
}

/// Splits `bytes` at its first CR or LF into the line before it, the CR or LF, and the rest.
fn split_line(bytes: &[u8]) -> Option<(&[u8], u8, &[u8])> {
    let end = crate::swar::find_line_end(bytes)?;
    let (line, rest) = bytes.split_at(end);
    let (&terminator, rest) = rest.split_first()?;
    Some((line, terminator, rest))
}

/// Tells what a line is from its first bytes: `held`, then `more`.
///
/// Six bytes always decide it, since the longest field name acted on has five letters; fewer may
/// leave it [`LineState::Undecided`].
fn classify(held: &[u8], more: &[u8]) -> LineState {
    let mut buffer = [0u8; 6];
    let mut len = 0;
    for (slot, &byte) in buffer.iter_mut().zip(held.iter().chain(more)) {
        *slot = byte;
        len += 1;
    }
    let head = buffer.get(..len).unwrap_or_default();
    // "If the line starts with a U+003A COLON character (:): Ignore the line."
    if head.first() == Some(&b':') {
        return LineState::Ignored;
    }
    for name in FIELDS {
        match head.strip_prefix(name) {
            Some([b':', ..]) if name == b"data" => return LineState::Data { skip_space: true },
            Some([b':', ..]) => return LineState::Held,
            // The bare name: the line may end here, making a field with an empty value.
            Some([]) => return LineState::Undecided,
            // A longer name, such as "database".
            Some(_) => {}
            None if name.starts_with(head) => return LineState::Undecided,
            None => {}
        }
    }
    LineState::Ignored
}

/// Appends `bytes` to `text` as UTF-8, replacing each invalid sequence with U+FFFD the way
/// `String::from_utf8_lossy` does. The room is reserved first, exactly: running out of memory is
/// [`SseError::OutOfMemory`], never a trap.
fn push_lossy(text: &mut String, bytes: &[u8]) -> Result<(), SseError> {
    let valid = std::str::from_utf8(bytes).ok();
    let len = match valid {
        Some(_) => bytes.len(),
        None => bytes
            .utf8_chunks()
            .map(|chunk| chunk.valid().len() + if chunk.invalid().is_empty() { 0 } else { 3 })
            .sum(),
    };
    text.try_reserve(len)
        .map_err(|_| SseError::OutOfMemory { bytes: len })?;
    if let Some(valid) = valid {
        text.push_str(valid);
        return Ok(());
    }
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::push_lossy;

    /// The room `push_lossy` reserves is exactly the text it writes (no growth after the
    /// fallible reservation, which could trap), and the text is `from_utf8_lossy`'s.
    #[test]
    fn push_lossy_reserves_exactly_what_it_writes() {
        let inputs: [&[u8]; 5] = [
            b"plain ascii text",
            "caf\u{e9} \u{65e5}\u{672c} \u{1f600}!".as_bytes(),
            b"bad \xff\xfe bytes \xc3 cut",
            b"\x80\x80\x80\x80\x80\x80\x80\x80",
            b"\xf0\x9f\x98 three of four, then \xe2\x82",
        ];
        for bytes in inputs {
            let mut text = String::new();
            assert!(push_lossy(&mut text, bytes).is_ok());
            assert_eq!(text, String::from_utf8_lossy(bytes));
            assert_eq!(text.capacity(), text.len(), "{bytes:?}");
        }
    }
}
