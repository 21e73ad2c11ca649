// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.files.upload`, as the official SDK's `filesUpload`.

import { settle } from "../result.js";

export function filesUpload(client, request, options) {
  return settle(client.files.upload(request, options));
}
