//! A tiny MCP server (rmcp's server side, streamable HTTP) on 127.0.0.1 that records the
//! `Authorization` header of every request it gets.

use std::sync::{Arc, Mutex};

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock as Content,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::{StreamableHttpServerConfig, StreamableHttpService};
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::{json, Value};

/// Records the `Authorization` header of every MCP request it gets.
#[derive(Clone, Default)]
struct TestMcp {
    seen: Arc<Mutex<Vec<Option<String>>>>,
}

fn auth_of(ctx: &RequestContext<RoleServer>) -> Option<String> {
    ctx.extensions
        .get::<axum::http::request::Parts>()
        .and_then(|p| p.headers.get("authorization"))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn header_of(ctx: &RequestContext<RoleServer>, name: &str) -> Option<String> {
    ctx.extensions
        .get::<axum::http::request::Parts>()
        .and_then(|p| p.headers.get(name))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn schema(v: Value) -> Arc<serde_json::Map<String, Value>> {
    match v {
        Value::Object(m) => Arc::new(m),
        _ => Arc::new(serde_json::Map::new()),
    }
}

impl ServerHandler for TestMcp {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        ctx: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        self.seen.lock().unwrap().push(auth_of(&ctx));
        Ok(ListToolsResult::with_all_items(vec![
            Tool::new(
                "echo",
                "Echoes a message",
                schema(
                    json!({"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]}),
                ),
            ),
            Tool::new(
                "get_weather",
                "The weather in a city",
                schema(
                    json!({"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}),
                ),
            ),
            Tool::new(
                "whoami",
                "Tells which credentials reached the server",
                schema(json!({"type": "object", "properties": {}})),
            ),
            Tool::new(
                "explode",
                "Always fails",
                schema(json!({"type": "object", "properties": {}})),
            ),
        ]))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        ctx: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let auth = auth_of(&ctx);
        self.seen.lock().unwrap().push(auth.clone());
        let arg = |k: &str| {
            request
                .arguments
                .as_ref()
                .and_then(|a| a.get(k))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let result = match request.name.as_ref() {
            "echo" => {
                CallToolResult::success(vec![Content::text(format!("Echo: {}", arg("message")))])
            }
            "get_weather" => CallToolResult::success(vec![Content::text(format!(
                "Sunny in {}, 21 °C",
                arg("city")
            ))]),
            "whoami" => CallToolResult::success(vec![Content::text(format!(
                "authorization={} x-team={}",
                auth.unwrap_or_else(|| "none".into()),
                header_of(&ctx, "x-team").unwrap_or_else(|| "none".into())
            ))]),
            "explode" => CallToolResult::error(vec![Content::text("boom")]),
            other => {
                return Err(ErrorData::invalid_params(
                    format!("unknown tool {other}"),
                    None,
                ))
            }
        };
        Ok(result.into())
    }
}

/// Starts the MCP server; its URL (`http://127.0.0.1:PORT/mcp`) and what it saw.
pub async fn start_mcp() -> (String, Arc<Mutex<Vec<Option<String>>>>) {
    let server = TestMcp::default();
    let seen = server.seen.clone();
    let service = StreamableHttpService::new(
        move || Ok(server.clone()),
        Arc::new(LocalSessionManager::default()),
        StreamableHttpServerConfig::default(),
    );
    let app = axum::Router::new().nest_service("/mcp", service);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/mcp"), seen)
}
