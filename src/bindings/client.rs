//! The two exports behind `js/client.js` and `js/resources.js`: `configure` reads the options of
//! `new Mistral(...)`, and `call` runs an operation of the table.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::options::{env_api_key, get, headers_of, in_browser, invalid, retry_policy};
use super::transport::{self, send_prepared};
use crate::request::{self, ops, Body, BodyKind, Operation};

#[wasm_bindgen(module = "/js/transport.js")]
extern "C" {
    #[wasm_bindgen(js_name = stringifyArgs, catch)]
    fn stringify_args(args: &JsValue) -> Result<js_sys::JsString, JsValue>;
}

const DEFAULT_SERVER: &str = "https://api.mistral.ai";
const DEFAULT_TIMEOUT_MS: f64 = 300_000.0;

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

/// Reads the options of `new Mistral(options)` (see `MistralOptions`) into the settings object
/// `js/transport.js` reads on every call. Throws an `InvalidRequestError` naming a bad option.
#[wasm_bindgen(skip_typescript)]
pub fn configure(options: JsValue) -> Result<JsValue, JsValue> {
    let api_key = match get(&options, "apiKey") {
        Some(key) if key.is_function() || key.is_string() => key,
        Some(_) => return Err(invalid("`apiKey` must be a string or a function")),
        None => env_api_key().map_or(JsValue::UNDEFINED, |key| JsValue::from_str(&key)),
    };
    let server_url = match (get(&options, "serverURL"), get(&options, "server")) {
        (Some(url), _) => url
            .as_string()
            .ok_or_else(|| invalid("`serverURL` must be a string"))?,
        (None, Some(server)) => match server.as_string().as_deref() {
            Some("global") => DEFAULT_SERVER.into(),
            Some("eu") => "https://api.eu.mistral.ai".into(),
            Some("us") => "https://api.us.mistral.ai".into(),
            _ => return Err(invalid("`server` must be \"global\", \"eu\" or \"us\"")),
        },
        (None, None) => DEFAULT_SERVER.into(),
    };
    // In a page, a path (`/api/mistral`) means the page's own origin: the proxy pattern.
    let page_origin = get(&js_sys::global(), "location")
        .and_then(|location| get(&location, "origin"))
        .and_then(|origin| origin.as_string())
        .filter(|origin| origin.starts_with("http"));
    let server_url = match page_origin {
        Some(origin) if server_url.starts_with('/') && !server_url.starts_with("//") => {
            format!("{origin}{server_url}")
        }
        _ => server_url,
    };
    if !(server_url.starts_with("http://") || server_url.starts_with("https://")) {
        return Err(invalid(format!(
            "`serverURL` must be an http(s) URL (or, in a page, a path such as `/api`), got `{server_url}`"
        )));
    }
    let allow_browser = get(&options, "dangerouslyAllowBrowser")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let mistral_host = contains(&server_url, "mistral.ai");
    if in_browser() && mistral_host && !api_key.is_undefined() && !allow_browser {
        return Err(invalid(
            "refusing to send an API key to Mistral from a browser, where anyone can read it: \
             point `serverURL` at your own backend, which adds the key, or pass `dangerouslyAllowBrowser: true`",
        ));
    }
    let fetch = match get(&options, "fetch") {
        Some(f) if f.is_function() => f,
        Some(_) => return Err(invalid("`fetch` must be a function")),
        None => JsValue::UNDEFINED,
    };
    let timeout_ms =
        get(&options, "timeoutMs")
            .and_then(|v| v.as_f64())
            .map_or(
                DEFAULT_TIMEOUT_MS,
                |v| if v >= 1.0 { v.floor() } else { 0.0 },
            );
    let headers = headers_of(get(&options, "headers"))?;
    let retry = match get(&options, "retryConfig") {
        Some(config) => retry_policy(&config, "retryConfig")?,
        None => request::RetryPolicy::default(),
    };
    let server_url = server_url.trim_end_matches('/');
    Ok(transport::config(
        server_url, api_key, fetch, &headers, timeout_ms, retry,
    ))
}

/// Whether `needle` occurs in `haystack`. A byte loop: `str::contains` brings its two-way
/// searcher and the str slicing panic (with `Debug` and Unicode tables) into the wasm.
fn contains(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    (0..=haystack.len().saturating_sub(needle.len()))
        .any(|i| haystack.get(i..i + needle.len()) == Some(needle))
}

fn build(op: &Operation, args: &JsValue) -> Result<request::HttpRequest, JsValue> {
    let text = if args.is_undefined() || args.is_null() {
        String::new()
    } else {
        let text = if matches!(
            op.body,
            Some(Body {
                kind: BodyKind::Multipart { .. },
                ..
            })
        ) {
            stringify_args(args)
        } else {
            js_sys::JSON::stringify(args)
        };
        text.map_err(|_| {
            invalid(format!(
                "the arguments of `{}` cannot be serialised to JSON",
                op.name
            ))
        })?
        .as_string()
        .unwrap_or_default()
    };
    request::build(op, text.as_bytes()).map_err(JsValue::from)
}
