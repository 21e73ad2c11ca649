// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Starts a conversation with a model or an agent and resolves to the whole response.
 *
 * The standalone form of `client.beta.conversations.start`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaConversationsStart(client: MistralCore, request: T.ConversationsStartRequest, options?: T.RequestOptions): Promise<Result<T.ConversationsStartResponse, MistralError>>;
