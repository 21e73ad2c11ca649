// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The standalone form of `client.beta.conversations.append`, as the official SDK's `betaConversationsAppend`.

import { settle } from "../result.js";

export function betaConversationsAppend(client, request, options) {
  return settle(client.beta.conversations.append(request, options));
}
