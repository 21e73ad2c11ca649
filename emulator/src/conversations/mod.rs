//! Conversations (`/v1/conversations`): start, append, restart (JSON or SSE), list, get,
//! delete, history and messages, with `store` honoured and restarts branching. The turns (start,
//! append, restart) are in `turns.rs`, the entries they store in `entries.rs`.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use mistral_edge::model::wire::{self, Entry};

use crate::error::ApiError;
use crate::json::{no_content, ok};
use crate::params;
use crate::state::{AppState, ConversationRecord, Store};

mod entries;
mod turns;

use turns::{append, restart, start};

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

/// The stored conversation `id`, or a 404.
fn conversation<'a>(store: &'a Store, id: &str) -> Result<&'a ConversationRecord, ApiError> {
    store
        .conversations
        .get(id)
        .ok_or_else(|| ApiError::not_found("Conversation", id))
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
