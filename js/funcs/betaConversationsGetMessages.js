// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.getMessages`, as the official SDK's `betaConversationsGetMessages`.

import { settle } from "../result.js";

export function betaConversationsGetMessages(client, request, options) {
  return settle(client.beta.conversations.getMessages(request, options));
}
