// The package's public surface, shared by every entry point (node.js, deno.js, workerd.js, index.js).
// The error and stream classes come from wasm-bindgen's copies of js/*.js (the build rewrites
// these two paths), so `instanceof` sees the very classes Rust instantiates.
import { Mistral } from "./client.js";
import { Conversations } from "./resources.js";
import { Guard, stringifyArgs, useFiles, useLogging, useOptions, useRedaction } from "./__SNIPPET_DIR__/transport.js";
import * as files from "./files.js";
import { callOptions } from "./options.js";
import {
  AbortError, ConnectionError, InvalidRequestError, MistralError, ResponseValidationError, TimeoutError,
} from "./__SNIPPET_DIR__/errors.js";
import { addRunLoop, RunStream } from "./run.js";
import * as logging from "./log.js";
import * as redaction from "./redact.js";

// No error shows a credential its request carried (js/redact.js); a call's options are read by
// js/options.js.
useRedaction(redaction);
useOptions(callOptions);
// The `debugLogger` option's code, and uploads and downloads (the conversations entry has neither).
useLogging(logging);
useFiles(files);

// `run` and `runStream`: the run loop (js/run.js; the conversations entry leaves it out).
addRunLoop(Conversations.prototype, {
  AbortError, ConnectionError, InvalidRequestError, MistralError, ResponseValidationError, TimeoutError, Guard,
  stringifyArgs,
});

export { Mistral };
export {
  Beta, Conversations, Agents, Connectors, Libraries, LibraryDocuments, LibraryAccesses, Files,
} from "./resources.js";
export { SseDecoder } from "./mistral_edge.js";
export { PagePromise } from "./pages.js";
export { RunStream };
export {
  MistralError, InvalidRequestError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError,
  NotFoundError, ConflictError, HTTPValidationError, RateLimitError, InternalServerError, ConnectionError,
  TimeoutError, AbortError, StreamError, SDKError, HTTPClientError, SDKValidationError, ResponseValidationError,
  RequestTimeoutError, RequestAbortedError, UnexpectedClientError,
} from "./__SNIPPET_DIR__/errors.js";
export { HTTPClient } from "./http.js";
export { EventStream } from "./__SNIPPET_DIR__/event-stream.js";
export default Mistral;
