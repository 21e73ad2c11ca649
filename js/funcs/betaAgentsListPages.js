// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.agents.listPages`, as the official SDK's `betaAgentsListPages`.

import { settleIterator } from "../result.js";

export function betaAgentsListPages(client, request, options) {
  return settleIterator(client.beta.agents.listPages(request, options));
}
