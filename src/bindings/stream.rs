//! The raw event stream handed to `js/event-stream.js`. JavaScript reads the body and passes each
//! chunk to `feed()`, which returns how many events it completed; `batch()` then hands their data
//! over as one ASCII JSON array, so JavaScript pays one Latin-1 view and one `JSON.parse` per
//! chunk instead of per-field boundary crossings and a UTF-8 decode; `names()` lists the rare
//! events whose SSE name is not their `data.type`.

use wasm_bindgen::prelude::*;

use super::bytes::copy_in;
use crate::error::Error;
use crate::stream::ConversationStream;

/// A conversation stream's parser, for `js/event-stream.js` only: no entry exports it, so the
/// declarations leave it out (`skip_typescript`); users get the `EventStream` the `*Stream` methods
/// return.
#[wasm_bindgen(skip_typescript)]
pub struct RawEventStream {
    parser: ConversationStream,
    /// The chunk being parsed, copied from JavaScript.
    input: Vec<u8>,
    request_id: Option<String>,
    /// An error to raise after the events before it were delivered.
    pending: Option<Error>,
}

impl RawEventStream {
    /// A parser for the body of the response with this request id.
    pub fn new(request_id: Option<String>) -> RawEventStream {
        RawEventStream {
            parser: ConversationStream::default(),
            input: Vec::new(),
            request_id,
            pending: None,
        }
    }
}

#[wasm_bindgen]
impl RawEventStream {
    /// Parses the next body chunk; returns how many events it completed (read them with
    /// `batch()`). A failure after them is kept for `takeError()`: running out of memory for an
    /// event, or for the chunk itself (a fetch body's chunks are `Uint8Array`s), is a
    /// `StreamError` of kind `too_large`.
    pub fn feed(&mut self, chunk: js_sys::Uint8Array) -> u32 {
        let (count, error) = match copy_in(&chunk, &mut self.input) {
            Ok(()) => {
                let feed = self.parser.feed(&self.input);
                (feed.count as u32, feed.error)
            }
            Err(bytes) => (0, Some(Error::out_of_memory("chunk", bytes))),
        };
        if let Some(error) = error {
            self.pending = Some(error.with_request_id(self.request_id.as_deref()));
        }
        count
    }

    /// Keeps nothing more for `finalResponse()` (which then throws a `StreamError` of kind
    /// `too_large`), and gives back what was kept: for a caller who only reads the events.
    #[wasm_bindgen(js_name = skipFinalResponse)]
    pub fn skip_final_response(&mut self) {
        self.parser.set_fold_limit(0);
    }

    /// The failure the last chunk ended with (a malformed or `error` event), once; else
    /// `undefined`. Reading stops there.
    #[wasm_bindgen(js_name = takeError)]
    pub fn take_error(&mut self) -> JsValue {
        self.pending
            .take()
            .map_or(JsValue::UNDEFINED, JsValue::from)
    }

    /// The body ended: throws a `StreamError` if it ended before `conversation.response.done`.
    pub fn finish(&mut self) -> Result<(), JsValue> {
        let request_id = self.request_id.as_deref();
        self.parser
            .finish()
            .map_err(|e| JsValue::from(e.with_request_id(request_id)))
    }

    /// The last batch: a JSON array of the events' camelCase `data`, as ASCII bytes (a copy).
    pub fn batch(&self) -> js_sys::Uint8Array {
        js_sys::Uint8Array::from(self.parser.batch())
    }

    /// The last batch's events whose SSE name is not their `data.type`, as JSON text
    /// `[[index, name], ...]`, or `undefined` (the usual case).
    pub fn names(&self) -> Option<String> {
        let names = self.parser.names_json()?;
        Some(String::from_utf8_lossy(&names).into_owned())
    }

    /// The response folded from the events so far, as camelCase JSON text; throws the
    /// `StreamError` of kind `too_large` when folding stopped (past its limit, switched off, or
    /// out of memory).
    #[wasm_bindgen(js_name = finalResponse)]
    pub fn final_response(&self) -> Result<String, JsValue> {
        let mut out = Vec::new();
        let request_id = self.request_id.as_deref();
        self.parser
            .final_response(&mut out)
            .map_err(|e| JsValue::from(e.with_request_id(request_id)))?;
        // The transcoder writes ASCII.
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// The response's request id, when the server sent one.
    #[wasm_bindgen(getter, js_name = requestId)]
    pub fn request_id(&self) -> Option<String> {
        self.request_id.clone()
    }
}
