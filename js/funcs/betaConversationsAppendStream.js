// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.appendStream`, as the official SDK's `betaConversationsAppendStream`.

import { settle } from "../result.js";

export function betaConversationsAppendStream(client, request, options) {
  return settle(client.beta.conversations.appendStream(request, options));
}
