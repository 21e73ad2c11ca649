//! What tests can observe: `/__emulator/stats`, `/__emulator/requests`, and the CORS headers
//! a browser needs.

mod common;

use std::time::Duration;

use common::*;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn stats(s: &Server) -> Value {
    request(s.addr, "GET", "/__emulator/stats", &[], None)
        .await
        .json()
}

async fn recorded(s: &Server) -> Vec<Value> {
    let r = request(s.addr, "GET", "/__emulator/requests", &[], None).await;
    assert_eq!(r.status, 200);
    r.json().as_array().expect("an array").clone()
}

/// Waits until `stats[field]` reaches `n` (the 60 s are a guard against a hang, not a
/// claim about speed).
async fn wait_for(s: &Server, field: &str, n: u64) -> Value {
    let guard = std::time::Instant::now() + Duration::from_secs(60);
    while std::time::Instant::now() < guard {
        let st = stats(s).await;
        if st[field].as_u64() == Some(n) {
            return st;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{field} never reached {n}: {}", stats(s).await);
}

#[tokio::test]
async fn stats_count_how_streams_end() {
    let s = start().await;
    let st = stats(&s).await;
    assert_eq!(st["streams_started"], 0);
    assert_eq!(st["requests"], 0, "its own routes are not counted");

    // Read to the end.
    let r = post(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "count to 5", "stream": true}),
    )
    .await;
    assert!(r.complete);
    let st = wait_for(&s, "streams_completed", 1).await;
    assert_eq!(st["streams_closed_early"], 0);

    // A body that ends cleanly before `done` is still completed by the server.
    let r = post_with(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "count to 5", "stream": true}),
        &[("x-emulator-fault", "end-early")],
    )
    .await;
    assert!(r.complete);
    wait_for(&s, "streams_completed", 2).await;

    // Dropped by a fault.
    let r = post_with(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "count to 5", "stream": true}),
        &[("x-emulator-fault", "drop-after=2")],
    )
    .await;
    assert!(!r.complete);
    let st = wait_for(&s, "streams_dropped", 1).await;
    assert_eq!(st["streams_closed_early"], 0);

    // The client goes away in the middle of a slow stream.
    let mut tcp = TcpStream::connect(s.addr).await.unwrap();
    let body = json!({"model": "m", "inputs": "count to 1000", "stream": true}).to_string();
    let head = format!(
        "POST /v1/conversations HTTP/1.1\r\nhost: x\r\nauthorization: Bearer k\r\n\
         x-emulator-fault: delay-ms=20\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&got).contains("message.output.delta") {
        let n = tcp.read(&mut buf).await.unwrap();
        assert!(n > 0, "the stream ended");
        got.extend_from_slice(&buf[..n]);
    }
    assert_eq!(stats(&s).await["streams_open"], 1);
    drop(tcp);
    let st = wait_for(&s, "streams_closed_early", 1).await;
    assert_eq!(st["streams_started"], 4);
    assert_eq!(st["streams_completed"], 2);
    assert_eq!(st["streams_open"], 0);
    assert_eq!(st["requests"], 4);
}

#[tokio::test]
async fn requests_are_recorded_without_secrets() {
    let s = start().await;
    let key = "sk-observe-secret-123";
    let auth = format!("Bearer {key}");
    let body = json!({
        "model": "m",
        "inputs": "hello",
        "tools": [{"type": "connector", "connector_id": "abc",
                   "authorization": {"type": "api-key", "value": "tok-very-secret"}}],
    })
    .to_string();
    let r = request(
        s.addr,
        "POST",
        "/v1/conversations?x=1",
        &[("authorization", &auth), ("x-custom", "yes")],
        Some(&body),
    )
    .await;
    let id = r.header("x-request-id").unwrap().to_owned();
    // Without a key, and an OPTIONS preflight: recorded too.
    let r401 = request(s.addr, "GET", "/v1/agents", &[], None).await;
    assert_eq!(r401.status, 401);
    request(
        s.addr,
        "OPTIONS",
        "/v1/agents",
        &[("origin", "http://a.test")],
        None,
    )
    .await;

    let raw = request(s.addr, "GET", "/__emulator/requests", &[], None).await;
    let text = raw.text();
    assert!(!text.contains(key), "the API key is never shown: {text}");
    assert!(!text.contains("tok-very-secret"), "{text}");
    let all = recorded(&s).await;
    assert_eq!(all.len(), 3, "{all:?}");
    let first = &all[0];
    assert_eq!(first["id"], id.as_str());
    assert_eq!(first["method"], "POST");
    assert_eq!(first["path"], "/v1/conversations?x=1");
    assert_eq!(first["headers"]["x-custom"], "yes");
    assert_eq!(first["headers"]["content-type"], "application/json");
    assert!(first["headers"].get("authorization").is_none());
    assert_eq!(first["authorization"]["scheme"], "Bearer");
    assert_eq!(
        first["authorization"]["sha256"],
        mistral_emulator::observe::sha256_hex(key.as_bytes())
    );
    assert_eq!(first["json"]["inputs"], "hello");
    assert_eq!(
        first["json"]["tools"][0]["authorization"],
        json!({"type": "api-key", "value": "[redacted]"})
    );
    assert_eq!(first["body_bytes"], body.len());
    assert_eq!(first["body_truncated"], false);
    assert!(first["body"]
        .as_str()
        .unwrap()
        .contains(r#""value":"[redacted]""#));
    assert_eq!(all[1]["authorization"], Value::Null);
    assert_eq!(all[1]["body"], Value::Null);
    assert_eq!(all[2]["method"], "OPTIONS");

    large_bodies_and_forgetting(&s).await;
}

/// A large body: the first 64 KiB are kept, and the handler still gets all of it; DELETE forgets them, the counter goes on.
async fn large_bodies_and_forgetting(s: &Server) {
    let long = "word ".repeat(30_000);
    let big = json!({"model": "m", "inputs": long}).to_string();
    let r = post(s, "/v1/conversations", &serde_json::from_str(&big).unwrap()).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let reply = r.json()["outputs"][0]["content"].as_str().unwrap().len();
    assert_eq!(reply, "Echo: ".len() + long.len());
    let last = recorded(s).await.pop().unwrap();
    assert_eq!(last["body_truncated"], true);
    assert_eq!(last["body_bytes"], big.len());
    assert!(last["body"].as_str().unwrap().len() <= 64 * 1024);
    assert!(last.get("json").is_none());

    // DELETE forgets them; the counter goes on.
    let r = request(s.addr, "DELETE", "/__emulator/requests", &[], None).await;
    assert_eq!(r.status, 204);
    assert!(recorded(s).await.is_empty());
    assert_eq!(stats(s).await["requests"], 4);
}

#[tokio::test]
async fn cors_preflights_allow_the_requested_headers_and_expose_ours() {
    let s = start().await;
    let r = request(
        s.addr,
        "OPTIONS",
        "/v1/conversations",
        &[
            ("origin", "http://page.test"),
            ("access-control-request-method", "POST"),
            (
                "access-control-request-headers",
                "authorization,content-type,x-emulator-fault",
            ),
        ],
        None,
    )
    .await;
    assert_eq!(r.status, 204);
    assert_eq!(
        r.header("access-control-allow-headers"),
        Some("authorization,content-type,x-emulator-fault"),
        "`*` does not cover Authorization: the requested headers are echoed"
    );
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r
        .header("access-control-allow-methods")
        .unwrap()
        .contains("POST"));

    let r = post_with(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "hi"}),
        &[("x-emulator-fault", "rate-limit=3")],
    )
    .await;
    assert_eq!(r.status, 429);
    let exposed = r.header("access-control-expose-headers").unwrap();
    for name in ["x-request-id", "retry-after"] {
        assert!(exposed.contains(name), "{exposed}");
    }
    assert!(r.header("x-request-id").unwrap().starts_with("req_"));
}
