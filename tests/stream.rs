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
    let mut stream = ConversationStream::default();
    let mut items = Vec::new();
    let mut error = None;
    for chunk in chunks {
        let feed = stream.feed(chunk);
        if let Some(batch) = feed.batch {
            assert!(batch.is_ascii(), "batches are ASCII");
            let parsed: Vec<Value> = serde_json::from_slice(batch).expect("batch is JSON");
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
    (items, error, stream)
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
    let mut out = Vec::new();
    stream.final_response(&mut out);
    let response: Value = serde_json::from_slice(&out).expect("JSON");
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
    let mut out = Vec::new();
    s.final_response(&mut out);
    let response: Value = serde_json::from_slice(&out).expect("JSON");
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
