//! The scripted model's rules for function-calling loops (`run` / `runStream` in the client),
//! each documented in `emulator/README.md` ("Function-calling loops"):
//!
//! * **chains** — the text is split at " then " into stages; the first turn calls the functions
//!   the first stage names, and each turn answered with `function.result`s calls those the next
//!   stage names (arguments filled from that stage), until a stage names none;
//! * **a model that keeps calling** — "keep calling": every turn answered with results calls the
//!   same functions again with the same arguments, without end;
//! * **bad arguments** — "bad arguments": every property of the arguments has the wrong JSON
//!   type; "broken arguments": the arguments are not JSON;
//! * **a function no tool has** — "unknown function": the turn also calls
//!   [`UNKNOWN_FUNCTION`], which no tool of the request is named.
//!
//! `model.rs` asks [`stage`], [`arguments`] and [`follow_up`].

use mistral_edge::model::wire::{Entry, Tool};
use serde_json::{Map, Value};

use crate::fill::fill;
use crate::model::{content_text, names_function};

/// The text's stages: split at " then " (any case).
fn stages(text: &str) -> Vec<&str> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(at) = lower.get(start..).and_then(|rest| rest.find(" then ")) {
        out.push(text.get(start..start + at).unwrap_or_default());
        start += at + " then ".len();
    }
    out.push(text.get(start..).unwrap_or_default());
    out
}

/// The part of the text the first turn's function calls come from: its first stage.
pub fn stage(text: &str) -> &str {
    stages(text).first().copied().unwrap_or(text)
}

/// The function a model asked for an "unknown function" calls: no tool has this name.
pub const UNKNOWN_FUNCTION: &str = "no_such_function";

/// Whether the text (lowercase) asks for a call to a function no tool has.
pub fn calls_unknown(lower: &str) -> bool {
    lower.contains("unknown function")
}

/// A function call's arguments (a JSON string) for `schema`, filled from `text`; wrong on
/// purpose when the whole message asks for "bad arguments" or "broken arguments".
pub fn arguments(schema: &Value, text: &str, whole: &str) -> String {
    let lower = whole.to_lowercase();
    if lower.contains("broken arguments") {
        return r#"{"broken": "#.to_owned();
    }
    if lower.contains("bad arguments") {
        return wrong(schema).to_string();
    }
    fill(schema, text).to_string()
}

/// An object giving every property of `schema` a value of another JSON type.
fn wrong(schema: &Value) -> Value {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Value::String("not an object".into());
    };
    let mut out = Map::new();
    for (name, property) in properties {
        let bad = match property.get("type").and_then(Value::as_str) {
            Some("string") => Value::from(42),
            Some("integer" | "number") => Value::from("not a number"),
            Some("boolean") => Value::from("yes"),
            Some("array") => Value::Object(Map::new()),
            _ => Value::Array(Vec::new()),
        };
        out.insert(name.clone(), bad);
    }
    Value::Object(out)
}

/// A call to make: the function's name and its arguments (a JSON string).
pub type Call = (String, String);

/// The calls of a turn whose inputs answer earlier calls with `function.result`s (and hold no
/// user message): the next stage's functions, or the last turn's calls again ("keep calling").
/// Empty when the model should answer in words.
pub fn follow_up(history: &[Entry], inputs: &[Entry], tools: &[Tool]) -> Vec<Call> {
    let answers = inputs.iter().any(|e| matches!(e, Entry::FunctionResult(_)));
    let user = inputs
        .iter()
        .any(|e| matches!(e, Entry::MessageInput(m) if m.role.as_str() == "user"));
    if !answers || user {
        return Vec::new();
    }
    // The user's message that began these turns, and the groups of calls made since.
    let Some(at) = history
        .iter()
        .rposition(|e| matches!(e, Entry::MessageInput(m) if m.role.as_str() == "user"))
    else {
        return Vec::new();
    };
    let Some(Entry::MessageInput(message)) = history.get(at) else {
        return Vec::new();
    };
    let text = content_text(&message.content);
    let mut groups: Vec<Vec<Call>> = Vec::new();
    let mut previous_was_call = false;
    for e in history.get(at + 1..).unwrap_or_default() {
        if let Entry::FunctionCall(c) = e {
            if !previous_was_call {
                groups.push(Vec::new());
            }
            let arguments = match &c.arguments.0 {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if let Some(group) = groups.last_mut() {
                group.push((c.name.clone(), arguments));
            }
            previous_was_call = true;
        } else {
            previous_was_call = false;
        }
    }
    if text.to_lowercase().contains("keep calling") {
        return groups.pop().unwrap_or_default();
    }
    let Some(next) = stages(&text).get(groups.len()).copied() else {
        return Vec::new();
    };
    let lower = next.to_lowercase();
    tools
        .iter()
        .filter_map(|t| match t {
            Tool::Function(f) if names_function(&lower, &f.function.name) => {
                let schema = Value::Object(f.function.parameters.0.clone());
                Some((f.function.name.clone(), arguments(&schema, next, &text)))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stages_split_at_then() {
        assert_eq!(
            stages("Weather in Paris THEN time in Tokyo"),
            ["Weather in Paris", "time in Tokyo"]
        );
        assert_eq!(stages("no stages"), ["no stages"]);
        assert_eq!(stage("a then b then c"), "a");
    }

    #[test]
    fn arguments_can_be_wrong_on_purpose() {
        let schema = json!({"type": "object", "properties": {"city": {"type": "string"}, "days": {"type": "integer"}}});
        assert_eq!(
            arguments(&schema, "Weather in Paris", "Weather in Paris"),
            r#"{"city":"Paris","days":0}"#
        );
        assert_eq!(
            arguments(&schema, "x", "weather with bad arguments"),
            r#"{"city":42,"days":"not a number"}"#
        );
        let broken = arguments(&schema, "x", "weather with broken arguments");
        assert!(serde_json::from_str::<Value>(&broken).is_err());
    }
}
