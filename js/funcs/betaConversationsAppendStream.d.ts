// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Appends inputs and streams the response.
 *
 * The standalone form of `client.beta.conversations.appendStream`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaConversationsAppendStream(client: MistralCore, request: T.ConversationsAppendStreamRequest, options?: T.RequestOptions): Promise<Result<T.ConversationsAppendStreamResponse, MistralError>>;
