//! A small, lazy reader of JSON values: what the crate needs to look inside the caller's
//! arguments, request bodies and API error bodies, without a general JSON library in the wasm.
//!
//! [`Value::parse`] validates the whole text once, as strictly as the transcoder does (the same
//! code: [`super::transcode::validate`]), and then every [`Value`] is a view of its own text.
//! Reading a member or an item scans the validated text; nothing is copied but strings with
//! escapes, and nothing is allocated but the sorted member list of [`Value::to_map`].

use std::borrow::Cow;

use super::text::unescape;
use super::transcode::{validate, TranscodeError, TranscodeErrorKind};

/// One JSON value inside validated text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Value<'a> {
    /// The value's text, without surrounding whitespace. Always valid JSON.
    text: &'a str,
}

/// The kind of a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` or `false`
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl<'a> Value<'a> {
    /// Validates `text` as one JSON value (whitespace around it allowed) and returns it.
    ///
    /// # Errors
    ///
    /// Invalid JSON, or nesting deeper than 128 levels, with the offset of the problem.
    pub fn parse(text: &'a [u8]) -> Result<Value<'a>, TranscodeError> {
        validate(text)?;
        // Validated JSON is UTF-8: strings were checked, and everything else is ASCII.
        let text = std::str::from_utf8(text).map_err(|e| TranscodeError {
            path: String::new(),
            kind: TranscodeErrorKind::Syntax {
                offset: e.valid_up_to(),
                message: "invalid UTF-8",
            },
        })?;
        let bytes = text.as_bytes();
        let start = bytes.iter().position(|&b| !is_ws(b as char)).unwrap_or(0);
        let end = bytes
            .iter()
            .rposition(|&b| !is_ws(b as char))
            .map_or(start, |e| e + 1);
        Ok(Value {
            text: text.get(start..end).unwrap_or_default(),
        })
    }

    /// The value's JSON text (as written, without surrounding whitespace).
    pub fn raw(self) -> &'a str {
        self.text
    }

    /// The value's kind.
    pub fn kind(self) -> Kind {
        match self.text.as_bytes().first() {
            Some(b'"') => Kind::String,
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::Array,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'n') => Kind::Null,
            _ => Kind::Number,
        }
    }

    /// Whether the value is `null`.
    pub fn is_null(self) -> bool {
        self.kind() == Kind::Null
    }

    /// The boolean, if the value is one.
    pub fn as_bool(self) -> Option<bool> {
        match self.text {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// The integer, if the value is a number written without fraction or exponent that fits
    /// an `i64` (as `serde_json::Value::as_i64` reads it: `-0` is a float there).
    pub fn as_i64(self) -> Option<i64> {
        if self.kind() != Kind::Number
            || self.text == "-0"
            || self.text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'))
        {
            return None;
        }
        self.text.parse().ok()
    }

    /// The string, unescaped, if the value is one. A lone surrogate escape becomes U+FFFD.
    pub fn as_str(self) -> Option<Cow<'a, str>> {
        if self.kind() != Kind::String {
            return None;
        }
        let body = self.text.get(1..self.text.len() - 1)?;
        Some(if body.as_bytes().contains(&b'\\') {
            Cow::Owned(unescape(body.as_bytes()))
        } else {
            Cow::Borrowed(body)
        })
    }

    /// The text of a scalar: a string unescaped, a number or a boolean as written.
    pub fn as_text(self) -> Option<Cow<'a, str>> {
        match self.kind() {
            Kind::String => self.as_str(),
            Kind::Number | Kind::Bool => Some(Cow::Borrowed(self.text)),
            _ => None,
        }
    }

    /// The items of an array, in order (none if the value is not an array).
    pub fn items(self) -> Items<'a> {
        Items {
            cursor: self.cursor(b'['),
        }
    }

    /// The members of an object, in document order, duplicates included (none if the value is
    /// not an object).
    pub fn members(self) -> Members<'a> {
        Members {
            cursor: self.cursor(b'{'),
        }
    }

    /// The member `key` of an object; the last one when the key is repeated, as a map built
    /// from the object would keep it.
    pub fn get(self, key: &str) -> Option<Value<'a>> {
        self.members()
            .filter(|(k, _)| k == key)
            .last()
            .map(|(_, v)| v)
    }

    /// The members of an object sorted by key, the last one kept when a key is repeated (the
    /// order and the duplicate rule of `serde_json::Map`); `None` if the value is not an object.
    pub fn to_map(self) -> Option<Map<'a>> {
        if self.kind() != Kind::Object {
            return None;
        }
        let mut map = Map::default();
        for (key, value) in self.members() {
            match map.find(&key) {
                Ok(i) => {
                    if let Some(slot) = map.members.get_mut(i) {
                        slot.1 = value;
                    }
                }
                Err(i) => map.members.insert(i, (key, value)),
            }
        }
        Some(map)
    }

    /// The value as compact JSON: its text without whitespace outside strings.
    pub fn to_compact(self) -> Cow<'a, str> {
        if !self.text.bytes().any(|b| is_ws(b as char)) {
            return Cow::Borrowed(self.text);
        }
        let mut out = String::with_capacity(self.text.len());
        let (mut in_string, mut escaped) = (false, false);
        for c in self.text.chars() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                }
            } else if c == '"' {
                in_string = true;
            } else if is_ws(c) {
                continue;
            }
            out.push(c);
        }
        Cow::Owned(out)
    }

    /// A cursor inside the container that opens with `open`, or an empty one.
    fn cursor(self, open: u8) -> Cursor<'a> {
        let inside = self.text.as_bytes().first() == Some(&open);
        Cursor {
            text: self.text,
            pos: if inside { 1 } else { self.text.len() },
        }
    }
}

/// An object's members sorted by key, without duplicates: see [`Value::to_map`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Map<'a> {
    members: Vec<(Cow<'a, str>, Value<'a>)>,
}

impl<'a> Map<'a> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.members.binary_search_by(|(k, _)| k.as_ref().cmp(key))
    }

    /// The member `key`.
    pub fn get(&self, key: &str) -> Option<Value<'a>> {
        let i = self.find(key).ok()?;
        self.members.get(i).map(|(_, v)| *v)
    }

    /// The members, sorted by key.
    pub fn iter(&self) -> std::slice::Iter<'_, (Cow<'a, str>, Value<'a>)> {
        self.members.iter()
    }

    /// How many members there are.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// Iterator over an array's items: see [`Value::items`].
#[derive(Debug, Clone)]
pub struct Items<'a> {
    cursor: Cursor<'a>,
}

impl<'a> Iterator for Items<'a> {
    type Item = Value<'a>;

    fn next(&mut self) -> Option<Value<'a>> {
        self.cursor.next_value()
    }
}

/// Iterator over an object's members: see [`Value::members`].
#[derive(Debug, Clone)]
pub struct Members<'a> {
    cursor: Cursor<'a>,
}

impl<'a> Iterator for Members<'a> {
    type Item = (Cow<'a, str>, Value<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let key = self.cursor.next_value()?;
        let value = self.cursor.next_value()?;
        Some((key.as_str().unwrap_or_default(), value))
    }
}

/// A position inside a validated array or object.
#[derive(Debug, Clone)]
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    /// The next value (or key) of the container, skipping separators; `None` at its end.
    fn next_value(&mut self) -> Option<Value<'a>> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b':') = bytes.get(self.pos) {
            self.pos += 1;
        }
        let start = self.pos;
        match bytes.get(start) {
            None | Some(b']' | b'}') => {
                self.pos = bytes.len();
                None
            }
            Some(_) => {
                self.pos = end_of_value(bytes, start);
                self.text.get(start..self.pos).map(|text| Value { text })
            }
        }
    }
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// The end of the validated value that starts at `at`.
fn end_of_value(bytes: &[u8], at: usize) -> usize {
    let mut depth = 0usize;
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                i = end_of_string(bytes, i);
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth <= 1 {
                    return if depth == 0 { i } else { i + 1 };
                }
                depth -= 1;
            }
            b',' | b':' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The offset after the closing quote of the validated string that starts at `at`.
fn end_of_string(bytes: &[u8], at: usize) -> usize {
    let mut i = at + 1;
    loop {
        i = crate::swar::find_string_stop(bytes, i).0;
        match bytes.get(i) {
            Some(b'\\') => i += 2,
            Some(_) => return i + 1,
            None => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value as Serde;

    /// Checks that `ours` reads as the same value as `theirs`.
    fn same(ours: Value<'_>, theirs: &Serde) {
        match theirs {
            Serde::Null => assert_eq!(ours.kind(), Kind::Null),
            Serde::Bool(b) => assert_eq!(ours.as_bool(), Some(*b)),
            Serde::Number(n) => {
                assert_eq!(ours.kind(), Kind::Number);
                let again: Serde = serde_json::from_str(ours.raw()).unwrap();
                assert_eq!(again.as_f64(), n.as_f64(), "{}", ours.raw());
                assert_eq!(ours.as_i64(), n.as_i64(), "{}", ours.raw());
                assert_eq!(ours.as_text().as_deref(), Some(ours.raw()));
            }
            Serde::String(s) => {
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
                let map = ours.to_map().unwrap();
                assert_eq!(map.len(), members.len(), "{}", ours.raw());
                // Both sorted by key, the last duplicate kept (whatever order serde_json keeps).
                let sorted: std::collections::BTreeMap<_, _> = members.iter().collect();
                for ((k, v), (sk, sv)) in map.iter().zip(sorted) {
                    assert_eq!(k, sk);
                    same(*v, sv);
                }
                for (k, v) in members {
                    same(ours.get(k).unwrap(), v);
                    same(map.get(k).unwrap(), v);
                }
                assert!(ours.get("no such key \u{1}").is_none());
                assert!(ours.items().next().is_none());
            }
        }
        // The compact text is the same value again.
        let compact = ours.to_compact();
        assert!(!compact.contains("\n"));
        let back: Serde = serde_json::from_str(&compact).unwrap();
        assert_eq!(&back, theirs);
    }

    fn check(text: &str) {
        let theirs: Serde = serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let ours = Value::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{text}: {e}"));
        same(ours, &theirs);
    }

    #[test]
    fn reads_like_serde_json() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "12",
            "-12.5e+3",
            "1E2",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "123456789012345678901234567890",
            r#""""#,
            r#""plain""#,
            r#""a\"b\\c\/d\b\f\n\r\t \u00e9\u4e2d\ud83d\ude00 café""#,
            "[]",
            "[ ]",
            "{}",
            "{ }",
            "[1,\"two\",[3,[]],{\"four\":4},null,true,false]",
            "\t{\n \"b\" : 1 ,\r\n \"a\" : [ 1 , { \"x\" : \"]}\\\"\" } ] , \"c\":{}}\n",
            r#"{"dup":1,"other":"x","dup":{"inner":[1,2]}}"#,
            r#"{"a\u0062c":1,"abc":2,"z\"q":"\\"}"#,
            r#"{"":"","  ":" "}"#,
            r#"[[[[[[["deep"]]]]]]]"#,
            r#"{"detail":[{"loc":["body",0,"model"],"msg":"Field required","type":"missing"}]}"#,
            r#"{"nums":[0,-1,1.5,2e10,-3E-2],"s":"\u0000\u001f"}"#,
        ] {
            check(text);
        }
    }

    #[test]
    fn rejects_what_serde_json_rejects() {
        for text in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "[1 2]",
            "01",
            "1.",
            "-",
            ".5",
            "1e",
            "tru",
            "nul",
            "\"unterminated",
            "\"bad \\x escape\"",
            "\"bad \\u12 escape\"",
            "\"raw \n newline\"",
            "[] []",
            "{} x",
            "'single'",
            "NaN",
        ] {
            assert!(serde_json::from_str::<Serde>(text).is_err(), "{text:?}");
            assert!(Value::parse(text.as_bytes()).is_err(), "{text:?}");
        }
        assert!(Value::parse(b"\"\xff\"").is_err());
        assert!(Value::parse(b"\"caf\xc3\"").is_err());
    }

    #[test]
    fn limits_depth_and_reads_surrogates_as_the_transcoder_does() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(Value::parse(deep(128).as_bytes()).is_ok());
        assert!(Value::parse(deep(129).as_bytes()).is_err());
        let v = Value::parse(br#""\ud83d x""#).unwrap();
        assert_eq!(v.as_str().as_deref(), Some("\u{fffd} x"));
    }

    #[test]
    fn reads_kinds_and_text() {
        let v =
            Value::parse(br#"{"s":"x","n":-3,"f":1.5,"b":true,"z":null,"a":[1],"o":{}}"#).unwrap();
        let kind = |k: &str| v.get(k).map(Value::kind);
        assert_eq!(kind("s"), Some(Kind::String));
        assert_eq!(kind("n"), Some(Kind::Number));
        assert_eq!(kind("b"), Some(Kind::Bool));
        assert_eq!(kind("z"), Some(Kind::Null));
        assert_eq!(kind("a"), Some(Kind::Array));
        assert_eq!(kind("o"), Some(Kind::Object));
        assert_eq!(kind("missing"), None);
        assert_eq!(v.get("n").and_then(Value::as_i64), Some(-3));
        assert_eq!(v.get("f").and_then(Value::as_i64), None);
        assert_eq!(v.get("b").and_then(Value::as_text).as_deref(), Some("true"));
        assert_eq!(v.get("z").and_then(Value::as_text), None);
        assert!(v.get("z").unwrap().is_null());
        assert_eq!(v.get("s").and_then(Value::as_i64), None);
        assert_eq!(v.get("a").unwrap().raw(), "[1]");
        // Reading into a scalar finds nothing inside it.
        let s = v.get("s").unwrap();
        assert!(s.get("x").is_none() && s.items().next().is_none() && s.to_map().is_none());
        // Borrowed unless escaped.
        assert!(matches!(s.as_str(), Some(Cow::Borrowed("x"))));
        let members: Vec<_> = v.members().map(|(k, _)| k.into_owned()).collect();
        assert_eq!(members, ["s", "n", "f", "b", "z", "a", "o"]);
    }

    /// A small deterministic generator of JSON documents.
    struct Gen(u64);

    impl Gen {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }

        fn string(&mut self) -> String {
            const PIECES: [&str; 12] = [
                "a", "key", " ", "\"", "\\", "\n", "é", "中", "😀", "\u{1}", "/", "}]",
            ];
            (0..self.next(5))
                .map(|_| PIECES[self.next(12) as usize])
                .collect()
        }

        fn value(&mut self, depth: u32) -> Serde {
            match self.next(if depth > 4 { 4 } else { 6 }) {
                0 => Serde::Null,
                1 => Serde::Bool(self.next(2) == 1),
                2 => match self.next(3) {
                    0 => Serde::from(self.next(1 << 40) as i64 - (1 << 39)),
                    1 => Serde::from((self.next(1 << 20) as f64 - 5e5) / 64.0),
                    _ => Serde::from(u64::MAX - self.next(10)),
                },
                3 => Serde::String(self.string()),
                4 => Serde::Array((0..self.next(5)).map(|_| self.value(depth + 1)).collect()),
                _ => Serde::Object(
                    (0..self.next(5))
                        .map(|_| (self.string(), self.value(depth + 1)))
                        .collect(),
                ),
            }
        }
    }

    #[test]
    fn generated_documents_read_like_serde_json() {
        let mut gen = Gen(7);
        for _ in 0..400 {
            let doc = gen.value(0);
            check(&serde_json::to_string(&doc).unwrap());
            check(&serde_json::to_string_pretty(&doc).unwrap());
        }
    }

    #[test]
    fn damaged_documents_are_rejected_like_serde_json() {
        let mut gen = Gen(11);
        const BYTES: &[u8] = b"{}[]\",:\\ 0-.eEtn1x\n";
        let mut checked = 0;
        for _ in 0..3000 {
            let mut text = serde_json::to_vec(&gen.value(0)).unwrap();
            for _ in 0..=gen.next(2) {
                let at = gen.next(text.len() as u64 + 1) as usize;
                let byte = BYTES[gen.next(BYTES.len() as u64) as usize];
                match gen.next(3) {
                    0 => text.insert(at, byte),
                    1 if at < text.len() => drop(text.remove(at)),
                    _ if at < text.len() => text[at] = byte,
                    _ => {}
                }
            }
            let theirs = serde_json::from_slice::<Serde>(&text);
            let ours = Value::parse(&text);
            // serde_json rejects lone surrogate escapes, which we read as U+FFFD, and numbers
            // beyond f64 (`1e400`), which are valid JSON.
            if let (Err(e), Ok(_)) = (&theirs, &ours) {
                if text.windows(3).any(|w| w == b"\\ud") || e.to_string().contains("out of range") {
                    continue;
                }
            }
            assert_eq!(
                ours.is_ok(),
                theirs.is_ok(),
                "{}",
                String::from_utf8_lossy(&text)
            );
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                same(ours, &theirs);
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
    }
}
