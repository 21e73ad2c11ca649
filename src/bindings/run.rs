//! The run loop's decisions (`crate::run`) for `js/run.js`: JSON text in, JSON text out, an
//! `InvalidRequestError` for a mistake. Only the whole client has them (not the
//! `conversations-only` build).

use wasm_bindgen::prelude::*;

use crate::run;

/// See [`run::prepare`].
#[wasm_bindgen(js_name = runPrepare, skip_typescript)]
pub fn run_prepare(input: &str) -> Result<String, JsValue> {
    run::prepare(input).map_err(JsValue::from)
}

/// See [`run::decide`].
#[wasm_bindgen(js_name = runDecide, skip_typescript)]
pub fn run_decide(input: &str) -> Result<String, JsValue> {
    run::decide(input).map_err(JsValue::from)
}

/// See [`run::answer`].
#[wasm_bindgen(js_name = runAnswer, skip_typescript)]
pub fn run_answer(input: &str) -> Result<String, JsValue> {
    run::answer(input).map_err(JsValue::from)
}

/// See [`run::add_usage`].
#[wasm_bindgen(js_name = runUsage, skip_typescript)]
pub fn run_usage(total: &str, step: &str) -> Result<String, JsValue> {
    run::add_usage(total, step).map_err(JsValue::from)
}

/// `text` with every spelling of `secret` redacted (see [`crate::request::secrets::redact`]),
/// or `undefined` when it holds none: for the credentials of a run's MCP servers.
#[wasm_bindgen(js_name = runRedact, skip_typescript)]
pub fn run_redact(text: &str, secret: &str) -> Option<String> {
    crate::request::secrets::redact(text, &[secret])
}
