// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.agents.get`, as the official SDK's `betaAgentsGet`.

import { settle } from "../result.js";

export function betaAgentsGet(client, request, options) {
  return settle(client.beta.agents.get(request, options));
}
