//! The API's rules, checked before anything is sent. Messages name the field by its
//! JavaScript path and say the rule.

use std::borrow::Cow;

use super::{Operation, Param};
use crate::error::Error;
use crate::json::{Kind, Value};

fn invalid(message: String) -> Error {
    Error::InvalidRequest { message }
}

/// The largest integer a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
#[cfg_attr(feature = "conversations-only", allow(dead_code))]
const SAFE: i64 = (1 << 53) - 1;

/// Checks an integer query parameter against its documented range (Mistral's OpenAPI spec:
/// `page_size` is 1 to 1000 or 1 to 100 where it says so, `page` at least 0 where it says so,
/// a file's signed URL lasts 1 to 168 hours); page sizes are positive everywhere.
#[cfg_attr(feature = "conversations-only", allow(dead_code))] // no conversation call has query parameters
pub(super) fn query_param(op: &Operation, param: &Param, value: Value<'_>) -> Result<(), Error> {
    let (lowest, highest, rule) = match (param.wire, op.name) {
        ("page_size", "agents.list" | "agents.listPages" | "connectors.list") => {
            (1, 1000, "an integer from 1 to 1000")
        }
        ("page_size", "agents.listVersions" | "libraries.list" | "libraries.documents.list") => {
            (1, 100, "an integer from 1 to 100")
        }
        ("page_size", _) => (1, SAFE, "a positive integer"),
        ("page", "agents.list" | "agents.listVersions" | "libraries.documents.list") => {
            (0, SAFE, "an integer of at least 0")
        }
        ("expiry", _) => (1, 168, "an integer from 1 to 168 (hours)"),
        ("page" | "version" | "page_start" | "page_end", _) => (-SAFE, SAFE, "an integer"),
        ("agent_version", _) if value.kind() == Kind::Number => {
            (-SAFE, SAFE, "an integer or an alias")
        }
        _ => return Ok(()),
    };
    if value.as_i64().is_some_and(|n| lowest <= n && n <= highest) {
        return Ok(());
    }
    Err(invalid(format!(
        "`{}` of `{}` must be {rule}",
        param.js, op.name
    )))
}

/// The documented range of a number field a caller sends, by its wire name (Mistral's OpenAPI
/// spec: `CompletionArgs`, and a library's `chunk_size` on create): the lowest and highest values
/// (`SAFE`: none) and the rule in words. The transcoder asks it for every number field it reads
/// from a caller ([`to_wire`](crate::json::to_wire)), so the error names the field by its path.
#[cfg(not(feature = "conversations-only"))]
pub(crate) fn range_of(wire: &str) -> Option<(i64, i64, &'static str)> {
    Some(match wire {
        "presence_penalty" | "frequency_penalty" => (-2, 2, "between -2 and 2"),
        "temperature" | "top_p" => (0, 1, "between 0 and 1"),
        "max_tokens" | "random_seed" => (0, SAFE, "at least 0"),
        "chunk_size" => (256, 32_768, "between 256 and 32768"),
        _ => return None,
    })
}

/// Whether the JSON number `text` is within `lowest..=highest`, read without the float parser
/// (kilobytes of wasm): its digits as an `f64`, scaled by their power of ten in one rounding,
/// which is exact for the numbers JavaScript writes near these bounds (at most 17 digits, the
/// shortest text that reads back as the number).
#[cfg(not(feature = "conversations-only"))]
#[inline(never)]
pub(crate) fn within(text: &[u8], lowest: i64, highest: i64) -> bool {
    let (mut value, mut scale, mut exponent) = (0.0_f64, 0_i32, 0_i32);
    let (mut negative, mut fraction, mut in_exponent, mut tiny) = (false, false, false, false);
    for &b in text {
        match b {
            b'.' => fraction = true,
            b'e' | b'E' => in_exponent = true,
            b'-' if in_exponent => tiny = true,
            b'-' => negative = true,
            b'0'..=b'9' if in_exponent => {
                exponent = (exponent * 10 + i32::from(b - b'0')).min(9999);
            }
            b'0'..=b'9' => {
                value = value * 10.0 + f64::from(b - b'0');
                scale -= i32::from(fraction);
            }
            _ => {}
        }
    }
    let shift = scale + if tiny { -exponent } else { exponent };
    let power = 10_f64.powi(shift.abs());
    let magnitude = if value == 0.0 {
        0.0 // not 0 × ∞
    } else if shift < 0 {
        value / power
    } else {
        value * power
    };
    let value = if negative { -magnitude } else { magnitude };
    lowest as f64 <= value && value <= highest as f64
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
    use super::{tools_rules, within};
    use crate::json::Value;

    fn inside(number: &str, lowest: i64, highest: i64) -> bool {
        within(
            Value::parse(number.as_bytes()).unwrap().raw().as_bytes(),
            lowest,
            highest,
        )
    }

    /// Ranges are decided exactly from the digits, fractions and exponents included, at the
    /// bounds and far past them.
    #[test]
    fn numbers_are_compared_with_their_range_exactly() {
        for (number, expected) in [
            ("0", true),
            ("-0", true),
            ("-0.0", true),
            ("1", true),
            ("1.0", true),
            ("1e0", true),
            ("0.1e1", true),
            ("10e-1", true),
            ("100E-2", true),
            ("0.9999999999999999", true),
            ("0.5", true),
            ("5e-324", true),
            ("1e-400", true),
            ("1.0000000000000002", false),
            ("1.5", false),
            ("2", false),
            ("1e1", false),
            ("0.11e1", false),
            ("1e400", false),
            ("0e99999", true),
            ("0.0e-99999", true),
            ("1e99999999999999999999", false),
            ("123456789012345678901234567890", false),
            ("-1e-9", false),
            ("-0.000001", false),
            ("-1", false),
        ] {
            assert_eq!(inside(number, 0, 1), expected, "{number} in 0..=1");
        }
        for (number, expected) in [
            ("-2", true),
            ("-2.0", true),
            ("-0.2e1", true),
            ("2", true),
            ("1.99", true),
            ("-2.0000001", false),
            ("2.0000001", false),
            ("-3", false),
            ("-20e-1", true),
            ("-21e-1", false),
        ] {
            assert_eq!(inside(number, -2, 2), expected, "{number} in -2..=2");
        }
        assert!(inside("256", 256, 32_768) && inside("32768", 256, 32_768));
        assert!(!inside("255", 256, 32_768) && !inside("32769", 256, 32_768));
        assert!(inside("9007199254740991", 0, super::SAFE));
        assert!(!inside("-1", 0, super::SAFE));
    }

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
