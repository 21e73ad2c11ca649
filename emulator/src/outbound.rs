//! The outbound HTTP seam: the one kind of request the emulator sends itself (to connectors' MCP
//! servers). Natively `reqwest` (no proxy: MCP servers are local, and an `HTTP_PROXY` in the
//! environment must not capture loopback traffic; no idle connections kept); in wasm the
//! runtime's own `fetch`, so the in-process emulator reaches whatever its page or process can.

/// One request: the whole body is known up front.
#[derive(Debug, Clone)]
pub struct OutRequest {
    /// `POST`, `DELETE`, ...
    pub method: &'static str,
    /// The absolute URL.
    pub url: String,
    /// Header names and values, sent as given.
    pub headers: Vec<(String, String)>,
    /// The body (none for `DELETE`).
    pub body: Option<Vec<u8>>,
}

/// One response, read whole.
#[derive(Debug, Clone, Default)]
pub struct OutResponse {
    /// The HTTP status.
    pub status: u16,
    /// `Content-Type`, if any.
    pub content_type: Option<String>,
    /// `Mcp-Session-Id`, if any.
    pub session_id: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// Sends `request`; an `Err` says why no response came (refused, reset, not a URL, ...).
#[cfg(not(target_arch = "wasm32"))]
pub async fn send(request: OutRequest) -> Result<OutResponse, String> {
    use std::sync::OnceLock;
    static CLIENT: OnceLock<Result<reqwest::Client, String>> = OnceLock::new();
    let client = CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .no_proxy()
                .pool_max_idle_per_host(0)
                .build()
                .map_err(|e| e.to_string())
        })
        .clone()?;
    let method =
        reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|e| e.to_string())?;
    let mut builder = client.request(method, &request.url);
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    if let Some(body) = request.body {
        builder = builder.body(body);
    }
    let response = builder.send().await.map_err(|e| e.to_string())?;
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let status = response.status().as_u16();
    let content_type = header("content-type");
    let session_id = header("mcp-session-id");
    let body = response.bytes().await.map_err(|e| e.to_string())?.to_vec();
    Ok(OutResponse {
        status,
        content_type,
        session_id,
        body,
    })
}

/// Sends `request` with the runtime's `fetch`. The JavaScript side runs as its own task (its
/// values cannot cross into a `Send` future); the answer comes back through a channel.
#[cfg(target_arch = "wasm32")]
pub async fn send(request: OutRequest) -> Result<OutResponse, String> {
    let (tx, rx) = futures_channel::oneshot::channel();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = tx.send(js::fetch(request).await);
    });
    rx.await
        .unwrap_or_else(|_| Err("the fetch ended without an answer".to_owned()))
}

#[cfg(target_arch = "wasm32")]
mod js {
    use js_sys::{Promise, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Headers, Request, RequestInit, Response};

    use super::{OutRequest, OutResponse};

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = fetch)]
        fn global_fetch(request: &Request) -> Promise;
    }

    fn message(e: JsValue) -> String {
        match e.dyn_ref::<js_sys::Error>() {
            Some(error) => String::from(error.message()),
            None => e.as_string().unwrap_or_else(|| "fetch failed".to_owned()),
        }
    }

    pub async fn fetch(request: OutRequest) -> Result<OutResponse, String> {
        let headers = Headers::new().map_err(message)?;
        for (name, value) in &request.headers {
            headers.append(name, value).map_err(message)?;
        }
        let init = RequestInit::new();
        init.set_method(request.method);
        init.set_headers(&headers);
        if let Some(body) = &request.body {
            init.set_body(&Uint8Array::from(body.as_slice()));
        }
        let js_request = Request::new_with_str_and_init(&request.url, &init).map_err(message)?;
        let response: Response = JsFuture::from(global_fetch(&js_request))
            .await
            .map_err(message)?
            .dyn_into()
            .map_err(message)?;
        let header = |name: &str| response.headers().get(name).ok().flatten();
        let buffer = JsFuture::from(response.array_buffer().map_err(message)?)
            .await
            .map_err(message)?;
        Ok(OutResponse {
            status: response.status(),
            content_type: header("content-type"),
            session_id: header("mcp-session-id"),
            body: Uint8Array::new(&buffer).to_vec(),
        })
    }
}
