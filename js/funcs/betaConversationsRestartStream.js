// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.restartStream`, as the official SDK's `betaConversationsRestartStream`.

import { settle } from "../result.js";

export function betaConversationsRestartStream(client, request, options) {
  return settle(client.beta.conversations.restartStream(request, options));
}
