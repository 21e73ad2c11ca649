// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

untagged! {
    // A message input may leave out `type`, as Mistral's docs write it: `{ role: "user", content }`.
    ts "string | (Entry | MessageInputEntry)[]"
    /// What to send: a plain string (one user message) or a list of entries; a message may
    /// leave out `type` (`[{ role: "user", content: "Hi" }]`).
    pub enum Inputs {
        /// One user message.
        Text(String),
        /// Messages, function results and other entries.
        Entries(Vec<Entry>),
    }
}

union! {
    /// One entry of a conversation. An input entry without `type` is a `message.input`,
    /// so `{ role: "user", content: "Hi" }` works as written in Mistral's docs.
    pub enum Entry tag "type" default "message.input" {
        /// A message to the model.
        "message.input" => MessageInput(MessageInputEntry),
        /// A message from the model.
        "message.output" => MessageOutput(MessageOutputEntry),
        /// The model asks your code to run a function: answer with a `function.result` entry.
        "function.call" => FunctionCall(FunctionCallEntry),
        /// Your function's result.
        "function.result" => FunctionResult(FunctionResultEntry),
        /// A built-in tool or connector that ran on Mistral's side.
        "tool.execution" => ToolExecution(ToolExecutionEntry),
        /// One agent handed the conversation to another.
        "agent.handoff" => AgentHandoff(AgentHandoffEntry),
    }
}

model! {
    /// A message to the model.
    pub struct MessageInputEntry {
        /// Always `"entry"`.
        pub object?: String,
        /// The entry's id (use it with `restart`).
        pub id?: String,
        /// When the entry was created.
        pub created_at?: DateTime,
        /// When the entry was completed.
        pub completed_at?: DateTime,
        /// `"user"` or `"assistant"`.
        pub role: Role,
        /// The message.
        pub content: Content,
        /// Whether the model should continue this assistant message.
        pub prefix?: bool,
    }
}

model! {
    /// A message from the model.
    pub struct MessageOutputEntry {
        /// Always `"entry"`.
        pub object?: String,
        /// The entry's id (use it with `restart`).
        pub id?: String,
        /// When the entry was created.
        pub created_at?: DateTime,
        /// When the entry was completed.
        pub completed_at?: DateTime,
        /// Always `"assistant"`.
        pub role?: Role,
        /// The message: text, or chunks such as `tool_reference` and `tool_file`.
        pub content: Content,
        /// The agent that wrote it.
        pub agent_id?: String,
        /// The model that wrote it.
        pub model?: String,
    }
}

model! {
    /// The model asks your code to run a function.
    pub struct FunctionCallEntry {
        /// Always `"entry"`.
        pub object?: String,
        /// The entry's id.
        pub id?: String,
        /// When the entry was created.
        pub created_at?: DateTime,
        /// When the entry was completed.
        pub completed_at?: DateTime,
        /// Echo this in your `function.result` entry.
        pub tool_call_id: String,
        /// The function to run.
        pub name: String,
        /// The arguments: a JSON string or an object, passed through untouched.
        pub arguments: Json,
        /// For tools that need confirmation: `"pending"`, `"allowed"` or `"denied"`.
        pub confirmation_status?: ConfirmationStatus,
        /// The agent that made the call.
        pub agent_id?: String,
        /// The model that made the call.
        pub model?: String,
    }
}

model! {
    /// Your function's result, sent back with `append`.
    pub struct FunctionResultEntry {
        /// Always `"entry"`.
        pub object?: String,
        /// The entry's id.
        pub id?: String,
        /// When the entry was created.
        pub created_at?: DateTime,
        /// When the entry was completed.
        pub completed_at?: DateTime,
        /// The `toolCallId` of the `function.call` this answers.
        pub tool_call_id: String,
        /// The result, as a string (JSON-encode structured results).
        pub result: String,
    }
}

model! {
    /// A built-in tool or connector that ran on Mistral's side.
    pub struct ToolExecutionEntry {
        /// Always `"entry"`.
        pub object?: String,
        /// The entry's id.
        pub id?: String,
        /// When the entry was created.
        pub created_at?: DateTime,
        /// When the entry was completed.
        pub completed_at?: DateTime,
        /// The tool (`"web_search"`, a connector tool's name, ...).
        pub name: String,
        /// The arguments, as a JSON string.
        pub arguments: String,
        /// Extra information from the tool, passed through untouched.
        pub info?: JsonObject,
        /// The agent that ran it.
        pub agent_id?: String,
        /// The model that ran it.
        pub model?: String,
    }
}

model! {
    /// One agent handed the conversation to another.
    pub struct AgentHandoffEntry {
        /// Always `"entry"`.
        pub object?: String,
        /// The entry's id.
        pub id?: String,
        /// When the entry was created.
        pub created_at?: DateTime,
        /// When the entry was completed.
        pub completed_at?: DateTime,
        /// The agent that handed off.
        pub previous_agent_id: String,
        /// Its name.
        pub previous_agent_name: String,
        /// The agent that took over.
        pub next_agent_id: String,
        /// Its name.
        pub next_agent_name: String,
    }
}
