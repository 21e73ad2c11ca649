// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Branches a conversation from one of its entries into a new conversation.
 *
 * The standalone form of `client.beta.conversations.restart`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaConversationsRestart(client: MistralCore, request: T.ConversationsRestartRequest, options?: T.RequestOptions): Promise<Result<T.ConversationsRestartResponse, MistralError>>;
