// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.files.download`, as the official SDK's `filesDownload`.

import { settle } from "../result.js";

export function filesDownload(client, request, options) {
  return settle(client.files.download(request, options));
}
