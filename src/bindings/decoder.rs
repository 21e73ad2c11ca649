//! The standalone SSE parser, exported for anyone who needs just that.

use wasm_bindgen::prelude::*;

use crate::sse::{self, DecoderOptions};

/// A WHATWG-complete `text/event-stream` parser. Feed it bytes as they arrive; each call
/// returns the events those bytes completed.
#[wasm_bindgen]
pub struct SseDecoder {
    inner: sse::SseDecoder,
    out: Vec<u8>,
}

fn push_string(out: &mut Vec<u8>, text: &str) {
    if text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    } else {
        let mut quoted = String::with_capacity(text.len() + 8);
        crate::json::text::write_quoted(&mut quoted, text);
        out.extend_from_slice(quoted.as_bytes());
    }
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
            inner: sse::SseDecoder::new(decoder_options),
            out: Vec::new(),
        }
    }

    /// Feeds bytes; returns the events they completed.
    #[wasm_bindgen(unchecked_return_type = "SseEvent[]")]
    pub fn feed(&mut self, chunk: &[u8]) -> Result<JsValue, JsValue> {
        let Self { inner, out } = self;
        out.clear();
        out.push(b'[');
        let mut first = true;
        inner
            .feed_with(chunk, &mut |event| {
                if !std::mem::take(&mut first) {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"event\":");
                push_string(out, event.event);
                out.extend_from_slice(b",\"data\":");
                push_string(out, event.data);
                out.extend_from_slice(b",\"id\":");
                push_string(out, event.id);
                out.push(b'}');
            })
            .map_err(|e| {
                JsValue::from(crate::Error::stream(
                    crate::StreamErrorKind::TooLarge,
                    e.to_string(),
                ))
            })?;
        out.push(b']');
        js_sys::JSON::parse(&String::from_utf8_lossy(out))
    }

    /// Ends the stream: a pending event without its blank line is discarded, as the spec says,
    /// so this returns no events; the parser is ready for a new stream afterwards.
    #[wasm_bindgen(unchecked_return_type = "SseEvent[]")]
    pub fn finish(&mut self) -> js_sys::Array {
        let events = self.inner.finish();
        events
            .into_iter()
            .map(|e| {
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &"event".into(), &e.event.into());
                let _ = js_sys::Reflect::set(&o, &"data".into(), &e.data.into());
                let _ = js_sys::Reflect::set(&o, &"id".into(), &e.id.into());
                JsValue::from(o)
            })
            .collect()
    }

    /// The last valid `retry` value in milliseconds, or `undefined`.
    #[wasm_bindgen(getter)]
    pub fn retry(&self) -> Option<f64> {
        self.inner.retry().map(|r| r as f64)
    }

    /// The last event id seen (`""` when none).
    #[wasm_bindgen(getter, js_name = lastEventId)]
    pub fn last_event_id(&self) -> String {
        self.inner.last_event_id().to_owned()
    }
}
