//! The deterministic scripted model. Each rule is documented in `emulator/README.md`; in short:
//!
//! 1. Confirmations (`tool_confirmations` on append) run or refuse the pending tool calls.
//! 2. `function.result` inputs are acknowledged: "NAME returned RESULT."
//! 3. The last user message of the turn ("the text") drives the rest:
//!    a handoff if it names an agent the current agent may hand off to; then every tool whose
//!    trigger it matches (web search, code, image, library, connector, function); otherwise a
//!    plain reply ("count to N", structured output, or `Echo: <text>`).
//!
//! The model produces [`Output`]s; `conversations.rs` turns them into entries and `sse.rs`
//! into events, so a streamed response folds into exactly the non-streamed one.

use std::sync::Arc;

use mistral_edge::model::leaf::{Json, JsonObject};
use mistral_edge::model::wire::{self, Content, ContentChunk, Entry, TextChunk, Tool};
use serde_json::Value;

use crate::state::CallOrigin;

mod builder;
mod reply;
mod respond;

pub use reply::plain_reply;
pub use respond::respond;

/// Words that make a tool run when the text contains one of them (lowercase).
pub const SEARCH_WORDS: &[&str] = &["search", "look up", "news", "latest"];
/// Triggers of `code_interpreter`.
pub const CODE_WORDS: &[&str] = &["code", "python", "calculat", "comput"];
/// Triggers of `image_generation`.
pub const IMAGE_WORDS: &[&str] = &["image", "draw", "picture", "paint", "illustrat"];
/// Triggers of `document_library`.
pub const LIBRARY_WORDS: &[&str] = &["document", "librar", "knowledge base"];
/// Triggers of a handoff to the first agent the current agent may hand off to.
pub const HANDOFF_WORDS: &[&str] = &["handoff", "hand off", "transfer"];
/// The largest `count to N`.
pub const MAX_COUNT: u64 = 10_000_000;
/// Connector tokens charged per tool execution (`usage.connector_tokens`).
pub const CONNECTOR_TOKENS_PER_CALL: i64 = 30;

/// An agent, by id and name.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentRef {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// Who answers: a model, or an agent with its configuration.
#[derive(Debug, Clone, Default)]
pub struct Speaker {
    /// The model's name.
    pub model: String,
    /// The agent, for agent conversations.
    pub agent: Option<AgentRef>,
    /// Instructions.
    pub instructions: Option<String>,
    /// Tools.
    pub tools: Vec<Tool>,
    /// Sampling and output settings.
    pub completion_args: Option<wire::CompletionArgs>,
    /// The agents it may hand off to (with their own configuration).
    pub handoffs: Vec<Speaker>,
}

/// A pending call the client answered through `tool_confirmations`.
#[derive(Debug, Clone)]
pub struct Confirmed {
    /// The pending call.
    pub call: wire::FunctionCallEntry,
    /// What it calls.
    pub origin: CallOrigin,
    /// Whether the client allowed it.
    pub allow: bool,
}

/// One turn's input.
#[derive(Debug)]
pub struct Turn<'a> {
    /// Who answers.
    pub speaker: Speaker,
    /// The entries before this turn.
    pub history: &'a [Entry],
    /// This turn's inputs.
    pub inputs: &'a [Entry],
    /// Answered confirmations.
    pub confirmed: Vec<Confirmed>,
    /// `handoff_execution: "client"`.
    pub client_handoffs: bool,
}

/// A piece of a message: text (streamed token by token) or a whole chunk.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Text.
    Text(Arc<str>),
    /// A chunk (`tool_reference`, `tool_file`).
    Chunk(ContentChunk),
}

/// Who produced an output.
#[derive(Debug, Clone, PartialEq)]
pub struct By {
    /// The model.
    pub model: String,
    /// The agent, if any.
    pub agent_id: Option<String>,
}

/// One output entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// `message.output`.
    Message {
        /// Entry id.
        id: String,
        /// Author.
        by: By,
        /// Content, in order.
        parts: Vec<Part>,
    },
    /// `tool.execution`.
    Tool {
        /// Entry id.
        id: String,
        /// Author.
        by: By,
        /// The tool's name.
        name: String,
        /// Arguments, as a JSON string.
        arguments: String,
        /// Extra information.
        info: Option<JsonObject>,
    },
    /// `function.call`.
    Call {
        /// Entry id.
        id: String,
        /// Author.
        by: By,
        /// The call's id.
        tool_call_id: String,
        /// The function or tool.
        name: String,
        /// Arguments, as a JSON string.
        arguments: String,
        /// `Some("pending")` when it waits for a confirmation.
        confirmation: Option<&'static str>,
        /// What it calls.
        origin: CallOrigin,
    },
    /// `agent.handoff`.
    Handoff {
        /// Entry id.
        id: String,
        /// From.
        previous: AgentRef,
        /// To.
        next: AgentRef,
    },
}

/// A file a tool made.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFile {
    /// The file id (as in the `tool_file` chunk).
    pub id: String,
    /// Its name.
    pub filename: String,
    /// Its MIME type.
    pub mimetype: &'static str,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// What the model answered.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The outputs, in order.
    pub outputs: Vec<Output>,
    /// Token usage.
    pub usage: wire::ConversationUsageInfo,
    /// Files to store.
    pub files: Vec<NewFile>,
    /// The agent that answers next, after a handoff.
    pub next_agent: Option<String>,
}

/// The text of message content: the string, or its text chunks joined.
pub fn content_text(content: &Content) -> String {
    match content {
        Content::Text(s) => s.clone(),
        Content::Chunks(chunks) => chunks
            .iter()
            .filter_map(|c| match c {
                ContentChunk::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(""),
    }
}

/// Whether the text names a function: its name, or a distinctive part of it
/// (`get_weather` → "weather").
pub fn names_function(text_lower: &str, name: &str) -> bool {
    const COMMON: &[&str] = &[
        "list", "fetch", "find", "make", "from", "with", "info", "data", "create", "update",
        "delete", "call", "tool", "value", "current", "query",
    ];
    let name_lower = name.to_lowercase();
    if !name_lower.is_empty() && text_lower.contains(&name_lower) {
        return true;
    }
    let mut words = Vec::new();
    let mut word = String::new();
    for c in name.chars() {
        if c == '_' || c == '-' || c == '.' || (c.is_uppercase() && !word.is_empty()) {
            words.push(std::mem::take(&mut word));
        }
        if c != '_' && c != '-' && c != '.' {
            word.push(c.to_ascii_lowercase());
        }
    }
    words.push(word);
    words
        .iter()
        .any(|w| w.len() >= 4 && !COMMON.contains(&w.as_str()) && text_lower.contains(w.as_str()))
}

/// Splits a string into fragments of at most `n` characters (arguments stream this way).
pub fn fragments(s: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut count = 0;
    for (i, _) in s.char_indices() {
        if count == n {
            out.push(&s[start..i]);
            start = i;
            count = 0;
        }
        count += 1;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Characters per streamed argument fragment.
pub const FRAGMENT: usize = 12;

impl Output {
    /// The entry's id.
    pub fn id(&self) -> &str {
        match self {
            Output::Message { id, .. }
            | Output::Tool { id, .. }
            | Output::Call { id, .. }
            | Output::Handoff { id, .. } => id,
        }
    }

    /// The output as a wire entry, stamped with `now`.
    pub fn to_entry(&self, now: &str) -> Entry {
        let stamp = || {
            (
                Some("entry".to_owned()),
                Some(now.to_owned()),
                Some(now.to_owned()),
            )
        };
        let (object, created_at, completed_at) = stamp();
        match self {
            Output::Message { id, by, parts } => Entry::MessageOutput(wire::MessageOutputEntry {
                object,
                id: Some(id.clone()),
                created_at,
                completed_at,
                role: Some("assistant".into()),
                content: parts_content(parts),
                agent_id: by.agent_id.clone(),
                model: Some(by.model.clone()),
            }),
            Output::Tool {
                id,
                by,
                name,
                arguments,
                info,
            } => Entry::ToolExecution(wire::ToolExecutionEntry {
                object,
                id: Some(id.clone()),
                created_at,
                completed_at,
                name: name.clone(),
                arguments: arguments.clone(),
                info: info.clone(),
                agent_id: by.agent_id.clone(),
                model: Some(by.model.clone()),
            }),
            Output::Call {
                id,
                by,
                tool_call_id,
                name,
                arguments,
                confirmation,
                ..
            } => Entry::FunctionCall(wire::FunctionCallEntry {
                object,
                id: Some(id.clone()),
                created_at,
                completed_at,
                tool_call_id: tool_call_id.clone(),
                name: name.clone(),
                arguments: Json(Value::String(arguments.clone())),
                confirmation_status: confirmation.map(Into::into),
                agent_id: by.agent_id.clone(),
                model: Some(by.model.clone()),
            }),
            Output::Handoff { id, previous, next } => {
                Entry::AgentHandoff(wire::AgentHandoffEntry {
                    object,
                    id: Some(id.clone()),
                    created_at,
                    completed_at,
                    previous_agent_id: previous.id.clone(),
                    previous_agent_name: previous.name.clone(),
                    next_agent_id: next.id.clone(),
                    next_agent_name: next.name.clone(),
                })
            }
        }
    }
}

/// Message content from parts: a string for one text part, chunks otherwise (as a stream folds).
pub fn parts_content(parts: &[Part]) -> Content {
    match parts {
        [Part::Text(t)] => Content::Text(t.to_string()),
        _ => Content::Chunks(
            parts
                .iter()
                .map(|p| match p {
                    Part::Text(t) => ContentChunk::Text(TextChunk {
                        text: t.to_string(),
                    }),
                    Part::Chunk(c) => c.clone(),
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_names_match_by_distinctive_parts() {
        assert!(names_function(
            "what's the weather in paris?",
            "get_weather"
        ));
        assert!(names_function("stock price of acme", "getStockPrice"));
        assert!(!names_function("hello there", "get_weather"));
        assert!(!names_function("please list it", "list_items_x"));
    }

    #[test]
    fn fragments_split_on_char_boundaries() {
        assert_eq!(fragments("abcdef", 4), vec!["abcd", "ef"]);
        assert_eq!(fragments("日本語", 2), vec!["日本", "語"]);
        assert!(fragments("", 3).is_empty());
    }
}
