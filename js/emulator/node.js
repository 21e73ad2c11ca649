// mistral-edge-client/emulator in Node and Bun: the wasm is read from the package's folder.
import { readFileSync } from "node:fs";
import { emulatorFactory } from "./emulator.js";

export const createEmulator = emulatorFactory(() =>
  readFileSync(new URL("./mistral_emulator_wasm_bg.wasm", import.meta.url)),
);
export default createEmulator;
