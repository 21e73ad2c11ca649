// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.connectors.share`, as the official SDK's `betaConnectorsShare`.

import { settle } from "../result.js";

export function betaConnectorsShare(client, request, options) {
  return settle(client.beta.connectors.share(request, options));
}
