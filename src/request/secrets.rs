//! The spellings of a secret that an echo can produce, and their removal from text. A server
//! that echoes its input (a 422 `detail`, an `error` event, a header) may write a credential as
//! it was sent, with JSON escapes (`\/`, `\"`, `\u0073`, a surrogate pair) or percent-encoded
//! (`%2F`, `%2f`, `+` for a space), or mixing them character by character: each of those reads
//! here as the secret. Which secrets a request carried, and which strings of an error are
//! redacted, is `js/redact.js`'s.

/// What replaces a secret.
pub const REDACTED: &str = "[redacted]";

/// Secrets shorter than this are not looked for: they would mangle ordinary words.
pub const MIN_LEN: usize = 4;

/// Steps a search may take per byte of text. A secret with many `%` or `\\` can make the reading
/// of a text ambiguous (`%25` is `%` too); past the budget the rest of the text is redacted,
/// which never shows a secret.
const STEPS_PER_BYTE: usize = 64;

/// `text` with every spelling of every secret (of at least [`MIN_LEN`] bytes) replaced by
/// [`REDACTED`], or `None` when it has none.
pub fn redact<S: AsRef<str>>(text: &str, secrets: &[S]) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut copied, mut at, mut found) = (0, 0, false);
    let mut budget = bytes
        .len()
        .saturating_add(64)
        .saturating_mul(STEPS_PER_BYTE);
    while at < bytes.len() {
        let end = secrets
            .iter()
            .map(|s| s.as_ref().as_bytes())
            .filter(|s| s.len() >= MIN_LEN)
            .find_map(|s| ends(bytes, at, s, 0, &mut budget));
        match end {
            Some(end) => {
                out.extend_from_slice(bytes.get(copied..at).unwrap_or_default());
                out.extend_from_slice(REDACTED.as_bytes());
                (copied, at, found) = (end, end.max(at + 1), true);
            }
            None => at += 1,
        }
    }
    if !found {
        return None;
    }
    out.extend_from_slice(bytes.get(copied..).unwrap_or_default());
    // Matches start at a character (a secret's first byte is one) and end after one.
    Some(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// Where a spelling of `secret` that starts at `at` ends, if one does: each of its bytes is
/// either the byte itself or part of what an escape at that place reads as. `matched` bytes of
/// it came before: a text that ends after [`MIN_LEN`] of them was cut through the secret (an
/// error body cut at its limit, a preview of an event), and its tail is a match too.
fn ends(
    text: &[u8],
    at: usize,
    secret: &[u8],
    matched: usize,
    budget: &mut usize,
) -> Option<usize> {
    let Some((&first, rest)) = secret.split_first() else {
        return Some(at);
    };
    if *budget == 0 || (at >= text.len() && matched >= MIN_LEN) {
        return Some(text.len());
    }
    *budget -= 1;
    let here = *text.get(at)?;
    if here == first || (here == b'+' && first == b' ') {
        if let Some(end) = ends(text, at + 1, rest, matched + 1, budget) {
            return Some(end);
        }
    }
    let mut buf = [0; 4];
    let (read, next) = escape(text, at, &mut buf)?;
    let rest = secret.strip_prefix(read)?;
    ends(text, next, rest, matched + read.len(), budget)
}

/// The bytes an escape at `at` reads as, and where it ends: `%XX` (one byte), or a JSON escape
/// (`\n`, `\/`, `\uXXXX`, or two of them for a character outside the BMP) as UTF-8.
fn escape<'b>(text: &[u8], at: usize, buf: &'b mut [u8; 4]) -> Option<(&'b [u8], usize)> {
    let hex = |from: usize, len: usize| {
        text.get(from..from + len)?
            .iter()
            .try_fold(0, |n, &d| Some(n * 16 + char::from(d).to_digit(16)?))
    };
    if text.get(at) == Some(&b'%') {
        buf[0] = hex(at + 1, 2)? as u8;
        return Some((&buf[..1], at + 3));
    }
    if text.get(at) != Some(&b'\\') {
        return None;
    }
    let one = match *text.get(at + 1)? {
        b'u' => None,
        b'n' => Some(b'\n'),
        b't' => Some(b'\t'),
        b'r' => Some(b'\r'),
        b'b' => Some(8),
        b'f' => Some(12),
        c @ (b'"' | b'\\' | b'/') => Some(c),
        _ => return None,
    };
    if let Some(byte) = one {
        buf[0] = byte;
        return Some((&buf[..1], at + 2));
    }
    let (mut unit, mut next) = (hex(at + 2, 4)?, at + 6);
    if (0xD800..0xDC00).contains(&unit) && text.get(next..next + 2) == Some(b"\\u") {
        if let Some(low @ 0xDC00..0xE000) = hex(next + 2, 4) {
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            next += 6;
        }
    }
    Some((char::from_u32(unit)?.encode_utf8(buf).as_bytes(), next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redacted(text: &str, secret: &str) -> String {
        redact(text, &[secret]).unwrap_or_else(|| text.to_owned())
    }

    #[test]
    fn replaces_like_str_replace_when_written_as_is() {
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
            assert_eq!(redact(text, &[secret]), expected, "{text}");
        }
    }

    #[test]
    fn reads_json_escapes_and_percent_encoding() {
        let secret = "sk-a/b\"c\\d é😀 e";
        for spelled in [
            r#"sk-a\/b\"c\\d é😀 e"#,
            r#"\u0073\u006B-a/b\u0022c\u005cd \u00e9\ud83d\ude00 e"#,
            r#"sk-a/b\"c\\d \u00E9\uD83D\uDE00 e"#,
            "sk-a%2Fb%22c%5Cd%20%C3%A9%F0%9F%98%80+e",
            "%73k-a%2fb\"c\\d%20é😀 e",
        ] {
            let text = format!("{{\"detail\":\"bad {spelled}!\"}}");
            assert_eq!(
                redacted(&text, secret),
                "{\"detail\":\"bad [redacted]!\"}",
                "{spelled}"
            );
        }
    }

    #[test]
    fn takes_a_percent_or_backslash_as_written_too() {
        assert_eq!(redacted("x a%41b y", "a%41b"), "x [redacted] y");
        assert_eq!(redacted("x a%2541b y", "a%41b"), "x [redacted] y");
        assert_eq!(redacted(r"x a\nb y", r"a\nb"), "x [redacted] y");
        assert_eq!(redacted(r"x a\\nb y", r"a\nb"), "x [redacted] y");
    }

    #[test]
    fn leaves_other_text_and_short_secrets() {
        assert_eq!(redact("sk-1 and sk-2", &["sk-3", "sk"]), None);
        assert_eq!(redact("%zz \\q \\u12 \\ud800", &["abcd"]), None);
        assert_eq!(
            redacted("a lone \\ud83d half", "x\u{1F600}yz"),
            "a lone \\ud83d half"
        );
    }

    #[test]
    fn a_text_cut_through_a_secret_loses_its_tail() {
        assert_eq!(
            redacted("body ... sk-STRAD", "sk-STRADDLE-1"),
            "body ... [redacted]"
        );
        assert_eq!(
            redacted("body ... %73k-ST", "sk-STRADDLE-1"),
            "body ... [redacted]"
        );
        // Fewer than MIN_LEN bytes of it: an ordinary ending.
        assert_eq!(redacted("ends in sk-", "sk-STRADDLE-1"), "ends in sk-");
    }

    #[test]
    fn an_exhausted_budget_redacts_the_rest() {
        let text = b"%2525%2525%2525 tail";
        assert_eq!(ends(text, 0, b"%25%25%25", 0, &mut 1000), Some(13));
        assert_eq!(ends(text, 0, b"%25%25%25", 0, &mut 2), Some(text.len()));
        assert_eq!(ends(text, 0, b"%25%25%2X", 0, &mut 1000), None);
    }
}
