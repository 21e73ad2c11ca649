// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.agents.create`, as the official SDK's `betaAgentsCreate`.

import { settle } from "../result.js";

export function betaAgentsCreate(client, request, options) {
  return settle(client.beta.agents.create(request, options));
}
