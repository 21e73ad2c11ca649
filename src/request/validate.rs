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
                connectors.push((id, i));
            }
        }
    }
    twice(connectors)
}

/// The first connector (in `tools` order) that is there twice, found through a small open-addressed
/// table of FNV-1a hashes: linear, where comparing each with those before it took 100,000 tools
/// 22 s (a sort costs 2.6 KB of the conversations entry; this a few hundred bytes).
fn twice(connectors: Vec<(Cow<'_, str>, usize)>) -> Result<(), Error> {
    let mask = (connectors.len() * 2).next_power_of_two() - 1;
    let mut slots = vec![usize::MAX; mask + 1];
    for (k, (id, i)) in connectors.iter().enumerate() {
        let mut at = fnv1a(id.as_bytes()) & mask;
        while let Some(slot) = slots.get_mut(at) {
            let Some((seen, first)) = connectors.get(*slot) else {
                *slot = k;
                break;
            };
            if seen == id {
                return Err(invalid(format!(
                    "connector `{id}` is in `tools` twice (tools[{first}] and tools[{i}])"
                )));
            }
            at = (at + 1) & mask;
        }
    }
    Ok(())
}

/// FNV-1a over `bytes`, as a table index.
fn fnv1a(bytes: &[u8]) -> usize {
    let hash = bytes.iter().fold(0x811c_9dc5_u32, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    hash as usize
}

#[cfg(test)]
mod tests {
    use super::tools_rules;
    use crate::json::Value;

    fn check(tools: &str) -> Result<(), String> {
        let value = Value::parse(tools.as_bytes()).map_err(|e| e.to_string())?;
        tools_rules(value.items()).map_err(|e| e.to_string())
    }

    fn connector(id: &str) -> String {
        format!(r#"{{"type":"connector","connector_id":"{id}"}}"#)
    }

    /// The first repeat in `tools` order is named with the first place it was at, as the check
    /// that compared each connector with those before it did.
    #[test]
    fn names_the_first_connector_that_is_there_twice() {
        let list = |ids: &[&str]| {
            format!(
                "[{}]",
                ids.iter()
                    .map(|id| connector(id))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        };
        assert!(check(&list(&["a", "b", "c"])).is_ok());
        let error = check(&list(&["x", "y", "y", "z", "x", "y"])).unwrap_err();
        assert!(
            error.contains("connector `y` is in `tools` twice (tools[1] and tools[2])"),
            "{error}"
        );
        let error = check(&list(&["b", "a", "c", "a", "b"])).unwrap_err();
        assert!(
            error.contains("connector `a` is in `tools` twice (tools[1] and tools[3])"),
            "{error}"
        );
    }

    /// 100,000 connectors (22 s when each was compared with those before it): one repeat at
    /// the end is found, and all distinct pass.
    #[test]
    fn a_hundred_thousand_connectors_are_checked_by_sorting() {
        let mut ids: Vec<String> = (0..100_000).map(|i| connector(&format!("c{i}"))).collect();
        assert!(check(&format!("[{}]", ids.join(","))).is_ok());
        ids.push(connector("c7"));
        let error = check(&format!("[{}]", ids.join(","))).unwrap_err();
        assert!(
            error.contains("connector `c7` is in `tools` twice (tools[7] and tools[100000])"),
            "{error}"
        );
    }
}
