//! The response body of a stream: its steps as chunks, coalesced or paced, and the body of a
//! response cut short.

use std::time::Duration;

use axum::body::{Body, Bytes};
use bytes::BytesMut;

use super::steps::{Step, Steps, Written};

/// Body chunks are coalesced up to this size when no delay is asked for.
const CHUNK: usize = 64 * 1024;
/// How long a cut body waits after its last bytes before the connection is aborted, so that
/// those bytes are flushed first.
const FLUSH_BEFORE_ABORT: Duration = Duration::from_millis(25);

fn aborted() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::ConnectionAborted,
        "x-emulator-fault: connection dropped",
    )
}

/// The response body for these steps: coalesced into large chunks, or one event per chunk
/// with `delay` between events.
pub fn body(steps: Steps, delay: Option<Duration>) -> Body {
    let st = BodyState {
        steps,
        started: false,
        abort_next: false,
        pause_next: None,
        done: false,
    };
    let stream = futures_util::stream::unfold(st, move |mut st| async move {
        if st.done {
            return None;
        }
        if let Some(pause) = st.pause_next.take() {
            crate::timer::sleep(pause).await;
        }
        if st.abort_next {
            crate::timer::sleep(FLUSH_BEFORE_ABORT).await;
            st.done = true;
            return Some((Err(aborted()), st));
        }
        let chunk = match delay {
            Some(d) => paced(&mut st, d).await,
            None => coalesced(&mut st).await,
        };
        chunk.map(|chunk| (chunk, st))
    });
    Body::from_stream(stream)
}

/// Where a body is in its steps.
struct BodyState {
    steps: Steps,
    /// Whether a chunk went out (the delay goes between events).
    started: bool,
    /// The chunk that went out ends before an abort: abort next.
    abort_next: bool,
    /// The chunk that went out ends before a pause: pause next.
    pause_next: Option<Duration>,
    /// Nothing more to send.
    done: bool,
}

/// The next chunk of a paced body: one event, `d` after the one before; None at the end.
async fn paced(st: &mut BodyState, d: Duration) -> Option<Result<Bytes, std::io::Error>> {
    loop {
        match st.steps.next() {
            None => return None,
            Some(Step::Abort) => {
                st.done = true;
                return Some(Err(aborted()));
            }
            Some(Step::Pause(p)) => crate::timer::sleep(p).await,
            Some(Step::Frame(b)) | Some(Step::Partial(b)) => {
                if st.started && !d.is_zero() {
                    crate::timer::sleep(d).await;
                }
                st.started = true;
                return Some(Ok(b));
            }
        }
    }
}

/// The next chunk of a coalesced body: events written straight into it until it reaches CHUNK
/// bytes (or a pause, an abort or the end comes); None at the end.
async fn coalesced(st: &mut BodyState) -> Option<Result<Bytes, std::io::Error>> {
    let mut buf = BytesMut::with_capacity(CHUNK + 1024);
    loop {
        match st.steps.write_next(&mut buf) {
            Written::Frame => {
                if buf.len() >= CHUNK {
                    return Some(Ok(buf.freeze()));
                }
            }
            Written::Other(Step::Frame(b)) | Written::Other(Step::Partial(b)) => {
                if buf.is_empty() && b.len() >= CHUNK {
                    return Some(Ok(b));
                }
                buf.extend_from_slice(&b);
                if buf.len() >= CHUNK {
                    return Some(Ok(buf.freeze()));
                }
            }
            Written::Other(Step::Pause(p)) => {
                if buf.is_empty() {
                    crate::timer::sleep(p).await;
                } else {
                    st.pause_next = Some(p);
                    return Some(Ok(buf.freeze()));
                }
            }
            Written::Other(Step::Abort) => {
                if buf.is_empty() {
                    st.done = true;
                    return Some(Err(aborted()));
                }
                st.abort_next = true;
                return Some(Ok(buf.freeze()));
            }
            Written::End => {
                st.done = true;
                return (!buf.is_empty()).then(|| Ok(buf.freeze()));
            }
        }
    }
}

/// A body made of `bytes` that then ends cleanly, or aborts the connection; `pause` between
/// the bytes and the end (at least a moment before an abort, so that the bytes are flushed).
pub fn cut_body(bytes: Bytes, abort: bool, pause: Duration) -> Body {
    let stream = futures_util::stream::unfold(0u8, move |state| {
        let bytes = bytes.clone();
        async move {
            match state {
                0 => Some((Ok(bytes), 1)),
                1 => {
                    if abort {
                        crate::timer::sleep(pause.max(FLUSH_BEFORE_ABORT)).await;
                        Some((Err(aborted()), 2))
                    } else {
                        crate::timer::sleep(pause).await;
                        None
                    }
                }
                _ => None,
            }
        }
    });
    Body::from_stream(stream)
}
