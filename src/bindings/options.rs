//! Small helpers for reading JavaScript values. The options objects themselves are read in
//! `js/transport.js` (`readOptions`, `callOptions`), where reading a property costs nothing; each
//! property read from Rust costs a string crossing and its glue in the wasm.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use crate::error::Error;

/// `object[key]`, or `None` when it is `undefined` or `null` (or `object` is no object).
pub(super) fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// An `InvalidRequestError` with this message.
pub(super) fn invalid(message: impl Into<String>) -> JsValue {
    Error::InvalidRequest {
        message: message.into(),
    }
    .into()
}

/// The numbers of an array, as `js/options.js` makes them (a retry configuration's slots, a
/// call's `retryCodes`): an unset slot is NaN. `None` when `value` is no array.
pub(super) fn numbers(value: &JsValue) -> Option<Vec<f64>> {
    value.dyn_ref::<Array>().map(|array| {
        array
            .iter()
            .map(|n| n.as_f64().unwrap_or(f64::NAN))
            .collect()
    })
}
