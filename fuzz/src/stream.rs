//! Target `stream`: a conversation stream (`stream::ConversationStream`) fed generated events
//! as SSE bytes split at fuzzer-chosen points. Oracles: no panic; the batches, patches
//! applied, give each event as `to_js` transcodes it; the SSE names that differ from `type`
//! are listed; the errors are the typed ones the events call for; `finalResponse` equals a
//! straightforward fold of the delivered events; `finish` fails exactly when neither
//! `conversation.response.done` nor an error came.

use mistral_edge::json::to_js;
use mistral_edge::model::shape::HasShape;
use mistral_edge::model::wire;
use mistral_edge::stream::ConversationStream;
use mistral_edge::{Error, StreamErrorKind};
use serde_json::{json, Map, Value as Serde};

use super::input::Input;

/// Text for deltas and names: plain, escaped, non-ASCII.
const TEXTS: &[&str] = &[
    "",
    "Hel",
    "lo",
    " wörld",
    "\"q\"",
    "\\",
    "\n",
    "😀",
    "a/b",
    "\u{1}",
    "{\"a\":1}",
];

/// The entry kinds, by the event types that build them.
const KINDS: &[&[&str]] = &[
    &["message.output.delta"],
    &["function.call.delta"],
    &[
        "tool.execution.started",
        "tool.execution.delta",
        "tool.execution.done",
    ],
    &["agent.handoff.started", "agent.handoff.done"],
];

/// One generated event: its SSE name and its data.
struct Event {
    name: String,
    data: Vec<u8>,
    /// The parsed data, `None` for a malformed event.
    value: Option<Serde>,
}

fn text(input: &mut Input<'_>) -> String {
    (0..input.below(3)).map(|_| input.pick(TEXTS)).collect()
}

/// The event data for an entry of kind `kind` at `index`: every event of an entry repeats its
/// fields (`id`, `created_at`, ...), as the API's do.
fn entry_event(input: &mut Input<'_>, kind: usize, index: i64) -> Serde {
    let types = KINDS[kind];
    let kind_type = input.pick(types);
    let mut event = Map::new();
    event.insert("type".into(), json!(kind_type));
    event.insert("output_index".into(), json!(index));
    event.insert("id".into(), json!(format!("e{index}")));
    event.insert("created_at".into(), json!("2025-01-01T00:00:00Z"));
    if index % 2 == 1 {
        event.insert("agent_id".into(), json!("ag_1"));
        event.insert("model".into(), Serde::Null);
    } else {
        event.insert("model".into(), json!("mistral-medium"));
    }
    match kind {
        0 => {
            if index != 2 {
                event.insert("role".into(), json!("assistant"));
            }
            event.insert("content_index".into(), json!(input.below(2)));
            let content = match input.below(4) {
                0 => json!({"type": "tool_reference", "tool": "web_search", "title": text(input)}),
                1 => json!({"type": "text", "text": text(input)}),
                _ => json!(text(input)),
            };
            event.insert("content".into(), content);
        }
        1 => {
            event.insert("tool_call_id".into(), json!(format!("call_{index}")));
            event.insert("name".into(), json!("get_weather"));
            event.insert("arguments".into(), json!(text(input)));
        }
        2 => {
            event.insert("name".into(), json!("web_search"));
            event.insert("arguments".into(), json!(text(input)));
            if input.one_in(2) {
                event.insert(
                    "info".into(),
                    json!({"n": input.below(9), "t": text(input)}),
                );
            }
        }
        _ => {
            event.insert("previous_agent_id".into(), json!("ag_1"));
            event.insert("previous_agent_name".into(), json!("first"));
            event.insert("next_agent_id".into(), json!("ag_2"));
            event.insert("next_agent_name".into(), json!(text(input)));
        }
    }
    Serde::Object(event)
}

fn events(input: &mut Input<'_>) -> Vec<Event> {
    let mut kinds: [Option<usize>; 4] = [None; 4];
    let mut out = Vec::new();
    for _ in 0..input.below(14) {
        let value = match input.below(16) {
            0 => {
                json!({"type": "conversation.response.started", "conversation_id": text(input), "created_at": "2025-01-01T00:00:00Z"})
            }
            1 => {
                json!({"type": "conversation.response.done", "usage": {"prompt_tokens": 1, "completion_tokens": input.below(50), "total_tokens": 3}})
            }
            2 if input.one_in(4) => {
                json!({"type": "conversation.response.error", "message": text(input), "code": input.below(3000)})
            }
            3 if input.one_in(4) => {
                out.push(Event {
                    name: "message.output.delta".into(),
                    data: b"{\"type\":".to_vec(),
                    value: None,
                });
                continue;
            }
            _ => {
                let index = input.below(4);
                let kind = *kinds[index].get_or_insert_with(|| input.below(KINDS.len()));
                entry_event(input, kind, index as i64)
            }
        };
        let kind = value["type"].as_str().unwrap_or_default().to_owned();
        let name = match input.below(12) {
            0 => "message".to_owned(),
            1 => "other".to_owned(),
            _ => kind,
        };
        let data = serde_json::to_vec(&value).expect("JSON");
        out.push(Event {
            name,
            data,
            value: Some(value),
        });
    }
    out
}

/// The SSE bytes of the events.
fn sse(input: &mut Input<'_>, events: &[Event]) -> Vec<u8> {
    let mut out = Vec::new();
    let eol: &[u8] = if input.one_in(3) { b"\r\n" } else { b"\n" };
    for event in events {
        if input.one_in(6) {
            out.extend_from_slice(b": ping");
            out.extend_from_slice(eol);
        }
        if event.name != "message" || input.one_in(2) {
            out.extend_from_slice(b"event: ");
            out.extend_from_slice(event.name.as_bytes());
            out.extend_from_slice(eol);
        }
        out.extend_from_slice(b"data: ");
        out.extend_from_slice(&event.data);
        out.extend_from_slice(eol);
        out.extend_from_slice(eol);
    }
    out
}

/// An object's keys in document order.
fn keys_in_order(raw: &[u8]) -> Vec<String> {
    let value = mistral_edge::json::Value::parse(raw).expect("batch items are JSON");
    value.members().map(|(k, _)| k.into_owned()).collect()
}

/// Applies one batch item to `previous`, giving the event it stands for.
fn apply_item(item_raw: &[u8], item: &Serde, previous: &mut Vec<(String, Serde)>) -> Serde {
    match item {
        Serde::Object(map) => {
            *previous = keys_in_order(item_raw)
                .into_iter()
                .map(|k| {
                    let v = map[&k].clone();
                    (k, v)
                })
                .collect();
        }
        Serde::Array(patch) => {
            assert!(patch.len() % 2 == 0, "an odd patch {item}");
            for pair in patch.chunks(2) {
                let i = pair[0].as_u64().expect("patch index") as usize;
                assert!(
                    i < previous.len(),
                    "patch index {i} beyond {}",
                    previous.len()
                );
                previous[i].1 = pair[1].clone();
            }
        }
        other => panic!("a batch item that is neither an event nor a patch: {other}"),
    }
    Serde::Object(previous.iter().cloned().collect())
}

/// The response a straightforward fold of `events` gives, in wire JSON.
fn fold(events: &[&Serde]) -> Serde {
    let mut conversation_id = json!("");
    let mut usage = json!({"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0});
    // (index, entry object, content chunks: (content_index, text or chunk)).
    let mut entries: Vec<(i64, Map<String, Serde>, Vec<(i64, Serde)>)> = Vec::new();
    let meta_keys = |kind: &str| -> &'static [&'static str] {
        match kind {
            "message.output" => &["id", "created_at", "role", "model", "agent_id"],
            "function.call" => &[
                "id",
                "created_at",
                "tool_call_id",
                "name",
                "confirmation_status",
                "model",
                "agent_id",
            ],
            "tool.execution" => &["id", "created_at", "name", "model", "agent_id"],
            _ => &[
                "id",
                "created_at",
                "previous_agent_id",
                "previous_agent_name",
                "next_agent_id",
                "next_agent_name",
            ],
        }
    };
    for event in events {
        let kind = event["type"].as_str().unwrap_or_default();
        let entry_kind = match kind {
            "conversation.response.started" => {
                conversation_id = event.get("conversation_id").cloned().unwrap_or(json!(""));
                continue;
            }
            "conversation.response.done" => {
                usage = event["usage"].clone();
                continue;
            }
            "message.output.delta" => "message.output",
            "function.call.delta" => "function.call",
            "tool.execution.started" | "tool.execution.delta" | "tool.execution.done" => {
                "tool.execution"
            }
            "agent.handoff.started" | "agent.handoff.done" => "agent.handoff",
            _ => continue,
        };
        let index = event["output_index"].as_i64().unwrap_or(0);
        let position = match entries.iter().position(|(i, _, _)| *i == index) {
            Some(p) => p,
            None => {
                let mut entry = Map::new();
                entry.insert("object".into(), json!("entry"));
                entry.insert("type".into(), json!(entry_kind));
                // Every event repeats the entry's fields: the first gives them (nulls left out).
                for key in meta_keys(entry_kind) {
                    if let Some(v) = event.get(*key).filter(|v| !v.is_null()) {
                        entry.insert((*key).into(), v.clone());
                    }
                }
                entries.push((index, entry, Vec::new()));
                entries.len() - 1
            }
        };
        let (_, entry, chunks) = &mut entries[position];
        let append = |entry: &mut Map<String, Serde>, key: &str, more: &str| {
            let mut text = entry
                .get(key)
                .and_then(Serde::as_str)
                .unwrap_or_default()
                .to_owned();
            text.push_str(more);
            entry.insert(key.into(), json!(text));
        };
        match kind {
            "message.output.delta" => {
                let content_index = event["content_index"].as_i64().unwrap_or(0);
                match &event["content"] {
                    Serde::String(s) => match chunks.last_mut() {
                        Some((i, Serde::String(text))) if *i == content_index => text.push_str(s),
                        _ => chunks.push((content_index, json!(s))),
                    },
                    Serde::Null => {}
                    chunk => chunks.push((content_index, chunk.clone())),
                }
            }
            "function.call.delta" | "tool.execution.started" | "tool.execution.delta" => append(
                entry,
                "arguments",
                event["arguments"].as_str().unwrap_or_default(),
            ),
            "tool.execution.done" => append(entry, "arguments", ""),
            _ => {}
        }
        if let Some(info) = event.get("info").filter(|v| !v.is_null()) {
            entry.insert("info".into(), info.clone());
        }
    }
    entries.sort_by_key(|(i, _, _)| *i);
    let outputs: Vec<Serde> = entries
        .into_iter()
        .map(|(_, mut entry, chunks)| {
            if entry["type"] == "message.output" {
                entry.entry("role").or_insert(json!("assistant"));
                let content = match chunks.as_slice() {
                    [] => json!(""),
                    [(_, Serde::String(s))] => json!(s),
                    _ => Serde::Array(
                        chunks
                            .into_iter()
                            .map(|(_, c)| match c {
                                Serde::String(s) => json!({"type": "text", "text": s}),
                                other => other,
                            })
                            .collect(),
                    ),
                };
                entry.insert("content".into(), content);
            }
            Serde::Object(entry)
        })
        .collect();
    json!({"object": "conversation.response", "conversation_id": conversation_id, "outputs": outputs, "usage": usage})
}

/// The expected camelCase of a wire value of shape `S`.
fn js_of<S: HasShape>(wire: &[u8]) -> Serde {
    let mut js = Vec::new();
    to_js(wire, S::SHAPE, &mut js).expect("generated wire JSON transcodes");
    serde_json::from_slice(&js).expect("to_js gives JSON")
}

/// An event as a stream delivers it: its top-level `createdAt`, when an RFC 3339 date-time, as ms
/// since the epoch (JavaScript makes the `Date`); the only date an event has.
fn dated(mut event: Serde) -> Serde {
    if let Some(at) = event.get_mut("createdAt") {
        if let Some(ms) = at
            .as_str()
            .and_then(|s| mistral_edge::json::date::epoch_ms(s.as_bytes()))
        {
            *at = Serde::from(ms);
        }
    }
    event
}

/// The entries' date-times (`createdAt`, `completedAt`) as ms since the epoch, as
/// `final_response` writes them for JavaScript to make `Date`s of.
fn dates_as_ms(value: &mut Serde) {
    match value {
        Serde::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "createdAt" || key == "completedAt" {
                    if let Some(ms) = v
                        .as_str()
                        .and_then(|s| mistral_edge::json::date::epoch_ms(s.as_bytes()))
                    {
                        *v = Serde::from(ms);
                        continue;
                    }
                }
                dates_as_ms(v);
            }
        }
        Serde::Array(items) => items.iter_mut().for_each(dates_as_ms),
        _ => {}
    }
}

/// Checks one case; panics when the stream disagrees with the events it was fed.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let events = events(&mut input);
    let bytes = sse(&mut input, &events);
    let mut points: Vec<usize> = (0..input.below(8))
        .map(|_| input.below(bytes.len() + 1))
        .collect();
    points.sort_unstable();

    // What should be delivered: every event up to the first malformed one (left out) or the
    // first error event (included).
    let mut delivered: Vec<&Event> = Vec::new();
    let mut expected_error = None;
    for event in &events {
        match &event.value {
            None => {
                expected_error = Some(StreamErrorKind::Malformed);
                break;
            }
            Some(value) => {
                delivered.push(event);
                if value["type"] == "conversation.response.error" {
                    let code = value["code"].as_i64().unwrap_or(0);
                    expected_error = Some(StreamErrorKind::ErrorEvent { code });
                    break;
                }
            }
        }
    }

    let mut stream = ConversationStream::default();
    let mut got: Vec<Serde> = Vec::new();
    let mut names: Vec<(usize, String)> = Vec::new();
    let mut previous: Vec<(String, Serde)> = Vec::new();
    let mut error = None;
    let mut from = 0;
    for &to in points.iter().chain(std::iter::once(&bytes.len())) {
        let feed = stream.feed(&bytes[from..to]);
        from = to;
        if let Some(batch) = feed.batch {
            assert!(batch.is_ascii(), "a batch is ASCII");
            let items: Vec<mistral_edge::json::Value<'_>> = mistral_edge::json::Value::parse(batch)
                .expect("a batch is JSON")
                .items()
                .collect();
            assert_eq!(items.len(), feed.count);
            for (n, name) in feed.names {
                names.push((got.len() + n, name.clone()));
            }
            for item in items {
                let parsed: Serde = serde_json::from_str(item.raw()).expect("batch item is JSON");
                got.push(apply_item(item.raw().as_bytes(), &parsed, &mut previous));
            }
        } else {
            assert_eq!(feed.count, 0);
        }
        if let Some(e) = feed.error {
            assert!(error.is_none(), "a second error after the first: {e:?}");
            error = Some(e);
        }
    }
    let expected_events: Vec<Serde> = delivered
        .iter()
        .map(|e| dated(js_of::<wire::ConversationEvent>(&e.data)))
        .collect();
    assert_eq!(
        got,
        expected_events,
        "events of {}",
        String::from_utf8_lossy(&bytes)
    );
    let expected_names: Vec<(usize, String)> = delivered
        .iter()
        .enumerate()
        .filter(|(_, e)| e.value.as_ref().map(|v| &v["type"]) != Some(&json!(e.name)))
        .map(|(n, e)| (n, e.name.clone()))
        .collect();
    assert_eq!(names, expected_names);
    match (&error, &expected_error) {
        (None, None) => {}
        (Some(Error::Stream(e)), Some(kind)) => assert_eq!(&e.kind, kind, "{}", e.message),
        (got, expected) => panic!("error {got:?}, expected {expected:?}"),
    }
    let done = delivered.iter().any(|e| {
        e.value.as_ref().map(|v| &v["type"]) == Some(&json!("conversation.response.done"))
    });
    match stream.finish() {
        Ok(()) => assert!(done || error.is_some(), "finish passed without done"),
        Err(Error::Stream(e)) => {
            assert!(
                !done && error.is_none(),
                "finish failed after done: {}",
                e.message
            );
            assert_eq!(e.kind, StreamErrorKind::Truncated);
        }
        Err(other) => panic!("finish: {other:?}"),
    }
    assert_eq!(stream.is_done(), done && error.is_none());

    let mut response = Vec::new();
    if let Err(e) = stream.final_response(&mut response) {
        panic!("finalResponse failed under its limit: {e}");
    }
    let response: Serde = serde_json::from_slice(&response).unwrap_or_else(|e| {
        panic!(
            "finalResponse is not JSON ({e}): {}",
            String::from_utf8_lossy(&response)
        )
    });
    let folded: Vec<&Serde> = delivered.iter().filter_map(|e| e.value.as_ref()).collect();
    let expected = serde_json::to_vec(&fold(&folded)).expect("JSON");
    let mut expected = js_of::<wire::ConversationResponse>(&expected);
    dates_as_ms(&mut expected);
    // `final_response` writes `[response, where its dates are]`.
    let response = match response {
        Serde::Array(mut pair) if !pair.is_empty() => pair.swap_remove(0),
        other => other,
    };
    assert_eq!(
        response,
        expected,
        "finalResponse of {}",
        String::from_utf8_lossy(&bytes)
    );
}
