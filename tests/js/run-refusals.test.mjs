// The run loop (issue 16) refusing calls it must not run, against mistral-emulator: a name no tool
// has (the scripted model's "unknown function"), arguments changed by a confirmation, which meet
// the tool's schema as the model's do, and any Standard Schema's verdict (not only zod's). Each refusal goes back to the model as the call's
// `function.result` (or throws with `throwOnToolError`), run and streamed.
import { test as nodeTest, before, after } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { startEmulator } from "../emulator/harness.mjs";

/** A test with a one-minute timeout: a hang fails its test, not the suite. */
const test = (name, options, body) =>
  body ? nodeTest(name, { timeout: 60_000, ...options }, body) : nodeTest(name, { timeout: 60_000 }, options);

const { Mistral, InvalidRequestError, MistralError } = await import(new URL("../../pkg/node.js", import.meta.url));

let emu;
let client;
before(async () => {
  emu = await startEmulator();
  client = new Mistral({ apiKey: "run-refusals", serverURL: emu.url });
});
after(() => emu?.close());

const model = (inputs, tools) => ({ model: "mistral-medium-latest", inputs, tools });
const resultsOf = (result) => result.entries.filter((e) => e.type === "function.result");
const errorOf = (entry) => JSON.parse(entry.result).error;

async function go(streaming, request, options) {
  if (!streaming) return client.beta.conversations.run(request, options);
  const stream = await client.beta.conversations.runStream(request, options);
  const results = [];
  for await (const { event } of stream) if (event === "function.result") results.push(event);
  const result = await stream.finalResult();
  assert.equal(results.length, resultsOf(result).length, "one function.result event per result sent");
  return result;
}

function both(name, body) {
  test(`${name} (run)`, () => body(false));
  test(`${name} (runStream)`, () => body(true));
}

/** A zod-typed get_weather that records what it ran with. */
function weather(ran, extra = {}) {
  return {
    type: "function",
    function: { name: "get_weather", parameters: z.object({ city: z.string() }) },
    execute: ({ city }) => (ran.push(city), `sunny in ${city}`),
    ...extra,
  };
}

both("a call to a name no tool has is answered with an error; the other calls run", async (streaming) => {
  const ran = [];
  const result = await go(streaming, model("Weather in Paris, and an unknown function", [weather(ran)]));
  assert.equal(result.status, "done");
  assert.deepEqual(ran, ["Paris"]);
  const [first, second] = resultsOf(result);
  assert.equal(first.result, "sunny in Paris");
  assert.equal(errorOf(second), "no tool is named `no_such_function`");
  assert.equal(result.outputText, 'get_weather returned sunny in Paris. no_such_function returned {"error":"no tool is named `no_such_function`"}.');
});

test("throwOnToolError: a name no tool has rejects the run with a MistralError naming the call", async () => {
  await assert.rejects(
    client.beta.conversations.run(model("Weather in Paris, and an unknown function", [weather([])]), { throwOnToolError: true }),
    (e) => e instanceof MistralError && e.tool === "no_such_function" && e.message === "no tool is named `no_such_function`",
  );
});

both("arguments changed by onConfirmation meet the tool's schema: rejected ones never reach execute", async (streaming) => {
  const ran = [];
  const confirmed = weather(ran, { requiresConfirmation: true });
  const result = await go(streaming, model("Weather in Paris?", [confirmed]), {
    onConfirmation: () => ({ allow: true, arguments: { city: 42 } }),
  });
  assert.deepEqual(ran, []);
  assert.match(errorOf(resultsOf(result)[0]), /^get_weather failed: the arguments do not match the schema: city: /);
});

test("arguments changed by onConfirmation must be an object", async () => {
  for (const args of ["Rome", null, ["Rome"], 7]) {
    await assert.rejects(
      client.beta.conversations.run(model("Weather in Paris?", [weather([], { requiresConfirmation: true })]), {
        onConfirmation: () => ({ allow: true, arguments: args }),
      }),
      (e) => e instanceof InvalidRequestError && /the `arguments` `onConfirmation` returns must be an object/.test(e.message),
    );
  }
});

test("arguments changed by a resume's confirmations meet the schema too, and must be an object", async () => {
  const ran = [];
  const confirmed = weather(ran, { requiresConfirmation: true });
  const stopped = await client.beta.conversations.run(model("Weather in Paris?", [confirmed]));
  const { toolCallId } = stopped.pending[0];
  const resume = (args) => client.beta.conversations.run(
    { conversationId: stopped.conversationId, tools: [confirmed] },
    { confirmations: [{ toolCallId, allow: true, arguments: args }] },
  );
  await assert.rejects(resume("Rome"), (e) => e instanceof InvalidRequestError && /`confirmations\[0\]\.arguments` must be an object/.test(e.message));
  const resumed = await resume({ city: ["Rome"] });
  assert.deepEqual(ran, []);
  assert.match(errorOf(resultsOf(resumed)[0]), /^get_weather failed: the arguments do not match the schema: city: /);
});

/** A hand-written Standard Schema (no library): a city that starts with a capital letter. */
const city = (jsonSchema = true) => ({
  "~standard": {
    version: 1,
    vendor: "hand",
    validate: (value) => (/^[A-Z]/.test(value?.city) ? { value: { city: value.city.toUpperCase() } } : { issues: [{ message: "not a city", path: [{ key: "city" }] }] }),
    ...(jsonSchema ? { jsonSchema: { input: () => ({ $schema: "x", type: "object", properties: { city: { type: "string" } } }) } } : {}),
  },
});

test("any Standard Schema validates and parses the arguments and gives the JSON Schema sent", async () => {
  const ran = [];
  const tool = { type: "function", function: { name: "get_weather", parameters: city() }, execute: ({ city }) => (ran.push(city), "ok") };
  await client.beta.conversations.run(model("Weather in Paris?", [tool]));
  assert.deepEqual(ran, ["PARIS"]);
  const bad = await client.beta.conversations.run(model("Weather in Paris with bad arguments", [tool]));
  assert.equal(errorOf(resultsOf(bad)[0]), "get_weather failed: the arguments do not match the schema: city: not a city");
  await assert.rejects(
    client.beta.conversations.run(model("Weather in Paris?", [{ ...tool, function: { name: "get_weather", parameters: city(false) } }])),
    (e) => e instanceof InvalidRequestError && /`tools\[0\]\.function\.parameters` is a Standard Schema without `~standard\.jsonSchema`/.test(e.message),
  );
});
