//! The MCP side of connectors: lists and calls the tools of a connector's server over MCP
//! streamable HTTP with the `rmcp` crate's client. Each operation opens a session
//! (`initialize`), does its one request and closes the session again, so nothing about a
//! request (its bearer token in particular) outlives it.
//!
//! Failures map to the API's error envelope: a server that cannot be reached or that breaks
//! the protocol is a `502` (`type: "connector_error"`); a JSON-RPC error the server answers
//! (an unknown tool, bad arguments) is a `400` carrying its code and message.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, StatusCode};
use mistral_edge::model::leaf::JsonObject;
use mistral_edge::model::wire;
use rmcp::model::{CallToolRequestParams, CallToolResult, Tool};
use rmcp::service::{RoleClient, RunningService, ServiceError};
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;
use rmcp::transport::StreamableHttpClientTransport;
use rmcp::ServiceExt;
use serde_json::{json, Map, Value};

use crate::error::ApiError;

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

fn service_error(target: &Target, error: ServiceError) -> ApiError {
    match error {
        ServiceError::McpError(e) => {
            let mut api = ApiError::bad_request(format!(
                "Connector `{}`: MCP error {}: {}",
                target.connector, e.code.0, e.message
            ));
            if let Value::Object(map) = &mut api.body {
                map.insert("code".into(), json!(e.code.0));
            }
            api
        }
        other => connector_error(target, format_args!("failed: {other}")),
    }
}

type Client = RunningService<RoleClient, ()>;

/// One HTTP client for every MCP request: no proxy (the servers are local, and an
/// `HTTP_PROXY` in the environment must not capture loopback traffic), no idle connections kept.
fn http_client(target: &Target) -> Result<reqwest::Client, ApiError> {
    static CLIENT: OnceLock<Result<reqwest::Client, String>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .no_proxy()
                .pool_max_idle_per_host(0)
                .build()
                .map_err(|e| e.to_string())
        })
        .clone()
        .map_err(|e| connector_error(target, format_args!("could not be reached: {e}")))
}

async fn connect(target: &Target) -> Result<Client, ApiError> {
    let mut config = StreamableHttpClientTransportConfig::with_uri(target.url.clone());
    if let Some(token) = &target.bearer {
        config = config.auth_header(token.clone());
    }
    let mut custom = HashMap::new();
    for (name, value) in &target.headers {
        if RESERVED.contains(&name.to_ascii_lowercase().as_str()) {
            continue;
        }
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            custom.insert(n, v);
        }
    }
    if !custom.is_empty() {
        config = config.custom_headers(custom);
    }
    let transport = StreamableHttpClientTransport::with_client(http_client(target)?, config);
    ().serve(transport)
        .await
        .map_err(|e| connector_error(target, format_args!("could not be reached: {e}")))
}

/// Runs `op` on a fresh session with the server, then closes it; the whole within [`TIMEOUT`].
async fn with_session<T, F, Fut>(target: &Target, op: F) -> Result<T, ApiError>
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = (Client, Result<T, ServiceError>)>,
{
    let work = async {
        let client = connect(target).await?;
        let (client, result) = op(client).await;
        // Ends the session (the transport sends DELETE); failures there do not matter.
        let _ = client.cancel().await;
        result.map_err(|e| service_error(target, e))
    };
    match tokio::time::timeout(TIMEOUT, work).await {
        Ok(result) => result,
        Err(_) => Err(connector_error(
            target,
            format_args!("did not answer within {} s", TIMEOUT.as_secs()),
        )),
    }
}

/// An MCP tool as the API shows it (`MCPTool`, MCP's own camelCase keys).
pub fn to_wire_tool(tool: &Tool) -> wire::McpTool {
    let value = serde_json::to_value(tool).unwrap_or(Value::Null);
    serde_json::from_value(value).unwrap_or_else(|_| wire::McpTool {
        name: tool.name.to_string(),
        title: None,
        description: tool.description.as_ref().map(|d| d.to_string()),
        inputSchema: JsonObject((*tool.input_schema).clone()),
        outputSchema: None,
        icons: None,
        annotations: None,
        _meta: None,
        execution: None,
    })
}

/// A tool result as the API shows it (`ConnectorToolCallResponse`): the content blocks as
/// MCP spells them, and MCP's `isError`, `structuredContent` and `_meta` under
/// `metadata.mcp_meta`.
pub fn to_wire_result(result: &CallToolResult) -> wire::ConnectorToolCallResponse {
    let content = result
        .content
        .iter()
        .map(|block| {
            let value = serde_json::to_value(block).unwrap_or(Value::Null);
            serde_json::from_value(value.clone()).unwrap_or(wire::McpContent::Unknown(
                mistral_edge::model::leaf::Json(value),
            ))
        })
        .collect();
    let mut meta = Map::new();
    meta.insert("isError".into(), json!(result.is_error.unwrap_or(false)));
    if let Some(Value::Object(s)) = &result.structured_content {
        meta.insert("structuredContent".into(), Value::Object(s.clone()));
    }
    if let Some(m) = &result.meta {
        if let Ok(Value::Object(m)) = serde_json::to_value(m) {
            meta.insert("_meta".into(), Value::Object(m));
        }
    }
    wire::ConnectorToolCallResponse {
        content,
        metadata: serde_json::from_value(json!({ "mcp_meta": meta })).ok(),
    }
}

/// Every tool of the server (following MCP's own pagination).
pub async fn list_tools(target: &Target) -> Result<Vec<wire::McpTool>, ApiError> {
    with_session(target, |client| async move {
        let result = client.list_all_tools().await;
        (client, result)
    })
    .await
    .map(|tools| tools.iter().map(to_wire_tool).collect())
}

/// Calls one tool with JSON-object arguments.
pub async fn call_tool(
    target: &Target,
    tool: &str,
    arguments: Option<Map<String, Value>>,
) -> Result<wire::ConnectorToolCallResponse, ApiError> {
    let mut params = CallToolRequestParams::new(tool.to_owned());
    params.arguments = arguments;
    with_session(target, |client| async move {
        let result = client.call_tool(params).await;
        (client, result)
    })
    .await
    .map(|r| to_wire_result(&r))
}
