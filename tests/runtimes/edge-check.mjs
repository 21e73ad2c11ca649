// Vercel edge-runtime: bundled to a script ("edge-light" condition); the .wasm import becomes the
// WebAssembly.Module the harness compiled inside the VM's realm, as Vercel's bundler provides one.
import * as mod from "mistral-edge-client";
import { runChecks } from "./check.mjs";

globalThis.__runChecks = (serverURL) => runChecks(mod, serverURL);
