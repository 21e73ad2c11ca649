//! The `#[wasm_bindgen]` face: `Emulator` (one emulator's state and router; `handle`, `reset`)
//! and `BodyReader` (pulls a response body chunk by chunk). `js/emulator/` wraps them into
//! `createEmulator()` and its `fetch`.

use std::cell::RefCell;
use std::rc::Rc;

use axum::body::Body;
use js_sys::{Array, Promise, Uint8Array};
use mistral_emulator::AppState;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::exchange;

/// One in-process emulator: its state lives as long as this object (or until `reset`).
#[wasm_bindgen]
pub struct Emulator {
    router: axum::Router,
}

#[wasm_bindgen]
impl Emulator {
    /// A fresh emulator.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Emulator {
        Emulator {
            router: mistral_emulator::app::router(AppState::default()),
        }
    }

    /// Forgets everything: conversations, agents, files, connectors, libraries, fault counters,
    /// recorded requests. Exchanges already under way finish on the old state.
    pub fn reset(&mut self) {
        self.router = mistral_emulator::app::router(AppState::default());
    }

    /// Handles one request. `headers` is flat: name, value, name, value, ... Resolves to
    /// `{ status, headers (flat the same way), body: BodyReader }`; rejects with a `TypeError`
    /// for a request `fetch` itself would refuse.
    pub fn handle(&self, method: &str, url: &str, headers: Vec<String>, body: Vec<u8>) -> Promise {
        let pairs: Vec<(String, String)> = headers
            .chunks_exact(2)
            .map(|p| (p[0].clone(), p[1].clone()))
            .collect();
        let request = exchange::request(method, url, &pairs, body);
        let router = self.router.clone();
        future_to_promise(async move {
            let request = request.map_err(|e| JsValue::from(js_sys::TypeError::new(&e.0)))?;
            let response = exchange::respond(router, request).await;
            let flat = Array::new();
            for (name, value) in exchange::header_pairs(&response) {
                flat.push(&JsValue::from(name));
                flat.push(&JsValue::from(value));
            }
            let out = js_sys::Object::new();
            let status = JsValue::from(response.status().as_u16());
            js_sys::Reflect::set(&out, &"status".into(), &status)?;
            js_sys::Reflect::set(&out, &"headers".into(), &flat)?;
            let reader = BodyReader {
                body: Rc::new(RefCell::new(Some(response.into_body()))),
            };
            js_sys::Reflect::set(&out, &"body".into(), &JsValue::from(reader))?;
            Ok(out.into())
        })
    }
}

impl Default for Emulator {
    fn default() -> Self {
        Self::new()
    }
}

/// A response body, pulled chunk by chunk (so a reader that stops stops the producer).
#[wasm_bindgen]
pub struct BodyReader {
    body: Rc<RefCell<Option<Body>>>,
}

#[wasm_bindgen]
impl BodyReader {
    /// The next chunk (a `Uint8Array`), `undefined` at the end; rejects with the reason the
    /// connection was cut (a fault). One call at a time: a second call before the first resolves
    /// resolves to `undefined`.
    pub fn next(&self) -> Promise {
        let slot = self.body.clone();
        future_to_promise(async move {
            let Some(mut body) = slot.borrow_mut().take() else {
                return Ok(JsValue::UNDEFINED);
            };
            let chunk = exchange::next_chunk(&mut body).await;
            match chunk {
                Ok(Some(bytes)) => {
                    *slot.borrow_mut() = Some(body);
                    Ok(Uint8Array::from(bytes.as_ref()).into())
                }
                Ok(None) => Ok(JsValue::UNDEFINED),
                Err(e) => Err(JsValue::from(js_sys::Error::new(&e))),
            }
        })
    }

    /// Stops the body (the reader cancelled): whatever produces it is dropped.
    pub fn cancel(&self) {
        self.body.borrow_mut().take();
    }
}
