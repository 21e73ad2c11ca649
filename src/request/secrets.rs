//! The spellings of a secret that an echo can produce, and their removal from text. A server
//! that echoes its input (a 422 `detail`, an `error` event, a header) may write a credential as
//! it was sent, with JSON escapes (`\/`, `\"`, `\u0073`, a surrogate pair) or percent-encoded
//! (`%2F`, `%2f`, `+` for a space), or mixing them character by character, and nest them (JSON
//! text in a JSON string, a URL in a URL: `\\u0073`, `\\\/`, `%2573`, up to [`DEPTH`] levels):
//! each of those reads here as the secret. Which secrets a request carried (and the other forms
//! of one: a key's Latin-1 bytes read as UTF-8, ...), and which strings of an error are
//! redacted, is `js/redact.js`'s.

/// What replaces a secret.
pub const REDACTED: &str = "[redacted]";

/// Secrets shorter than this are not looked for: they would mangle ordinary words.
pub const MIN_LEN: usize = 4;

/// How deep escapes may be nested: three levels (a JSON error holding a JSON body holding JSON).
pub const DEPTH: usize = 3;

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
/// either the byte itself or part of what an escape at that place reads as, at any depth.
/// `matched` bytes of it came before: a text that ends after [`MIN_LEN`] of them was cut through
/// the secret (an error body cut at its limit, a preview of an event), and its tail is a match too.
fn ends(
    text: &[u8],
    at: usize,
    secret: &[u8],
    matched: usize,
    budget: &mut usize,
) -> Option<usize> {
    if secret.is_empty() {
        return Some(at);
    }
    if *budget == 0 || (at >= text.len() && matched >= MIN_LEN) {
        return Some(text.len());
    }
    for depth in 0..=DEPTH {
        let Some((mut c, next)) = read(text, at, depth, budget) else {
            continue;
        };
        // A byte, or a character past ASCII (a `\uXXXX` escape) as UTF-8.
        let mut buf = [c as u8; 4];
        let mut len = 1;
        if c >= CHAR {
            c -= CHAR;
            len = 2 + usize::from(c >= 0x800) + usize::from(c >= 0x10000);
            for i in (1..len).rev() {
                buf[i] = 0x80 | (c & 0x3F) as u8;
                c >>= 6;
            }
            buf[0] = (0xFF00 >> len) as u8 | c as u8;
        }
        let Some(rest) = secret.strip_prefix(&buf[..len]) else {
            continue;
        };
        if let Some(end) = ends(text, next, rest, matched + len, budget) {
            return Some(end);
        }
    }
    // Out of steps: the rest of the text goes, from where this reading started.
    (*budget == 0).then_some(text.len())
}

/// Added by [`read`] to a character past ASCII that a `\uXXXX` escape reads as (UTF-8 bytes to
/// match), to tell it from a byte.
const CHAR: u32 = 0x100;

/// What the text at `at` reads as, and where that ends: at `depth` 0 the byte itself, deeper an
/// escape of that depth: `%XX` (a byte), `+` (a space), or a JSON escape (`\n`, `\/`, `\uXXXX`,
/// or two of them for a character outside the BMP: a character), each of whose characters is
/// read one level less deep (see [`one`]). Each read takes a step of `budget`.
#[inline(never)]
fn read(text: &[u8], at: usize, depth: usize, budget: &mut usize) -> Option<(u32, usize)> {
    let &here = text.get(at)?;
    *budget = budget.checked_sub(1)?;
    if depth == 0 {
        return Some((here.into(), at + 1));
    }
    // Every escape, at any depth, starts with one of these bytes.
    if !matches!(here, b'%' | b'+' | b'\\') {
        return None;
    }
    let depth = depth - 1;
    let (first, next) = one(text, at, depth, budget)?;
    let (c, next) = match first {
        b'%' => return hex(text, next, 2, depth, budget),
        b'+' => return Some((32, next)),
        b'\\' => one(text, next, depth, budget)?,
        _ => return None,
    };
    let simple = match c {
        b'n' => b'\n',
        b't' => b'\t',
        b'r' => b'\r',
        b'b' => 8,
        b'f' => 12,
        b'"' | b'\\' | b'/' => c,
        b'u' => 0,
        _ => return None,
    };
    if c != b'u' {
        return Some((simple.into(), next));
    }
    let (mut unit, mut next) = hex(text, next, 4, depth, budget)?;
    if (0xD800..0xDC00).contains(&unit) {
        // Its low half, as deep.
        let (_, at) = one(text, next, depth, budget).filter(|c| c.0 == b'\\')?;
        let (_, at) = one(text, at, depth, budget).filter(|c| c.0 == b'u')?;
        let (low, at) = hex(text, at, 4, depth, budget)?;
        unit =
            0x10000 + ((unit - 0xD800) << 10) + low.checked_sub(0xDC00).filter(|&l| l < 0x400)?;
        next = at;
    }
    Some((if unit < 0x80 { unit } else { unit + CHAR }, next))
}

/// One byte of the text at `at`, `depth` levels deep: what the deepest escape there reads as when
/// it is a byte, else the byte itself; and where it ends.
#[inline(never)]
fn one(text: &[u8], at: usize, depth: usize, budget: &mut usize) -> Option<(u8, usize)> {
    let mut d = depth;
    loop {
        if let Some((c, next)) = read(text, at, d, budget).filter(|c| c.0 < CHAR) {
            return Some((c as u8, next));
        }
        d = d.checked_sub(1)?;
    }
}

/// The number written by `len` hex digits from `at`, each read `depth` levels deep, and where
/// they end.
#[inline(never)]
fn hex(
    text: &[u8],
    mut at: usize,
    len: usize,
    depth: usize,
    budget: &mut usize,
) -> Option<(u32, usize)> {
    let mut n = 0;
    for _ in 0..len {
        let (digit, next) = one(text, at, depth, budget)?;
        n = n * 16 + char::from(digit).to_digit(16)?;
        at = next;
    }
    Some((n, at))
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
    fn reads_escapes_nested_in_escapes() {
        let secret = "ya29.a0/b\"c\\d é😀 e";
        for spelled in [
            // JSON text in a JSON string, `/` escaped at either level or both.
            r#"ya29.a0\/b\\\"c\\\\d \\u00e9\\ud83d\\ude00 e"#,
            r#"ya29.a0\\\/b\\\"c\\\\d é😀 e"#,
            r#"\\u0079a29.a0\\/b\\\"c\\\\d \\u00E9\\uD83D\\uDE00 e"#,
            // Three levels.
            r#"\\\\u0079a29.a0\\\\\\\/b\\\\\\\"c\\\\\\\\d é😀 e"#,
            // A URL in a URL, JSON in a URL, a URL in JSON.
            "ya29.a0%252Fb%2522c%255Cd%2520%25C3%25A9%25F0%259F%2598%2580%2Be",
            "ya29.a0%5C%2Fb%5C%22c%5C%5Cd%20%5Cu00e9%5Cud83d%5Cude00%20e",
            r#"ya29.a0\u0025%32Fb%22c%5Cd+\u00e9😀 e"#,
        ] {
            let text = format!("{{\"message\":\"bad {spelled}!\"}}");
            assert_eq!(
                redacted(&text, secret),
                "{\"message\":\"bad [redacted]!\"}",
                "{spelled}"
            );
        }
        // Four levels are past DEPTH (a four-level escape that starts a secret still reads as
        // its last three levels, after backslashes of the fourth).
        assert_eq!(redact(r"x sk\\\\\\\\u002d1234 y", &["sk-1234"]), None);
        assert_eq!(
            redacted(r"x \\\\\\\\u0073k-1234 y", "sk-1234"),
            r"x \\\\[redacted] y"
        );
    }

    #[test]
    fn an_exhausted_budget_redacts_the_rest() {
        let text = b"%2525%2525%2525 tail";
        assert!(ends(text, 0, b"%25%25%25", 0, &mut 1000).is_some());
        assert_eq!(ends(text, 0, b"%25%25%25", 0, &mut 2), Some(text.len()));
        assert_eq!(ends(text, 0, b"%25%25%2X", 0, &mut 1000), None);
        // Ordinary text, escapes included, is far from the budget.
        let body = r#"{"detail":"a \"quoted\" \\ path\/to %41 + b"} "#.repeat(300);
        let mut budget = body.len() * STEPS_PER_BYTE / 4;
        let mut at = 0;
        while at < body.len() {
            assert_eq!(
                ends(body.as_bytes(), at, b"sk-absent-key", 0, &mut budget),
                None
            );
            at += 1;
        }
    }
}
