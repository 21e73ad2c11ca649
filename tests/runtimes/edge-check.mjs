// Vercel edge-runtime: bundled to a script ("edge-light" condition); the .wasm import becomes the
// WebAssembly.Module the harness compiled inside the VM's realm, as Vercel's bundler provides one.
import * as mod from "mistral-edge-client";
import { MistralCore } from "mistral-edge-client/core.js";
import { betaConversationsStart } from "mistral-edge-client/funcs/betaConversationsStart.js";
import { betaConversationsAppend } from "mistral-edge-client/funcs/betaConversationsAppend.js";
import * as errors from "mistral-edge-client/models/errors";
import { runChecks } from "./check.mjs";

const standalone = { MistralCore, betaConversationsStart, betaConversationsAppend, errors };

globalThis.__runChecks = (serverURL) => runChecks(mod, serverURL, { standalone });
