// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Gets an agent, at its active version or at `agentVersion` (a number or an alias).
 *
 * The standalone form of `client.beta.agents.get`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaAgentsGet(client: MistralCore, request: T.AgentsGetRequest, options?: T.RequestOptions): Promise<Result<T.AgentsGetResponse, MistralError>>;
