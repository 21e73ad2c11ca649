//! Fills a JSON Schema with values taken from the user's text, deterministically: how the
//! scripted model writes function arguments, connector arguments and structured answers.
//!
//! * `string`: the first `enum` value; for properties named like `query`, `text`, `prompt`,
//!   `message`, `question`, `input`, `content` or `code`, the whole text; otherwise the text's last
//!   capitalised word (`"Weather in Paris?"` → `"Paris"`), or its last word.
//! * `integer` / `number`: the first number in the text, else 0.
//! * `boolean`: true. `array`: `[]`, or one filled item for arrays of strings. `object`: its
//!   properties filled the same way. `null` or no type: null.

use serde_json::{Map, Value};

const WHOLE_TEXT: &[&str] = &[
    "query", "text", "prompt", "message", "question", "input", "content", "code", "q",
];

/// A value for `schema` drawn from `text`.
pub fn fill(schema: &Value, text: &str) -> Value {
    fill_named(schema, "", text, 0)
}

fn fill_named(schema: &Value, name: &str, text: &str, depth: usize) -> Value {
    if depth > 8 {
        return Value::Null;
    }
    if let Some(Value::Array(options)) = schema.get("enum") {
        if let Some(first) = options.first() {
            return first.clone();
        }
    }
    if let Some(c) = schema.get("const") {
        return c.clone();
    }
    if let Some(d) = schema.get("default") {
        return d.clone();
    }
    let kind = match schema.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ if schema.get("properties").is_some() => "object",
        _ => {
            // anyOf / oneOf: the first alternative.
            let first = ["anyOf", "oneOf"].iter().find_map(|k| {
                schema
                    .get(*k)
                    .and_then(Value::as_array)
                    .and_then(|a| a.first())
            });
            return match first {
                Some(s) => fill_named(s, name, text, depth + 1),
                None => Value::Null,
            };
        }
    };
    match kind {
        "string" => Value::String(string_for(name, text)),
        "integer" => Value::from(first_number(text).map(|n| n as i64).unwrap_or(0)),
        "number" => first_number(text)
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or_else(|| Value::from(0)),
        "boolean" => Value::Bool(true),
        "array" => match schema.get("items") {
            Some(items) if items.get("type").and_then(Value::as_str) == Some("string") => {
                Value::Array(vec![fill_named(items, name, text, depth + 1)])
            }
            _ => Value::Array(Vec::new()),
        },
        "object" => {
            let mut out = Map::new();
            if let Some(Value::Object(props)) = schema.get("properties") {
                for (key, sub) in props {
                    out.insert(key.clone(), fill_named(sub, key, text, depth + 1));
                }
            }
            Value::Object(out)
        }
        _ => Value::Null,
    }
}

fn string_for(name: &str, text: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if WHOLE_TEXT
        .iter()
        .any(|w| lower == *w || lower.ends_with(&format!("_{w}")))
    {
        return text.to_owned();
    }
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .skip(1) // the sentence's first word is capitalised anyway
        .rev()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase))
        .or_else(|| words.last())
        .map(|w| (*w).to_owned())
        .unwrap_or_default()
}

/// The first number in the text (`"in 3 days"` → 3).
pub fn first_number(text: &str) -> Option<f64> {
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !current.is_empty() && !current.contains('.')) {
            current.push(c);
        } else if !current.is_empty() {
            let n = current.trim_end_matches('.').parse().ok();
            if n.is_some() {
                return n;
            }
            current.clear();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fills_a_function_schema_from_the_text() {
        let schema = json!({"type": "object", "properties": {
            "city_name": {"type": "string"},
            "days": {"type": "integer"},
            "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            "query": {"type": "string"},
            "detailed": {"type": "boolean"},
            "tags": {"type": "array", "items": {"type": "string"}}
        }});
        let v = fill(&schema, "What is the weather in Paris in 3 days?");
        assert_eq!(
            v,
            json!({
                "city_name": "Paris", "days": 3, "unit": "celsius",
                "query": "What is the weather in Paris in 3 days?", "detailed": true, "tags": ["Paris"]
            })
        );
    }

    #[test]
    fn falls_back_to_the_last_word() {
        assert_eq!(
            fill(&json!({"type": "string"}), "weather in lyon"),
            json!("lyon")
        );
        assert_eq!(
            fill(&json!({"type": ["null", "integer"]}), "no digits"),
            json!(0)
        );
        assert_eq!(fill(&json!({}), "x"), Value::Null);
    }
}
