//! The API's rules, checked before anything is sent. Messages name the field by its
//! JavaScript path and say the rule.

use std::borrow::Cow;

use super::{Operation, Param};
use crate::error::Error;
use crate::json::{Kind, Value};

fn invalid(message: String) -> Error {
    Error::InvalidRequest { message }
}

/// Checks a query parameter (page sizes must be positive).
#[cfg_attr(feature = "conversations-only", allow(dead_code))] // no conversation call has query parameters
pub(super) fn query_param(op: &Operation, param: &Param, value: Value<'_>) -> Result<(), Error> {
    if param.wire == "page_size" {
        let ok = value.as_i64().is_some_and(|n| n > 0);
        if !ok {
            return Err(invalid(format!(
                "`{}` of `{}` must be a positive integer",
                param.js, op.name
            )));
        }
    }
    Ok(())
}

/// Checks a path parameter: consumer scopes are `user`, `workspace` or `organization`.
pub(super) fn path_param(op: &Operation, param: &Param, text: &str) -> Result<(), Error> {
    if param.wire == "consumer_scope" && !matches!(text, "user" | "workspace" | "organization") {
        let hint = if text == "org" {
            " (`org` is spelled `organization` in paths)"
        } else {
            ""
        };
        return Err(invalid(format!(
            "`{}` of `{}` must be \"user\", \"workspace\" or \"organization\"{hint}",
            param.js, op.name
        )));
    }
    Ok(())
}

/// Checks a wire body against the rules of its operation.
pub(super) fn body(op: &Operation, wire: &[u8]) -> Result<(), Error> {
    let body = Value::parse(wire).map_err(|e| invalid(e.to_string()))?;
    #[cfg(not(feature = "conversations-only"))]
    if matches!(op.name, "connectors.create" | "connectors.update") {
        super::connector_rules::check(body)?;
    }
    if op.name.starts_with("conversations.start") {
        let has = |k: &str| body.get(k).is_some_and(|v| !v.is_null());
        match (has("model"), has("agent_id")) {
            (true, true) => return Err(invalid("give `model` or `agentId`, not both".into())),
            (false, false) => {
                return Err(invalid(
                    "give `model` or `agentId`: a conversation needs one".into(),
                ))
            }
            _ => {}
        }
    }
    if let Some(inputs) = body.get("inputs") {
        let empty = match inputs.kind() {
            Kind::String => inputs
                .as_str()
                .is_some_and(|s| s.chars().all(char::is_whitespace)),
            Kind::Array => inputs.items().next().is_none(),
            _ => false,
        };
        if empty {
            return Err(invalid("`inputs` must not be empty".into()));
        }
    }
    if let Some(tools) = body.get("tools") {
        tools_rules(tools.items())?;
    }
    Ok(())
}

/// Rules on a `tools` list: include/exclude, duplicate connectors, and shapes pasted from
/// third-party guides that are not the real API.
pub(crate) fn tools_rules<'a>(tools: impl Iterator<Item = Value<'a>>) -> Result<(), Error> {
    let mut connectors: Vec<(Cow<'a, str>, usize)> = Vec::new();
    for (i, tool) in tools.enumerate() {
        let kind = tool.get("type").and_then(Value::as_str).unwrap_or_default();
        if kind == "document_retrieval" {
            return Err(invalid(format!(
                "`tools[{i}]`: there is no `document_retrieval` tool; did you mean `{{ type: \"document_library\", libraryIds: [...] }}`?"
            )));
        }
        if tool.get("config").is_some() {
            return Err(invalid(format!(
                "`tools[{i}].config` is not part of the API: tools take `toolConfiguration` ({{ include, exclude, requiresConfirmation }}){}",
                if kind == "document_library" { ", and libraries go in `libraryIds`" } else { "" }
            )));
        }
        if let Some(config) = tool.get("tool_configuration") {
            let has = |k: &str| config.get(k).is_some_and(|v| !v.is_null());
            if has("include") && has("exclude") {
                return Err(invalid(format!(
                    "`tools[{i}].toolConfiguration` cannot have both `include` and `exclude`"
                )));
            }
        }
        if kind == "connector" {
            if let Some(id) = tool.get("connector_id").and_then(Value::as_str) {
                if let Some((_, first)) = connectors.iter().find(|(c, _)| *c == id) {
                    return Err(invalid(format!(
                        "connector `{id}` is in `tools` twice (tools[{first}] and tools[{i}])"
                    )));
                }
                connectors.push((id, i));
            }
        }
    }
    Ok(())
}
