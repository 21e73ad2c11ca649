//! The plain answer to a text that runs no tool: counting, structured output, or an echo.

use serde_json::{json, Value};

use super::{Speaker, MAX_COUNT};
use crate::tokens;

/// The plain answer to a text: counting, structured output, or an echo.
pub fn plain_reply(speaker: &Speaker, text: &str) -> String {
    let lower = text.to_lowercase();
    let args = speaker.completion_args.as_ref();
    let reply = if let Some(n) = count_to(&lower) {
        let mut s = String::with_capacity(n as usize * 8);
        for i in 1..=n {
            if i > 1 {
                s.push(' ');
            }
            s.push_str(&i.to_string());
        }
        s
    } else if let Some(format) = args.and_then(|a| a.response_format.as_ref()) {
        match format.r#type.as_ref().map(|t| t.as_str()) {
            Some("json_schema") => {
                let schema = format
                    .json_schema
                    .as_ref()
                    .map(|s| Value::Object(s.schema.0.clone()))
                    .unwrap_or(Value::Null);
                crate::fill::fill(&schema, text).to_string()
            }
            Some("json_object") => json!({ "echo": text }).to_string(),
            _ => format!("Echo: {text}"),
        }
    } else {
        format!("Echo: {text}")
    };
    match args.and_then(|a| a.max_tokens) {
        Some(max) if max >= 0 => tokens::truncate(&reply, max as usize).to_owned(),
        _ => reply,
    }
}

fn count_to(lower: &str) -> Option<u64> {
    let at = lower.find("count to ")?;
    let digits: String = lower[at + 9..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let n: u64 = digits.parse().ok()?;
    (n >= 1).then_some(n.min(MAX_COUNT))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mistral_edge::model::wire;
    use serde_json::json;

    #[test]
    fn plain_replies() {
        let s = Speaker {
            model: "m".into(),
            ..Default::default()
        };
        assert_eq!(plain_reply(&s, "Hello"), "Echo: Hello");
        assert_eq!(plain_reply(&s, "Count to 5 please"), "1 2 3 4 5");
        let capped = Speaker {
            completion_args: Some(wire::CompletionArgs {
                max_tokens: Some(2),
                ..serde_json::from_value(json!({})).unwrap()
            }),
            ..s.clone()
        };
        assert_eq!(plain_reply(&capped, "a b c d"), "Echo: a");
    }
}
