//! The entries a turn stores: its inputs as the API stamps them, the model's files, the calls it
//! leaves open.

use std::collections::{HashMap, HashSet};

use axum::body::Bytes;
use mistral_edge::model::wire::{self, Content, Entry, Inputs, Tool};

use crate::clock;
use crate::model::{Output, Reply};
use crate::state::{AppState, CallOrigin, FileRecord, Store};

/// `inputs` as entries: a string is one user message.
pub(super) fn input_entries(inputs: Option<Inputs>) -> Vec<Entry> {
    match inputs {
        None => Vec::new(),
        Some(Inputs::Text(text)) => vec![Entry::MessageInput(wire::MessageInputEntry {
            object: None,
            id: None,
            created_at: None,
            completed_at: None,
            role: "user".into(),
            content: Content::Text(text),
            prefix: None,
        })],
        Some(Inputs::Entries(entries)) => entries,
    }
}

/// Gives input entries the ids and times the API adds when it stores them.
pub(super) fn stamp_inputs(entries: Vec<Entry>, state: &AppState, now: &str) -> Vec<Entry> {
    macro_rules! stamp {
        ($e:expr, $prefix:literal) => {{
            $e.object.get_or_insert_with(|| "entry".into());
            if $e.id.is_none() {
                $e.id = Some(state.ids.next($prefix));
            }
            $e.created_at.get_or_insert_with(|| now.to_owned());
            $e.completed_at.get_or_insert_with(|| now.to_owned());
        }};
    }
    entries
        .into_iter()
        .map(|mut e| {
            match &mut e {
                Entry::MessageInput(m) => {
                    stamp!(m, "msg");
                    m.prefix.get_or_insert(false);
                }
                Entry::MessageOutput(m) => stamp!(m, "msg"),
                Entry::FunctionCall(m) => stamp!(m, "fc"),
                Entry::FunctionResult(m) => stamp!(m, "fr"),
                Entry::ToolExecution(m) => stamp!(m, "tool"),
                Entry::AgentHandoff(m) => stamp!(m, "handoff"),
                _ => {}
            }
            e
        })
        .collect()
}

/// Tools as stored: per-request credentials are dropped.
pub(super) fn without_secrets(tools: &[Tool]) -> Vec<Tool> {
    tools
        .iter()
        .map(|t| match t {
            Tool::Connector(c) => {
                let mut c = c.clone();
                c.authorization = None;
                Tool::Connector(c)
            }
            other => other.clone(),
        })
        .collect()
}

/// Stores the files the model made (generated images).
pub(super) fn store_files(store: &mut Store, reply: &Reply) {
    for f in &reply.files {
        let seq = store.next_seq();
        store.files.insert(
            f.id.clone(),
            FileRecord {
                seq,
                meta: wire::GetFileResponse {
                    id: f.id.clone(),
                    object: Some("file".into()),
                    bytes: f.bytes.len() as i64,
                    created_at: clock::unix_seconds(),
                    filename: f.filename.clone(),
                    purpose: "image_generation".into(),
                    sample_type: "instruct".into(),
                    source: "mistral".into(),
                    num_lines: None,
                    mimetype: Some(f.mimetype.to_owned()),
                    signature: None,
                    expires_at: None,
                    visibility: Some("workspace".into()),
                    deleted: false,
                },
                bytes: Bytes::from(f.bytes.clone()),
            },
        );
    }
}

/// The origins of the calls the model made, by `tool_call_id`.
pub(super) fn call_origins(reply: &Reply) -> impl Iterator<Item = (String, CallOrigin)> + '_ {
    reply.outputs.iter().filter_map(|o| match o {
        Output::Call {
            tool_call_id,
            origin,
            ..
        } => Some((tool_call_id.clone(), origin.clone())),
        _ => None,
    })
}

/// The unanswered calls of a conversation: `function.call` entries without a result, and
/// calls waiting for a confirmation.
pub(super) fn open_calls(
    entries: &[Entry],
) -> (HashMap<String, wire::FunctionCallEntry>, HashSet<String>) {
    let answered: HashSet<&str> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::FunctionResult(r) => Some(r.tool_call_id.as_str()),
            _ => None,
        })
        .collect();
    let mut calls = HashMap::new();
    let mut pending = HashSet::new();
    for e in entries {
        if let Entry::FunctionCall(c) = e {
            if c.confirmation_status.as_ref().map(|s| s.as_str()) == Some("pending") {
                pending.insert(c.tool_call_id.clone());
            }
            if !answered.contains(c.tool_call_id.as_str()) {
                calls.insert(c.tool_call_id.clone(), c.clone());
            }
        }
    }
    (calls, pending)
}
