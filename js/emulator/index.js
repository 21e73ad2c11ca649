// mistral-edge-client/emulator in browsers, Deno and bundlers: the wasm is fetched next to this
// module (a bundler that understands `new URL(..., import.meta.url)` copies it).
import { emulatorFactory } from "./emulator.js";

export const createEmulator = emulatorFactory(async () => {
  const response = await fetch(new URL("./mistral_emulator_wasm_bg.wasm", import.meta.url));
  if (!response.ok) throw new Error(`could not load the emulator's wasm: HTTP ${response.status}`);
  return response.arrayBuffer();
});
export default createEmulator;
