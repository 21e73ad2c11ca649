//! `new Mistral(options)` → `client.beta.conversations.*`, with the official SDK's names.

use std::rc::Rc;

use js_sys::{Function, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::fetch::{self, ApiKey, Transport};
use super::options::{
    call_options, env_api_key, get, headers_of, in_browser, invalid, retry_policy,
};
use super::resources::{Agents, Connectors, Conversations, Files, Libraries};
use super::stream::RawEventStream;
use crate::error::Error;
use crate::json::to_js;
use crate::request::{self, Body, BodyKind, Operation, ResponseKind};

#[wasm_bindgen(module = "/js/event-stream.js")]
extern "C" {
    #[wasm_bindgen(js_name = wrapStream)]
    fn wrap_stream(raw: RawEventStream) -> JsValue;
}

#[wasm_bindgen(module = "/js/multipart.js")]
extern "C" {
    #[wasm_bindgen(js_name = stringifyArgs, catch)]
    fn stringify_args(args: &JsValue) -> Result<js_sys::JsString, JsValue>;
    #[wasm_bindgen(js_name = toFormData)]
    fn to_form_data(field: &str, file: &JsValue) -> js_sys::Promise;
}

const DEFAULT_SERVER: &str = "https://api.mistral.ai";
const DEFAULT_TIMEOUT_MS: u64 = 300_000;

/// Runs one operation and resolves to its camelCase response (or stream, or bytes).
pub(super) async fn call(
    transport: Rc<Transport>,
    op: &'static Operation,
    args: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut options = call_options(&options)?;
    options.streaming = matches!(op.response, ResponseKind::Events);
    let request = build(op, &args)?;
    let body = match request.multipart {
        Some(file) => {
            let holder = match file.wrapper {
                Some(wrapper) => get(&args, wrapper).unwrap_or(JsValue::UNDEFINED),
                None => args.clone(),
            };
            let value = get(&holder, file.field).unwrap_or(JsValue::UNDEFINED);
            JsFuture::from(to_form_data(file.field, &value))
                .await
                .map_err(|e| {
                    invalid(format!(
                        "cannot upload `{}`: {}",
                        file.field,
                        fetch::js_message(&e)
                    ))
                })?
        }
        None => JsValue::UNDEFINED,
    };
    let sent = fetch::send_with_retries(&transport, &request, &body, options).await?;
    match op.response {
        ResponseKind::Empty => Ok(JsValue::UNDEFINED),
        ResponseKind::Bytes => {
            let body = fetch::body_bytes(&sent).await?;
            Ok(js_sys::Uint8Array::from(&body[..]).into())
        }
        ResponseKind::Json(shape) => {
            let body = fetch::body_bytes(&sent).await?;
            if body.iter().all(u8::is_ascii_whitespace) {
                return Ok(JsValue::UNDEFINED);
            }
            let mut out = Vec::with_capacity(body.len() + 64);
            to_js(&body, shape, &mut out).map_err(|e| Error::Decode {
                message: e.to_string(),
                body: String::from_utf8_lossy(
                    &body[..body.len().min(crate::error::MAX_ERROR_BODY)],
                )
                .into_owned(),
            })?;
            js_sys::JSON::parse(&String::from_utf8_lossy(&out))
        }
        ResponseKind::Events => {
            let content_type = sent
                .response
                .headers()
                .get("content-type")
                .ok()
                .flatten()
                .unwrap_or_default();
            if !contains(&content_type, "text/event-stream") {
                if let Some(controller) = &sent.controller {
                    controller.abort();
                }
                return Err(Error::Decode {
                    message: format!("expected an event stream, got `{content_type}`"),
                    body: String::new(),
                }
                .into());
            }
            Ok(wrap_stream(RawEventStream::new(sent)?))
        }
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
            Some(key) if key.is_function() => ApiKey::Dynamic(key.unchecked_into::<Function>()),
            Some(key) => ApiKey::Static(
                key.as_string()
                    .ok_or_else(|| invalid("`apiKey` must be a string or a function"))?,
            ),
            None => env_api_key().map_or(ApiKey::None, ApiKey::Static),
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
        if in_browser() && mistral_host && !matches!(api_key, ApiKey::None) && !allow_browser {
            return Err(invalid(
                "refusing to send an API key to Mistral from a browser, where anyone can read it: \
                 point `serverURL` at your own backend, which adds the key, or pass `dangerouslyAllowBrowser: true`",
            ));
        }
        let fetch = match get(&options, "fetch") {
            Some(f) => Some(
                f.dyn_into::<Function>()
                    .map_err(|_| invalid("`fetch` must be a function"))?,
            ),
            None => None,
        };
        let timeout_ms = get(&options, "timeoutMs")
            .and_then(|v| v.as_f64())
            .map_or(DEFAULT_TIMEOUT_MS, |v| v.max(0.0) as u64);
        let headers = headers_of(get(&options, "headers"))?;
        let retry = match get(&options, "retryConfig") {
            Some(config) => retry_policy(&config, "retryConfig")?,
            None => request::RetryPolicy::default(),
        };
        Ok(Mistral {
            transport: Rc::new(Transport {
                server_url: server_url.trim_end_matches('/').to_owned(),
                api_key,
                fetch,
                headers,
                timeout_ms,
                retry,
                signals: fetch::Signals::lookup(),
            }),
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
