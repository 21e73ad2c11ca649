// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Lists agents (deprecated by Mistral in favour of `listPages`).
 *
 * The standalone form of `client.beta.agents.list`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaAgentsList(client: MistralCore, request?: T.AgentsListRequest, options?: T.RequestOptions): Promise<Result<T.AgentsListResponse, MistralError>>;
