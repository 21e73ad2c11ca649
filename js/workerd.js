// Cloudflare Workers and other edge runtimes that forbid compiling wasm from bytes: the
// bundler hands over a precompiled WebAssembly.Module for the .wasm import.
import wasmModule from "./mistral_edge_bg.wasm";
import { initSync } from "./mistral_edge.js";

initSync({ module: wasmModule });

export * from "./api.js";
export { default } from "./api.js";
