// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Lists conversations, newest first.
 *
 * The standalone form of `client.beta.conversations.list`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaConversationsList(client: MistralCore, request?: T.ConversationsListRequest, options?: T.RequestOptions): Promise<Result<T.ConversationsListResponse, MistralError>>;
