//! The API's rules on connectors: a name of at most 64 letters, digits, `_` or `-`, and an
//! http(s) server URL.

use crate::error::Error;
use crate::json::Value;

/// The longest connector name.
const MAX_NAME: usize = 64;
/// The longest server URL.
const MAX_URL: usize = 2083;

fn invalid(message: String) -> Error {
    Error::InvalidRequest { message }
}

/// Checks `name` and `server` of a connector create or update body (wire spelling).
pub(super) fn check(body: Value<'_>) -> Result<(), Error> {
    if let Some(name) = body.get("name").and_then(Value::as_str) {
        name_rule(&name)?;
    }
    if let Some(server) = body.get("server").and_then(Value::as_str) {
        server_rule(&server)?;
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
            "`name` of a connector may contain only letters, digits, `_` and `-` (found {}); \
             try {}",
            quoted(&c.to_string(), '\''),
            quoted(&suggestion(name), '"')
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
        server.get(8..).unwrap_or_default()
    } else if lower.starts_with("http://") {
        server.get(7..).unwrap_or_default()
    } else {
        return Err(invalid(format!(
            "`server` must be an http(s) URL such as \"https://mcp.example.com/mcp\" (got {})",
            quoted(&clip(server), '"')
        )));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || server.chars().any(char::is_whitespace) {
        return Err(invalid(format!(
            "`server` must be an http(s) URL with a host and no spaces (got {})",
            quoted(&clip(server), '"')
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
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// `text` between `quote`s, escaped as Rust's `{:?}` writes a string (`"`) or a character
/// (`'`): backslash escapes for the quote, `\`, tab, CR, LF and NUL, `\u{..}` for other
/// control characters. Small on purpose: the `Debug` machinery and its Unicode tables cost
/// kilobytes in the wasm.
fn quoted(text: &str, quote: char) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\0' => out.push_str("\\0"),
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let code = c as u32;
                out.push_str("\\u{");
                for digit in (0..(32 - code.leading_zeros()).div_ceil(4)).rev() {
                    out.push(HEX[(code >> (digit * 4)) as usize & 15] as char);
                }
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quotes_like_debug() {
        for text in [
            "my deepwiki",
            "a\"b'c",
            "tab\there\r\n\0",
            "back\\slash",
            "\u{1}\u{7f}\u{9f}",
            "é 中 😀",
            "",
        ] {
            assert_eq!(quoted(text, '"'), format!("{text:?}"));
        }
        for c in [' ', 'é', '\'', '"', '\\', '\n', '\u{1b}', '😀'] {
            assert_eq!(quoted(&c.to_string(), '\''), format!("{c:?}"));
        }
    }
}
