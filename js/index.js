// Browsers, Bun and bundlers: fetch and instantiate the wasm next to this file.
import init from "./mistral_edge.js";

await init({ module_or_path: new URL("./mistral_edge_bg.wasm", import.meta.url) });

export * from "./api.js";
export { default } from "./api.js";
