// The standalone functions (`core.js`, `funcs/*.js`) and `models/errors` / `models/components`
// through the built package (pkg/), against mistral-emulator on 127.0.0.1: the official SDK's
// names and module paths, the `{ ok, value }` / `{ ok: false, error }` Results with this package's
// error classes, streams and pagination in function form, and one wasm and one set of classes
// shared with the entry.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../emulator/harness.mjs";

const pkgDir = fileURLToPath(new URL("../../pkg/", import.meta.url));
const sdkDir = fileURLToPath(new URL("../../node_modules/@mistralai/mistralai/esm/", import.meta.url));
const entry = await import(new URL("../../pkg/node.js", import.meta.url));
const { MistralCore } = await import(new URL("../../pkg/core.js", import.meta.url));
const modelErrors = await import(new URL("../../pkg/models/errors/index.js", import.meta.url));
const components = await import(new URL("../../pkg/models/components/index.js", import.meta.url));
const { Mistral, MistralError, InvalidRequestError, NotFoundError, InternalServerError, StreamError, EventStream } = entry;

const names = readdirSync(`${pkgDir}funcs`).filter((f) => f.endsWith(".js")).map((f) => f.slice(0, -3));
/** Every standalone function of the package, by name. */
const fn = {};
for (const name of names) fn[name] = (await import(new URL(`../../pkg/funcs/${name}.js`, import.meta.url)))[name];

const KEY = "sk-standalone-test-key-0123456789";
let emu;
let core;
const errors = []; // every error a Result carried: none may hold the key

/** The value of a successful Result, which must have exactly the SDK's keys. */
function value(result) {
  assert.equal(result.ok, true, `expected ok, got ${result.error?.constructor?.name}: ${result.error?.message}`);
  // A page of a PageIterator also has `next` and, before the last page, the SDK's `~next` cursor.
  assert.deepEqual(Object.keys(result).filter((k) => k !== "next" && k !== "~next"), ["ok", "value"]);
  return result.value;
}

/** The error of a failed Result, an instance of `Class`. */
function failure(result, Class) {
  assert.equal(result.ok, false, "expected an error Result");
  assert.deepEqual(Object.keys(result).filter((k) => k !== "next"), ["ok", "error"]);
  errors.push(result.error);
  assert.ok(result.error instanceof Class, `expected ${Class.name}, got ${result.error?.constructor?.name}: ${result.error?.message}`);
  return result.error;
}

before(async () => {
  emu = await startEmulator();
  core = new MistralCore({ apiKey: KEY, serverURL: emu.url, retryConfig: { strategy: "none" } });
});
after(async () => {
  for (const error of errors) {
    const seen = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    assert.ok(!seen.includes(KEY), `the API key leaked into ${error.constructor.name}: ${seen}`);
  }
  await emu.close();
});

describe("the modules", () => {
  test("every function has the official SDK's name, and every SDK function of a method this package has exists", () => {
    const sdk = new Set(readdirSync(`${sdkDir}funcs`).filter((f) => f.endsWith(".js")).map((f) => f.slice(0, -3)));
    assert.ok(names.length >= 70, `${names.length} functions`);
    for (const name of names) {
      assert.ok(sdk.has(name), `the official SDK has no ${name}`);
      assert.equal(typeof fn[name], "function", `funcs/${name}.js exports no ${name}`);
    }
    // `betaLibrariesDocumentsUpload` → client.beta.libraries.documents.upload, if this package has that method.
    const client = new Mistral({ apiKey: KEY, serverURL: emu.url });
    const method = (name) => {
      let target = client;
      let rest = name;
      for (;;) {
        const key = Object.keys(target).find((k) => rest.toLowerCase().startsWith(k.toLowerCase()) && rest.length > k.length);
        if (!key) break;
        target = target[key];
        rest = rest.slice(key.length);
      }
      const m = rest[0].toLowerCase() + rest.slice(1);
      return typeof target[m] === "function" && target !== client ? m : null;
    };
    const ours = [...sdk].filter((n) => /^(betaConversations|betaAgents|betaConnectors|betaLibraries|files)[A-Z]/.test(n));
    const missing = ours.filter((n) => method(n) && !names.includes(n));
    assert.deepEqual(missing, [], "methods without their function");
    assert.ok(method("betaLibrariesDocumentsUpload") && method("filesRetrieve") && !method("betaObservabilityJudgesList"));
  });

  test("MistralCore is the entry's Mistral; models/errors holds the entry's very classes", () => {
    assert.ok(core instanceof Mistral);
    assert.equal(Object.getPrototypeOf(MistralCore), Mistral);
    for (const [name, Class] of Object.entries(modelErrors)) {
      assert.equal(Class, entry[name], `models/errors ${name} is not the entry's`);
      assert.ok(Class === MistralError || MistralError.prototype.isPrototypeOf(Class.prototype), `${name} is no MistralError`);
    }
    for (const name of ["MistralError", "NotFoundError", "HTTPValidationError", "StreamError"]) assert.ok(name in modelErrors, name);
    // Everything the entry exports that is an error class is there.
    const entryErrors = Object.keys(entry).filter((k) => entry[k] === MistralError || MistralError.prototype.isPrototypeOf(entry[k]?.prototype));
    assert.deepEqual(Object.keys(modelErrors).sort(), entryErrors.sort());
  });

  test("models/components: the SDK's enum objects, with its keys and values; its type names are the SDK's", async () => {
    const sdk = await import(new URL("../../node_modules/@mistralai/mistralai/esm/models/components/index.js", import.meta.url));
    assert.ok(Object.keys(components).length >= 20);
    for (const [name, values] of Object.entries(components)) {
      assert.deepEqual(values, { ...sdk[name] }, `${name} differs from the SDK's`);
    }
    assert.equal(components.ProcessStatus.InProgress, "in_progress");
    const dts = readFileSync(`${pkgDir}models/components/index.d.ts`, "utf8");
    const aliases = [...dts.matchAll(/^export (?:type|declare const) (\w+)/gm)].map((m) => m[1]);
    for (const name of Object.keys(components)) assert.ok(aliases.includes(name), `index.d.ts does not declare ${name}`);
    assert.ok(aliases.includes("ConversationAppendRequest"));
    const sdkTypes = new Set();
    for (const f of readdirSync(`${sdkDir}models/components`).filter((f) => f.endsWith(".d.ts"))) {
      for (const [, name] of readFileSync(`${sdkDir}models/components/${f}`, "utf8").matchAll(/^export (?:type|declare const) (\w+)/gm)) sdkTypes.add(name);
    }
    for (const name of aliases) assert.ok(sdkTypes.has(name), `the official SDK's components have no ${name}`);
    // The SDK's names users import most, found as this package's own names or as aliases.
    const ours = readFileSync(`${pkgDir}mistral_edge.d.ts`, "utf8");
    for (const name of ["ConversationResponse", "ConversationRequest", "MessageOutputEntry", "CreateAgentRequest", "Agent", "Connector", "FunctionTool"]) {
      assert.ok(aliases.includes(name) || new RegExp(`^export (type|interface) ${name}\\b`, "m").test(ours), `${name} is missing`);
      assert.ok(sdkTypes.has(name), `${name} is not an SDK name`);
    }
  });
});

describe("conversations", () => {
  test("start, append, getHistory, getMessages, get, list, restart, delete as Results", async () => {
    const started = value(await fn.betaConversationsStart(core, { model: "mistral-small-latest", inputs: "count to 3" }));
    assert.equal(started.outputs[0].content, "1 2 3");
    const id = started.conversationId;
    const appended = value(await fn.betaConversationsAppend(core, { conversationId: id, conversationAppendRequest: { inputs: "count to 2" } }));
    assert.equal(appended.outputs[0].content, "1 2");
    const history = value(await fn.betaConversationsGetHistory(core, { conversationId: id }));
    assert.equal(history.entries.filter((e) => e.type === "message.input").length, 2);
    assert.ok(value(await fn.betaConversationsGetMessages(core, { conversationId: id })).messages.length >= 4);
    assert.equal(value(await fn.betaConversationsGet(core, { conversationId: id })).id, id);
    assert.ok(value(await fn.betaConversationsList(core, { pageSize: 100 })).some((c) => c.id === id));
    const branched = value(await fn.betaConversationsRestart(core, { conversationId: id, fromEntryId: history.entries[0].id, inputs: "count to 4" }));
    assert.notEqual(branched.conversationId, id);
    assert.equal(value(await fn.betaConversationsDelete(core, { conversationId: id })), undefined);
    failure(await fn.betaConversationsGet(core, { conversationId: id }), NotFoundError);
  });

  test("a function and its method send the same request and give the same value", async () => {
    const viaMethod = await core.beta.conversations.start({ model: "m", inputs: "count to 5" });
    const viaFunction = value(await fn.betaConversationsStart(core, { model: "m", inputs: "count to 5" }));
    const strip = ({ conversationId, outputs, ...rest }) => ({ ...rest, outputs: outputs.map(({ id, createdAt, completedAt, ...o }) => o) });
    assert.deepEqual(strip(viaFunction), strip(viaMethod));
  });

  test("an invalid request and an HTTP error are error Results, never rejections", async () => {
    const invalid = failure(await fn.betaConversationsStart(core, { inputs: "no model" }), InvalidRequestError);
    assert.match(invalid.message, /model/);
    failure(await fn.betaConversationsAppend(core, { conversationId: "conv_00000000000000000000000000000000", inputs: "x" }), NotFoundError);
    const failed = failure(await fn.betaConversationsStart(core, { model: "m", inputs: "hi" }, { headers: { "x-emulator-fault": "status=503" } }), InternalServerError);
    assert.equal(failed.status, 503);
    // A Mistral works wherever a MistralCore does.
    const plain = new Mistral({ apiKey: KEY, serverURL: emu.url });
    assert.equal(value(await fn.betaConversationsStart(plain, { model: "m", inputs: "count to 1" })).outputs[0].content, "1");
  });

  test("a stream in function form: the Result's value is the EventStream; a break mid-way is thrown by the loop", async () => {
    const result = await fn.betaConversationsStartStream(core, { model: "m", inputs: "count to 12" });
    const stream = value(result);
    assert.ok(stream instanceof EventStream);
    let text = "";
    for await (const { data } of stream) if (data.type === "message.output.delta") text += data.content;
    assert.equal(text, "1 2 3 4 5 6 7 8 9 10 11 12");

    const dropping = value(await fn.betaConversationsStartStream(core, { model: "m", inputs: "count to 10" }, { headers: { "x-emulator-fault": "drop-after=2" } }));
    let events = 0;
    await assert.rejects(async () => {
      for await (const _ of dropping) events++;
    }, (error) => error instanceof StreamError && error.kind === "dropped");
    assert.equal(events, 2);

    const conversationId = (await core.beta.conversations.start({ model: "m", inputs: "hi" })).conversationId;
    const appended = value(await fn.betaConversationsAppendStream(core, { conversationId, inputs: "count to 2" }));
    assert.equal((await appended.finalResponse()).outputs[0].content, "1 2");
    failure(await fn.betaConversationsRestartStream(core, { conversationId: "conv_00000000000000000000000000000000", fromEntryId: "msg_0", inputs: "x" }), NotFoundError);
  });
});

describe("agents", () => {
  test("create, get, update, versions and aliases, delete", async () => {
    const agent = value(await fn.betaAgentsCreate(core, { model: "mistral-medium-latest", name: "Standalone", instructions: "Be brief." }));
    const updated = value(await fn.betaAgentsUpdate(core, { agentId: agent.id, updateAgentRequest: { instructions: "Be very brief." } }));
    assert.equal(updated.version, agent.version + 1);
    value(await fn.betaAgentsCreateVersionAlias(core, { agentId: agent.id, alias: "stable", version: agent.version }));
    assert.ok(value(await fn.betaAgentsListVersionAliases(core, { agentId: agent.id })).some((a) => a.alias === "stable"));
    assert.equal(value(await fn.betaAgentsGet(core, { agentId: agent.id, agentVersion: "stable" })).instructions, "Be brief.");
    assert.equal(value(await fn.betaAgentsListVersions(core, { agentId: agent.id })).length, 2);
    assert.equal(value(await fn.betaAgentsDelete(core, { agentId: agent.id })), undefined);
    failure(await fn.betaAgentsGet(core, { agentId: agent.id }), NotFoundError);
  });

  test("listPages: resolves to the first page's Result, a PageIterator whose next() and iteration follow the cursor", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await core.beta.agents.create({ model: "m", name: `Paged ${i}` })).id);
    const first = await fn.betaAgentsListPages(core, { pageSize: 2 });
    assert.equal(first.ok, true);
    assert.equal(first.value.result.data.length, 2);
    // The SDK's PageIterator of Results: next() gives the next page's Result, itself with next().
    const second = await first.next();
    assert.equal(second.ok, true);
    assert.notDeepEqual(second.value.result.data.map((a) => a.id), first.value.result.data.map((a) => a.id));

    const seen = [];
    let pages = 0;
    for await (const page of await fn.betaAgentsListPages(core, { pageSize: 2 })) {
      seen.push(...value(page).result.data.map((a) => a.id));
      pages++;
    }
    for (const id of ids) assert.ok(seen.includes(id), `page iteration missed ${id}`);
    assert.equal(new Set(seen).size, seen.length, "no agent twice");
    assert.ok(pages >= 3);
    // The method form pages the same.
    const viaMethod = [];
    for await (const page of await core.beta.agents.listPages({ pageSize: 2 })) viaMethod.push(...page.result.data.map((a) => a.id));
    assert.deepEqual(viaMethod, seen);
  });

  test("listPages: an error is the one Result, and iteration ends there", async () => {
    const first = await fn.betaAgentsListPages(core, { pageSize: 2 }, { headers: { "x-emulator-fault": "status=500" } });
    failure(first, InternalServerError);
    assert.equal(first.next(), null);
    const all = [];
    for await (const page of first) all.push(page);
    assert.equal(all.length, 1);
    assert.equal(all[0], first);
  });
});

describe("connectors", () => {
  test("create, get, list pages by cursor, update, delete; a bad name is an InvalidRequestError Result", async () => {
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(value(await fn.betaConnectorsCreate(core, { name: `standalone_${i}`, description: "x", server: "https://mcp.example.com/mcp" })));
    }
    assert.equal(value(await fn.betaConnectorsGet(core, { connectorIdOrName: "standalone_1" })).id, created[1].id);
    const seen = [];
    let pages = 0;
    for await (const page of fn.betaConnectorsList(core, { pageSize: 2 })) {
      assert.equal(value(page).pagination.pageSize, 2);
      seen.push(...page.value.items.map((c) => c.id));
      pages++;
    }
    assert.ok(pages >= 2);
    for (const c of created) assert.ok(seen.includes(c.id));
    const first = await fn.betaConnectorsList(core, { pageSize: 100 });
    assert.ok(value(first).items.length >= 3);
    const updated = value(await fn.betaConnectorsUpdate(core, { connectorId: created[0].id, description: "changed" }));
    assert.equal(updated.description, "changed");
    for (const c of created) assert.ok(value(await fn.betaConnectorsDelete(core, { connectorId: c.id })).message);
    const bad = failure(await fn.betaConnectorsCreate(core, { name: "my connector", description: "d", server: "https://mcp.example.com/mcp" }), InvalidRequestError);
    assert.match(bad.message, /name/);
    failure(await fn.betaConnectorsGet(core, { connectorIdOrName: "nobody_here" }), NotFoundError);
  });
});

describe("libraries, documents, accesses", () => {
  test("create, upload, status, list, text, accesses, delete", async () => {
    const lib = value(await fn.betaLibrariesCreate(core, { name: "Standalone", description: "d" }));
    const text = "# Returns\n\nItems can be returned within 30 days.";
    const doc = value(await fn.betaLibrariesDocumentsUpload(core, { libraryId: lib.id, file: { fileName: "returns.md", content: new TextEncoder().encode(text) } }));
    assert.equal(doc.name, "returns.md");
    let status;
    for (let i = 0; i < 5; i++) {
      status = value(await fn.betaLibrariesDocumentsStatus(core, { libraryId: lib.id, documentId: doc.id }));
      if (status.processStatus === "done") break;
    }
    assert.equal(status.processStatus, "done");
    assert.equal(value(await fn.betaLibrariesDocumentsTextContent(core, { libraryId: lib.id, documentId: doc.id })).text, text);
    assert.equal(value(await fn.betaLibrariesDocumentsList(core, { libraryId: lib.id })).data.length, 1);
    assert.ok(value(await fn.betaLibrariesList(core)).data.some((l) => l.id === lib.id), "a list without arguments");
    assert.equal(value(await fn.betaLibrariesGet(core, { libraryId: lib.id })).name, "Standalone");
    const share = { shareWithUuid: "5b4c2a0e-0000-4000-8000-000000000001", shareWithType: "User" };
    value(await fn.betaLibrariesAccessesUpdateOrCreate(core, { libraryId: lib.id, sharingRequest: { level: "Viewer", ...share } }));
    assert.equal(value(await fn.betaLibrariesAccessesList(core, { libraryId: lib.id })).data.length, 2);
    value(await fn.betaLibrariesAccessesDelete(core, { libraryId: lib.id, sharingDelete: share }));
    value(await fn.betaLibrariesDocumentsDelete(core, { libraryId: lib.id, documentId: doc.id }));
    failure(await fn.betaLibrariesDocumentsGet(core, { libraryId: lib.id, documentId: doc.id }), NotFoundError);
    value(await fn.betaLibrariesDelete(core, { libraryId: lib.id }));
    failure(await fn.betaLibrariesGet(core, { libraryId: lib.id }), NotFoundError);
  });
});

describe("files", () => {
  test("retrieve, download and getSignedUrl a generated image", async () => {
    const response = value(await fn.betaConversationsStart(core, { model: "m", inputs: "draw a cat", tools: [{ type: "image_generation" }] }));
    const chunk = response.outputs.flatMap((o) => (Array.isArray(o.content) ? o.content : [])).find((c) => c.type === "tool_file");
    assert.ok(chunk, JSON.stringify(response.outputs));
    assert.equal(value(await fn.filesRetrieve(core, { fileId: chunk.fileId })).id, chunk.fileId);
    const body = value(await fn.filesDownload(core, { fileId: chunk.fileId }));
    assert.ok(body instanceof ReadableStream);
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const signed = value(await fn.filesGetSignedUrl(core, { fileId: chunk.fileId }));
    assert.deepEqual(new Uint8Array(await (await fetch(signed.url)).arrayBuffer()), bytes);
    failure(await fn.filesRetrieve(core, { fileId: "00000000-0000-0000-0000-000000000000" }), NotFoundError);
  });
});

test("a function given no client throws a TypeError at once (a mistake, not a call's outcome)", () => {
  assert.throws(() => fn.betaAgentsGet(undefined, { agentId: "x" }), TypeError);
});
