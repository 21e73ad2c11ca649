// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.agents.list`, as the official SDK's `betaAgentsList`.

import { settle } from "../result.js";

export function betaAgentsList(client, request, options) {
  return settle(client.beta.agents.list(request, options));
}
