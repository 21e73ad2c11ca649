// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.getHistory`, as the official SDK's `betaConversationsGetHistory`.

import { settle } from "../result.js";

export function betaConversationsGetHistory(client, request, options) {
  return settle(client.beta.conversations.getHistory(request, options));
}
