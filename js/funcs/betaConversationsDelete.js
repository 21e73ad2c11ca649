// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.delete`, as the official SDK's `betaConversationsDelete`.

import { settle } from "../result.js";

export function betaConversationsDelete(client, request, options) {
  return settle(client.beta.conversations.delete(request, options));
}
