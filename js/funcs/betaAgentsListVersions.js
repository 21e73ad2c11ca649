// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.agents.listVersions`, as the official SDK's `betaAgentsListVersions`.

import { settle } from "../result.js";

export function betaAgentsListVersions(client, request, options) {
  return settle(client.beta.agents.listVersions(request, options));
}
