//! Folds conversation stream events into a `ConversationResponse`, the way the Python SDK
//! rebuilds entries: grouped by `output_index`, text deltas concatenated, chunk deltas kept
//! whole, function-call and tool arguments concatenated.
//!
//! It works on raw wire JSON: string values are kept escaped, since concatenating escaped
//! JSON string bodies gives the escaped concatenation. Nothing is parsed twice.
//!
//! What it keeps is bounded: past [`FOLD_LIMIT`] bytes of events (or a limit of 0, folding
//! switched off), or when memory runs out for the text it concatenates, it drops what it folded
//! and keeps nothing more; the response is then a `too_large` error.

use crate::error::{Error, StreamErrorKind};
use crate::json::Member;
use crate::swar::same_bytes;

/// The most event data (in bytes, as received) that [`Accumulator`] folds by default: 64 MiB.
pub const FOLD_LIMIT: usize = 64 << 20;

/// The most outputs the folded response has room for: an event's `output_index` (the output's
/// position in the response) from 0 to `MAX_OUTPUTS - 1`.
pub const MAX_OUTPUTS: usize = 1 << 20;

/// Appends `bytes` to `to`; false when memory runs out for them.
fn append(to: &mut Vec<u8>, bytes: &[u8]) -> bool {
    let room = to.try_reserve(bytes.len()).is_ok();
    if room {
        to.extend_from_slice(bytes);
    }
    room
}

/// Raw JSON of one value (`"text"` with its quotes, `3`, `{...}`).
type Raw = Vec<u8>;

/// A copy of `raw`; `None` when memory runs out for it.
fn own(raw: &[u8]) -> Option<Raw> {
    let mut copy = Vec::new();
    append(&mut copy, raw).then_some(copy)
}

/// A copy of the member `raw`, if there is one; `None` when memory runs out for it.
fn own_member(raw: Option<&[u8]>) -> Option<Option<Raw>> {
    raw.map_or(Some(None), |raw| own(raw).map(Some))
}

#[derive(Debug)]
enum Entry {
    Message {
        meta: Meta,
        chunks: Vec<(i64, Chunk)>,
    },
    FunctionCall {
        meta: Meta,
        arguments: Vec<u8>,
    },
    ToolExecution {
        meta: Meta,
        arguments: Vec<u8>,
        info: Option<Raw>,
    },
    Handoff {
        meta: Meta,
    },
}

#[derive(Debug)]
enum Chunk {
    /// The escaped body of a text chunk (no quotes).
    Text(Vec<u8>),
    /// A whole chunk object.
    Raw(Raw),
}

/// Builds a response from stream events. Feed it every event's wire data with the members
/// the transcoder recorded; ask for the result at any time.
#[derive(Debug)]
pub struct Accumulator {
    conversation_id: Option<Raw>,
    usage: Option<Raw>,
    entries: Vec<Entry>,
    /// Where each entry is, by `output_index`: its position in `entries` plus one, 0 for none.
    /// Finding an entry and writing the entries in order are linear in their number (a search
    /// through them and a sort of them were quadratic).
    slots: Vec<u32>,
    /// Whether an event's `output_index` was negative or past [`MAX_OUTPUTS`].
    misplaced: bool,
    /// The bytes of event data applied so far.
    kept: usize,
    /// The most `kept` may reach ([`FOLD_LIMIT`] unless set; 0: folding is off).
    limit: usize,
    /// Whether folding stopped: past the limit, or out of memory.
    stopped: bool,
}

impl Default for Accumulator {
    fn default() -> Self {
        Self {
            conversation_id: None,
            usage: None,
            entries: Vec::new(),
            slots: Vec::new(),
            misplaced: false,
            kept: 0,
            limit: FOLD_LIMIT,
            stopped: false,
        }
    }
}

/// The top-level members of one event.
struct Fields<'a> {
    data: &'a [u8],
    members: &'a [Member],
}

impl<'a> Fields<'a> {
    fn get(&self, key: &str) -> Option<&'a [u8]> {
        let key = key.as_bytes();
        let first = *key.first()?;
        self.members
            .iter()
            // Length and first byte first: most members are rejected without a comparison call.
            .find(|m| {
                m.key.len() == key.len()
                    && self.data.get(m.key.start) == Some(&first)
                    && self
                        .data
                        .get(m.key.clone())
                        .is_some_and(|k| same_bytes(k, key))
            })
            .and_then(|m| self.data.get(m.value.clone()))
            .filter(|raw| !same_bytes(raw, b"null"))
    }

    fn int(&self, key: &str) -> i64 {
        self.get(key)
            .and_then(|raw| std::str::from_utf8(raw).ok()?.parse().ok())
            .unwrap_or(0)
    }

    /// The escaped body of a string member (without quotes).
    fn string_body(&self, key: &str) -> Option<&'a [u8]> {
        self.get(key).and_then(string_body)
    }
}

fn string_body(raw: &[u8]) -> Option<&[u8]> {
    match raw {
        [b'"', body @ .., b'"'] => Some(body),
        _ => None,
    }
}

/// An entry's own fields (`id`, `created_at`, `model`, ...), as the first events gave them.
#[derive(Debug, Default)]
struct Meta {
    items: Vec<(&'static str, Raw)>,
    /// How many events were looked at for them.
    looks: u8,
}

impl std::ops::Deref for Meta {
    type Target = [(&'static str, Raw)];
    fn deref(&self) -> &Self::Target {
        &self.items
    }
}

/// Every event of an entry repeats its fields; the first few are read, the rest only append.
const META_LOOKS: u8 = 4;

/// `None` when memory ran out.
fn set_meta(meta: &mut Meta, fields: &Fields<'_>, keys: &[&'static str]) -> Option<()> {
    if meta.looks >= META_LOOKS || meta.items.len() == keys.len() {
        return Some(());
    }
    meta.looks += 1;
    for key in keys {
        if !meta.items.iter().any(|(k, _)| k == key) {
            if let Some(raw) = fields.get(key) {
                meta.items.push((key, own(raw)?));
            }
        }
    }
    Some(())
}

impl Accumulator {
    /// Sets the most event data (in bytes) to fold: past it, folding stops. 0 switches it off.
    pub fn set_limit(&mut self, bytes: usize) {
        self.limit = bytes;
        self.apply(b"", &[]);
    }

    /// Applies one event (`data` is its wire JSON, `members` its top-level member ranges).
    pub fn apply(&mut self, data: &[u8], members: &[Member]) {
        if self.stopped {
            return;
        }
        self.kept = self.kept.saturating_add(data.len());
        // What was folded then is of no use; its memory goes back with the stream, which
        // frees its state when it ends.
        self.stopped =
            self.limit == 0 || self.kept > self.limit || self.fold(data, members).is_none();
    }

    /// Folds one event in; `None` when memory ran out for it.
    fn fold(&mut self, data: &[u8], members: &[Member]) -> Option<()> {
        let fields = Fields { data, members };
        let Some(kind) = fields.string_body("type") else {
            return Some(());
        };
        let index = fields.int("output_index");
        // Deltas are nearly every event: their path stays small; the rest is out of line.
        if kind == b"message.output.delta" {
            self.message_delta(&fields, index)
        } else if kind.contains(&b'\\') {
            // An escaped tag (`"message.output.delt\u0061"`) names the same type.
            let kind = crate::json::text::unescape(kind);
            match kind.as_bytes() {
                b"message.output.delta" => self.message_delta(&fields, index),
                other => self.apply_other(other, &fields, index),
            }
        } else {
            self.apply_other(kind, &fields, index)
        }
    }

    fn message_delta(&mut self, fields: &Fields<'_>, index: i64) -> Option<()> {
        let content_index = fields.int("content_index");
        let entry = self.entry(index, || Entry::Message {
            meta: Meta::default(),
            chunks: Vec::new(),
        })?;
        let Entry::Message { meta, chunks } = entry else {
            return Some(());
        };
        set_meta(
            meta,
            fields,
            &["id", "created_at", "role", "model", "agent_id"],
        )?;
        // Every copy is reserved fallibly: the text grows without bound, doubling as it does,
        // and any other member may be most of a 64 MiB event.
        match fields.get("content") {
            Some(raw) if raw.first() == Some(&b'"') => {
                let body = string_body(raw).unwrap_or_default();
                match chunks.last_mut() {
                    Some((i, Chunk::Text(text))) if *i == content_index => {
                        append(text, body).then_some(())
                    }
                    _ => {
                        chunks.push((content_index, Chunk::Text(own(body)?)));
                        Some(())
                    }
                }
            }
            Some(raw) => {
                chunks.push((content_index, Chunk::Raw(own(raw)?)));
                Some(())
            }
            None => Some(()),
        }
    }

    #[inline(never)]
    fn apply_other(&mut self, kind: &[u8], fields: &Fields<'_>, index: i64) -> Option<()> {
        match kind {
            b"conversation.response.started" => {
                self.conversation_id = own_member(fields.get("conversation_id"))?
            }
            b"conversation.response.done" => self.usage = own_member(fields.get("usage"))?,
            b"function.call.delta" => {
                let entry = self.entry(index, || Entry::FunctionCall {
                    meta: Meta::default(),
                    arguments: Vec::new(),
                })?;
                if let Entry::FunctionCall { meta, arguments } = entry {
                    set_meta(
                        meta,
                        fields,
                        &[
                            "id",
                            "created_at",
                            "tool_call_id",
                            "name",
                            "confirmation_status",
                            "model",
                            "agent_id",
                        ],
                    )?;
                    return append(
                        arguments,
                        fields.string_body("arguments").unwrap_or_default(),
                    )
                    .then_some(());
                }
            }
            b"tool.execution.started" | b"tool.execution.delta" | b"tool.execution.done" => {
                let entry = self.entry(index, || Entry::ToolExecution {
                    meta: Meta::default(),
                    arguments: Vec::new(),
                    info: None,
                })?;
                if let Entry::ToolExecution {
                    meta,
                    arguments,
                    info,
                } = entry
                {
                    set_meta(
                        meta,
                        fields,
                        &["id", "created_at", "name", "model", "agent_id"],
                    )?;
                    if kind != b"tool.execution.done"
                        && !append(
                            arguments,
                            fields.string_body("arguments").unwrap_or_default(),
                        )
                    {
                        return None;
                    }
                    if let Some(raw) = fields.get("info") {
                        *info = Some(own(raw)?);
                    }
                }
            }
            b"agent.handoff.started" | b"agent.handoff.done" => {
                let entry = self.entry(index, || Entry::Handoff {
                    meta: Meta::default(),
                })?;
                if let Entry::Handoff { meta } = entry {
                    set_meta(
                        meta,
                        fields,
                        &[
                            "id",
                            "created_at",
                            "previous_agent_id",
                            "previous_agent_name",
                            "next_agent_id",
                            "next_agent_name",
                        ],
                    )?;
                }
            }
            _ => {}
        }
        Some(())
    }

    /// The entry of `output_index` `index`, made by `make` if there is none yet; `None` for an
    /// index out of [`MAX_OUTPUTS`] (folding stops, `misplaced`) or when memory ran out.
    fn entry(&mut self, index: i64, make: impl FnOnce() -> Entry) -> Option<&mut Entry> {
        let Some(slot) = usize::try_from(index).ok().filter(|&i| i < MAX_OUTPUTS) else {
            self.misplaced = true;
            return None;
        };
        if slot >= self.slots.len() {
            self.slots.try_reserve(slot + 1 - self.slots.len()).ok()?;
            self.slots.resize(slot + 1, 0);
        }
        let at = self.slots.get_mut(slot)?;
        if *at == 0 {
            self.entries.try_reserve(1).ok()?;
            self.entries.push(make());
            *at = self.entries.len() as u32;
        }
        let position = *at as usize - 1;
        self.entries.get_mut(position)
    }

    /// Writes the folded `ConversationResponse` as wire JSON.
    ///
    /// # Errors
    ///
    /// A [`StreamErrorKind::TooLarge`] error when folding stopped (past its limit, switched off,
    /// or out of memory), or when memory runs out for the response; a
    /// [`StreamErrorKind::Malformed`] one when an event's `output_index` was out of
    /// [`MAX_OUTPUTS`].
    pub fn response(&self, out: &mut Vec<u8>) -> Result<(), Error> {
        if self.stopped || out.try_reserve(self.kept.saturating_add(1024)).is_err() {
            let kind = if self.misplaced {
                StreamErrorKind::Malformed
            } else {
                StreamErrorKind::TooLarge
            };
            return Err(Error::stream(
                kind,
                if self.limit == 0 {
                    "`finalResponse()` was switched off for this stream (`skipFinalResponse()`)"
                } else if self.misplaced {
                    "an event's `output_index` was negative or over 1048575: `finalResponse()` has no place for its output (its events were all delivered)"
                } else {
                    "`finalResponse()` keeps at most 64 MiB of events (and what memory allows); this stream had more: its events were all delivered"
                },
            ));
        }
        // In `output_index` order: a walk over the slots.
        let entries = self
            .slots
            .iter()
            .filter_map(|&at| self.entries.get((at as usize).checked_sub(1)?));
        out.extend_from_slice(b"{\"object\":\"conversation.response\",\"conversation_id\":");
        out.extend_from_slice(self.conversation_id.as_deref().unwrap_or(b"\"\""));
        out.extend_from_slice(b",\"outputs\":[");
        for (n, entry) in entries.enumerate() {
            if n > 0 {
                out.push(b',');
            }
            write_entry(entry, out);
        }
        out.extend_from_slice(b"],\"usage\":");
        out.extend_from_slice(
            self.usage
                .as_deref()
                .unwrap_or(b"{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}"),
        );
        out.push(b'}');
        Ok(())
    }
}

fn write_members(out: &mut Vec<u8>, kind: &str, meta: &[(&'static str, Raw)]) {
    out.extend_from_slice(b"{\"object\":\"entry\",\"type\":\"");
    out.extend_from_slice(kind.as_bytes());
    out.push(b'"');
    for (key, raw) in meta {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        out.extend_from_slice(raw);
    }
}

fn write_string(out: &mut Vec<u8>, key: &str, body: &[u8]) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":\"");
    out.extend_from_slice(body);
    out.push(b'"');
}

fn write_entry(entry: &Entry, out: &mut Vec<u8>) {
    match entry {
        Entry::Message { meta, chunks } => {
            write_members(out, "message.output", meta);
            if !meta.iter().any(|(k, _)| *k == "role") {
                out.extend_from_slice(b",\"role\":\"assistant\"");
            }
            match chunks.as_slice() {
                [] => out.extend_from_slice(b",\"content\":\"\""),
                [(_, Chunk::Text(text))] => write_string(out, "content", text),
                _ => {
                    out.extend_from_slice(b",\"content\":[");
                    for (n, (_, chunk)) in chunks.iter().enumerate() {
                        if n > 0 {
                            out.push(b',');
                        }
                        match chunk {
                            Chunk::Text(text) => {
                                out.extend_from_slice(b"{\"type\":\"text\",\"text\":\"");
                                out.extend_from_slice(text);
                                out.extend_from_slice(b"\"}");
                            }
                            Chunk::Raw(raw) => out.extend_from_slice(raw),
                        }
                    }
                    out.push(b']');
                }
            }
        }
        Entry::FunctionCall { meta, arguments } => {
            write_members(out, "function.call", meta);
            write_string(out, "arguments", arguments);
        }
        Entry::ToolExecution {
            meta,
            arguments,
            info,
        } => {
            write_members(out, "tool.execution", meta);
            write_string(out, "arguments", arguments);
            if let Some(info) = info {
                out.extend_from_slice(b",\"info\":");
                out.extend_from_slice(info);
            }
        }
        Entry::Handoff { meta } => write_members(out, "agent.handoff", meta),
    }
    out.push(b'}');
}
