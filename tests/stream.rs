//! The conversation stream, natively: batches, split invariance, folding, and failures.

use mistral_edge::stream::ConversationStream;
use mistral_edge::StreamErrorKind;
use serde_json::{json, Value};

const STREAM: &str = concat!(
    "event: conversation.response.started\ndata: {\"type\":\"conversation.response.started\",\"conversation_id\":\"conv_1\"}\n\n",
    "event: tool.execution.started\ndata: {\"type\":\"tool.execution.started\",\"output_index\":0,\"id\":\"t1\",\"name\":\"web_search\",\"arguments\":\"{\\\"q\\\":\"}\n\n",
    "event: tool.execution.delta\ndata: {\"type\":\"tool.execution.delta\",\"output_index\":0,\"id\":\"t1\",\"name\":\"web_search\",\"arguments\":\"1}\"}\n\n",
    "event: tool.execution.done\ndata: {\"type\":\"tool.execution.done\",\"output_index\":0,\"id\":\"t1\",\"name\":\"web_search\",\"info\":{\"a_b\":1}}\n\n",
    "event: message.output.delta\r\ndata: {\"type\":\"message.output.delta\",\"output_index\":1,\"id\":\"m1\",\"content_index\":0,\"model\":\"mm\",\"agent_id\":\"ag\",\"role\":\"assistant\",\"content\":\"caf\\u00e9 \\\"q\\\" \"}\r\n\r\n",
    "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"output_index\":1,\"id\":\"m1\",\"content_index\":0,\"content\":\"日本語\"}\n\n",
    "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"output_index\":1,\"id\":\"m1\",\"content_index\":1,\"content\":{\"type\":\"tool_reference\",\"tool\":\"web_search\",\"title\":\"T\",\"url\":\"https://e\"}}\n\n",
    "event: function.call.delta\ndata: {\"type\":\"function.call.delta\",\"output_index\":2,\"id\":\"f1\",\"name\":\"get\",\"tool_call_id\":\"c1\",\"arguments\":\"{\\\"city\\\":\"}\n\n",
    "event: function.call.delta\ndata: {\"type\":\"function.call.delta\",\"output_index\":2,\"id\":\"f1\",\"name\":\"get\",\"tool_call_id\":\"c1\",\"arguments\":\"\\\"Paris\\\"}\"}\n\n",
    ": keep-alive\n\n",
    "event: conversation.response.done\ndata: {\"type\":\"conversation.response.done\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3,\"connectors\":{\"web_search\":1}}}\n\n",
);

/// Feeds `chunks`, returning every delivered item and the first error.
fn run(chunks: &[&[u8]]) -> (Vec<Value>, Option<mistral_edge::Error>, ConversationStream) {
    let (items, error, stream, _) = run_counting(chunks);
    (items, error, stream)
}

/// [`run`], also counting the events that arrived as patches.
fn run_counting(
    chunks: &[&[u8]],
) -> (
    Vec<Value>,
    Option<mistral_edge::Error>,
    ConversationStream,
    usize,
) {
    let mut stream = ConversationStream::default();
    let mut items = Vec::new();
    let mut error = None;
    let mut expander = Expander::default();
    for chunk in chunks {
        let feed = stream.feed(chunk);
        if let Some(batch) = feed.batch {
            let parsed = expander.expand(batch);
            assert_eq!(parsed.len(), feed.count);
            // The items as JavaScript sees them: `{ event, data }`, the name from `data.type`
            // unless listed among the exceptions.
            for (i, data) in parsed.into_iter().enumerate() {
                let event = match feed.names.iter().find(|(n, _)| *n == i) {
                    Some((_, name)) => Value::String(name.clone()),
                    None => data["type"].clone(),
                };
                items.push(serde_json::json!({ "event": event, "data": data }));
            }
        }
        if let Some(e) = feed.error {
            error.get_or_insert(e);
        }
    }
    if error.is_none() {
        error = stream.finish().err();
    }
    (items, error, stream, expander.patches)
}

/// Marks the dates at `paths` (the flat list of `Feed::batch`) as `{"$date": value}`, where
/// JavaScript makes a `Date` of `value`.
fn mark_dates(root: &mut Value, paths: &[Value]) {
    let mut i = 0;
    while i < paths.len() {
        let n = paths[i].as_u64().expect("segment count") as usize;
        let path = &paths[i + 1..i + 1 + n];
        i += 1 + n;
        let mut target = &mut *root;
        for segment in path {
            target = match segment {
                Value::String(key) => target.get_mut(key.as_str()),
                Value::Number(index) => target.get_mut(index.as_u64().expect("index") as usize),
                _ => panic!("a path segment is a key or an index: {segment}"),
            }
            .unwrap_or_else(|| panic!("no date at {path:?}"));
        }
        let value = target.take();
        *target = json!({ "$date": value });
    }
}

/// What `js/event-stream.js` does with a batch: parse it, then turn each patch
/// `[i, value, ...]` into a copy of the previous event with its `i`-th key (in `Object.keys`
/// order) set, and unwrap `[data]`; then make a `Date` (here `{"$date": ms}`) of a numeric
/// `createdAt`. Counts the patches it applied.
#[derive(Default)]
struct Expander {
    /// The previous event's members, in key order, when it was an object.
    previous: Option<Vec<(String, Value)>>,
    patches: usize,
}

impl Expander {
    fn expand(&mut self, batch: &[u8]) -> Vec<Value> {
        assert!(batch.is_ascii(), "batches are ASCII");
        let raw: Vec<&serde_json::value::RawValue> =
            serde_json::from_slice(batch).expect("batch is JSON");
        let mut items: Vec<Value> = raw
            .into_iter()
            .map(|item| {
                let text = item.get();
                if text.starts_with('[') {
                    let array: Vec<Value> = serde_json::from_str(text).expect("array item");
                    if array.len() % 2 == 1 {
                        assert_eq!(array.len(), 1, "a wrapped array has one element");
                        self.previous = None;
                        return array.into_iter().next().unwrap_or_default();
                    }
                    let previous = self.previous.as_mut().expect("a patch follows an object");
                    for pair in array.chunks(2) {
                        let index = pair[0].as_u64().expect("patch index") as usize;
                        assert!(index < previous.len(), "patch index {index} past the keys");
                        previous[index].1 = pair[1].clone();
                    }
                    self.patches += 1;
                    return Value::Object(previous.iter().cloned().collect());
                }
                // As `JSON.parse` and `Object.keys` see it: a repeated key keeps its first
                // position and its last value.
                self.previous = serde_json::from_str::<Ordered>(text).ok().map(|o| {
                    let mut members: Vec<(String, Value)> = Vec::new();
                    for (key, value) in o.0 {
                        match members.iter_mut().find(|(k, _)| *k == key) {
                            Some(member) => member.1 = value,
                            None => members.push((key, value)),
                        }
                    }
                    members
                });
                serde_json::from_str(text).expect("item")
            })
            .collect();
        for item in &mut items {
            if item.get("createdAt").is_some_and(Value::is_number) {
                mark_dates(item, &[json!(1), json!("createdAt")]);
            }
        }
        items
    }
}

/// The response `final_response` folds, its dates marked as [`mark_dates`] does.
fn folded(stream: &ConversationStream) -> Value {
    let mut out = Vec::new();
    stream.final_response(&mut out).expect("a folded response");
    let pair: Vec<Value> = serde_json::from_slice(&out).expect("JSON");
    let [mut response, Value::Array(paths)] = <[Value; 2]>::try_from(pair).expect("a pair") else {
        panic!("`[response, [paths]]`");
    };
    mark_dates(&mut response, &paths);
    response
}

/// A JSON object's members in document order (serde_json's `Map` sorts them).
struct Ordered(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Ordered, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, Value>()? {
                    members.push(member);
                }
                Ok(Ordered(members))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

#[test]
fn events_are_camel_case_and_complete() {
    let (items, error, _) = run(&[STREAM.as_bytes()]);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items.len(), 10);
    assert_eq!(items[4]["event"], "message.output.delta");
    assert_eq!(items[4]["data"]["outputIndex"], 1);
    assert_eq!(items[4]["data"]["agentId"], "ag");
    assert_eq!(items[4]["data"]["content"], "café \"q\" ");
    assert_eq!(items[3]["data"]["info"], json!({"a_b": 1}));
    assert_eq!(items[6]["data"]["content"]["type"], "tool_reference");
    assert_eq!(items[9]["data"]["usage"]["totalTokens"], 3);
}

#[test]
fn every_split_point_gives_the_same_events() {
    let bytes = STREAM.as_bytes();
    let (whole, _, _) = run(&[bytes]);
    for split in 1..bytes.len() {
        let (items, error, _) = run(&[&bytes[..split], &bytes[split..]]);
        assert!(error.is_none(), "split at {split}: {error:?}");
        assert_eq!(items, whole, "split at {split}");
    }
}

#[test]
fn events_are_delivered_in_the_chunk_that_completes_them() {
    let mut stream = ConversationStream::default();
    let first_event_end = STREAM.find("\n\n").expect("frame") + 2;
    let feed = stream.feed(&STREAM.as_bytes()[..first_event_end]);
    assert_eq!(feed.count, 1);
    let feed = stream.feed(&STREAM.as_bytes()[first_event_end..first_event_end + 10]);
    assert_eq!(feed.count, 0);
    assert!(feed.batch.is_none());
}

#[test]
fn final_response_folds_the_deltas() {
    let (_, _, stream) = run(&[STREAM.as_bytes()]);
    let response = folded(&stream);
    assert_eq!(response["conversationId"], "conv_1");
    let outputs = response["outputs"].as_array().expect("outputs");
    assert_eq!(outputs[0]["type"], "tool.execution");
    assert_eq!(outputs[0]["arguments"], "{\"q\":1}");
    assert_eq!(outputs[0]["info"], json!({"a_b": 1}));
    assert_eq!(outputs[1]["type"], "message.output");
    assert_eq!(outputs[1]["agentId"], "ag");
    assert_eq!(
        outputs[1]["content"][0],
        json!({"type": "text", "text": "café \"q\" 日本語"})
    );
    assert_eq!(outputs[1]["content"][1]["type"], "tool_reference");
    assert_eq!(outputs[2]["type"], "function.call");
    assert_eq!(outputs[2]["toolCallId"], "c1");
    assert_eq!(
        serde_json::from_str::<Value>(outputs[2]["arguments"].as_str().expect("string"))
            .expect("JSON"),
        json!({"city": "Paris"})
    );
    assert_eq!(response["usage"]["connectors"], json!({"web_search": 1}));
}

#[test]
fn plain_text_folds_into_a_string() {
    let stream = concat!(
        "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"id\":\"m\",\"content\":\"a\"}\n\n",
        "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"id\":\"m\",\"content\":\"b\"}\n\n",
    );
    let (_, _, s) = run(&[stream.as_bytes()]);
    let response = folded(&s);
    assert_eq!(response["outputs"][0]["content"], "ab");
}

#[test]
fn a_body_ending_before_done_is_truncated() {
    let cut = STREAM
        .find("event: conversation.response.done")
        .expect("done");
    let (items, error, _) = run(&[&STREAM.as_bytes()[..cut + 20]]);
    assert_eq!(items.len(), 9);
    let error = error.expect("an error");
    assert!(
        matches!(&error, mistral_edge::Error::Stream(s) if s.kind == StreamErrorKind::Truncated),
        "{error:?}"
    );
    assert!(error.to_string().contains("partial event was discarded"));
}

#[test]
fn malformed_data_fails_after_the_good_events() {
    let stream = concat!(
        "event: conversation.response.started\ndata: {\"type\":\"conversation.response.started\",\"conversation_id\":\"c\"}\n\n",
        "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"content\":\n\n",
        "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"id\":\"m\",\"content\":\"late\"}\n\n",
    );
    let (items, error, _) = run(&[stream.as_bytes()]);
    assert_eq!(items.len(), 1);
    assert!(
        matches!(error, Some(mistral_edge::Error::Stream(s)) if s.kind == StreamErrorKind::Malformed)
    );
}

#[test]
fn an_error_event_is_delivered_then_raised() {
    let stream = "event: conversation.response.error\ndata: {\"type\":\"conversation.response.error\",\"message\":\"boom\",\"code\":3000}\n\n";
    let (items, error, _) = run(&[stream.as_bytes()]);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["data"]["code"], 3000);
    match error {
        Some(mistral_edge::Error::Stream(s)) => {
            assert_eq!(s.kind, StreamErrorKind::ErrorEvent { code: 3000 });
            assert!(s.message.contains("boom"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_events_pass_through_verbatim() {
    let stream = "event: conversation.response.novel\ndata: {\"type\":\"conversation.response.novel\",\"some_field\":{\"nested_key\":1}}\n\n";
    let (items, _, _) = run(&[stream.as_bytes()]);
    assert_eq!(items[0]["event"], "conversation.response.novel");
    assert_eq!(
        items[0]["data"],
        json!({"type": "conversation.response.novel", "some_field": {"nested_key": 1}})
    );
}

#[test]
fn sse_names_that_differ_from_data_type_are_kept() {
    let input = b"event: conversation.response.started\ndata: {\"type\":\"conversation.response.started\",\"conversation_id\":\"c\"}\n\n\
event: custom.ping\ndata: {\"type\":\"something.else\"}\n\n\
data: {\"type\":\"message.output.delta\",\"output_index\":0,\"content_index\":0,\"content\":\"x\"}\n\n\
event: caf\xc3\xa9\ndata: {\"no_type\":true}\n\n\
event: conversation.response.done\ndata: {\"type\":\"conversation.response.done\",\"usage\":{}}\n\n";
    let (items, error, _) = run(&[input]);
    assert!(error.is_none(), "{error:?}");
    let names: Vec<&str> = items
        .iter()
        .map(|i| i["event"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(
        names,
        [
            "conversation.response.started",
            "custom.ping",
            "message",
            "café",
            "conversation.response.done"
        ]
    );
    assert_eq!(items[1]["data"]["type"], "something.else");
}

// ----- patches -----

/// The event's data transcoded on its own, in full, and the paths of its dates.
fn transcoded(data: &str) -> Option<(Value, Vec<Value>)> {
    use mistral_edge::model::shape::HasShape;
    let (mut out, mut dates) = (Vec::new(), Vec::new());
    mistral_edge::json::to_js_dated(
        data.as_bytes(),
        <mistral_edge::model::wire::ConversationEvent as HasShape>::SHAPE,
        &mut out,
        &mut dates,
    )
    .ok()?;
    let value = serde_json::from_slice(&out).expect("transcoded JSON");
    let dates = format!("[{}]", String::from_utf8(dates).expect("UTF-8"));
    Some((value, serde_json::from_str(&dates).expect("paths")))
}

/// The event's data transcoded on its own, in full, its dates marked: what a patch must
/// reproduce.
fn reference(data: &str) -> Option<Value> {
    let (mut value, dates) = transcoded(data)?;
    mark_dates(&mut value, &dates);
    Some(value)
}

fn sse(datas: &[String]) -> String {
    datas
        .iter()
        .map(|d| format!("event: x\ndata: {d}\n\n"))
        .collect()
}

/// A tiny deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[(self.next() % options.len() as u64) as usize]
    }
}

/// One event, most often a delta like the one before it, sometimes subtly not.
fn random_event(rng: &mut Rng) -> String {
    let content = rng.pick(&[
        r#"" token""#,
        r#"" token""#,
        r#""caf\u00e9 \"q\"""#,
        "\"日本語 🚀\"",
        r#""""#,
        r#"{"type":"tool_reference","tool":"web_search","title":"T","url":"https://e"}"#,
        r#"{"type":"text","text":"x"}"#,
        r#"{"type":"tool_file","tool":"code_interpreter","file_id":"f1","file_name":"a.png"}"#,
        r#"[1,2]"#,
        r#"null"#,
    ]);
    let created = rng.pick(&[
        r#""2025-11-21T09:00:00.1Z""#,
        r#""2025-11-21T09:00:00.12Z""#,
        r#""2025-11-21T09:00:00.123Z""#,
        r#""2025-11-21T09:00:00.123Z""#,
        r#""2025-11-21T10:00:00.123+01:00""#,
        r#""not a date""#,
        "null",
        // (Not a number: JavaScript makes a `Date` of any numeric `createdAt` of an event.)
    ]);
    let index = rng.pick(&["1", "1", "12", "1.5", "-1", "1e2", "true"]);
    let agent = rng.pick(&[r#""ag_1""#, r#""ag_1""#, "null", r#""ag_12""#]);
    let kind = rng.pick(&[
        "message.output.delta",
        "message.output.delta",
        "message.output.delta",
        "tool.execution.delta",
    ]);
    match rng.next() % 19 {
        16 => format!(r#"{{"type":"{kind}","output_index": {index},"content":  {content}}}"#),
        17 => format!(
            r#"{{"type":"{kind}","output_index":{index},"content": {content}, "agent_id":{agent}}}"#
        ),
        18 => format!(
            r#"{{"type":"{kind}","id":"m","output_index":0,"outputIndex":{index},"content":{content}}}"#
        ),
        0 => format!(r#"{{"type":"{kind}","content":{content}, "output_index":{index}}}"#),
        1 => format!(r#"{{"type":"{kind}","output_index":{index},"1x":2,"content":{content}}}"#),
        2 => format!(
            r#"{{"type":"{kind}","output_index":{index},"output_index":3,"content":{content}}}"#
        ),
        3 => format!(r#"{{"type":"{kind}","output\u005findex":{index},"content":{content}}}"#),
        4 => rng
            .pick(&[
                "[1,2]",
                "[]",
                "5",
                "null",
                r#""text""#,
                r#"{"output_index":1}"#,
            ])
            .to_owned(),
        5 => format!(
            r#"{{"type":"{kind}","agent_id":{agent},"content":{content},"extra_field":{{"a_b":1}}}}"#
        ),
        6 => format!(
            r#"{{"type":"conversation.response.started","conversation_id":"conv_{index}"}}"#
        ),
        _ => format!(
            r#"{{"type":"{kind}","created_at":{created},"output_index":{index},"id":"msg_1","content_index":0,"model":"m","agent_id":{agent},"role":"assistant","content":{content}}}"#
        ),
    }
}

#[test]
fn patched_events_equal_the_events_transcoded_in_full() {
    let mut total_patches = 0;
    for seed in 1..=300u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let datas: Vec<String> = (0..40).map(|_| random_event(&mut rng)).collect();
        let stream = sse(&datas);
        let bytes = stream.as_bytes();
        // Random chunking, so patches also span batches.
        let mut chunks = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let len = 1 + (rng.next() % 700) as usize;
            let end = (at + len).min(bytes.len());
            chunks.push(&bytes[at..end]);
            at = end;
        }
        let (items, _, _, patches) = run_counting(&chunks);
        total_patches += patches;
        assert_eq!(items.len(), datas.len(), "seed {seed}");
        for (i, (item, data)) in items.iter().zip(&datas).enumerate() {
            let expected = reference(data).expect("valid event");
            assert_eq!(item["data"], expected, "seed {seed}, event {i}: {data}");
        }
    }
    assert!(total_patches > 800, "patches are used: {total_patches}");
}

#[test]
fn a_run_of_deltas_is_sent_as_patches() {
    let delta = |content: &str, at: u32| {
        format!(
            r#"{{"type":"message.output.delta","created_at":"2025-11-21T09:00:00.{at}Z","output_index":0,"id":"m1","content_index":0,"model":"mm","agent_id":"ag","role":"assistant","content":"{content}"}}"#
        )
    };
    let datas = vec![
        delta("Hel", 100),
        delta("lo", 101),
        delta("lo", 101),
        delta("!", 102),
    ];
    let mut stream = ConversationStream::default();
    let feed = stream.feed(sse(&datas).as_bytes());
    let items: Vec<&serde_json::value::RawValue> =
        serde_json::from_slice(feed.batch.expect("a batch")).expect("JSON");
    let items: Vec<&str> = items.iter().map(|raw| raw.get()).collect();
    let first: Value = serde_json::from_str(items[0]).expect("JSON");
    assert_eq!(Some(first), transcoded(&datas[0]).map(|(value, _)| value));
    assert_eq!(first_created_at(items[0]), 1_763_715_600_100);
    // Member 1 is `created_at` (milliseconds, made a `Date` in JavaScript), member 8 `content`;
    // an identical event is an empty patch.
    assert_eq!(
        items[1..],
        [
            r#"[1,1763715600101,8,"lo"]"#,
            "[]",
            r#"[1,1763715600102,8,"!"]"#,
        ]
    );
}

#[test]
fn a_malformed_changed_value_fails_like_a_full_event() {
    let good = r#"{"type":"message.output.delta","output_index":0,"id":"m1","content":"a"}"#;
    let bad = r#"{"type":"message.output.delta","output_index":0,"id":"m1","content":"a\x"}"#;
    let input = format!(
        "{}event: message.output.delta\ndata: {bad}\n\n",
        sse(&[good.to_owned(), good.to_owned()])
    );
    let (items, error, _) = run(&[input.as_bytes()]);
    assert_eq!(items.len(), 2);
    let error = error.expect("an error");
    assert!(error.to_string().contains("malformed"), "{error}");
}

#[test]
fn whitespace_before_a_changed_value_is_transcoded_and_folded_in_full() {
    let datas = [
        r#"{"type":"message.output.delta","output_index":0,"id":"m1","content_index":0,"content":"a"}"#,
        r#"{"type":"message.output.delta","output_index":0,"id":"m1","content_index":0,"content": "b"}"#,
        r#"{"type":"message.output.delta","output_index":0,"id":"m1","content_index":1,"content":"c"}"#,
        r#"{"type":"message.output.delta","output_index":0,"id":"m1","content_index":1,"content": {"type":"tool_file","tool":"code_interpreter","file_id":"f1"}}"#,
    ]
    .map(str::to_owned);
    let (items, error, stream) = run(&[sse(&datas).as_bytes()]);
    assert!(error.is_some(), "no done event: truncated");
    assert_eq!(items[3]["data"]["content"]["fileId"], "f1");
    let folded = folded(&stream);
    assert_eq!(
        folded["outputs"][0]["content"][0],
        json!({"type": "text", "text": "ab"})
    );
}

#[test]
fn a_repeated_type_key_names_the_event_as_javascript_reads_it() {
    // `JSON.parse` keeps the last `type`; the SSE name wins over it when they differ.
    let input = concat!(
        "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"id\":\"m\",\"content\":\"x\",\"type\":\"foo\"}\n\n",
        "event: conversation.response.done\ndata: {\"type\":\"conversation.response.done\",\"usage\":{}}\n\n",
    );
    let (items, error, _) = run(&[input.as_bytes()]);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items[0]["event"], "message.output.delta");
    assert_eq!(items[0]["data"]["type"], "foo");
}

#[test]
fn an_escaped_type_is_the_same_type_for_folding_and_for_done() {
    let input = concat!(
        "event: message.output.delta\ndata: {\"type\":\"message.output.delt\\u0061\",\"output_index\":0,\"id\":\"m\",\"content_index\":0,\"content\":\"a\"}\n\n",
        "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"output_index\":0,\"id\":\"m\",\"content_index\":0,\"content\":\"b\"}\n\n",
        "event: conversation.response.done\ndata: {\"type\":\"conversation.response.d\\u006fne\",\"usage\":{}}\n\n",
    );
    let (items, error, stream) = run(&[input.as_bytes()]);
    assert!(
        error.is_none(),
        "an escaped done still ends the stream: {error:?}"
    );
    assert_eq!(items.len(), 3);
    assert_eq!(folded(&stream)["outputs"][0]["content"], "ab");
}

fn first_created_at(item: &str) -> i64 {
    let value: Value = serde_json::from_str(item).expect("JSON");
    value["createdAt"].as_i64().expect("milliseconds")
}

#[test]
fn an_events_date_is_its_milliseconds_whether_sent_in_full_or_patched() {
    let delta = |at: &str| {
        format!(r#"{{"type":"message.output.delta","created_at":{at},"id":"m","content":"x"}}"#)
    };
    let datas = [
        delta(r#""2025-01-01T00:00:00Z""#),
        delta(r#""2025-01-01T00:00:01Z""#),
        delta("null"),
        delta(r#""2025-01-01T02:00:02+02:00""#),
        delta(r#""yesterday""#),
    ];
    let mut stream = ConversationStream::default();
    let feed = stream.feed(sse(&datas).as_bytes());
    let items: Vec<Value> = serde_json::from_slice(feed.batch.expect("a batch")).expect("JSON");
    assert_eq!(items[0]["createdAt"], 1_735_689_600_000i64);
    assert_eq!(items[1], json!([1, 1_735_689_601_000i64]));
    assert_eq!(items[2], json!([1, null]));
    assert_eq!(items[3], json!([1, 1_735_689_602_000i64]));
    // Not a date-time: left as the string it was.
    assert_eq!(items[4], json!([1, "yesterday"]));
}

#[test]
fn the_folded_response_lists_its_dates() {
    let input = concat!(
        "event: conversation.response.started\ndata: {\"type\":\"conversation.response.started\",\"created_at\":\"2025-01-01T00:00:00Z\",\"conversation_id\":\"c\"}\n\n",
        "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"created_at\":\"2025-01-01T00:00:01.5Z\",\"id\":\"m\",\"content\":\"a\"}\n\n",
        "event: conversation.response.done\ndata: {\"type\":\"conversation.response.done\",\"created_at\":\"2025-01-01T00:00:02Z\",\"usage\":{}}\n\n",
    );
    let (_, error, stream) = run(&[input.as_bytes()]);
    assert!(error.is_none(), "{error:?}");
    let response = folded(&stream);
    let created = &response["outputs"][0]["createdAt"];
    assert!(
        created.get("$date").is_some_and(Value::is_i64),
        "{response}"
    );
}

#[test]
fn final_response_folds_up_to_its_limit_then_is_too_large_while_events_go_on() {
    let delta = |content: &str| {
        format!(
            r#"{{"type":"message.output.delta","output_index":0,"id":"m1","content_index":0,"content":"{content}"}}"#
        )
    };
    let datas: Vec<String> = (0..10).map(|_| delta(&"x".repeat(100))).collect();
    let body = sse(&datas);
    // Under the limit: the whole text.
    let mut stream = ConversationStream::default();
    stream.set_fold_limit(datas.iter().map(String::len).sum());
    assert_eq!(stream.feed(body.as_bytes()).count, 10);
    assert_eq!(
        folded(&stream)["outputs"][0]["content"]
            .as_str()
            .map(str::len),
        Some(1000)
    );
    // Over it: every event is still delivered, and the response is a typed `too_large`.
    let mut stream = ConversationStream::default();
    stream.set_fold_limit(500);
    let feed = stream.feed(body.as_bytes());
    assert_eq!(feed.count, 10);
    assert!(feed.error.is_none());
    let error = stream
        .final_response(&mut Vec::new())
        .expect_err("over the limit");
    let mistral_edge::Error::Stream(e) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(e.kind, StreamErrorKind::TooLarge);
    assert!(e.message.contains("64 MiB"), "{}", e.message);
    // Switched off (a limit of 0, `skipFinalResponse()`), even after some events.
    let mut stream = ConversationStream::default();
    stream.feed(sse(&datas[..2]).as_bytes());
    stream.set_fold_limit(0);
    assert_eq!(stream.feed(sse(&datas[2..]).as_bytes()).count, 8);
    let error = stream
        .final_response(&mut Vec::new())
        .expect_err("switched off");
    assert!(error.to_string().contains("skipFinalResponse"), "{error}");
}

#[test]
fn an_event_over_64_kib_is_not_kept_to_patch_the_next_one() {
    let delta = |content: &str| {
        format!(
            r#"{{"type":"message.output.delta","output_index":0,"id":"m1","content_index":0,"content":"{content}"}}"#
        )
    };
    for (size, patched) in [(1000, true), (70_000, false)] {
        let datas = vec![delta(&"a".repeat(size)), delta("b")];
        let mut stream = ConversationStream::default();
        let feed = stream.feed(sse(&datas).as_bytes());
        let items: Vec<Value> = serde_json::from_slice(feed.batch.expect("a batch")).expect("JSON");
        assert_eq!(items[1].is_array(), patched, "after a {size}-byte event");
        let (items, error, stream) = run(&[sse(&datas).as_bytes()]);
        assert!(error.is_some(), "no `done`: truncated");
        assert_eq!(items[1]["data"]["content"], "b");
        assert_eq!(
            folded(&stream)["outputs"][0]["content"]
                .as_str()
                .map(str::len),
            Some(size + 1)
        );
    }
}

/// A stream of one message delta per `output_index` in `indexes`, each its own output.
fn deltas_at(indexes: impl Iterator<Item = i64>) -> String {
    indexes
        .map(|i| {
            format!(
                "data: {{\"type\":\"message.output.delta\",\"output_index\":{i},\"id\":\"m{i}\",\"content_index\":0,\"content\":\"{i}\"}}\n\n"
            )
        })
        .chain(std::iter::once(
            "data: {\"type\":\"conversation.response.done\",\"usage\":{}}\n\n".to_string(),
        ))
        .collect()
}

#[test]
fn final_response_orders_many_outputs_by_output_index_in_linear_time() {
    // 50,000 outputs arriving last first: a search through the entries for each event and an
    // insertion sort (the fold before) took about 2.5e9 steps here; a table by `output_index`,
    // one per event and one per slot.
    const N: i64 = 50_000;
    let (items, error, stream) = run(&[deltas_at((0..N).rev()).as_bytes()]);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items.len(), N as usize + 1);
    let response = folded(&stream);
    let outputs = response["outputs"].as_array().expect("outputs");
    assert_eq!(outputs.len(), N as usize);
    for (i, output) in outputs.iter().enumerate().step_by(9_973) {
        assert_eq!(output["id"], format!("m{i}"));
        assert_eq!(output["content"], i.to_string());
    }
    // Interleaved, revisited and sparse outputs keep their order and their text.
    let mut order: Vec<i64> = (0..1_000).map(|i| i * 997 % 1_000 * 1_000).collect();
    order.extend(order.clone());
    let (_, error, stream) = run(&[deltas_at(order.into_iter()).as_bytes()]);
    assert!(error.is_none(), "{error:?}");
    let response = folded(&stream);
    let outputs = response["outputs"].as_array().expect("outputs");
    assert_eq!(outputs.len(), 1_000);
    assert_eq!(outputs[3]["id"], "m3000");
    assert_eq!(outputs[3]["content"], "30003000");
}

#[test]
fn an_output_index_out_of_range_fails_final_response_not_the_events() {
    let max = mistral_edge::stream::MAX_OUTPUTS as i64;
    for bad in [-1, i64::MIN, max, i64::MAX] {
        let (items, error, stream) = run(&[deltas_at([0, bad, 1].into_iter()).as_bytes()]);
        assert!(error.is_none(), "{error:?}");
        assert_eq!(items.len(), 4, "every event is delivered");
        let mut out = Vec::new();
        match stream.final_response(&mut out) {
            Err(mistral_edge::Error::Stream(e)) => {
                assert_eq!(e.kind, StreamErrorKind::Malformed);
                assert!(
                    e.message
                        .starts_with("an event's `output_index` was negative or over 1048575"),
                    "{}",
                    e.message
                );
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
    let (_, error, stream) = run(&[deltas_at([max - 1, 0].into_iter()).as_bytes()]);
    assert!(error.is_none());
    let response = folded(&stream);
    assert_eq!(response["outputs"][0]["id"], "m0");
    assert_eq!(response["outputs"][1]["id"], format!("m{}", max - 1));
}
