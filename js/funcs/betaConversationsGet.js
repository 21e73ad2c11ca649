// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.get`, as the official SDK's `betaConversationsGet`.

import { settle } from "../result.js";

export function betaConversationsGet(client, request, options) {
  return settle(client.beta.conversations.get(request, options));
}
