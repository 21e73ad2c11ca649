//! The MCP side of connectors: lists and calls the tools of a connector's server over MCP
//! streamable HTTP (JSON-RPC over `POST`, answered as JSON or as an event stream, the session in
//! `Mcp-Session-Id`), through the [`crate::outbound`] seam, so the same client runs natively and
//! in wasm. Each operation opens a session (`initialize`), does its one request and closes the
//! session again (`DELETE`), so nothing about a request (its bearer token in particular)
//! outlives it.
//!
//! Failures map to the API's error envelope: a server that cannot be reached or that breaks
//! the protocol is a `502` (`type: "connector_error"`); a JSON-RPC error the server answers
//! (an unknown tool, bad arguments) is a `400` carrying its code and message.

use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, StatusCode};
use mistral_edge::model::leaf::JsonObject;
use mistral_edge::model::wire;
use mistral_edge::sse::SseDecoder;
use serde_json::{json, Map, Value};

use crate::error::ApiError;
use crate::outbound::{self, OutRequest, OutResponse};

/// The protocol version the client asks for (the server may answer with another it supports).
const PROTOCOL_VERSION: &str = "2025-06-18";

/// How long one MCP operation (connect, request, close) may take.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Headers the MCP transport sets itself; connector headers never replace them.
const RESERVED: &[&str] = &[
    "authorization",
    "accept",
    "content-type",
    "content-length",
    "host",
    "mcp-session-id",
    "mcp-protocol-version",
    "last-event-id",
];

/// Where and how to reach an MCP server.
#[derive(Clone, Default)]
pub struct Target {
    /// The connector, for error messages.
    pub connector: String,
    /// The server's URL.
    pub url: String,
    /// Sent as `Authorization: Bearer <token>`.
    pub bearer: Option<String>,
    /// Other headers sent with every request (connector and credential headers).
    pub headers: Vec<(String, String)>,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Target")
            .field("connector", &self.connector)
            .field("url", &self.url)
            .field("bearer", &self.bearer.as_ref().map(|_| "<redacted>"))
            .field(
                "headers",
                &self.headers.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
            .finish()
    }
}

fn connector_error(target: &Target, what: impl std::fmt::Display) -> ApiError {
    let mut e = ApiError::internal(format!(
        "Connector `{}`: the MCP server at {} {what}",
        target.connector, target.url
    ));
    e.status = StatusCode::BAD_GATEWAY;
    if let Value::Object(map) = &mut e.body {
        map.insert("type".into(), json!("connector_error"));
    }
    e
}

/// Why an MCP exchange failed.
enum Failure {
    /// No usable answer (refused, HTTP error, not JSON-RPC): `502`.
    Transport(String),
    /// The server answered with a JSON-RPC error: `400`.
    Rpc { code: i64, message: String },
}

fn api_error(target: &Target, failure: Failure, reaching: bool) -> ApiError {
    match failure {
        Failure::Transport(why) if reaching => {
            connector_error(target, format_args!("could not be reached: {why}"))
        }
        Failure::Transport(why) => connector_error(target, format_args!("failed: {why}")),
        Failure::Rpc { code, message } => {
            let mut api = ApiError::bad_request(format!(
                "Connector `{}`: MCP error {code}: {message}",
                target.connector
            ));
            if let Value::Object(map) = &mut api.body {
                map.insert("code".into(), json!(code));
            }
            api
        }
    }
}

/// One MCP session with one server.
struct Session<'a> {
    target: &'a Target,
    id: Option<String>,
    protocol: Option<String>,
    next_id: u64,
}

impl<'a> Session<'a> {
    /// `initialize`, then `notifications/initialized`.
    async fn open(target: &'a Target) -> Result<Session<'a>, Failure> {
        let mut session = Session {
            target,
            id: None,
            protocol: None,
            next_id: 0,
        };
        let params = json!({
            "protocolVersion": PROTOCOL_VERSION,
            "capabilities": {},
            "clientInfo": {"name": "mistral-emulator", "version": env!("CARGO_PKG_VERSION")},
        });
        let result = session.request("initialize", params).await?;
        session.protocol = Some(
            result
                .get("protocolVersion")
                .and_then(Value::as_str)
                .unwrap_or(PROTOCOL_VERSION)
                .to_owned(),
        );
        let note = json!({"jsonrpc": "2.0", "method": "notifications/initialized"});
        let response = session.post(&note).await?;
        if !(200..300).contains(&response.status) {
            return Err(Failure::Transport(format!(
                "answered HTTP {} to `notifications/initialized`",
                response.status
            )));
        }
        Ok(session)
    }

    fn headers(&self) -> Vec<(String, String)> {
        let mut headers = vec![
            ("content-type".to_owned(), "application/json".to_owned()),
            (
                "accept".to_owned(),
                "application/json, text/event-stream".to_owned(),
            ),
        ];
        if let Some(token) = &self.target.bearer {
            headers.push(("authorization".to_owned(), format!("Bearer {token}")));
        }
        if let Some(id) = &self.id {
            headers.push(("mcp-session-id".to_owned(), id.clone()));
        }
        if let Some(v) = &self.protocol {
            headers.push(("mcp-protocol-version".to_owned(), v.clone()));
        }
        for (name, value) in &self.target.headers {
            let valid = HeaderName::from_bytes(name.as_bytes()).is_ok()
                && HeaderValue::from_str(value).is_ok();
            if valid && !RESERVED.contains(&name.to_ascii_lowercase().as_str()) {
                headers.push((name.clone(), value.clone()));
            }
        }
        headers
    }

    async fn post(&self, message: &Value) -> Result<OutResponse, Failure> {
        let body = serde_json::to_vec(message).map_err(|e| Failure::Transport(e.to_string()))?;
        outbound::send(OutRequest {
            method: "POST",
            url: self.target.url.clone(),
            headers: self.headers(),
            body: Some(body),
        })
        .await
        .map_err(Failure::Transport)
    }

    /// One JSON-RPC request and its result.
    async fn request(&mut self, method: &str, params: Value) -> Result<Value, Failure> {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        let response = self.post(&message).await?;
        if !(200..300).contains(&response.status) {
            return Err(Failure::Transport(format!(
                "answered HTTP {} to `{method}`",
                response.status
            )));
        }
        if self.id.is_none() {
            self.id = response.session_id.clone();
        }
        let answer = find_answer(&response, id)
            .ok_or_else(|| Failure::Transport(format!("sent no JSON-RPC answer to `{method}`")))?;
        if let Some(error) = answer.get("error") {
            return Err(Failure::Rpc {
                code: error.get("code").and_then(Value::as_i64).unwrap_or(0),
                message: error
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned(),
            });
        }
        Ok(answer.get("result").cloned().unwrap_or(Value::Null))
    }

    /// Ends the session (`DELETE`); failures there do not matter.
    async fn close(self) {
        if self.id.is_some() {
            let _ = outbound::send(OutRequest {
                method: "DELETE",
                url: self.target.url.clone(),
                headers: self.headers(),
                body: None,
            })
            .await;
        }
    }
}

/// The JSON-RPC answer with this `id` in a JSON body or in an event stream's `data`.
fn find_answer(response: &OutResponse, id: u64) -> Option<Value> {
    let is_answer = |v: &Value| {
        v.get("id").and_then(Value::as_u64) == Some(id)
            && (v.get("result").is_some() || v.get("error").is_some())
    };
    let is_stream = response
        .content_type
        .as_deref()
        .is_some_and(|t| t.starts_with("text/event-stream"));
    let messages: Vec<Value> = if is_stream {
        let mut decoder = SseDecoder::default();
        let mut events = decoder.feed(&response.body).ok()?;
        events.extend(decoder.finish());
        events
            .iter()
            .filter_map(|e| serde_json::from_str(&e.data).ok())
            .collect()
    } else {
        match serde_json::from_slice(&response.body).ok()? {
            Value::Array(batch) => batch,
            one => vec![one],
        }
    };
    messages.into_iter().find(is_answer)
}

/// Runs `op` on a fresh session with the server, then closes it; the whole within [`TIMEOUT`].
async fn with_session<'a, T, F, Fut>(target: &'a Target, op: F) -> Result<T, ApiError>
where
    F: FnOnce(Session<'a>) -> Fut,
    Fut: std::future::Future<Output = (Session<'a>, Result<T, Failure>)>,
{
    let work = async {
        let session = Session::open(target)
            .await
            .map_err(|f| api_error(target, f, true))?;
        let (session, result) = op(session).await;
        session.close().await;
        result.map_err(|f| api_error(target, f, false))
    };
    match crate::timer::timeout(TIMEOUT, work).await {
        Some(result) => result,
        None => Err(connector_error(
            target,
            format_args!("did not answer within {} s", TIMEOUT.as_secs()),
        )),
    }
}

/// An MCP tool (MCP's own camelCase keys) as the API shows it (`MCPTool`, the same keys).
pub fn to_wire_tool(tool: &Value) -> wire::McpTool {
    serde_json::from_value(tool.clone()).unwrap_or_else(|_| wire::McpTool {
        name: text(tool, "name"),
        title: None,
        description: tool
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_owned),
        inputSchema: JsonObject(match tool.get("inputSchema") {
            Some(Value::Object(schema)) => schema.clone(),
            _ => Map::new(),
        }),
        outputSchema: None,
        icons: None,
        annotations: None,
        _meta: None,
        execution: None,
    })
}

fn text(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

/// A tool result (`CallToolResult`) as the API shows it (`ConnectorToolCallResponse`): the
/// content blocks as MCP spells them, and MCP's `isError`, `structuredContent` and `_meta` under
/// `metadata.mcp_meta`.
pub fn to_wire_result(result: &Value) -> wire::ConnectorToolCallResponse {
    let content = match result.get("content") {
        Some(Value::Array(blocks)) => blocks
            .iter()
            .map(|block| {
                serde_json::from_value(block.clone()).unwrap_or(wire::McpContent::Unknown(
                    mistral_edge::model::leaf::Json(block.clone()),
                ))
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut meta = Map::new();
    let is_error = result.get("isError").and_then(Value::as_bool);
    meta.insert("isError".into(), json!(is_error.unwrap_or(false)));
    if let Some(Value::Object(s)) = result.get("structuredContent") {
        meta.insert("structuredContent".into(), Value::Object(s.clone()));
    }
    if let Some(Value::Object(m)) = result.get("_meta") {
        meta.insert("_meta".into(), Value::Object(m.clone()));
    }
    wire::ConnectorToolCallResponse {
        content,
        metadata: serde_json::from_value(json!({ "mcp_meta": meta })).ok(),
    }
}

/// Every tool of the server (following MCP's own pagination).
pub async fn list_tools(target: &Target) -> Result<Vec<wire::McpTool>, ApiError> {
    with_session(target, |mut session| async move {
        let mut tools = Vec::new();
        let mut cursor: Option<String> = None;
        let result = loop {
            let params = match &cursor {
                Some(c) => json!({ "cursor": c }),
                None => json!({}),
            };
            match session.request("tools/list", params).await {
                Ok(page) => {
                    if let Some(Value::Array(more)) = page.get("tools") {
                        tools.extend(more.iter().map(to_wire_tool));
                    }
                    cursor = page
                        .get("nextCursor")
                        .and_then(Value::as_str)
                        .map(str::to_owned);
                    if cursor.is_none() {
                        break Ok(std::mem::take(&mut tools));
                    }
                }
                Err(f) => break Err(f),
            }
        };
        (session, result)
    })
    .await
}

/// Calls one tool with JSON-object arguments.
pub async fn call_tool(
    target: &Target,
    tool: &str,
    arguments: Option<Map<String, Value>>,
) -> Result<wire::ConnectorToolCallResponse, ApiError> {
    let mut params = json!({ "name": tool });
    if let Some(args) = arguments {
        params["arguments"] = Value::Object(args);
    }
    with_session(target, |mut session| async move {
        let result = session.request("tools/call", params).await;
        (session, result)
    })
    .await
    .map(|r| to_wire_result(&r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_answer_in_json_and_in_an_event_stream() {
        let json_body = OutResponse {
            status: 200,
            content_type: Some("application/json".into()),
            body: br#"{"jsonrpc":"2.0","id":2,"result":{"ok":1}}"#.to_vec(),
            ..Default::default()
        };
        assert_eq!(find_answer(&json_body, 2).unwrap()["result"]["ok"], 1);
        assert!(find_answer(&json_body, 3).is_none());
        let stream = OutResponse {
            status: 200,
            content_type: Some("text/event-stream".into()),
            body: b"event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":9}\n\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"bad\"}}\n\n".to_vec(),
            ..Default::default()
        };
        let answer = find_answer(&stream, 1).unwrap();
        assert_eq!(answer["error"]["code"], -32602);
    }

    #[test]
    fn results_keep_unknown_blocks_and_mcp_meta() {
        let r = to_wire_result(&json!({
            "content": [{"type": "text", "text": "hi"}, {"type": "hologram", "x": 1}],
            "isError": true,
            "structuredContent": {"a": 1},
        }));
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["content"][0]["text"], "hi");
        assert_eq!(v["content"][1]["type"], "hologram");
        assert_eq!(v["metadata"]["mcp_meta"]["isError"], true);
        assert_eq!(v["metadata"]["mcp_meta"]["structuredContent"]["a"], 1);
        let t = to_wire_tool(&json!({"name": "echo", "inputSchema": {"type": "object"}}));
        assert_eq!(t.name, "echo");
    }
}
