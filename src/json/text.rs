//! JSON string bodies: unescaping what was read and quoting what is written. Small on purpose,
//! so the wasm build needs no general JSON library.

/// Decodes the body of a JSON string (the text between the quotes), which must already be
/// validated. A lone surrogate escape becomes U+FFFD, as `JSON.parse` then `TextEncoder` would.
pub fn unescape(body: &[u8]) -> String {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        if b != b'\\' {
            let run = body[i..]
                .iter()
                .position(|&b| b == b'\\')
                .unwrap_or(body.len() - i);
            out.extend_from_slice(&body[i..i + run]);
            i += run;
            continue;
        }
        let escape = body.get(i + 1).copied().unwrap_or(b'\\');
        i += 2;
        let simple = match escape {
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'u' => None,
            other => Some(other),
        };
        if let Some(byte) = simple {
            out.push(byte);
            continue;
        }
        let unit = hex4(body, i);
        i += 4;
        let c = match unit {
            Some(high @ 0xd800..=0xdbff) if body.get(i..i + 2) == Some(b"\\u") => {
                match hex4(body, i + 2) {
                    Some(low @ 0xdc00..=0xdfff) => {
                        i += 6;
                        char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00))
                    }
                    _ => None,
                }
            }
            Some(unit) => char::from_u32(unit),
            None => None,
        };
        let mut buf = [0u8; 4];
        out.extend_from_slice(
            c.unwrap_or(char::REPLACEMENT_CHARACTER)
                .encode_utf8(&mut buf)
                .as_bytes(),
        );
    }
    match String::from_utf8(out) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

fn hex4(body: &[u8], at: usize) -> Option<u32> {
    let digits = body.get(at..at + 4)?;
    digits.iter().try_fold(0u32, |acc, &d| {
        let v = (d as char).to_digit(16)?;
        Some(acc * 16 + v)
    })
}

/// Appends `text` as a JSON string, quotes included.
pub fn write_quoted(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `text` as a JSON string to a byte buffer, non-ASCII characters escaped.
pub fn write_quoted_ascii(out: &mut Vec<u8>, text: &str) {
    let mut quoted = String::with_capacity(text.len() + 2);
    write_quoted(&mut quoted, text);
    escape_non_ascii(out, quoted.as_bytes());
}

/// Appends validated JSON text with every non-ASCII character written as `\uXXXX` (a
/// surrogate pair above U+FFFF). Outside strings JSON is ASCII, so this is safe anywhere.
pub fn escape_non_ascii(out: &mut Vec<u8>, json: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let text = String::from_utf8_lossy(json);
    let mut units = [0u16; 2];
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        for unit in c.encode_utf16(&mut units) {
            let u = *unit as usize;
            out.extend_from_slice(&[
                b'\\',
                b'u',
                HEX[u >> 12],
                HEX[(u >> 8) & 15],
                HEX[(u >> 4) & 15],
                HEX[u & 15],
            ]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_like_serde_json() {
        for case in [
            r#""plain""#,
            r#""a\"b\\c\/d\b\f\n\r\t""#,
            r#""\u00e9\u4e2d\ud83d\ude00""#,
            r#""caf\u00e9 ok""#,
            r#""\u0000""#,
        ] {
            let expected: String = serde_json::from_str(case).unwrap();
            assert_eq!(
                unescape(&case.as_bytes()[1..case.len() - 1]),
                expected,
                "{case}"
            );
        }
        assert_eq!(unescape(br"\ud83d"), "\u{fffd}");
        assert_eq!(unescape(br"\ud83dx"), "\u{fffd}x");
    }

    #[test]
    fn escapes_non_ascii_to_the_same_json() {
        let json = r#"{"a":"café 中 😀","b":["\u00e9", 1]}"#;
        let mut out = Vec::new();
        escape_non_ascii(&mut out, json.as_bytes());
        assert!(out.is_ascii());
        let a: serde_json::Value = serde_json::from_str(json).unwrap();
        let b: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn quotes_like_serde_json() {
        for text in [
            "plain",
            "a\"b\\c",
            "line\nbreak\ttab\r",
            "\u{1}\u{1f}",
            "é 中 😀",
        ] {
            let mut out = String::new();
            write_quoted(&mut out, text);
            assert_eq!(out, serde_json::to_string(text).unwrap());
            let back: String = serde_json::from_str(&out).unwrap();
            assert_eq!(back, text);
        }
    }
}
