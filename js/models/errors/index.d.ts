// Generated from js/api.js by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
export { MistralError, InvalidRequestError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, HTTPValidationError, RateLimitError, InternalServerError, ConnectionError, TimeoutError, AbortError, StreamError, SDKError, HTTPClientError, SDKValidationError, ResponseValidationError, RequestTimeoutError, RequestAbortedError, UnexpectedClientError } from "../../index.js";
