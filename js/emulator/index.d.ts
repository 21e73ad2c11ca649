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

/** A request as `/__emulator/requests` records it. */
export interface EmulatorRequest {
  id: string;
  method: string;
  path: string;
  [key: string]: unknown;
}

/** What `/__emulator/stats` counts. */
export interface EmulatorStats {
  requests: number;
  streams_started: number;
  streams_completed: number;
  streams_closed_early: number;
  streams_dropped: number;
  streams_open: number;
}

/** A fresh emulator (the wasm loads once per process; each call gets its own state). */
export function createEmulator(): Promise<Emulator>;
export default createEmulator;
