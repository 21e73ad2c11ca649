//! Agents (`/v1/agents`): create, list (and `listPages`), get at a version or alias, update
//! (each update is a new version), delete, switch the active version, versions and aliases.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use axum::routing::{get, patch};
use axum::Router;
use mistral_edge::model::leaf::NumberOrString;
use mistral_edge::model::shape::HasShape;
use mistral_edge::model::wire;
use serde_json::Value;

use crate::body::JsonBytes;
use crate::error::{ApiError, Violation};
use crate::json::{no_content, ok};
use crate::model::{AgentRef, Speaker};
use crate::params::{self, Query};
use crate::state::{AgentRecord, AppState, Store};
use crate::validate::{check_shape, tools_rules};
use crate::{clock, loc};

/// The agents routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/agents", get(list).post(create))
        .route("/v1/agents/pages", get(list_pages))
        .route(
            "/v1/agents/{agent_id}",
            get(get_one).patch(update).delete(delete),
        )
        .route("/v1/agents/{agent_id}/version", patch(switch_version))
        .route("/v1/agents/{agent_id}/versions", get(list_versions))
        .route("/v1/agents/{agent_id}/versions/{version}", get(get_version))
        .route(
            "/v1/agents/{agent_id}/aliases",
            get(list_aliases).put(put_alias).delete(delete_alias),
        )
}

impl AgentRecord {
    /// Version `n` as the API shows it (with the current list of versions).
    pub fn at(&self, n: i64) -> Option<wire::Agent> {
        let mut agent = self.versions.get(usize::try_from(n).ok()?)?.clone();
        agent.versions = (0..self.versions.len() as i64).collect();
        Some(agent)
    }

    /// The version a number or alias names.
    pub fn resolve(&self, version: Option<&NumberOrString>) -> Result<i64, ApiError> {
        let id = self.versions.first().map(|a| a.id.as_str()).unwrap_or("");
        match version {
            None => Ok(self.active),
            Some(NumberOrString::Number(n)) => {
                if *n >= 0 && (*n as usize) < self.versions.len() {
                    Ok(*n)
                } else {
                    Err(ApiError::not_found("Agent version", &format!("{id}@{n}")))
                }
            }
            Some(NumberOrString::String(s)) => {
                if let Ok(n) = s.parse::<i64>() {
                    return self.resolve(Some(&NumberOrString::Number(n)));
                }
                self.aliases
                    .get(s)
                    .map(|a| a.version)
                    .ok_or_else(|| ApiError::not_found("Agent version alias", &format!("{id}@{s}")))
            }
        }
    }
}

fn record<'a>(store: &'a Store, id: &str) -> Result<&'a AgentRecord, ApiError> {
    store
        .agents
        .get(id)
        .ok_or_else(|| ApiError::not_found("Agent", id))
}

fn record_mut<'a>(store: &'a mut Store, id: &str) -> Result<&'a mut AgentRecord, ApiError> {
    store
        .agents
        .get_mut(id)
        .ok_or_else(|| ApiError::not_found("Agent", id))
}

fn speaker_of(agent: &wire::Agent) -> Speaker {
    Speaker {
        model: agent.model.clone(),
        agent: Some(AgentRef {
            id: agent.id.clone(),
            name: agent.name.clone(),
        }),
        instructions: agent.instructions.clone(),
        tools: agent.tools.clone().unwrap_or_default(),
        completion_args: agent.completion_args.clone(),
        handoffs: Vec::new(),
    }
}

/// Who answers for an agent at a version (number or alias), with the agents it may hand off to.
pub fn speaker(
    store: &Store,
    agent_id: &str,
    version: Option<&NumberOrString>,
) -> Result<(Speaker, i64), ApiError> {
    let rec = record(store, agent_id)?;
    let n = rec.resolve(version)?;
    let agent = rec
        .at(n)
        .ok_or_else(|| ApiError::not_found("Agent", agent_id))?;
    let mut s = speaker_of(&agent);
    for target in agent.handoffs.iter().flatten() {
        if let Some(t) = store.agents.get(target).and_then(|r| r.at(r.active)) {
            s.handoffs.push(speaker_of(&t));
        }
    }
    Ok((s, n))
}

fn check(value: &Value, shape: &'static mistral_edge::model::shape::Shape) -> Result<(), ApiError> {
    let mut out: Vec<Violation> = Vec::new();
    check_shape(value, shape, &[crate::error::Loc::from("body")], &mut out);
    if let Some(Value::Array(tools)) = value.get("tools") {
        tools_rules(tools, &mut out);
    }
    if out.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(out))
    }
}

async fn create(State(state): State<AppState>, body: JsonBytes) -> Result<Response, ApiError> {
    let value = params::body(&body)?;
    check(&value, <wire::CreateAgentRequest as HasShape>::SHAPE)?;
    let req: wire::CreateAgentRequest = params::typed(value)?;
    let now = clock::now_rfc3339();
    let agent = wire::Agent {
        object: Some("agent".into()),
        id: state.ids.next("ag"),
        name: req.name,
        model: req.model,
        instructions: req.instructions,
        tools: req.tools,
        completion_args: req.completion_args,
        guardrails: req.guardrails,
        description: req.description,
        handoffs: req.handoffs,
        metadata: req.metadata,
        version: 0,
        versions: vec![0],
        owner_id: None,
        created_at: now.clone(),
        updated_at: now,
        deployment_chat: false,
        source: "api".into(),
        version_message: req.version_message,
    };
    let mut store = state.store();
    let seq = store.next_seq();
    store.agents.insert(
        agent.id.clone(),
        AgentRecord {
            seq,
            versions: vec![agent.clone()],
            active: 0,
            aliases: Default::default(),
        },
    );
    Ok(ok(&agent))
}

/// Active versions matching the list filters, newest first.
fn filtered(store: &Store, q: &Query) -> Result<Vec<wire::Agent>, ApiError> {
    let deployment_chat = params::boolean(q, "deployment_chat")?;
    let sources = params::all(q, "sources");
    let name = params::one(q, "name");
    let search = params::one(q, "search").map(str::to_lowercase);
    let id = params::one(q, "id");
    let metadata = params::json_object(q, "metadata")?;
    let mut records: Vec<&AgentRecord> = store.agents.values().collect();
    records.sort_by_key(|r| std::cmp::Reverse(r.seq));
    Ok(records
        .into_iter()
        .filter_map(|r| r.at(r.active))
        .filter(|a| deployment_chat.is_none_or(|d| a.deployment_chat == d))
        .filter(|a| sources.is_empty() || sources.contains(&a.source.as_str()))
        .filter(|a| name.is_none_or(|n| a.name == n))
        .filter(|a| id.is_none_or(|i| a.id == i))
        .filter(|a| {
            search.as_deref().is_none_or(|s| {
                a.name.to_lowercase().contains(s) || a.id.to_lowercase().contains(s)
            })
        })
        .filter(|a| {
            metadata
                .as_ref()
                .is_none_or(|m| params::metadata_matches(a.metadata.as_ref().map(|j| &j.0), m))
        })
        .collect())
}

async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let page = params::int(&q, "page", Some(0), 0, i64::MAX)?;
    let size = params::int(&q, "page_size", Some(20), 1, 1000)?;
    let all = filtered(&state.store(), &q)?;
    let page: Vec<wire::Agent> = all
        .into_iter()
        .skip((page as usize).saturating_mul(size as usize))
        .take(size as usize)
        .collect();
    Ok(ok(&page))
}

async fn list_pages(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let size = params::int(&q, "page_size", Some(20), 1, 1000)? as usize;
    let offset = match params::one(&q, "page_token").filter(|t| !t.is_empty()) {
        None => 0,
        Some(token) => token
            .strip_prefix("offset-")
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| {
                ApiError::validation(vec![Violation::value_error(
                    loc!["query", "page_token"],
                    "Invalid page token",
                    &Value::String(token.to_owned()),
                )])
            })?,
    };
    let all = filtered(&state.store(), &q)?;
    let more = all.len() > offset + size;
    let data: Vec<wire::Agent> = all.into_iter().skip(offset).take(size).collect();
    Ok(ok(&wire::AgentListPage {
        object: Some("list".into()),
        data,
        next_page_token: more.then(|| format!("offset-{}", offset + size)),
    }))
}

fn version_param(q: &Query) -> Option<NumberOrString> {
    params::one(q, "agent_version").map(|v| match v.parse::<i64>() {
        Ok(n) => NumberOrString::Number(n),
        Err(_) => NumberOrString::String(v.to_owned()),
    })
}

async fn get_one(
    State(state): State<AppState>,
    Path(agent_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let store = state.store();
    let rec = record(&store, &agent_id)?;
    let n = rec.resolve(version_param(&q).as_ref())?;
    let agent = rec
        .at(n)
        .ok_or_else(|| ApiError::not_found("Agent", &agent_id))?;
    Ok(ok(&agent))
}

async fn update(
    State(state): State<AppState>,
    Path(agent_id): Path<String>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let value = params::body(&body)?;
    check(&value, <wire::UpdateAgentRequest as HasShape>::SHAPE)?;
    let req: wire::UpdateAgentRequest = params::typed(value)?;
    let mut store = state.store();
    let rec = record_mut(&mut store, &agent_id)?;
    let mut next = rec
        .at(rec.active)
        .ok_or_else(|| ApiError::not_found("Agent", &agent_id))?;
    macro_rules! set {
        ($($field:ident),*) => { $(if let Some(v) = req.$field { next.$field = v; })* };
    }
    macro_rules! set_opt {
        ($($field:ident),*) => { $(if req.$field.is_some() { next.$field = req.$field; })* };
    }
    set!(model, name, deployment_chat);
    set_opt!(
        instructions,
        tools,
        completion_args,
        guardrails,
        description,
        handoffs,
        metadata
    );
    next.version_message = req.version_message;
    next.version = rec.versions.len() as i64;
    next.updated_at = clock::now_rfc3339();
    rec.versions.push(next.clone());
    rec.active = next.version;
    let shown = rec
        .at(rec.active)
        .ok_or_else(|| ApiError::not_found("Agent", &agent_id))?;
    Ok(ok(&shown))
}

async fn delete(
    State(state): State<AppState>,
    Path(agent_id): Path<String>,
) -> Result<Response, ApiError> {
    let mut store = state.store();
    store
        .agents
        .remove(&agent_id)
        .ok_or_else(|| ApiError::not_found("Agent", &agent_id))?;
    Ok(no_content())
}

async fn switch_version(
    State(state): State<AppState>,
    Path(agent_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let version = params::int(&q, "version", None, i64::MIN, i64::MAX)?;
    let mut store = state.store();
    let rec = record_mut(&mut store, &agent_id)?;
    let n = rec.resolve(Some(&NumberOrString::Number(version)))?;
    rec.active = n;
    let agent = rec
        .at(n)
        .ok_or_else(|| ApiError::not_found("Agent", &agent_id))?;
    Ok(ok(&agent))
}

async fn list_versions(
    State(state): State<AppState>,
    Path(agent_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let page = params::int(&q, "page", Some(0), 0, i64::MAX)? as usize;
    let size = params::int(&q, "page_size", Some(20), 1, 1000)? as usize;
    let store = state.store();
    let rec = record(&store, &agent_id)?;
    let versions: Vec<wire::Agent> = (0..rec.versions.len() as i64)
        .rev()
        .filter_map(|n| rec.at(n))
        .skip(page.saturating_mul(size))
        .take(size)
        .collect();
    Ok(ok(&versions))
}

async fn get_version(
    State(state): State<AppState>,
    Path((agent_id, version)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let store = state.store();
    let rec = record(&store, &agent_id)?;
    let n = rec.resolve(Some(&NumberOrString::String(version)))?;
    let agent = rec
        .at(n)
        .ok_or_else(|| ApiError::not_found("Agent", &agent_id))?;
    Ok(ok(&agent))
}

async fn list_aliases(
    State(state): State<AppState>,
    Path(agent_id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.store();
    let rec = record(&store, &agent_id)?;
    let aliases: Vec<&wire::AgentAliasResponse> = rec.aliases.values().collect();
    Ok(ok(&aliases))
}

async fn put_alias(
    State(state): State<AppState>,
    Path(agent_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let version = params::int(&q, "version", None, i64::MIN, i64::MAX)?;
    let alias = params::one(&q, "alias")
        .filter(|a| !a.is_empty())
        .ok_or_else(|| {
            ApiError::validation(vec![Violation::missing(
                loc!["query", "alias"],
                &Value::Null,
            )])
        })?;
    let mut store = state.store();
    let rec = record_mut(&mut store, &agent_id)?;
    let n = rec.resolve(Some(&NumberOrString::Number(version)))?;
    let now = clock::now_rfc3339();
    let entry = rec
        .aliases
        .entry(alias.to_owned())
        .and_modify(|a| {
            a.version = n;
            a.updated_at = now.clone();
        })
        .or_insert_with(|| wire::AgentAliasResponse {
            alias: alias.to_owned(),
            version: n,
            created_at: now.clone(),
            updated_at: now.clone(),
        });
    Ok(ok(&*entry))
}

async fn delete_alias(
    State(state): State<AppState>,
    Path(agent_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let alias = params::one(&q, "alias").ok_or_else(|| {
        ApiError::validation(vec![Violation::missing(
            loc!["query", "alias"],
            &Value::Null,
        )])
    })?;
    let mut store = state.store();
    let rec = record_mut(&mut store, &agent_id)?;
    rec.aliases
        .remove(alias)
        .ok_or_else(|| ApiError::not_found("Agent version alias", alias))?;
    Ok(no_content())
}
