//! Target `json`: the crate's JSON reader (`json::Value`) against `serde_json`: the same texts
//! accepted and rejected, and an accepted text read as the same value through every accessor.

use mistral_edge::json::{Kind, Value};
use serde_json::Value as Serde;

use super::input::Input;

/// The pieces JSON texts are made of, for the structure-aware half of the inputs.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\"k\"",
    b"\"\"",
    b" ",
    b"\n",
    b"\t",
    b"\r",
    b"null",
    b"true",
    b"false",
    b"0",
    b"-",
    b"1",
    b"12",
    b"-0",
    b".5",
    b"e",
    b"E+",
    b"e-",
    b"1e400",
    b"9223372036854775808",
    b"-9223372036854775809",
    b"18446744073709551616",
    b"\\",
    b"\\n",
    b"\\/",
    b"\\u00e9",
    b"\\ud83d",
    b"\\ude00",
    b"\\u0000",
    b"\\x",
    b"\xC3\xA9",
    b"\xC3",
    b"\xF0\x9F\x98\x80",
    b"\xED\xA0\x80",
    b"\xFF",
    b"\x01",
    b"a",
    b"nul",
    b"[[[[",
    b"]]]]",
    b"{\"a\":",
    b"\"a\":1,",
];

/// Checks that `ours` reads as the same value as `theirs`.
pub fn same(ours: Value<'_>, theirs: &Serde) {
    match theirs {
        Serde::Null => {
            assert_eq!(ours.kind(), Kind::Null);
            assert!(ours.is_null());
        }
        Serde::Bool(b) => {
            assert_eq!(ours.kind(), Kind::Bool);
            assert_eq!(ours.as_bool(), Some(*b));
        }
        Serde::Number(n) => {
            assert_eq!(ours.kind(), Kind::Number);
            let again: Serde = serde_json::from_str(ours.raw()).expect("a number re-reads");
            assert_eq!(again.as_f64(), n.as_f64(), "{}", ours.raw());
            assert_eq!(ours.as_i64(), n.as_i64(), "{}", ours.raw());
            assert_eq!(ours.as_text().as_deref(), Some(ours.raw()));
        }
        Serde::String(s) => {
            assert_eq!(ours.kind(), Kind::String);
            assert_eq!(ours.as_str().as_deref(), Some(s.as_str()));
            assert_eq!(ours.as_text().as_deref(), Some(s.as_str()));
        }
        Serde::Array(items) => {
            assert_eq!(ours.kind(), Kind::Array);
            let mine: Vec<_> = ours.items().collect();
            assert_eq!(mine.len(), items.len(), "{}", ours.raw());
            for (a, b) in mine.into_iter().zip(items) {
                same(a, b);
            }
            assert!(ours.members().next().is_none());
            assert!(ours.to_map().is_none());
        }
        Serde::Object(members) => {
            assert_eq!(ours.kind(), Kind::Object);
            let map = ours.to_map().expect("an object has a map");
            assert_eq!(map.len(), members.len(), "{}", ours.raw());
            let sorted: std::collections::BTreeMap<_, _> = members.iter().collect();
            for ((k, v), (sk, sv)) in map.iter().zip(sorted) {
                assert_eq!(k, sk);
                same(*v, sv);
            }
            // Each member read once more by key (by its text: reading it again in full for each
            // way in would make nested objects exponential).
            for ((k, v), _) in map.iter().zip(members) {
                let by_key = ours.get(k).expect("member found");
                assert_eq!(by_key.raw(), v.raw(), "get({k:?})");
                assert_eq!(map.get(k).map(|v| v.raw()), Some(v.raw()));
            }
            assert!(ours.members().count() >= map.len());
            assert!(ours.items().next().is_none());
        }
    }
    let compact = ours.to_compact();
    let back: Serde = serde_json::from_str(&compact)
        .or_else(|e| match without_lone_surrogates(compact.as_bytes()) {
            Some(fixed) => serde_json::from_slice(&fixed),
            None => Err(e),
        })
        .expect("compact text re-reads");
    assert_eq!(&back, theirs, "to_compact of {}", ours.raw());
}

/// The code unit of the `\uXXXX` escape at `text[i..]`, if there is one.
fn unit_at(text: &[u8], i: usize) -> Option<u16> {
    let escape = text.get(i..i + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    u16::from_str_radix(std::str::from_utf8(&escape[2..]).ok()?, 16).ok()
}

/// `text` with every lone surrogate escape spelled `\ufffd`, which the crate documents as how it
/// reads them (serde_json refuses them); `None` when there was none.
fn without_lone_surrogates(text: &[u8]) -> Option<Vec<u8>> {
    let mut fixed = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] != b'\\' {
            fixed.push(text[i]);
            i += 1;
            continue;
        }
        match unit_at(text, i) {
            Some(high @ 0xD800..=0xDBFF)
                if unit_at(text, i + 6).is_some_and(|low| (0xDC00..0xE000).contains(&low)) =>
            {
                let _ = high;
                fixed.extend_from_slice(&text[i..i + 12]);
                i += 12;
            }
            Some(0xD800..=0xDFFF) => {
                fixed.extend_from_slice(b"\\ufffd");
                i += 6;
            }
            _ => {
                fixed.extend_from_slice(text.get(i..i + 2).unwrap_or(&text[i..]));
                i += 2;
            }
        }
    }
    (fixed != text).then_some(fixed)
}

/// Whether serde_json's rejection is one the crate documents as a deliberate difference: a
/// number beyond f64 (valid JSON), or lone surrogate escapes, read as U+FFFD (then the value
/// must be what serde_json reads with them spelled `\ufffd`).
fn known_difference(ours: Value<'_>, text: &[u8], error: &serde_json::Error) -> bool {
    let out_of_range = |e: &serde_json::Error| e.to_string().contains("out of range");
    if out_of_range(error) {
        return true;
    }
    let Some(fixed) = without_lone_surrogates(text) else {
        return false;
    };
    match serde_json::from_slice::<Serde>(&fixed) {
        Ok(theirs) => {
            same(ours, &theirs);
            true
        }
        Err(e) => out_of_range(&e),
    }
}

/// The text of a case: the bytes as they are, or (when the first byte is odd) tokens.
fn text(data: &[u8]) -> Vec<u8> {
    match data.split_first() {
        Some((&control, rest)) if control & 1 == 1 => {
            let mut input = Input::new(rest);
            let mut text = Vec::new();
            while !input.is_empty() {
                text.extend_from_slice(input.pick(TOKENS));
            }
            text
        }
        Some((_, rest)) => rest.to_vec(),
        None => Vec::new(),
    }
}

/// Checks one case; panics when the reader and serde_json disagree.
pub fn check(data: &[u8]) {
    let text = text(data);
    let ours = Value::parse(&text);
    let theirs = serde_json::from_slice::<Serde>(&text);
    let shown = String::from_utf8_lossy(&text);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => same(ours, &theirs),
        (Err(_), Err(_)) => {}
        (Ok(ours), Err(e)) => assert!(
            known_difference(ours, &text, &e),
            "accepted {shown:?}, serde_json: {e}"
        ),
        (Err(e), Ok(_)) => panic!("rejected {shown:?} ({e}), serde_json accepts it"),
    }
}
