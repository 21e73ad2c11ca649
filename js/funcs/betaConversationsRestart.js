// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.restart`, as the official SDK's `betaConversationsRestart`.

import { settle } from "../result.js";

export function betaConversationsRestart(client, request, options) {
  return settle(client.beta.conversations.restart(request, options));
}
