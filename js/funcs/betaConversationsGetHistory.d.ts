// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Every entry of a conversation, tool executions and function calls included.
 *
 * The standalone form of `client.beta.conversations.getHistory`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaConversationsGetHistory(client: MistralCore, request: T.ConversationsGetHistoryRequest, options?: T.RequestOptions): Promise<Result<T.ConversationsGetHistoryResponse, MistralError>>;
