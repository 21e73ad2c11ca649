// The page's shared state, the client, and a tiny change notifier. Every module reads `state`;
// whoever changes it calls `emit(topic)` so the others can redraw.
// The client every panel uses; set once by `connect` (backend.js) before the panels start: the
// demo server's /api, or the emulator inside the page.
export let client = null;

/** Sets the page's client (backend.js, once at start). */
export function setClient(next) {
  client = next;
}

export const MODELS = ["mistral-medium-latest", "mistral-large-latest", "mistral-small-latest", "magistral-medium-latest"];

export const state = {
  /**
   * `{ mode: "emulator" | "live", api, inPage?, sampleMcpServer? }`: from the demo server, or
   * `{ mode: "emulator", api: "in-page emulator", inPage: true }` when the emulator runs in the page.
   */
  config: { mode: "emulator", api: "local emulator" },
  /** Who answers: `{ kind: "model", id }` or `{ kind: "agent", id, name, tools }`. */
  target: { kind: "model", id: MODELS[0] },
  agents: [],
  conversationId: null,
  /** Set by "restart from here": `{ conversationId, entryId, label }`. */
  branch: null,
  /** The turn being streamed, or null. */
  busy: null,
  /** Built-in tool toggles and the page's functions. */
  toggles: { web_search: false, code_interpreter: false, image_generation: false, document_library: false, functions: false },
  /** `{ id, name }` of the demo's library, and its documents. */
  library: null,
  documents: [],
  /** id → `{ connector, tools: McpTool[], use: bool, mode: "include" | "exclude", picked: Set<string> }` */
  connectors: new Map(),
  /** Emulator only: pace of tokens and a one-shot fault for the next message. */
  simulate: { delayMs: 20, fault: "" },
};

const listeners = new Map();

export function on(topic, listener) {
  if (!listeners.has(topic)) listeners.set(topic, new Set());
  listeners.get(topic).add(listener);
}

export function emit(topic, detail) {
  for (const listener of listeners.get(topic) ?? []) listener(detail);
}
