//! Secrets a request carries, so that no error ever shows them: the API key, and per-request
//! OAuth tokens or API keys (`authorization: { type, value }` on connector tools). A server
//! that echoes its input in a 422 `detail`, or a proxy that echoes headers, would otherwise put
//! them into an error's body or message.

use crate::error::ApiError;
use crate::json::text::unescape;

/// What replaces a secret.
pub const REDACTED: &str = "[redacted]";

/// The `value` strings of every `"authorization": {...}` object in a wire body.
pub fn in_body(body: &[u8]) -> Vec<String> {
    const KEY: &[u8] = b"\"authorization\"";
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = find(&body[at..], KEY) {
        at += offset + KEY.len();
        let rest = skip_ws(body, at);
        let Some(b':') = body.get(rest) else { continue };
        let open = skip_ws(body, rest + 1);
        if body.get(open) != Some(&b'{') {
            continue;
        }
        if let Some(value) = member_string(body, open, b"\"value\"") {
            if !value.is_empty() {
                found.push(value);
            }
        }
    }
    found
}

/// Replaces every occurrence of each secret (at least 4 characters long, to avoid mangling
/// ordinary words) in the error's body and message.
pub fn redact(error: &mut ApiError, secrets: &[String]) {
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        if let Some(body) = replace(&error.body, secret) {
            error.body = body;
        }
        if let Some(message) = &mut error.message {
            if let Some(redacted) = replace(message, secret) {
                *message = redacted;
            }
        }
    }
}

/// The API key without its `Bearer ` prefixes (what `trim_start_matches("Bearer ")` gives,
/// without bringing `str`'s two-way searcher into the wasm).
pub fn bare_key(mut key: &str) -> &str {
    while let Some(rest) = key.strip_prefix("Bearer ") {
        key = rest;
    }
    key
}

/// `text` with every `secret` replaced by [`REDACTED`], or `None` when it has none. A byte
/// search: `str::replace` and `str::contains` bring the two-way searcher into the wasm.
fn replace(text: &str, secret: &str) -> Option<String> {
    let (text, secret) = (text.as_bytes(), secret.as_bytes());
    let mut at = find(text, secret)?;
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    loop {
        out.extend_from_slice(rest.get(..at).unwrap_or_default());
        out.extend_from_slice(REDACTED.as_bytes());
        rest = rest.get(at + secret.len()..).unwrap_or_default();
        match find(rest, secret) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.extend_from_slice(rest);
    // A match of a whole UTF-8 string starts and ends on character boundaries, so this is UTF-8.
    Some(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn skip_ws(body: &[u8], mut at: usize) -> usize {
    while matches!(body.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// The end (exclusive) of the JSON string starting at `at` (a `"`).
fn string_end(body: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        match body.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The string value of `key` among the members of the object opening at `open`, looking only
/// at its own members (nested objects and arrays are skipped by depth).
fn member_string(body: &[u8], open: usize, key: &[u8]) -> Option<String> {
    let mut depth = 0usize;
    let mut i = open;
    while let Some(&b) = body.get(i) {
        match b {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return None;
                }
            }
            b'"' => {
                let end = string_end(body, i)?;
                if depth == 1 && body.get(i..end) == Some(key) {
                    let colon = skip_ws(body, end);
                    if body.get(colon) == Some(&b':') {
                        let start = skip_ws(body, colon + 1);
                        if body.get(start) == Some(&b'"') {
                            let value_end = string_end(body, start)?;
                            return Some(unescape(&body[start + 1..value_end - 1]));
                        }
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tokens_of_connector_tools() {
        let body = br#"{"model":"m","inputs":"hi","tools":[
            {"type":"connector","connector_id":"a","authorization":{"type":"oauth2-token","value":"tok_secret_1"}},
            {"type":"connector","connector_id":"b","authorization" : { "value" : "key\"2", "type":"api-key"}},
            {"type":"connector","connector_id":"c","authorization":null},
            {"type":"function","function":{"name":"f","parameters":{"properties":{"value":{"type":"string"}}}}}
        ],"metadata":{"value":"not a secret"}}"#;
        assert_eq!(in_body(body), ["tok_secret_1", "key\"2"]);
        assert!(in_body(br#"{"inputs":"authorization"}"#).is_empty());
        assert!(in_body(b"").is_empty());
        assert!(in_body(br#"{"authorization":{"value":"#).is_empty());
    }

    #[test]
    fn redacts_body_and_message() {
        let mut error = ApiError::new(
            422,
            None,
            br#"{"detail":[{"loc":["body","tools",0],"msg":"bad tok_secret_1","input":{"value":"tok_secret_1"}}]}"#,
            None,
        );
        redact(&mut error, &["tok_secret_1".into(), "ab".into()]);
        assert!(!error.body.contains("tok_secret_1"), "{}", error.body);
        assert!(error.body.contains(REDACTED));
        assert!(!error
            .message
            .clone()
            .unwrap_or_default()
            .contains("tok_secret_1"));
    }

    #[test]
    fn strips_bearer_like_trim_start_matches() {
        for key in [
            "sk-1",
            "Bearer sk-1",
            "Bearer Bearer sk-1",
            "Bearer ",
            "bearer sk",
            "",
        ] {
            assert_eq!(bare_key(key), key.trim_start_matches("Bearer "), "{key}");
        }
    }

    #[test]
    fn replaces_like_str_replace() {
        for (text, secret) in [
            ("a tok_1 b tok_1", "tok_1"),
            ("tok_1tok_1", "tok_1"),
            ("café tok_é ok", "tok_é"),
            ("nothing here", "tok_1"),
            ("", "tok_1"),
            ("tok_1", "tok_1"),
        ] {
            let expected = text
                .contains(secret)
                .then(|| text.replace(secret, REDACTED));
            assert_eq!(replace(text, secret), expected, "{text}");
        }
    }
}
