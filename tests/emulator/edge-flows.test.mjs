// The cookbook flows (./flows.mjs), unchanged but for the import, with mistral-edge's built package.
import { cookbookFlows } from "./flows.mjs";

const { Mistral, HTTPValidationError, MistralError, InvalidRequestError } = await import(
  new URL("../../pkg/node.js", import.meta.url)
);

// mistral-edge checks include + exclude before sending: InvalidRequestError, not the API's 422.
cookbookFlows({ label: "mistral-edge-client", Mistral, HTTPValidationError, MistralError, InvalidRequestError, datesAreObjects: false });
