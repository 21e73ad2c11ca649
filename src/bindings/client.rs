//! `new Mistral(options)` → `client.beta.conversations.*`, with the official SDK's names.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use super::fetch::{self, ApiKey, CallOptions, Transport};
use super::stream::RawEventStream;
use crate::error::Error;
use crate::json::to_js;
use crate::request::{self, ops, Operation, ResponseKind};

#[wasm_bindgen(module = "/js/event-stream.js")]
extern "C" {
    #[wasm_bindgen(js_name = wrapStream)]
    fn wrap_stream(raw: RawEventStream) -> JsValue;
}

const DEFAULT_SERVER: &str = "https://api.mistral.ai";
const DEFAULT_TIMEOUT_MS: u64 = 300_000;

fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn invalid(message: impl Into<String>) -> JsValue {
    Error::InvalidRequest {
        message: message.into(),
    }
    .into()
}

fn headers_of(value: Option<JsValue>) -> Result<Vec<(String, String)>, JsValue> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let entries = js_sys::Object::entries(
        value
            .dyn_ref::<Object>()
            .ok_or_else(|| invalid("`headers` must be an object"))?,
    );
    entries
        .iter()
        .map(|pair| {
            let name = Reflect::get(&pair, &0.into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let value = Reflect::get(&pair, &1.into())
                .ok()
                .and_then(|v| v.as_string());
            value
                .map(|v| (name.clone(), v))
                .ok_or_else(|| invalid(format!("header `{name}` must be a string")))
        })
        .collect()
}

fn env_api_key() -> Option<String> {
    let process = get(&js_sys::global(), "process")?;
    get(&get(&process, "env")?, "MISTRAL_API_KEY")?
        .as_string()
        .filter(|k| !k.is_empty())
}

fn in_browser() -> bool {
    let global = js_sys::global();
    get(&global, "window").is_some() && get(&global, "document").is_some()
}

/// Per-call options, in the official SDK's shape.
fn call_options(value: &JsValue) -> Result<CallOptions, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(CallOptions::default());
    }
    let fetch_options = get(value, "fetchOptions");
    let signal =
        get(value, "signal").or_else(|| fetch_options.as_ref().and_then(|f| get(f, "signal")));
    let signal = match signal {
        Some(s) => Some(
            s.dyn_into::<AbortSignal>()
                .map_err(|_| invalid("`signal` must be an AbortSignal"))?,
        ),
        None => None,
    };
    let mut headers = headers_of(fetch_options.as_ref().and_then(|f| get(f, "headers")))?;
    headers.extend(headers_of(get(value, "headers"))?);
    let timeout_ms = get(value, "timeoutMs")
        .and_then(|v| v.as_f64())
        .map(|v| v.max(0.0) as u64);
    let server_url = get(value, "serverURL").and_then(|v| v.as_string());
    Ok(CallOptions {
        signal,
        headers,
        timeout_ms,
        server_url,
    })
}

/// Runs one JSON operation and resolves to its camelCase response.
async fn call(
    transport: Rc<Transport>,
    op: &'static Operation,
    args: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = call_options(&options)?;
    let request = build(op, &args)?;
    let sent = fetch::send(&transport, &request, options).await?;
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
            if !content_type.contains("text/event-stream") {
                sent.controller.abort();
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

fn build(op: &Operation, args: &JsValue) -> Result<request::HttpRequest, JsValue> {
    let text = if args.is_undefined() || args.is_null() {
        String::new()
    } else {
        js_sys::JSON::stringify(args)
            .map_err(|_| {
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
        if !(server_url.starts_with("http://") || server_url.starts_with("https://")) {
            return Err(invalid(format!(
                "`serverURL` must be an http(s) URL, got `{server_url}`"
            )));
        }
        let allow_browser = get(&options, "dangerouslyAllowBrowser")
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let mistral_host = server_url.contains("mistral.ai");
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
        Ok(Mistral {
            transport: Rc::new(Transport {
                server_url: server_url.trim_end_matches('/').to_owned(),
                api_key,
                fetch,
                headers,
                timeout_ms,
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
}

/// Conversations: start, append to, branch and read them, streamed or not.
#[wasm_bindgen]
pub struct Conversations {
    transport: Rc<Transport>,
}

macro_rules! operations {
    ($class:ident { $($(#[$doc:meta])* $js:literal $rust:ident($args:literal) -> $ret:literal = $op:expr;)* }) => {
        #[wasm_bindgen]
        impl $class {
            $(
                $(#[$doc])*
                #[wasm_bindgen(js_name = $js, unchecked_return_type = $ret)]
                pub fn $rust(
                    &self,
                    #[wasm_bindgen(unchecked_param_type = $args)] request: JsValue,
                    #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<Object>,
                ) -> Promise {
                    let transport = self.transport.clone();
                    let options = options.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
                    future_to_promise(call(transport, &$op, request, options))
                }
            )*
        }
    };
}

operations!(Conversations {
    /// Starts a conversation and resolves to the whole response.
    "start" start("ConversationRequest") -> "Promise<ConversationResponse>" = ops::conversations::START;
    /// Starts a conversation and resolves, as soon as the headers arrive, to a stream of events.
    /// HTTP errors reject here; later failures are thrown by the iteration.
    "startStream" start_stream("ConversationRequest") -> "Promise<EventStream>" = ops::conversations::START_STREAM;
    /// Appends inputs (messages, function results) to a conversation.
    "append" append("ConversationsAppendRequest") -> "Promise<ConversationResponse>" = ops::conversations::APPEND;
    /// Appends inputs and streams the response.
    "appendStream" append_stream("ConversationsAppendStreamRequest") -> "Promise<EventStream>" = ops::conversations::APPEND_STREAM;
    /// Branches a conversation from one of its entries into a new conversation.
    "restart" restart("ConversationsRestartRequest") -> "Promise<ConversationResponse>" = ops::conversations::RESTART;
    /// Branches a conversation and streams the response.
    "restartStream" restart_stream("ConversationsRestartStreamRequest") -> "Promise<EventStream>" = ops::conversations::RESTART_STREAM;
    /// Lists conversations, newest first.
    "list" list("ConversationsListRequest") -> "Promise<Conversation[]>" = ops::conversations::LIST;
    /// Gets one conversation.
    "get" get("ConversationIdRequest") -> "Promise<Conversation>" = ops::conversations::GET;
    /// Deletes a conversation.
    "delete" delete("ConversationIdRequest") -> "Promise<void>" = ops::conversations::DELETE;
    /// Every entry of a conversation.
    "getHistory" get_history("ConversationIdRequest") -> "Promise<ConversationHistory>" = ops::conversations::GET_HISTORY;
    /// The messages of a conversation.
    "getMessages" get_messages("ConversationIdRequest") -> "Promise<ConversationMessages>" = ops::conversations::GET_MESSAGES;
});
