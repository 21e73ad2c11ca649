// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.files.delete`, as the official SDK's `filesDelete`.

import { settle } from "../result.js";

export function filesDelete(client, request, options) {
  return settle(client.files.delete(request, options));
}
