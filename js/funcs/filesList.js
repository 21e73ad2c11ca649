// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.files.list`, as the official SDK's `filesList`.

import { settle } from "../result.js";

export function filesList(client, request, options) {
  return settle(client.files.list(request, options));
}
