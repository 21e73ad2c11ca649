// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.callTool`, as the official SDK's `betaConnectorsCallTool`.

import { settle } from "../result.js";

export function betaConnectorsCallTool(client, request, options) {
  return settle(client.beta.connectors.callTool(request, options));
}
