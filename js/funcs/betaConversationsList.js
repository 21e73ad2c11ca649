// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.list`, as the official SDK's `betaConversationsList`.

import { settle } from "../result.js";

export function betaConversationsList(client, request, options) {
  return settle(client.beta.conversations.list(request, options));
}
