// Included by `model::wire` and `model::types`: written once, spelled twice.
#[allow(unused_imports)]
use {super::*, crate::model::leaf::*};

union! {
    /// One event of a conversation stream, chosen by `type` (which repeats the SSE event name).
    pub enum ConversationEvent tag "type" {
        /// The response began; carries the conversation's id.
        "conversation.response.started" => ResponseStarted(ResponseStartedEvent),
        /// The response is complete; carries the token usage. Always the last event of a healthy stream.
        "conversation.response.done" => ResponseDone(ResponseDoneEvent),
        /// The response failed on Mistral's side.
        "conversation.response.error" => ResponseError(ResponseErrorEvent),
        /// A piece of a message: a text delta or a whole chunk.
        "message.output.delta" => MessageOutput(MessageOutputEvent),
        /// A built-in tool or connector started.
        "tool.execution.started" => ToolExecutionStarted(ToolExecutionStartedEvent),
        /// More of a tool's arguments.
        "tool.execution.delta" => ToolExecutionDelta(ToolExecutionDeltaEvent),
        /// A built-in tool or connector finished.
        "tool.execution.done" => ToolExecutionDone(ToolExecutionDoneEvent),
        /// A piece of a function call's arguments: concatenate them.
        "function.call.delta" => FunctionCall(FunctionCallEvent),
        /// An agent starts handing off.
        "agent.handoff.started" => AgentHandoffStarted(AgentHandoffStartedEvent),
        /// The next agent took over.
        "agent.handoff.done" => AgentHandoffDone(AgentHandoffDoneEvent),
    }
}

model! {
    /// The response began.
    pub struct ResponseStartedEvent {
        /// When.
        pub created_at?: DateTime,
        /// The conversation's id.
        pub conversation_id: String,
    }
}

model! {
    /// The response is complete.
    pub struct ResponseDoneEvent {
        /// When.
        pub created_at?: DateTime,
        /// Tokens used.
        pub usage: ConversationUsageInfo,
    }
}

model! {
    /// The response failed on Mistral's side.
    pub struct ResponseErrorEvent {
        /// When.
        pub created_at?: DateTime,
        /// What went wrong.
        pub message: String,
        /// Mistral's error code.
        pub code: i64,
    }
}

untagged! {
    /// A message delta: a piece of text, or one whole chunk (such as a `tool_reference`).
    pub enum ContentDelta {
        /// A piece of text.
        Text(String),
        /// A whole chunk.
        Chunk(ContentChunk),
    }
}

model! {
    /// A piece of a message.
    pub struct MessageOutputEvent {
        /// When.
        pub created_at?: DateTime,
        /// Which output entry this builds (0 when absent).
        pub output_index?: i64,
        /// The entry's id.
        pub id: String,
        /// Which chunk of the entry's content this extends (0 when absent).
        pub content_index?: i64,
        /// The model that wrote it.
        pub model?: String,
        /// The agent that wrote it.
        pub agent_id?: String,
        /// Always `"assistant"`.
        pub role?: Role,
        /// The text delta, or a whole chunk.
        pub content: ContentDelta,
    }
}

model! {
    /// A built-in tool or connector started.
    pub struct ToolExecutionStartedEvent {
        /// When.
        pub created_at?: DateTime,
        /// Which output entry this builds.
        pub output_index?: i64,
        /// The entry's id.
        pub id: String,
        /// The tool.
        pub name: String,
        /// The arguments, as a JSON string (Mistral's own docs show this event without it).
        pub arguments?: String,
        /// The model that ran it.
        pub model?: String,
        /// The agent that ran it.
        pub agent_id?: String,
    }
}

model! {
    /// More of a tool's arguments.
    pub struct ToolExecutionDeltaEvent {
        /// When.
        pub created_at?: DateTime,
        /// Which output entry this builds.
        pub output_index?: i64,
        /// The entry's id.
        pub id: String,
        /// The tool.
        pub name: String,
        /// A fragment of the arguments.
        pub arguments: String,
    }
}

model! {
    /// A built-in tool or connector finished.
    pub struct ToolExecutionDoneEvent {
        /// When.
        pub created_at?: DateTime,
        /// Which output entry this builds.
        pub output_index?: i64,
        /// The entry's id.
        pub id: String,
        /// The tool.
        pub name: String,
        /// Extra information from the tool, passed through untouched.
        pub info?: JsonObject,
    }
}

model! {
    /// A piece of a function call.
    pub struct FunctionCallEvent {
        /// When.
        pub created_at?: DateTime,
        /// Which output entry this builds.
        pub output_index?: i64,
        /// The entry's id.
        pub id: String,
        /// The function.
        pub name: String,
        /// Echo this in your `function.result` entry.
        pub tool_call_id: String,
        /// A fragment of the arguments' JSON string: concatenate them.
        pub arguments: String,
        /// The model that made the call.
        pub model?: String,
        /// The agent that made the call.
        pub agent_id?: String,
        /// For tools that need confirmation.
        pub confirmation_status?: ConfirmationStatus,
    }
}

model! {
    /// An agent starts handing off.
    pub struct AgentHandoffStartedEvent {
        /// When.
        pub created_at?: DateTime,
        /// Which output entry this builds.
        pub output_index?: i64,
        /// The entry's id.
        pub id: String,
        /// The agent handing off.
        pub previous_agent_id: String,
        /// Its name.
        pub previous_agent_name: String,
    }
}

model! {
    /// The next agent took over.
    pub struct AgentHandoffDoneEvent {
        /// When.
        pub created_at?: DateTime,
        /// Which output entry this builds.
        pub output_index?: i64,
        /// The entry's id.
        pub id: String,
        /// The agent that took over.
        pub next_agent_id: String,
        /// Its name.
        pub next_agent_name: String,
    }
}
