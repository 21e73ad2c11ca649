// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type * as T from "../mistral_edge.js";

/**
 * The beta APIs of this entry: conversations.
 */
export declare class Beta {
    private constructor();
    /**
     * Conversations with models and agents.
     */
    readonly conversations: Conversations;
}

/**
 * Conversations: start, append to, branch and read them, streamed or not.
 */
export declare class Conversations {
    private constructor();
    /**
     * Starts a conversation with a model or an agent and resolves to the whole response.
     */
    start(request: T.ConversationsStartRequest, options?: T.RequestOptions): Promise<T.ConversationsStartResponse>;
    /**
     * Starts a conversation and resolves, as soon as the headers arrive, to a stream of events.
     * HTTP errors reject here; later failures are thrown by the iteration.
     */
    startStream(request: T.ConversationsStartStreamRequest, options?: T.RequestOptions): Promise<T.ConversationsStartStreamResponse>;
    /**
     * Appends inputs (messages, function results) to a conversation.
     */
    append(request: T.ConversationsAppendRequest, options?: T.RequestOptions): Promise<T.ConversationsAppendResponse>;
    /**
     * Appends inputs and streams the response.
     */
    appendStream(request: T.ConversationsAppendStreamRequest, options?: T.RequestOptions): Promise<T.ConversationsAppendStreamResponse>;
    /**
     * Branches a conversation from one of its entries into a new conversation.
     */
    restart(request: T.ConversationsRestartRequest, options?: T.RequestOptions): Promise<T.ConversationsRestartResponse>;
    /**
     * Branches a conversation and streams the response.
     */
    restartStream(request: T.ConversationsRestartStreamRequest, options?: T.RequestOptions): Promise<T.ConversationsRestartStreamResponse>;
}
