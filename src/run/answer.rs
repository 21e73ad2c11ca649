//! The next input of the loop, and the usage summed over its steps.

use super::write::Writer;
use super::{fields, flag, invalid, list, member, parse, string};
use crate::error::Error;
use crate::json::{Kind, Value};

/// The text a call's result is sent as: a string as it is, any other JSON value as JSON.
pub fn result_text(value: Value<'_>) -> String {
    match value.kind() {
        Kind::String => value.as_str().unwrap_or_default().into_owned(),
        _ => value.to_compact().into_owned(),
    }
}

/// The result sent for a call that was not run: `{"error": message}`.
fn error_text(message: &str) -> String {
    let mut w = Writer::default();
    w.open().key("error").string(message).close();
    w.finish()
}

/// The append that answers a step's calls. `input` is `{"conversationId", "answers": [...]}`,
/// one answer per open call in call order, each `{"toolCallId"}` and one of `"value"` (what
/// the function returned), `"error"` (why it failed, or was not run), `"denied": true` (a
/// client-side call refused) or `"confirmation": "allow" | "deny"` (a server-side call). The
/// answer is the append request: `{"conversationId", "inputs": [function.result, ...]?,
/// "toolConfirmations": [...]?}`, in one request.
///
/// # Errors
///
/// `input` is not such an object.
pub fn answer(input: &str) -> Result<String, Error> {
    let input = parse(input, "the answers")?;
    let conversation = string(input, "conversationId")
        .ok_or_else(|| invalid("the run has no conversationId to append to"))?;
    let mut results = Writer::default();
    let mut confirmations = Writer::default();
    for (i, a) in list(member(input, "answers")).into_iter().enumerate() {
        let id = string(a, "toolCallId")
            .ok_or_else(|| invalid(format!("answer {i} has no toolCallId")))?;
        if let Some(confirmation) = string(a, "confirmation") {
            let confirmation = if confirmation == "allow" {
                "allow"
            } else {
                "deny"
            };
            confirmations.open().key("toolCallId").string(&id);
            confirmations
                .key("confirmation")
                .string(confirmation)
                .close();
            continue;
        }
        let result = if let Some(message) = string(a, "error") {
            error_text(&message)
        } else if flag(a, "denied") == Some(true) {
            error_text("the user denied this call: it was not run")
        } else {
            a.get("value")
                .map_or_else(|| "null".to_owned(), result_text)
        };
        results.open().key("type").string("function.result");
        results
            .key("toolCallId")
            .string(&id)
            .key("result")
            .string(&result)
            .close();
    }
    let (results, confirmations) = (results.finish(), confirmations.finish());
    let mut w = Writer::default();
    w.open().key("conversationId").string(&conversation);
    if !results.is_empty() {
        w.key("inputs").open_array().raw(&results).close_array();
    }
    if !confirmations.is_empty() {
        w.key("toolConfirmations")
            .open_array()
            .raw(&confirmations)
            .close_array();
    }
    w.close();
    Ok(w.finish())
}

/// `total` (a usage, or `null` before the first step) plus `step`'s usage: the token counts
/// added, `connectorTokens` and `connectors` (per tool) added where either has them.
///
/// # Errors
///
/// Either is not JSON.
pub fn add_usage(total: &str, step: &str) -> Result<String, Error> {
    let total = parse(total, "the usage")?;
    let step = parse(step, "the step's usage")?;
    let count = |v: Value<'_>, key: &str| member(v, key).and_then(Value::as_i64);
    let mut w = Writer::default();
    w.open();
    for key in [
        "promptTokens",
        "completionTokens",
        "totalTokens",
        "connectorTokens",
    ] {
        let (a, b) = (count(total, key), count(step, key));
        if a.is_some() || b.is_some() || key != "connectorTokens" {
            let sum = a.unwrap_or(0).saturating_add(b.unwrap_or(0));
            w.key(key).raw(&sum.to_string());
        }
    }
    let mut per_tool: Vec<(String, i64)> = Vec::new();
    for usage in [total, step] {
        for (name, n) in fields(member(usage, "connectors")) {
            let n = n.as_i64().unwrap_or(0);
            match per_tool.iter_mut().find(|(k, _)| *k == name) {
                Some((_, sum)) => *sum = sum.saturating_add(n),
                None => per_tool.push((name.into_owned(), n)),
            }
        }
    }
    if !per_tool.is_empty() {
        w.key("connectors").open();
        for (name, n) in &per_tool {
            w.key(name).raw(&n.to_string());
        }
        w.close();
    }
    w.close();
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_strings_as_they_are_and_json_otherwise() {
        let text = |json: &str| result_text(Value::parse(json.as_bytes()).unwrap());
        assert_eq!(text(r#""sunny""#), "sunny");
        assert_eq!(text(r#"{ "celsius": 21 }"#), r#"{"celsius":21}"#);
        assert_eq!(text("[1, 2]"), "[1,2]");
        assert_eq!(text("null"), "null");
        assert_eq!(text("3.5"), "3.5");
    }

    #[test]
    fn one_append_answers_every_call_in_order() {
        let input = r#"{"conversationId":"conv_1","answers":[
            {"toolCallId":"b","value":{"celsius":21}},
            {"toolCallId":"a","error":"get_time failed: boom"},
            {"toolCallId":"s","confirmation":"allow"},
            {"toolCallId":"c","denied":true},
            {"toolCallId":"d","value":"plain"},
            {"toolCallId":"t","confirmation":"deny"},
            {"toolCallId":"e"}]}"#;
        let out = answer(input).unwrap();
        assert_eq!(
            out,
            concat!(
                r#"{"conversationId":"conv_1","inputs":["#,
                r#"{"type":"function.result","toolCallId":"b","result":"{\"celsius\":21}"},"#,
                r#"{"type":"function.result","toolCallId":"a","result":"{\"error\":\"get_time failed: boom\"}"},"#,
                r#"{"type":"function.result","toolCallId":"c","result":"{\"error\":\"the user denied this call: it was not run\"}"},"#,
                r#"{"type":"function.result","toolCallId":"d","result":"plain"},"#,
                r#"{"type":"function.result","toolCallId":"e","result":"null"}],"#,
                r#""toolConfirmations":[{"toolCallId":"s","confirmation":"allow"},"#,
                r#"{"toolCallId":"t","confirmation":"deny"}]}"#
            )
        );
    }

    #[test]
    fn only_confirmations_send_no_inputs() {
        let out = answer(
            r#"{"conversationId":"c","answers":[{"toolCallId":"s","confirmation":"allow"}]}"#,
        );
        assert_eq!(
            out.unwrap(),
            r#"{"conversationId":"c","toolConfirmations":[{"toolCallId":"s","confirmation":"allow"}]}"#
        );
    }

    #[test]
    fn an_answer_needs_a_conversation_and_ids() {
        assert!(answer(r#"{"answers":[]}"#).is_err());
        let err = answer(r#"{"conversationId":"c","answers":[{"value":1}]}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid request: answer 0 has no toolCallId"
        );
        assert!(answer("{").is_err());
    }

    #[test]
    fn usage_adds_up_over_steps() {
        let first = add_usage(
            "null",
            r#"{"promptTokens":10,"completionTokens":4,"totalTokens":14}"#,
        )
        .unwrap();
        assert_eq!(
            first,
            r#"{"promptTokens":10,"completionTokens":4,"totalTokens":14}"#
        );
        let second = add_usage(
            &first,
            r#"{"promptTokens":20,"completionTokens":6,"totalTokens":26,"connectorTokens":30,"connectors":{"web_search":1}}"#,
        )
        .unwrap();
        assert_eq!(
            second,
            r#"{"promptTokens":30,"completionTokens":10,"totalTokens":40,"connectorTokens":30,"connectors":{"web_search":1}}"#
        );
        let third = add_usage(
            &second,
            r#"{"promptTokens":1,"completionTokens":1,"totalTokens":2,"connectorTokens":60,"connectors":{"web_search":1,"my_wiki":1}}"#,
        )
        .unwrap();
        assert_eq!(
            third,
            r#"{"promptTokens":31,"completionTokens":11,"totalTokens":42,"connectorTokens":90,"connectors":{"web_search":2,"my_wiki":1}}"#
        );
    }
}
