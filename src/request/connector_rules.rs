//! The API's rules on connectors: a name of at most 64 letters, digits, `_` or `-`, and an
//! http(s) server URL.

use serde_json::Value;

use crate::error::Error;

/// The longest connector name.
const MAX_NAME: usize = 64;
/// The longest server URL.
const MAX_URL: usize = 2083;

fn invalid(message: String) -> Error {
    Error::InvalidRequest { message }
}

/// Checks `name` and `server` of a connector create or update body (wire spelling).
pub(super) fn check(body: &Value) -> Result<(), Error> {
    if let Some(name) = body.get("name").and_then(Value::as_str) {
        name_rule(name)?;
    }
    if let Some(server) = body.get("server").and_then(Value::as_str) {
        server_rule(server)?;
    }
    Ok(())
}

fn name_rule(name: &str) -> Result<(), Error> {
    let length = name.chars().count();
    if length == 0 {
        return Err(invalid("`name` of a connector must not be empty".into()));
    }
    if length > MAX_NAME {
        return Err(invalid(format!(
            "`name` of a connector must be at most {MAX_NAME} characters (got {length})"
        )));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Err(invalid(format!(
            "`name` of a connector may contain only letters, digits, `_` and `-` (found {c:?}); \
             try {:?}",
            suggestion(name)
        )));
    }
    Ok(())
}

/// The name with every other character replaced by `_`.
fn suggestion(name: &str) -> String {
    name.chars()
        .take(MAX_NAME)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn server_rule(server: &str) -> Result<(), Error> {
    let lower = server.get(..8).unwrap_or(server).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &server[8..]
    } else if lower.starts_with("http://") {
        &server[7..]
    } else {
        return Err(invalid(format!(
            "`server` must be an http(s) URL such as \"https://mcp.example.com/mcp\" (got {:?})",
            clip(server)
        )));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || server.chars().any(char::is_whitespace) {
        return Err(invalid(format!(
            "`server` must be an http(s) URL with a host and no spaces (got {:?})",
            clip(server)
        )));
    }
    if server.len() > MAX_URL {
        return Err(invalid(format!(
            "`server` must be at most {MAX_URL} characters (got {})",
            server.len()
        )));
    }
    Ok(())
}

/// The start of a long value, for an error message.
fn clip(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
