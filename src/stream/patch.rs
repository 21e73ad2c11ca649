//! Patches: a streamed event that repeats the one before it except for some member values is
//! handed to JavaScript as those values only.
//!
//! A conversation stream is mostly `message.output.delta` events whose members are the same
//! event after event (`type`, `id`, `output_index`, `model`, `role`, ...) but for `content`
//! (and a timestamp). Transcoding each one in full, then having JavaScript `JSON.parse` it in
//! full, spends most of the stream's time on bytes that did not change. So each event is first
//! compared with the previous one, member by member: when it has the same keys, in the same
//! order, with the same bytes between them, only the values that differ are transcoded, and the
//! batch carries `[index, value, index, value, ...]` for it (JavaScript copies the previous
//! event and sets those members). Anything else (another key, another order, other whitespace,
//! another `type`) falls back to the full transcoder, so the comparison costs at most one
//! pass over the event and never changes what JavaScript receives.
//!
//! Why this is exact: the unchanged stretches are byte-for-byte the previous event's, which was
//! validated and transcoded, and each changed value is validated and transcoded with the shape
//! the full pass would use (the `type` member, which picks that shape, must be unchanged). Only
//! scalar values are ever shared: an object or array member is always sent again, so no two
//! events share a nested object in JavaScript.

use crate::json::{value_to_js_ascii, Member};
use crate::swar::same_bytes;

/// The largest event kept to compare the next one with (64 KiB): deltas are far smaller, and a
/// huge event would only be held twice.
const MAX_KEPT: usize = 64 * 1024;

/// The last event handed over, kept to compare the next one with.
#[derive(Debug, Default)]
pub struct Previous {
    data: Vec<u8>,
    members: Vec<Member>,
    /// Whether JavaScript can patch it: its keys map one to one, in order, onto
    /// `Object.keys()` of the parsed object.
    patchable: bool,
    /// The index of its `type` member, which a patch must leave alone.
    tag: usize,
}

impl Previous {
    /// Remembers `data`, just sent in full, whose top-level members are `members`.
    pub fn set_full(&mut self, data: &[u8], members: &[Member]) {
        if !self.keep(data, members) {
            return;
        }
        let tag = members
            .iter()
            .position(|m| data.get(m.key.clone()) == Some(b"type".as_slice()));
        self.patchable = match tag {
            Some(tag) => {
                self.tag = tag;
                data.get(members[tag].value.start) == Some(&b'"')
                    && keys_map_in_order(data, members)
            }
            None => false,
        };
    }

    /// Remembers `data`, just sent as a patch of the previous event; `members` are its own.
    pub fn set_patched(&mut self, data: &[u8], members: &[Member]) {
        self.keep(data, members);
    }

    /// Keeps a copy of `data` and `members`; an event over [`MAX_KEPT`] is not kept (the next
    /// one is sent in full) and returns false.
    fn keep(&mut self, data: &[u8], members: &[Member]) -> bool {
        self.data.clear();
        self.members.clear();
        if data.len() > MAX_KEPT {
            self.patchable = false;
            return false;
        }
        self.data.extend_from_slice(data);
        self.members.extend_from_slice(members);
        true
    }

    /// Tries to write `event` as a patch of the previous event: on success appends
    /// `[index,value,...]` (camelCase, ASCII) to `out`, fills `members` with the event's own
    /// members and returns `true`; otherwise leaves `out` as it was and returns `false`.
    pub fn diff(&self, event: &[u8], out: &mut Vec<u8>, members: &mut Vec<Member>) -> bool {
        if !self.patchable {
            return false;
        }
        let start = out.len();
        members.clear();
        if self.write_patch(event, out, members).is_none() {
            out.truncate(start);
            return false;
        }
        true
    }

    fn write_patch(
        &self,
        event: &[u8],
        out: &mut Vec<u8>,
        members: &mut Vec<Member>,
    ) -> Option<()> {
        let prev = &self.data[..];
        out.push(b'[');
        let mut changed = 0usize;
        // `p` and `e` walk the previous event and this one in step; between values, the bytes
        // (separators, whitespace, keys) must be identical.
        let (mut p, mut e) = (0usize, 0usize);
        for (index, member) in self.members.iter().enumerate() {
            let between = prev.get(p..member.value.start)?;
            if !same_bytes(event.get(e..e + between.len())?, between) {
                return None;
            }
            let key = member.key.start - p + e..member.key.end - p + e;
            e += between.len();
            let old = prev.get(member.value.clone())?;
            let scalar = !matches!(old.first(), Some(b'{' | b'['));
            let end = if scalar
                && event
                    .get(e..e + old.len())
                    .is_some_and(|new| same_bytes(new, old))
            {
                // The same bytes: the same value, given the identical bytes that must follow.
                e + old.len()
            } else {
                // Whitespace before a changed value: the full transcoder reads it (rare).
                if index == self.tag || matches!(event.get(e), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                    return None;
                }
                if changed > 0 {
                    out.push(b',');
                }
                changed += 1;
                write_index(out, index);
                out.push(b',');
                value_to_js_ascii(event, e, member.shape, out).ok()?
            };
            members.push(Member {
                key,
                value: e..end,
                shape: member.shape,
            });
            e = end;
            p = member.value.end;
        }
        if !same_bytes(event.get(e..)?, prev.get(p..)?) {
            return None;
        }
        out.push(b']');
        Some(())
    }
}

/// Whether the members' keys are distinct, unescaped, snake_case and not array indexes, so
/// that JavaScript's `Object.keys()` of the parsed object lists them in this order: an
/// index-like key would be listed first, a repeated key only once, and an unknown key spelled
/// like a renamed one (`outputIndex` next to `output_index`) would merge with it.
fn keys_map_in_order(data: &[u8], members: &[Member]) -> bool {
    if members.is_empty() || members.len() > 64 {
        return false;
    }
    let key = |m: &Member| data.get(m.key.clone()).unwrap_or_default();
    members.iter().enumerate().all(|(i, m)| {
        let k = key(m);
        !k.is_empty()
            && !k[0].is_ascii_digit()
            && !k.iter().any(|&b| b == b'\\' || b.is_ascii_uppercase())
            && members[..i].iter().all(|other| key(other) != k)
    })
}

fn write_index(out: &mut Vec<u8>, index: usize) {
    if index >= 10 {
        out.push(b'0' + (index / 10) as u8);
    }
    out.push(b'0' + (index % 10) as u8);
}
