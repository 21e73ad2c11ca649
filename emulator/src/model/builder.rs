//! What a turn builds up (outputs, pending calls, message parts, files, usage counters), and the
//! [`Reply`] it ends as.

use std::collections::BTreeMap;
use std::sync::Arc;

use mistral_edge::model::leaf::JsonObject;
use mistral_edge::model::wire::{self, Entry};
use serde_json::Value;

use super::{content_text, fragments, By, NewFile, Output, Part, Reply, Speaker, Turn};
use super::{CONNECTOR_TOKENS_PER_CALL, FRAGMENT};
use crate::builtins::Executed;
use crate::ids::Ids;
use crate::state::CallOrigin;
use crate::tokens;

/// One turn's outputs as they are made.
pub(super) struct Builder<'a> {
    /// Where entry ids come from.
    pub(super) ids: &'a Ids,
    /// The outputs so far (tool executions, handoffs), in order.
    pub(super) outputs: Vec<Output>,
    /// Function calls, which end the turn instead of a message.
    calls: Vec<Output>,
    /// The message's parts so far.
    pub(super) parts: Vec<Part>,
    /// Files the tools made.
    files: Vec<NewFile>,
    /// Tool executions per tool or connector (`usage.connectors`).
    connectors: BTreeMap<String, i64>,
    /// Tool executions in all.
    executions: i64,
    /// Images generated so far (each gets the next number).
    pub(super) images: usize,
}

impl<'a> Builder<'a> {
    /// An empty turn.
    pub(super) fn new(ids: &'a Ids) -> Self {
        Builder {
            ids,
            outputs: Vec::new(),
            calls: Vec::new(),
            parts: Vec::new(),
            files: Vec::new(),
            connectors: BTreeMap::new(),
            executions: 0,
            images: 0,
        }
    }

    /// Appends text to the message (joined to the text part before it).
    pub(super) fn push_text(&mut self, s: &str) {
        match self.parts.last_mut() {
            Some(Part::Text(prev)) => {
                let joined = format!("{prev}{s}");
                *prev = Arc::from(joined);
            }
            _ => self.parts.push(Part::Text(Arc::from(s))),
        }
    }

    /// Appends parts to the message: a text part after text is joined with a space.
    pub(super) fn push_parts(&mut self, parts: Vec<Part>) {
        for p in parts {
            match p {
                Part::Text(t) => {
                    let sep = if matches!(self.parts.last(), Some(Part::Text(_))) {
                        " "
                    } else {
                        ""
                    };
                    self.push_text(&format!("{sep}{t}"));
                }
                chunk => self.parts.push(chunk),
            }
        }
    }

    /// Records a tool execution and what it made.
    pub(super) fn executed(
        &mut self,
        by: &By,
        name: &str,
        arguments: String,
        counter: &str,
        ex: Executed,
    ) {
        self.outputs.push(Output::Tool {
            id: self.ids.next("tool"),
            by: by.clone(),
            name: name.to_owned(),
            arguments,
            info: ex.info,
        });
        *self.connectors.entry(counter.to_owned()).or_insert(0) += 1;
        self.executions += 1;
        self.files.extend(ex.file);
        self.push_parts(ex.parts);
    }

    /// Records a function call (pending: it waits for a confirmation).
    pub(super) fn call(
        &mut self,
        by: &By,
        name: &str,
        arguments: String,
        pending: bool,
        origin: CallOrigin,
    ) {
        self.calls.push(Output::Call {
            id: self.ids.next("fc"),
            by: by.clone(),
            tool_call_id: self.ids.tool_call_id(),
            name: name.to_owned(),
            arguments,
            confirmation: pending.then_some("pending"),
            origin,
        });
    }
}

/// Who a speaker is, as outputs name their author.
pub(super) fn by(speaker: &Speaker) -> By {
    By {
        model: speaker.model.clone(),
        agent_id: speaker.agent.as_ref().map(|a| a.id.clone()),
    }
}

/// The reply: the outputs, then the calls or else the message, with the turn's usage.
pub(super) fn finish(
    mut b: Builder<'_>,
    turn: &Turn<'_>,
    speaker: &Speaker,
    next_agent: Option<String>,
) -> Reply {
    let mut completion: i64 = 0;
    if b.calls.is_empty() {
        if !b.parts.is_empty() {
            for p in &b.parts {
                if let Part::Text(t) = p {
                    completion += tokens::count(t) as i64;
                }
            }
            let parts = std::mem::take(&mut b.parts);
            b.outputs.push(Output::Message {
                id: b.ids.next("msg"),
                by: by(speaker),
                parts,
            });
        }
    } else {
        for c in &b.calls {
            if let Output::Call { arguments, .. } = c {
                completion += fragments(arguments, FRAGMENT).len() as i64;
            }
        }
        let calls = std::mem::take(&mut b.calls);
        b.outputs.extend(calls);
    }
    let prompt = prompt_tokens(turn);
    let usage = wire::ConversationUsageInfo {
        prompt_tokens: Some(prompt),
        completion_tokens: Some(completion),
        total_tokens: Some(prompt + completion),
        connector_tokens: (b.executions > 0).then_some(b.executions * CONNECTOR_TOKENS_PER_CALL),
        connectors: (!b.connectors.is_empty()).then(|| {
            JsonObject(
                b.connectors
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from(*v)))
                    .collect(),
            )
        }),
    };
    Reply {
        outputs: b.outputs,
        usage,
        files: b.files,
        next_agent,
    }
}

/// Tokens of the instructions and of every message, function call and result the model reads.
fn prompt_tokens(turn: &Turn<'_>) -> i64 {
    let mut n = turn
        .speaker
        .instructions
        .as_deref()
        .map(tokens::count)
        .unwrap_or(0);
    for e in turn.history.iter().chain(turn.inputs) {
        n += match e {
            Entry::MessageInput(m) => tokens::count(&content_text(&m.content)),
            Entry::MessageOutput(m) => tokens::count(&content_text(&m.content)),
            Entry::FunctionResult(r) => tokens::count(&r.result),
            Entry::FunctionCall(c) => tokens::count(&c.arguments.0.to_string()),
            _ => 0,
        };
    }
    n as i64
}
