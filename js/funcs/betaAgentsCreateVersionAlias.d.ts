// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
import type { MistralCore, Result } from "../core.js";
import type { MistralError } from "../index.js";
import type * as T from "../mistral_edge.js";

/**
 * Points an alias (such as `production`) at a version, creating it if needed.
 *
 * The standalone form of `client.beta.agents.createVersionAlias`: resolves to `{ ok: true, value }` or
 * `{ ok: false, error }` and never rejects.
 */
export declare function betaAgentsCreateVersionAlias(client: MistralCore, request: T.AgentsCreateVersionAliasRequest, options?: T.RequestOptions): Promise<Result<T.AgentsCreateVersionAliasResponse, MistralError>>;
