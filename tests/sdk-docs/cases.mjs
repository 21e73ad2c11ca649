// The examples (./examples/<resource>/<operation>.<form>.ts, the official SDK's per-operation docs
// examples) and what the runner does to them before running them: which documented placeholder
// values it replaces with the seeded objects' real ids, and the import it rewrites.

import { readdirSync, readFileSync } from "node:fs";

const here = new URL("./examples/", import.meta.url);

/** The resources, in the order the docs list them (and the suite runs them). */
export const RESOURCES = ["conversations", "betaagents", "connectors", "libraries", "documents", "accesses", "files"];

/** Every example: { name: "betaagents/create.method", resource, operation, form, file, code }. */
export function listExamples(only = process.env.SDK_DOCS_ONLY) {
  const filters = only ? only.split(",").map((s) => s.trim()).filter(Boolean) : [];
  const all = [];
  for (const resource of RESOURCES) {
    for (const file of readdirSync(new URL(`${resource}/`, here)).sort()) {
      const match = file.match(/^(\w+)\.(method|func)\.ts$/);
      if (!match) continue;
      const [, operation, form] = match;
      const name = `${resource}/${operation}.${form}`;
      if (filters.length && !filters.some((f) => name.startsWith(f))) continue;
      const url = new URL(`${resource}/${file}`, here);
      all.push({ name, resource, operation, form, file: url, code: readFileSync(url, "utf8") });
    }
  }
  return all;
}

// The value each documented argument gets, by property name, from the seeded state (./seed.mjs).
// Only these keys are replaced; every other literal runs as documented.
const DEFAULTS = {
  conversationId: (s) => s.conversationId,
  fromEntryId: (s) => s.entryId,
  agentId: (s) => s.agentId,
  connectorId: (s) => s.connectorId,
  connectorIdOrName: (s) => s.connectorName,
  toolName: () => "get-tiny-image", // a tool of the reference MCP server that takes no arguments
  credentialsName: (s) => s.credentialsName,
  libraryId: (s) => s.libraryId,
  documentId: (s) => s.documentId,
  fileId: (s) => s.fileId,
  server: (s) => s.mcpUrl, // the docs name an Internet host; the emulator may only reach loopback
};

// Per example (both forms): extra keys to replace, or documented values to keep. `keep` leaves
// the docs' random UUIDs in place so that the 404 path runs too.
const OVERRIDES = {
  "betaagents/getVersion": { version: () => "1" },
  "betaagents/updateVersion": { version: () => 0 }, // the documented 157995 does not exist
  "betaagents/createVersionAlias": { alias: () => "staging", version: () => 1 }, // nor does 595141
  "betaagents/deleteVersionAlias": { alias: () => "production" },
  "connectors/create": { name: () => "docs_connector" }, // "<value>" is not a valid connector name
  "connectors/createOrUpdateOrganizationCredentials": { name: () => "docs_credentials" },
  "connectors/createOrUpdateWorkspaceCredentials": { name: () => "docs_credentials" },
  "connectors/createOrUpdateUserCredentials": { name: () => "docs_credentials" },
  "connectors/deleteAllUserCredentials": { keep: ["connectorIdOrName"] }, // unknown connector: 404
  "libraries/librariesUpdateV1": { keep: ["libraryId"] }, // unknown library: 404
  "documents/librariesDocumentsUpdateV1": { keep: ["documentId"] }, // unknown document: 404
  "accesses/delete": {}, // the documented share (an Org) does not exist: 404
};

/** The example's code with the seeded ids in place of the documented placeholders. */
export function substitute(example, seeded) {
  const key = `${example.resource}/${example.operation}`;
  const { keep = [], ...extra } = OVERRIDES[key] ?? {};
  const values = { ...DEFAULTS, ...extra };
  const replace = (whole, prop) => {
    if (!(prop in values) || keep.includes(prop)) return whole;
    return `${prop}: ${JSON.stringify(values[prop](seeded))}`;
  };
  // Strings by any key above; numbers (the docs' made-up versions) only by this example's keys.
  return example.code
    .replace(/(\b\w+): "([^"\n]*)"/g, replace)
    .replace(/(\b\w+): (\d+),/g, (whole, prop) => (prop in extra ? `${replace(whole, prop)},` : whole));
}

/** Runs the example against `specifier` instead of "@mistralai/mistralai" (sub-paths kept). */
export function rewriteImports(code, specifier) {
  if (specifier === "@mistralai/mistralai") return code;
  return code.replace(/(from\s+")@mistralai\/mistralai(\/[^"]*)?"/g, (_, from, sub = "") => `${from}${specifier}${sub}"`);
}

/**
 * The docs end with `run();`, a promise nobody awaits; the runner exports it instead, to wait
 * for it and catch what it throws. Nothing else changes.
 */
export function exportRun(code) {
  const rewritten = code.replace(/^run\(\);\s*$/m, "export const done = run();\n");
  if (rewritten === code) throw new Error("example without a final `run();`");
  return rewritten;
}
