//! Tests of the `text/event-stream` decoder against the WHATWG rules.

use mistral_edge::sse::*;

/// Feeds `chunks` in order to a new decoder and returns every event, then the decoder.
fn decode_chunks(chunks: &[&[u8]]) -> (Vec<SseEvent>, SseDecoder) {
    let mut decoder = SseDecoder::default();
    let mut events = Vec::new();
    for chunk in chunks {
        events.extend(decoder.feed(chunk).unwrap());
    }
    (events, decoder)
}

/// Feeds `input` whole to a new decoder and returns its events.
fn decode(input: &[u8]) -> Vec<SseEvent> {
    decode_chunks(&[input]).0
}

/// Builds an owned event.
fn event(event: &str, data: &str, id: &str) -> SseEvent {
    SseEvent {
        event: event.to_owned(),
        data: data.to_owned(),
        id: id.to_owned(),
    }
}

/// Builds a `message` event without an ID.
fn message(data: &str) -> SseEvent {
    event("message", data, "")
}

// Line ends.

#[test]
fn lf_cr_and_crlf_each_end_a_line() {
    assert_eq!(
        decode(b"data: a\rdata: b\ndata: c\r\ndata: d\r\n\r\n"),
        [message("a\nb\nc\nd")]
    );
    assert_eq!(decode(b"data: x\n\n"), [message("x")]);
    assert_eq!(decode(b"data: x\r\r"), [message("x")]);
    assert_eq!(decode(b"data: x\r\n\r\n"), [message("x")]);
}

#[test]
fn crlf_split_across_chunks_is_one_line_end() {
    let (events, _) = decode_chunks(&[b"data: a\r", b"\n", b"data: b\r", b"\n\r", b"\n"]);
    assert_eq!(events, [message("a\nb")]);
}

#[test]
fn cr_at_chunk_end_followed_by_other_bytes_is_one_line_end() {
    let (events, _) = decode_chunks(&[b"data: a\r", b"data: b\r", b"\r"]);
    assert_eq!(events, [message("a\nb")]);
}

#[test]
fn cr_at_chunk_end_is_remembered_across_empty_chunks() {
    let mut decoder = SseDecoder::default();
    assert!(decoder.feed(b"data: a\r").unwrap().is_empty());
    assert!(decoder.feed(b"").unwrap().is_empty());
    assert!(decoder.feed(b"\n").unwrap().is_empty());
    assert_eq!(decoder.feed(b"\n").unwrap(), [message("a")]);
}

// Byte order mark.

#[test]
fn bom_at_stream_start_is_stripped() {
    assert_eq!(decode(b"\xEF\xBB\xBFdata: x\n\n"), [message("x")]);
}

#[test]
fn bom_split_across_first_chunks_is_stripped() {
    let input: &[u8] = b"\xEF\xBB\xBFdata: x\n\n";
    for splits in [[1, 2], [2, 3], [1, 3], [3, 4], [0, 1]] {
        let (a, rest) = input.split_at(splits[0]);
        let (b, c) = rest.split_at(splits[1] - splits[0]);
        let (events, _) = decode_chunks(&[a, b, c]);
        assert_eq!(events, [message("x")], "split at {splits:?}");
    }
    let (events, _) = decode_chunks(&[b"\xEF", b"", b"\xBB", b"\xBF", b"data: x\n\n"]);
    assert_eq!(events, [message("x")]);
}

#[test]
fn bom_is_stripped_only_once() {
    // The second BOM becomes part of the field name, so the line is an unknown field.
    assert_eq!(decode(b"\xEF\xBB\xBF\xEF\xBB\xBFdata: x\n\n"), []);
    let (events, _) = decode_chunks(&[b"\xEF\xBB\xBF", b"\xEF\xBB\xBF", b"data: x\n\n"]);
    assert_eq!(events, []);
}

#[test]
fn bom_after_stream_start_is_text() {
    assert_eq!(decode(b"data: \xEF\xBB\xBFx\n\n"), [message("\u{FEFF}x")]);
    let (events, _) = decode_chunks(&[b"data: a\n\n", b"\xEF\xBB\xBFdata: b\n\n"]);
    assert_eq!(events, [message("a")]);
}

#[test]
fn partial_bom_is_kept_as_stream_bytes() {
    // The held bytes still start the first line, so it is no longer a `data` line.
    let (events, _) = decode_chunks(&[b"\xEF", b"\xBB", b"data: x\n\n"]);
    assert_eq!(events, []);
    let (events, _) = decode_chunks(&[b"\xEF\xBB", b"\ndata: x\n\n"]);
    assert_eq!(events, [message("x")]);
    let (_, mut decoder) = decode_chunks(&[b"\xEF"]);
    decoder.finish();
    assert!(decoder.discarded_at_finish());
}

// Lines and fields.

#[test]
fn comment_lines_are_ignored() {
    assert_eq!(
        decode(b": hello\ndata: x\n:data: y\n:\ndata: z\n\n"),
        [message("x\nz")]
    );
    assert_eq!(decode(b":\n\n: keep-alive\n\n"), []);
}

#[test]
fn line_without_colon_is_a_field_with_empty_value() {
    assert_eq!(decode(b"data\n\n"), [message("")]);
    assert_eq!(decode(b"data\ndata\n\n"), [message("\n")]);
    assert_eq!(
        decode(b"event: a\nevent\nid: 5\nid\ndata: x\n\n"),
        [message("x")]
    );
}

#[test]
fn only_one_leading_space_is_removed_from_the_value() {
    assert_eq!(decode(b"data:  x\n\n"), [message(" x")]);
    assert_eq!(decode(b"data:x\n\n"), [message("x")]);
    assert_eq!(decode(b"data: \n\n"), [message("")]);
    assert_eq!(decode(b"data: x \n\n"), [message("x ")]);
    assert_eq!(decode(b"event:  e\ndata\n\n"), [event(" e", "", "")]);
    let (events, _) = decode_chunks(&[b"data:", b" ", b"", b" x\n\n"]);
    assert_eq!(events, [message(" x")]);
}

#[test]
fn event_field_sets_the_event_type() {
    assert_eq!(
        decode(b"event: update\ndata: x\n\n"),
        [event("update", "x", "")]
    );
    assert_eq!(
        decode(b"event: a\nevent: b\ndata: x\n\n"),
        [event("b", "x", "")]
    );
}

#[test]
fn event_type_is_reset_after_each_dispatch() {
    assert_eq!(
        decode(b"event: a\ndata: 1\n\ndata: 2\n\n"),
        [event("a", "1", ""), message("2")]
    );
}

#[test]
fn data_lines_are_joined_with_lf() {
    assert_eq!(
        decode(b"data: a\ndata: b\ndata: c\n\n"),
        [message("a\nb\nc")]
    );
}

#[test]
fn only_the_final_lf_is_removed_from_data() {
    assert_eq!(decode(b"data: a\ndata:\n\n"), [message("a\n")]);
}

#[test]
fn empty_data_field_dispatches_an_empty_event() {
    assert_eq!(decode(b"data:\n\n"), [message("")]);
    assert_eq!(decode(b"data:\n\ndata:\n\n"), [message(""), message("")]);
}

#[test]
fn blank_line_without_data_dispatches_nothing_and_resets_the_type() {
    assert_eq!(decode(b"\n\n\n"), []);
    assert_eq!(
        decode(b"event: x\nid: 1\n\ndata: y\n\n"),
        [event("message", "y", "1")]
    );
}

#[test]
fn id_is_sticky_across_events() {
    let (events, decoder) = decode_chunks(&[b"id: 7\ndata: a\n\ndata: b\n\n"]);
    assert_eq!(
        events,
        [event("message", "a", "7"), event("message", "b", "7")]
    );
    assert_eq!(decoder.last_event_id(), "7");
}

#[test]
fn id_is_empty_when_none_was_sent() {
    let (events, decoder) = decode_chunks(&[b"data: a\n\n"]);
    assert_eq!(events[0].id, "");
    assert_eq!(decoder.last_event_id(), "");
}

#[test]
fn empty_id_resets_the_last_event_id() {
    assert_eq!(
        decode(b"id: 7\ndata: a\n\nid:\ndata: b\n\n"),
        [event("message", "a", "7"), message("b")]
    );
}

#[test]
fn id_without_an_event_still_sets_the_last_event_id() {
    let (events, decoder) = decode_chunks(&[b"id: 9\n\n"]);
    assert_eq!(events, []);
    assert_eq!(decoder.last_event_id(), "9");
}

#[test]
fn id_containing_nul_is_ignored() {
    let (events, decoder) = decode_chunks(&[b"id: 1\ndata: a\n\nid: 2\0\ndata: b\n\nid: \0\n"]);
    assert_eq!(
        events,
        [event("message", "a", "1"), event("message", "b", "1")]
    );
    assert_eq!(decoder.last_event_id(), "1");
}

#[test]
fn retry_accepts_ascii_digits_only() {
    let (_, decoder) = decode_chunks(&[b"data: x\n"]);
    assert_eq!(decoder.retry(), None);
    let (_, decoder) = decode_chunks(&[b"retry: 3000\n"]);
    assert_eq!(decoder.retry(), Some(3000));
    for invalid in [
        "retry: 12a\n",
        "retry: -1\n",
        "retry: +1\n",
        "retry: 1.5\n",
        "retry: 1 \n",
        "retry:  5\n",
        "retry:\n",
        "retry\n",
        "retry: \u{0663}\n",
    ] {
        let (_, decoder) = decode_chunks(&[b"retry: 3000\n", invalid.as_bytes()]);
        assert_eq!(decoder.retry(), Some(3000), "{invalid:?}");
    }
    let (_, decoder) = decode_chunks(&[b"retry: 3000\nretry:0\n"]);
    assert_eq!(decoder.retry(), Some(0));
}

#[test]
fn retry_saturates_on_overflow() {
    let (_, decoder) = decode_chunks(&[b"retry: 18446744073709551615\n"]);
    assert_eq!(decoder.retry(), Some(u64::MAX));
    let (_, decoder) = decode_chunks(&[b"retry: 99999999999999999999999999999\n"]);
    assert_eq!(decoder.retry(), Some(u64::MAX));
}

#[test]
fn unknown_fields_are_ignored() {
    assert_eq!(
        decode(
            b"foo: bar\ndatax: y\ndata : z\nDATA: w\nids: 3\nevents: e\nretry2: 5\ndata: ok\n\n"
        ),
        [message("ok")]
    );
}

// Text decoding.

#[test]
fn utf8_split_across_chunks_is_decoded() {
    let input = "data: é€😀\n\n".as_bytes();
    for split in 0..=input.len() {
        let (a, b) = input.split_at(split);
        let (events, _) = decode_chunks(&[a, b]);
        assert_eq!(events, [message("é€😀")], "split at {split}");
    }
}

#[test]
fn invalid_utf8_becomes_replacement_character() {
    let value: &[u8] = b"a\xFFb\xE2\x82";
    let expected = String::from_utf8_lossy(value);
    assert_eq!(expected, "a\u{FFFD}b\u{FFFD}");
    let input = [&b"data: "[..], value, b"\n\n"].concat();
    assert_eq!(decode(&input), [message(&expected)]);
    assert_eq!(
        decode(b"event: \xFF\nid: \xC3\ndata: x\n\n"),
        [event("\u{FFFD}", "x", "\u{FFFD}")]
    );
    // A sequence cut short by a line end is replaced within its own line.
    assert_eq!(
        decode(b"data: \xE2\x82\ndata: \xAC\n\n"),
        [message("\u{FFFD}\n\u{FFFD}")]
    );
}

// End of stream.

#[test]
fn pending_event_is_discarded_at_end_of_stream() {
    let mut decoder = SseDecoder::default();
    assert_eq!(
        decoder.feed(b"data: a\n\ndata: b\n").unwrap(),
        [message("a")]
    );
    assert_eq!(decoder.finish(), []);
    assert!(decoder.discarded_at_finish());
}

#[test]
fn finish_reports_partial_lines_and_pending_events() {
    for (input, discarded) in [
        (&b""[..], false),
        (b"data: a\n\n", false),
        (b"data: a\r\r", false),
        (b"id: 1\nretry: 5\n", false),
        (b"data: a\n\ndat", true),
        (b"data: a\n\n: keep-alive", true),
        (b"data: a\n\ndata: b", true),
        (b"data: a\n\nevent: b\n", true),
        (b"\xEF\xBB", true),
    ] {
        let (_, mut decoder) = decode_chunks(&[input]);
        assert_eq!(decoder.finish(), []);
        assert_eq!(decoder.discarded_at_finish(), discarded, "{input:?}");
    }
}

#[test]
fn finish_resets_the_decoder_for_a_new_stream() {
    let mut decoder = SseDecoder::default();
    assert!(!decoder.discarded_at_finish());
    assert_eq!(
        decoder
            .feed(b"\xEF\xBB\xBFid: 4\nretry: 10\ndata: a\n\nevent: e\ndata: partial")
            .unwrap(),
        [event("message", "a", "4")]
    );
    assert_eq!(decoder.finish(), []);
    assert!(decoder.discarded_at_finish());
    // The new stream's BOM is stripped again, and nothing of the old partial line or event remains.
    assert_eq!(
        decoder.feed(b"\xEF\xBB\xBFdata: b\n\n").unwrap(),
        [event("message", "b", "4")]
    );
    assert_eq!(decoder.finish(), []);
    assert!(!decoder.discarded_at_finish());
}

#[test]
fn finish_keeps_the_last_event_id_and_retry() {
    let (_, mut decoder) = decode_chunks(&[b"id: 4\nretry: 10\n\n"]);
    decoder.finish();
    assert_eq!(decoder.last_event_id(), "4");
    assert_eq!(decoder.retry(), Some(10));
}

#[test]
fn finish_forgets_a_cr_at_the_end_of_the_stream() {
    let (events, mut decoder) = decode_chunks(&[b"data: a\r"]);
    assert_eq!(events, []);
    decoder.finish();
    // The LF opens the new stream with a blank line instead of completing the old CR.
    assert_eq!(decoder.feed(b"\ndata: b\n\n").unwrap(), [message("b")]);
}

// Callback interface.

#[test]
fn feed_with_passes_borrowed_events_in_order() {
    let mut decoder = SseDecoder::new(DecoderOptions::default());
    let mut seen = Vec::new();
    decoder
        .feed_with(
            b"event: a\ndata: 1\n\nid: x\ndata: 2\n\ndata: 3",
            &mut |event| {
                seen.push(format!("{}|{}|{}", event.event, event.data, event.id));
            },
        )
        .unwrap();
    assert_eq!(seen, ["a|1|", "message|2|x"]);
    let mut copied = None;
    decoder
        .feed_with(b"\n\n", &mut |event| copied = Some(SseEvent::from(event)))
        .unwrap();
    assert_eq!(copied, Some(event("message", "3", "x")));
}

// Buffer limit.

#[test]
fn default_limit_is_64_mib() {
    assert_eq!(DecoderOptions::default().max_buffer_bytes, 64 * 1024 * 1024);
}

#[test]
fn buffer_limit_error_is_returned_and_sticks() {
    let limit = 16;
    let mut decoder = SseDecoder::new(DecoderOptions {
        max_buffer_bytes: limit,
    });
    let input = [&b"data: "[..], &[b'x'; 32], b"\n\n"].concat();
    let mut result = Ok(Vec::new());
    for chunk in input.chunks(5) {
        result = decoder.feed(chunk);
        if result.is_err() {
            break;
        }
    }
    assert_eq!(result, Err(SseError::BufferLimit { limit }));
    assert_eq!(decoder.feed(b"\n\n"), Err(SseError::BufferLimit { limit }));
    assert_eq!(
        decoder.feed(b"data: ok\n\n"),
        Err(SseError::BufferLimit { limit })
    );
    // Finishing clears the failure.
    decoder.finish();
    assert!(decoder.discarded_at_finish());
    assert_eq!(decoder.feed(b"data: ok\n\n").unwrap(), [message("ok")]);
}

#[test]
fn buffer_limit_counts_data_across_lines() {
    let mut decoder = SseDecoder::new(DecoderOptions {
        max_buffer_bytes: 10,
    });
    // The data buffer would hold "12345\n67890\n", 12 bytes.
    assert_eq!(
        decoder.feed(b"data: 12345\ndata: 67890\n\n"),
        Err(SseError::BufferLimit { limit: 10 })
    );
}

#[test]
fn buffer_limit_counts_unfinished_field_lines() {
    let mut decoder = SseDecoder::new(DecoderOptions {
        max_buffer_bytes: 16,
    });
    let mut result = Ok(Vec::new());
    for _ in 0..10 {
        result = decoder.feed(b"event: xxxx");
        if result.is_err() {
            break;
        }
    }
    assert_eq!(result, Err(SseError::BufferLimit { limit: 16 }));
}

#[test]
fn stream_under_the_buffer_limit_passes() {
    let mut decoder = SseDecoder::new(DecoderOptions {
        max_buffer_bytes: 10,
    });
    // Each event's data buffer holds exactly 10 bytes: "123456789\n".
    let mut events = Vec::new();
    for _ in 0..100 {
        for chunk in b"data: 123456789\n\n".chunks(3) {
            events.extend(decoder.feed(chunk).unwrap());
        }
    }
    assert_eq!(events.len(), 100);
    assert!(events.iter().all(|event| event.data == "123456789"));
}

#[test]
fn long_comments_and_unknown_fields_are_not_buffered() {
    let mut decoder = SseDecoder::new(DecoderOptions {
        max_buffer_bytes: 16,
    });
    let comment = [&b":"[..], &[b'c'; 1000], b"\n"].concat();
    let unknown = [&b"x-padding: "[..], &[b'p'; 1000], b"\n"].concat();
    let input = [&comment[..], &unknown, b"data: ok\n\n"].concat();
    let mut events = Vec::new();
    for chunk in input.chunks(7) {
        events.extend(decoder.feed(chunk).unwrap());
    }
    assert_eq!(events, [message("ok")]);
}

#[test]
fn buffer_limit_error_message_is_specific() {
    let error = SseError::BufferLimit {
        limit: 64 * 1024 * 1024,
    };
    assert_eq!(
        error.to_string(),
        "event exceeds the 67108864-byte buffer limit"
    );
    let _: &dyn std::error::Error = &error;
}

// Whole streams.

/// A stream that uses every rule at once: a BOM, comments, CRLF, CR and LF line ends, multi-line
/// data, an `id` with NUL, valid and invalid `retry`, fields without a colon, 2-, 3- and 4-byte
/// characters, an invalid byte, an event without data, an empty `data:`, and an unterminated event.
const FIXTURE: &[u8] = b"\xEF\xBB\xBF: a comment\r\n\
retry: 1500\n\
event: greeting\r\
id: 1\r\n\
unknown: field\n\
data: h\xC3\xA9llo\n\
data:  two spaces \xE2\x82\xAC\r\
data\n\
\r\n\
id: bad\x00id\n\
retry: 12x\n\
retry\n\
:data: not data\n\
data:\xF0\x9F\x98\x80\xFF end\n\
\n\
event: nothing\n\
\r\
data:\n\
\n\
data: pending";

/// The events of [`FIXTURE`], its last retry value and its last event ID.
fn fixture_expectation() -> (Vec<SseEvent>, Option<u64>, &'static str) {
    let events = vec![
        event("greeting", "h\u{e9}llo\n two spaces \u{20ac}\n", "1"),
        event("message", "\u{1F600}\u{FFFD} end", "1"),
        event("message", "", "1"),
    ];
    (events, Some(1500), "1")
}

/// Decodes [`FIXTURE`] in the given chunks and checks everything it yields.
fn check_fixture(chunks: &[&[u8]], label: &str) {
    let (events, mut decoder) = decode_chunks(chunks);
    let (expected, retry, id) = fixture_expectation();
    assert_eq!(events, expected, "{label}");
    assert_eq!(decoder.retry(), retry, "{label}");
    assert_eq!(decoder.last_event_id(), id, "{label}");
    assert!(decoder.scanned_bytes() <= FIXTURE.len() as u64, "{label}");
    assert_eq!(decoder.finish(), [], "{label}");
    assert!(decoder.discarded_at_finish(), "{label}");
}

#[test]
fn fixture_decodes_whole() {
    check_fixture(&[FIXTURE], "whole");
}

#[test]
fn fixture_decodes_the_same_split_at_every_offset() {
    for split in 0..=FIXTURE.len() {
        let (a, b) = FIXTURE.split_at(split);
        check_fixture(&[a, b], &format!("split at {split}"));
    }
}

#[test]
fn fixture_decodes_the_same_one_byte_at_a_time() {
    let chunks: Vec<&[u8]> = FIXTURE.chunks(1).collect();
    check_fixture(&chunks, "one byte at a time");
}

// Performance.

#[test]
fn one_mib_event_in_64_byte_chunks_is_decoded_in_linear_time() {
    let payload: String = (0..1 << 20)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    let input = format!("data: {payload}\n\n");
    let mut decoder = SseDecoder::default();
    let mut events = Vec::new();
    for chunk in input.as_bytes().chunks(64) {
        decoder
            .feed_with(chunk, &mut |event| events.push(SseEvent::from(event)))
            .unwrap();
    }
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].data.len(), 1 << 20);
    assert!(events[0].data == payload);
    // Every byte is looked at once: nothing already scanned is searched again for a line end.
    assert!(decoder.scanned_bytes() <= input.len() as u64 + 8);
    assert!(decoder.scanned_bytes() >= input.len() as u64);
}

#[test]
fn one_mib_event_one_byte_at_a_time_is_scanned_once() {
    let input = [&b"data: "[..], &vec![b'z'; 1 << 20], b"\r\n\r\n"].concat();
    let mut decoder = SseDecoder::default();
    let mut total = 0;
    for chunk in input.chunks(1) {
        decoder
            .feed_with(chunk, &mut |event| total += event.data.len())
            .unwrap();
    }
    assert_eq!(total, 1 << 20);
    assert_eq!(decoder.scanned_bytes(), input.len() as u64);
}

// Differential check.

/// A literal, whole-input reading of the WHATWG rules, to compare the decoder against.
fn reference_decode(input: &[u8]) -> (Vec<SseEvent>, Option<u64>, String) {
    let text = String::from_utf8_lossy(input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input));
    let (mut events, mut retry) = (Vec::new(), None);
    let (mut data, mut event_type, mut id) = (String::new(), String::new(), String::new());
    let mut rest = text.as_ref();
    // Only lines followed by a line end count; the unterminated rest is discarded.
    while let Some(end) = rest.find(['\r', '\n']) {
        let line = &rest[..end];
        let after = &rest[end + 1..];
        rest = if rest[end..].starts_with("\r\n") {
            &after[1..]
        } else {
            after
        };
        if line.is_empty() {
            if !data.is_empty() {
                data.pop();
                let kind = if event_type.is_empty() {
                    "message"
                } else {
                    &event_type
                };
                events.push(event(kind, &data, &id));
            }
            data.clear();
            event_type.clear();
            continue;
        }
        let (name, value) = match line.split_once(':') {
            Some(("", _)) => continue,
            Some((name, value)) => (name, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match name {
            "event" => event_type = value.to_owned(),
            "data" => {
                data.push_str(value);
                data.push('\n');
            }
            "id" if !value.contains('\0') => id = value.to_owned(),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                retry = Some(value.parse().unwrap_or(u64::MAX));
            }
            _ => {}
        }
    }
    (events, retry, id)
}

/// A small deterministic pseudo-random generator (xorshift64).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn random_streams_match_a_reference_decoder() {
    let tokens: [&[u8]; 24] = [
        b"data",
        b"data:",
        b"dat",
        b"a",
        b"event",
        b"id",
        b"retry",
        b":",
        b" ",
        b"x",
        b"7",
        b"\r",
        b"\n",
        b"\r\n",
        b"\n\n",
        b"\0",
        b"\xEF\xBB\xBF",
        b"\xEF",
        b"\xFF",
        b"\xC3\xA9",
        b"\xE2\x82",
        b"\xAC",
        b"\xF0\x9F\x98\x80",
        b"99999999999999999999",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..5000 {
        let input: Vec<u8> = (0..rng.below(60))
            .flat_map(|_| tokens[rng.below(tokens.len())].iter().copied())
            .collect();
        let mut chunks = Vec::new();
        let mut rest = &input[..];
        while !rest.is_empty() {
            let (chunk, tail) = rest.split_at(rng.below(rest.len().min(9)) + 1);
            chunks.push(chunk);
            rest = tail;
        }
        let (events, decoder) = decode_chunks(&chunks);
        let (expected, retry, id) = reference_decode(&input);
        assert_eq!(events, expected, "round {round}: {input:?}");
        assert_eq!(decoder.retry(), retry, "round {round}: {input:?}");
        assert_eq!(decoder.last_event_id(), id, "round {round}: {input:?}");
        assert!(decoder.scanned_bytes() <= input.len() as u64);
    }
}
