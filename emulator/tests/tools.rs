//! The scripted model's tools: web search, code, images (served as real PNGs), functions,
//! confirmations, connectors and libraries through the hooks, counting and structured output.

mod common;

use common::*;
use serde_json::{json, Value};

// Connectors and libraries through the hooks, with fake hosts.
#[path = "tools/hooks.rs"]
mod hooks;

#[tokio::test]
async fn web_search_runs_only_when_asked_and_allowed() {
    let s = start().await;
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "Search for Rust news", "tools": [{"type": "web_search"}]}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);
    let exec = &v["outputs"][0];
    assert_eq!(exec["name"], "web_search");
    assert_eq!(
        serde_json::from_str::<Value>(exec["arguments"].as_str().unwrap()).unwrap(),
        json!({"query": "Search for Rust news"})
    );
    let content = v["outputs"][1]["content"].as_array().unwrap();
    let refs: Vec<&Value> = content
        .iter()
        .filter(|c| c["type"] == "tool_reference")
        .collect();
    assert_eq!(refs.len(), 2);
    assert!(refs
        .iter()
        .all(|r| r["tool"] == "web_search" && r["title"].is_string() && r["url"].is_string()));
    assert_eq!(content[0]["type"], "text");
    assert_eq!(v["usage"]["connectors"], json!({"web_search": 1}));
    assert_eq!(v["usage"]["connector_tokens"], 30);

    // Not mentioned: no search.
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "Hello", "tools": [{"type": "web_search"}]}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["message.output"]);
    // Excluded by the tool configuration: no search either.
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "search it",
        "tools": [{"type": "web_search", "tool_configuration": {"exclude": ["web_search"]}}]}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["message.output"]);
    // Premium search names itself.
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "latest news", "tools": [{"type": "web_search_premium"}]}),
    )
    .await
    .json();
    assert_eq!(v["outputs"][0]["name"], "web_search_premium");
}

#[tokio::test]
async fn code_interpreter_runs_the_arithmetic() {
    let s = start().await;
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Calculate (6 + 1) * 6 with code", "tools": [{"type": "code_interpreter"}]})).await.json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);
    let exec = &v["outputs"][0];
    assert_eq!(exec["name"], "code_interpreter");
    assert_eq!(exec["info"]["code"], "print((6 + 1) * 6)");
    assert_eq!(exec["info"]["code_output"], "42\n");
    assert_eq!(output_texts(&v), ["I ran the code. It printed: 42"]);

    // The stream: started (empty arguments), deltas that concatenate to the arguments, done with info.
    let r = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Calculate 7/2 in python", "stream": true, "tools": [{"type": "code_interpreter"}]})).await;
    let events = r.events();
    let tool: Vec<&Frame> = events
        .iter()
        .filter(|e| e.event.starts_with("tool.execution"))
        .collect();
    assert_eq!(tool[0].event, "tool.execution.started");
    assert_eq!(tool[0].json()["arguments"], "");
    assert_eq!(tool.last().unwrap().event, "tool.execution.done");
    assert_eq!(tool.last().unwrap().json()["info"]["code_output"], "3.5\n");
    let args: String = tool[1..tool.len() - 1]
        .iter()
        .map(|e| {
            assert_eq!(e.event, "tool.execution.delta");
            e.json()["arguments"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        serde_json::from_str::<Value>(&args).unwrap(),
        json!({"code": "print(7/2)"})
    );
}

/// Inflates a zlib stream made only of stored blocks (what the emulator writes).
fn inflate_stored(z: &[u8]) -> Vec<u8> {
    assert_eq!(z[0] & 0x0F, 8, "deflate");
    assert_eq!(
        (u16::from(z[0]) << 8 | u16::from(z[1])) % 31,
        0,
        "zlib header check"
    );
    let mut i = 2;
    let mut out = Vec::new();
    loop {
        let last = z[i] & 1;
        assert_eq!(z[i] >> 1 & 3, 0, "stored block");
        let len = u16::from_le_bytes([z[i + 1], z[i + 2]]) as usize;
        let nlen = u16::from_le_bytes([z[i + 3], z[i + 4]]);
        assert_eq!(!nlen as usize, len);
        out.extend_from_slice(&z[i + 5..i + 5 + len]);
        i += 5 + len;
        if last == 1 {
            break;
        }
    }
    assert_eq!(
        u32::from_be_bytes([z[i], z[i + 1], z[i + 2], z[i + 3]]),
        mistral_emulator::png::adler32(&out)
    );
    out
}

fn check_png(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let mut i = 8;
    let mut size = (0, 0);
    let mut idat = Vec::new();
    let mut saw_end = false;
    while i < png.len() {
        let len = u32::from_be_bytes(png[i..i + 4].try_into().unwrap()) as usize;
        let kind = &png[i + 4..i + 8];
        let data = &png[i + 8..i + 8 + len];
        let crc = u32::from_be_bytes(png[i + 8 + len..i + 12 + len].try_into().unwrap());
        assert_eq!(
            crc,
            mistral_emulator::png::crc32(&png[i + 4..i + 8 + len]),
            "CRC of {:?}",
            std::str::from_utf8(kind)
        );
        match kind {
            b"IHDR" => {
                size = (
                    u32::from_be_bytes(data[0..4].try_into().unwrap()),
                    u32::from_be_bytes(data[4..8].try_into().unwrap()),
                );
                assert_eq!(&data[8..10], &[8, 2], "8-bit RGB");
            }
            b"IDAT" => idat.extend_from_slice(data),
            b"IEND" => saw_end = true,
            _ => {}
        }
        i += 12 + len;
    }
    assert!(saw_end);
    let raw = inflate_stored(&idat);
    assert_eq!(raw.len(), (size.0 as usize * 3 + 1) * size.1 as usize);
    (size.0, size.1)
}

#[tokio::test]
async fn image_generation_makes_a_real_png_served_by_the_files_api() {
    let s = start().await;
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Draw a lighthouse", "tools": [{"type": "image_generation"}]})).await.json();
    assert_eq!(types(&v), ["tool.execution", "message.output"]);
    let chunk = v["outputs"][1]["content"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["type"] == "tool_file")
        .expect("tool_file chunk")
        .clone();
    assert_eq!(chunk["tool"], "image_generation");
    assert_eq!(chunk["file_type"], "png");
    let file_id = chunk["file_id"].as_str().unwrap();

    let meta = get(&s, &format!("/v1/files/{file_id}")).await.json();
    assert_eq!(meta["id"], file_id);
    assert_eq!(meta["object"], "file");
    assert_eq!(meta["mimetype"], "image/png");
    assert_eq!(meta["source"], "mistral");
    assert!(meta["created_at"].is_i64(), "unix seconds");
    assert_eq!(meta["deleted"], false);

    let content = get(&s, &format!("/v1/files/{file_id}/content")).await;
    assert_eq!(content.status, 200);
    assert_eq!(
        content.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(content.body.len() as i64, meta["bytes"].as_i64().unwrap());
    assert_eq!(check_png(&content.body), (64, 64));

    // The signed URL works without a key, and only with its signature.
    let url = get(&s, &format!("/v1/files/{file_id}/url?expiry=2"))
        .await
        .json()["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = &url[url.find("/signed/").expect("served by the emulator")..];
    assert!(url.starts_with(&format!("http://{}/", s.addr)));
    let signed = request(s.addr, "GET", path, &[], None).await;
    assert_eq!(signed.status, 200);
    assert_eq!(signed.header("content-type"), Some("image/png"));
    assert_eq!(signed.body, content.body);
    let tampered = path.replace("signature=", "signature=0");
    assert_eq!(
        request(s.addr, "GET", &tampered, &[], None).await.status,
        403
    );
    assert_eq!(
        get(&s, &format!("/v1/files/{file_id}/url?expiry=500"))
            .await
            .status,
        422
    );

    let listed = get(&s, "/v1/files").await.json();
    assert_eq!(listed["data"][0]["id"], file_id);
    assert_eq!(
        delete(&s, &format!("/v1/files/{file_id}")).await.json()["deleted"],
        true
    );
    assert_eq!(get(&s, &format!("/v1/files/{file_id}")).await.status, 404);
    assert_eq!(get(&s, "/v1/files/nope/content").await.status, 404);
}

fn weather_tool() -> Value {
    json!({"type": "function", "function": {"name": "get_weather", "description": "Weather of a city",
        "parameters": {"type": "object", "properties": {"city_name": {"type": "string"}}, "required": ["city_name"]}}})
}

#[tokio::test]
async fn function_calls_are_answered_with_function_results() {
    let s = start().await;
    let v = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "What's the weather in Paris?", "tools": [weather_tool()]}),
    )
    .await
    .json();
    assert_eq!(types(&v), ["function.call"]);
    let call = &v["outputs"][0];
    assert_eq!(call["name"], "get_weather");
    assert_eq!(
        call["arguments"], "{\"city_name\":\"Paris\"}",
        "arguments are a JSON string"
    );
    assert!(call.get("confirmation_status").is_none());
    let call_id = call["tool_call_id"].as_str().unwrap().to_owned();
    let id = v["conversation_id"].as_str().unwrap().to_owned();

    // Streamed: function.call.delta fragments concatenate to the same arguments.
    let r = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "What's the weather in Paris?", "stream": true, "tools": [weather_tool()]})).await;
    let deltas: Vec<Value> = r
        .events()
        .iter()
        .filter(|e| e.event == "function.call.delta")
        .map(Frame::json)
        .collect();
    assert!(deltas.len() >= 2);
    let args: String = deltas
        .iter()
        .map(|d| d["arguments"].as_str().unwrap())
        .collect();
    assert_eq!(args, "{\"city_name\":\"Paris\"}");
    assert!(deltas
        .iter()
        .all(|d| d["name"] == "get_weather" && d["tool_call_id"] == deltas[0]["tool_call_id"]));

    // The answer.
    let a = post(&s, &format!("/v1/conversations/{id}"), &json!({"inputs": [
        {"object": "entry", "type": "function.result", "tool_call_id": call_id, "result": "{\"celsius\":21}"}]})).await;
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(
        output_texts(&a.json()),
        ["get_weather returned {\"celsius\":21}."]
    );
    let h = get(&s, &format!("/v1/conversations/{id}/history"))
        .await
        .json();
    let kinds: Vec<&str> = h["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "message.input",
            "function.call",
            "function.result",
            "message.output"
        ]
    );
    let m = get(&s, &format!("/v1/conversations/{id}/messages"))
        .await
        .json();
    assert_eq!(m["messages"].as_array().unwrap().len(), 2);

    // A result for no call, or for a call already answered, is refused.
    for tool_call_id in ["nope", call_id.as_str()] {
        let r = post(&s, &format!("/v1/conversations/{id}"), &json!({"inputs": [{"type": "function.result", "tool_call_id": tool_call_id, "result": "x"}]})).await;
        assert_eq!(r.status, 422);
        assert_eq!(
            r.json()["detail"][0]["loc"],
            json!(["body", "inputs", 0, "tool_call_id"])
        );
    }
}

#[tokio::test]
async fn confirmations_allow_or_deny_pending_calls() {
    let s = start().await;
    let tools = json!([{"type": "web_search", "tool_configuration": {"requires_confirmation": ["web_search"]}}]);
    for (answer, expect_types, status) in [
        ("allow", vec!["tool.execution", "message.output"], "allowed"),
        ("deny", vec!["message.output"], "denied"),
    ] {
        let v = post(
            &s,
            "/v1/conversations",
            &json!({"model": "m", "inputs": "search the web for otters", "tools": tools}),
        )
        .await
        .json();
        assert_eq!(types(&v), ["function.call"]);
        let call = &v["outputs"][0];
        assert_eq!(call["name"], "web_search");
        assert_eq!(call["confirmation_status"], "pending");
        let id = v["conversation_id"].as_str().unwrap().to_owned();
        let call_id = call["tool_call_id"].as_str().unwrap().to_owned();

        // A function.result cannot answer a call that waits for confirmation.
        let r = post(&s, &format!("/v1/conversations/{id}"), &json!({"inputs": [{"type": "function.result", "tool_call_id": call_id, "result": "x"}]})).await;
        assert_eq!(r.status, 422);

        let a = post(
            &s,
            &format!("/v1/conversations/{id}"),
            &json!({"tool_confirmations": [{"tool_call_id": call_id, "confirmation": answer}]}),
        )
        .await;
        assert_eq!(a.status, 200, "{}", a.text());
        let a = a.json();
        assert_eq!(types(&a), expect_types, "{answer}");
        if answer == "deny" {
            assert!(output_texts(&a)[0].contains("denied"));
        } else {
            assert_eq!(a["outputs"][0]["name"], "web_search");
        }
        let h = get(&s, &format!("/v1/conversations/{id}/history"))
            .await
            .json();
        assert_eq!(h["entries"][1]["confirmation_status"], status);

        // Now nothing waits any more.
        let r = post(
            &s,
            &format!("/v1/conversations/{id}"),
            &json!({"tool_confirmations": [{"tool_call_id": call_id, "confirmation": "allow"}]}),
        )
        .await;
        assert_eq!(r.status, 422);
        assert_eq!(
            r.json()["detail"][0]["loc"],
            json!(["body", "tool_confirmations", 0, "tool_call_id"])
        );
    }
}

#[tokio::test]
async fn counting_limits_and_structured_output() {
    let s = start().await;
    let r = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "count to 1000", "stream": true}),
    )
    .await;
    let events = r.events();
    let deltas: Vec<String> = events
        .iter()
        .filter(|e| e.event == "message.output.delta")
        .map(|e| e.json()["content"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(deltas.len(), 1000);
    assert_eq!(deltas[0], "1");
    assert_eq!(deltas[999], " 1000");
    assert_eq!(
        events.last().unwrap().json()["usage"]["completion_tokens"],
        1000
    );

    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "one two three four", "completion_args": {"max_tokens": 3}})).await.json();
    assert_eq!(output_texts(&v), ["Echo: one two"]);

    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "Book a table in Lyon for 4",
        "completion_args": {"response_format": {"type": "json_schema", "json_schema": {"name": "booking", "schema": {
            "type": "object", "properties": {"city": {"type": "string"}, "people": {"type": "integer"}}}}}}})).await.json();
    let answer: Value = serde_json::from_str(&output_texts(&v)[0]).unwrap();
    assert_eq!(answer, json!({"city": "Lyon", "people": 4}));
    let v = post(&s, "/v1/conversations", &json!({"model": "m", "inputs": "hi", "completion_args": {"response_format": {"type": "json_object"}}})).await.json();
    assert_eq!(
        serde_json::from_str::<Value>(&output_texts(&v)[0]).unwrap(),
        json!({"echo": "hi"})
    );
}
