// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.create`, as the official SDK's `betaConnectorsCreate`.

import { settle } from "../result.js";

export function betaConnectorsCreate(client, request, options) {
  return settle(client.beta.connectors.create(request, options));
}
