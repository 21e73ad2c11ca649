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

// Where SDK 2.7.0 is stricter than its own docs, we follow the docs (shared/reference/doc-shapes.md):
// the docs' connector bodies have no `protocol` (it predates the field), which 2.7.0 rejects before
// sending; we send `protocol: "mcp"` for a `server`. Such an example must succeed with us, printing
// no error, where the SDK throws the error named; its output is not compared further.
const DOCS_SHAPE_ACCEPTED = { sdk: { name: "SDKValidationError" }, ours: { resolves: true } };

/** example name ("resource/operation.form") → [{ sdk: { name, statusCode }, ours: { instanceOf } or { resolves }, why }] */
export const ALLOWED = {
  // The docs' start examples give neither `model` nor `agentId`: the API answers 422.
  "conversations/start.method": [{ ...CHECKED_BEFORE_SENDING, why: "no model or agentId" }],
  "conversations/start.func": [{ ...CHECKED_BEFORE_SENDING, why: "no model or agentId" }],
  "conversations/startStream.method": [{ ...CHECKED_BEFORE_SENDING, why: "no model or agentId" }],
  "conversations/startStream.func": [{ ...CHECKED_BEFORE_SENDING, why: "no model or agentId" }],
  // SDK 2.7.0 has no `updateConnectorRequest` wrapper (the docs' 2.6.1 shape) and refuses it before
  // sending, as we do: both are pre-send validation errors (ours also stands for the API's 422).
  "connectors/update.method": [{ sdk: { name: "SDKValidationError" }, ours: { instanceOf: "SDKValidationError" }, why: "the docs' wrapper is not in 2.7.0" }],
  "connectors/update.func": [{ sdk: { name: "SDKValidationError" }, ours: { instanceOf: "SDKValidationError" }, why: "the docs' wrapper is not in 2.7.0" }],
  "connectors/create.method": [{ ...DOCS_SHAPE_ACCEPTED, why: "the docs' body has no protocol" }],
  "connectors/create.func": [{ ...DOCS_SHAPE_ACCEPTED, why: "the docs' body has no protocol" }],
};

/** The rules that apply to one example. */
export function allowedFor(name) {
  return ALLOWED[name] ?? [];
}
