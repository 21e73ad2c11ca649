// The differences from the official SDK that this package makes on purpose (README: "Differences
// from the official SDK worth knowing when you switch"), each for the examples it shows in and why.
// An entry only lets our error stand for the SDK's error it names (same position in the output);
// everything else must be equal.

// Requests are checked before they are sent: where the SDK sends a request the API rejects with a
// 422, we throw an InvalidRequestError naming the field, without a round trip.
const CHECKED_BEFORE_SENDING = {
  sdk: { name: "HTTPValidationError", statusCode: 422 },
  ours: { instanceOf: "InvalidRequestError" },
};

/** example name ("resource/operation.form") → [{ sdk: { name, statusCode }, ours: { instanceOf }, why }] */
export const ALLOWED = {
  // The docs' start examples give neither `model` nor `agentId`: the API answers 422.
  "conversations/start.method": [{ ...CHECKED_BEFORE_SENDING, why: "no model or agentId" }],
  "conversations/start.func": [{ ...CHECKED_BEFORE_SENDING, why: "no model or agentId" }],
  "conversations/startStream.method": [{ ...CHECKED_BEFORE_SENDING, why: "no model or agentId" }],
  "conversations/startStream.func": [{ ...CHECKED_BEFORE_SENDING, why: "no model or agentId" }],
};

/** The rules that apply to one example. */
export function allowedFor(name) {
  return ALLOWED[name] ?? [];
}
