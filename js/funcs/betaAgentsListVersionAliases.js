// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.agents.listVersionAliases`, as the official SDK's `betaAgentsListVersionAliases`.

import { settle } from "../result.js";

export function betaAgentsListVersionAliases(client, request, options) {
  return settle(client.beta.agents.listVersionAliases(request, options));
}
