//! Fault injection with `x-emulator-fault`.

mod common;

use std::time::Duration;

use common::*;
use serde_json::{json, Value};

fn hello(stream: bool) -> Value {
    // "Echo: one two three four" = 5 deltas: 7 events with started and done.
    json!({"model": "m", "inputs": "one two three four", "stream": stream})
}

async fn faulted(s: &Server, fault: &str, stream: bool) -> Resp {
    post_with(
        s,
        "/v1/conversations",
        &hello(stream),
        &[("x-emulator-fault", fault)],
    )
    .await
}

#[tokio::test]
async fn drop_after_cuts_the_connection() {
    let s = start().await;
    let r = faulted(&s, "drop-after=3", true).await;
    assert_eq!(r.status, 200);
    assert!(
        !r.complete,
        "no terminating chunk: the connection was dropped"
    );
    let events = r.events();
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].event, "conversation.response.started");
    let partial = trailing_partial(&r.text()).to_owned();
    assert!(
        partial.starts_with("event: message.output.delta"),
        "half of the 4th event arrived: {partial:?}"
    );

    let r = faulted(&s, "drop-after=0", true).await;
    assert!(!r.complete);
    assert!(r.events().is_empty());

    // Non-stream: half of the JSON, then the cut.
    let r = faulted(&s, "drop-after=1", false).await;
    assert_eq!(r.status, 200);
    assert!(!r.complete);
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());
    assert!(r
        .text()
        .starts_with("{\"object\":\"conversation.response\""));
}

#[tokio::test]
async fn end_early_ends_cleanly_before_done() {
    let s = start().await;
    let r = faulted(&s, "end-early", true).await;
    assert!(r.complete, "the body ends cleanly");
    let events = r.events();
    assert_eq!(events.len(), 6);
    assert!(events
        .iter()
        .all(|e| e.event != "conversation.response.done"));
    assert!(
        trailing_partial(&r.text()).starts_with("event: conversation.response.done"),
        "half of done is left dangling"
    );

    let r = faulted(&s, "end-early=2", true).await;
    assert!(r.complete);
    assert_eq!(r.events().len(), 2);

    let r = faulted(&s, "end-early", false).await;
    assert!(r.complete);
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());
}

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let s = start().await;
    let r = faulted(&s, "rate-limit", true).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(r.json()["type"], "rate_limited");
    let r = faulted(&s, "rate-limit=7", false).await;
    assert_eq!(r.header("retry-after"), Some("7"));
    let r = faulted(&s, "rate-limit=date", false).await;
    let date = r.header("retry-after").unwrap();
    assert!(date.ends_with(" GMT") && date.contains(", "), "{date}");
    // With fail=N, only the first N requests are limited.
    let fault = "rate-limit=1,fail=1,key=limited-once";
    assert_eq!(faulted(&s, fault, false).await.status, 429);
    assert_eq!(faulted(&s, fault, false).await.status, 200);
    // Applies to every /v1 endpoint.
    let r = request(
        s.addr,
        "GET",
        "/v1/conversations",
        &[KEY, ("x-emulator-fault", "rate-limit")],
        None,
    )
    .await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn fail_n_times_then_succeed() {
    let s = start().await;
    let fault = "fail=2,key=flaky";
    let statuses = [
        faulted(&s, fault, true).await.status,
        faulted(&s, fault, true).await.status,
        faulted(&s, fault, true).await.status,
    ];
    assert_eq!(statuses, [500, 500, 200]);
    // Counted per header value: another key starts afresh.
    assert_eq!(faulted(&s, "fail=1,key=other", false).await.status, 500);
    assert_eq!(
        faulted(&s, "fail=1,key=other,status=503", false)
            .await
            .status,
        503,
        "a different value counts separately"
    );
    let r = faulted(&s, "status=502", false).await;
    assert_eq!(r.status, 502);
    assert_eq!(r.json()["object"], "error");
}

#[tokio::test]
async fn delay_ms_spaces_the_events() {
    let s = start().await;
    // Timing is asserted only from below (a loaded machine may be slower, never faster).
    let quick = faulted(&s, "delay-ms=0", true).await;
    let slow = faulted(&s, "delay-ms=60", true).await;
    let names = |r: &Resp| -> Vec<String> { r.events().iter().map(|e| e.event.clone()).collect() };
    assert_eq!(slow.events().len(), 7);
    assert!(quick.complete && slow.complete);
    assert_eq!(names(&quick), names(&slow), "the same events, only later");
    assert!(
        slow.elapsed >= Duration::from_millis(6 * 60),
        "six pauses between seven events: {:?}",
        slow.elapsed
    );
    let json_slow = faulted(&s, "delay-ms=150", false).await;
    assert!(json_slow.elapsed >= Duration::from_millis(150));
    assert_eq!(json_slow.json()["object"], "conversation.response");
}

#[tokio::test]
async fn malformed_unknown_and_huge_events_are_inserted_and_the_stream_goes_on() {
    let s = start().await;
    let r = faulted(&s, "malformed", true).await;
    let events = r.events();
    assert_eq!(events.len(), 8);
    let bad: Vec<&Frame> = events
        .iter()
        .filter(|e| serde_json::from_str::<Value>(&e.data).is_err())
        .collect();
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].event, "message.output.delta");
    assert_eq!(events[3].data, bad[0].data, "after started and two deltas");
    assert_eq!(events.last().unwrap().event, "conversation.response.done");

    let r = faulted(&s, "unknown-event", true).await;
    let events = r.events();
    assert_eq!(events.len(), 8);
    assert_eq!(events[3].event, "conversation.response.novel");
    assert_eq!(events[3].json()["type"], "conversation.response.novel");
    assert_eq!(events.last().unwrap().event, "conversation.response.done");

    let size = 3 * 1024 * 1024;
    let r = faulted(&s, &format!("huge={size}"), true).await;
    let events = r.events();
    assert_eq!(events.len(), 8);
    let huge = events[3].json();
    assert_eq!(huge["type"], "message.output.delta");
    assert_eq!(huge["content"].as_str().unwrap().len(), size);
    assert_eq!(
        huge["id"],
        events[1].json()["id"],
        "it extends the message being streamed"
    );
    assert_eq!(events.last().unwrap().event, "conversation.response.done");
}

#[tokio::test]
async fn error_event_ends_the_stream() {
    let s = start().await;
    let r = faulted(&s, "error-event", true).await;
    assert!(r.complete);
    let events = r.events();
    let last = events.last().unwrap();
    assert_eq!(last.event, "conversation.response.error");
    assert_eq!(last.json()["code"], 3000);
    assert!(last.json()["message"].is_string());
    assert!(events
        .iter()
        .all(|e| e.event != "conversation.response.done"));
    assert_eq!(events.len(), 4);
    let r = faulted(&s, "error-event=1234", true).await;
    assert_eq!(r.events().last().unwrap().json()["code"], 1234);
}

#[tokio::test]
async fn faults_combine() {
    let s = start().await;
    let r = faulted(
        &s,
        "delay-ms=5, unknown-event, malformed, drop-after=5",
        true,
    )
    .await;
    assert!(!r.complete);
    let names: Vec<String> = r.events().iter().map(|e| e.event.clone()).collect();
    assert_eq!(
        names,
        [
            "conversation.response.started",
            "message.output.delta",
            "message.output.delta",
            "message.output.delta",
            "conversation.response.novel"
        ]
    );
    assert!(r.elapsed >= Duration::from_millis(20));
}

#[tokio::test]
async fn cut_delay_ms_waits_before_the_cut() {
    let s = start().await;
    // Timing is asserted only from below: the cut waits at least as long as asked.
    let quick = faulted(&s, "drop-after=3", true).await;
    let r = faulted(&s, "drop-after=3,cut-delay-ms=300", true).await;
    assert!(!r.complete, "still dropped");
    assert_eq!(r.events().len(), 3);
    assert!(trailing_partial(&r.text()).starts_with("event: message.output.delta"));
    let names = |r: &Resp| -> Vec<String> { r.events().iter().map(|e| e.event.clone()).collect() };
    assert!(!quick.complete);
    assert_eq!(
        names(&r),
        names(&quick),
        "the same events, then the same cut"
    );
    assert!(r.elapsed >= Duration::from_millis(300), "{:?}", r.elapsed);

    let r = faulted(&s, "end-early=2,cut-delay-ms=200", true).await;
    assert!(r.complete, "then ends cleanly");
    assert_eq!(r.events().len(), 2);
    assert!(r.elapsed >= Duration::from_millis(200), "{:?}", r.elapsed);

    // With delays between events too.
    let r = faulted(&s, "delay-ms=10,drop-after=2,cut-delay-ms=200", true).await;
    assert!(!r.complete);
    assert_eq!(r.events().len(), 2);
    assert!(r.elapsed >= Duration::from_millis(210), "{:?}", r.elapsed);

    // JSON: half of the body, the wait, then the cut.
    let r = faulted(&s, "drop-after=1,cut-delay-ms=200", false).await;
    assert!(!r.complete);
    assert!(r
        .text()
        .starts_with("{\"object\":\"conversation.response\""));
    assert!(r.elapsed >= Duration::from_millis(200), "{:?}", r.elapsed);
}

#[tokio::test]
async fn bad_fault_headers_are_400() {
    let s = start().await;
    for fault in [
        "explode",
        "drop-after",
        "fail=x",
        "status=200",
        "cut-delay-ms=5",
        "error-event=18446744073709551615",
        "error-event=99999999999999999999",
        "fail=4294967296",
        "delay-ms=600001",
    ] {
        let r = faulted(&s, fault, true).await;
        assert_eq!(r.status, 400, "{fault}");
        let message = r.json()["message"].as_str().unwrap().to_owned();
        assert!(message.contains("x-emulator-fault"), "{message}");
        let name = fault.split('=').next().unwrap();
        assert!(
            message.contains(&format!("`{name}`")),
            "names the fault: {message}"
        );
    }
    let r = faulted(&s, "error-event=9007199254740991", true).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.events().last().unwrap().json()["code"],
        9_007_199_254_740_991_i64,
        "the largest code JavaScript holds exactly"
    );
}
