// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

model! {
    /// Starts a conversation with a model or an agent. Give `model` or `agentId`, not both.
    pub struct ConversationRequest {
        /// A user message, or a list of entries.
        pub inputs: Inputs,
        /// Set by the method (`start` or `startStream`); any value you pass is replaced.
        pub stream?: bool,
        /// Whether Mistral keeps the conversation (default `true`). With `false`, nothing is stored.
        pub store?: bool,
        /// Where agent handoffs run: `"server"` (default) or `"client"`.
        pub handoff_execution?: HandoffExecution,
        /// Instructions for the model.
        pub instructions?: String,
        /// Tools the model may use.
        pub tools?: Vec<Tool>,
        /// Sampling and output settings.
        pub completion_args?: CompletionArgs,
        /// Moderation guardrails.
        pub guardrails?: Vec<GuardrailConfig>,
        /// A name for the conversation.
        pub name?: String,
        /// A description of the conversation.
        pub description?: String,
        /// Your own data, stored with the conversation and never re-cased.
        pub metadata?: JsonObject,
        /// The agent to talk to.
        pub agent_id?: String,
        /// The agent's version: a number or an alias.
        pub agent_version?: NumberOrString,
        /// The model to talk to.
        pub model?: String,
    }
}

model! {
    /// Continues a conversation.
    pub struct AppendConversationRequest {
        /// A user message, or entries such as `function.result`.
        pub inputs?: Inputs,
        /// Set by the method (`append` or `appendStream`); any value you pass is replaced.
        pub stream?: bool,
        /// Whether Mistral keeps the new entries (default `true`).
        pub store?: bool,
        /// Where agent handoffs run: `"server"` (default) or `"client"`.
        pub handoff_execution?: HandoffExecution,
        /// Sampling and output settings.
        pub completion_args?: CompletionArgs,
        /// Your answers to tool calls that wait for confirmation.
        pub tool_confirmations?: Vec<ToolCallConfirmation>,
    }
}

model! {
    /// Your answer to a tool call that waits for confirmation.
    pub struct ToolCallConfirmation {
        /// The `toolCallId` of the pending call.
        pub tool_call_id: String,
        /// `"allow"` or `"deny"`.
        pub confirmation: Confirmation,
    }
}

model! {
    /// Branches a conversation from one of its entries into a new conversation.
    pub struct RestartConversationRequest {
        /// New inputs after that entry.
        pub inputs?: Inputs,
        /// Set by the method (`restart` or `restartStream`); any value you pass is replaced.
        pub stream?: bool,
        /// Whether Mistral keeps the new conversation (default `true`).
        pub store?: bool,
        /// Where agent handoffs run: `"server"` (default) or `"client"`.
        pub handoff_execution?: HandoffExecution,
        /// Sampling and output settings.
        pub completion_args?: CompletionArgs,
        /// Moderation guardrails.
        pub guardrails?: Vec<GuardrailConfig>,
        /// Your own data, never re-cased.
        pub metadata?: JsonObject,
        /// The entry to restart from; later entries are left out of the new branch.
        pub from_entry_id: String,
        /// The agent's version for the new branch: a number or an alias.
        pub agent_version?: NumberOrString,
    }
}

model! {
    /// The result of `start`, `append` or `restart`.
    pub struct ConversationResponse {
        /// Always `"conversation.response"`.
        pub object?: String,
        /// The conversation's id (a new one after `restart`).
        pub conversation_id: String,
        /// The new entries: messages, tool executions, function calls, handoffs.
        pub outputs: Vec<Entry>,
        /// Tokens used.
        pub usage: ConversationUsageInfo,
        /// Guardrail results, passed through untouched.
        pub guardrails?: Vec<JsonObject>,
    }
}

model! {
    /// Every entry of a conversation, in order.
    pub struct ConversationHistory {
        /// Always `"conversation.history"`.
        pub object?: String,
        /// The conversation's id.
        pub conversation_id: String,
        /// The entries.
        pub entries: Vec<Entry>,
    }
}

model! {
    /// The messages of a conversation, in order.
    pub struct ConversationMessages {
        /// Always `"conversation.messages"`.
        pub object?: String,
        /// The conversation's id.
        pub conversation_id: String,
        /// The messages.
        pub messages: Vec<Entry>,
    }
}

model! {
    /// A stored conversation, with a model (`model`) or an agent (`agentId`).
    pub struct Conversation {
        /// Always `"conversation"`.
        pub object?: String,
        /// The conversation's id.
        pub id: String,
        /// When it was created.
        pub created_at?: DateTime,
        /// When it was last updated.
        pub updated_at?: DateTime,
        /// The model, for a model conversation.
        pub model?: String,
        /// The agent, for an agent conversation.
        pub agent_id?: String,
        /// The agent's version.
        pub agent_version?: NumberOrString,
        /// Instructions for the model.
        pub instructions?: String,
        /// Tools the model may use.
        pub tools?: Vec<Tool>,
        /// Sampling and output settings.
        pub completion_args?: CompletionArgs,
        /// Moderation guardrails.
        pub guardrails?: Vec<GuardrailConfig>,
        /// The conversation's name.
        pub name?: String,
        /// The conversation's description.
        pub description?: String,
        /// Your own data, never re-cased.
        pub metadata?: JsonObject,
    }
}
