// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.delete`, as the official SDK's `betaConnectorsDelete`.

import { settle } from "../result.js";

export function betaConnectorsDelete(client, request, options) {
  return settle(client.beta.connectors.delete(request, options));
}
