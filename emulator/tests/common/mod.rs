//! Test helpers: an emulator on 127.0.0.1:0 in-process, a raw HTTP/1.1 client over
//! `TcpStream` that shows exactly what came over the wire (including cut bodies), and an SSE
//! splitter.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const KEY: (&str, &str) = ("authorization", "Bearer test-key");

/// A running emulator.
pub struct Server {
    pub addr: SocketAddr,
}

pub async fn start() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(mistral_emulator::serve(listener));
    Server { addr }
}

/// What came back.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked.
    pub body: Vec<u8>,
    /// Whether the body ended as HTTP says it should (terminating chunk / full length).
    pub complete: bool,
    /// A read error (connection reset), if any.
    pub error: Option<String>,
    /// How long the whole exchange took.
    pub elapsed: Duration,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The SSE frames of the body.
    pub fn events(&self) -> Vec<Frame> {
        frames(&self.text())
    }
}

/// One SSE frame.
#[derive(Debug, Clone)]
pub struct Frame {
    pub event: String,
    pub data: String,
}

impl Frame {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.data)
            .unwrap_or_else(|e| panic!("event data is not JSON ({e}): {}", self.data))
    }
}

/// Complete frames (terminated by a blank line) of an SSE body.
pub fn frames(body: &str) -> Vec<Frame> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(end) = rest.find("\n\n") {
        let block = &rest[..end];
        rest = &rest[end + 2..];
        let mut event = String::new();
        let mut data = Vec::new();
        for line in block.lines() {
            if let Some(v) = line.strip_prefix("event: ") {
                event = v.to_owned();
            } else if let Some(v) = line.strip_prefix("data: ") {
                data.push(v);
            }
        }
        out.push(Frame {
            event,
            data: data.join("\n"),
        });
    }
    out
}

/// The bytes after the last complete frame.
pub fn trailing_partial(body: &str) -> &str {
    match body.rfind("\n\n") {
        Some(i) => &body[i + 2..],
        None => body,
    }
}

pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Resp {
    request_raw(
        addr,
        method,
        path,
        headers,
        body.map(|b| ("application/json", b.as_bytes())),
    )
    .await
}

/// A request with a body of any content type (multipart uploads, ...).
pub async fn request_raw(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, &[u8])>,
) -> Resp {
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let mut head = format!("{method} {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some((content_type, b)) = body {
        head.push_str(&format!(
            "content-type: {content_type}\r\ncontent-length: {}\r\n",
            b.len()
        ));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.expect("write head");
    if let Some((_, b)) = body {
        stream.write_all(b).await.expect("write body");
    }
    let mut raw = Vec::new();
    let mut error = None;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        match tokio::time::timeout(Duration::from_secs(60), stream.read(&mut buf)).await {
            Err(_) => panic!("response did not end within 60 s"),
            Ok(Ok(0)) => break,
            Ok(Ok(n)) => raw.extend_from_slice(&buf[..n]),
            Ok(Err(e)) => {
                error = Some(e.to_string());
                break;
            }
        }
    }
    let elapsed = started.elapsed();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let rest = &raw[split + 4..];
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
    let (body, complete) = if chunked {
        dechunk(rest)
    } else if let Some(len) = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
    {
        (rest[..rest.len().min(len)].to_vec(), rest.len() >= len)
    } else {
        (rest.to_vec(), error.is_none())
    };
    Resp {
        status,
        headers,
        body,
        complete,
        error,
        elapsed,
    }
}

/// Decodes a chunked body; `complete` when the terminating zero-size chunk arrived.
fn dechunk(mut raw: &[u8]) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    loop {
        let Some(eol) = raw.windows(2).position(|w| w == b"\r\n") else {
            return (out, false);
        };
        let size_text = String::from_utf8_lossy(&raw[..eol]);
        let Ok(size) = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
        else {
            return (out, false);
        };
        raw = &raw[eol + 2..];
        if size == 0 {
            return (out, true);
        }
        if raw.len() < size {
            out.extend_from_slice(raw);
            return (out, false);
        }
        out.extend_from_slice(&raw[..size]);
        raw = &raw[(size + 2).min(raw.len())..];
    }
}

pub async fn get(s: &Server, path: &str) -> Resp {
    request(s.addr, "GET", path, &[KEY], None).await
}

pub async fn delete(s: &Server, path: &str) -> Resp {
    request(s.addr, "DELETE", path, &[KEY], None).await
}

pub async fn post(s: &Server, path: &str, body: &Value) -> Resp {
    request(s.addr, "POST", path, &[KEY], Some(&body.to_string())).await
}

pub async fn post_with(s: &Server, path: &str, body: &Value, headers: &[(&str, &str)]) -> Resp {
    let mut all = vec![KEY];
    all.extend_from_slice(headers);
    request(s.addr, "POST", path, &all, Some(&body.to_string())).await
}

pub async fn patch(s: &Server, path: &str, body: Option<&Value>) -> Resp {
    let b = body.map(|b| b.to_string());
    request(s.addr, "PATCH", path, &[KEY], b.as_deref()).await
}

pub async fn put(s: &Server, path: &str) -> Resp {
    request(s.addr, "PUT", path, &[KEY], None).await
}

/// Folds a stream body with the client crate's own accumulator; camelCase JSON.
pub fn fold_stream(body: &[u8]) -> Value {
    let mut stream = mistral_edge::stream::ConversationStream::default();
    let feed = stream.feed(body);
    assert!(feed.error.is_none(), "stream error: {:?}", feed.error);
    stream.finish().expect("stream ends with done");
    let mut out = Vec::new();
    stream.final_response(&mut out).expect("a folded response");
    // `[response, where its dates are]`: the response, its dates as ms.
    let pair: Value = serde_json::from_slice(&out).expect("folded JSON");
    pair[0].clone()
}

/// A wire response in camelCase, as the client shows it.
pub fn to_js(wire: &Value) -> Value {
    let mut out = Vec::new();
    mistral_edge::json::to_js(
        wire.to_string().as_bytes(),
        <mistral_edge::model::wire::ConversationResponse as mistral_edge::model::shape::HasShape>::SHAPE,
        &mut out,
    )
    .expect("transcode");
    serde_json::from_slice(&out).expect("js JSON")
}

/// Removes keys that differ between two runs of the same turn (ids, times).
pub fn strip_volatile(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for k in [
                "id",
                "createdAt",
                "completedAt",
                "conversationId",
                "toolCallId",
                "fileId",
                "file_id",
            ] {
                map.remove(k);
            }
            map.values_mut().for_each(strip_volatile);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_volatile),
        _ => {}
    }
}

/// The message texts of a response's outputs.
pub fn output_texts(response: &Value) -> Vec<String> {
    response["outputs"]
        .as_array()
        .expect("outputs")
        .iter()
        .filter(|e| e["type"] == "message.output")
        .map(|e| match &e["content"] {
            Value::String(s) => s.clone(),
            Value::Array(chunks) => chunks
                .iter()
                .filter(|c| c["type"] == "text")
                .map(|c| c["text"].as_str().unwrap_or_default().to_owned())
                .collect(),
            _ => String::new(),
        })
        .collect()
}

pub fn types(response: &Value) -> Vec<String> {
    response["outputs"]
        .as_array()
        .expect("outputs")
        .iter()
        .map(|e| e["type"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// An emulator with these hooks (fake connectors or libraries).
pub async fn start_with(hooks: mistral_emulator::Hooks) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let state = mistral_emulator::AppState::new(hooks);
    tokio::spawn(mistral_emulator::serve_with_shutdown(
        listener,
        state,
        std::future::pending(),
    ));
    Server { addr }
}

/// An emulator whose clients have these time limits.
pub async fn start_limited(limits: mistral_emulator::limits::Limits) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let state = mistral_emulator::AppState::with_limits(limits);
    tokio::spawn(mistral_emulator::serve_with_shutdown(
        listener,
        state,
        std::future::pending(),
    ));
    Server { addr }
}
