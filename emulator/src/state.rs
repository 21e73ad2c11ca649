//! Everything the emulator remembers: conversations, agents, files, fault counters, and (in
//! their own modules, behind their own locks) connectors and libraries.
//! One mutex guards the store; no handler holds it across an `await`.

use std::collections::{BTreeMap, HashMap};
use std::ops::Deref;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Bytes;
use mistral_edge::model::wire;

use crate::connectors::Registry;
use crate::counters::Counters;
use crate::hooks::Hooks;
use crate::ids::Ids;
use crate::libraries::Libraries;
use crate::limits::Limits;
use crate::observe::Observer;

/// Where a `function.call` came from, so that a confirmation or a result can be acted on.
#[derive(Debug, Clone, PartialEq)]
pub enum CallOrigin {
    /// A `function` tool: the client runs it and answers with `function.result`.
    Function,
    /// A built-in tool waiting for confirmation (`web_search`, `code_interpreter`, ...).
    BuiltIn(String),
    /// A connector's tool waiting for confirmation.
    Connector(String),
}

/// A stored conversation.
#[derive(Debug, Clone)]
pub struct ConversationRecord {
    /// Creation order, for listing newest first.
    pub seq: u64,
    /// What `GET /v1/conversations/{id}` returns.
    pub meta: wire::Conversation,
    /// Every entry, in order.
    pub entries: Vec<wire::Entry>,
    /// The agent that answers next (changes on handoffs).
    pub current_agent: Option<String>,
    /// The version of each agent the conversation uses.
    pub agent_version: Option<i64>,
    /// Origins of the function calls made so far, by `tool_call_id`.
    pub call_origins: HashMap<String, CallOrigin>,
}

/// A stored agent with all its versions.
#[derive(Debug, Clone)]
pub struct AgentRecord {
    /// Creation order.
    pub seq: u64,
    /// Every version, in order; `versions[i].version == i`.
    pub versions: Vec<wire::Agent>,
    /// The version `GET /v1/agents/{id}` returns.
    pub active: i64,
    /// Aliases, by name.
    pub aliases: BTreeMap<String, wire::AgentAliasResponse>,
}

/// A stored file.
#[derive(Debug, Clone)]
pub struct FileRecord {
    /// Creation order, for listing newest first.
    pub seq: u64,
    /// What `GET /v1/files/{id}` returns.
    pub meta: wire::GetFileResponse,
    /// The content.
    pub bytes: Bytes,
}

/// The emulator's data.
#[derive(Debug, Default)]
pub struct Store {
    /// Conversations by id.
    pub conversations: HashMap<String, ConversationRecord>,
    /// Agents by id.
    pub agents: HashMap<String, AgentRecord>,
    /// Files by id.
    pub files: HashMap<String, FileRecord>,
    /// The next creation number.
    pub seq: u64,
}

impl Store {
    /// The next creation number.
    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }
}

/// Shared state of one emulator.
#[derive(Debug)]
pub struct Inner {
    /// Fresh identifiers.
    pub ids: Ids,
    /// The data.
    store: Mutex<Store>,
    /// Requests seen per fault header value.
    pub fault_counters: Counters,
    /// Connectors and libraries.
    pub hooks: Hooks,
    /// The key that signs file URLs.
    pub signing_key: u64,
    /// Who "you" are: the user, workspace and organisation that own what you create.
    pub identity: Identity,
    /// The connectors (`/v1/connectors`).
    pub connectors: Arc<Registry>,
    /// The libraries and their documents (`/v1/libraries`).
    pub libraries: Arc<Libraries>,
    /// Counters and recent requests (`/__emulator/stats`, `/__emulator/requests`).
    pub observer: Arc<Observer>,
    /// How long clients may take to send requests, and how big their bodies may be.
    pub limits: Limits,
    /// The benchmark's rendered streams (`x-emulator-bench`; the binary only).
    #[cfg(not(target_arch = "wasm32"))]
    pub bench: crate::bench::Cache,
}

/// The ids of the (one) user, workspace and organisation the emulator serves.
#[derive(Debug, Clone)]
pub struct Identity {
    /// The user (owner and creator of connectors, uploader of documents).
    pub user_id: String,
    /// The workspace.
    pub workspace_id: String,
    /// The organisation.
    pub org_id: String,
}

impl Identity {
    fn new(ids: &Ids) -> Self {
        Self {
            user_id: ids.uuid(),
            workspace_id: ids.uuid(),
            org_id: ids.uuid(),
        }
    }
}

/// A cheap handle on the shared state.
#[derive(Debug, Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Fresh state whose model reaches connectors and libraries through these hooks. The
    /// `/v1/connectors` and `/v1/libraries` endpoints still work on the emulator's own
    /// registries; only the model's tools use `hooks`. [`AppState::default`] plugs those
    /// registries in as the hooks (real MCP, real document search).
    pub fn new(hooks: Hooks) -> Self {
        Self::build(|_, _| hooks, Limits::default())
    }

    fn build(hooks: impl FnOnce(&Arc<Registry>, &Arc<Libraries>) -> Hooks, limits: Limits) -> Self {
        let ids = Ids::new();
        let signing_key = ids.secret();
        let identity = Identity::new(&ids);
        let connectors = Arc::new(Registry::default());
        let libraries = Arc::new(Libraries::default());
        let hooks = hooks(&connectors, &libraries);
        Self(Arc::new(Inner {
            ids,
            store: Mutex::new(Store::default()),
            fault_counters: Counters::default(),
            hooks,
            signing_key,
            identity,
            connectors,
            libraries,
            observer: Arc::default(),
            limits,
            #[cfg(not(target_arch = "wasm32"))]
            bench: Default::default(),
        }))
    }

    /// Fresh state (as [`AppState::default`]) whose clients have these limits.
    pub fn with_limits(limits: Limits) -> Self {
        Self::build(Self::own_hooks, limits)
    }

    fn own_hooks(connectors: &Arc<Registry>, libraries: &Arc<Libraries>) -> Hooks {
        Hooks {
            connectors: connectors.clone(),
            libraries: libraries.clone(),
        }
    }

    /// Locks the store (a panic elsewhere does not make it unusable).
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Default for AppState {
    /// Fresh state whose model uses the emulator's own connectors (MCP over streamable HTTP)
    /// and libraries (term search over the uploaded documents' text).
    fn default() -> Self {
        Self::build(Self::own_hooks, Limits::default())
    }
}
