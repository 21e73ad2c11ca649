// The cookbook flows (./flows.mjs) with the official @mistralai/mistralai 2.7.0 SDK against
// `npx mistral-edge-client emulator` (the npm package's bin: the emulator's wasm core behind Node's
// http server), as sdk-flows.test.mjs runs them against the cargo binary.
import { Mistral } from "@mistralai/mistralai";
import { HTTPValidationError, MistralError } from "@mistralai/mistralai/models/errors";
import { cookbookFlows } from "./flows.mjs";
import { startNpxEmulator } from "./harness.mjs";

cookbookFlows({ label: "the official SDK (npx server)", Mistral, HTTPValidationError, MistralError, datesAreObjects: true, start: startNpxEmulator });
