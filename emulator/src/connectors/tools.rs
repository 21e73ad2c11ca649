//! A connector's MCP tools (listed and called over MCP, `mcp.rs`) and its authentication methods.

use super::*;

pub(super) async fn list_tools(
    State(state): State<AppState>,
    Path(x): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let page = params::int(&q, "page", Some(1), 1, i64::MAX)? as usize;
    let size = params::int(&q, "page_size", Some(100), 1, 1000)? as usize;
    params::boolean(&q, "refresh")?;
    let pretty = params::boolean(&q, "pretty")?.unwrap_or(false);
    let target = state
        .connectors
        .target(&x, None, params::one(&q, "credentials_name"))?
        .ok_or_else(|| deactivated(&x))?;
    let tools = mcp::list_tools(&target).await?;
    let page: Vec<&wire::McpTool> = tools
        .iter()
        .skip((page - 1).saturating_mul(size))
        .take(size)
        .collect();
    if pretty {
        // The short form: what a person reads.
        let short: Vec<Value> = page
            .iter()
            .map(|t| json!({ "name": t.name, "title": t.title, "description": t.description }))
            .collect();
        return Ok(ok(&short));
    }
    Ok(ok(&page))
}

pub(super) async fn call_tool(
    State(state): State<AppState>,
    Path((x, tool)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let req: wire::ConnectorCallToolRequest = if body.iter().all(u8::is_ascii_whitespace) {
        wire::ConnectorCallToolRequest { arguments: None }
    } else {
        let value = params::body(&body)?;
        let mut out = Vec::new();
        check_shape(
            &value,
            <wire::ConnectorCallToolRequest as HasShape>::SHAPE,
            &[Loc::from("body")],
            &mut out,
        );
        validation(out)?;
        params::typed(value)?
    };
    let target = state
        .connectors
        .target(&x, None, params::one(&q, "credentials_name"))?
        .ok_or_else(|| deactivated(&x))?;
    let result = mcp::call_tool(&target, &tool, req.arguments.map(|a| a.0)).await?;
    Ok(ok(&result))
}

pub(super) async fn authentication_methods(
    State(state): State<AppState>,
    Path(x): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.connectors.lock();
    Ok(ok(&found(&store, &x)?.public_methods()))
}
