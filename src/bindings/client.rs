//! `new Mistral(options)` → `client.beta.conversations.*`, with the official SDK's names.

use std::rc::Rc;

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;

use super::options::{env_api_key, get, headers_of, in_browser, invalid, retry_policy};
use super::resources::{Agents, Connectors, Conversations, Files, Libraries};
use super::transport::{send, Prepared, Transport};
use crate::request::{self, Body, BodyKind, Operation};

#[wasm_bindgen(module = "/js/multipart.js")]
extern "C" {
    #[wasm_bindgen(js_name = stringifyArgs, catch)]
    fn stringify_args(args: &JsValue) -> Result<js_sys::JsString, JsValue>;
}

const DEFAULT_SERVER: &str = "https://api.mistral.ai";
const DEFAULT_TIMEOUT_MS: f64 = 300_000.0;

/// Runs one operation: the request is built and checked here, then `js/transport.js` sends it.
/// Resolves to the camelCase response (or stream, or bytes); rejects with a typed error.
pub(super) fn call(
    transport: &Transport,
    op: &'static Operation,
    args: JsValue,
    options: JsValue,
) -> Promise {
    match build(op, &args) {
        Ok(request) => send(&transport.config, Prepared { op, request }, &args, &options),
        Err(error) => Promise::reject(&error),
    }
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

/// The Mistral API client.
///
/// ```js
/// import Mistral from "mistral-edge";
/// const client = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
/// ```
#[wasm_bindgen]
pub struct Mistral {
    transport: Rc<Transport>,
}

#[wasm_bindgen]
impl Mistral {
    /// Creates a client. Without `apiKey`, `MISTRAL_API_KEY` from the environment is used where
    /// there is one. In a browser, a key aimed at Mistral's servers is refused unless
    /// `dangerouslyAllowBrowser` is set: point `serverURL` at your own backend instead.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "MistralOptions")] options: Option<Object>,
    ) -> Result<Mistral, JsValue> {
        let options: JsValue = options.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
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
        let timeout_ms = get(&options, "timeoutMs")
            .and_then(|v| v.as_f64())
            .map_or(DEFAULT_TIMEOUT_MS, |v| v.max(0.0));
        let headers = headers_of(get(&options, "headers"))?;
        let retry = match get(&options, "retryConfig") {
            Some(config) => retry_policy(&config, "retryConfig")?,
            None => request::RetryPolicy::default(),
        };
        let server_url = server_url.trim_end_matches('/');
        Ok(Mistral {
            transport: Rc::new(Transport::new(
                server_url, api_key, fetch, &headers, timeout_ms, retry,
            )),
        })
    }

    /// The beta APIs: agents, conversations, connectors, libraries.
    #[wasm_bindgen(getter)]
    pub fn beta(&self) -> Beta {
        Beta {
            transport: self.transport.clone(),
        }
    }

    /// Files, such as the images `image_generation` makes.
    #[wasm_bindgen(getter)]
    pub fn files(&self) -> Files {
        Files {
            transport: self.transport.clone(),
        }
    }
}

/// The beta APIs.
#[wasm_bindgen]
pub struct Beta {
    transport: Rc<Transport>,
}

#[wasm_bindgen]
impl Beta {
    /// Conversations with models and agents.
    #[wasm_bindgen(getter)]
    pub fn conversations(&self) -> Conversations {
        Conversations {
            transport: self.transport.clone(),
        }
    }

    /// Agents: models with instructions and tools, versioned.
    #[wasm_bindgen(getter)]
    pub fn agents(&self) -> Agents {
        Agents {
            transport: self.transport.clone(),
        }
    }

    /// Connectors to MCP servers.
    #[wasm_bindgen(getter)]
    pub fn connectors(&self) -> Connectors {
        Connectors {
            transport: self.transport.clone(),
        }
    }

    /// Document libraries, their documents and accesses.
    #[wasm_bindgen(getter)]
    pub fn libraries(&self) -> Libraries {
        Libraries {
            transport: self.transport.clone(),
        }
    }
}
