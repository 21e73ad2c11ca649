//! The two exports behind `js/client.js` and `js/resources.js`: `configure` rules on the options
//! of `new Mistral(...)`, and `call` runs an operation of the table.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::options::{invalid, numbers};
use super::transport::{self, send_prepared};
use crate::request::seam::option;
use crate::request::{self, ops, settings, Body, BodyKind, Operation};

#[wasm_bindgen(module = "/js/transport.js")]
extern "C" {
    /// The arguments as JSON (an upload's files as `{}`). Throws the message of an
    /// `InvalidRequestError` (a string) for a number JSON cannot hold, as NaN; a `TypeError`
    /// for what JSON cannot hold at all (a BigInt, a cycle).
    #[wasm_bindgen(js_name = stringifyArgs, catch)]
    fn stringify_args(args: &JsValue, upload: bool) -> Result<js_sys::JsString, JsValue>;
}

/// Runs operation number `op` of the operation table (`ops::ALL`) for the resource classes of
/// `js/resources.js`: the request is built and checked here, then `js/transport.js` sends it.
/// Resolves to the camelCase response (or stream, or bytes); rejects with a typed error.
#[wasm_bindgen(skip_typescript)]
pub fn call(config: &JsValue, op: u32, args: JsValue, options: JsValue) -> Promise {
    let index = op;
    let Some(&op) = ops::ALL.get(index as usize) else {
        return Promise::reject(&invalid(format!("there is no operation {index}")));
    };
    match build(op, &args) {
        Ok(request) => send_prepared(config, index, op, request, &args, &options),
        Err(error) => Promise::reject(&error),
    }
}

/// Makes the settings object `js/transport.js` reads on every call from the options of
/// `new Mistral(options)` as `readOptions` in `js/options.js` read them: `read` is its array (the
/// slots of [`option`]), or the message of the first bad option. Throws an
/// `InvalidRequestError` naming a bad option.
///
/// `readOptions` reads the options object (each option's type, `headers` through `new Headers`,
/// the environment's key, whether this is a page); the rules among them are
/// [`settings::server_url`] and [`RetryPolicy::from_slots`](request::RetryPolicy::from_slots).
#[wasm_bindgen(skip_typescript)]
pub fn configure(read: JsValue) -> Result<JsValue, JsValue> {
    if let Some(message) = read.as_string() {
        return Err(invalid(message));
    }
    let read: Array = read.unchecked_into();
    let slot = |slot: u32| read.get(slot);
    let page_origin = slot(option::PAGE_ORIGIN).as_string();
    let key_in_browser = slot(option::KEY_IN_BROWSER).is_truthy();
    let server_url = settings::server_url(
        slot(option::SERVER_URL).as_string().as_deref(),
        slot(option::SERVER).as_string().as_deref(),
        page_origin.as_deref(),
        key_in_browser,
    )
    .map_err(JsValue::from)?;
    let retry = numbers(&slot(option::RETRY)).map_or_else(request::RetryPolicy::default, |slots| {
        request::RetryPolicy::from_slots(&slots)
    });
    let config = slot(option::CONFIG);
    let core = transport::Core {
        retry,
        page_origin,
        key_in_browser,
    };
    transport::finish_config(&config, &server_url, core);
    Ok(config)
}

fn build(op: &Operation, args: &JsValue) -> Result<request::HttpRequest, JsValue> {
    let text = if args.is_undefined() || args.is_null() {
        String::new()
    } else {
        stringify_args(args, is_upload(op))
            .map_err(|thrown| {
                invalid(thrown.as_string().unwrap_or_else(|| {
                    format!(
                        "the arguments of `{}` cannot be serialised to JSON",
                        op.name
                    )
                }))
            })?
            .as_string()
            .unwrap_or_default()
    };
    request::build(op, text.as_bytes()).map_err(JsValue::from)
}

/// Whether `op` uploads a file (the conversations entry has no such operation).
fn is_upload(op: &Operation) -> bool {
    matches!(
        op.body,
        Some(Body {
            kind: BodyKind::Multipart { .. },
            ..
        })
    )
}
