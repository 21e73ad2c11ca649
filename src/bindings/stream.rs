//! The raw event stream handed to `js/event-stream.js`: each `next()` reads body chunks until
//! some events are complete, and `batch()` then hands their data over as one ASCII JSON array,
//! so JavaScript pays one Latin-1 view and one `JSON.parse` per chunk instead of per-field
//! boundary crossings and a UTF-8 decode; `names()` lists the rare events whose SSE name is not
//! their `data.type`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{
    AbortController, AbortSignal, ReadableStreamDefaultReader, ReadableStreamReadResult,
};

use super::fetch::{js_message, Deadline, Sent};
use crate::error::{Error, StreamErrorKind};
use crate::stream::ConversationStream;

struct State {
    reader: Option<ReadableStreamDefaultReader>,
    parser: ConversationStream,
    controller: Option<AbortController>,
    signal: Option<AbortSignal>,
    request_id: Option<String>,
    deadline: Rc<Deadline>,
    chunk: Vec<u8>,
    /// An error to raise on the next call, after the events before it were delivered.
    pending: Option<Error>,
    finished: bool,
    aborted: bool,
}

/// A conversation stream's low-level handle. Use the `EventStream` the `*Stream` methods return.
#[wasm_bindgen]
pub struct RawEventStream {
    state: Rc<RefCell<State>>,
}

impl RawEventStream {
    /// Wraps a successful streaming response.
    pub fn new(sent: Sent) -> Result<RawEventStream, Error> {
        let body = sent
            .response
            .body()
            .ok_or_else(|| Error::stream(StreamErrorKind::Truncated, "the response has no body"))?;
        let reader = body
            .get_reader()
            .dyn_into::<ReadableStreamDefaultReader>()
            .map_err(|_| Error::Connection {
                message: "the response body cannot be read".into(),
            })?;
        Ok(RawEventStream {
            state: Rc::new(RefCell::new(State {
                reader: Some(reader),
                parser: ConversationStream::default(),
                controller: sent.controller,
                signal: sent.signal,
                request_id: sent.request_id,
                deadline: Rc::new(sent.deadline),
                chunk: Vec::new(),
                pending: None,
                finished: false,
                aborted: false,
            })),
        })
    }
}

async fn next_batch(state: Rc<RefCell<State>>) -> Result<Option<usize>, Error> {
    loop {
        let (reader, deadline) = {
            let mut s = state.borrow_mut();
            if let Some(error) = s.pending.take() {
                s.finished = true;
                return Err(error);
            }
            if s.aborted {
                return Err(Error::Aborted);
            }
            match (&s.reader, s.finished) {
                (Some(reader), false) => (reader.clone(), s.deadline.clone()),
                _ => return Ok(None),
            }
        };
        let read = deadline.within(reader.read()).await;
        let mut s = state.borrow_mut();
        let request_id = s.request_id.clone();
        let result = match read {
            Ok(result) => result.unchecked_into::<ReadableStreamReadResult>(),
            Err(None) => {
                s.finished = true;
                return Err(Error::Timeout {
                    waiting_for: "the next chunk",
                    ms: deadline.ms,
                });
            }
            Err(_) if s.aborted || s.signal.as_ref().is_some_and(AbortSignal::aborted) => {
                s.finished = true;
                return Err(Error::Aborted);
            }
            Err(Some(e)) => {
                s.finished = true;
                let message = format!("the connection dropped mid-stream: {}", js_message(&e));
                return Err(Error::stream(StreamErrorKind::Dropped, message)
                    .with_request_id(request_id.as_deref()));
            }
        };
        if result.get_done().unwrap_or(true) {
            s.finished = true;
            return match s.parser.finish() {
                Ok(()) => Ok(None),
                Err(e) => Err(e.with_request_id(request_id.as_deref())),
            };
        }
        let value: Uint8Array = result.get_value().unchecked_into();
        let State {
            chunk,
            parser,
            pending,
            controller,
            ..
        } = &mut *s;
        chunk.resize(value.length() as usize, 0);
        value.copy_to(chunk);
        let feed = parser.feed(chunk);
        if let Some(error) = feed.error {
            if let Some(controller) = controller {
                controller.abort();
            }
            *pending = Some(error.with_request_id(request_id.as_deref()));
        }
        if feed.count > 0 {
            return Ok(Some(feed.count));
        }
    }
}

#[wasm_bindgen]
impl RawEventStream {
    /// Resolves to the number of events in the next batch (read it with `batch()`), or
    /// `undefined` at the end.
    #[wasm_bindgen(unchecked_return_type = "Promise<number | undefined>")]
    pub fn next(&self) -> Promise {
        let state = self.state.clone();
        future_to_promise(async move {
            match next_batch(state).await {
                Ok(Some(count)) => Ok(JsValue::from(count as u32)),
                Ok(None) => Ok(JsValue::UNDEFINED),
                Err(e) => Err(e.into()),
            }
        })
    }

    /// The last batch: a JSON array of the events' camelCase `data`, as ASCII bytes (a copy).
    pub fn batch(&self) -> Uint8Array {
        Uint8Array::from(self.state.borrow().parser.batch())
    }

    /// The last batch's events whose SSE name is not their `data.type`, as JSON text
    /// `[[index, name], ...]`, or `undefined` (the usual case).
    pub fn names(&self) -> Option<String> {
        let names = self.state.borrow().parser.names_json()?;
        Some(String::from_utf8_lossy(&names).into_owned())
    }

    /// Stops the stream and aborts the request; the server sees the connection close.
    pub fn abort(&self) {
        let mut s = self.state.borrow_mut();
        if !s.finished {
            s.aborted = true;
            s.finished = true;
            if let Some(controller) = &s.controller {
                controller.abort();
            }
            if let Some(reader) = s.reader.take() {
                // Wrapping the promise attaches handlers, so a rejected cancel() is never an
                // unhandled rejection (which would end a Node process); nothing awaits it.
                drop(JsFuture::from(reader.cancel()));
            }
        }
    }

    /// The response folded from the events so far, as camelCase JSON text.
    #[wasm_bindgen(js_name = finalResponse)]
    pub fn final_response(&self) -> String {
        let mut out = Vec::new();
        self.state.borrow().parser.final_response(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Whether `conversation.response.done` arrived.
    #[wasm_bindgen(getter, js_name = isDone)]
    pub fn is_done(&self) -> bool {
        self.state.borrow().parser.is_done()
    }

    /// The response's request id, when the server sent one.
    #[wasm_bindgen(getter, js_name = requestId)]
    pub fn request_id(&self) -> Option<String> {
        self.state.borrow().request_id.clone()
    }
}
