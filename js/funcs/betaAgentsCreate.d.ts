// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Creates an agent: a model with instructions, tools and completion arguments.
 *
 * The standalone form of `client.beta.agents.create`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaAgentsCreate(client: MistralCore, request: T.AgentsCreateRequest, options?: T.RequestOptions): Promise<Result<T.AgentsCreateResponse, MistralError>>;
