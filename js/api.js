// The package's public surface, shared by every entry point (node.js, deno.js, workerd.js, index.js).
// The error and stream classes come from wasm-bindgen's copies of js/*.js (the build rewrites
// these two paths), so `instanceof` sees the very classes Rust instantiates.
import { Mistral } from "./mistral_edge.js";

export { Mistral, Beta, Conversations, SseDecoder } from "./mistral_edge.js";
export {
  MistralError, InvalidRequestError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError,
  NotFoundError, ConflictError, HTTPValidationError, RateLimitError, InternalServerError, ConnectionError,
  TimeoutError, AbortError, StreamError,
} from "./__SNIPPET_DIR__/errors.js";
export { EventStream } from "./__SNIPPET_DIR__/event-stream.js";
export default Mistral;
