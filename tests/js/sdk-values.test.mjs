// node --test against the built package (pkg/), with mistral-emulator on 127.0.0.1: the values the
// official SDK 2.7.0 gives, and what it sends. Dates are `Date`s (responses, stream events, the
// folded response), the fields it renames have its names (`sizeBytes`, `schemaDefinition`) while
// the wire keeps its own, `null` is accepted where its types accept it, and a `Date` in a request
// is sent as its ISO string.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "../emulator/harness.mjs";

const { Mistral } = await import(new URL("../../pkg/node.js", import.meta.url));

let emu;
let client;
before(async () => {
  emu = await startEmulator();
  client = new Mistral({ apiKey: "k", serverURL: emu.url });
});
after(() => emu?.close());

const lastRequest = async () => (await (await fetch(`${emu.url}/__emulator/requests`)).json()).at(-1);
const isDate = (value) => value instanceof Date && !Number.isNaN(value.getTime());

test("an agent's dates are Dates, from create, get and list() without arguments", async () => {
  const before = Date.now() - 60_000;
  const agent = await client.beta.agents.create({ model: "m", name: "dates" });
  assert.ok(isDate(agent.createdAt) && isDate(agent.updatedAt), String(agent.createdAt));
  assert.ok(agent.createdAt.getTime() >= before, "the server's time, read as UTC");
  const wire = await (await fetch(`${emu.url}/v1/agents/${agent.id}`, { headers: { authorization: "Bearer k" } })).json();
  assert.equal(agent.createdAt.getTime(), Date.parse(wire.created_at));
  const again = await client.beta.agents.get({ agentId: agent.id });
  assert.equal(again.createdAt.getTime(), agent.createdAt.getTime());
  const list = await client.beta.agents.list();
  assert.ok(list.length > 0 && list.every((a) => isDate(a.createdAt) && isDate(a.updatedAt)));
  const alias = await client.beta.agents.createVersionAlias({ agentId: agent.id, alias: "prod", version: agent.version });
  assert.ok(isDate(alias.createdAt));
});

test("a conversation's entries and its stream events carry Dates; so does the folded response", async () => {
  const response = await client.beta.conversations.start({ model: "m", inputs: "count to 3" });
  assert.ok(response.outputs.length > 0);
  for (const entry of response.outputs) assert.ok(isDate(entry.createdAt), JSON.stringify(entry));

  const stream = await client.beta.conversations.startStream({ model: "m", inputs: "count to 5" });
  const events = [];
  for await (const { data } of stream) events.push(data);
  assert.ok(events.length > 4);
  const dated = events.filter((e) => e.createdAt !== undefined);
  assert.ok(dated.length >= events.length - 1, "the emulator stamps its events");
  for (const e of dated) assert.ok(isDate(e.createdAt), `${e.type}: ${e.createdAt}`);
  const deltas = events.filter((e) => e.type === "message.output.delta");
  assert.notEqual(deltas[0].createdAt, deltas[1].createdAt, "no two events share a Date");

  const again = await client.beta.conversations.startStream({ model: "m", inputs: "count to 2" });
  const folded = await again.finalResponse();
  assert.ok(folded.outputs.every((entry) => isDate(entry.createdAt)), JSON.stringify(folded.outputs));
});

test("files.retrieve gives sizeBytes (the wire's bytes) and unix-second numbers, as the SDK does", async () => {
  const response = await client.beta.conversations.start({ model: "m", inputs: "draw a cat", tools: [{ type: "image_generation" }] });
  const chunk = response.outputs.flatMap((o) => (Array.isArray(o.content) ? o.content : [])).find((c) => c.type === "tool_file");
  const file = await client.files.retrieve({ fileId: chunk.fileId });
  assert.equal(typeof file.sizeBytes, "number");
  assert.ok(file.sizeBytes > 8);
  assert.ok(!("bytes" in file));
  assert.equal(typeof file.createdAt, "number", "files keep unix seconds");
  const body = await client.files.download({ fileId: chunk.fileId });
  assert.equal(file.sizeBytes, (await new Response(body).arrayBuffer()).byteLength);
});

test("jsonSchema.schemaDefinition is sent as schema and comes back as schemaDefinition", async () => {
  const schemaDefinition = { type: "object", properties: { city_name: { type: "string" } }, required: ["city_name"] };
  const agent = await client.beta.agents.create({
    model: "m",
    name: "structured",
    completionArgs: { responseFormat: { type: "json_schema", jsonSchema: { name: "city", schemaDefinition, strict: true } } },
  });
  const sent = (await lastRequest()).json;
  assert.deepEqual(sent.completion_args.response_format.json_schema, { name: "city", schema: schemaDefinition, strict: true });
  const format = agent.completionArgs.responseFormat.jsonSchema;
  assert.deepEqual(format.schemaDefinition, schemaDefinition);
  assert.ok(!("schema" in format));
});

test("null where the SDK's types accept it is sent as null", async () => {
  const agent = await client.beta.agents.create({ model: "m", name: "nulls", description: null, instructions: null, handoffs: null });
  const sent = (await lastRequest()).json;
  assert.equal(sent.description, null);
  assert.equal(sent.instructions, null);
  assert.equal(sent.handoffs, null);
  assert.equal(typeof agent.id, "string");
});

test("a Date in a request is sent as its RFC 3339 string; a document's dates are Dates", async () => {
  const library = await client.beta.libraries.create({ name: "dated" });
  const document = await client.beta.libraries.documents.upload({
    libraryId: library.id,
    file: { fileName: "a.txt", content: new TextEncoder().encode("hello") },
  });
  assert.ok(isDate(document.createdAt));
  assert.ok(isDate(library.createdAt) && isDate(library.updatedAt));
  const expiresAt = new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 6));
  const updated = await client.beta.libraries.documents.update({
    libraryId: library.id,
    documentId: document.id,
    updateDocumentRequest: { expiresAt },
  });
  assert.equal((await lastRequest()).json.expires_at, "2030-01-02T03:04:05.006Z");
  if (updated.expiresAt != null) assert.equal(updated.expiresAt.getTime(), expiresAt.getTime());
});
