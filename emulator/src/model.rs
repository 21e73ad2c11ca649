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

use std::collections::BTreeMap;
use std::sync::Arc;

use mistral_edge::model::leaf::{Json, JsonObject};
use mistral_edge::model::wire::{self, Content, ContentChunk, Entry, TextChunk, Tool};
use serde_json::{json, Value};

use crate::builtins::{self, Executed};
use crate::error::ApiError;
use crate::hooks::Hooks;
use crate::ids::Ids;
use crate::state::CallOrigin;
use crate::tokens;

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

fn last_user_text(entries: &[Entry]) -> Option<String> {
    entries.iter().rev().find_map(|e| match e {
        Entry::MessageInput(m) if m.role.as_str() == "user" => Some(content_text(&m.content)),
        _ => None,
    })
}

fn mentions(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
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

fn config_allows(config: Option<&wire::ToolConfiguration>, name: &str) -> bool {
    let Some(c) = config else { return true };
    if let Some(include) = &c.include {
        if !include.iter().any(|n| n == name) {
            return false;
        }
    }
    if let Some(exclude) = &c.exclude {
        if exclude.iter().any(|n| n == name) {
            return false;
        }
    }
    true
}

fn needs_confirmation(config: Option<&wire::ToolConfiguration>, name: &str) -> bool {
    config
        .and_then(|c| c.requires_confirmation.as_ref())
        .is_some_and(|names| names.iter().any(|n| n == name))
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

struct Builder<'a> {
    ids: &'a Ids,
    outputs: Vec<Output>,
    calls: Vec<Output>,
    parts: Vec<Part>,
    files: Vec<NewFile>,
    connectors: BTreeMap<String, i64>,
    executions: i64,
    images: usize,
}

impl<'a> Builder<'a> {
    fn push_text(&mut self, s: &str) {
        match self.parts.last_mut() {
            Some(Part::Text(prev)) => {
                let joined = format!("{prev}{s}");
                *prev = Arc::from(joined);
            }
            _ => self.parts.push(Part::Text(Arc::from(s))),
        }
    }

    fn push_parts(&mut self, parts: Vec<Part>) {
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

    fn executed(&mut self, by: &By, name: &str, arguments: String, counter: &str, ex: Executed) {
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

    fn call(&mut self, by: &By, name: &str, arguments: String, pending: bool, origin: CallOrigin) {
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

fn by(speaker: &Speaker) -> By {
    By {
        model: speaker.model.clone(),
        agent_id: speaker.agent.as_ref().map(|a| a.id.clone()),
    }
}

fn builtin_name(tool: &Tool) -> Option<&'static str> {
    Some(match tool {
        Tool::WebSearch(_) => "web_search",
        Tool::WebSearchPremium(_) => "web_search_premium",
        Tool::CodeInterpreter(_) => "code_interpreter",
        Tool::ImageGeneration(_) => "image_generation",
        Tool::DocumentLibrary(_) => "document_library",
        _ => return None,
    })
}

fn tool_config(tool: &Tool) -> Option<&wire::ToolConfiguration> {
    match tool {
        Tool::WebSearch(t)
        | Tool::WebSearchPremium(t)
        | Tool::CodeInterpreter(t)
        | Tool::ImageGeneration(t) => t.tool_configuration.as_ref(),
        Tool::DocumentLibrary(t) => t.tool_configuration.as_ref(),
        Tool::Connector(t) => t.tool_configuration.as_ref(),
        _ => None,
    }
}

/// Runs a built-in tool with its arguments.
async fn run_builtin(
    b: &mut Builder<'_>,
    speaker: &Speaker,
    hooks: &Hooks,
    name: &str,
    args: &Value,
) -> Result<Executed, ApiError> {
    let arg = |k: &str| {
        args.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    Ok(match name {
        "web_search" | "web_search_premium" => builtins::web_search(name, &arg("query")),
        "code_interpreter" => builtins::code_interpreter(&arg("code")),
        "image_generation" => {
            let ex = builtins::image_generation(&arg("prompt"), b.ids, b.images);
            b.images += 1;
            ex
        }
        "document_library" => {
            let library_ids: Vec<String> = speaker
                .tools
                .iter()
                .filter_map(|t| match t {
                    Tool::DocumentLibrary(d) => Some(d.library_ids.clone()),
                    _ => None,
                })
                .flatten()
                .collect();
            let query = arg("query");
            let hits = hooks.libraries.search(&library_ids, &query).await?;
            builtins::document_library(&query, &hits)
        }
        _ => Executed::default(),
    })
}

fn builtin_arguments(name: &str, text: &str) -> Value {
    match name {
        "code_interpreter" => json!({ "code": builtins::code_for(text) }),
        "image_generation" => json!({ "prompt": text }),
        _ => json!({ "query": text }),
    }
}

/// Answers one turn.
pub async fn respond(turn: Turn<'_>, hooks: &Hooks, ids: &Ids) -> Result<Reply, ApiError> {
    let mut b = Builder {
        ids,
        outputs: Vec::new(),
        calls: Vec::new(),
        parts: Vec::new(),
        files: Vec::new(),
        connectors: BTreeMap::new(),
        executions: 0,
        images: 0,
    };
    let mut speaker = &turn.speaker;
    let mut next_agent = None;

    // 1. Confirmed (or refused) pending calls.
    for c in &turn.confirmed {
        let args: Value = match &c.call.arguments.0 {
            Value::String(s) => serde_json::from_str(s).unwrap_or(Value::Null),
            other => other.clone(),
        };
        let args_string = match &c.call.arguments.0 {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if !c.allow {
            b.push_parts(vec![Part::Text(Arc::from(format!(
                "The call to {} was denied, so I did not run it.",
                c.call.name
            )))]);
            continue;
        }
        let who = by(speaker);
        match &c.origin {
            CallOrigin::BuiltIn(name) => {
                let ex = run_builtin(&mut b, speaker, hooks, name, &args).await?;
                b.executed(&who, name, args_string, name, ex);
            }
            CallOrigin::Connector(connector) => {
                let auth = speaker.tools.iter().find_map(|t| match t {
                    Tool::Connector(ct) if &ct.connector_id == connector => {
                        ct.authorization.as_ref()
                    }
                    _ => None,
                });
                let result = hooks
                    .connectors
                    .call_tool(connector, &c.call.name, args, auth)
                    .await?;
                let ex = builtins::connector_result(&c.call.name, &result);
                b.executed(&who, &c.call.name, args_string, connector, ex);
            }
            CallOrigin::Function => {}
        }
    }

    // 2. Function results.
    for entry in turn.inputs {
        if let Entry::FunctionResult(r) = entry {
            let name = turn
                .history
                .iter()
                .find_map(|e| match e {
                    Entry::FunctionCall(c) if c.tool_call_id == r.tool_call_id => {
                        Some(c.name.clone())
                    }
                    _ => None,
                })
                .unwrap_or_else(|| "the function".into());
            b.push_parts(vec![Part::Text(Arc::from(format!(
                "{name} returned {}.",
                r.result
            )))]);
        }
    }

    // 2b. Function-calling loops (script.rs): the next stage's calls, or the same calls again.
    for (name, arguments) in crate::script::follow_up(turn.history, turn.inputs, &speaker.tools) {
        b.call(&by(speaker), &name, arguments, false, CallOrigin::Function);
    }

    // 3. The text.
    let text = last_user_text(turn.inputs).or_else(|| {
        (turn.inputs.is_empty() && turn.confirmed.is_empty())
            .then(|| last_user_text(turn.history))
            .flatten()
    });
    if let Some(text) = &text {
        let lower = text.to_lowercase();
        if let Some(agent) = &speaker.agent {
            let target = speaker
                .handoffs
                .iter()
                .find(|h| {
                    h.agent.as_ref().is_some_and(|a| {
                        !a.name.is_empty() && lower.contains(&a.name.to_lowercase())
                    })
                })
                .or_else(|| {
                    mentions(&lower, HANDOFF_WORDS)
                        .then(|| speaker.handoffs.first())
                        .flatten()
                });
            if let Some(target) = target {
                if let Some(next) = &target.agent {
                    b.outputs.push(Output::Handoff {
                        id: ids.next("handoff"),
                        previous: agent.clone(),
                        next: next.clone(),
                    });
                    next_agent = Some(next.id.clone());
                    if turn.client_handoffs {
                        return Ok(finish(b, &turn, speaker, next_agent));
                    }
                    speaker = target;
                }
            }
        }

        let who = by(speaker);
        let mut used_tool = false;
        for tool in &speaker.tools {
            let config = tool_config(tool);
            if let Some(name) = builtin_name(tool) {
                let words = match name {
                    "code_interpreter" => CODE_WORDS,
                    "image_generation" => IMAGE_WORDS,
                    "document_library" => LIBRARY_WORDS,
                    _ => SEARCH_WORDS,
                };
                if !mentions(&lower, words) || !config_allows(config, name) {
                    continue;
                }
                used_tool = true;
                let args = builtin_arguments(name, text);
                if needs_confirmation(config, name) {
                    b.call(
                        &who,
                        name,
                        args.to_string(),
                        true,
                        CallOrigin::BuiltIn(name.into()),
                    );
                } else {
                    let ex = run_builtin(&mut b, speaker, hooks, name, &args).await?;
                    b.executed(&who, name, args.to_string(), name, ex);
                }
                continue;
            }
            match tool {
                Tool::Function(f)
                    if names_function(crate::script::stage(&lower), &f.function.name) =>
                {
                    used_tool = true;
                    let schema = Value::Object(f.function.parameters.0.clone());
                    let args = crate::script::arguments(&schema, crate::script::stage(text), text);
                    b.call(&who, &f.function.name, args, false, CallOrigin::Function);
                }
                Tool::Connector(ct) => {
                    let listed = hooks
                        .connectors
                        .list_tools(&ct.connector_id, ct.authorization.as_ref())
                        .await?;
                    let allowed: Vec<&wire::McpTool> = listed
                        .iter()
                        .filter(|t| config_allows(config, &t.name))
                        .collect();
                    let chosen = allowed
                        .iter()
                        .find(|t| names_function(&lower, &t.name))
                        .or_else(|| {
                            lower
                                .contains(&ct.connector_id.to_lowercase())
                                .then(|| allowed.first())
                                .flatten()
                        });
                    let Some(mcp) = chosen else { continue };
                    used_tool = true;
                    let schema = Value::Object(mcp.inputSchema.0.clone());
                    let args = crate::fill::fill(&schema, text);
                    let origin = CallOrigin::Connector(ct.connector_id.clone());
                    if needs_confirmation(config, &mcp.name) {
                        b.call(&who, &mcp.name, args.to_string(), true, origin);
                    } else {
                        let result = hooks
                            .connectors
                            .call_tool(
                                &ct.connector_id,
                                &mcp.name,
                                args.clone(),
                                ct.authorization.as_ref(),
                            )
                            .await?;
                        let ex = builtins::connector_result(&mcp.name, &result);
                        b.executed(&who, &mcp.name, args.to_string(), &ct.connector_id, ex);
                    }
                }
                _ => {}
            }
        }
        if crate::script::calls_unknown(&lower) {
            used_tool = true;
            let name = crate::script::UNKNOWN_FUNCTION;
            b.call(&who, name, "{}".to_owned(), false, CallOrigin::Function);
        }
        if !used_tool {
            let reply = plain_reply(speaker, text);
            b.push_parts(vec![Part::Text(Arc::from(reply))]);
        }
    } else if b.parts.is_empty() && b.outputs.is_empty() {
        // Inputs without a user message (assistant messages only): acknowledge them.
        b.push_text("OK.");
    }

    Ok(finish(b, &turn, speaker, next_agent))
}

/// The plain answer to a text: counting, structured output, or an echo.
pub fn plain_reply(speaker: &Speaker, text: &str) -> String {
    let lower = text.to_lowercase();
    let args = speaker.completion_args.as_ref();
    let reply = if let Some(n) = count_to(&lower) {
        let mut s = String::with_capacity(n as usize * 8);
        for i in 1..=n {
            if i > 1 {
                s.push(' ');
            }
            s.push_str(&i.to_string());
        }
        s
    } else if let Some(format) = args.and_then(|a| a.response_format.as_ref()) {
        match format.r#type.as_ref().map(|t| t.as_str()) {
            Some("json_schema") => {
                let schema = format
                    .json_schema
                    .as_ref()
                    .map(|s| Value::Object(s.schema.0.clone()))
                    .unwrap_or(Value::Null);
                crate::fill::fill(&schema, text).to_string()
            }
            Some("json_object") => json!({ "echo": text }).to_string(),
            _ => format!("Echo: {text}"),
        }
    } else {
        format!("Echo: {text}")
    };
    match args.and_then(|a| a.max_tokens) {
        Some(max) if max >= 0 => tokens::truncate(&reply, max as usize).to_owned(),
        _ => reply,
    }
}

fn count_to(lower: &str) -> Option<u64> {
    let at = lower.find("count to ")?;
    let digits: String = lower[at + 9..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let n: u64 = digits.parse().ok()?;
    (n >= 1).then_some(n.min(MAX_COUNT))
}

fn finish(
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

    #[test]
    fn plain_replies() {
        let s = Speaker {
            model: "m".into(),
            ..Default::default()
        };
        assert_eq!(plain_reply(&s, "Hello"), "Echo: Hello");
        assert_eq!(plain_reply(&s, "Count to 5 please"), "1 2 3 4 5");
        let capped = Speaker {
            completion_args: Some(wire::CompletionArgs {
                max_tokens: Some(2),
                ..serde_json::from_value(json!({})).unwrap()
            }),
            ..s.clone()
        };
        assert_eq!(plain_reply(&capped, "a b c d"), "Echo: a");
    }
}
