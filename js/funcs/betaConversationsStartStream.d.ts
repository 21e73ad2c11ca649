// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Starts a conversation and resolves, as soon as the headers arrive, to a stream of events.
 * HTTP errors reject here; later failures are thrown by the iteration.
 *
 * The standalone form of `client.beta.conversations.startStream`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaConversationsStartStream(client: MistralCore, request: T.ConversationsStartStreamRequest, options?: T.RequestOptions): Promise<Result<T.ConversationsStartStreamResponse, MistralError>>;
