//! Target `sse`: the SSE decoder against a literal reading of the WHATWG rules
//! (<https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation>),
//! fed the same bytes split into chunks at fuzzer-chosen points, twice on one decoder (so the
//! state a stream hands to the next, last event ID and retry, is checked too), and once more
//! with a small buffer limit, where it must deliver a prefix of the events and then fail.

use mistral_edge::sse::{DecoderOptions, SseDecoder, SseError, SseEvent};

use super::input::Input;

/// What the standard's reading of one stream gives.
#[derive(Debug, PartialEq, Eq)]
pub struct Reading {
    /// The events dispatched, in order.
    pub events: Vec<SseEvent>,
    /// The last event ID buffer at the end.
    pub last_event_id: String,
    /// The reconnection time, when a valid `retry` field set it.
    pub retry: Option<u64>,
    /// Whether the end of the stream discarded anything (an unfinished line or event).
    pub discarded: bool,
}

/// The standard, read literally and slowly: decode the whole stream as UTF-8 (one leading BOM
/// dropped, invalid bytes replaced), split it into lines, process each line. `last_event_id`
/// and `retry` are what the previous stream left.
pub fn reference(stream: &[u8], last_event_id: &str, retry: Option<u64>) -> Reading {
    // "UTF-8 decode": a leading BOM is dropped, the rest decoded with replacement.
    let bytes = stream.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(stream);
    let text = String::from_utf8_lossy(bytes);
    // "a U+000D CARRIAGE RETURN U+000A LINE FEED (CRLF) character pair, a single U+000A LINE
    // FEED (LF) character not preceded by a U+000D CARRIAGE RETURN (CR) character, and a single
    // U+000D CARRIAGE RETURN (CR) character not followed by a U+000A LINE FEED (LF) character
    // being the ways in which a line can end."
    let chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\r' => {
                lines.push(std::mem::take(&mut current));
                if chars.get(i + 1) == Some(&'\n') {
                    i += 1;
                }
            }
            '\n' => lines.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
        i += 1;
    }
    let mut reading = Reading {
        events: Vec::new(),
        last_event_id: last_event_id.to_owned(),
        retry,
        discarded: false,
    };
    let mut data = String::new();
    let mut event_type = String::new();
    for line in &lines {
        if line.is_empty() {
            // "Dispatch the event."
            if data.is_empty() {
                event_type.clear();
                continue;
            }
            if data.ends_with('\n') {
                data.pop();
            }
            reading.events.push(SseEvent {
                event: if event_type.is_empty() {
                    "message".to_owned()
                } else {
                    event_type.clone()
                },
                data: std::mem::take(&mut data),
                id: reading.last_event_id.clone(),
            });
            event_type.clear();
            continue;
        }
        if line.starts_with(':') {
            continue;
        }
        let (name, value) = match line.find(':') {
            Some(colon) => {
                let value = &line[colon + 1..];
                (&line[..colon], value.strip_prefix(' ').unwrap_or(value))
            }
            None => (line.as_str(), ""),
        };
        match name {
            "event" => event_type = value.to_owned(),
            "data" => {
                data.push_str(value);
                data.push('\n');
            }
            "id" if !value.contains('\0') => reading.last_event_id = value.to_owned(),
            "retry" if !value.is_empty() && value.chars().all(|c| c.is_ascii_digit()) => {
                // Base ten; a value beyond u64 is read as u64::MAX, as the decoder documents.
                reading.retry = Some(value.parse().unwrap_or(u64::MAX));
            }
            _ => {}
        }
    }
    // "Once the end of the file is reached, any pending data must be discarded."
    reading.discarded = !current.is_empty() || !data.is_empty() || !event_type.is_empty();
    reading
}

/// The pieces SSE streams are made of, for the structure-aware half of the inputs.
const TOKENS: &[&[u8]] = &[
    b"data",
    b"data:",
    b"data: ",
    b"event:",
    b"event: ",
    b"id:",
    b"id: ",
    b"retry:",
    b"retry: ",
    b":",
    b" ",
    b"\n",
    b"\r",
    b"\r\n",
    b"\n\n",
    b"\xEF\xBB\xBF",
    b"\xEF",
    b"\xBB",
    b"x",
    b"1",
    b"99999999999999999999999",
    b"\0",
    b"\xC3\xA9",
    b"\xC3",
    b"\xF0\x9F\x98\x80",
    b"\xFF",
    b"dat",
    b"even",
    b"retr",
    b"i",
    b"database",
    b"ids",
    b"message",
    b"{\"type\":\"t\"}",
];

/// Splits the case into `(stream, split points, buffer limit)`.
fn case(data: &[u8]) -> (Vec<u8>, Vec<usize>, usize) {
    let mut input = Input::new(data);
    let control = input.byte();
    let splits: Vec<u8> = (0..control % 8).map(|_| input.byte()).collect();
    let limit = 1 + input.below(96);
    let stream = if control & 0x80 != 0 {
        let mut stream = Vec::new();
        while !input.is_empty() {
            stream.extend_from_slice(input.pick(TOKENS));
        }
        stream
    } else {
        input.rest().to_vec()
    };
    let mut points: Vec<usize> = splits
        .iter()
        .map(|&s| usize::from(s) * (stream.len() + 1) / 256)
        .collect();
    points.sort_unstable();
    (stream, points, limit)
}

/// Feeds `stream` in the chunks `points` cut it into; the events, or the error with the events
/// delivered before it.
fn feed(
    decoder: &mut SseDecoder,
    stream: &[u8],
    points: &[usize],
) -> (Vec<SseEvent>, Option<SseError>) {
    let mut events = Vec::new();
    let mut from = 0;
    for &to in points.iter().chain(std::iter::once(&stream.len())) {
        let result = decoder.feed_with(&stream[from..to], &mut |e| events.push(SseEvent::from(e)));
        if let Err(e) = result {
            return (events, Some(e));
        }
        from = to;
    }
    (events, None)
}

/// Checks one case; panics on a disagreement with the standard.
pub fn check(data: &[u8]) {
    let (stream, points, limit) = case(data);
    let mut decoder = SseDecoder::default();
    let mut previous = (String::new(), None);
    for pass in 0..2 {
        let expected = reference(&stream, &previous.0, previous.1);
        let (events, error) = feed(&mut decoder, &stream, &points);
        assert_eq!(error, None, "pass {pass}: {stream:?}");
        decoder.finish();
        let got = Reading {
            events,
            last_event_id: decoder.last_event_id().to_owned(),
            retry: decoder.retry(),
            discarded: decoder.discarded_at_finish(),
        };
        assert_eq!(
            got,
            expected,
            "pass {pass}: {:?} split at {points:?}",
            String::from_utf8_lossy(&stream)
        );
        previous = (expected.last_event_id, expected.retry);
    }

    // A small buffer limit: a prefix of the events, then (maybe) the limit error, on every
    // later feed too; `finish` clears it.
    let expected = reference(&stream, "", None);
    let mut small = SseDecoder::new(DecoderOptions {
        max_buffer_bytes: limit,
    });
    let (events, error) = feed(&mut small, &stream, &points);
    assert!(
        expected.events.starts_with(&events),
        "limit {limit}: {events:?} is not a prefix of {:?}",
        expected.events
    );
    match error {
        Some(e) => {
            assert_eq!(e, SseError::BufferLimit { limit });
            assert_eq!(
                small.feed(b"data: x\n\n"),
                Err(SseError::BufferLimit { limit })
            );
            small.finish();
            assert!(small.discarded_at_finish());
        }
        None => assert_eq!(events, expected.events, "limit {limit}"),
    }
    small.finish();
    let again = small.feed(b"data: ok\n\n").map(|e| e.len());
    assert!(limit < 4 || again == Ok(1), "limit {limit}: {again:?}");
}
