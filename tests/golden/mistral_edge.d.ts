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
    /** Limit in ms for the response headers, and for each gap between stream chunks (default 300000; 0 = none): any bytes are progress, an SSE comment or keep-alive line too. Never a limit on a whole stream: that is `streamTimeoutMs`. */
    timeoutMs?: number;
    /**
     * A total deadline in ms for every stream call (`startStream`, `appendStream`, `restartStream`,
     * each step of `runStream`), from the call's start (retries included) to its last event; off by
     * default (0 or absent = none). When it passes, the request is aborted and the stream throws a
     * `TimeoutError` (its `waitingFor` starts with "the end of the stream"), after every event that
     * arrived complete. Not a limit on one-shot calls.
     */
    streamTimeoutMs?: number;
    /** The `fetch` to use (default: the global one); called as `fetch(url, init)`. */
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
    /** Headers sent with every request. */
    headers?: HeadersInit;
    /** Allow an API key aimed at Mistral's servers in a browser, where anyone can read it. */
    dangerouslyAllowBrowser?: boolean;
    /** How failed requests are retried (default: up to 2 retries with backoff). */
    retryConfig?: RetryConfig;
    /**
     * Sends every request through `httpClient.request(request)` (once per attempt): the official
     * SDK's `HTTPClient` with its hooks and fetcher, or this package's (`mistral-edge-client/lib/http.js`).
     * Not with `fetch`. A network failure its fetcher passes on (fetch's `TypeError`) is a
     * `ConnectionError`; anything else its hooks or fetcher throw, an `UnexpectedClientError`.
     */
    httpClient?: { request(request: Request): Promise<Response> };
    /** The `user-agent` header of every request (not sent from pages and web workers, as the official SDK). */
    userAgent?: string;
    /**
     * Logs each request and response as the official SDK does (`console` fits), with every
     * credential the request carried redacted from the url, status text, headers and bodies, as
     * in errors. `MISTRAL_DEBUG` set in the environment logs to `console`. Not in `mistral-edge-client/conversations`, which refuses it.
     */
    debugLogger?: { group(label?: string): void; groupEnd(): void; log(message: any, ...args: any[]): void };
}

/**
 * Per-call options, as in the official SDK: these, and the other `RequestInit` members
 * (`credentials`, `cache`, `keepalive`, ...), which are passed to fetch.
 */
export interface RequestOptions extends Omit<RequestInit, "method" | "body" | "headers" | "signal"> {
    /** Aborts the request, and the stream if it has started; combines with the timeouts. */
    signal?: AbortSignal | null;
    /** Extra headers, applied last. */
    headers?: HeadersInit;
    /** Overrides the client's `timeoutMs` for this call. */
    timeoutMs?: number;
    /**
     * Overrides the client's `streamTimeoutMs` for this call (0 = none): a stream call's total
     * deadline in ms, from the call's start (retries included) to its last event. In `runStream`,
     * each step's request has its own.
     */
    streamTimeoutMs?: number;
    /** Overrides the client's `serverURL` for this call. */
    serverURL?: string | URL;
    /** The official SDK's older spelling of these options (`headers`, `signal`, and `RequestInit` members). */
    fetchOptions?: Omit<RequestInit, "method" | "body">;
    /** Overrides the client's `retryConfig` for this call (`{ strategy: "none" }` turns retries off). */
    retries?: RetryConfig;
    /**
     * The statuses this call retries, replacing the default 408, 409, 429 and 5xx: each a status
     * (`"429"`) or a family (`"5XX"`), as in the official SDK. Connection errors follow `retryConnectionErrors`.
     */
    retryCodes?: string[];
}

/**
 * How failed requests are retried, in the official SDK's shape. Retries are on by default for
 * connection errors and 408 / 409 / 429 / 5xx responses, always before any byte of a success
 * body (a stream that has delivered an event is never retried); a `Retry-After` is honoured.
 */
export type RetryConfig =
| { strategy: "none" }
| {
    strategy: "backoff";
    backoff?: {
        /** The first wait in ms (default 500). */
        initialInterval?: number;
        /** The longest wait in ms (default 8000). */
        maxInterval?: number;
        /** Growth factor per attempt (default 2). */
        exponent?: number;
        /** No retry starts after this many ms since the first attempt (default 60000). */
        maxElapsedTime?: number;
    };
    /** At most this many retries (default 2). */
    maxRetries?: number;
    /** Whether connection errors and header timeouts are retried (default true). */
    retryConnectionErrors?: boolean;
};

/**
 * A paginated list (`connectors.list`): await it for the first page, or `for await` over it for
 * every page, each fetched when the loop asks for it.
 */
export interface PagePromise<T> extends Promise<T>, AsyncIterable<T> {}

/**
 * The official SDK's page of a cursor-paginated list (`agents.listPages`): the page's own
 * members (`result`), `next()` for the next page, and `for await` over this page and every
 * later one. Paging stops at a missing or blank cursor, or a page shorter than `pageSize`.
 */
export type PageIterator<V> = V & {
    /** The next page, or `null` after the last one. */
    next: () => Promise<PageIterator<V>> | null;
    /** This page and every later one, each fetched when the loop asks for it. */
    [Symbol.asyncIterator]: () => AsyncIterableIterator<V>;
    /** The cursor of the next page, when there is one. */
    "~next"?: { cursor: string };
};

/** One item of a conversation stream: the SSE event name and the typed event. */
export interface ConversationStreamItem {
    /** The SSE event name (the same as `data.type` for Mistral's events). */
    event: string;
    /** The event, with camelCase keys. Event types this version does not know arrive verbatim. */
    data: ConversationEvent;
}

/**
 * A conversation stream: a `ReadableStream` of `{ event, data }` items, as the official SDK's.
 * Iterate it with `for await` (its fastest path); leaving the loop early aborts the request, as
 * cancelling does through any ReadableStream use (`getReader()`, `pipeTo`, `tee`, `values()`).
 * A stream that breaks (dropped connection, truncated body, malformed event, an error event)
 * throws a `StreamError` from the loop (or errors the reader) after delivering every event before
 * the failure. (An intersection rather than an interface: `lib` may or may not declare
 * `ReadableStream` async-iterable.)
 */
export type EventStream = ReadableStream<ConversationStreamItem> & AsyncIterable<ConversationStreamItem> & {
    /** Stops reading and aborts the request; a `for await` over the stream then throws an `AbortError`. */
    abort(): void;
    /** The events as a web `ReadableStream` of `Uint8Array` SSE bytes, e.g. for a `Response` in a worker. */
    toReadableStream(): ReadableStream<Uint8Array>;
    /**
     * Reads the rest of the stream and resolves to the response folded from its deltas, as `start`
     * would have returned it. The folding keeps at most 64 MiB of events: past that (or after
     * `skipFinalResponse()`, or when memory runs out) it rejects with a `StreamError` of kind
     * `too_large`, while the loop still delivers every event.
     */
    finalResponse(): Promise<ConversationResponse>;
    /**
     * For a caller who only iterates: keeps nothing more for `finalResponse()` (which then rejects
     * with a `StreamError` of kind `too_large`) and frees what was kept. Returns the stream.
     */
    skipFinalResponse(): EventStream;
    /** The response's request id, when the server sent one. */
    readonly requestId: string | undefined;
};

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
    /** The largest event, in bytes, before feeding throws a `StreamError` of kind `too_large` (default 64 MiB). */
    maxBufferBytes?: number;
}


/**
 * A JSON object whose keys belong to you (metadata, JSON Schema, headers): never re-cased.
 */
export type JsonObject = Record<string, unknown>;

/**
 * A JSON object whose values are secrets (credentials, secret headers). Its `Debug` form never
 * shows them; the keys and values are sent as written, never re-cased.
 */
export type SecretObject = Record<string, unknown>;

/**
 * A URL where the user authorises a connector.
 */
export interface AuthUrlResponse {
    /**
     * Send the user here.
     */
    authUrl: string;
    /**
     * Seconds the URL stays valid.
     */
    ttl: number;
}

/**
 * A built-in tool or connector finished.
 */
export interface ToolExecutionDoneEvent {
    /**
     * When.
     */
    createdAt?: DateTime | null;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number | null;
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
    info?: JsonObject | null;
}

/**
 * A built-in tool or connector started.
 */
export interface ToolExecutionStartedEvent {
    /**
     * When.
     */
    createdAt?: DateTime | null;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number | null;
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
    arguments?: string | null;
    /**
     * The model that ran it.
     */
    model?: string | null;
    /**
     * The agent that ran it.
     */
    agentId?: string | null;
}

/**
 * A built-in tool or connector that ran on Mistral's side.
 */
export interface ToolExecutionEntry {
    /**
     * Always `"entry"`.
     */
    object?: string | null;
    /**
     * The entry's id.
     */
    id?: string | null;
    /**
     * When the entry was created.
     */
    createdAt?: DateTime | null;
    /**
     * When the entry was completed.
     */
    completedAt?: DateTime | null;
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
    info?: JsonObject | null;
    /**
     * The agent that ran it.
     */
    agentId?: string | null;
    /**
     * The model that ran it.
     */
    model?: string | null;
}

/**
 * A built-in tool: web search, code interpreter or image generation.
 */
export interface BuiltInTool {
    /**
     * Which of the tool's functions to expose, and which need confirmation.
     */
    toolConfiguration?: ToolConfiguration | null;
}

/**
 * A confirmation message.
 */
export interface MessageResponse {
    /**
     * What happened.
     */
    message: string;
}

/**
 * A connector's connection settings (without secrets).
 */
export interface ConnectionConfig {
    /**
     * `"mcp"`, `"turbine"` or `"eolienne"`.
     */
    type?: ConnectionConfigType | null;
    /**
     * The base URL.
     */
    baseUrl?: string | null;
    /**
     * Headers sent with each request, passed through untouched.
     */
    headers?: JsonObject | null;
    /**
     * Whether requests are signed.
     */
    signed?: boolean | null;
}

/**
 * A connector's execution environment (without credentials).
 */
export interface ExecutionEnv {
    /**
     * Its tools, passed through untouched.
     */
    tools?: JsonObject[] | null;
    /**
     * Execution data, passed through untouched.
     */
    toolExecutionData?: JsonObject | null;
    /**
     * Errors met while setting it up.
     */
    errors?: string[] | null;
}

/**
 * A connector's fields.
 */
export interface ConnectorDetails {
    /**
     * The connector's id (a UUID).
     */
    id: string;
    /**
     * The connector's name; conversations refer to it by name or id.
     */
    name: string;
    /**
     * A human-readable title.
     */
    title?: string | null;
    /**
     * What the connector does.
     */
    description: string;
    /**
     * When it was created.
     */
    createdAt: DateTime;
    /**
     * When it last changed.
     */
    modifiedAt: DateTime;
    /**
     * The server's URL.
     */
    server?: string | null;
    /**
     * The URL of an icon.
     */
    iconUrl?: string | null;
    /**
     * The MCP server's card, passed through untouched (its keys are camelCase on the wire too).
     */
    serverCard?: Json | null;
    /**
     * Who owns it.
     */
    ownerId?: string | null;
    /**
     * What kind of owner: `"user"`, `"org"`, `"workspace"` or `"system"`.
     */
    ownerType: ConsumerType;
    /**
     * Who can see it.
     */
    visibility: ResourceVisibility;
    /**
     * Who created it.
     */
    creatorId?: string | null;
    /**
     * Translations of the name, description and usage sentence.
     */
    locale?: ConnectorLocale | null;
    /**
     * A system prompt used with the connector's tools.
     */
    systemPrompt?: string | null;
    /**
     * How users can authenticate.
     */
    supportedAuthMethods?: PublicAuthenticationMethod[] | null;
    /**
     * Saved tool settings.
     */
    connectionPreferences?: ConnectionPreference[] | null;
    /**
     * The credentials set up for it (never their secrets).
     */
    connectionCredentials?: AuthenticationConfiguration[] | null;
    /**
     * Whether it is active.
     */
    active?: boolean | null;
    /**
     * Who blocked it.
     */
    blockedBy?: ConsumerType[] | null;
    /**
     * Whether its tools run privately.
     */
    privateToolExecution: boolean;
    /**
     * Whether Mistral made it.
     */
    mistral?: boolean | null;
    /**
     * Whether you are authenticated to it.
     */
    isAuthenticated?: boolean | null;
    /**
     * Its tools.
     */
    tools?: ConnectorToolInfo[] | null;
    /**
     * The route of its system prompt.
     */
    systemPromptRoute?: string | null;
    /**
     * Its connection settings (without secrets).
     */
    connectionConfig?: ConnectionConfig | null;
    /**
     * Its execution environment (without credentials).
     */
    executionEnv?: ExecutionEnv | null;
}

/**
 * A connector. `protocol` tells MCP and HTTP connectors apart; both have the same fields.
 *
 *Members this version does not know arrive verbatim (keys untouched) and round-trip unchanged.
 */
export type Connector = ({ protocol: "mcp" } & ConnectorDetails) | ({ protocol: "http" } & ConnectorDetails);

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
    documentName?: string | null;
}

/**
 * A document in a library.
 */
export interface Document {
    /**
     * The document's id.
     */
    id: string;
    /**
     * Its library.
     */
    libraryId: string;
    /**
     * Its name (the uploaded file's name).
     */
    name: string;
    /**
     * A hash of its content.
     */
    hash: string | null;
    /**
     * Its MIME type.
     */
    mimeType: string | null;
    /**
     * Its file extension.
     */
    extension: string | null;
    /**
     * Its size in bytes.
     */
    size: number | null;
    /**
     * A summary written by Mistral.
     */
    summary?: string | null;
    /**
     * When it was uploaded.
     */
    createdAt: DateTime;
    /**
     * When it was last processed.
     */
    lastProcessedAt?: DateTime | null;
    /**
     * How many pages it has.
     */
    numberOfPages?: number | null;
    /**
     * Where it is in its processing: `"done"`, `"in_progress"`, `"error"`, ...
     */
    processStatus: ProcessStatus;
    /**
     * The processing status, as text.
     */
    processingStatus: string;
    /**
     * Who uploaded it.
     */
    uploadedById: string | null;
    /**
     * What kind of uploader.
     */
    uploadedByType: string;
    /**
     * Tokens spent processing its main content.
     */
    tokensProcessingMainContent?: number | null;
    /**
     * Tokens spent summarising it.
     */
    tokensProcessingSummary?: number | null;
    /**
     * Tokens spent in all.
     */
    tokensProcessingTotal: number;
    /**
     * Where it came from.
     */
    url?: string | null;
    /**
     * Your own attributes, passed through untouched.
     */
    attributes?: JsonObject | null;
    /**
     * When it will be deleted.
     */
    expiresAt?: DateTime | null;
}

/**
 * A file as `files.upload` returns it and `files.list` lists it. Its times are unix seconds.
 */
export interface FileSchema {
    /**
     * The file's id.
     */
    id: string;
    /**
     * Always `"file"`.
     */
    object: string;
    /**
     * Its size in bytes (`bytes` on the wire; the official SDK names it `sizeBytes`).
     */
    sizeBytes: number;
    /**
     * When it was created (unix seconds).
     */
    createdAt: number;
    /**
     * Its name.
     */
    filename: string;
    /**
     * `"fine-tune"`, `"batch"` or `"ocr"`.
     */
    purpose: FilePurpose;
    /**
     * What kind of data it holds (`"pretrain"`, `"instruct"`, `"batch_request"`, ...).
     */
    sampleType: string;
    /**
     * `"upload"`, `"repository"` or `"mistral"`.
     */
    source: FileSource;
    /**
     * How many lines it has.
     */
    numLines?: number | null;
    /**
     * Its MIME type.
     */
    mimetype?: string | null;
    /**
     * Its signature.
     */
    signature?: string | null;
    /**
     * When it expires (unix seconds).
     */
    expiresAt?: number | null;
    /**
     * `"workspace"` or `"user"`.
     */
    visibility?: FileVisibility | null;
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
    fileName?: string | null;
    /**
     * The file's type, such as `"png"`.
     */
    fileType?: string | null;
}

/**
 * A file's details. Unlike elsewhere, its times are unix seconds.
 */
export interface GetFileResponse {
    /**
     * The file's id (a `tool_file` chunk's `fileId`).
     */
    id: string;
    /**
     * Always `"file"`.
     */
    object?: string | null;
    /**
     * Its size in bytes (`bytes` on the wire; the official SDK names it `sizeBytes`).
     */
    sizeBytes: number;
    /**
     * When it was created (unix seconds).
     */
    createdAt: number;
    /**
     * Its name.
     */
    filename: string;
    /**
     * `"fine-tune"`, `"batch"` or `"ocr"`.
     */
    purpose: FilePurpose;
    /**
     * What kind of data it holds.
     */
    sampleType: string;
    /**
     * `"upload"`, `"repository"` or `"mistral"`.
     */
    source: FileSource;
    /**
     * How many lines it has.
     */
    numLines?: number | null;
    /**
     * Its MIME type.
     */
    mimetype?: string | null;
    /**
     * Its signature.
     */
    signature?: string | null;
    /**
     * When it expires (unix seconds).
     */
    expiresAt?: number | null;
    /**
     * `"workspace"` or `"user"`.
     */
    visibility?: FileVisibility | null;
    /**
     * Whether it was deleted.
     */
    deleted: boolean;
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
 * A header a user supplies to authenticate.
 */
export interface ConnectorAuthenticationHeader {
    /**
     * The header's name.
     */
    name: string;
    /**
     * Whether it must be given (default `true`).
     */
    isRequired?: boolean | null;
    /**
     * Whether its value is a secret (default `true`).
     */
    isSecret?: boolean | null;
}

/**
 * A library of documents.
 */
export interface Library {
    /**
     * The library's id (use it in `libraryIds` of the `document_library` tool).
     */
    id: string;
    /**
     * Its name.
     */
    name: string;
    /**
     * When it was created.
     */
    createdAt: DateTime;
    /**
     * When it last changed.
     */
    updatedAt: DateTime;
    /**
     * Who owns it.
     */
    ownerId: string | null;
    /**
     * What kind of owner.
     */
    ownerType: LibraryOwnerType;
    /**
     * The size of its documents, in bytes.
     */
    totalSize: number;
    /**
     * How many documents it holds.
     */
    nbDocuments: number;
    /**
     * The chunk size in characters.
     */
    chunkSize: number | null;
    /**
     * An emoji for it.
     */
    emoji?: string | null;
    /**
     * What it holds.
     */
    description?: string | null;
    /**
     * A description written by Mistral from its documents.
     */
    generatedDescription?: string | null;
    /**
     * A name written by Mistral from its documents.
     */
    generatedName?: string | null;
    /**
     * How many users it is shared with.
     */
    explicitUserMembersCount?: number | null;
    /**
     * How many workspaces it is shared with.
     */
    explicitWorkspaceMembersCount?: number | null;
    /**
     * The organisation's role on it.
     */
    orgSharingRole?: string | null;
}

/**
 * A link to a resource, from an MCP tool.
 */
export interface McpResourceLink {
    /**
     * The resource's name.
     */
    name: string;
    /**
     * A human-readable title.
     */
    title?: string | null;
    /**
     * The resource's URI.
     */
    uri: string;
    /**
     * What it is.
     */
    description?: string | null;
    /**
     * Its MIME type.
     */
    mimeType?: string | null;
    /**
     * Its size in bytes.
     */
    size?: number | null;
    /**
     * Icons, passed through untouched.
     */
    icons?: JsonObject[] | null;
    /**
     * MCP annotations, passed through untouched.
     */
    annotations?: JsonObject | null;
    /**
     * MCP's `_meta` (named `meta` here), passed through untouched.
     */
    meta?: JsonObject | null;
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
    object?: string | null;
    /**
     * The entry's id (use it with `restart`).
     */
    id?: string | null;
    /**
     * When the entry was created.
     */
    createdAt?: DateTime | null;
    /**
     * When the entry was completed.
     */
    completedAt?: DateTime | null;
    /**
     * Always `"assistant"`.
     */
    role?: Role | null;
    /**
     * The message: text, or chunks such as `tool_reference` and `tool_file`.
     */
    content: Content;
    /**
     * The agent that wrote it.
     */
    agentId?: string | null;
    /**
     * The model that wrote it.
     */
    model?: string | null;
}

/**
 * A message to the model.
 */
export interface MessageInputEntry {
    /**
     * Always `"entry"`.
     */
    object?: string | null;
    /**
     * The entry's id (use it with `restart`).
     */
    id?: string | null;
    /**
     * When the entry was created.
     */
    createdAt?: DateTime | null;
    /**
     * When the entry was completed.
     */
    completedAt?: DateTime | null;
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
    prefix?: boolean | null;
}

/**
 * A moderation guardrail.
 */
export interface GuardrailConfig {
    /**
     * Block the response when the guardrail itself fails.
     */
    blockOnError?: boolean | null;
    /**
     * Settings for the first moderation model.
     */
    moderationLlmV1?: ModerationConfig | null;
    /**
     * Settings for the second moderation model.
     */
    moderationLlmV2?: ModerationConfig | null;
}

/**
 * A name pointing at one version of an agent (use it as `agentVersion`).
 */
export interface AgentAliasResponse {
    /**
     * The alias, such as `"production"`.
     */
    alias: string;
    /**
     * The version it points at.
     */
    version: number;
    /**
     * When the alias was created.
     */
    createdAt: DateTime;
    /**
     * When it last changed.
     */
    updatedAt: DateTime;
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
    description?: string | null;
    /**
     * The JSON Schema itself, passed through untouched (`schema` on the wire; the official
     * SDK names it `schemaDefinition`, and so does `responseFormatFromZodObject`).
     */
    schemaDefinition: JsonObject;
    /**
     * Whether the output must follow the schema exactly.
     */
    strict?: boolean | null;
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
     * When.
     */
    createdAt?: DateTime | null;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number | null;
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
    model?: string | null;
    /**
     * The agent that made the call.
     */
    agentId?: string | null;
    /**
     * For tools that need confirmation.
     */
    confirmationStatus?: ConfirmationStatus | null;
}

/**
 * A piece of a message.
 */
export interface MessageOutputEvent {
    /**
     * When.
     */
    createdAt?: DateTime | null;
    /**
     * Which output entry this builds (0 when absent).
     */
    outputIndex?: number | null;
    /**
     * The entry's id.
     */
    id: string;
    /**
     * Which chunk of the entry's content this extends (0 when absent).
     */
    contentIndex?: number | null;
    /**
     * The model that wrote it.
     */
    model?: string | null;
    /**
     * The agent that wrote it.
     */
    agentId?: string | null;
    /**
     * Always `"assistant"`.
     */
    role?: Role | null;
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
 * A resource embedded in an MCP tool result.
 */
export interface McpEmbeddedResource {
    /**
     * The resource's contents.
     */
    resource: McpResourceContents;
    /**
     * MCP annotations, passed through untouched.
     */
    annotations?: JsonObject | null;
    /**
     * MCP's `_meta` (named `meta` here), passed through untouched.
     */
    meta?: JsonObject | null;
}

/**
 * A resource's contents: `text`, or base64 `blob`.
 */
export interface McpResourceContents {
    /**
     * The resource's URI.
     */
    uri: string;
    /**
     * Its MIME type.
     */
    mimeType?: string | null;
    /**
     * Its text.
     */
    text?: string | null;
    /**
     * Its bytes, base64-encoded.
     */
    blob?: string | null;
    /**
     * MCP's `_meta` (named `meta` here), passed through untouched.
     */
    meta?: JsonObject | null;
}

/**
 * A rule on tool properties (`{ readOnly: true }`) or a combination (`{ type: "and", expressions }`).
 */
export interface ConfirmationExpression {
    /**
     * Matches read-only tools (or the others, with `false`).
     */
    readOnly?: boolean | null;
    /**
     * `"and"` or `"or"`, for a combination.
     */
    type?: string | null;
    /**
     * The combined rules, passed through untouched.
     */
    expressions?: Json[] | null;
}

/**
 * A set of credentials of a connector (never the secrets).
 */
export interface AuthenticationConfiguration {
    /**
     * The credentials' name.
     */
    name: string;
    /**
     * A human-readable title.
     */
    title?: string | null;
    /**
     * The authentication method they are for.
     */
    authenticationType: OutboundAuthenticationType;
    /**
     * Whose they are: `"user"`, `"org"`, `"workspace"` or `"system"`.
     */
    scope: ConsumerType;
    /**
     * The last check of the credentials.
     */
    status?: CredentialsStatus | null;
    /**
     * Whether these are the default credentials.
     */
    isDefault?: boolean | null;
    /**
     * Who created them.
     */
    creatorId?: string | null;
}

/**
 * A signed, time-limited URL to a file, usable without your API key.
 */
export interface FileSignedUrl {
    /**
     * The URL.
     */
    url: string;
}

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
    url?: string | null;
    /**
     * The source's icon.
     */
    favicon?: string | null;
    /**
     * A short description of the source.
     */
    description?: string | null;
}

/**
 * A stored conversation, with a model (`model`) or an agent (`agentId`).
 */
export interface Conversation {
    /**
     * Always `"conversation"`.
     */
    object?: string | null;
    /**
     * The conversation's id.
     */
    id: string;
    /**
     * When it was created.
     */
    createdAt?: DateTime | null;
    /**
     * When it was last updated.
     */
    updatedAt?: DateTime | null;
    /**
     * The model, for a model conversation.
     */
    model?: string | null;
    /**
     * The agent, for an agent conversation.
     */
    agentId?: string | null;
    /**
     * The agent's version.
     */
    agentVersion?: NumberOrString | null;
    /**
     * Instructions for the model.
     */
    instructions?: string | null;
    /**
     * Tools the model may use.
     */
    tools?: Tool[] | null;
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs | null;
    /**
     * Moderation guardrails.
     */
    guardrails?: GuardrailConfig[] | null;
    /**
     * The conversation's name.
     */
    name?: string | null;
    /**
     * The conversation's description.
     */
    description?: string | null;
    /**
     * Your own data, never re-cased.
     */
    metadata?: JsonObject | null;
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
 * An MCP tool of a connector.
 */
export interface McpTool {
    /**
     * The tool's name (use it with `callTool`).
     */
    name: string;
    /**
     * A human-readable title.
     */
    title?: string | null;
    /**
     * What it does.
     */
    description?: string | null;
    /**
     * The JSON Schema of its arguments, passed through untouched.
     */
    inputSchema: JsonObject;
    /**
     * The JSON Schema of its structured result, passed through untouched.
     */
    outputSchema?: JsonObject | null;
    /**
     * Icons, passed through untouched.
     */
    icons?: JsonObject[] | null;
    /**
     * Hints such as `readOnlyHint`, passed through untouched.
     */
    annotations?: JsonObject | null;
    /**
     * MCP's `_meta` (named `meta` here, as in the official SDK), passed through untouched.
     */
    meta?: JsonObject | null;
    /**
     * Execution hints, passed through untouched.
     */
    execution?: JsonObject | null;
}

/**
 * An RFC 3339 date-time (`"2025-05-27T13:38:28.129185Z"`): a string on the wire, a `Date` in
 * JavaScript, as the official SDK gives it. Responses arrive with `Date`s; in a request, a `Date`
 * is sent as its ISO string (`JSON.stringify` writes it so), and a string is sent as written.
 *
 * The wire types keep such fields as `String`s (their definitions say `DateTime`, which the wire
 * macro stores as a `String` with this shape), so Rust code reads and writes them as text.
 */
export type DateTime = Date;

/**
 * An agent starts handing off.
 */
export interface AgentHandoffStartedEvent {
    /**
     * When.
     */
    createdAt?: DateTime | null;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number | null;
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
 * An agent, at one of its versions.
 */
export interface Agent {
    /**
     * Always `"agent"`.
     */
    object?: string | null;
    /**
     * The agent's id (use it as `agentId` in conversations).
     */
    id: string;
    /**
     * The agent's name.
     */
    name: string;
    /**
     * The model the agent runs on.
     */
    model: string;
    /**
     * Instructions the model follows.
     */
    instructions?: string | null;
    /**
     * Tools the agent may use.
     */
    tools?: Tool[] | null;
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs | null;
    /**
     * Moderation guardrails.
     */
    guardrails?: GuardrailConfig[] | null;
    /**
     * What the agent does.
     */
    description?: string | null;
    /**
     * Ids of the agents this agent may hand the conversation to.
     */
    handoffs?: string[] | null;
    /**
     * Your own data, never re-cased.
     */
    metadata?: JsonObject | null;
    /**
     * This version's number.
     */
    version: number;
    /**
     * Every version's number.
     */
    versions: number[];
    /**
     * Who owns the agent.
     */
    ownerId?: string | null;
    /**
     * When the agent was created.
     */
    createdAt: DateTime;
    /**
     * When it was last updated.
     */
    updatedAt: DateTime;
    /**
     * Whether the agent is available in Le Chat.
     */
    deploymentChat: boolean;
    /**
     * Where the agent was made (`"api"`, `"playground"`, ...).
     */
    source: string;
    /**
     * The note describing this version.
     */
    versionMessage?: string | null;
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
    detail?: ImageDetail | null;
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
 * An image or audio clip from an MCP tool.
 */
export interface McpMediaContent {
    /**
     * The data, base64-encoded.
     */
    data: string;
    /**
     * Its MIME type.
     */
    mimeType: string;
    /**
     * MCP annotations, passed through untouched.
     */
    annotations?: JsonObject | null;
    /**
     * MCP's `_meta` (named `meta` here), passed through untouched.
     */
    meta?: JsonObject | null;
}

/**
 * Any JSON value, passed through untouched.
 */
export type Json = unknown;

/**
 * Arguments of a direct tool call (`callTool`).
 */
export interface ConnectorCallToolRequest {
    /**
     * The tool's arguments, passed through untouched.
     */
    arguments?: JsonObject | null;
}

/**
 * Branches a conversation from one of its entries into a new conversation.
 */
export interface RestartConversationRequest {
    /**
     * New inputs after that entry.
     */
    inputs?: Inputs | null;
    /**
     * Set by the method (`restart` or `restartStream`); any value you pass is replaced.
     */
    stream?: boolean | null;
    /**
     * Whether Mistral keeps the new conversation (default `true`).
     */
    store?: boolean | null;
    /**
     * Where agent handoffs run: `"server"` (default) or `"client"`.
     */
    handoffExecution?: HandoffExecution | null;
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs | null;
    /**
     * Moderation guardrails.
     */
    guardrails?: GuardrailConfig[] | null;
    /**
     * Your own data, never re-cased.
     */
    metadata?: JsonObject | null;
    /**
     * The entry to restart from; later entries are left out of the new branch.
     */
    fromEntryId: string;
    /**
     * The agent's version for the new branch: a number or an alias.
     */
    agentVersion?: NumberOrString | null;
}

/**
 * Changes a connector. Only the fields you give change.
 */
export interface UpdateConnectorRequest {
    /**
     * `"mcp"` or `"http"`: the kind of connector being updated.
     */
    protocol?: ConnectorProtocol | null;
    /**
     * A new name: at most 64 letters, digits, `_` or `-`.
     */
    name?: string | null;
    /**
     * A human-readable title.
     */
    title?: string | null;
    /**
     * What the connector does.
     */
    description?: string | null;
    /**
     * The URL of an icon.
     */
    iconUrl?: string | null;
    /**
     * A new server URL (http or https).
     */
    server?: string | null;
    /**
     * A system prompt used with the connector's tools.
     */
    systemPrompt?: string | null;
    /**
     * The ways users can authenticate to the server.
     */
    authMethods?: ConnectorAuthMethod[] | null;
    /**
     * Organisation-level headers sent to the server, passed through untouched.
     */
    headers?: JsonObject | null;
    /**
     * OAuth 2 client data.
     */
    authData?: AuthData | null;
    /**
     * Connection settings, passed through untouched.
     */
    connectionConfig?: JsonObject | null;
    /**
     * Connection secrets, passed through untouched and never shown in debug output.
     */
    connectionSecrets?: SecretObject | null;
}

/**
 * Changes a document's name, attributes or expiry.
 */
export interface UpdateDocumentRequest {
    /**
     * A new name.
     */
    name?: string | null;
    /**
     * Your own attributes (strings, numbers, booleans, dates or lists of them), passed through untouched.
     */
    attributes?: JsonObject | null;
    /**
     * When to delete it.
     */
    expiresAt?: DateTime | null;
}

/**
 * Changes a library's name or description.
 */
export interface UpdateLibraryRequest {
    /**
     * A new name.
     */
    name?: string | null;
    /**
     * A new description.
     */
    description?: string | null;
}

/**
 * Changes an agent; every update creates a new version.
 */
export interface UpdateAgentRequest {
    /**
     * The model the agent runs on.
     */
    model?: string | null;
    /**
     * The agent's name.
     */
    name?: string | null;
    /**
     * Instructions the model follows in every conversation.
     */
    instructions?: string | null;
    /**
     * Tools the agent may use (replaces the list).
     */
    tools?: Tool[] | null;
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs | null;
    /**
     * Moderation guardrails.
     */
    guardrails?: GuardrailConfig[] | null;
    /**
     * What the agent does.
     */
    description?: string | null;
    /**
     * Ids of the agents this agent may hand the conversation to.
     */
    handoffs?: string[] | null;
    /**
     * Your own data, never re-cased.
     */
    metadata?: JsonObject | null;
    /**
     * Whether the agent is available in Le Chat.
     */
    deploymentChat?: boolean | null;
    /**
     * A note describing the new version.
     */
    versionMessage?: string | null;
}

/**
 * Connector-wide headers, keyed by header name (kept as written).
 */
export type GlobalHeaders = Record<string, GlobalHeaderValue>;

/**
 * Continues a conversation.
 */
export interface AppendConversationRequest {
    /**
     * A user message, or entries such as `function.result`.
     */
    inputs?: Inputs | null;
    /**
     * Set by the method (`append` or `appendStream`); any value you pass is replaced.
     */
    stream?: boolean | null;
    /**
     * Whether Mistral keeps the new entries (default `true`).
     */
    store?: boolean | null;
    /**
     * Where agent handoffs run: `"server"` (default) or `"client"`.
     */
    handoffExecution?: HandoffExecution | null;
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs | null;
    /**
     * Your answers to tool calls that wait for confirmation.
     */
    toolConfirmations?: ToolCallConfirmation[] | null;
}

/**
 * Creates a library of documents, searchable by the `document_library` tool.
 */
export interface CreateLibraryRequest {
    /**
     * The library's name.
     */
    name: string;
    /**
     * What it holds.
     */
    description?: string | null;
    /**
     * Deprecated: the chunk size in characters (256 to 32768).
     */
    chunkSize?: number | null;
    /**
     * `"User"` (private) or `"Workspace"` (shared with the workspace, the default for API keys).
     */
    ownerType?: LibraryOwnerType | null;
}

/**
 * Creates an agent: a model with instructions and tools, usable in conversations by its id.
 */
export interface CreateAgentRequest {
    /**
     * The model the agent runs on.
     */
    model: string;
    /**
     * The agent's name.
     */
    name: string;
    /**
     * Instructions the model follows in every conversation.
     */
    instructions?: string | null;
    /**
     * Tools the agent may use.
     */
    tools?: Tool[] | null;
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs | null;
    /**
     * Moderation guardrails.
     */
    guardrails?: GuardrailConfig[] | null;
    /**
     * What the agent does (other agents read this when handing off).
     */
    description?: string | null;
    /**
     * Ids of the agents this agent may hand the conversation to.
     */
    handoffs?: string[] | null;
    /**
     * Your own data, stored with the agent and never re-cased.
     */
    metadata?: JsonObject | null;
    /**
     * A note describing this first version.
     */
    versionMessage?: string | null;
}

/**
 * Creates or updates a set of credentials for a connector.
 */
export interface CredentialsCreateOrUpdate {
    /**
     * The credentials' name; use it to pick or change them later.
     */
    name: string;
    /**
     * A human-readable title.
     */
    title?: string | null;
    /**
     * Whether these are the default credentials for their authentication method.
     */
    isDefault?: boolean | null;
    /**
     * The secrets themselves.
     */
    credentials?: ConnectionCredentials | null;
}

/**
 * Credential data. Never shown in debug output.
 */
export interface ConnectionCredentials {
    /**
     * OAuth 2 client credentials or tokens.
     */
    oauth?: OAuthCredentials | null;
    /**
     * Header values by header name.
     */
    headers?: SecretMap | null;
    /**
     * A bearer token.
     */
    bearerToken?: Secret | null;
    /**
     * A GitHub App installation id.
     */
    githubInstallationId?: string | null;
}

/**
 * Cursor pagination.
 */
export interface CursorPagination {
    /**
     * The cursor of the next page; absent or `null` on the last one.
     */
    nextCursor?: string | null;
    /**
     * The page size.
     */
    pageSize: number;
}

/**
 * Every entry of a conversation, in order.
 */
export interface ConversationHistory {
    /**
     * Always `"conversation.history"`.
     */
    object?: string | null;
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
 * Every share of a library.
 */
export interface ListSharingResponse {
    /**
     * The shares.
     */
    data: Sharing[];
}

/**
 * Expected output content.
 */
export interface Prediction {
    /**
     * Always `"content"`.
     */
    type?: string | null;
    /**
     * The predicted text.
     */
    content?: string | null;
}

/**
 * How Mistral talks to a connector's server.
 */
export type ConnectorProtocol = "mcp" | "http";

/**
 * How a connector authenticates to its server.
 */
export type OutboundAuthenticationType = "oauth2" | "bearer" | "none" | "github_app" | "slack_app";

/**
 * How much the model may reason before answering.
 */
export type ReasoningEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh";

/**
 * How the OAuth 2 client authenticates at the token endpoint.
 */
export type TokenEndpointAuthMethod = "client_secret_post" | "client_secret_basic";

/**
 * How the model may pick tools.
 */
export type ToolChoice = "auto" | "none" | "any" | "required";

/**
 * How users can authenticate to a connector (without secrets).
 */
export interface PublicAuthenticationMethod {
    /**
     * `"oauth2"`, `"bearer"`, `"none"`, `"github_app"` or `"slack_app"`.
     */
    methodType: OutboundAuthenticationType;
    /**
     * Headers the user supplies.
     */
    headers?: ConnectorAuthenticationHeader[] | null;
    /**
     * Connector-wide headers by name (secret values redacted by the server).
     */
    globalHeaders?: GlobalHeaders | null;
    /**
     * Whether default credentials exist.
     */
    hasDefaultCredentials: boolean;
    /**
     * The OAuth 2 grant, for `oauth2`.
     */
    grantType?: OAuth2GrantType | null;
    /**
     * The OAuth 2 server's metadata, for `oauth2`.
     */
    oauth2ServerMetadata?: ExtendedOAuthServerMetadata | null;
}

/**
 * MCP's result metadata.
 */
export interface McpResultMeta {
    /**
     * Whether the tool reported an error.
     */
    isError?: boolean | null;
    /**
     * The tool's structured result, passed through untouched.
     */
    structuredContent?: JsonObject | null;
    /**
     * MCP's `_meta` (named `meta` here), passed through untouched.
     */
    meta?: JsonObject | null;
}

/**
 * Message content: plain text, or a list of chunks.
 */
export type Content = string | ContentChunk[];

/**
 * Metadata of a tool call result.
 */
export interface ConnectorToolCallMetadata {
    /**
     * MCP's own result metadata.
     */
    mcpMeta?: McpResultMeta | null;
}

/**
 * More of a tool's arguments.
 */
export interface ToolExecutionDeltaEvent {
    /**
     * When.
     */
    createdAt?: DateTime | null;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number | null;
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
    description?: string | null;
    /**
     * Whether the arguments must follow the schema exactly.
     */
    strict?: boolean | null;
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
    include?: string[] | null;
    /**
     * Expose every tool but these.
     */
    exclude?: string[] | null;
    /**
     * These tools wait for your confirmation (`toolConfirmations` on append) before they run.
     */
    requiresConfirmation?: string[] | null;
}

/**
 * OAuth 2 authorization server metadata (RFC 8414), with Mistral's extensions.
 */
export interface ExtendedOAuthServerMetadata {
    /**
     * The issuer identifier.
     */
    issuer: string;
    /**
     * The authorization endpoint.
     */
    authorizationEndpoint?: string | null;
    /**
     * The token endpoint.
     */
    tokenEndpoint: string;
    /**
     * The dynamic client registration endpoint.
     */
    registrationEndpoint?: string | null;
    /**
     * Supported scopes.
     */
    scopesSupported?: string[] | null;
    /**
     * Supported response types.
     */
    responseTypesSupported?: string[] | null;
    /**
     * Supported response modes.
     */
    responseModesSupported?: string[] | null;
    /**
     * Supported grant types.
     */
    grantTypesSupported?: string[] | null;
    /**
     * Supported client authentication methods at the token endpoint.
     */
    tokenEndpointAuthMethodsSupported?: string[] | null;
    /**
     * Supported signing algorithms for token endpoint authentication.
     */
    tokenEndpointAuthSigningAlgValuesSupported?: string[] | null;
    /**
     * Documentation for developers.
     */
    serviceDocumentation?: string | null;
    /**
     * Supported UI languages.
     */
    uiLocalesSupported?: string[] | null;
    /**
     * The policy page.
     */
    opPolicyUri?: string | null;
    /**
     * The terms of service page.
     */
    opTosUri?: string | null;
    /**
     * The revocation endpoint.
     */
    revocationEndpoint?: string | null;
    /**
     * Supported client authentication methods at the revocation endpoint.
     */
    revocationEndpointAuthMethodsSupported?: string[] | null;
    /**
     * Supported signing algorithms at the revocation endpoint.
     */
    revocationEndpointAuthSigningAlgValuesSupported?: string[] | null;
    /**
     * The introspection endpoint.
     */
    introspectionEndpoint?: string | null;
    /**
     * Supported client authentication methods at the introspection endpoint.
     */
    introspectionEndpointAuthMethodsSupported?: string[] | null;
    /**
     * Supported signing algorithms at the introspection endpoint.
     */
    introspectionEndpointAuthSigningAlgValuesSupported?: string[] | null;
    /**
     * Supported PKCE code challenge methods.
     */
    codeChallengeMethodsSupported?: string[] | null;
    /**
     * Whether client id metadata documents are supported.
     */
    clientIdMetadataDocumentSupported?: boolean | null;
    /**
     * Whether the metadata was discovered (`"autodiscovery"`) or given (`"provided"`).
     */
    xSource?: string | null;
    /**
     * The protected resource's URL.
     */
    xResourceUrl?: string | null;
    /**
     * The scope to request.
     */
    xScope?: string | null;
}

/**
 * OAuth 2 client credentials kept with an authentication method.
 */
export interface OAuth2MetadataSecrets {
    /**
     * The client id.
     */
    clientId?: string | null;
    /**
     * The client secret.
     */
    clientSecret?: Secret | null;
    /**
     * When the client id was issued (unix seconds).
     */
    clientIdIssuedAt?: number | null;
    /**
     * When the client secret expires (unix seconds).
     */
    clientSecretExpiresAt?: number | null;
}

/**
 * OAuth 2 client credentials of a connector.
 */
export interface AuthData {
    /**
     * The OAuth 2 client id.
     */
    clientId: string;
    /**
     * The OAuth 2 client secret.
     */
    clientSecret?: Secret | null;
}

/**
 * OAuth 2 credentials: client credentials (`grantType: "client_credentials"`, `clientId`,
 * `clientSecret`) or tokens (`accessToken`, `refreshToken`, ...).
 */
export interface OAuthCredentials {
    /**
     * `"client_credentials"`, for client credentials.
     */
    grantType?: OAuth2GrantType | null;
    /**
     * The client id.
     */
    clientId?: string | null;
    /**
     * The client secret.
     */
    clientSecret?: Secret | null;
    /**
     * An access token.
     */
    accessToken?: Secret | null;
    /**
     * The token's type (`"Bearer"`).
     */
    tokenType?: string | null;
    /**
     * Seconds until the access token expires.
     */
    expiresIn?: number | null;
    /**
     * The granted scope.
     */
    scope?: string | null;
    /**
     * A refresh token.
     */
    refreshToken?: Secret | null;
    /**
     * When the access token expires (RFC 3339).
     */
    expiresAt?: string | null;
}

/**
 * One agent handed the conversation to another.
 */
export interface AgentHandoffEntry {
    /**
     * Always `"entry"`.
     */
    object?: string | null;
    /**
     * The entry's id.
     */
    id?: string | null;
    /**
     * When the entry was created.
     */
    createdAt?: DateTime | null;
    /**
     * When the entry was completed.
     */
    completedAt?: DateTime | null;
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
 * One page of agents (`listPages`).
 */
export interface AgentListPage {
    /**
     * Always `"list"`.
     */
    object?: string | null;
    /**
     * The agents on this page.
     */
    data: Agent[];
    /**
     * Pass it as `pageToken` for the next page; absent or empty on the last one.
     */
    nextPageToken?: string | null;
}

/**
 * One page of connectors. Pass `pagination.nextCursor` as `cursor` for the next page.
 */
export interface PaginatedConnectors {
    /**
     * The connectors.
     */
    items: Connector[];
    /**
     * Where this page ends.
     */
    pagination: CursorPagination;
}

/**
 * One page of documents.
 */
export interface ListDocumentsResponse {
    /**
     * Where this page sits.
     */
    pagination: PaginationInfo;
    /**
     * The documents.
     */
    data: Document[];
}

/**
 * One page of files (`files.list`).
 */
export interface ListFilesResponse {
    /**
     * The files.
     */
    data: FileSchema[];
    /**
     * Always `"list"`.
     */
    object: string;
    /**
     * How many files match, when `includeTotal` was asked.
     */
    total?: number | null;
}

/**
 * One page of libraries.
 */
export interface ListLibrariesResponse {
    /**
     * Where this page sits.
     */
    pagination?: PaginationInfo | null;
    /**
     * The libraries.
     */
    data: Library[];
    /**
     * Pass it as `pageToken` for the next page.
     */
    nextPageToken?: string | null;
}

/**
 * One piece of an MCP tool result.
 *
 *Members this version does not know arrive verbatim (keys untouched) and round-trip unchanged.
 */
export type McpContent = ({ type: "text" } & McpTextContent) | ({ type: "image" } & McpMediaContent) | ({ type: "audio" } & McpMediaContent) | ({ type: "resource_link" } & McpResourceLink) | ({ type: "resource" } & McpEmbeddedResource);

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
 * One tool of a connector, as stored by Mistral.
 */
export interface ConnectorToolInfo {
    /**
     * The tool's id.
     */
    id: string;
    /**
     * The tool's name.
     */
    name: string;
    /**
     * What it does.
     */
    description: string;
    /**
     * A system prompt used with it.
     */
    systemPrompt?: string | null;
    /**
     * Translations of its name and description.
     */
    locale?: ConnectorLocale | null;
    /**
     * The JSON Schema of its arguments, passed through untouched.
     */
    jsonschema?: JsonObject | null;
    /**
     * How it runs (`{ type, ... }`), passed through untouched.
     */
    executionConfig: JsonObject | null;
    /**
     * Who can see it.
     */
    visibility: ResourceVisibility;
    /**
     * When it was created.
     */
    createdAt: DateTime;
    /**
     * When it last changed.
     */
    modifiedAt: DateTime;
    /**
     * Whether it is active.
     */
    active?: boolean | null;
}

/**
 * One way to authenticate to a connector's server. `bearer` and `none` need only
 * `methodType`; `oauth2` takes a `grantType` and the server's metadata.
 */
export interface ConnectorAuthMethod {
    /**
     * `"oauth2"`, `"bearer"`, `"none"`, ..., or `"webhook"` (inbound).
     */
    methodType: AuthenticationMethodType;
    /**
     * For `oauth2`: `"authorization_code"` or `"client_credentials"`.
     */
    grantType?: OAuth2GrantType | null;
    /**
     * For `oauth2`: the authorization server's metadata.
     */
    oauth2ServerMetadata?: ExtendedOAuthServerMetadata | null;
    /**
     * For `oauth2` with `authorization_code`: the client's credentials.
     */
    authData?: AuthData | null;
    /**
     * For `oauth2` with `client_credentials`: how the client authenticates at the token endpoint.
     */
    tokenEndpointAuthMethod?: TokenEndpointAuthMethod | null;
    /**
     * Headers the user supplies for this method.
     */
    headers?: ConnectorAuthenticationHeader[] | null;
    /**
     * Connector-wide headers by name (on update).
     */
    globalHeaders?: GlobalHeaders | null;
    /**
     * Whether the method is `"inbound"` or `"outbound"` (on update).
     */
    authDirection?: AuthDirection | null;
    /**
     * New OAuth 2 client credentials (on update).
     */
    oauth2MetadataSecrets?: OAuth2MetadataSecrets | null;
}

/**
 * Page-number pagination.
 */
export interface PaginationInfo {
    /**
     * How many items there are.
     */
    totalItems: number;
    /**
     * How many pages there are.
     */
    totalPages: number;
    /**
     * This page's number (from 0).
     */
    currentPage: number;
    /**
     * The page size.
     */
    pageSize: number;
    /**
     * Whether more pages follow.
     */
    hasMore: boolean;
}

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
 * Registers an MCP (or HTTP) server as a connector. Mistral's docs leave out `protocol`:
 * it is sent as `"mcp"` when you give none.
 */
export interface CreateConnectorRequest {
    /**
     * `"mcp"` (the default) or `"http"`.
     */
    protocol?: ConnectorProtocol | null;
    /**
     * The connector's name: at most 64 letters, digits, `_` or `-`. Conversations refer to it by this name.
     */
    name: string;
    /**
     * A human-readable title.
     */
    title?: string | null;
    /**
     * What the connector does.
     */
    description: string;
    /**
     * The URL of an icon.
     */
    iconUrl?: string | null;
    /**
     * Who can see the connector (default `"private"`; `"shared_global"` is reserved).
     */
    visibility?: ResourceVisibility | null;
    /**
     * The server's URL (http or https).
     */
    server: string;
    /**
     * Organisation-level headers sent to the server, passed through untouched.
     */
    headers?: JsonObject | null;
    /**
     * Connector-wide headers by name; secret values are stored encrypted.
     */
    globalHeaders?: GlobalHeaders | null;
    /**
     * OAuth 2 client data.
     */
    authData?: AuthData | null;
    /**
     * The OAuth 2 server's metadata, instead of discovering it.
     */
    oauth2ServerMetadata?: ExtendedOAuthServerMetadata | null;
    /**
     * Where to fetch the OAuth 2 server's metadata (not with `oauth2ServerMetadata`).
     */
    oauth2ServerMetadataUrl?: string | null;
    /**
     * A system prompt used with the connector's tools.
     */
    systemPrompt?: string | null;
    /**
     * The ways users can authenticate to the server.
     */
    authMethods?: ConnectorAuthMethod[] | null;
}

/**
 * Sampling and output settings for the model.
 */
export interface CompletionArgs {
    /**
     * Stop generating when one of these sequences appears.
     */
    stop?: Stop | null;
    /**
     * Penalises tokens that already appeared, to encourage new topics.
     */
    presencePenalty?: number | null;
    /**
     * Penalises tokens by how often they appeared.
     */
    frequencyPenalty?: number | null;
    /**
     * Sampling temperature; lower is more deterministic.
     */
    temperature?: number | null;
    /**
     * Nucleus sampling: consider only the tokens within this probability mass.
     */
    topP?: number | null;
    /**
     * The most tokens to generate.
     */
    maxTokens?: number | null;
    /**
     * Seed for deterministic sampling.
     */
    randomSeed?: number | null;
    /**
     * Expected output, to speed up generation when most of it is known.
     */
    prediction?: Prediction | null;
    /**
     * Constrains the answer to text, any JSON object, or a JSON Schema.
     */
    responseFormat?: ResponseFormat | null;
    /**
     * How the model may pick tools.
     */
    toolChoice?: ToolChoice | null;
    /**
     * How much the model may reason before answering.
     */
    reasoningEffort?: ReasoningEffort | null;
}

/**
 * Saved tool settings of a connector.
 */
export interface ConnectionPreference {
    /**
     * The preference's name.
     */
    name: string;
    /**
     * Which tools run, and which need confirmation.
     */
    toolConfiguration: ToolExecutionConfiguration;
    /**
     * Whether this is the default.
     */
    isDefault?: boolean | null;
    /**
     * Whose preference it is.
     */
    consumerType?: ConsumerType | null;
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
    toolConfiguration?: ToolConfiguration | null;
}

/**
 * Secret strings keyed by name (credential headers). Its `Debug` form never shows the values.
 */
export type SecretMap = Record<string, string>;

/**
 * Settings of one moderation model.
 */
export interface ModerationConfig {
    /**
     * The moderation model to use.
     */
    modelName?: string | null;
    /**
     * Per-category thresholds, keyed by category name.
     */
    customCategoryThresholds?: JsonObject | null;
    /**
     * Ignore the categories not listed in the thresholds.
     */
    ignoreOtherCategories?: boolean | null;
    /**
     * What to do when the guardrail fires.
     */
    action?: GuardrailAction | null;
}

/**
 * Shares a library, or changes a share.
 */
export interface SharingRequest {
    /**
     * The organisation.
     */
    orgId?: string | null;
    /**
     * `"Viewer"` or `"Editor"`.
     */
    level: SharingLevel;
    /**
     * The id of the user, workspace or organisation.
     */
    shareWithUuid: string;
    /**
     * `"User"`, `"Workspace"` or `"Org"`.
     */
    shareWithType: ShareWithType;
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
    stream?: boolean | null;
    /**
     * Whether Mistral keeps the conversation (default `true`). With `false`, nothing is stored.
     */
    store?: boolean | null;
    /**
     * Where agent handoffs run: `"server"` (default) or `"client"`.
     */
    handoffExecution?: HandoffExecution | null;
    /**
     * Instructions for the model.
     */
    instructions?: string | null;
    /**
     * Tools the model may use.
     */
    tools?: Tool[] | null;
    /**
     * Sampling and output settings.
     */
    completionArgs?: CompletionArgs | null;
    /**
     * Moderation guardrails.
     */
    guardrails?: GuardrailConfig[] | null;
    /**
     * A name for the conversation.
     */
    name?: string | null;
    /**
     * A description of the conversation.
     */
    description?: string | null;
    /**
     * Your own data, stored with the conversation and never re-cased.
     */
    metadata?: JsonObject | null;
    /**
     * The agent to talk to.
     */
    agentId?: string | null;
    /**
     * The agent's version: a number or an alias.
     */
    agentVersion?: NumberOrString | null;
    /**
     * The model to talk to.
     */
    model?: string | null;
}

/**
 * Stops sharing a library with someone.
 */
export interface SharingDelete {
    /**
     * The organisation.
     */
    orgId?: string | null;
    /**
     * The id of the user, workspace or organisation.
     */
    shareWithUuid: string;
    /**
     * `"User"`, `"Workspace"` or `"Org"`.
     */
    shareWithType: ShareWithType;
}

/**
 * Strings keyed by names of your choosing (a language, a header name): keys are never re-cased.
 */
export type StringMap = Record<string, string>;

/**
 * Text from an MCP tool.
 */
export interface McpTextContent {
    /**
     * The text.
     */
    text: string;
    /**
     * MCP annotations, passed through untouched.
     */
    annotations?: JsonObject | null;
    /**
     * MCP's `_meta` (named `meta` here), passed through untouched.
     */
    meta?: JsonObject | null;
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
    authorization?: Authorization | null;
    /**
     * Which of the connector's tools to expose, and which need confirmation.
     */
    toolConfiguration?: ToolConfiguration | null;
}

/**
 * The OAuth 2 grant a connector uses.
 */
export type OAuth2GrantType = "authorization_code" | "client_credentials";

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
 * The credentials set up for a connector at one scope.
 */
export interface CredentialsResponse {
    /**
     * The credentials (never their secrets).
     */
    credentials: AuthenticationConfiguration[];
    /**
     * Authentication methods with preset credentials.
     */
    connectorPresetCredentialsForAuth?: OutboundAuthenticationType[] | null;
}

/**
 * The format of the model's answer.
 */
export interface ResponseFormat {
    /**
     * `"text"` (default), `"json_object"` or `"json_schema"`.
     */
    type?: ResponseFormatType | null;
    /**
     * The schema, when `type` is `"json_schema"`.
     */
    jsonSchema?: JsonSchema | null;
}

/**
 * The format of the model's answer.
 */
export type ResponseFormatType = "text" | "json_object" | "json_schema";

/**
 * The kind of a connector's connection.
 */
export type ConnectionConfigType = "mcp" | "turbine" | "eolienne";

/**
 * The kind of an authentication method being set up: how a connector authenticates to its
 * server, or (`"webhook"`) how its server authenticates to Mistral.
 */
export type AuthenticationMethodType = "oauth2" | "bearer" | "none" | "github_app" | "slack_app" | "webhook";

/**
 * The last check of a set of credentials.
 */
export interface CredentialsStatus {
    /**
     * `"valid"`, `"invalid"` or `"error"`.
     */
    statusType: CredentialsStatusType;
    /**
     * When they were checked.
     */
    lastCheckedAt?: DateTime | null;
    /**
     * The HTTP status of a failed check.
     */
    errorHttpCode?: number | null;
    /**
     * What went wrong.
     */
    errorMessage?: string | null;
}

/**
 * The last check of a set of credentials.
 */
export type CredentialsStatusType = "valid" | "invalid" | "error";

/**
 * The messages of a conversation, in order.
 */
export interface ConversationMessages {
    /**
     * Always `"conversation.messages"`.
     */
    object?: string | null;
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
    object?: string | null;
    /**
     * The entry's id.
     */
    id?: string | null;
    /**
     * When the entry was created.
     */
    createdAt?: DateTime | null;
    /**
     * When the entry was completed.
     */
    completedAt?: DateTime | null;
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
    confirmationStatus?: ConfirmationStatus | null;
    /**
     * The agent that made the call.
     */
    agentId?: string | null;
    /**
     * The model that made the call.
     */
    model?: string | null;
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
    signature?: string | null;
    /**
     * Whether the reasoning is complete.
     */
    closed?: boolean | null;
}

/**
 * The next agent took over.
 */
export interface AgentHandoffDoneEvent {
    /**
     * When.
     */
    createdAt?: DateTime | null;
    /**
     * Which output entry this builds.
     */
    outputIndex?: number | null;
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
     * When.
     */
    createdAt?: DateTime | null;
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
     * When.
     */
    createdAt?: DateTime | null;
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
     * When.
     */
    createdAt?: DateTime | null;
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
    object?: string | null;
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
    guardrails?: JsonObject[] | null;
}

/**
 * The result of calling a connector's tool directly.
 */
export interface ConnectorToolCallResponse {
    /**
     * What the tool returned.
     */
    content: McpContent[];
    /**
     * MCP metadata of the result.
     */
    metadata?: ConnectorToolCallMetadata | null;
}

/**
 * The text extracted from a document.
 */
export interface DocumentTextContent {
    /**
     * The text.
     */
    text: string;
}

/**
 * The value of a connector-wide header.
 */
export interface GlobalHeaderValue {
    /**
     * Whether the value is a secret (default `true`): stored encrypted, never returned in clear.
     */
    isSecret?: boolean | null;
    /**
     * The header's value.
     */
    value: Secret;
}

/**
 * Tokens used by one response.
 */
export interface ConversationUsageInfo {
    /**
     * Tokens in the prompt.
     */
    promptTokens?: number | null;
    /**
     * Tokens generated.
     */
    completionTokens?: number | null;
    /**
     * Prompt plus completion tokens.
     */
    totalTokens?: number | null;
    /**
     * Tokens spent by connectors and built-in tools.
     */
    connectorTokens?: number | null;
    /**
     * Calls per connector or built-in tool, keyed by its name (such as `web_search`).
     */
    connectors?: JsonObject | null;
}

/**
 * Translations, keyed by language.
 */
export interface ConnectorLocale {
    /**
     * The name, by language.
     */
    name: StringMap;
    /**
     * The description, by language.
     */
    description: StringMap;
    /**
     * A sentence describing its use, by language.
     */
    usageSentence: StringMap;
}

/**
 * What `files.delete` answers.
 */
export interface DeleteFileResponse {
    /**
     * The deleted file's id.
     */
    id: string;
    /**
     * Always `"file"`.
     */
    object: string;
    /**
     * Whether it was deleted.
     */
    deleted: boolean;
}

/**
 * What a file is for.
 */
export type FilePurpose = "fine-tune" | "batch" | "ocr";

/**
 * What a guardrail does when it fires.
 */
export type GuardrailAction = "none" | "block";

/**
 * What a library share allows.
 */
export type SharingLevel = "Viewer" | "Editor";

/**
 * What to send: a plain string (one user message) or a list of entries; a message may
 * leave out `type` (`[{ role: "user", content: "Hi" }]`).
 */
export type Inputs = string | (Entry | MessageInputEntry)[];

/**
 * Where a document is in its processing.
 */
export interface DocumentStatus {
    /**
     * The document's id.
     */
    documentId: string;
    /**
     * `"done"`, `"in_progress"`, `"error"`, ...
     */
    processStatus: ProcessStatus;
    /**
     * The processing status, as text.
     */
    processingStatus: string;
}

/**
 * Where a document is in its processing.
 */
export type ProcessStatus = "self_managed" | "missing_content" | "noop" | "done" | "todo" | "in_progress" | "error" | "waiting_for_capacity";

/**
 * Where a file came from.
 */
export type FileSource = "upload" | "repository" | "mistral";

/**
 * Where agent handoffs run: in Mistral's cloud (`"server"`, the default) or back in your code (`"client"`).
 */
export type HandoffExecution = "client" | "server";

/**
 * Whether a function call that needs confirmation was allowed.
 */
export type ConfirmationStatus = "pending" | "allowed" | "denied";

/**
 * Which of a connector's tools run, and which wait for confirmation.
 */
export interface ToolExecutionConfiguration {
    /**
     * Tools that wait for confirmation.
     */
    requiresConfirmation?: ConfirmationRule | null;
    /**
     * Tools that never wait for confirmation.
     */
    skipConfirmation?: ConfirmationRule | null;
    /**
     * Expose only these tools.
     */
    include?: string[] | null;
    /**
     * Expose every tool but these.
     */
    exclude?: string[] | null;
}

/**
 * Which tools a confirmation rule covers: a list of names, or a rule.
 */
export type ConfirmationRule = string[] | ConfirmationExpression;

/**
 * Which way an authentication method applies.
 */
export type AuthDirection = "inbound" | "outbound";

/**
 * Who a connector, credential or setting belongs to (`"org"` here, `"organization"` in paths).
 */
export type ConsumerType = "user" | "org" | "workspace" | "system";

/**
 * Who a library is shared with, and how.
 */
export interface Sharing {
    /**
     * The library.
     */
    libraryId: string;
    /**
     * The user it is shared with.
     */
    userId?: string | null;
    /**
     * The organisation.
     */
    orgId: string;
    /**
     * Their role (`"Viewer"`, `"Editor"`, `"Owner"`).
     */
    role: string;
    /**
     * `"User"`, `"Workspace"` or `"Org"`.
     */
    shareWithType: string;
    /**
     * The id of whom it is shared with.
     */
    shareWithUuid: string | null;
}

/**
 * Who can see a connector or tool.
 */
export type ResourceVisibility = "shared_global" | "shared_org" | "shared_workspace" | "private";

/**
 * Who can see a file.
 */
export type FileVisibility = "workspace" | "user";

/**
 * Who owns a library.
 */
export type LibraryOwnerType = "User" | "Workspace" | "Org";

/**
 * Who wrote a message.
 */
export type Role = "user" | "assistant";

/**
 * Whom a library is shared with.
 */
export type ShareWithType = "User" | "Workspace" | "Org";

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
    object?: string | null;
    /**
     * The entry's id.
     */
    id?: string | null;
    /**
     * When the entry was created.
     */
    createdAt?: DateTime | null;
    /**
     * When the entry was completed.
     */
    completedAt?: DateTime | null;
    /**
     * The `toolCallId` of the `function.call` this answers.
     */
    toolCallId: string;
    /**
     * The result, as a string (JSON-encode structured results).
     */
    result: string;
}

// Generated from the operation table (src/request/ops.rs) by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.

/** A file to upload: a `Blob` or `File`, bytes, or the official SDK's `{ fileName, content }`. */
export type FileInput = Blob | Uint8Array | ArrayBuffer | { fileName: string; content: Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> };

/** Arguments of `conversations.start` (POST `/v1/conversations`). */
export type ConversationsStartRequest =
| ConversationRequest
| { conversationRequest: ConversationRequest };
/** What `conversations.start` resolves to. */
export type ConversationsStartResponse = ConversationResponse;

/** Arguments of `conversations.startStream` (POST `/v1/conversations`). */
export type ConversationsStartStreamRequest =
| ConversationRequest
| { conversationRequest: ConversationRequest };
/** What `conversations.startStream` resolves to. */
export type ConversationsStartStreamResponse = EventStream;

/** Arguments of `conversations.append` (POST `/v1/conversations/{conversation_id}`). */
export type ConversationsAppendRequest =
| ({ conversationId: string } & AppendConversationRequest)
| { conversationId: string; conversationAppendRequest: AppendConversationRequest };
/** What `conversations.append` resolves to. */
export type ConversationsAppendResponse = ConversationResponse;

/** Arguments of `conversations.appendStream` (POST `/v1/conversations/{conversation_id}`). */
export type ConversationsAppendStreamRequest =
| ({ conversationId: string } & AppendConversationRequest)
| { conversationId: string; conversationAppendStreamRequest: AppendConversationRequest };
/** What `conversations.appendStream` resolves to. */
export type ConversationsAppendStreamResponse = EventStream;

/** Arguments of `conversations.restart` (POST `/v1/conversations/{conversation_id}/restart`). */
export type ConversationsRestartRequest =
| ({ conversationId: string } & RestartConversationRequest)
| { conversationId: string; conversationRestartRequest: RestartConversationRequest };
/** What `conversations.restart` resolves to. */
export type ConversationsRestartResponse = ConversationResponse;

/** Arguments of `conversations.restartStream` (POST `/v1/conversations/{conversation_id}/restart`). */
export type ConversationsRestartStreamRequest =
| ({ conversationId: string } & RestartConversationRequest)
| { conversationId: string; conversationRestartStreamRequest: RestartConversationRequest };
/** What `conversations.restartStream` resolves to. */
export type ConversationsRestartStreamResponse = EventStream;

/** Arguments of `conversations.list` (GET `/v1/conversations`). */
export interface ConversationsListRequest { page?: number | null; pageSize?: number | null; metadata?: Record<string, unknown> | null }
/** What `conversations.list` resolves to. */
export type ConversationsListResponse = Conversation[];

/** Arguments of `conversations.get` (GET `/v1/conversations/{conversation_id}`). */
export interface ConversationsGetRequest { conversationId: string }
/** What `conversations.get` resolves to. */
export type ConversationsGetResponse = Conversation;

/** Arguments of `conversations.delete` (DELETE `/v1/conversations/{conversation_id}`). */
export interface ConversationsDeleteRequest { conversationId: string }
/** What `conversations.delete` resolves to. */
export type ConversationsDeleteResponse = void;

/** Arguments of `conversations.getHistory` (GET `/v1/conversations/{conversation_id}/history`). */
export interface ConversationsGetHistoryRequest { conversationId: string }
/** What `conversations.getHistory` resolves to. */
export type ConversationsGetHistoryResponse = ConversationHistory;

/** Arguments of `conversations.getMessages` (GET `/v1/conversations/{conversation_id}/messages`). */
export interface ConversationsGetMessagesRequest { conversationId: string }
/** What `conversations.getMessages` resolves to. */
export type ConversationsGetMessagesResponse = ConversationMessages;

/** Arguments of `agents.create` (POST `/v1/agents`). */
export type AgentsCreateRequest =
| CreateAgentRequest
| { createAgentRequest: CreateAgentRequest };
/** What `agents.create` resolves to. */
export type AgentsCreateResponse = Agent;

/** Arguments of `agents.list` (GET `/v1/agents`). */
export interface AgentsListRequest { page?: number | null; pageSize?: number | null; deploymentChat?: boolean | null; sources?: string[] | null; name?: string | null; search?: string | null; id?: string | null; metadata?: Record<string, unknown> | null }
/** What `agents.list` resolves to. */
export type AgentsListResponse = Agent[];

/** Arguments of `agents.listPages` (GET `/v1/agents/pages`). */
export interface AgentsListPagesRequest { pageSize?: number | null; pageToken?: string | null; deploymentChat?: boolean | null; sources?: string[] | null; name?: string | null; search?: string | null; id?: string | null; metadata?: Record<string, unknown> | null }
/** What `agents.listPages` resolves to. */
export type AgentsListPagesResponse = AgentListPage;

/** Arguments of `agents.get` (GET `/v1/agents/{agent_id}`). */
export interface AgentsGetRequest { agentId: string; agentVersion?: number | string | null }
/** What `agents.get` resolves to. */
export type AgentsGetResponse = Agent;

/** Arguments of `agents.update` (PATCH `/v1/agents/{agent_id}`). */
export type AgentsUpdateRequest =
| ({ agentId: string } & UpdateAgentRequest)
| { agentId: string; updateAgentRequest: UpdateAgentRequest };
/** What `agents.update` resolves to. */
export type AgentsUpdateResponse = Agent;

/** Arguments of `agents.delete` (DELETE `/v1/agents/{agent_id}`). */
export interface AgentsDeleteRequest { agentId: string }
/** What `agents.delete` resolves to. */
export type AgentsDeleteResponse = void;

/** Arguments of `agents.updateVersion` (PATCH `/v1/agents/{agent_id}/version`). */
export interface AgentsUpdateVersionRequest { agentId: string; version: number }
/** What `agents.updateVersion` resolves to. */
export type AgentsUpdateVersionResponse = Agent;

/** Arguments of `agents.listVersions` (GET `/v1/agents/{agent_id}/versions`). */
export interface AgentsListVersionsRequest { agentId: string; page?: number | null; pageSize?: number | null }
/** What `agents.listVersions` resolves to. */
export type AgentsListVersionsResponse = Agent[];

/** Arguments of `agents.getVersion` (GET `/v1/agents/{agent_id}/versions/{version}`). */
export interface AgentsGetVersionRequest { agentId: string; version: string }
/** What `agents.getVersion` resolves to. */
export type AgentsGetVersionResponse = Agent;

/** Arguments of `agents.createVersionAlias` (PUT `/v1/agents/{agent_id}/aliases`). */
export interface AgentsCreateVersionAliasRequest { agentId: string; alias: string; version: number }
/** What `agents.createVersionAlias` resolves to. */
export type AgentsCreateVersionAliasResponse = AgentAliasResponse;

/** Arguments of `agents.listVersionAliases` (GET `/v1/agents/{agent_id}/aliases`). */
export interface AgentsListVersionAliasesRequest { agentId: string }
/** What `agents.listVersionAliases` resolves to. */
export type AgentsListVersionAliasesResponse = AgentAliasResponse[];

/** Arguments of `agents.deleteVersionAlias` (DELETE `/v1/agents/{agent_id}/aliases`). */
export interface AgentsDeleteVersionAliasRequest { agentId: string; alias: string }
/** What `agents.deleteVersionAlias` resolves to. */
export type AgentsDeleteVersionAliasResponse = void;

/** Arguments of `connectors.create` (POST `/v1/connectors`). */
export type ConnectorsCreateRequest =
| CreateConnectorRequest
| { createConnectorRequest: CreateConnectorRequest };
/** What `connectors.create` resolves to. */
export type ConnectorsCreateResponse = Connector;

/** Arguments of `connectors.list` (GET `/v1/connectors`). */
export interface ConnectorsListRequest { queryFilters?: Record<string, unknown> | null; active?: boolean | null; cursor?: string | null; pageSize?: number | null }
/** What `connectors.list` resolves to. */
export type ConnectorsListResponse = PaginatedConnectors;

/** Arguments of `connectors.get` (GET `/v1/connectors/{connector_id_or_name}`). */
export interface ConnectorsGetRequest { connectorIdOrName: string; fetchUserData?: boolean | null; fetchCustomerData?: boolean | null }
/** What `connectors.get` resolves to. */
export type ConnectorsGetResponse = Connector;

/** Arguments of `connectors.update` (PATCH `/v1/connectors/{connector_id}`). */
export type ConnectorsUpdateRequest =
| ({ connectorId: string } & UpdateConnectorRequest)
| { connectorId: string; requestBody: UpdateConnectorRequest };
/** What `connectors.update` resolves to. */
export type ConnectorsUpdateResponse = Connector;

/** Arguments of `connectors.delete` (DELETE `/v1/connectors/{connector_id}`). */
export interface ConnectorsDeleteRequest { connectorId: string }
/** What `connectors.delete` resolves to. */
export type ConnectorsDeleteResponse = MessageResponse;

/** Arguments of `connectors.getAuthUrl` (GET `/v1/connectors/{connector_id_or_name}/auth_url`). */
export interface ConnectorsGetAuthUrlRequest { connectorIdOrName: string; appReturnUrl?: string | null; methodType?: string | null; credentialsName?: string | null; credentialsTitle?: string | null; githubInstallationLink?: boolean | null }
/** What `connectors.getAuthUrl` resolves to. */
export type ConnectorsGetAuthUrlResponse = AuthUrlResponse;

/** Arguments of `connectors.callTool` (POST `/v1/connectors/{connector_id_or_name}/tools/{tool_name}/call`). */
export type ConnectorsCallToolRequest =
| ({ connectorIdOrName: string; toolName: string; credentialsName?: string | null } & ConnectorCallToolRequest)
| { connectorIdOrName: string; toolName: string; credentialsName?: string | null; connectorCallToolRequest: ConnectorCallToolRequest };
/** What `connectors.callTool` resolves to. */
export type ConnectorsCallToolResponse = ConnectorToolCallResponse;

/** Arguments of `connectors.listTools` (GET `/v1/connectors/{connector_id_or_name}/tools`). */
export interface ConnectorsListToolsRequest { connectorIdOrName: string; page?: number | null; pageSize?: number | null; refresh?: boolean | null; pretty?: boolean | null; credentialsName?: string | null }
/** What `connectors.listTools` resolves to. */
export type ConnectorsListToolsResponse = McpTool[];

/** Arguments of `connectors.getAuthenticationMethods` (GET `/v1/connectors/{connector_id_or_name}/authentication_methods`). */
export interface ConnectorsGetAuthenticationMethodsRequest { connectorIdOrName: string }
/** What `connectors.getAuthenticationMethods` resolves to. */
export type ConnectorsGetAuthenticationMethodsResponse = PublicAuthenticationMethod[];

/** Arguments of `connectors.listOrganizationCredentials` (GET `/v1/connectors/{connector_id_or_name}/organization/credentials`). */
export interface ConnectorsListOrganizationCredentialsRequest { connectorIdOrName: string; authType?: string | null; fetchDefault?: boolean | null }
/** What `connectors.listOrganizationCredentials` resolves to. */
export type ConnectorsListOrganizationCredentialsResponse = CredentialsResponse;

/** Arguments of `connectors.listWorkspaceCredentials` (GET `/v1/connectors/{connector_id_or_name}/workspace/credentials`). */
export interface ConnectorsListWorkspaceCredentialsRequest { connectorIdOrName: string; authType?: string | null; fetchDefault?: boolean | null }
/** What `connectors.listWorkspaceCredentials` resolves to. */
export type ConnectorsListWorkspaceCredentialsResponse = CredentialsResponse;

/** Arguments of `connectors.listUserCredentials` (GET `/v1/connectors/{connector_id_or_name}/user/credentials`). */
export interface ConnectorsListUserCredentialsRequest { connectorIdOrName: string; authType?: string | null; fetchDefault?: boolean | null }
/** What `connectors.listUserCredentials` resolves to. */
export type ConnectorsListUserCredentialsResponse = CredentialsResponse;

/** Arguments of `connectors.createCredentials` (POST `/v1/connectors/{connector_id_or_name}/{consumer_scope}/credentials`). */
export type ConnectorsCreateCredentialsRequest =
| ({ connectorIdOrName: string; consumerScope: string } & CredentialsCreateOrUpdate)
| { connectorIdOrName: string; consumerScope: string; credentialsCreateOrUpdate: CredentialsCreateOrUpdate };
/** What `connectors.createCredentials` resolves to. */
export type ConnectorsCreateCredentialsResponse = MessageResponse;

/** Arguments of `connectors.updateCredentials` (PATCH `/v1/connectors/{connector_id_or_name}/{consumer_scope}/credentials`). */
export type ConnectorsUpdateCredentialsRequest =
| ({ connectorIdOrName: string; consumerScope: string } & CredentialsCreateOrUpdate)
| { connectorIdOrName: string; consumerScope: string; credentialsCreateOrUpdate: CredentialsCreateOrUpdate };
/** What `connectors.updateCredentials` resolves to. */
export type ConnectorsUpdateCredentialsResponse = MessageResponse;

/** Arguments of `connectors.deleteAllUserCredentials` (DELETE `/v1/connectors/{connector_id_or_name}/user/credentials`). */
export interface ConnectorsDeleteAllUserCredentialsRequest { connectorIdOrName: string }
/** What `connectors.deleteAllUserCredentials` resolves to. */
export type ConnectorsDeleteAllUserCredentialsResponse = MessageResponse;

/** Arguments of `connectors.deleteOrganizationCredentials` (DELETE `/v1/connectors/{connector_id_or_name}/organization/credentials/{credentials_name}`). */
export interface ConnectorsDeleteOrganizationCredentialsRequest { connectorIdOrName: string; credentialsName: string }
/** What `connectors.deleteOrganizationCredentials` resolves to. */
export type ConnectorsDeleteOrganizationCredentialsResponse = MessageResponse;

/** Arguments of `connectors.deleteWorkspaceCredentials` (DELETE `/v1/connectors/{connector_id_or_name}/workspace/credentials/{credentials_name}`). */
export interface ConnectorsDeleteWorkspaceCredentialsRequest { connectorIdOrName: string; credentialsName: string }
/** What `connectors.deleteWorkspaceCredentials` resolves to. */
export type ConnectorsDeleteWorkspaceCredentialsResponse = MessageResponse;

/** Arguments of `connectors.deleteUserCredentials` (DELETE `/v1/connectors/{connector_id_or_name}/user/credentials/{credentials_name}`). */
export interface ConnectorsDeleteUserCredentialsRequest { connectorIdOrName: string; credentialsName: string }
/** What `connectors.deleteUserCredentials` resolves to. */
export type ConnectorsDeleteUserCredentialsResponse = MessageResponse;

/** Arguments of `connectors.share` (PUT `/v1/connectors/{connector_id}/share`). */
export interface ConnectorsShareRequest { connectorId: string }
/** What `connectors.share` resolves to. */
export type ConnectorsShareResponse = MessageResponse;

/** Arguments of `connectors.unshare` (DELETE `/v1/connectors/{connector_id}/share`). */
export interface ConnectorsUnshareRequest { connectorId: string }
/** What `connectors.unshare` resolves to. */
export type ConnectorsUnshareResponse = MessageResponse;

/** Arguments of `connectors.shareToOrganization` (PUT `/v1/connectors/{connector_id}/organization/share`). */
export interface ConnectorsShareToOrganizationRequest { connectorId: string }
/** What `connectors.shareToOrganization` resolves to. */
export type ConnectorsShareToOrganizationResponse = MessageResponse;

/** Arguments of `connectors.unshareFromOrganization` (DELETE `/v1/connectors/{connector_id}/organization/share`). */
export interface ConnectorsUnshareFromOrganizationRequest { connectorId: string }
/** What `connectors.unshareFromOrganization` resolves to. */
export type ConnectorsUnshareFromOrganizationResponse = MessageResponse;

/** Arguments of `connectors.activateForConsumer` (POST `/v1/connectors/{connector_id}/{consumer_scope}/activate`). */
export interface ConnectorsActivateForConsumerRequest { connectorId: string; consumerScope: string }
/** What `connectors.activateForConsumer` resolves to. */
export type ConnectorsActivateForConsumerResponse = MessageResponse;

/** Arguments of `connectors.deactivateForConsumer` (POST `/v1/connectors/{connector_id}/{consumer_scope}/deactivate`). */
export interface ConnectorsDeactivateForConsumerRequest { connectorId: string; consumerScope: string }
/** What `connectors.deactivateForConsumer` resolves to. */
export type ConnectorsDeactivateForConsumerResponse = MessageResponse;

/** Arguments of `libraries.list` (GET `/v1/libraries`). */
export interface LibrariesListRequest { pageSize?: number | null; pageToken?: string | null; page?: number | null; search?: string | null; filterOwnedByMe?: boolean | null }
/** What `libraries.list` resolves to. */
export type LibrariesListResponse = ListLibrariesResponse;

/** Arguments of `libraries.create` (POST `/v1/libraries`). */
export type LibrariesCreateRequest =
| CreateLibraryRequest
| { createLibraryRequest: CreateLibraryRequest };
/** What `libraries.create` resolves to. */
export type LibrariesCreateResponse = Library;

/** Arguments of `libraries.get` (GET `/v1/libraries/{library_id}`). */
export interface LibrariesGetRequest { libraryId: string }
/** What `libraries.get` resolves to. */
export type LibrariesGetResponse = Library;

/** Arguments of `libraries.update` (PATCH `/v1/libraries/{library_id}`). */
export type LibrariesUpdateRequest =
| ({ libraryId: string } & UpdateLibraryRequest)
| { libraryId: string; updateLibraryRequest: UpdateLibraryRequest };
/** What `libraries.update` resolves to. */
export type LibrariesUpdateResponse = Library;

/** Arguments of `libraries.librariesUpdateV1` (PUT `/v1/libraries/{library_id}`). */
export type LibrariesLibrariesUpdateV1Request =
| ({ libraryId: string } & UpdateLibraryRequest)
| { libraryId: string; updateLibraryRequest: UpdateLibraryRequest };
/** What `libraries.librariesUpdateV1` resolves to. */
export type LibrariesLibrariesUpdateV1Response = Library;

/** Arguments of `libraries.delete` (DELETE `/v1/libraries/{library_id}`). */
export interface LibrariesDeleteRequest { libraryId: string }
/** What `libraries.delete` resolves to. */
export type LibrariesDeleteResponse = Library;

/** Arguments of `libraries.documents.list` (GET `/v1/libraries/{library_id}/documents`). */
export interface LibrariesDocumentsListRequest { libraryId: string; search?: string | null; pageSize?: number | null; page?: number | null; filtersAttributes?: string | null; sortBy?: string | null; sortOrder?: string | null }
/** What `libraries.documents.list` resolves to. */
export type LibrariesDocumentsListResponse = ListDocumentsResponse;

/** Arguments of `libraries.documents.upload` (POST `/v1/libraries/{library_id}/documents`). */
export type LibrariesDocumentsUploadRequest =
| ({ libraryId: string } & { file: FileInput })
| { libraryId: string; requestBody: { file: FileInput } };
/** What `libraries.documents.upload` resolves to. */
export type LibrariesDocumentsUploadResponse = Document;

/** Arguments of `libraries.documents.get` (GET `/v1/libraries/{library_id}/documents/{document_id}`). */
export interface LibrariesDocumentsGetRequest { libraryId: string; documentId: string }
/** What `libraries.documents.get` resolves to. */
export type LibrariesDocumentsGetResponse = Document;

/** Arguments of `libraries.documents.update` (PATCH `/v1/libraries/{library_id}/documents/{document_id}`). */
export type LibrariesDocumentsUpdateRequest =
| ({ libraryId: string; documentId: string } & UpdateDocumentRequest)
| { libraryId: string; documentId: string; updateDocumentRequest: UpdateDocumentRequest };
/** What `libraries.documents.update` resolves to. */
export type LibrariesDocumentsUpdateResponse = Document;

/** Arguments of `libraries.documents.librariesDocumentsUpdateV1` (PUT `/v1/libraries/{library_id}/documents/{document_id}`). */
export type LibrariesDocumentsLibrariesDocumentsUpdateV1Request =
| ({ libraryId: string; documentId: string } & UpdateDocumentRequest)
| { libraryId: string; documentId: string; updateDocumentRequest: UpdateDocumentRequest };
/** What `libraries.documents.librariesDocumentsUpdateV1` resolves to. */
export type LibrariesDocumentsLibrariesDocumentsUpdateV1Response = Document;

/** Arguments of `libraries.documents.delete` (DELETE `/v1/libraries/{library_id}/documents/{document_id}`). */
export interface LibrariesDocumentsDeleteRequest { libraryId: string; documentId: string }
/** What `libraries.documents.delete` resolves to. */
export type LibrariesDocumentsDeleteResponse = void;

/** Arguments of `libraries.documents.textContent` (GET `/v1/libraries/{library_id}/documents/{document_id}/text_content`). */
export interface LibrariesDocumentsTextContentRequest { libraryId: string; documentId: string; pageStart?: number | null; pageEnd?: number | null }
/** What `libraries.documents.textContent` resolves to. */
export type LibrariesDocumentsTextContentResponse = DocumentTextContent;

/** Arguments of `libraries.documents.status` (GET `/v1/libraries/{library_id}/documents/{document_id}/status`). */
export interface LibrariesDocumentsStatusRequest { libraryId: string; documentId: string }
/** What `libraries.documents.status` resolves to. */
export type LibrariesDocumentsStatusResponse = DocumentStatus;

/** Arguments of `libraries.documents.getSignedUrl` (GET `/v1/libraries/{library_id}/documents/{document_id}/signed-url`). */
export interface LibrariesDocumentsGetSignedUrlRequest { libraryId: string; documentId: string }
/** What `libraries.documents.getSignedUrl` resolves to. */
export type LibrariesDocumentsGetSignedUrlResponse = string;

/** Arguments of `libraries.documents.extractedTextSignedUrl` (GET `/v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url`). */
export interface LibrariesDocumentsExtractedTextSignedUrlRequest { libraryId: string; documentId: string }
/** What `libraries.documents.extractedTextSignedUrl` resolves to. */
export type LibrariesDocumentsExtractedTextSignedUrlResponse = string;

/** Arguments of `libraries.documents.reprocess` (POST `/v1/libraries/{library_id}/documents/{document_id}/reprocess`). */
export interface LibrariesDocumentsReprocessRequest { libraryId: string; documentId: string }
/** What `libraries.documents.reprocess` resolves to. */
export type LibrariesDocumentsReprocessResponse = void;

/** Arguments of `libraries.accesses.list` (GET `/v1/libraries/{library_id}/share`). */
export interface LibrariesAccessesListRequest { libraryId: string }
/** What `libraries.accesses.list` resolves to. */
export type LibrariesAccessesListResponse = ListSharingResponse;

/** Arguments of `libraries.accesses.updateOrCreate` (PUT `/v1/libraries/{library_id}/share`). */
export type LibrariesAccessesUpdateOrCreateRequest =
| ({ libraryId: string } & SharingRequest)
| { libraryId: string; sharingRequest: SharingRequest };
/** What `libraries.accesses.updateOrCreate` resolves to. */
export type LibrariesAccessesUpdateOrCreateResponse = Sharing;

/** Arguments of `libraries.accesses.delete` (DELETE `/v1/libraries/{library_id}/share`). */
export type LibrariesAccessesDeleteRequest =
| ({ libraryId: string } & SharingDelete)
| { libraryId: string; sharingDelete: SharingDelete };
/** What `libraries.accesses.delete` resolves to. */
export type LibrariesAccessesDeleteResponse = Sharing;

/** Arguments of `files.retrieve` (GET `/v1/files/{file_id}`). */
export interface FilesRetrieveRequest { fileId: string }
/** What `files.retrieve` resolves to. */
export type FilesRetrieveResponse = GetFileResponse;

/** Arguments of `files.download` (GET `/v1/files/{file_id}/content`). */
export interface FilesDownloadRequest { fileId: string }
/** What `files.download` resolves to. */
export type FilesDownloadResponse = ReadableStream<Uint8Array>;

/** Arguments of `files.getSignedUrl` (GET `/v1/files/{file_id}/url`). */
export interface FilesGetSignedUrlRequest { fileId: string; expiry?: number | null }
/** What `files.getSignedUrl` resolves to. */
export type FilesGetSignedUrlResponse = FileSignedUrl;

/** Arguments of `files.upload` (POST `/v1/files`). */
export type FilesUploadRequest = { file: FileInput; expiry?: number | null; purpose?: string | null; visibility?: string | null };
/** What `files.upload` resolves to. */
export type FilesUploadResponse = FileSchema;

/** Arguments of `files.list` (GET `/v1/files`). */
export interface FilesListRequest { page?: number | null; pageSize?: number | null; includeTotal?: boolean | null; sampleType?: string[] | null; source?: string[] | null; search?: string | null; purpose?: string | null; mimetypes?: string[] | null }
/** What `files.list` resolves to. */
export type FilesListResponse = ListFilesResponse;

/** Arguments of `files.delete` (DELETE `/v1/files/{file_id}`). */
export interface FilesDeleteRequest { fileId: string }
/** What `files.delete` resolves to. */
export type FilesDeleteResponse = DeleteFileResponse;




/**
 * A WHATWG-complete `text/event-stream` parser. Feed it bytes as they arrive; each call
 * returns the events those bytes completed.
 */
export class SseDecoder {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Feeds bytes (a `Uint8Array`); returns the events they completed. Throws a `StreamError`
     * of kind `too_large` for an event over `maxBufferBytes` or when memory runs out, and an
     * `InvalidRequestError` for a chunk that is not bytes (encode text with `TextEncoder`).
     */
    feed(chunk: Uint8Array): SseEvent[];
    /**
     * Ends the stream: a pending event without its blank line is discarded, as the spec says,
     * so this returns no events; the parser is ready for a new stream afterwards.
     */
    finish(): SseEvent[];
    /**
     * Frees the parser's memory at once. Using it afterwards throws an `InvalidRequestError`.
     */
    free(): void;
    /**
     * Creates a parser. `maxBufferBytes` (default 64 MiB) caps one event's size.
     */
    constructor(options?: SseDecoderOptions);
    /**
     * The last event id seen (`""` when none, and once freed).
     */
    readonly lastEventId: string;
    /**
     * The last valid `retry` value in milliseconds, or `undefined` (also once freed).
     */
    readonly retry: number | undefined;
}
