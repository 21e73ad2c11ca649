// Generated from js/api.js by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// `mistral-edge-client/models/errors`: the error classes, as the official SDK's `models/errors`;
// the very classes of the package's entry ("#entry": the same conditions as "mistral-edge-client").

export { MistralError, InvalidRequestError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, HTTPValidationError, RateLimitError, InternalServerError, ConnectionError, TimeoutError, AbortError, StreamError, SDKError, HTTPClientError, SDKValidationError, ResponseValidationError, RequestTimeoutError, RequestAbortedError, UnexpectedClientError } from "#entry";
