// mistral-edge-client/emulator in workerd (Cloudflare Workers) and edge runtimes, which import
// a .wasm file as a compiled WebAssembly.Module.
import wasmModule from "./mistral_emulator_wasm_bg.wasm";
import { emulatorFactory } from "./emulator.js";

export const createEmulator = emulatorFactory(() => wasmModule);
export default createEmulator;
