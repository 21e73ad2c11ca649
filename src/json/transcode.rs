//! Converts JSON text between the wire spelling (snake_case) and the JavaScript spelling
//! (camelCase), guided by the model's [`Shape`] tables.
//!
//! One pass, linear in the input, output written once. Only keys the model defines are
//! renamed; unknown keys, unknown union members and opaque values (`Shape::Any`: JSON Schema,
//! metadata, headers, tool arguments) are copied byte for byte. Tag values are never touched.
//! Everything copied is validated, so malformed input becomes a [`TranscodeError`], never
//! broken output.
//!
//! * [`to_js`] reads what Mistral sent. It is lenient: a value of an unexpected kind is copied
//!   as it is, so a server change never breaks a stream. [`to_js_checked`] reads a one-shot
//!   response: a known field of the wrong JSON kind is an error there, as it would be for the
//!   official SDK, while unknown keys, union members and enum values still pass.
//! * [`to_wire`] reads what a caller passed. It is strict: wrong kinds and missing required
//!   fields are errors that name the field by its JavaScript path (`tools[1].connectorId`).
//!   Both spellings of a key are accepted on this side.

use std::borrow::Cow;
use std::fmt;

use crate::model::shape::{Field, Shape, StructShape, UnionShape};

/// Nesting deeper than this is rejected rather than risking the stack.
const MAX_DEPTH: usize = 128;

/// Why a document could not be transcoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscodeError {
    /// Where, as a JavaScript path (`tools[0].toolConfiguration`); empty at the top level.
    pub path: String,
    /// What went wrong.
    pub kind: TranscodeErrorKind,
}

/// The kinds of [`TranscodeError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranscodeErrorKind {
    /// The text is not valid JSON.
    Syntax {
        /// Byte offset of the problem.
        offset: usize,
        /// What was wrong there.
        message: &'static str,
    },
    /// A value has the wrong JSON kind.
    Type {
        /// What the field takes.
        expected: &'static str,
        /// What it got.
        found: &'static str,
    },
    /// A required field is missing.
    MissingField {
        /// The field's JavaScript name.
        field: String,
    },
    /// A number outside the range the API documents for its field.
    Range {
        /// The rule (`between 0 and 1`).
        rule: &'static str,
        /// The number, as written.
        value: String,
    },
    /// The document nests deeper than 128 levels.
    TooDeep,
    /// There was no memory left to record the document's top-level members.
    OutOfMemory,
    /// A key this version does not know, written in camelCase: the wire would get it as written,
    /// which the API never spells that way.
    CamelCaseKey {
        /// The key as given.
        key: String,
        /// The snake_case spelling the API would use.
        snake: String,
    },
}

impl fmt::Display for TranscodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |f: &mut fmt::Formatter<'_>| {
            if self.path.is_empty() {
                Ok(())
            } else {
                write!(f, " at `{}`", self.path)
            }
        };
        match &self.kind {
            TranscodeErrorKind::Syntax { offset, message } => {
                write!(f, "invalid JSON at byte {offset}: {message}")?;
                at(f)
            }
            TranscodeErrorKind::Type { expected, found } if self.path.is_empty() => {
                write!(f, "expected {expected}, got {found}")
            }
            TranscodeErrorKind::Type { expected, found } => {
                write!(f, "`{}` must be {expected}, got {found}", self.path)
            }
            TranscodeErrorKind::MissingField { field } if self.path.is_empty() => {
                write!(f, "missing required field `{field}`")
            }
            TranscodeErrorKind::MissingField { field } => {
                write!(f, "`{}` is missing the required field `{field}`", self.path)
            }
            TranscodeErrorKind::CamelCaseKey { key, snake } => {
                let at = if self.path.is_empty() {
                    String::new()
                } else {
                    format!("`{}` ", self.path)
                };
                write!(
                    f,
                    "{at}has no field `{key}` in this version; fields it does not know are sent as written, \
                     so write them as the API spells them (`{snake}`)"
                )
            }
            TranscodeErrorKind::Range { rule, value } => {
                write!(f, "`{}` must be {rule}, got {value}", self.path)
            }
            TranscodeErrorKind::TooDeep => {
                write!(f, "JSON nests deeper than {MAX_DEPTH} levels")?;
                at(f)
            }
            TranscodeErrorKind::OutOfMemory => f.write_str("out of memory"),
        }
    }
}

impl std::error::Error for TranscodeError {}

/// Converts wire JSON (as Mistral sends it) into JavaScript JSON, appending to `out`.
///
/// # Errors
///
/// Only when `wire` is not valid JSON (or nests absurdly deep); shape mismatches are copied verbatim.
pub fn to_js(wire: &[u8], shape: &'static Shape, out: &mut Vec<u8>) -> Result<(), TranscodeError> {
    Transcoder::new(wire, out, false).document(shape, &[])
}

/// Like [`to_js`], with every non-ASCII character written as a `\u` escape, so the output is
/// ASCII and JavaScript can make a string of it without UTF-8 decoding (a Latin-1 view).
///
/// # Errors
///
/// As [`to_js`].
pub fn to_js_ascii(
    wire: &[u8],
    shape: &'static Shape,
    out: &mut Vec<u8>,
) -> Result<(), TranscodeError> {
    let mut transcoder = Transcoder::new(wire, out, false);
    transcoder.ascii = true;
    transcoder.document(shape, &[])
}

/// Like [`to_js_ascii`], and writes each date-time value ([`Shape::DateTime`]) as its
/// milliseconds since the epoch (a string that is not an RFC 3339 date-time stays as it is),
/// recording where it is in `dates`, so JavaScript can make `Date`s of exactly those values
/// without looking at any other (see `push_date_path` for the format).
///
/// # Errors
///
/// As [`to_js`].
pub fn to_js_dated(
    wire: &[u8],
    shape: &'static Shape,
    out: &mut Vec<u8>,
    dates: &mut Vec<u8>,
) -> Result<(), TranscodeError> {
    to_js_with(wire, shape, out, None, Some(dates), false)
}

/// Like [`to_js_dated`], for a one-shot response: a field the model defines whose value has
/// another JSON kind (`conversation_id: 5`, a string among `outputs`, `null` where the field is
/// not nullable) is an error naming it by its JavaScript path. Unknown keys, unknown union
/// members and any string in an enum's place still pass through verbatim, and a fraction where
/// an integer is expected passes too (both are JSON numbers).
///
/// # Errors
///
/// As [`to_js`], and a [`TranscodeErrorKind::Type`] error for a known field of the wrong kind.
pub fn to_js_checked(
    wire: &[u8],
    shape: &'static Shape,
    out: &mut Vec<u8>,
    dates: &mut Vec<u8>,
) -> Result<(), TranscodeError> {
    to_js_with(wire, shape, out, None, Some(dates), true)
}

/// [`to_js_dated`], [`to_js_checked`] and [`to_js_members`]: one copy of the document walk.
#[inline(never)]
fn to_js_with<'o>(
    wire: &[u8],
    shape: &'static Shape,
    out: &'o mut Vec<u8>,
    members: Option<&'o mut Vec<Member>>,
    dates: Option<&'o mut Vec<u8>>,
    strict: bool,
) -> Result<(), TranscodeError> {
    let mut transcoder = Transcoder::new(wire, out, false);
    transcoder.ascii = true;
    transcoder.ms = true;
    transcoder.strict = strict;
    transcoder.members_out = members;
    transcoder.dates = dates;
    transcoder.document(shape, &[])
}

/// One top-level member of a transcoded object: byte ranges into the input.
#[derive(Debug, Clone)]
pub struct Member {
    /// The key, without quotes (raw: escapes are not decoded).
    pub key: std::ops::Range<usize>,
    /// The raw JSON value.
    pub value: std::ops::Range<usize>,
    /// The shape the value was read with ([`Shape::Any`] for a key the model does not define).
    pub shape: &'static Shape,
}

/// Like [`to_js_ascii`] with dates written as milliseconds, as [`to_js_dated`] writes them (but
/// not listed: a conversation event's only date is its top-level `createdAt`), and records
/// where each top-level member of the input sits, so a caller can read fields without parsing
/// the document a second time.
///
/// # Errors
///
/// As [`to_js`].
pub fn to_js_members(
    wire: &[u8],
    shape: &'static Shape,
    out: &mut Vec<u8>,
    members: &mut Vec<Member>,
) -> Result<(), TranscodeError> {
    to_js_with(wire, shape, out, Some(members), None, false)
}

/// Transcodes the one wire value that starts at `src[start]` (no whitespace before it) as
/// [`to_js_members`] would inside a document, appending it to `out`; returns where it ends.
///
/// # Errors
///
/// When no valid JSON value starts there.
pub fn value_to_js_ascii(
    src: &[u8],
    start: usize,
    shape: &'static Shape,
    out: &mut Vec<u8>,
) -> Result<usize, TranscodeError> {
    let mut transcoder = Transcoder::new_at(src, start, out);
    transcoder.ascii = true;
    transcoder.ms = true;
    // Wire to JavaScript, only objects and arrays have keys to rename and only date-times are
    // rewritten: another scalar is copied as it is whatever the shape says, so the (large)
    // shape-guided walk is left out for it.
    let walked = match src.get(start) {
        Some(b'{' | b'[') => transcoder.value(shape),
        Some(b'"') if shape.is_date() => transcoder.value(shape),
        Some(b'"') => transcoder.skip_string().map(drop),
        _ => transcoder.skip_value(),
    };
    match walked {
        Ok(()) => {
            let end = transcoder.pos;
            transcoder.flush(end);
            Ok(end)
        }
        Err(e) => Err(*e),
    }
}

/// Converts JavaScript JSON (as a caller passed it) into wire JSON, appending to `out`.
///
/// `replace` forces top-level members: each `(key, raw JSON)` pair drops that key from the
/// input and appends it with the given value (the methods own `stream` this way).
///
/// # Errors
///
/// Invalid JSON, a value of the wrong kind, or a missing required field, named by its path.
pub fn to_wire(
    js: &[u8],
    shape: &'static Shape,
    replace: &[(&str, &str)],
    out: &mut Vec<u8>,
) -> Result<(), TranscodeError> {
    Transcoder::new(js, out, true).document(shape, replace)
}

/// Checks that `src` is one JSON value, whitespace around it allowed, exactly as strictly as the
/// transcoders read (UTF-8 in strings, escapes, numbers, nesting up to 128 levels). Writes nothing.
///
/// # Errors
///
/// The first problem, with its byte offset.
pub fn validate(src: &[u8]) -> Result<(), TranscodeError> {
    let mut out = Vec::new();
    Transcoder {
        src,
        pos: 0,
        out: &mut out,
        from_js: true,
        path: Vec::new(),
        depth: 0,
        members_out: None,
        ascii: false,
        copied: 0,
        dates: None,
        ms: false,
        strict: false,
    }
    .validate_document()
    .map_err(|e| *e)
}

/// One segment of an error path, or of a date's path.
enum Segment<'a> {
    Field(&'static Field),
    Key(Cow<'a, str>),
    Index(usize),
}

/// Results inside the transcoder: the error is boxed so a `Result` is one word, returned in a
/// register on the hot path instead of through memory.
type Res<T> = Result<T, Box<TranscodeError>>;

struct Transcoder<'a, 'o> {
    src: &'a [u8],
    pos: usize,
    out: &'o mut Vec<u8>,
    /// Reading the caller's JavaScript spelling (strict), or Mistral's wire spelling (lenient).
    from_js: bool,
    path: Vec<Segment<'a>>,
    depth: usize,
    /// Where to record the top-level members, if anyone asked.
    members_out: Option<&'o mut Vec<Member>>,
    /// Whether to escape non-ASCII characters in what is copied.
    ascii: bool,
    /// The input before this offset is already in `out` (or deliberately left out). The output
    /// is the input with patches: renamed keys, dropped and appended members. Everything else
    /// is copied in long runs when the next patch, or the end, comes.
    copied: usize,
    /// Whether date-times are written as their milliseconds since the epoch.
    ms: bool,
    /// Whether a known field of the wrong JSON kind is an error on Mistral's side too (a one-shot
    /// response), instead of being copied as it is.
    strict: bool,
    /// Where to record the paths of date-times, if anyone asked.
    dates: Option<&'o mut Vec<u8>>,
}

/// A JSON string's position: `start..end` includes the quotes.
struct StringSpan {
    start: usize,
    end: usize,
    escaped: bool,
}

impl<'a, 'o> Transcoder<'a, 'o> {
    /// A wire-to-JavaScript transcoder for the value at `start`, reserving only for a short value.
    fn new_at(src: &'a [u8], start: usize, out: &'o mut Vec<u8>) -> Self {
        out.reserve(32);
        Self {
            src,
            pos: start,
            out,
            from_js: false,
            path: Vec::new(),
            // A top-level member's value: one level down, as inside `document`.
            depth: 1,
            members_out: None,
            ascii: false,
            copied: start,
            dates: None,
            ms: false,
            strict: false,
        }
    }

    fn new(src: &'a [u8], out: &'o mut Vec<u8>, from_js: bool) -> Self {
        out.reserve(src.len() + 32);
        Self {
            src,
            pos: 0,
            out,
            from_js,
            path: Vec::new(),
            depth: 0,
            members_out: None,
            ascii: false,
            copied: 0,
            dates: None,
            ms: false,
            strict: false,
        }
    }

    fn document(
        &mut self,
        shape: &'static Shape,
        replace: &[(&str, &str)],
    ) -> Result<(), TranscodeError> {
        let result = match self.transcode_document(shape, replace) {
            // Text that is not JSON is a syntax error, even when a shape error came first.
            Err(e)
                if matches!(
                    e.kind,
                    TranscodeErrorKind::Type { .. } | TranscodeErrorKind::MissingField { .. }
                ) =>
            {
                let syntax = self.validate_document().err();
                Err(syntax
                    .filter(|v| matches!(v.kind, TranscodeErrorKind::Syntax { .. }))
                    .unwrap_or(e))
            }
            result => result,
        };
        result.map_err(|e| *e)
    }

    /// Validates the whole input from the start, writing nothing (only on the error path).
    fn validate_document(&mut self) -> Res<()> {
        self.pos = 0;
        self.depth = 0;
        self.path.clear();
        self.ws();
        self.skip_value()?;
        self.ws();
        if self.pos < self.src.len() {
            return Err(self.syntax("unexpected characters after the value"));
        }
        Ok(())
    }

    fn transcode_document(&mut self, shape: &'static Shape, replace: &[(&str, &str)]) -> Res<()> {
        self.ws();
        // Leading and trailing whitespace is not part of the output.
        self.copied = self.pos;
        match shape {
            Shape::Struct(s) if self.peek() == Some(b'{') => self.object(s, replace)?,
            _ => self.value(shape)?,
        }
        self.flush(self.pos);
        self.ws();
        if self.pos < self.src.len() {
            return Err(self.syntax("unexpected characters after the value"));
        }
        Ok(())
    }

    // ----- errors -----

    fn path_string(&self) -> String {
        let mut path = String::new();
        for segment in &self.path {
            match segment {
                Segment::Field(field) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&field.js());
                }
                Segment::Key(key) => {
                    path.push('[');
                    super::text::write_quoted(&mut path, key);
                    path.push(']');
                }
                Segment::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        path
    }

    #[cold]
    fn error(&self, kind: TranscodeErrorKind) -> Box<TranscodeError> {
        Box::new(TranscodeError {
            path: self.path_string(),
            kind,
        })
    }

    #[cold]
    fn syntax(&self, message: &'static str) -> Box<TranscodeError> {
        self.error(TranscodeErrorKind::Syntax {
            offset: self.pos,
            message,
        })
    }

    // ----- low-level scanning -----

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    #[inline(always)]
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    #[inline(always)]
    fn expect(&mut self, byte: u8, message: &'static str) -> Res<()> {
        self.ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax(message))
        }
    }

    #[inline(always)]
    fn enter(&mut self) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(self.error(TranscodeErrorKind::TooDeep))
        } else {
            Ok(())
        }
    }

    /// Validates the string at `pos` (which must be `"`) and moves past it.
    fn skip_string(&mut self) -> Res<StringSpan> {
        let start = self.pos;
        let mut i = start + 1;
        let mut escaped = false;
        let mut ascii = true;
        loop {
            let (stop, high) = crate::swar::find_string_stop(self.src, i);
            ascii &= !high;
            i = stop;
            let Some(&b) = self.src.get(i) else {
                self.pos = i;
                return Err(self.syntax("unterminated string"));
            };
            match b {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    match self.src.get(i + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                        Some(b'u') => {
                            let hex = self.src.get(i + 2..i + 6);
                            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                                self.pos = i;
                                return Err(self.syntax("invalid \\u escape"));
                            }
                            i += 6;
                        }
                        _ => {
                            self.pos = i;
                            return Err(self.syntax("invalid escape"));
                        }
                    }
                }
                _ => {
                    self.pos = i;
                    return Err(self.syntax("control character in string"));
                }
            }
        }
        if !ascii {
            if let Err(e) = std::str::from_utf8(&self.src[start + 1..i]) {
                self.pos = start + 1 + e.valid_up_to();
                return Err(self.syntax("invalid UTF-8 in string"));
            }
        }
        self.pos = i + 1;
        Ok(StringSpan {
            start,
            end: self.pos,
            escaped,
        })
    }

    /// The text of a string span, unescaped only when it has escapes.
    fn string_text(&self, span: &StringSpan) -> Cow<'a, str> {
        let src: &'a [u8] = self.src;
        let body = &src[span.start + 1..span.end - 1];
        if span.escaped {
            Cow::Owned(super::text::unescape(body))
        } else {
            Cow::Borrowed(std::str::from_utf8(body).unwrap_or_default())
        }
    }

    /// The bytes of a string span, unescaped only when it has escapes: for comparing keys.
    fn key_bytes(&self, span: &StringSpan) -> Cow<'a, [u8]> {
        let src: &'a [u8] = self.src;
        let body = &src[span.start + 1..span.end - 1];
        if span.escaped {
            Cow::Owned(super::text::unescape(body).into_bytes())
        } else {
            Cow::Borrowed(body)
        }
    }

    /// Validates a number at `pos`; returns whether it had a fraction or exponent.
    fn skip_number(&mut self) -> Res<bool> {
        let digits = |s: &mut Self| {
            let start = s.pos;
            while let Some(b'0'..=b'9') = s.peek() {
                s.pos += 1;
            }
            s.pos > start
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return Err(self.syntax("invalid number"));
        }
        let mut fractional = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            fractional = true;
            if !digits(self) {
                return Err(self.syntax("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            fractional = true;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.syntax("invalid number"));
            }
        }
        Ok(fractional)
    }

    fn skip_literal(&mut self) -> Res<()> {
        for word in [&b"true"[..], b"false", b"null"] {
            if self.src[self.pos..].starts_with(word) {
                self.pos += word.len();
                return Ok(());
            }
        }
        Err(self.syntax("expected a value"))
    }

    /// Validates any value at `pos` and moves past it, writing nothing.
    fn skip_value(&mut self) -> Res<()> {
        self.ws();
        match self.peek() {
            Some(b'"') => self.skip_string().map(drop),
            Some(b'-' | b'0'..=b'9') => self.skip_number().map(drop),
            Some(b'{') => {
                self.enter()?;
                self.pos += 1;
                self.ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        self.ws();
                        if self.peek() != Some(b'"') {
                            return Err(self.syntax("expected a key"));
                        }
                        self.skip_string()?;
                        self.expect(b':', "expected `:`")?;
                        self.skip_value()?;
                        self.ws();
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(b'}') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(self.syntax("expected `,` or `}`")),
                        }
                    }
                }
                self.depth -= 1;
                Ok(())
            }
            Some(b'[') => {
                self.enter()?;
                self.pos += 1;
                self.ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        self.skip_value()?;
                        self.ws();
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(b']') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(self.syntax("expected `,` or `]`")),
                        }
                    }
                }
                self.depth -= 1;
                Ok(())
            }
            Some(_) => self.skip_literal(),
            None => Err(self.syntax("unexpected end of JSON")),
        }
    }

    /// Copies any value verbatim after validating it.
    #[inline(always)]
    fn copy_value(&mut self) -> Res<()> {
        self.skip_value()
    }

    /// Brings the output up to the input offset `upto`, copying the run since the last patch
    /// (non-ASCII characters escaped in ASCII mode).
    fn flush(&mut self, upto: usize) {
        if upto <= self.copied {
            return;
        }
        let bytes = &self.src[self.copied..upto];
        if self.ascii && !crate::swar::is_ascii(bytes) {
            super::text::escape_non_ascii(self.out, bytes);
        } else {
            self.out.extend_from_slice(bytes);
        }
        self.copied = upto;
    }

    /// Writes the field's wire key (or, with `js`, its JavaScript key) in place of the key at
    /// `start..end`.
    #[inline(never)]
    fn patch_key(&mut self, start: usize, end: usize, field: &Field, js: bool) {
        self.flush(start);
        self.out.push(b'"');
        if js {
            field.push_js(self.out);
        } else {
            self.out.extend_from_slice(field.wire.as_bytes());
        }
        self.out.push(b'"');
        self.copied = end;
    }

    /// Whether paths are kept: for the caller's errors, or for the dates.
    #[inline(always)]
    fn tracks(&self) -> bool {
        self.from_js || self.dates.is_some()
    }

    /// A date-time string at `pos`: copied from JavaScript; to JavaScript, when asked, written
    /// as its milliseconds since the epoch (and its path recorded when asked). A string that is
    /// not an RFC 3339 date-time stays as it is, and is not listed.
    #[inline(never)]
    fn date(&mut self) -> Res<()> {
        let start = self.pos;
        let span = self.skip_string()?;
        if !self.ms || span.escaped {
            return Ok(());
        }
        if let Some(ms) = super::date::epoch_ms(&self.src[start + 1..span.end - 1]) {
            self.flush(start);
            super::date::write_i64(self.out, ms);
            self.copied = span.end;
            if let Some(dates) = self.dates.as_deref_mut() {
                push_date_path(dates, &self.path);
            }
        }
        Ok(())
    }

    // ----- shape-guided transcoding -----

    fn value(&mut self, shape: &'static Shape) -> Res<()> {
        self.ws();
        let Some(b) = self.peek() else {
            return Err(self.syntax("unexpected end of JSON"));
        };
        match (shape, b) {
            (Shape::Any, _) | (Shape::Nullable(_), b'n') => self.copy_value(),
            (Shape::Nullable(inner), _) => self.value(inner),
            (Shape::DateTime, b'"') => self.date(),
            (Shape::String, b'"')
            | (Shape::Number, b'-' | b'0'..=b'9')
            | (Shape::Bool, b't' | b'f') => self.copy_value(),
            (Shape::Integer, b'-' | b'0'..=b'9') => {
                let start = self.pos;
                let fractional = self.skip_number()?;
                // 16 characters or more: perhaps past 2^53 - 1 (decided on the cold path; not in
                // the conversations entry's wasm, for its budget).
                let long = cfg!(not(feature = "conversations-only")) && self.pos - start > 15;
                if self.from_js && (fractional || long) {
                    return self.integer_error(start, fractional);
                }
                Ok(())
            }
            (Shape::Array(inner), b'[') => self.array(inner),
            (Shape::Record(inner), b'{') => self.record(inner),
            (Shape::Struct(s), b'{') => self.object(s, &[]),
            (Shape::Union(u), b'{') => self.union(u),
            (Shape::OneOf(branches), _) => {
                match branches.iter().find(|branch| accepts(branch, b)) {
                    Some(branch) => self.value(branch),
                    None => self.mismatch(shape, b),
                }
            }
            _ => self.mismatch(shape, b),
        }
    }

    /// A caller's integer at `start..pos` that is a fraction, or perhaps past 2^53 - 1, where a
    /// JavaScript number is no longer the integer it reads as (the official SDK's `z.int()`
    /// refuses it too): at most 16 digits, and 16 only up to 9007199254740991.
    #[cold]
    #[inline(never)]
    fn integer_error(&mut self, start: usize, fractional: bool) -> Res<()> {
        let number = &self.src[start..self.pos];
        let digits = number.strip_prefix(b"-").unwrap_or(number);
        if !fractional && (digits.len() < 16 || digits.len() == 16 && digits <= b"9007199254740991")
        {
            return Ok(());
        }
        self.pos = start;
        Err(self.error(TranscodeErrorKind::Type {
            expected: "an integer",
            found: if fractional {
                "a fraction"
            } else {
                "one past 2^53 - 1"
            },
        }))
    }

    /// A caller's number field (the value at `start..pos`) outside its documented range
    /// ([`range_of`](crate::request::validate::range_of)) is an error naming it, with the value.
    #[cfg(not(feature = "conversations-only"))]
    #[inline(never)]
    fn range(&mut self, field: &Field, start: usize) -> Res<()> {
        use crate::request::validate::{range_of, within};
        let number = &self.src[start..self.pos];
        match range_of(field.wire) {
            Some((lowest, highest, rule))
                if number != b"null" && !within(number, lowest, highest) =>
            {
                // A number's text is ASCII.
                let value = number.iter().map(|&b| char::from(b)).collect();
                Err(self.error(TranscodeErrorKind::Range { rule, value }))
            }
            _ => Ok(()),
        }
    }

    fn mismatch(&mut self, shape: &'static Shape, b: u8) -> Res<()> {
        if self.from_js || self.strict {
            // Invalid JSON is a syntax error, whatever the shape expected.
            let start = self.pos;
            self.skip_value()?;
            self.pos = start;
            Err(self.error(TranscodeErrorKind::Type {
                expected: shape.expected(),
                found: kind_of(b),
            }))
        } else {
            self.copy_value()
        }
    }

    fn array(&mut self, inner: &'static Shape) -> Res<()> {
        self.enter()?;
        self.pos += 1;
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            let mut index = 0;
            loop {
                let tracks = self.tracks();
                if tracks {
                    self.path.push(Segment::Index(index));
                }
                self.value(inner)?;
                if tracks {
                    self.path.pop();
                }
                index += 1;
                self.ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.syntax("expected `,` or `]`")),
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Walks the members of the object at `pos`. `member` gets each key span, must consume the
    /// value, and says whether the member stays in the output; a member left out takes its comma
    /// with it. Returns the offset of the closing brace and how many members were kept.
    fn members(
        &mut self,
        mut member: impl FnMut(&mut Self, StringSpan) -> Res<bool>,
    ) -> Res<(usize, usize)> {
        self.enter()?;
        self.pos += 1;
        let mut kept = 0;
        // Where the output resumes after a left-out member: after `{`, or after the last kept value.
        let mut resume = self.pos;
        self.ws();
        let close = if self.peek() == Some(b'}') {
            self.pos += 1;
            self.pos - 1
        } else {
            loop {
                self.ws();
                if self.peek() != Some(b'"') {
                    return Err(self.syntax("expected a key"));
                }
                let key = self.skip_string()?;
                self.expect(b':', "expected `:`")?;
                let keep = member(self, key)?;
                if keep {
                    kept += 1;
                    resume = self.pos;
                } else {
                    self.flush(resume);
                    self.copied = self.pos;
                }
                self.ws();
                match self.peek() {
                    Some(b',') => {
                        if !keep && kept == 0 {
                            // Nothing kept yet: the comma after a left-out first member goes too.
                            self.copied = self.pos + 1;
                        }
                        self.pos += 1;
                    }
                    Some(b'}') => {
                        self.pos += 1;
                        break self.pos - 1;
                    }
                    _ => return Err(self.syntax("expected `,` or `}`")),
                }
            }
        };
        self.depth -= 1;
        Ok((close, kept))
    }

    fn record(&mut self, inner: &'static Shape) -> Res<()> {
        self.members(|t, key| {
            let tracks = t.tracks();
            if tracks {
                t.path.push(Segment::Key(t.string_text(&key)));
            }
            t.value(inner)?;
            if tracks {
                t.path.pop();
            }
            Ok(true)
        })
        .map(drop)
    }

    fn object(&mut self, shape: &'static StructShape, replace: &[(&str, &str)]) -> Res<()> {
        let from_js = self.from_js;
        let mut seen: u64 = 0;
        // Members usually come in the order the model lists them: look from the last match on.
        let mut hint = 0;
        let fields = shape.fields;
        let (close, kept) = self.members(|t, key| {
            let name = t.key_bytes(&key);
            let name: &[u8] = &name;
            if !replace.is_empty() && replace.iter().any(|(k, _)| k.as_bytes() == name) {
                t.skip_value()?;
                return Ok(false);
            }
            let matches = |f: &Field| same(f.wire.as_bytes(), name) || (from_js && f.is_js(name));
            let found = (hint..fields.len())
                .chain(0..hint)
                .find(|&i| fields.get(i).is_some_and(matches));
            t.ws();
            let value_start = t.pos;
            let mut value_shape: &'static Shape = &Shape::Any;
            match found.and_then(|i| Some((i, fields.get(i)?))) {
                Some((i, field)) => {
                    value_shape = field.shape;
                    hint = i + 1;
                    if i < 64 {
                        seen |= 1 << i;
                    }
                    if from_js {
                        if key.escaped || !same(field.wire.as_bytes(), name) {
                            t.patch_key(key.start, key.end, field, false);
                        }
                    } else if key.escaped || !field.is_js(name) {
                        t.patch_key(key.start, key.end, field, true);
                    }
                    // Paths name fields in the caller's errors and locate dates; Mistral's side
                    // only ever has syntax errors, located by offset, so without dates it skips
                    // the bookkeeping.
                    let tracks = t.tracks();
                    if tracks {
                        t.path.push(Segment::Field(field));
                    }
                    t.value(field.shape)?;
                    // Not in the conversations entry's wasm: its 60 KB budget (the README says so).
                    #[cfg(not(feature = "conversations-only"))]
                    if from_js && is_number(field.shape) {
                        t.range(field, value_start)?;
                    }
                    if tracks {
                        t.path.pop();
                    }
                }
                None if from_js && name.iter().any(u8::is_ascii_uppercase) => {
                    // Unknown keys pass through for fields newer than this model, but the wire
                    // is snake_case: a camelCase one is a typo or needs the API's spelling.
                    let key = String::from_utf8_lossy(name).into_owned();
                    let snake = snake_case(&key);
                    return Err(t.error(TranscodeErrorKind::CamelCaseKey { key, snake }));
                }
                None => t.copy_value()?,
            }
            if t.depth == 1 {
                if let Some(members) = t.members_out.as_mut() {
                    // One per top-level key, which an event may repeat millions of times.
                    if members.try_reserve(1).is_err() {
                        return Err(t.error(TranscodeErrorKind::OutOfMemory));
                    }
                    members.push(Member {
                        key: key.start + 1..key.end - 1,
                        value: value_start..t.pos,
                        shape: value_shape,
                    });
                }
            }
            Ok(true)
        })?;
        if !replace.is_empty() {
            self.flush(close);
            for (i, (key, raw)) in replace.iter().enumerate() {
                if kept + i > 0 {
                    self.out.push(b',');
                }
                self.out.push(b'"');
                self.out.extend_from_slice(key.as_bytes());
                self.out.extend_from_slice(b"\":");
                self.out.extend_from_slice(raw.as_bytes());
            }
        }
        if from_js {
            let missing = fields
                .iter()
                .enumerate()
                .find(|(i, f)| f.required && *i < 64 && seen & (1 << i) == 0);
            if let Some((_, field)) = missing {
                return Err(self.error(TranscodeErrorKind::MissingField { field: field.js() }));
            }
        }
        Ok(())
    }

    fn union(&mut self, shape: &'static UnionShape) -> Res<()> {
        let start = self.pos;
        let tag = self.find_tag(shape.tag)?;
        self.pos = start;
        // A missing tag picks the default member; a tag that is not a string, none.
        let tag = match &tag {
            None => shape.default,
            Some(tag) => tag.as_deref(),
        };
        match tag.and_then(|t| shape.variants.iter().find(|v| v.tag == t)) {
            Some(variant) => self.object(variant.shape, &[]),
            None => self.copy_value(),
        }
    }

    /// Reads the tag of the object at `pos` without writing, then rewinds. The tag usually
    /// comes first, so this usually reads one key; otherwise it skims the object once.
    /// Syntax errors are left for the transcoding pass to report.
    /// `None` when the tag is absent, `Some(None)` when its value is not a string.
    fn find_tag(&mut self, tag: &str) -> Res<Option<Option<Cow<'a, str>>>> {
        let (start, depth) = (self.pos, self.depth);
        self.pos += 1;
        let mut found = None;
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                break;
            }
            let key = self.skip_string()?;
            self.ws();
            if self.peek() != Some(b':') {
                break;
            }
            self.pos += 1;
            self.ws();
            if *self.key_bytes(&key) == *tag.as_bytes() {
                found = Some(None);
                if self.peek() == Some(b'"') {
                    let value = self.skip_string()?;
                    found = Some(Some(self.string_text(&value)));
                }
                break;
            }
            self.skip_value()?;
            self.ws();
            if self.peek() != Some(b',') {
                break;
            }
            self.pos += 1;
        }
        self.pos = start;
        self.depth = depth;
        Ok(found)
    }
}

/// Whether the shape is a number's (or `null`'s).
#[cfg(not(feature = "conversations-only"))]
fn is_number(shape: &Shape) -> bool {
    matches!(
        shape,
        Shape::Number | Shape::Integer | Shape::Nullable(Shape::Number | Shape::Integer)
    )
}

/// Whether a value starting with `b` can have this shape.
fn accepts(shape: &Shape, b: u8) -> bool {
    match shape {
        Shape::Any => true,
        Shape::Nullable(inner) => b == b'n' || accepts(inner, b),
        Shape::String | Shape::DateTime => b == b'"',
        Shape::Number | Shape::Integer => matches!(b, b'-' | b'0'..=b'9'),
        Shape::Bool => matches!(b, b't' | b'f'),
        Shape::Array(_) => b == b'[',
        Shape::Record(_) | Shape::Struct(_) | Shape::Union(_) => b == b'{',
        Shape::OneOf(branches) => branches.iter().any(|branch| accepts(branch, b)),
    }
}

/// Appends the path of one date to `dates`: `,` between dates, then the number of segments and
/// each segment (a JavaScript key as a JSON string, an array index as a number), so that a list
/// of dates is a flat JSON array once bracketed: `[1,"createdAt",3,"outputs",0,"createdAt"]`.
#[inline(never)]
fn push_date_path(dates: &mut Vec<u8>, path: &[Segment<'_>]) {
    if !dates.is_empty() {
        dates.push(b',');
    }
    super::date::write_i64(dates, path.len() as i64);
    for segment in path {
        dates.push(b',');
        match segment {
            Segment::Field(field) => {
                dates.push(b'"');
                field.push_js(dates);
                dates.push(b'"');
            }
            Segment::Key(key) => super::text::write_quoted_ascii(dates, key),
            Segment::Index(i) => super::date::write_i64(dates, *i as i64),
        }
    }
}

/// Why `wire` cannot be a document of `shape` by its kind alone: it is empty, or, say, `42` or
/// `[1]` where an object is expected. Checked before transcoding a response, which otherwise
/// passes a value of another kind through as it is (as it does for members inside).
pub fn kind_mismatch(wire: &[u8], shape: &'static Shape) -> Option<String> {
    let expected = shape.expected();
    match wire.iter().copied().find(|b| !b.is_ascii_whitespace()) {
        None => Some(format!("expected {expected}, got an empty body")),
        Some(b) if !accepts(shape, b) => Some(format!("expected {expected}, got {}", kind_of(b))),
        Some(_) => None,
    }
}

/// A value's JSON kind, from its first byte, for error messages.
fn kind_of(b: u8) -> &'static str {
    match b {
        b'"' => "a string",
        b'{' => "an object",
        b'[' => "an array",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        b'-' | b'0'..=b'9' => "a number",
        _ => "invalid JSON",
    }
}

/// `topK` → `top_k`.
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Byte equality for short keys, inline: no call into `memcmp` for a ten-byte comparison.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}
