// The surface of the `mistral-edge-client/conversations` entry: the client with `beta.conversations`
// (start, append, restart and their streams) and nothing else, over a wasm built with only those
// operations (the `conversations-only` feature). Everything it exports behaves as in the whole
// client; its errors pass `instanceof` checks against the whole client's classes too. Left out to
// stay small: `HTTPClient` (import it from `mistral-edge-client/lib/http.js`; the `httpClient`
// option works) and the `debugLogger` option (refused by name).
import { configure } from "./mistral_edge.js";
import { Beta } from "./resources.js";
import { useOptions, useRedaction } from "./__SNIPPET_DIR__/transport.js";
import { callOptions, readOptions } from "./options.js";
import * as redaction from "./redact.js";

// No error shows a credential its request carried (js/redact.js); a call's options are read by
// js/options.js.
useRedaction(redaction);
useOptions(callOptions);

export class Mistral {
  constructor(options) {
    // `false`: no `debugLogger` in this entry (it is refused by name).
    this.beta = new Beta(configure(readOptions(options, false)));
  }
}

export { Beta, Conversations } from "./resources.js";
export {
  MistralError, InvalidRequestError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError,
  NotFoundError, ConflictError, HTTPValidationError, RateLimitError, InternalServerError, ConnectionError,
  TimeoutError, AbortError, StreamError, SDKError, HTTPClientError, SDKValidationError, ResponseValidationError,
  RequestTimeoutError, RequestAbortedError, UnexpectedClientError,
} from "./__SNIPPET_DIR__/errors.js";
export { EventStream } from "./__SNIPPET_DIR__/event-stream.js";
export default Mistral;
