//! Query parameters and JSON bodies, read with the API's error spellings (422 `int_parsing`,
//! `json_invalid`, ...).

use std::collections::HashMap;

use axum::body::Bytes;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::error::{ApiError, Violation};
use crate::loc;

/// Query parameters by name (the last value of a repeated key wins; see [`all`]).
pub type Query = HashMap<String, Vec<String>>;

/// Parses a raw query string (`a=1&b=x%20y`).
pub fn parse_query(raw: Option<&str>) -> Query {
    let mut out: Query = HashMap::new();
    for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        out.entry(decode(k)).or_default().push(decode(v));
    }
    out
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or(""), 16) {
                    Ok(v) => {
                        out.push(v);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of a parameter.
pub fn one<'a>(q: &'a Query, name: &str) -> Option<&'a str> {
    q.get(name).and_then(|v| v.last()).map(String::as_str)
}

/// Every value of a repeated parameter.
pub fn all<'a>(q: &'a Query, name: &str) -> Vec<&'a str> {
    q.get(name)
        .map(|v| v.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// An integer parameter with a default and bounds.
pub fn int(
    q: &Query,
    name: &str,
    default: Option<i64>,
    min: i64,
    max: i64,
) -> Result<i64, ApiError> {
    let Some(raw) = one(q, name) else {
        return default.ok_or_else(|| {
            ApiError::validation(vec![Violation::missing(loc!["query", name], &Value::Null)])
        });
    };
    let n: i64 = raw.trim().parse().map_err(|_| {
        ApiError::validation(vec![Violation::new(
            loc!["query", name],
            "int_parsing",
            "Input should be a valid integer, unable to parse string as an integer",
        )
        .input(&json!(raw))])
    })?;
    if n < min {
        return Err(ApiError::validation(vec![Violation::new(
            loc!["query", name],
            "greater_than_equal",
            format!("Input should be greater than or equal to {min}"),
        )
        .input(&json!(raw))
        .ctx(json!({ "ge": min }))]));
    }
    if n > max {
        return Err(ApiError::validation(vec![Violation::new(
            loc!["query", name],
            "less_than_equal",
            format!("Input should be less than or equal to {max}"),
        )
        .input(&json!(raw))
        .ctx(json!({ "le": max }))]));
    }
    Ok(n)
}

/// A boolean parameter (`true`/`false`/`1`/`0`).
pub fn boolean(q: &Query, name: &str) -> Result<Option<bool>, ApiError> {
    match one(q, name) {
        None => Ok(None),
        Some("true" | "1" | "True") => Ok(Some(true)),
        Some("false" | "0" | "False") => Ok(Some(false)),
        Some(other) => Err(ApiError::validation(vec![Violation::new(
            loc!["query", name],
            "bool_parsing",
            "Input should be a valid boolean, unable to interpret input",
        )
        .input(&json!(other))])),
    }
}

/// A JSON object parameter (`metadata={"k":"v"}`).
pub fn json_object(
    q: &Query,
    name: &str,
) -> Result<Option<serde_json::Map<String, Value>>, ApiError> {
    match one(q, name) {
        None => Ok(None),
        Some(raw) => match serde_json::from_str::<Value>(raw) {
            Ok(Value::Object(map)) => Ok(Some(map)),
            _ => Err(ApiError::validation(vec![Violation::new(
                loc!["query", name],
                "dict_type",
                "Input should be a valid dictionary",
            )
            .input(&json!(raw))])),
        },
    }
}

/// Whether every key of `filter` has the same value in `metadata`.
pub fn metadata_matches(
    metadata: Option<&serde_json::Map<String, Value>>,
    filter: &serde_json::Map<String, Value>,
) -> bool {
    filter
        .iter()
        .all(|(k, v)| metadata.and_then(|m| m.get(k)) == Some(v))
}

/// A JSON body: 422 `json_invalid` when it is not JSON, `missing` when it is empty.
pub fn body(bytes: &Bytes) -> Result<Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::validation(vec![Violation::missing(
            loc!["body"],
            &Value::Null,
        )]));
    }
    serde_json::from_slice(bytes).map_err(|e| ApiError::json_invalid(&e))
}

/// A validated body into its wire type (after the shape check, this only fails on rules the
/// shape tables cannot express, such as a number too large).
pub fn typed<T: DeserializeOwned>(value: Value) -> Result<T, ApiError> {
    serde_json::from_value(value).map_err(|e| {
        ApiError::validation(vec![Violation::new(
            loc!["body"],
            "value_error",
            format!("Value error, {e}"),
        )])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_queries() {
        let q = parse_query(Some(
            "a=1&b=x%20y+z&s=api&s=playground&m=%7B%22k%22%3A1%7D&bad=%zz&end=%4",
        ));
        assert_eq!(one(&q, "b"), Some("x y z"));
        assert_eq!(all(&q, "s"), vec!["api", "playground"]);
        assert_eq!(json_object(&q, "m").unwrap().unwrap()["k"], 1);
        assert_eq!(one(&q, "bad"), Some("%zz"));
        assert_eq!(one(&q, "end"), Some("%4"));
        assert_eq!(int(&q, "a", None, 0, 10).unwrap(), 1);
        assert!(int(&q, "b", None, 0, 10).is_err());
        assert!(int(&q, "missing", None, 0, 10).is_err());
        assert_eq!(int(&q, "missing", Some(5), 0, 10).unwrap(), 5);
    }
}
