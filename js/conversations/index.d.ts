// Types of the `mistral-edge-client/conversations` entry: the conversation calls only (start, append,
// restart and their streams), with the same types as the whole client.
// Types only: the classes declared there (`SseDecoder`) are the whole client's exports.
export type * from "../mistral_edge.js";
export { Beta, Conversations } from "./resources.js";
export {
  MistralError, InvalidRequestError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError,
  NotFoundError, ConflictError, HTTPValidationError, RateLimitError, InternalServerError, ConnectionError,
  TimeoutError, AbortError, StreamError, SDKError, HTTPClientError, SDKValidationError, ResponseValidationError,
  RequestTimeoutError, RequestAbortedError, UnexpectedClientError,
} from "../index.js";
export type { ValidationIssue } from "../index.js";
import type { MistralOptions } from "../mistral_edge.js";
import type { Beta } from "./resources.js";

/**
 * The Mistral API client, conversations only: a smaller download for apps that only converse.
 * For agents, connectors, libraries and files, import `mistral-edge-client`.
 *
 * ```js
 * import Mistral from "mistral-edge-client/conversations";
 * const client = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
 * ```
 */
export declare class Mistral {
    /**
     * Creates a client. Without `apiKey`, `MISTRAL_API_KEY` from the environment is used where
     * there is one. In a browser, a key aimed at Mistral's servers is refused unless
     * `dangerouslyAllowBrowser` is set: point `serverURL` at your own backend instead.
     */
    constructor(options?: MistralOptions);
    /**
     * The beta APIs of this entry: conversations.
     */
    readonly beta: Beta;
}
export default Mistral;
