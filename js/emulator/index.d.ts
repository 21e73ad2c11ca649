/** One in-process emulator of Mistral's API (see `createEmulator`). */
export interface Emulator {
  /**
   * Answers a request as the API would, from this emulator's state: takes what the global `fetch`
   * takes (a relative URL such as `"/v1/agents"` included) and returns a `Response` whose body
   * streams. The `x-emulator-fault` header injects faults; `/__emulator/...` observes.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Forgets everything: conversations, agents, files, connectors, libraries, fault counters, recorded requests. */
  reset(): void;
  /** The last 500 requests the emulator saw, oldest first (keys and tokens redacted). */
  requests(): Promise<EmulatorRequest[]>;
  /** Forgets the recorded requests. */
  forgetRequests(): Promise<void>;
  /** Counters since the start (or the last reset). */
  stats(): Promise<EmulatorStats>;
}

/**
 * A request as `/__emulator/requests` records it, its keys in camelCase (`headers` and `json` hold
 * what was sent, verbatim).
 */
export interface EmulatorRequest {
  /** The `x-request-id` of its response. */
  id: string;
  /** `GET`, `POST`, ... */
  method: string;
  /** The path with its query string, as sent. */
  path: string;
  /** Header names (lower case) and values; `authorization` is left out, `cookie` redacted. */
  headers: Record<string, string>;
  /** The `Authorization` header's scheme and the SHA-256 (hex) of its credential; null without one. */
  authorization: { scheme: string; sha256: string } | null;
  /** The body as text, secrets redacted; null when there was none. */
  body: string | null;
  /** The body's size in bytes. */
  bodyBytes: number;
  /** Whether `body` holds only the body's first bytes. */
  bodyTruncated: boolean;
  /** The body parsed as JSON (secrets redacted), when it is JSON. */
  json?: unknown;
}

/** What `/__emulator/stats` counts, in camelCase. */
export interface EmulatorStats {
  /** Requests seen (the `/__emulator/...` ones excepted). */
  requests: number;
  /** Event streams started. */
  streamsStarted: number;
  /** Streams sent to their end. */
  streamsCompleted: number;
  /** Streams the reader closed before their end. */
  streamsClosedEarly: number;
  /** Streams a `drop-after` fault cut. */
  streamsDropped: number;
  /** Streams still being sent. */
  streamsOpen: number;
}

/** A fresh emulator (the wasm loads once per process; each call gets its own state). */
export function createEmulator(): Promise<Emulator>;
export default createEmulator;
