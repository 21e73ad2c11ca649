/* tslint:disable */
/* eslint-disable */

/** Options of `new Mistral(...)`. */
export interface MistralOptions {
    /** Your API key, or a function returning it (or a promise of it). Defaults to `MISTRAL_API_KEY` where the runtime has an environment. */
    apiKey?: string | (() => string | Promise<string>);
    /** The API's base URL (default `https://api.mistral.ai`); point it at your backend to keep the key off the page. */
    serverURL?: string;
    /** A named server instead of `serverURL`. */
    server?: "global" | "eu" | "us";
    /** Limit in ms for the response headers, and for each gap between stream chunks (default 300000; 0 = none). Never a limit on a whole stream. */
    timeoutMs?: number;
    /** The `fetch` to use (default: the global one). */
    fetch?: (input: Request) => Promise<Response>;
    /** Headers sent with every request. */
    headers?: Record<string, string>;
    /** Allow an API key aimed at Mistral's servers in a browser, where anyone can read it. */
    dangerouslyAllowBrowser?: boolean;
}

/** Per-call options, as in the official SDK. */
export interface RequestOptions {
    /** Aborts the request, and the stream if it has started; combines with the timeouts. */
    signal?: AbortSignal;
    /** Extra headers, applied last. */
    headers?: Record<string, string>;
    /** Overrides the client's `timeoutMs` for this call. */
    timeoutMs?: number;
    /** Overrides the client's `serverURL` for this call. */
    serverURL?: string;
    /** The official SDK's fetch options: `headers` and `signal` are honoured. */
    fetchOptions?: { headers?: Record<string, string>; signal?: AbortSignal };
}

/** `append` arguments: the official SDK's wrapped form, or the body's fields flat. */
export type ConversationsAppendRequest =
| { conversationId: string; conversationAppendRequest: AppendConversationRequest }
| ({ conversationId: string } & AppendConversationRequest);
/** `appendStream` arguments: the official SDK's wrapped form, or the body's fields flat. */
export type ConversationsAppendStreamRequest =
| { conversationId: string; conversationAppendStreamRequest: AppendConversationRequest }
| ({ conversationId: string } & AppendConversationRequest);
/** `restart` arguments: the official SDK's wrapped form, or the body's fields flat. */
export type ConversationsRestartRequest =
| { conversationId: string; conversationRestartRequest: RestartConversationRequest }
| ({ conversationId: string } & RestartConversationRequest);
/** `restartStream` arguments: the official SDK's wrapped form, or the body's fields flat. */
export type ConversationsRestartStreamRequest =
| { conversationId: string; conversationRestartStreamRequest: RestartConversationRequest }
| ({ conversationId: string } & RestartConversationRequest);
/** Arguments naming one conversation. */
export interface ConversationIdRequest {
    /** The conversation's id. */
    conversationId: string;
}
/** `conversations.list` arguments. */
export interface ConversationsListRequest {
    /** Zero-based page number. */
    page?: number;
    /** Conversations per page. */
    pageSize?: number;
    /** Only conversations whose metadata has these values. */
    metadata?: Record<string, unknown>;
}

/** One item of a conversation stream: the SSE event name and the typed event. */
export interface ConversationStreamItem {
    /** The SSE event name (the same as `data.type` for Mistral's events). */
    event: string;
    /** The event, with camelCase keys. Event types this version does not know arrive verbatim. */
    data: ConversationEvent;
}

/**
 * A conversation stream. Iterate it with `for await`; leaving the loop early aborts the request.
 * A stream that breaks (dropped connection, truncated body, malformed event, an error event)
 * throws a `StreamError` from the loop after delivering every event before the failure.
 */
export interface EventStream extends AsyncIterable<ConversationStreamItem> {
    /** Stops reading and aborts the request. */
    abort(): void;
    /** The events as a web `ReadableStream` of `Uint8Array` SSE bytes, e.g. for a `Response` in a worker. */
    toReadableStream(): ReadableStream<Uint8Array>;
    /** Reads the rest of the stream and resolves to the response folded from its deltas, as `start` would have returned it. */
    finalResponse(): Promise<ConversationResponse>;
    /** The response's request id, when the server sent one. */
    readonly requestId: string | undefined;
}

/** One event from `SseDecoder`. */
export interface SseEvent {
    /** The event type; `"message"` when the stream did not name one. */
    event: string;
    /** The data lines, joined with `\n`. */
    data: string;
    /** The last event id at dispatch; `""` when none. */
    id: string;
}

/** Options of `new SseDecoder(...)`. */
export interface SseDecoderOptions {
    /** The largest event, in bytes, before feeding throws (default 64 MiB). */
    maxBufferBytes?: number;
}


/**
 * A JSON object whose keys belong to you (metadata, JSON Schema, headers): never re-cased.
 */
export type JsonObject = Record<string, unknown>;

/**
 * A built-in tool or connector finished.
 */
export interface ToolExecutionDoneEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number;
    /**
     * The entry's id.
     */
    id: string;
    /**
     * The tool.
     */
    name: string;
    /**
     * Extra information from the tool, passed through untouched.
     */
    info?: JsonObject;
}

/**
 * A built-in tool or connector started.
 */
export interface ToolExecutionStartedEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number;
    /**
     * The entry's id.
     */
    id: string;
    /**
     * The tool.
     */
    name: string;
    /**
     * The arguments, as a JSON string (Mistral's own docs show this event without it).
     */
    arguments?: string;
    /**
     * The model that ran it.
     */
    model?: string;
    /**
     * The agent that ran it.
     */
    agentId?: string;
}

/**
 * A built-in tool or connector that ran on Mistral's side.
 */
export interface ToolExecutionEntry {
    /**
     * Always `"entry"`.
     */
    object?: string;
    /**
     * The entry's id.
     */
    id?: string;
    /**
     * When the entry was created (RFC 3339).
     */
    createdAt?: string;
    /**
     * When the entry was completed (RFC 3339).
     */
    completedAt?: string;
    /**
     * The tool (`"web_search"`, a connector tool's name, ...).
     */
    name: string;
    /**
     * The arguments, as a JSON string.
     */
    arguments: string;
    /**
     * Extra information from the tool, passed through untouched.
     */
    info?: JsonObject;
    /**
     * The agent that ran it.
     */
    agentId?: string;
    /**
     * The model that ran it.
     */
    model?: string;
}

/**
 * A built-in tool: web search, code interpreter or image generation.
 */
export interface BuiltInTool {
    /**
     * Which of the tool's functions to expose, and which need confirmation.
     */
    toolConfiguration?: ToolConfiguration;
}

/**
 * A credential (OAuth token or API key). Its `Debug` form never shows the value.
 */
export type Secret = string;

/**
 * A credential passed with one request.
 *
 *Members this version does not know arrive verbatim (keys untouched) and round-trip unchanged.
 */
export type Authorization = ({ type: "oauth2-token" } & AuthorizationValue) | ({ type: "api-key" } & AuthorizationValue);

/**
 * A document chunk.
 */
export interface DocumentUrlChunk {
    /**
     * The document's URL.
     */
    documentUrl: string;
    /**
     * A name for the document.
     */
    documentName?: string;
}

/**
 * A file produced by a tool. Download it with `files.download({ fileId })` or show it through `files.getSignedUrl`.
 */
export interface ToolFileChunk {
    /**
     * The tool that made it (`"image_generation"`, `"code_interpreter"`, ...).
     */
    tool: string;
    /**
     * The file's id in the files API.
     */
    fileId: string;
    /**
     * The file's name.
     */
    fileName?: string;
    /**
     * The file's type, such as `"png"`.
     */
    fileType?: string;
}

/**
 * A function tool.
 */
export interface FunctionTool {
    /**
     * The function's name, description and argument schema.
     */
    function: FunctionSpec;
}

/**
 * A message delta: a piece of text, or one whole chunk (such as a `tool_reference`).
 */
export type ContentDelta = string | ContentChunk;

/**
 * A message from the model.
 */
export interface MessageOutputEntry {
    /**
     * Always `"entry"`.
     */
    object?: string;
    /**
     * The entry's id (use it with `restart`).
     */
    id?: string;
    /**
     * When the entry was created (RFC 3339).
     */
    createdAt?: string;
    /**
     * When the entry was completed (RFC 3339).
     */
    completedAt?: string;
    /**
     * Always `"assistant"`.
     */
    role?: Role;
    /**
     * The message: text, or chunks such as `tool_reference` and `tool_file`.
     */
    content: Content;
    /**
     * The agent that wrote it.
     */
    agentId?: string;
    /**
     * The model that wrote it.
     */
    model?: string;
}

/**
 * A message to the model.
 */
export interface MessageInputEntry {
    /**
     * Always `"entry"`.
     */
    object?: string;
    /**
     * The entry's id (use it with `restart`).
     */
    id?: string;
    /**
     * When the entry was created (RFC 3339).
     */
    createdAt?: string;
    /**
     * When the entry was completed (RFC 3339).
     */
    completedAt?: string;
    /**
     * `"user"` or `"assistant"`.
     */
    role: Role;
    /**
     * The message.
     */
    content: Content;
    /**
     * Whether the model should continue this assistant message.
     */
    prefix?: boolean;
}

/**
 * A moderation guardrail.
 */
export interface GuardrailConfig {
    /**
     * Block the response when the guardrail itself fails.
     */
    blockOnError?: boolean;
    /**
     * Settings for the first moderation model.
     */
    moderationLlmV1?: ModerationConfig;
    /**
     * Settings for the second moderation model.
     */
    moderationLlmV2?: ModerationConfig;
}

/**
 * A named JSON Schema for structured output.
 */
export interface JsonSchema {
    /**
     * The schema's name.
     */
    name: string;
    /**
     * What the schema describes.
     */
    description?: string;
    /**
     * The JSON Schema itself, passed through untouched.
     */
    schema: JsonObject;
    /**
     * Whether the output must follow the schema exactly.
     */
    strict?: boolean;
}

/**
 * A number or a string: agent versions (`3` or an alias such as `"prod"`), reference ids.
 */
export type NumberOrString = number | string;

/**
 * A piece of a function call.
 */
export interface FunctionCallEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number;
    /**
     * The entry's id.
     */
    id: string;
    /**
     * The function.
     */
    name: string;
    /**
     * Echo this in your `function.result` entry.
     */
    toolCallId: string;
    /**
     * A fragment of the arguments' JSON string: concatenate them.
     */
    arguments: string;
    /**
     * The model that made the call.
     */
    model?: string;
    /**
     * The agent that made the call.
     */
    agentId?: string;
    /**
     * For tools that need confirmation.
     */
    confirmationStatus?: ConfirmationStatus;
}

/**
 * A piece of a message.
 */
export interface MessageOutputEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * Which output entry this builds (0 when absent).
     */
    outputIndex?: number;
    /**
     * The entry's id.
     */
    id: string;
    /**
     * Which chunk of the entry's content this extends (0 when absent).
     */
    contentIndex?: number;
    /**
     * The model that wrote it.
     */
    model?: string;
    /**
     * The agent that wrote it.
     */
    agentId?: string;
    /**
     * Always `"assistant"`.
     */
    role?: Role;
    /**
     * The text delta, or a whole chunk.
     */
    content: ContentDelta;
}

/**
 * A piece of reasoning.
 *
 *Members this version does not know arrive verbatim (keys untouched) and round-trip unchanged.
 */
export type ThinkingPart = ({ type: "text" } & TextChunk) | ({ type: "tool_reference" } & ToolReferenceChunk) | ({ type: "reference" } & ReferenceChunk);

/**
 * A source a tool used.
 */
export interface ToolReferenceChunk {
    /**
     * The tool that used it (`"web_search"`, ...).
     */
    tool: string;
    /**
     * The source's title.
     */
    title: string;
    /**
     * The source's URL.
     */
    url?: string;
    /**
     * The source's icon.
     */
    favicon?: string;
    /**
     * A short description of the source.
     */
    description?: string;
}

/**
 * A stored conversation, with a model (`model`) or an agent (`agentId`).
 */
export interface Conversation {
    /**
     * Always `"conversation"`.
     */
    object?: string;
    /**
     * The conversation's id.
     */
    id: string;
    /**
     * When it was created (RFC 3339).
     */
    createdAt?: string;
    /**
     * When it was last updated (RFC 3339).
     */
    updatedAt?: string;
    /**
     * The model, for a model conversation.
     */
    model?: string;
    /**
     * The agent, for an agent conversation.
     */
    agentId?: string;
    /**
     * The agent's version.
     */
    agentVersion?: NumberOrString;
    /**
     * Instructions for the model.
     */
    instructions?: string;
    /**
     * Tools the model may use.
     */
    tools?: Tool[];
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs;
    /**
     * Moderation guardrails.
     */
    guardrails?: GuardrailConfig[];
    /**
     * The conversation's name.
     */
    name?: string;
    /**
     * The conversation's description.
     */
    description?: string;
    /**
     * Your own data, never re-cased.
     */
    metadata?: JsonObject;
}

/**
 * A text chunk.
 */
export interface TextChunk {
    /**
     * The text.
     */
    text: string;
}

/**
 * A tool an agent or conversation may use. `type` keeps the API's spelling (`"web_search"`).
 *
 *Members this version does not know arrive verbatim (keys untouched) and round-trip unchanged.
 */
export type Tool = ({ type: "function" } & FunctionTool) | ({ type: "web_search" } & BuiltInTool) | ({ type: "web_search_premium" } & BuiltInTool) | ({ type: "code_interpreter" } & BuiltInTool) | ({ type: "image_generation" } & BuiltInTool) | ({ type: "document_library" } & DocumentLibraryTool) | ({ type: "connector" } & ConnectorTool);

/**
 * An agent starts handing off.
 */
export interface AgentHandoffStartedEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number;
    /**
     * The entry's id.
     */
    id: string;
    /**
     * The agent handing off.
     */
    previousAgentId: string;
    /**
     * Its name.
     */
    previousAgentName: string;
}

/**
 * An image URL with a detail level.
 */
export interface ImageUrlDetail {
    /**
     * The URL (or a `data:` URL).
     */
    url: string;
    /**
     * `"low"`, `"auto"` or `"high"`.
     */
    detail?: ImageDetail;
}

/**
 * An image URL, alone or with a detail level.
 */
export type ImageUrl = string | ImageUrlDetail;

/**
 * An image chunk.
 */
export interface ImageUrlChunk {
    /**
     * The image.
     */
    imageUrl: ImageUrl;
}

/**
 * Any JSON value, passed through untouched.
 */
export type Json = unknown;

/**
 * Branches a conversation from one of its entries into a new conversation.
 */
export interface RestartConversationRequest {
    /**
     * New inputs after that entry.
     */
    inputs?: Inputs;
    /**
     * Set by the method (`restart` or `restartStream`); any value you pass is replaced.
     */
    stream?: boolean;
    /**
     * Whether Mistral keeps the new conversation (default `true`).
     */
    store?: boolean;
    /**
     * Where agent handoffs run: `"server"` (default) or `"client"`.
     */
    handoffExecution?: HandoffExecution;
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs;
    /**
     * Moderation guardrails.
     */
    guardrails?: GuardrailConfig[];
    /**
     * Your own data, never re-cased.
     */
    metadata?: JsonObject;
    /**
     * The entry to restart from; later entries are left out of the new branch.
     */
    fromEntryId: string;
    /**
     * The agent's version for the new branch: a number or an alias.
     */
    agentVersion?: NumberOrString;
}

/**
 * Continues a conversation.
 */
export interface AppendConversationRequest {
    /**
     * A user message, or entries such as `function.result`.
     */
    inputs?: Inputs;
    /**
     * Set by the method (`append` or `appendStream`); any value you pass is replaced.
     */
    stream?: boolean;
    /**
     * Whether Mistral keeps the new entries (default `true`).
     */
    store?: boolean;
    /**
     * Where agent handoffs run: `"server"` (default) or `"client"`.
     */
    handoffExecution?: HandoffExecution;
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs;
    /**
     * Your answers to tool calls that wait for confirmation.
     */
    toolConfirmations?: ToolCallConfirmation[];
}

/**
 * Every entry of a conversation, in order.
 */
export interface ConversationHistory {
    /**
     * Always `"conversation.history"`.
     */
    object?: string;
    /**
     * The conversation's id.
     */
    conversationId: string;
    /**
     * The entries.
     */
    entries: Entry[];
}

/**
 * Expected output content.
 */
export interface Prediction {
    /**
     * Always `"content"`.
     */
    type?: string;
    /**
     * The predicted text.
     */
    content?: string;
}

/**
 * How much the model may reason before answering.
 */
export type ReasoningEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh";

/**
 * How the model may pick tools.
 */
export type ToolChoice = "auto" | "none" | "any" | "required";

/**
 * Message content: plain text, or a list of chunks.
 */
export type Content = string | ContentChunk[];

/**
 * More of a tool's arguments.
 */
export interface ToolExecutionDeltaEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number;
    /**
     * The entry's id.
     */
    id: string;
    /**
     * The tool.
     */
    name: string;
    /**
     * A fragment of the arguments.
     */
    arguments: string;
}

/**
 * Name, purpose and argument schema of a function the model may call.
 */
export interface FunctionSpec {
    /**
     * The function's name.
     */
    name: string;
    /**
     * What the function does; the model reads this.
     */
    description?: string;
    /**
     * Whether the arguments must follow the schema exactly.
     */
    strict?: boolean;
    /**
     * JSON Schema of the arguments, passed through untouched, keys and all.
     */
    parameters: JsonObject;
}

/**
 * Narrows a tool's functions. Give `include` or `exclude`, not both.
 */
export interface ToolConfiguration {
    /**
     * Expose only these tools.
     */
    include?: string[];
    /**
     * Expose every tool but these.
     */
    exclude?: string[];
    /**
     * These tools wait for your confirmation (`toolConfirmations` on append) before they run.
     */
    requiresConfirmation?: string[];
}

/**
 * One agent handed the conversation to another.
 */
export interface AgentHandoffEntry {
    /**
     * Always `"entry"`.
     */
    object?: string;
    /**
     * The entry's id.
     */
    id?: string;
    /**
     * When the entry was created (RFC 3339).
     */
    createdAt?: string;
    /**
     * When the entry was completed (RFC 3339).
     */
    completedAt?: string;
    /**
     * The agent that handed off.
     */
    previousAgentId: string;
    /**
     * Its name.
     */
    previousAgentName: string;
    /**
     * The agent that took over.
     */
    nextAgentId: string;
    /**
     * Its name.
     */
    nextAgentName: string;
}

/**
 * One entry of a conversation. An input entry without `type` is a `message.input`,
 * so `{ role: "user", content: "Hi" }` works as written in Mistral's docs.
 *
 *Members this version does not know arrive verbatim (keys untouched) and round-trip unchanged.
 */
export type Entry = ({ type: "message.input" } & MessageInputEntry) | ({ type: "message.output" } & MessageOutputEntry) | ({ type: "function.call" } & FunctionCallEntry) | ({ type: "function.result" } & FunctionResultEntry) | ({ type: "tool.execution" } & ToolExecutionEntry) | ({ type: "agent.handoff" } & AgentHandoffEntry);

/**
 * One event of a conversation stream, chosen by `type` (which repeats the SSE event name).
 *
 *Members this version does not know arrive verbatim (keys untouched) and round-trip unchanged.
 */
export type ConversationEvent = ({ type: "conversation.response.started" } & ResponseStartedEvent) | ({ type: "conversation.response.done" } & ResponseDoneEvent) | ({ type: "conversation.response.error" } & ResponseErrorEvent) | ({ type: "message.output.delta" } & MessageOutputEvent) | ({ type: "tool.execution.started" } & ToolExecutionStartedEvent) | ({ type: "tool.execution.delta" } & ToolExecutionDeltaEvent) | ({ type: "tool.execution.done" } & ToolExecutionDoneEvent) | ({ type: "function.call.delta" } & FunctionCallEvent) | ({ type: "agent.handoff.started" } & AgentHandoffStartedEvent) | ({ type: "agent.handoff.done" } & AgentHandoffDoneEvent);

/**
 * One piece of message content.
 *
 *Members this version does not know arrive verbatim (keys untouched) and round-trip unchanged.
 */
export type ContentChunk = ({ type: "text" } & TextChunk) | ({ type: "image_url" } & ImageUrlChunk) | ({ type: "document_url" } & DocumentUrlChunk) | ({ type: "tool_file" } & ToolFileChunk) | ({ type: "tool_reference" } & ToolReferenceChunk) | ({ type: "thinking" } & ThinkChunk);

/**
 * One stop sequence or several.
 */
export type Stop = string | string[];

/**
 * References to earlier sources.
 */
export interface ReferenceChunk {
    /**
     * The referenced sources' ids.
     */
    referenceIds: NumberOrString[];
}

/**
 * Sampling and output settings for the model.
 */
export interface CompletionArgs {
    /**
     * Stop generating when one of these sequences appears.
     */
    stop?: Stop;
    /**
     * Penalises tokens that already appeared, to encourage new topics.
     */
    presencePenalty?: number;
    /**
     * Penalises tokens by how often they appeared.
     */
    frequencyPenalty?: number;
    /**
     * Sampling temperature; lower is more deterministic.
     */
    temperature?: number;
    /**
     * Nucleus sampling: consider only the tokens within this probability mass.
     */
    topP?: number;
    /**
     * The most tokens to generate.
     */
    maxTokens?: number;
    /**
     * Seed for deterministic sampling.
     */
    randomSeed?: number;
    /**
     * Expected output, to speed up generation when most of it is known.
     */
    prediction?: Prediction;
    /**
     * Constrains the answer to text, any JSON object, or a JSON Schema.
     */
    responseFormat?: ResponseFormat;
    /**
     * How the model may pick tools.
     */
    toolChoice?: ToolChoice;
    /**
     * How much the model may reason before answering.
     */
    reasoningEffort?: ReasoningEffort;
}

/**
 * Searches the documents of the given libraries.
 */
export interface DocumentLibraryTool {
    /**
     * Ids of the libraries to search.
     */
    libraryIds: string[];
    /**
     * Which of the tool's functions to expose, and which need confirmation.
     */
    toolConfiguration?: ToolConfiguration;
}

/**
 * Settings of one moderation model.
 */
export interface ModerationConfig {
    /**
     * The moderation model to use.
     */
    modelName?: string;
    /**
     * Per-category thresholds, keyed by category name.
     */
    customCategoryThresholds?: JsonObject;
    /**
     * Ignore the categories not listed in the thresholds.
     */
    ignoreOtherCategories?: boolean;
    /**
     * What to do when the guardrail fires.
     */
    action?: GuardrailAction;
}

/**
 * Starts a conversation with a model or an agent. Give `model` or `agentId`, not both.
 */
export interface ConversationRequest {
    /**
     * A user message, or a list of entries.
     */
    inputs: Inputs;
    /**
     * Set by the method (`start` or `startStream`); any value you pass is replaced.
     */
    stream?: boolean;
    /**
     * Whether Mistral keeps the conversation (default `true`). With `false`, nothing is stored.
     */
    store?: boolean;
    /**
     * Where agent handoffs run: `"server"` (default) or `"client"`.
     */
    handoffExecution?: HandoffExecution;
    /**
     * Instructions for the model.
     */
    instructions?: string;
    /**
     * Tools the model may use.
     */
    tools?: Tool[];
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs;
    /**
     * Moderation guardrails.
     */
    guardrails?: GuardrailConfig[];
    /**
     * A name for the conversation.
     */
    name?: string;
    /**
     * A description of the conversation.
     */
    description?: string;
    /**
     * Your own data, stored with the conversation and never re-cased.
     */
    metadata?: JsonObject;
    /**
     * The agent to talk to.
     */
    agentId?: string;
    /**
     * The agent's version: a number or an alias.
     */
    agentVersion?: NumberOrString;
    /**
     * The model to talk to.
     */
    model?: string;
}

/**
 * The MCP tools of one connector.
 */
export interface ConnectorTool {
    /**
     * The connector's id or name (built-in connectors such as `gmail` go by name).
     */
    connectorId: string;
    /**
     * A credential used for this request only and never stored.
     */
    authorization?: Authorization;
    /**
     * Which of the connector's tools to expose, and which need confirmation.
     */
    toolConfiguration?: ToolConfiguration;
}

/**
 * The credential's value.
 */
export interface AuthorizationValue {
    /**
     * The token or key. It is sent to Mistral for this request only and never logged.
     */
    value: Secret;
}

/**
 * The format of the model's answer.
 */
export interface ResponseFormat {
    /**
     * `"text"` (default), `"json_object"` or `"json_schema"`.
     */
    type?: ResponseFormatType;
    /**
     * The schema, when `type` is `"json_schema"`.
     */
    jsonSchema?: JsonSchema;
}

/**
 * The format of the model's answer.
 */
export type ResponseFormatType = "text" | "json_object" | "json_schema";

/**
 * The messages of a conversation, in order.
 */
export interface ConversationMessages {
    /**
     * Always `"conversation.messages"`.
     */
    object?: string;
    /**
     * The conversation's id.
     */
    conversationId: string;
    /**
     * The messages.
     */
    messages: Entry[];
}

/**
 * The model asks your code to run a function.
 */
export interface FunctionCallEntry {
    /**
     * Always `"entry"`.
     */
    object?: string;
    /**
     * The entry's id.
     */
    id?: string;
    /**
     * When the entry was created (RFC 3339).
     */
    createdAt?: string;
    /**
     * When the entry was completed (RFC 3339).
     */
    completedAt?: string;
    /**
     * Echo this in your `function.result` entry.
     */
    toolCallId: string;
    /**
     * The function to run.
     */
    name: string;
    /**
     * The arguments: a JSON string or an object, passed through untouched.
     */
    arguments: Json;
    /**
     * For tools that need confirmation: `"pending"`, `"allowed"` or `"denied"`.
     */
    confirmationStatus?: ConfirmationStatus;
    /**
     * The agent that made the call.
     */
    agentId?: string;
    /**
     * The model that made the call.
     */
    model?: string;
}

/**
 * The model's reasoning.
 */
export interface ThinkChunk {
    /**
     * The reasoning, as text and references.
     */
    thinking: ThinkingPart[];
    /**
     * An opaque signature of the reasoning, to send back unchanged.
     */
    signature?: string;
    /**
     * Whether the reasoning is complete.
     */
    closed?: boolean;
}

/**
 * The next agent took over.
 */
export interface AgentHandoffDoneEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number;
    /**
     * The entry's id.
     */
    id: string;
    /**
     * The agent that took over.
     */
    nextAgentId: string;
    /**
     * Its name.
     */
    nextAgentName: string;
}

/**
 * The resolution at which an image is looked at.
 */
export type ImageDetail = "low" | "auto" | "high";

/**
 * The response began.
 */
export interface ResponseStartedEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * The conversation's id.
     */
    conversationId: string;
}

/**
 * The response failed on Mistral's side.
 */
export interface ResponseErrorEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * What went wrong.
     */
    message: string;
    /**
     * Mistral's error code.
     */
    code: number;
}

/**
 * The response is complete.
 */
export interface ResponseDoneEvent {
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * Tokens used.
     */
    usage: ConversationUsageInfo;
}

/**
 * The result of `start`, `append` or `restart`.
 */
export interface ConversationResponse {
    /**
     * Always `"conversation.response"`.
     */
    object?: string;
    /**
     * The conversation's id (a new one after `restart`).
     */
    conversationId: string;
    /**
     * The new entries: messages, tool executions, function calls, handoffs.
     */
    outputs: Entry[];
    /**
     * Tokens used.
     */
    usage: ConversationUsageInfo;
    /**
     * Guardrail results, passed through untouched.
     */
    guardrails?: JsonObject[];
}

/**
 * Tokens used by one response.
 */
export interface ConversationUsageInfo {
    /**
     * Tokens in the prompt.
     */
    promptTokens?: number;
    /**
     * Tokens generated.
     */
    completionTokens?: number;
    /**
     * Prompt plus completion tokens.
     */
    totalTokens?: number;
    /**
     * Tokens spent by connectors and built-in tools.
     */
    connectorTokens?: number;
    /**
     * Calls per connector or built-in tool, keyed by its name (such as `web_search`).
     */
    connectors?: JsonObject;
}

/**
 * What a guardrail does when it fires.
 */
export type GuardrailAction = "none" | "block";

/**
 * What to send: a plain string (one user message) or a list of entries.
 */
export type Inputs = string | Entry[];

/**
 * Where agent handoffs run: in Mistral's cloud (`"server"`, the default) or back in your code (`"client"`).
 */
export type HandoffExecution = "client" | "server";

/**
 * Whether a function call that needs confirmation was allowed.
 */
export type ConfirmationStatus = "pending" | "allowed" | "denied";

/**
 * Who wrote a message.
 */
export type Role = "user" | "assistant";

/**
 * Your answer to a tool call that needs confirmation.
 */
export type Confirmation = "allow" | "deny";

/**
 * Your answer to a tool call that waits for confirmation.
 */
export interface ToolCallConfirmation {
    /**
     * The `toolCallId` of the pending call.
     */
    toolCallId: string;
    /**
     * `"allow"` or `"deny"`.
     */
    confirmation: Confirmation;
}

/**
 * Your function's result, sent back with `append`.
 */
export interface FunctionResultEntry {
    /**
     * Always `"entry"`.
     */
    object?: string;
    /**
     * The entry's id.
     */
    id?: string;
    /**
     * When the entry was created (RFC 3339).
     */
    createdAt?: string;
    /**
     * When the entry was completed (RFC 3339).
     */
    completedAt?: string;
    /**
     * The `toolCallId` of the `function.call` this answers.
     */
    toolCallId: string;
    /**
     * The result, as a string (JSON-encode structured results).
     */
    result: string;
}


/**
 * The beta APIs.
 */
export class Beta {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Conversations with models and agents.
     */
    readonly conversations: Conversations;
}

/**
 * Conversations: start, append to, branch and read them, streamed or not.
 */
export class Conversations {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * r" Appends inputs and streams the response.
     */
    appendStream(request: ConversationsAppendStreamRequest, options?: RequestOptions): Promise<EventStream>;
    /**
     * r" Appends inputs (messages, function results) to a conversation.
     */
    append(request: ConversationsAppendRequest, options?: RequestOptions): Promise<ConversationResponse>;
    /**
     * r" Deletes a conversation.
     */
    delete(request: ConversationIdRequest, options?: RequestOptions): Promise<void>;
    /**
     * r" Every entry of a conversation.
     */
    getHistory(request: ConversationIdRequest, options?: RequestOptions): Promise<ConversationHistory>;
    /**
     * r" The messages of a conversation.
     */
    getMessages(request: ConversationIdRequest, options?: RequestOptions): Promise<ConversationMessages>;
    /**
     * r" Gets one conversation.
     */
    get(request: ConversationIdRequest, options?: RequestOptions): Promise<Conversation>;
    /**
     * r" Lists conversations, newest first.
     */
    list(request: ConversationsListRequest, options?: RequestOptions): Promise<Conversation[]>;
    /**
     * r" Branches a conversation and streams the response.
     */
    restartStream(request: ConversationsRestartStreamRequest, options?: RequestOptions): Promise<EventStream>;
    /**
     * r" Branches a conversation from one of its entries into a new conversation.
     */
    restart(request: ConversationsRestartRequest, options?: RequestOptions): Promise<ConversationResponse>;
    /**
     * r" Starts a conversation and resolves, as soon as the headers arrive, to a stream of events.
     * r" HTTP errors reject here; later failures are thrown by the iteration.
     */
    startStream(request: ConversationRequest, options?: RequestOptions): Promise<EventStream>;
    /**
     * r" Starts a conversation and resolves to the whole response.
     */
    start(request: ConversationRequest, options?: RequestOptions): Promise<ConversationResponse>;
}

/**
 * The Mistral API client.
 *
 * ```js
 * import Mistral from "mistral-edge";
 * const client = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
 * ```
 */
export class Mistral {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Creates a client. Without `apiKey`, `MISTRAL_API_KEY` from the environment is used where
     * there is one. In a browser, a key aimed at Mistral's servers is refused unless
     * `dangerouslyAllowBrowser` is set: point `serverURL` at your own backend instead.
     */
    constructor(options?: MistralOptions);
    /**
     * The beta APIs: agents, conversations, connectors, libraries.
     */
    readonly beta: Beta;
}

/**
 * A conversation stream's low-level handle. Use the `EventStream` the `*Stream` methods return.
 */
export class RawEventStream {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Stops the stream and aborts the request; the server sees the connection close.
     */
    abort(): void;
    /**
     * The last batch: a JSON array of `{event, data}` as ASCII bytes (a copy).
     */
    batch(): Uint8Array;
    /**
     * The response folded from the events so far, as camelCase JSON text.
     */
    finalResponse(): string;
    /**
     * Resolves to the number of events in the next batch (read it with `batch()`), or
     * `undefined` at the end.
     */
    next(): Promise<number | undefined>;
    /**
     * Whether `conversation.response.done` arrived.
     */
    readonly isDone: boolean;
    /**
     * The response's request id, when the server sent one.
     */
    readonly requestId: string | undefined;
}

/**
 * A WHATWG-complete `text/event-stream` parser. Feed it bytes as they arrive; each call
 * returns the events those bytes completed.
 */
export class SseDecoder {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Feeds bytes; returns the events they completed.
     */
    feed(chunk: Uint8Array | number[]): SseEvent[];
    /**
     * Ends the stream: a pending event without its blank line is discarded, as the spec says,
     * so this returns no events; the parser is ready for a new stream afterwards.
     */
    finish(): SseEvent[];
    /**
     * Creates a parser. `maxBufferBytes` (default 64 MiB) caps one event's size.
     */
    constructor(options?: SseDecoderOptions);
    /**
     * The last event id seen (`""` when none).
     */
    readonly lastEventId: string;
    /**
     * The last valid `retry` value in milliseconds, or `undefined`.
     */
    readonly retry: number | undefined;
}

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_beta_free: (a: number, b: number) => void;
    readonly __wbg_conversations_free: (a: number, b: number) => void;
    readonly __wbg_mistral_free: (a: number, b: number) => void;
    readonly __wbg_raweventstream_free: (a: number, b: number) => void;
    readonly __wbg_ssedecoder_free: (a: number, b: number) => void;
    readonly beta_conversations: (a: number) => number;
    readonly conversations_append: (a: number, b: any, c: number) => any;
    readonly conversations_appendStream: (a: number, b: any, c: number) => any;
    readonly conversations_delete: (a: number, b: any, c: number) => any;
    readonly conversations_get: (a: number, b: any, c: number) => any;
    readonly conversations_getHistory: (a: number, b: any, c: number) => any;
    readonly conversations_getMessages: (a: number, b: any, c: number) => any;
    readonly conversations_list: (a: number, b: any, c: number) => any;
    readonly conversations_restart: (a: number, b: any, c: number) => any;
    readonly conversations_restartStream: (a: number, b: any, c: number) => any;
    readonly conversations_start: (a: number, b: any, c: number) => any;
    readonly conversations_startStream: (a: number, b: any, c: number) => any;
    readonly mistral_beta: (a: number) => number;
    readonly mistral_new: (a: number) => [number, number, number];
    readonly raweventstream_abort: (a: number) => void;
    readonly raweventstream_batch: (a: number) => any;
    readonly raweventstream_finalResponse: (a: number) => [number, number];
    readonly raweventstream_isDone: (a: number) => number;
    readonly raweventstream_next: (a: number) => any;
    readonly raweventstream_requestId: (a: number) => [number, number];
    readonly ssedecoder_feed: (a: number, b: number, c: number) => [number, number, number];
    readonly ssedecoder_finish: (a: number) => any;
    readonly ssedecoder_lastEventId: (a: number) => [number, number];
    readonly ssedecoder_new: (a: number) => number;
    readonly ssedecoder_retry: (a: number) => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h5e84aab8614c9381: (a: number, b: number, c: any) => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__hb7bae8d1ceda1975: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h617c13dd760afeb3: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
