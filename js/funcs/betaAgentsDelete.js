// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.agents.delete`, as the official SDK's `betaAgentsDelete`.

import { settle } from "../result.js";

export function betaAgentsDelete(client, request, options) {
  return settle(client.beta.agents.delete(request, options));
}
