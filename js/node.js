// Node: Node's fetch cannot read file: URLs, so the wasm bytes are read from disk.
import { readFileSync } from "node:fs";
import { initSync } from "./mistral_edge.js";

initSync({ module: readFileSync(new URL("./mistral_edge_bg.wasm", import.meta.url)) });

export * from "./api.js";
export { default } from "./api.js";
