//! The emulator under abuse: slow heads and bodies are cut off, bodies over the limit and
//! bodies that are not JSON get the API's error JSON.

mod common;

use std::time::{Duration, Instant};

use common::*;
use mistral_emulator::limits::Limits;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends `sent` and no more, then reads until the server closes the connection; returns
/// what came back and how long the server took to close.
async fn send_part(s: &Server, sent: &[u8]) -> (Vec<u8>, Duration) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(s.addr).await.expect("connect");
    stream.write_all(sent).await.expect("write");
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        // Only a guard against a hang: the test fails if the server never closes.
        match tokio::time::timeout(Duration::from_secs(60), stream.read(&mut buf)).await {
            Err(_) => panic!("the server kept the connection open"),
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
        }
    }
    (got, started.elapsed())
}

fn status_and_json(raw: &[u8]) -> (u16, Value) {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text.split_once("\r\n\r\n").expect("a response");
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(
        head.to_ascii_lowercase().contains("content-length"),
        "a whole body: {head}"
    );
    (status, serde_json::from_str(body).expect("JSON"))
}

const HEAD_LIMIT: Duration = Duration::from_millis(300);
const BODY_LIMIT: Duration = Duration::from_millis(300);

#[tokio::test]
async fn a_client_that_stops_in_the_middle_of_its_head_is_disconnected() {
    let s = start_limited(Limits {
        head: HEAD_LIMIT,
        ..Limits::default()
    })
    .await;
    let (got, waited) = send_part(
        &s,
        b"POST /v1/conversations HTTP/1.1\r\nhost: x\r\nauthorization: Bearer k\r\n",
    )
    .await;
    assert!(
        got.is_empty(),
        "closed without an answer: {:?}",
        String::from_utf8_lossy(&got)
    );
    assert!(
        waited >= HEAD_LIMIT,
        "after the limit, not before: {waited:?}"
    );
    // The server itself is fine.
    assert_eq!(get(&s, "/v1/conversations").await.status, 200);

    // A kept-alive connection that sends nothing more is closed too, after its answer.
    let (got, waited) = send_part(
        &s,
        b"GET /v1/agents HTTP/1.1\r\nhost: x\r\nauthorization: Bearer k\r\n\r\n",
    )
    .await;
    let text = String::from_utf8_lossy(&got);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(text.ends_with("[]"), "nothing after the answer: {text}");
    assert!(waited >= HEAD_LIMIT, "{waited:?}");
}

#[tokio::test]
async fn a_client_that_stops_in_the_middle_of_its_body_gets_408_and_is_disconnected() {
    let s = start_limited(Limits {
        body: BODY_LIMIT,
        ..Limits::default()
    })
    .await;
    for (path, content_type) in [
        ("/v1/conversations", "application/json"),
        ("/v1/files", "multipart/form-data; boundary=b"),
        ("/v1/agents", "text/plain"),
    ] {
        let head = format!(
            "POST {path} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer k\r\ncontent-type: {content_type}\r\ncontent-length: 1000\r\n\r\n"
        );
        let mut sent = head.into_bytes();
        sent.extend_from_slice(b"--b\r\ncontent-disposition: form-data; name=\"purpose\"\r\n");
        let (got, waited) = send_part(&s, &sent).await;
        let (status, body) = status_and_json(&got);
        assert_eq!(status, 408, "{path}");
        assert_eq!(body["object"], "error");
        assert_eq!(body["type"], "invalid_request_error");
        assert_eq!(body["message"], "Request body not received within 300 ms");
        assert!(waited >= BODY_LIMIT, "{waited:?}");
    }
    // Recorded like any request, and the server goes on.
    let seen = get(&s, "/__emulator/requests").await.json();
    assert!(seen.to_string().contains("/v1/agents"), "{seen}");
    assert_eq!(get(&s, "/v1/agents").await.status, 200);
}

#[tokio::test]
async fn a_body_over_the_limit_is_the_apis_413() {
    let s = start().await;
    let big = format!(
        "{{\"model\":\"m\",\"inputs\":\"{}\"}}",
        "x".repeat(2 * 1024 * 1024)
    );
    for path in ["/v1/conversations", "/v1/agents", "/v1/libraries"] {
        let r = request(s.addr, "POST", path, &[KEY], Some(&big)).await;
        assert_eq!(r.status, 413, "{path}");
        assert_eq!(r.header("content-type"), Some("application/json"));
        let body = r.json();
        assert_eq!(body["object"], "error", "{body}");
        assert_eq!(body["message"], "Request body too large");
        assert_eq!(body["type"], "invalid_request_error");
        assert!(body.get("code").is_some());
    }
}

#[tokio::test]
async fn uploads_and_json_bodies_over_configured_limits_are_413() {
    let s = start_limited(Limits {
        json_bytes: 1000,
        upload_bytes: 2000,
        ..Limits::default()
    })
    .await;
    let boundary = "b0undary";
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let form = |size: usize| -> Vec<u8> {
        let mut body = format!(
            "--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\ncontent-type: text/plain\r\n\r\n"
        )
        .into_bytes();
        body.extend(std::iter::repeat_n(b'a', size));
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        body
    };
    let lib = post(&s, "/v1/libraries", &json!({"name": "l"}))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let documents = format!("/v1/libraries/{lib}/documents");
    for path in ["/v1/files", documents.as_str()] {
        // Over the JSON limit, under the upload limit: fine.
        let r = request_raw(
            s.addr,
            "POST",
            path,
            &[KEY],
            Some((&content_type, &form(1500))),
        )
        .await;
        assert!(r.status == 200 || r.status == 201, "{path}: {}", r.text());
        let r = request_raw(
            s.addr,
            "POST",
            path,
            &[KEY],
            Some((&content_type, &form(2500))),
        )
        .await;
        assert_eq!(r.status, 413, "{path}: {}", r.text());
        assert_eq!(r.json()["message"], "Request body too large");
        assert_eq!(r.json()["object"], "error");
    }
    let r = post(
        &s,
        "/v1/agents",
        &json!({"model": "m", "name": "a", "instructions": "x".repeat(1000)}),
    )
    .await;
    assert_eq!(r.status, 413, "{}", r.text());
    assert_eq!(r.json()["message"], "Request body too large");
    let r = post(&s, "/v1/agents", &json!({"model": "m", "name": "a"})).await;
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test]
async fn a_body_that_is_not_declared_json_is_not_read_as_json() {
    let s = start().await;
    let body = json!({"model": "m", "inputs": "hello"}).to_string();
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "text/json",
    ] {
        let r = request_raw(
            s.addr,
            "POST",
            "/v1/conversations",
            &[KEY],
            Some((content_type, body.as_bytes())),
        )
        .await;
        assert_eq!(r.status, 422, "{content_type}: {}", r.text());
        let d = &r.json()["detail"][0];
        assert_eq!(d["type"], "model_attributes_type");
        assert_eq!(d["loc"], json!(["body"]));
        assert_eq!(
            d["msg"],
            "Input should be a valid dictionary or object to extract fields from"
        );
        assert_eq!(d["input"], body);
    }
    // JSON, JSON with parameters, and (as FastAPI reads it) no content type at all.
    for content_type in ["application/json; charset=utf-8", "application/vnd.x+json"] {
        let r = request_raw(
            s.addr,
            "POST",
            "/v1/conversations",
            &[KEY],
            Some((content_type, body.as_bytes())),
        )
        .await;
        assert_eq!(r.status, 200, "{content_type}: {}", r.text());
    }
    let untyped = format!(
        "POST /v1/conversations HTTP/1.1\r\nhost: x\r\nconnection: close\r\nauthorization: Bearer k\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    let (got, _) = send_part(&s, untyped.as_bytes()).await;
    let (status, answer) = status_and_json(&got);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["object"], "conversation.response");
    // Other JSON endpoints too.
    let r = request_raw(
        s.addr,
        "POST",
        "/v1/libraries",
        &[KEY],
        Some(("text/plain", b"{\"name\":\"l\"}")),
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["detail"][0]["type"], "model_attributes_type");
}

#[tokio::test]
async fn an_answer_that_takes_longer_than_the_limits_is_not_cut() {
    let s = start_limited(Limits {
        head: HEAD_LIMIT,
        body: BODY_LIMIT,
        ..Limits::default()
    })
    .await;
    // Seven events 100 ms apart: the exchange outlasts both limits, which only bound what the
    // client sends.
    let body = json!({"model": "m", "inputs": "one two three four", "stream": true});
    let r = post_with(
        &s,
        "/v1/conversations",
        &body,
        &[("x-emulator-fault", "delay-ms=100")],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.complete, "{}", r.text());
    assert_eq!(r.events().len(), 7);
    assert!(r.elapsed >= Duration::from_millis(600), "{:?}", r.elapsed);
    let r = post_with(
        &s,
        "/v1/conversations",
        &json!({"model": "m", "inputs": "hi"}),
        &[("x-emulator-fault", "delay-ms=400")],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["object"], "conversation.response");
}
