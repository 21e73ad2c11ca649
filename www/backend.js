// Where the page's requests go. Served by `make demo` (scripts/demo.mjs), the page talks to its
// /api, which leads to the emulator or, with the key on the server, to api.mistral.ai. Served by any
// static host (scripts/static-demo.mjs stages one), there is no /api: the emulator runs inside the
// page instead (`mistral-edge-client/emulator`, its core in wasm), and the page still holds no key.
// `?backend=inpage` picks the in-page emulator even where a demo server answers.
import Mistral from "./pkg/index.js";
import { setClient, state } from "./state.js";

/** The demo server's config (`/demo-config.json`), or null when no demo server served the page. */
async function serverConfig() {
  try {
    const response = await fetch(new URL("demo-config.json", document.baseURI), { cache: "no-store" });
    if (!response.ok) return null;
    const config = await response.json();
    return typeof config?.mode === "string" ? config : null;
  } catch {
    // Not JSON (a static host's fallback page) or no answer at all.
    return null;
  }
}

/** Starts the emulator in the page: a client whose `fetch` is the emulator's. */
async function inPage() {
  const { createEmulator } = await import("./pkg/emulator/index.js");
  const emulator = await createEmulator();
  state.config = { mode: "emulator", api: "in-page emulator", inPage: true };
  // The emulator wants a bearer token, any one: this is not a key, and nothing leaves the page.
  // Any URL but the real API's (the client refuses to send a key there from a browser): the
  // emulator ignores the host.
  setClient(new Mistral({ apiKey: "in-page-emulator", serverURL: "http://emulator.invalid", fetch: emulator.fetch }));
}

/** Picks the backend and sets `state.config` and the client; call once, before the panels start. */
export async function connect() {
  const wanted = new URLSearchParams(location.search).get("backend");
  const config = wanted === "inpage" ? null : await serverConfig();
  if (!config) return inPage();
  state.config = config;
  // The demo server proxies /api and adds the key itself: the page never holds one.
  setClient(new Mistral({ serverURL: `${location.origin}/api` }));
}
