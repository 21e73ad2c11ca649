// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.list`, as the official SDK's `betaConnectorsList`.

import { settlePages } from "../result.js";

export function betaConnectorsList(client, request, options) {
  return settlePages(client.beta.connectors.list(request, options));
}
