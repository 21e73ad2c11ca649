// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.startStream`, as the official SDK's `betaConversationsStartStream`.

import { settle } from "../result.js";

export function betaConversationsStartStream(client, request, options) {
  return settle(client.beta.conversations.startStream(request, options));
}
