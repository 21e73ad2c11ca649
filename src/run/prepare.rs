//! The first request of a run, and the registry of the tools the loop runs.

use std::borrow::Cow;

use super::write::Writer;
use super::{fields, flag, invalid, list, member, parse, string};
use crate::error::Error;
use crate::json::{Kind, Value};

/// A tool the loop runs, for the registry.
struct Entry<'a> {
    name: Cow<'a, str>,
    confirm: bool,
    /// The client-side MCP server that has it (its index in `mcpServers`).
    server: Option<usize>,
    /// A function tool with an `execute` (always true for MCP tools).
    execute: bool,
}

/// The first request of a run. `input` is `{"request", "mcp": [[tool, ...], ...],
/// "outputSchema"?}`: the run's request as JSON (function tools with `"execute": true` where
/// they have one, their `parameters` already JSON Schema), the tools each of its `mcpServers`
/// listed (`{name, description?, inputSchema?}`), and `outputFormat`'s JSON Schema.
///
/// The answer is `{"start", "request", "tools"}`: whether the run starts a conversation
/// (`model` or `agentId`) or appends to one (`conversationId`), the request to send (function
/// tools without `execute` and `requiresConfirmation`, the MCP tools added as function tools, a
/// `json_schema` response format; only a model conversation's start sends tools: an agent has
/// its own, and a conversation that continues keeps them), and
/// the registry, `[{"name", "confirm", "server", "execute"}]` (`server`: the MCP server's index,
/// `null` for a function tool).
///
/// # Errors
///
/// The request is not an object; a function tool has no name; two tools have the same name;
/// an MCP server has both `include` and `exclude`; `outputFormat` with a `responseFormat`.
pub fn prepare(input: &str) -> Result<String, Error> {
    let input = parse(input, "the run's request")?;
    let request = member(input, "request")
        .filter(|r| r.kind() == Kind::Object)
        .ok_or_else(|| invalid("the request of `run` must be an object"))?;
    let start = member(request, "conversationId").is_none();
    // Tools go on the wire when a model conversation starts: an agent has its own, and a
    // conversation that continues keeps them; `tools` then only implement function tools.
    let send = start && member(request, "agentId").is_none();
    let output = member(input, "outputSchema");
    let mut registry = Vec::new();
    let mut w = Writer::default();
    w.open().key("start").bool(start).key("request").open();
    let mut wrote_tools = false;
    let mut wrote_args = false;
    for (key, value) in fields(Some(request)) {
        match key.as_ref() {
            "mcpServers" | "outputFormat" => {}
            "tools" => {
                if send {
                    w.key("tools").open_array();
                }
                function_tools(&mut w, value, send, &mut registry)?;
                mcp_tools(&mut w, member(input, "mcp"), request, send, &mut registry)?;
                if send {
                    w.close_array();
                }
                wrote_tools = true;
            }
            "completionArgs" if output.is_some() => {
                completion_args(&mut w, Some(value), output)?;
                wrote_args = true;
            }
            _ => {
                w.key(&key).raw(value.raw());
            }
        }
    }
    let servers = list(member(request, "mcpServers")).len();
    if !wrote_tools && servers > 0 {
        if send {
            w.key("tools").open_array();
        }
        mcp_tools(&mut w, member(input, "mcp"), request, send, &mut registry)?;
        if send {
            w.close_array();
        }
    }
    if output.is_some() && !wrote_args {
        completion_args(&mut w, None, output)?;
    }
    w.close().key("tools").open_array();
    for t in &registry {
        w.open()
            .key("name")
            .string(&t.name)
            .key("confirm")
            .bool(t.confirm);
        w.key("server");
        match t.server {
            Some(i) => w.raw(&i.to_string()),
            None => w.raw("null"),
        };
        w.key("execute").bool(t.execute).close();
    }
    w.close_array().close();
    Ok(w.finish())
}

/// Writes the request's tools (when `send`), function tools without the loop's own members,
/// and adds the function tools to the registry.
fn function_tools<'a>(
    w: &mut Writer,
    tools: Value<'a>,
    send: bool,
    registry: &mut Vec<Entry<'a>>,
) -> Result<(), Error> {
    if tools.kind() != Kind::Array {
        return Err(invalid("`tools` must be an array"));
    }
    for (i, tool) in list(Some(tools)).into_iter().enumerate() {
        if string(tool, "type").as_deref() != Some("function") {
            if send {
                w.raw(tool.raw());
            }
            continue;
        }
        let name = member(tool, "function")
            .and_then(|f| string(f, "name"))
            .ok_or_else(|| invalid(format!("`tools[{i}].function.name` must be a string")))?;
        add(
            registry,
            Entry {
                name,
                confirm: flag(tool, "requiresConfirmation") == Some(true),
                server: None,
                execute: flag(tool, "execute") == Some(true),
            },
        )?;
        if send {
            w.open();
            for (key, value) in fields(Some(tool)) {
                if key != "execute" && key != "requiresConfirmation" {
                    w.key(&key).raw(value.raw());
                }
            }
            w.close();
        }
    }
    Ok(())
}

/// Adds a tool to the registry; two tools with one name are an error.
fn add<'a>(registry: &mut Vec<Entry<'a>>, entry: Entry<'a>) -> Result<(), Error> {
    if registry.iter().any(|t| t.name == entry.name) {
        return Err(invalid(format!(
            "two tools are named `{}`: the model could not tell them apart",
            entry.name
        )));
    }
    registry.push(entry);
    Ok(())
}

/// Writes (when `send`) the tools the MCP servers listed that their `include` / `exclude`
/// allow (and whose names the API takes), as function tools, and adds them to the registry.
fn mcp_tools<'a>(
    w: &mut Writer,
    listed: Option<Value<'a>>,
    request: Value<'a>,
    send: bool,
    registry: &mut Vec<Entry<'a>>,
) -> Result<(), Error> {
    let servers = list(member(request, "mcpServers"));
    let lists = list(listed);
    for (i, server) in servers.iter().enumerate() {
        let names = |key: &str| -> Option<Vec<Cow<'a, str>>> {
            let names = member(*server, key)?;
            Some(
                list(Some(names))
                    .into_iter()
                    .filter_map(Value::as_str)
                    .collect(),
            )
        };
        let (include, exclude) = (names("include"), names("exclude"));
        if include.is_some() && exclude.is_some() {
            return Err(invalid(format!(
                "`mcpServers[{i}]` has both `include` and `exclude`: give one"
            )));
        }
        let confirm_all = flag(*server, "requiresConfirmation") == Some(true);
        let confirm = names("requiresConfirmation").unwrap_or_default();
        for tool in list(lists.get(i).copied()) {
            let Some(name) = string(tool, "name").filter(|n| callable(n)) else {
                continue;
            };
            let allowed = include.as_ref().is_none_or(|n| n.contains(&name))
                && !exclude.as_ref().is_some_and(|n| n.contains(&name));
            if !allowed {
                continue;
            }
            if send {
                w.open()
                    .key("type")
                    .string("function")
                    .key("function")
                    .open();
                w.key("name").string(&name);
                if let Some(d) = member(tool, "description").filter(|d| d.kind() == Kind::String) {
                    w.key("description").raw(d.raw());
                }
                w.key("parameters");
                match member(tool, "inputSchema").filter(|s| s.kind() == Kind::Object) {
                    Some(schema) => w.raw(schema.raw()),
                    None => w.raw(r#"{"type":"object","properties":{}}"#),
                };
                w.close().close();
            }
            let confirm = confirm_all || confirm.contains(&name);
            add(
                registry,
                Entry {
                    name,
                    confirm,
                    server: Some(i),
                    execute: true,
                },
            )?;
        }
    }
    Ok(())
}

/// Whether the API takes `name` as a function's name: 1 to 64 ASCII letters, digits, `_` and
/// `-`. An MCP tool named otherwise is left out: the model could never call it, and offering it
/// would fail the whole request.
fn callable(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Writes `completionArgs` with `outputFormat`'s schema as its `json_schema` response format.
fn completion_args(
    w: &mut Writer,
    args: Option<Value<'_>>,
    schema: Option<Value<'_>>,
) -> Result<(), Error> {
    w.key("completionArgs").open();
    for (key, value) in fields(args) {
        if key == "responseFormat" && !value.is_null() {
            return Err(invalid(
                "`outputFormat` and `completionArgs.responseFormat` both set the response format: give one",
            ));
        }
        w.key(&key).raw(value.raw());
    }
    if let Some(schema) = schema {
        let name = string(schema, "title")
            .filter(|t| !t.is_empty() && t.len() <= 64)
            .unwrap_or(Cow::Borrowed("output"));
        w.key("responseFormat")
            .open()
            .key("type")
            .string("json_schema");
        w.key("jsonSchema").open().key("name").string(&name);
        w.key("schemaDefinition")
            .raw(schema.raw())
            .key("strict")
            .bool(true);
        w.close().close();
    }
    w.close();
    Ok(())
}

#[cfg(test)]
mod tests;
