//! The three turns of a conversation: start, append and restart. Each checks its request and
//! makes the model's [`Turn`]; what follows the model's answer is the same for the three and is
//! done in one place, [`keep_and_send`].

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Extension;
use mistral_edge::model::leaf::{HandoffExecution, NumberOrString};
use mistral_edge::model::wire::{self, Entry};
use serde_json::Value;

use super::entries::without_secrets;
use super::entries::{call_origins, input_entries, open_calls, stamp_inputs, store_files};
use super::{conversation, entry_id};
use crate::body::JsonBytes;
use crate::error::{ApiError, Violation};
use crate::faults::Faults;
use crate::json::ok;
use crate::model::{self, Confirmed, Reply, Speaker, Turn};
use crate::params;
use crate::state::{AppState, CallOrigin, ConversationRecord, Store};
use crate::{agents, clock, loc, sse, validate};

/// The model's answer, as JSON or as an event stream.
fn send(
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

/// What a turn adds to its conversation: its inputs (stamped) and the model's outputs.
struct Kept<'a> {
    entries: Vec<Entry>,
    reply: &'a Reply,
    now: &'a str,
}

impl Kept<'_> {
    /// Adds the turn to a record: its entries and calls, the agent that answers next, the time.
    fn add_to(self, rec: &mut ConversationRecord) {
        rec.entries.extend(self.entries);
        rec.call_origins.extend(call_origins(self.reply));
        if let Some(next) = &self.reply.next_agent {
            rec.current_agent = Some(next.clone());
        }
        rec.meta.updated_at = Some(self.now.to_owned());
    }
}

/// A turn the model answered, with the request's `store` and `stream`.
struct Answered {
    reply: Reply,
    inputs: Vec<Entry>,
    store: Option<bool>,
    stream: Option<bool>,
}

/// The shared tail of start, append and restart, once the model answered: the files it made are
/// stored; unless the request said `store: false`, `keep` adds the turn (its inputs, stamped,
/// then the outputs) to conversation `id`; the answer goes out as JSON or as a stream.
fn keep_and_send(
    state: &AppState,
    faults: &Faults,
    id: &str,
    answered: Answered,
    keep: impl FnOnce(&mut Store, Kept<'_>) -> Result<(), ApiError>,
) -> Result<Response, ApiError> {
    let Answered {
        reply,
        inputs,
        store,
        stream,
    } = answered;
    let now = clock::now_rfc3339();
    let mut guard = state.store();
    store_files(&mut guard, &reply);
    if store != Some(false) {
        let mut entries = stamp_inputs(inputs, state, &now);
        entries.extend(reply.outputs.iter().map(|o| o.to_entry(&now)));
        let kept = Kept {
            entries,
            reply: &reply,
            now: &now,
        };
        keep(&mut guard, kept)?;
    }
    drop(guard);
    Ok(send(id, &reply, &now, stream == Some(true), faults))
}

fn validation(violations: Vec<Violation>) -> Result<(), ApiError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(violations))
    }
}

/// `handoff_execution: "client"`.
fn client_handoffs(handoff: Option<&HandoffExecution>) -> bool {
    handoff.is_some_and(|h| h.as_str() == "client")
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

/// Who answers a new conversation (with the agent's version, for an agent).
fn new_speaker(
    state: &AppState,
    req: &wire::ConversationRequest,
) -> Result<(Speaker, Option<i64>), ApiError> {
    Ok(match &req.agent_id {
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
    })
}

/// A new conversation's metadata: an agent's conversation keeps its model settings in the agent.
fn new_meta(
    req: &wire::ConversationRequest,
    id: &str,
    now: &str,
    agent_version: Option<i64>,
) -> wire::Conversation {
    let model_only = req.agent_id.is_none();
    wire::Conversation {
        object: Some("conversation".into()),
        id: id.to_owned(),
        created_at: Some(now.to_owned()),
        updated_at: Some(now.to_owned()),
        model: req.model.clone().filter(|_| model_only),
        agent_id: req.agent_id.clone(),
        agent_version: agent_version.map(NumberOrString::Number),
        instructions: req.instructions.clone().filter(|_| model_only),
        tools: req
            .tools
            .as_deref()
            .map(without_secrets)
            .filter(|_| model_only),
        completion_args: req.completion_args.clone().filter(|_| model_only),
        guardrails: req.guardrails.clone().filter(|_| model_only),
        name: req.name.clone(),
        description: req.description.clone(),
        metadata: req.metadata.clone(),
    }
}

/// `POST /v1/conversations`.
pub(super) async fn start(
    State(state): State<AppState>,
    Extension(faults): Extension<Faults>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let value = params::body(&body)?;
    validation(validate::start(&value))?;
    let req: wire::ConversationRequest = params::typed(value)?;
    let inputs = input_entries(Some(req.inputs.clone()));
    let (speaker, agent_version) = new_speaker(&state, &req)?;
    let turn = Turn {
        speaker,
        history: &[],
        inputs: &inputs,
        confirmed: Vec::new(),
        client_handoffs: client_handoffs(req.handoff_execution.as_ref()),
    };
    let reply = model::respond(turn, &state.hooks, &state.ids).await?;
    let id = state.ids.next("conv");
    let answered = Answered {
        reply,
        inputs,
        store: req.store,
        stream: req.stream,
    };
    keep_and_send(&state, &faults, &id, answered, |store, kept| {
        let mut rec = ConversationRecord {
            seq: store.next_seq(),
            meta: new_meta(&req, &id, kept.now, agent_version),
            entries: Vec::new(),
            current_agent: req.agent_id.clone(),
            agent_version,
            call_origins: Default::default(),
        };
        kept.add_to(&mut rec);
        store.conversations.insert(id.clone(), rec);
        Ok(())
    })
}

/// The tool calls an append answers, checked: each result answers an open call, each
/// confirmation a pending one. Returns the confirmed calls.
fn answered_calls(
    inputs: &[Entry],
    history: &[Entry],
    origins: &HashMap<String, CallOrigin>,
    confirmations: Option<&[wire::ToolCallConfirmation]>,
) -> Result<Vec<Confirmed>, ApiError> {
    let (open, pending) = open_calls(history);
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
    for (i, c) in confirmations.into_iter().flatten().enumerate() {
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
    Ok(confirmed)
}

/// `POST /v1/conversations/{id}`.
pub(super) async fn append(
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
    let confirmed = answered_calls(
        &inputs,
        &history,
        &origins,
        req.tool_confirmations.as_deref(),
    )?;
    let resolved: Vec<(String, &'static str)> = confirmed
        .iter()
        .map(|c| {
            let status = if c.allow { "allowed" } else { "denied" };
            (c.call.tool_call_id.clone(), status)
        })
        .collect();
    let turn = Turn {
        speaker,
        history: &history,
        inputs: &inputs,
        confirmed,
        client_handoffs: client_handoffs(req.handoff_execution.as_ref()),
    };
    let reply = model::respond(turn, &state.hooks, &state.ids).await?;
    let answered = Answered {
        reply,
        inputs,
        store: req.store,
        stream: req.stream,
    };
    keep_and_send(&state, &faults, &id, answered, |store, kept| {
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
        kept.add_to(rec);
        Ok(())
    })
}

/// The branch a restart makes: conversation `id` up to `from_entry_id`, with its first agent (at
/// the version asked for) answering again; and who answers.
fn branch_of(
    store: &Store,
    id: &str,
    req: &wire::RestartConversationRequest,
) -> Result<(ConversationRecord, Speaker), ApiError> {
    let rec = conversation(store, id)?;
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
        agent_version = Some(agents::speaker(store, agent_id, Some(v))?.1);
    }
    branch.agent_version = agent_version;
    let speaker = speaker_for(store, &branch, req.completion_args.clone())?;
    Ok((branch, speaker))
}

/// `POST /v1/conversations/{id}/restart`.
pub(super) async fn restart(
    State(state): State<AppState>,
    Extension(faults): Extension<Faults>,
    Path(id): Path<String>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let value = params::body(&body)?;
    validation(validate::restart(&value))?;
    let req: wire::RestartConversationRequest = params::typed(value)?;
    let inputs = input_entries(req.inputs.clone());
    let (mut branch, speaker) = branch_of(&state.store(), &id, &req)?;
    let turn = Turn {
        speaker,
        history: &branch.entries,
        inputs: &inputs,
        confirmed: Vec::new(),
        client_handoffs: client_handoffs(req.handoff_execution.as_ref()),
    };
    let reply = model::respond(turn, &state.hooks, &state.ids).await?;
    let new_id = state.ids.next("conv");
    let answered = Answered {
        reply,
        inputs,
        store: req.store,
        stream: req.stream,
    };
    keep_and_send(&state, &faults, &new_id, answered, |store, kept| {
        let now = kept.now.to_owned();
        kept.add_to(&mut branch);
        branch.meta.id = new_id.clone();
        branch.meta.created_at = Some(now);
        branch.meta.agent_version = branch.agent_version.map(NumberOrString::Number);
        if req.metadata.is_some() {
            branch.meta.metadata = req.metadata.clone();
        }
        if req.guardrails.is_some() && branch.meta.agent_id.is_none() {
            branch.meta.guardrails = req.guardrails.clone();
        }
        branch.seq = store.next_seq();
        store.conversations.insert(new_id.clone(), branch);
        Ok(())
    })
}
