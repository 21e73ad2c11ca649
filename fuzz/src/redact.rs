//! Target `redact`: no secret in any error the redactor produces. A request body carries
//! connector secrets (`authorization: { value }`) spelled with any legal JSON escapes, the API
//! key has `Bearer ` prefixes; the server's error body echoes them in several spellings, in JSON
//! or text. The secrets are found as `js/redact.js` finds them (the `value` of every
//! `authorization` object of the parsed body, the key without its prefixes); after
//! `secrets::redact` of the error's body and message (as `js/redact.js` redacts each string of an
//! error), neither holds any spelling of any secret, nor does the error's display.
//!
//! When the body is JSON, every string of it (keys included) is checked too, as `JSON.parse(err.body)`
//! shows them: an escape nested one level deeper there is a plain one.
//!
//! The spellings checked are chosen by `FUZZ_REDACT_SPELLINGS` (default `all`; `raw` checks only
//! the secret as written, which is what the redactor promised when this target was written).

use mistral_edge::error::ApiError;
use mistral_edge::request::secrets::redact;
use mistral_edge::Error;

use super::input::Input;

/// Characters secrets are made of: token characters, and the ones JSON or URLs escape.
const SECRET_CHARS: &[&str] = &[
    "a", "Z", "0", "9", "-", "_", ".", "/", "+", "=", "\"", "\\", "é", "😀", " ", "%", "\u{1}",
    "~", "Ã", "©", "\u{80}",
];

/// How a string can be spelled in an echo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// As it is.
    Raw,
    /// In a JSON string, as serde_json escapes it.
    Json,
    /// In a JSON string, with `\/` for `/` (as PHP and some Java servers write it).
    JsonSlash,
    /// In a JSON string, every non-alphanumeric character as `\uXXXX` (as some servers escape
    /// HTML-sensitive characters and non-ASCII).
    JsonUnicode,
    /// Percent-encoded, as in a URL or a form (every byte but unreserved ones).
    Percent,
    /// JSON text in a JSON string: the `\/` spelling escaped again (`\\\/`, `\\\"`).
    JsonNested,
    /// JSON text in a JSON string: the `\uXXXX` spelling escaped again (`\\u0073`).
    JsonUnicodeNested,
    /// Percent-encoded twice (a URL in a URL's query: `%252F`).
    PercentTwice,
    /// The bytes a header carries (Latin-1) read as UTF-8: `�` for a lone `é` (a server echoing
    /// them raw in a body). A secret with a character past U+00FF as it is.
    Latin1Read,
    /// Its UTF-8 read as Latin-1 (a header echoed as UTF-8, as fetch shows a header's bytes).
    Mojibake,
}

const ALL: &[Spelling] = &[
    Spelling::Raw,
    Spelling::Json,
    Spelling::JsonSlash,
    Spelling::JsonUnicode,
    Spelling::Percent,
    Spelling::JsonNested,
    Spelling::JsonUnicodeNested,
    Spelling::PercentTwice,
    Spelling::Latin1Read,
    Spelling::Mojibake,
];

/// `text` in `spelling` (for the JSON ones, the body of the string literal, without quotes).
pub fn spell(text: &str, spelling: Spelling) -> String {
    let json = || {
        let quoted = serde_json::to_string(text).unwrap_or_default();
        quoted[1..quoted.len() - 1].to_owned()
    };
    match spelling {
        Spelling::Raw => text.to_owned(),
        Spelling::Json => json(),
        Spelling::JsonSlash => json().replace('/', "\\/"),
        Spelling::JsonUnicode => text
            .encode_utf16()
            .map(|unit| match char::from_u32(u32::from(unit)) {
                Some(c) if c.is_ascii_alphanumeric() => c.to_string(),
                _ => format!("\\u{unit:04x}"),
            })
            .collect(),
        Spelling::Percent => text
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect(),
        Spelling::JsonNested => spell(&spell(text, Spelling::JsonSlash), Spelling::JsonSlash),
        Spelling::JsonUnicodeNested => {
            spell(&spell(text, Spelling::JsonUnicode), Spelling::JsonSlash)
        }
        Spelling::PercentTwice => spell(&spell(text, Spelling::Percent), Spelling::Percent),
        Spelling::Latin1Read => match text
            .chars()
            .map(|c| u8::try_from(c).ok())
            .collect::<Option<Vec<u8>>>()
        {
            Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            None => text.to_owned(),
        },
        Spelling::Mojibake => text.bytes().map(char::from).collect(),
    }
}

/// The spellings this run checks (see the module docs).
fn checked() -> &'static [Spelling] {
    match std::env::var("FUZZ_REDACT_SPELLINGS").as_deref() {
        Ok("raw") => &ALL[..1],
        _ => ALL,
    }
}

fn secret(input: &mut Input<'_>) -> String {
    let mut s = String::from(input.pick(&["tok_", "sk-", "ghp_", "key"]));
    for _ in 0..4 + input.below(12) {
        s.push_str(input.pick(SECRET_CHARS));
    }
    s
}

/// Checks one case for the spellings `FUZZ_REDACT_SPELLINGS` names; panics when a spelling of
/// a secret survives redaction.
pub fn check(data: &[u8]) {
    check_with(data, checked())
}

/// Checks one case: every secret echoed in one of `spellings`, none of them left.
pub fn check_with(data: &[u8], spellings: &[Spelling]) {
    let mut input = Input::new(data);
    let tokens: Vec<String> = (0..1 + input.below(3))
        .map(|_| secret(&mut input))
        .collect();
    let key = secret(&mut input);
    let header = format!("{}{key}", "Bearer ".repeat(input.below(3)));

    // The request body, each token in some JSON spelling, with whitespace here and there.
    let ws = |input: &mut Input<'_>| input.pick(&["", " ", "\n  "]);
    let mut body = String::from("{\"model\":\"m\",\"inputs\":\"hi\",\"tools\":[");
    for (n, token) in tokens.iter().enumerate() {
        let spelling = input.pick(&ALL[1..4]);
        if n > 0 {
            body.push(',');
        }
        body.push_str(&format!(
            "{{\"type\":\"connector\",\"connector_id\":\"c{n}\",\"authorization\"{}:{}{{\"type\":\"oauth2-token\",{}\"value\"{}:{}\"{}\"}}}}",
            ws(&mut input),
            ws(&mut input),
            ws(&mut input),
            ws(&mut input),
            ws(&mut input),
            spell(token, spelling)
        ));
    }
    body.push_str("]}");

    let mut secrets = in_body(&body);
    for token in &tokens {
        assert!(
            secrets.contains(token),
            "in_body missed {token:?} in {body}"
        );
    }
    secrets.push(header.trim_start_matches("Bearer ").to_owned());
    let secrets: Vec<String> = secrets.iter().flat_map(|s| forms(s)).collect();

    // The server's echo: every secret in one spelling each, in JSON or plain text.
    let everything: Vec<&String> = tokens.iter().chain(std::iter::once(&key)).collect();
    let mut echo = Vec::new();
    for secret in &everything {
        let spelling = input.pick(spellings);
        let spelled = spell(secret, spelling);
        echo.push(match input.below(3) {
            0 => format!("token {spelled} is invalid"),
            1 => format!("https://x.test/cb?token={spelled}"),
            _ => spelled,
        });
    }
    let echo = echo.join(input.pick(&[" ", ", ", "|"]));
    let error_body = if input.one_in(2) {
        echo.clone()
    } else {
        let quoted = serde_json::to_string(&echo).unwrap_or_default();
        match input.below(3) {
            0 => format!("{{\"message\":{quoted}}}"),
            1 => {
                format!("{{\"detail\":[{{\"loc\":[\"body\"],\"msg\":{quoted},\"input\":{body}}}]}}")
            }
            _ => format!("{{\"detail\":{quoted},\"object\":\"error\"}}"),
        }
    };
    let mut error = ApiError::new(422, None, error_body.as_bytes(), None);
    if let Some(body) = redact(&error.body, &secrets) {
        error.body = body;
    }
    if let Some(message) = error.message.as_deref().and_then(|m| redact(m, &secrets)) {
        error.message = Some(message);
    }
    let message = error.message.clone().unwrap_or_default();
    let shown = Error::Api(Box::new(error.clone())).to_string();
    let mut texts = vec![error.body.clone(), message, shown];
    if let Ok(parsed) = serde_json::from_str(&error.body) {
        strings(&parsed, &mut texts);
    }
    for secret in &everything {
        for &spelling in spellings {
            let spelled = spell(secret, spelling);
            for (n, text) in texts.iter().enumerate() {
                let what = ["body", "message", "display"]
                    .get(n)
                    .unwrap_or(&"a string of the body");
                assert!(
                    !text.contains(&spelled),
                    "{what} holds {secret:?} spelled {spelling:?} ({spelled:?}): {text}"
                );
            }
        }
    }
}

/// A secret and, past ASCII, the forms `js/redact.js` adds (its `forms`): its UTF-8 read as
/// Latin-1 and, when every character fits a byte, those bytes read as UTF-8.
fn forms(secret: &str) -> Vec<String> {
    let mut forms = vec![secret.to_owned()];
    if !secret.is_ascii() {
        forms.push(spell(secret, Spelling::Mojibake));
        forms.push(spell(secret, Spelling::Latin1Read));
    }
    forms
}

/// Every string of `value`, keys included, added to `out`.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            strings(v, out);
        }),
        _ => {}
    }
}

/// The `value` of every `authorization` object of a JSON body (one of the credential keys
/// `addSecrets` in `js/redact.js` takes; the only one this target's bodies carry).
fn in_body(body: &str) -> Vec<String> {
    fn visit(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(token)) = map
                    .get("authorization")
                    .and_then(|a| a.as_object())
                    .and_then(|a| a.get("value"))
                {
                    found.push(token.clone());
                }
                map.values().for_each(|v| visit(v, found));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| visit(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    if let Ok(value) = serde_json::from_str(body) {
        visit(&value, &mut found);
    }
    found
}
