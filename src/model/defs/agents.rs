// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

model! {
    /// Creates an agent: a model with instructions and tools, usable in conversations by its id.
    pub struct CreateAgentRequest {
        /// The model the agent runs on.
        pub model: String,
        /// The agent's name.
        pub name: String,
        /// Instructions the model follows in every conversation.
        pub instructions?: String,
        /// Tools the agent may use.
        pub tools?: Vec<Tool>,
        /// Sampling and output settings.
        pub completion_args?: CompletionArgs,
        /// Moderation guardrails.
        pub guardrails?: Vec<GuardrailConfig>,
        /// What the agent does (other agents read this when handing off).
        pub description?: String,
        /// Ids of the agents this agent may hand the conversation to.
        pub handoffs?: Vec<String>,
        /// Your own data, stored with the agent and never re-cased.
        pub metadata?: JsonObject,
        /// A note describing this first version.
        pub version_message?: String,
    }
}

model! {
    /// Changes an agent; every update creates a new version.
    pub struct UpdateAgentRequest {
        /// The model the agent runs on.
        pub model?: String,
        /// The agent's name.
        pub name?: String,
        /// Instructions the model follows in every conversation.
        pub instructions?: String,
        /// Tools the agent may use (replaces the list).
        pub tools?: Vec<Tool>,
        /// Sampling and output settings.
        pub completion_args?: CompletionArgs,
        /// Moderation guardrails.
        pub guardrails?: Vec<GuardrailConfig>,
        /// What the agent does.
        pub description?: String,
        /// Ids of the agents this agent may hand the conversation to.
        pub handoffs?: Vec<String>,
        /// Your own data, never re-cased.
        pub metadata?: JsonObject,
        /// Whether the agent is available in Le Chat.
        pub deployment_chat?: bool,
        /// A note describing the new version.
        pub version_message?: String,
    }
}

model! {
    /// An agent, at one of its versions.
    pub struct Agent {
        /// Always `"agent"`.
        pub object?: String,
        /// The agent's id (use it as `agentId` in conversations).
        pub id: String,
        /// The agent's name.
        pub name: String,
        /// The model the agent runs on.
        pub model: String,
        /// Instructions the model follows.
        pub instructions?: String,
        /// Tools the agent may use.
        pub tools?: Vec<Tool>,
        /// Sampling and output settings.
        pub completion_args?: CompletionArgs,
        /// Moderation guardrails.
        pub guardrails?: Vec<GuardrailConfig>,
        /// What the agent does.
        pub description?: String,
        /// Ids of the agents this agent may hand the conversation to.
        pub handoffs?: Vec<String>,
        /// Your own data, never re-cased.
        pub metadata?: JsonObject,
        /// This version's number.
        pub version: i64,
        /// Every version's number.
        pub versions: Vec<i64>,
        /// Who owns the agent.
        pub owner_id?: String,
        /// When the agent was created.
        pub created_at: DateTime,
        /// When it was last updated.
        pub updated_at: DateTime,
        /// Whether the agent is available in Le Chat.
        pub deployment_chat: bool,
        /// Where the agent was made (`"api"`, `"playground"`, ...).
        pub source: String,
        /// The note describing this version.
        pub version_message?: String,
    }
}

model! {
    /// One page of agents (`listPages`).
    pub struct AgentListPage {
        /// Always `"list"`.
        pub object?: String,
        /// The agents on this page.
        pub data: Vec<Agent>,
        /// Pass it as `pageToken` for the next page; absent or empty on the last one.
        pub next_page_token?: String,
    }
}

model! {
    /// A name pointing at one version of an agent (use it as `agentVersion`).
    pub struct AgentAliasResponse {
        /// The alias, such as `"production"`.
        pub alias: String,
        /// The version it points at.
        pub version: i64,
        /// When the alias was created.
        pub created_at: DateTime,
        /// When it last changed.
        pub updated_at: DateTime,
    }
}
