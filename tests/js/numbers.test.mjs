// node --test against the built package (pkg/), with an in-memory fetch that records what is sent:
// numbers are checked as Mistral's OpenAPI spec documents them before any byte is sent, a number
// JSON cannot hold (NaN, ±Infinity) is refused wherever it is instead of being sent as `null`, and a
// one-shot success whose known fields have the wrong JSON kind is a ResponseValidationError. The
// official SDK 2.7.0 (zod) is the oracle where it validates; where it does not, the tests say so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Mistral as Sdk } from "@mistralai/mistralai";
import { HTTPClient } from "@mistralai/mistralai/lib/http.js";

const { Mistral, InvalidRequestError, ResponseValidationError } = await import(new URL("../../pkg/node.js", import.meta.url));
const conversations = await import(new URL("../../pkg/conversations/node.js", import.meta.url));

const RESPONSE = { object: "conversation.response", conversation_id: "c", outputs: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };

/** A client of each kind whose fetch records the bodies it is given and answers `answer`. */
function clients(answer = RESPONSE) {
  const sent = [];
  const respond = () => new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
  const ours = new Mistral({ apiKey: "k", fetch: async (url, init) => { sent.push({ url: String(url), body: init.body }); return respond(); } });
  const small = new conversations.Mistral({ apiKey: "k", fetch: async (url, init) => { sent.push({ url: String(url), body: init.body }); return respond(); } });
  const sdk = new Sdk({ apiKey: "k", httpClient: new HTTPClient({ fetcher: async (req) => { sent.push({ url: req.url, body: await req.text() }); return respond(); } }) });
  return { ours, small, sdk, sent };
}

const refused = (pattern) => (e) => e instanceof InvalidRequestError && pattern.test(e.message);
const start = (completionArgs) => ({ model: "m", inputs: "hi", completionArgs });

test("completion_args outside the documented ranges are refused before sending", async () => {
  const { ours, small, sdk, sent } = clients();
  const cases = [
    // [completionArgs, our message, what the SDK does]. The conversations entry checks the first
    // three and fractions; ranges and 2^53 are the whole client's (its 60 KB budget).
    [{ temperature: NaN }, /`completionArgs\.temperature` must be a finite number, got NaN/, "refuses"],
    [{ topP: Infinity }, /`completionArgs\.topP` must be a finite number, got Infinity/, "refuses"],
    [{ maxTokens: 2 ** 64 }, /`completionArgs\.maxTokens` must be an integer, got one past 2\^53 - 1/, "refuses"],
    [{ maxTokens: 2 ** 53 }, /`completionArgs\.maxTokens` must be an integer, got one past 2\^53 - 1/, "refuses"],
    [{ maxTokens: 2.5 }, /`completionArgs\.maxTokens` must be an integer, got a fraction/, "refuses"],
    // The SDK checks kinds, not ranges: it sends these, which the API's spec documents as invalid.
    [{ maxTokens: -5 }, /`completionArgs\.maxTokens` must be at least 0, got -5/, "sends"],
    [{ temperature: 1.5 }, /`completionArgs\.temperature` must be between 0 and 1, got 1\.5/, "sends"],
    [{ presencePenalty: -2.5 }, /`completionArgs\.presencePenalty` must be between -2 and 2, got -2\.5/, "sends"],
    [{ randomSeed: -1 }, /`completionArgs\.randomSeed` must be at least 0, got -1/, "sends"],
  ];
  for (const [args, pattern, oracle] of cases) {
    const both = Number.isNaN(args.temperature) || args.topP === Infinity || args.maxTokens === 2.5;
    // Wrapped: the message names the path from the arguments for what JSON cannot hold.
    const wrapped = new RegExp(pattern.source.replace("`completionArgs", "completionArgs"));
    for (const client of both ? [ours, small] : [ours]) {
      await assert.rejects(client.beta.conversations.start(start(args)), refused(pattern), String(pattern));
      await assert.rejects(client.beta.conversations.appendStream({ conversationId: "c", conversationAppendStreamRequest: { inputs: "x", completionArgs: args } }), refused(wrapped));
    }
    await assert.rejects(ours.beta.agents.create({ model: "m", name: "n", completionArgs: args }), refused(pattern));
    await assert.rejects(ours.beta.agents.update({ agentId: "a", updateAgentRequest: { completionArgs: args } }), refused(wrapped));
    assert.equal(sent.length, 0, "nothing was sent");
    const result = await sdk.beta.conversations.start(start(args)).then(() => "sends", (e) => (e.name === "SDKValidationError" ? "refuses" : e));
    assert.equal(result, oracle, JSON.stringify(args, (_k, v) => (typeof v === "number" ? String(v) : v)));
    sent.length = 0;
  }
  // The conversations entry sends what only the ranges refuse.
  await small.beta.conversations.start(start({ temperature: 1.5 }));
  assert.equal(JSON.parse(sent.pop().body).completion_args.temperature, 1.5);
  // The bounds themselves are allowed, and sent as written.
  await ours.beta.conversations.start(start({ temperature: 1, topP: 0, presencePenalty: -2, frequencyPenalty: 2, maxTokens: 0, randomSeed: 2 ** 53 - 1 }));
  assert.deepEqual(JSON.parse(sent[0].body).completion_args,
    { temperature: 1, top_p: 0, presence_penalty: -2, frequency_penalty: 2, max_tokens: 0, random_seed: 2 ** 53 - 1 });
});

test("a number JSON cannot hold is refused wherever it is, named by its path; null is still sent", async () => {
  const { ours, small, sdk, sent } = clients();
  const cases = [
    [ours, (c) => c.beta.conversations.start({ model: "m", inputs: "hi", metadata: { scores: [1, -Infinity] } }), /`metadata\.scores\[1\]` must be a finite number, got -Infinity/],
    [small, (c) => c.beta.conversations.start({ conversationRequest: { model: "m", inputs: "hi", completionArgs: { temperature: NaN } } }), /`conversationRequest\.completionArgs\.temperature` must be a finite number, got NaN/],
    [ours, (c) => c.beta.agents.list({ pageSize: NaN }), /`pageSize` must be a finite number, got NaN/],
    [ours, (c) => c.beta.agents.updateVersion({ agentId: "a", version: Infinity }), /`version` must be a finite number, got Infinity/],
    [ours, (c) => c.beta.conversations.append({ conversationId: "c", inputs: [{ type: "function.result", toolCallId: "t", result: "{}" }], completionArgs: { toJSON: () => ({ maxTokens: NaN }) } }), /`completionArgs\.maxTokens` must be a finite number, got NaN/],
  ];
  for (const [client, call, pattern] of cases) await assert.rejects(call(client), refused(pattern), String(pattern));
  // The run loop serialises the request on its own way to `start`: refused there too.
  await assert.rejects(ours.beta.conversations.run({ model: "m", inputs: "hi", completionArgs: { temperature: NaN } }),
    refused(/`completionArgs\.temperature` must be a finite number, got NaN/));
  assert.equal(sent.length, 0, "nothing was sent");
  // The SDK sends NaN in metadata as `null` (its schema takes any JSON there).
  await sdk.beta.conversations.start({ model: "m", inputs: "hi", metadata: { score: NaN } });
  assert.deepEqual(JSON.parse(sent.pop().body).metadata, { score: null });
  // null, and `null` inside strings, are not numbers: sent as given.
  await ours.beta.conversations.start({ model: "m", inputs: "null", metadata: { a: null, b: [null] }, completionArgs: { temperature: null } });
  const body = JSON.parse(sent.pop().body);
  assert.deepEqual([body.inputs, body.metadata, body.completion_args], ["null", { a: null, b: [null] }, { temperature: null }]);
});

test("integer query parameters are checked against their documented ranges", async () => {
  const { ours, sent } = clients([]);
  const cases = [
    [() => ours.beta.agents.list({ pageSize: 1001 }), /`pageSize` of `agents\.list` must be an integer from 1 to 1000/],
    [() => ours.beta.agents.listVersions({ agentId: "a", page: -1 }), /`page` of `agents\.listVersions` must be an integer of at least 0/],
    [() => ours.beta.libraries.list({ pageSize: 101 }), /`pageSize` of `libraries\.list` must be an integer from 1 to 100/],
    [() => ours.files.getSignedUrl({ fileId: "f", expiry: 169 }), /`expiry` of `files\.getSignedUrl` must be an integer from 1 to 168/],
    [() => ours.beta.agents.get({ agentId: "a", agentVersion: 1.5 }), /`agentVersion` of `agents\.get` must be an integer or an alias/],
    [() => ours.beta.libraries.create({ name: "l", chunkSize: 100 }), /`chunkSize` must be between 256 and 32768, got 100/],
  ];
  for (const [call, pattern] of cases) await assert.rejects(call(), refused(pattern), String(pattern));
  assert.equal(sent.length, 0, "nothing was sent");
});

/** What `call` on a client answering `body` gives: the value, or the error. */
async function answer(body, call) {
  const { ours } = clients(body);
  return call(ours).catch((e) => e);
}

test("a success whose known fields have the wrong JSON kind is a ResponseValidationError with the body", async () => {
  const cases = [
    [{ conversation_id: 5, outputs: ["…"], usage: {} }, (c) => c.beta.conversations.start({ model: "m", inputs: "hi" }), "`conversationId` must be a string, got a number"],
    [{ conversation_id: "c", outputs: ["…"], usage: {} }, (c) => c.beta.conversations.start({ model: "m", inputs: "hi" }), "`outputs[0]` must be an object, got a string"],
    [{ object: "conversation", id: "c", created_at: 5, updated_at: "2025-01-01T00:00:00Z", model: "m" }, (c) => c.beta.conversations.get({ conversationId: "c" }), "`createdAt` must be a date"],
    [{ object: "conversation.history", conversation_id: "c", entries: {} }, (c) => c.beta.conversations.getHistory({ conversationId: "c" }), "`entries` must be an array, got an object"],
    [{ id: "a", name: "n", model: "m", version: "3" }, (c) => c.beta.agents.get({ agentId: "a" }), "`version` must be an integer, got a string"],
    [[{ id: 7 }], (c) => c.beta.agents.list(), "`[0].id` must be a string, got a number"],
    [{ items: [], pagination: { page_size: "100" } }, (c) => c.beta.connectors.list(), "`pagination.pageSize` must be an integer, got a string"],
    [{ id: "l", name: null }, (c) => c.beta.libraries.get({ libraryId: "l" }), "`name` must be a string, got null"],
    [{ id: "f", object: "file", bytes: "1", created_at: 1 }, (c) => c.files.retrieve({ fileId: "f" }), "`sizeBytes` must be an integer, got a string"],
  ];
  for (const [body, call, message] of cases) {
    const error = await answer(body, call);
    assert.ok(error instanceof ResponseValidationError, `${message}: ${error}`);
    assert.ok(error.message.includes(message), error.message);
    assert.deepEqual(error.rawValue, body);
  }
  // The official SDK fails the first one too.
  const { sdk } = clients(cases[0][0]);
  await assert.rejects(sdk.beta.conversations.start({ model: "m", inputs: "hi" }), (e) => e.name === "ResponseValidationError");
});

test("unknown fields, union members and enum values in a success still pass through verbatim", async () => {
  const body = { ...RESPONSE, brand_new: { conversation_id: 5 }, outputs: [{ type: "memory.write", tool_call_id: 9 }, { type: "message.output", role: "narrator", content: "hi" }] };
  const response = await answer(body, (c) => c.beta.conversations.start({ model: "m", inputs: "hi" }));
  assert.deepEqual(response.outputs, [{ type: "memory.write", tool_call_id: 9 }, { type: "message.output", role: "narrator", content: "hi" }]);
  assert.deepEqual(response.brand_new, { conversation_id: 5 });
  const library = await answer({ id: "l", name: "n", owner_type: "Galaxy", total_size: 1.5 }, (c) => c.beta.libraries.get({ libraryId: "l" }));
  assert.deepEqual([library.ownerType, library.totalSize], ["Galaxy", 1.5]);
});
