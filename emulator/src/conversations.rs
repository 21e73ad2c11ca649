//! Conversations (`/v1/conversations`): start, append, restart (JSON or SSE), list, get,
//! delete, history and messages, with `store` honoured and restarts branching.

use std::collections::{HashMap, HashSet};

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};
use mistral_edge::model::leaf::NumberOrString;
use mistral_edge::model::wire::{self, Content, Entry, Inputs, Tool};
use serde_json::Value;

use crate::app::{no_content, ok};
use crate::body::JsonBytes;
use crate::error::{ApiError, Violation};
use crate::faults::Faults;
use crate::model::{self, Confirmed, Output, Reply, Speaker, Turn};
use crate::params;
use crate::state::{AppState, CallOrigin, ConversationRecord, FileRecord, Store};
use crate::{agents, clock, loc, sse, validate};

/// The conversations routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/conversations", post(start).get(list))
        .route(
            "/v1/conversations/{conversation_id}",
            post(append).get(get_one).delete(delete),
        )
        .route("/v1/conversations/{conversation_id}/history", get(history))
        .route(
            "/v1/conversations/{conversation_id}/messages",
            get(messages),
        )
        .route("/v1/conversations/{conversation_id}/restart", post(restart))
}

/// `inputs` as entries: a string is one user message.
fn input_entries(inputs: Option<Inputs>) -> Vec<Entry> {
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
fn stamp_inputs(entries: Vec<Entry>, state: &AppState, now: &str) -> Vec<Entry> {
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
fn without_secrets(tools: &[Tool]) -> Vec<Tool> {
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

/// The model's answer, as JSON or as an event stream.
fn respond(
    conversation_id: &str,
    reply: &Reply,
    now: &str,
    stream: bool,
    faults: &Faults,
) -> Response {
    if stream {
        return sse::response(conversation_id, reply, now, faults);
    }
    ok(&wire::ConversationResponse {
        object: Some("conversation.response".into()),
        conversation_id: conversation_id.to_owned(),
        outputs: reply.outputs.iter().map(|o| o.to_entry(now)).collect(),
        usage: reply.usage.clone(),
        guardrails: None,
    })
}

fn store_files(store: &mut Store, reply: &Reply) {
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

fn call_origins(reply: &Reply) -> impl Iterator<Item = (String, CallOrigin)> + '_ {
    reply.outputs.iter().filter_map(|o| match o {
        Output::Call {
            tool_call_id,
            origin,
            ..
        } => Some((tool_call_id.clone(), origin.clone())),
        _ => None,
    })
}

fn validation(violations: Vec<Violation>) -> Result<(), ApiError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(violations))
    }
}

fn conversation<'a>(store: &'a Store, id: &str) -> Result<&'a ConversationRecord, ApiError> {
    store
        .conversations
        .get(id)
        .ok_or_else(|| ApiError::not_found("Conversation", id))
}

/// Who answers next in a stored conversation.
fn speaker_for(
    store: &Store,
    rec: &ConversationRecord,
    completion_args: Option<wire::CompletionArgs>,
) -> Result<Speaker, ApiError> {
    let mut speaker = match (&rec.current_agent, &rec.meta.agent_id) {
        (Some(current), Some(original)) => {
            let pinned = (current == original)
                .then(|| rec.agent_version.map(NumberOrString::Number))
                .flatten();
            agents::speaker(store, current, pinned.as_ref())?.0
        }
        _ => Speaker {
            model: rec.meta.model.clone().unwrap_or_default(),
            agent: None,
            instructions: rec.meta.instructions.clone(),
            tools: rec.meta.tools.clone().unwrap_or_default(),
            completion_args: rec.meta.completion_args.clone(),
            handoffs: Vec::new(),
        },
    };
    if completion_args.is_some() {
        speaker.completion_args = completion_args;
    }
    Ok(speaker)
}

async fn start(
    State(state): State<AppState>,
    Extension(faults): Extension<Faults>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let value = params::body(&body)?;
    validation(validate::start(&value))?;
    let req: wire::ConversationRequest = params::typed(value)?;
    let inputs = input_entries(Some(req.inputs.clone()));
    let (speaker, agent_version) = match &req.agent_id {
        Some(agent_id) => {
            let (mut s, n) = agents::speaker(&state.store(), agent_id, req.agent_version.as_ref())?;
            if req.completion_args.is_some() {
                s.completion_args = req.completion_args.clone();
            }
            (s, Some(n))
        }
        None => (
            Speaker {
                model: req.model.clone().unwrap_or_default(),
                agent: None,
                instructions: req.instructions.clone(),
                tools: req.tools.clone().unwrap_or_default(),
                completion_args: req.completion_args.clone(),
                handoffs: Vec::new(),
            },
            None,
        ),
    };
    let turn = Turn {
        speaker,
        history: &[],
        inputs: &inputs,
        confirmed: Vec::new(),
        client_handoffs: req
            .handoff_execution
            .as_ref()
            .is_some_and(|h| h.as_str() == "client"),
    };
    let reply = model::respond(turn, &state.hooks, &state.ids).await?;
    let id = state.ids.next("conv");
    let now = clock::now_rfc3339();
    let mut store = state.store();
    store_files(&mut store, &reply);
    if req.store != Some(false) {
        let mut entries = stamp_inputs(inputs, &state, &now);
        entries.extend(reply.outputs.iter().map(|o| o.to_entry(&now)));
        let is_agent = req.agent_id.is_some();
        let meta = wire::Conversation {
            object: Some("conversation".into()),
            id: id.clone(),
            created_at: Some(now.clone()),
            updated_at: Some(now.clone()),
            model: if is_agent { None } else { req.model.clone() },
            agent_id: req.agent_id.clone(),
            agent_version: agent_version.map(NumberOrString::Number),
            instructions: if is_agent {
                None
            } else {
                req.instructions.clone()
            },
            tools: if is_agent {
                None
            } else {
                req.tools.as_deref().map(without_secrets)
            },
            completion_args: if is_agent {
                None
            } else {
                req.completion_args.clone()
            },
            guardrails: if is_agent {
                None
            } else {
                req.guardrails.clone()
            },
            name: req.name.clone(),
            description: req.description.clone(),
            metadata: req.metadata.clone(),
        };
        let seq = store.next_seq();
        store.conversations.insert(
            id.clone(),
            ConversationRecord {
                seq,
                meta,
                entries,
                current_agent: reply.next_agent.clone().or_else(|| req.agent_id.clone()),
                agent_version,
                call_origins: call_origins(&reply).collect(),
            },
        );
    }
    drop(store);
    Ok(respond(
        &id,
        &reply,
        &now,
        req.stream == Some(true),
        &faults,
    ))
}

/// The unanswered calls of a conversation: `function.call` entries without a result, and
/// calls waiting for a confirmation.
fn open_calls(entries: &[Entry]) -> (HashMap<String, wire::FunctionCallEntry>, HashSet<String>) {
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

async fn append(
    State(state): State<AppState>,
    Extension(faults): Extension<Faults>,
    Path(id): Path<String>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let value = params::body(&body)?;
    validation(validate::append(&value))?;
    let req: wire::AppendConversationRequest = params::typed(value)?;
    let inputs = input_entries(req.inputs.clone());

    let (history, speaker, origins) = {
        let store = state.store();
        let rec = conversation(&store, &id)?;
        let speaker = speaker_for(&store, rec, req.completion_args.clone())?;
        (rec.entries.clone(), speaker, rec.call_origins.clone())
    };

    // Results must answer open calls; confirmations must answer pending ones.
    let (open, pending) = open_calls(&history);
    let mut violations = Vec::new();
    for (i, e) in inputs.iter().enumerate() {
        if let Entry::FunctionResult(r) = e {
            let known = open
                .get(&r.tool_call_id)
                .is_some_and(|c| !pending.contains(&c.tool_call_id));
            if !known {
                violations.push(Violation::value_error(
                    loc!["body", "inputs", i, "tool_call_id"],
                    &format!(
                        "No function call `{}` waits for a result in this conversation",
                        r.tool_call_id
                    ),
                    &Value::String(r.tool_call_id.clone()),
                ));
            }
        }
    }
    let mut confirmed = Vec::new();
    for (i, c) in req.tool_confirmations.iter().flatten().enumerate() {
        match (pending.contains(&c.tool_call_id), open.get(&c.tool_call_id)) {
            (true, Some(call)) => confirmed.push(Confirmed {
                call: call.clone(),
                origin: origins
                    .get(&c.tool_call_id)
                    .cloned()
                    .unwrap_or(CallOrigin::Function),
                allow: c.confirmation.as_str() == "allow",
            }),
            _ => violations.push(Violation::value_error(
                loc!["body", "tool_confirmations", i, "tool_call_id"],
                &format!(
                    "No tool call `{}` waits for a confirmation in this conversation",
                    c.tool_call_id
                ),
                &Value::String(c.tool_call_id.clone()),
            )),
        }
    }
    validation(violations)?;

    let resolved: Vec<(String, &'static str)> = confirmed
        .iter()
        .map(|c| {
            (
                c.call.tool_call_id.clone(),
                if c.allow { "allowed" } else { "denied" },
            )
        })
        .collect();
    let turn = Turn {
        speaker,
        history: &history,
        inputs: &inputs,
        confirmed,
        client_handoffs: req
            .handoff_execution
            .as_ref()
            .is_some_and(|h| h.as_str() == "client"),
    };
    let reply = model::respond(turn, &state.hooks, &state.ids).await?;
    let now = clock::now_rfc3339();
    let mut store = state.store();
    store_files(&mut store, &reply);
    if req.store != Some(false) {
        let stamped = stamp_inputs(inputs, &state, &now);
        let rec = store
            .conversations
            .get_mut(&id)
            .ok_or_else(|| ApiError::not_found("Conversation", &id))?;
        for e in rec.entries.iter_mut() {
            if let Entry::FunctionCall(c) = e {
                if let Some((_, status)) = resolved.iter().find(|(t, _)| *t == c.tool_call_id) {
                    c.confirmation_status = Some((*status).into());
                }
            }
        }
        rec.entries.extend(stamped);
        rec.entries
            .extend(reply.outputs.iter().map(|o| o.to_entry(&now)));
        rec.call_origins.extend(call_origins(&reply));
        if let Some(next) = &reply.next_agent {
            rec.current_agent = Some(next.clone());
        }
        rec.meta.updated_at = Some(now.clone());
    }
    drop(store);
    Ok(respond(
        &id,
        &reply,
        &now,
        req.stream == Some(true),
        &faults,
    ))
}

async fn restart(
    State(state): State<AppState>,
    Extension(faults): Extension<Faults>,
    Path(id): Path<String>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let value = params::body(&body)?;
    validation(validate::restart(&value))?;
    let req: wire::RestartConversationRequest = params::typed(value)?;
    let inputs = input_entries(req.inputs.clone());

    let (mut branch, speaker, agent_version) = {
        let store = state.store();
        let rec = conversation(&store, &id)?;
        let at = rec
            .entries
            .iter()
            .position(|e| entry_id(e) == Some(req.from_entry_id.as_str()))
            .ok_or_else(|| ApiError::not_found("Entry", &req.from_entry_id))?;
        let mut branch = rec.clone();
        branch.entries.truncate(at + 1);
        // The branch starts with the conversation's first agent again.
        branch.current_agent = rec.meta.agent_id.clone();
        let mut agent_version = rec.agent_version;
        if let (Some(agent_id), Some(v)) = (&rec.meta.agent_id, &req.agent_version) {
            agent_version = Some(agents::speaker(&store, agent_id, Some(v))?.1);
        }
        branch.agent_version = agent_version;
        let speaker = speaker_for(&store, &branch, req.completion_args.clone())?;
        (branch, speaker, agent_version)
    };

    let turn = Turn {
        speaker,
        history: &branch.entries,
        inputs: &inputs,
        confirmed: Vec::new(),
        client_handoffs: req
            .handoff_execution
            .as_ref()
            .is_some_and(|h| h.as_str() == "client"),
    };
    let reply = model::respond(turn, &state.hooks, &state.ids).await?;
    let new_id = state.ids.next("conv");
    let now = clock::now_rfc3339();
    let mut store = state.store();
    store_files(&mut store, &reply);
    if req.store != Some(false) {
        let stamped = stamp_inputs(inputs, &state, &now);
        branch.entries.extend(stamped);
        branch
            .entries
            .extend(reply.outputs.iter().map(|o| o.to_entry(&now)));
        branch.call_origins.extend(call_origins(&reply));
        if let Some(next) = &reply.next_agent {
            branch.current_agent = Some(next.clone());
        }
        branch.meta.id = new_id.clone();
        branch.meta.created_at = Some(now.clone());
        branch.meta.updated_at = Some(now.clone());
        branch.meta.agent_version = agent_version.map(NumberOrString::Number);
        if req.metadata.is_some() {
            branch.meta.metadata = req.metadata.clone();
        }
        if req.guardrails.is_some() && branch.meta.agent_id.is_none() {
            branch.meta.guardrails = req.guardrails.clone();
        }
        branch.seq = store.next_seq();
        store.conversations.insert(new_id.clone(), branch);
    }
    drop(store);
    Ok(respond(
        &new_id,
        &reply,
        &now,
        req.stream == Some(true),
        &faults,
    ))
}

/// An entry's id.
pub fn entry_id(e: &Entry) -> Option<&str> {
    match e {
        Entry::MessageInput(m) => m.id.as_deref(),
        Entry::MessageOutput(m) => m.id.as_deref(),
        Entry::FunctionCall(m) => m.id.as_deref(),
        Entry::FunctionResult(m) => m.id.as_deref(),
        Entry::ToolExecution(m) => m.id.as_deref(),
        Entry::AgentHandoff(m) => m.id.as_deref(),
        _ => None,
    }
}

async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let page = params::int(&q, "page", Some(0), 0, i64::MAX)? as usize;
    let size = params::int(&q, "page_size", Some(100), 1, 10_000)? as usize;
    let metadata = params::json_object(&q, "metadata")?;
    let store = state.store();
    let mut records: Vec<&ConversationRecord> = store
        .conversations
        .values()
        .filter(|r| {
            metadata
                .as_ref()
                .is_none_or(|m| params::metadata_matches(r.meta.metadata.as_ref().map(|j| &j.0), m))
        })
        .collect();
    records.sort_by_key(|r| std::cmp::Reverse(r.seq));
    let page: Vec<&wire::Conversation> = records
        .into_iter()
        .skip(page.saturating_mul(size))
        .take(size)
        .map(|r| &r.meta)
        .collect();
    Ok(ok(&page))
}

async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.store();
    Ok(ok(&conversation(&store, &id)?.meta))
}

async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut store = state.store();
    store
        .conversations
        .remove(&id)
        .ok_or_else(|| ApiError::not_found("Conversation", &id))?;
    Ok(no_content())
}

async fn history(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.store();
    let rec = conversation(&store, &id)?;
    Ok(ok(&wire::ConversationHistory {
        object: Some("conversation.history".into()),
        conversation_id: id.clone(),
        entries: rec.entries.clone(),
    }))
}

async fn messages(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.store();
    let rec = conversation(&store, &id)?;
    Ok(ok(&wire::ConversationMessages {
        object: Some("conversation.messages".into()),
        conversation_id: id.clone(),
        messages: rec
            .entries
            .iter()
            .filter(|e| matches!(e, Entry::MessageInput(_) | Entry::MessageOutput(_)))
            .cloned()
            .collect(),
    }))
}
