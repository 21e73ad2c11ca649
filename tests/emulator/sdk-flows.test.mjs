// The cookbook flows (./flows.mjs) with the official @mistralai/mistralai 2.7.0 SDK: proves the
// emulator's wire is what the official client expects.
import { Mistral } from "@mistralai/mistralai";
import { HTTPValidationError, MistralError } from "@mistralai/mistralai/models/errors";
import { cookbookFlows } from "./flows.mjs";

cookbookFlows({ label: "the official SDK", Mistral, HTTPValidationError, MistralError, datesAreObjects: true });
