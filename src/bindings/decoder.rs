//! The standalone SSE parser, exported for anyone who needs just that.

use wasm_bindgen::prelude::*;

use super::bytes::copy_in;
use super::options::invalid;
use crate::sse::{self, DecoderOptions};
use crate::{Error, StreamErrorKind};

#[wasm_bindgen(module = "/js/sse.js")]
extern "C" {
    #[wasm_bindgen(js_name = sseEvents)]
    fn sse_events(bytes: &[u8], ascii: bool, lengths: &[u32]) -> js_sys::Array;
}

/// A WHATWG-complete `text/event-stream` parser. Feed it bytes as they arrive; each call
/// returns the events those bytes completed.
#[wasm_bindgen]
pub struct SseDecoder {
    /// The decoder; `None` once `free()` was called.
    inner: Option<sse::SseDecoder>,
    /// The chunk being decoded, copied from JavaScript.
    input: Vec<u8>,
    /// The fields of the events one feed completed, back to back.
    text: Vec<u8>,
    /// Their lengths in UTF-16 code units (JavaScript string lengths), three per event.
    lengths: Vec<u32>,
}

fn push_field(text: &mut Vec<u8>, lengths: &mut Vec<u32>, ascii: &mut bool, field: &str) {
    text.extend_from_slice(field.as_bytes());
    let units = if crate::swar::is_ascii(field.as_bytes()) {
        field.len()
    } else {
        *ascii = false;
        field.encode_utf16().count()
    };
    lengths.push(units as u32);
}

#[wasm_bindgen]
impl SseDecoder {
    /// Creates a parser. `maxBufferBytes` (default 64 MiB) caps one event's size.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "SseDecoderOptions")] options: Option<
            js_sys::Object,
        >,
    ) -> SseDecoder {
        let mut decoder_options = DecoderOptions::default();
        if let Some(options) = options {
            let max = js_sys::Reflect::get(&options, &JsValue::from_str("maxBufferBytes"))
                .ok()
                .and_then(|v| v.as_f64());
            if let Some(max) = max.filter(|m| *m >= 1.0) {
                decoder_options.max_buffer_bytes = max as usize;
            }
        }
        SseDecoder {
            inner: Some(sse::SseDecoder::new(decoder_options)),
            input: Vec::new(),
            text: Vec::new(),
            lengths: Vec::new(),
        }
    }

    /// Frees the parser's memory at once. Using it afterwards throws an `InvalidRequestError`.
    // The name wasm-bindgen gives its own `free()`: this one replaces it in the class, and leaves
    // the small object itself to the garbage collector, so that a later call finds it and can
    // say what happened instead of passing a null pointer.
    #[wasm_bindgen(js_name = free)]
    pub fn release(&mut self) {
        *self = SseDecoder {
            inner: None,
            input: Vec::new(),
            text: Vec::new(),
            lengths: Vec::new(),
        };
    }

    /// Feeds bytes (a `Uint8Array`); returns the events they completed. Throws a `StreamError`
    /// of kind `too_large` for an event over `maxBufferBytes` or when memory runs out, and an
    /// `InvalidRequestError` for a chunk that is not bytes (encode text with `TextEncoder`).
    #[wasm_bindgen(unchecked_return_type = "SseEvent[]")]
    pub fn feed(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] chunk: JsValue,
    ) -> Result<js_sys::Array, JsValue> {
        let Self {
            inner,
            input,
            text,
            lengths,
        } = self;
        let inner = inner.as_mut().ok_or_else(freed)?;
        let chunk = chunk.dyn_ref::<js_sys::Uint8Array>().ok_or_else(|| {
            invalid("`SseDecoder.feed()` takes a Uint8Array: encode text with `new TextEncoder().encode(text)`")
        })?;
        copy_in(chunk, input).map_err(too_large)?;
        text.clear();
        lengths.clear();
        let mut ascii = true;
        inner
            .feed_with(input, &mut |event| {
                push_field(text, lengths, &mut ascii, event.event);
                push_field(text, lengths, &mut ascii, event.data);
                push_field(text, lengths, &mut ascii, event.id);
            })
            .map_err(|e| JsValue::from(Error::stream(StreamErrorKind::TooLarge, e.to_string())))?;
        if lengths.is_empty() {
            return Ok(js_sys::Array::new());
        }
        Ok(sse_events(text, ascii, lengths))
    }

    /// Ends the stream: a pending event without its blank line is discarded, as the spec says,
    /// so this returns no events; the parser is ready for a new stream afterwards.
    #[wasm_bindgen(unchecked_return_type = "SseEvent[]")]
    pub fn finish(&mut self) -> Result<js_sys::Array, JsValue> {
        let events = self.inner.as_mut().ok_or_else(freed)?.finish();
        Ok(events
            .into_iter()
            .map(|e| {
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &"event".into(), &e.event.into());
                let _ = js_sys::Reflect::set(&o, &"data".into(), &e.data.into());
                let _ = js_sys::Reflect::set(&o, &"id".into(), &e.id.into());
                JsValue::from(o)
            })
            .collect())
    }

    /// The last valid `retry` value in milliseconds, or `undefined` (also once freed).
    #[wasm_bindgen(getter)]
    pub fn retry(&self) -> Option<f64> {
        self.inner.as_ref()?.retry().map(|r| r as f64)
    }

    /// The last event id seen (`""` when none, and once freed).
    #[wasm_bindgen(getter, js_name = lastEventId)]
    pub fn last_event_id(&self) -> String {
        self.inner
            .as_ref()
            .map_or("", |inner| inner.last_event_id())
            .to_owned()
    }
}

/// The error for a chunk there was no memory left for.
fn too_large(bytes: usize) -> JsValue {
    Error::out_of_memory("chunk", bytes).into()
}

/// The error for a parser used after `free()`.
#[cold]
fn freed() -> JsValue {
    invalid("this SseDecoder was freed (`free()` was called): make a new one")
}
