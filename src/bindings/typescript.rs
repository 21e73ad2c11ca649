//! TypeScript declarations that are not generated from Rust types: options, the official SDK's
//! wrapped call shapes, and the stream item.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const DECLARATIONS: &str = r#"
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
"#;
