// The run loop (`conversations.run` / `runStream`, issue 16) against mistral-emulator, whose
// scripted model drives each path from the prompt (emulator/README.md, "Function-calling loops"),
// and server-everything as a client-side MCP server. Every path runs twice: `run` and `runStream`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { startEmulator, startEverything } from "../emulator/harness.mjs";

const pkg = await import(new URL("../../pkg/node.js", import.meta.url));
const { Mistral, AbortError, InvalidRequestError, MistralError, ResponseValidationError, RunStream } = pkg;

let emu;
let everything;
let client;
before(async () => {
  [emu, everything] = await Promise.all([startEmulator(), startEverything()]);
  client = new Mistral({ apiKey: "run-key", serverURL: emu.url });
});
after(() => Promise.all([emu?.close(), everything?.close()]));

const requests = async () => (await fetch(`${emu.url}/__emulator/requests`)).json();
const forget = () => fetch(`${emu.url}/__emulator/requests`, { method: "DELETE" });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const CITY = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };

/** A function tool; `calls` records every execute's arguments. */
function tool(name, execute, extra = {}) {
  return { type: "function", function: { name, description: `the ${name} function`, parameters: CITY }, execute, ...extra };
}
const weather = (calls = []) => tool("get_weather", async (args) => {
  calls.push(args);
  return { city: args.city, celsius: 21 };
});
const time = (calls = []) => tool("get_time", async (args) => {
  calls.push(args);
  return `12:00 in ${args.city}`;
});

/** Runs `request` with `run` or `runStream`; streamed, also returns every event. */
async function go(streaming, request, options) {
  const conversations = client.beta.conversations;
  if (!streaming) return { result: await conversations.run(request, options), events: [] };
  const stream = await conversations.runStream(request, options);
  assert.ok(stream instanceof RunStream && stream instanceof ReadableStream);
  const events = [];
  for await (const item of stream) events.push(item);
  return { result: await stream.finalResult(), events };
}

/** `name` as two tests: run and runStream. */
// A minute each: a hang (a lost abort, a call never answered) fails its test instead of the suite.
function both(name, body) {
  test(`${name} (run)`, { timeout: 60_000 }, () => body(false));
  test(`${name} (runStream)`, { timeout: 60_000 }, () => body(true));
}

const model = (inputs, tools, extra = {}) => ({ model: "mistral-medium-latest", inputs, tools, ...extra });
const resultsOf = (result) => result.entries.filter((e) => e.type === "function.result");
const callsOf = (result) => result.entries.filter((e) => e.type === "function.call");

both("one call: the function runs, its result goes back, the model answers", async (streaming) => {
  await forget();
  const calls = [];
  const { result, events } = await go(streaming, model("What's the weather in Paris?", [weather(calls), { type: "web_search" }]));
  assert.equal(result.status, "done");
  assert.equal(result.steps, 2);
  assert.match(result.conversationId, /^conv_/);
  assert.deepEqual(calls, [{ city: "Paris" }]);
  assert.deepEqual(result.entries.map((e) => e.type), ["function.call", "function.result", "message.output"]);
  assert.equal(result.outputText, 'get_weather returned {"city":"Paris","celsius":21}.');
  assert.deepEqual(result.pending, []);
  // The wire: the tools went without `execute`, the result as JSON text, in one append.
  const sent = (await requests()).filter((r) => r.method === "POST");
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[0].json.tools[0], { type: "function", function: { name: "get_weather", description: "the get_weather function", parameters: CITY } });
  assert.deepEqual(sent[1].json.inputs, [{ type: "function.result", tool_call_id: callsOf(result)[0].toolCallId, result: '{"city":"Paris","celsius":21}' }]);
  // Usage: the sum of the two steps'.
  const u = result.usage;
  assert.equal(u.totalTokens, u.promptTokens + u.completionTokens);
  if (streaming) {
    const done = events.filter((e) => e.event === "conversation.response.done").map((e) => e.data.usage);
    assert.equal(done.length, 2);
    assert.equal(u.totalTokens, done[0].totalTokens + done[1].totalTokens);
    assert.equal(u.promptTokens, done[0].promptTokens + done[1].promptTokens);
    const names = events.map((e) => e.event);
    const at = names.indexOf("function.result");
    assert.ok(at > names.indexOf("conversation.response.done") && at < names.lastIndexOf("conversation.response.started"),
      "the function.result event comes between the steps");
    assert.deepEqual(events[at].data, resultsOf(result)[0]);
    assert.ok(names.includes("function.call.delta") && names.includes("message.output.delta"));
  }
});

both("several calls in one step run concurrently; results go in call order, in one append", async (streaming) => {
  await forget();
  let started = 0;
  let release;
  const bothStarted = new Promise((r) => (release = r));
  const slow = tool("get_weather", async ({ city }) => {
    if (++started === 2) release();
    await bothStarted; // never resolves if the calls ran one after the other
    await sleep(30); // finishes after get_time
    return `sunny in ${city}`;
  });
  const fast = tool("get_time", async ({ city }) => {
    if (++started === 2) release();
    await bothStarted;
    return `noon in ${city}`;
  });
  const { result } = await go(streaming, model("Weather and time in Paris", [slow, fast]));
  assert.equal(result.steps, 2);
  assert.deepEqual(callsOf(result).map((c) => c.name), ["get_weather", "get_time"]);
  const appended = (await requests()).filter((r) => r.method === "POST").at(-1).json;
  assert.deepEqual(appended.inputs.map((i) => i.result), ["sunny in Paris", "noon in Paris"]);
  assert.deepEqual(appended.inputs.map((i) => i.tool_call_id), callsOf(result).map((c) => c.toolCallId));
  assert.equal(result.outputText, "get_weather returned sunny in Paris. get_time returned noon in Paris.");
});

both("a chain of steps: each result leads to the next call", async (streaming) => {
  const weatherCalls = [];
  const timeCalls = [];
  const { result } = await go(streaming, model("Weather in Paris then time in Tokyo", [weather(weatherCalls), time(timeCalls)]));
  assert.equal(result.status, "done");
  assert.equal(result.steps, 3);
  assert.deepEqual(weatherCalls, [{ city: "Paris" }]);
  assert.deepEqual(timeCalls, [{ city: "Tokyo" }]);
  assert.deepEqual(result.entries.map((e) => e.type),
    ["function.call", "function.result", "function.call", "function.result", "message.output"]);
  assert.equal(result.outputText, "get_time returned 12:00 in Tokyo.");
});

both("a function that throws: the error goes back to the model", async (streaming) => {
  const failing = tool("get_weather", async () => {
    throw new Error("the weather service is down");
  });
  const { result } = await go(streaming, model("Weather in Paris?", [failing]));
  assert.equal(result.status, "done");
  assert.deepEqual(JSON.parse(resultsOf(result)[0].result), { error: "get_weather failed: the weather service is down" });
  assert.match(result.outputText, /the weather service is down/);
});

both("throwOnToolError: the function's own error rejects the run", async (streaming) => {
  const boom = new Error("boom");
  const failing = tool("get_weather", async () => {
    throw boom;
  });
  await assert.rejects(go(streaming, model("Weather in Paris?", [failing]), { throwOnToolError: true }), (e) => e === boom);
  // Arguments that are not JSON: a MistralError naming the call.
  await assert.rejects(go(streaming, model("Weather in Paris with broken arguments", [weather()]), { throwOnToolError: true }),
    (e) => e instanceof MistralError && e.name === "MistralError" && e.tool === "get_weather" && /^the arguments of `get_weather` are not a JSON object/.test(e.message));
});

both("Standard Schema (zod 4): its JSON Schema is sent, it validates and parses the arguments", async (streaming) => {
  await forget();
  const seen = [];
  const zodTool = {
    type: "function",
    function: { name: "get_weather", parameters: z.object({ city: z.string().transform((c) => c.toUpperCase()) }) },
    execute: async (args) => {
      seen.push(args);
      return "ok";
    },
  };
  const { result } = await go(streaming, model("Weather in Paris?", [zodTool]));
  assert.deepEqual(seen, [{ city: "PARIS" }], "the schema's output reaches execute");
  const parameters = (await requests()).find((r) => r.method === "POST").json.tools[0].function.parameters;
  assert.equal(parameters.type, "object");
  assert.deepEqual(parameters.properties.city, { type: "string" });
  assert.ok(!("$schema" in parameters));
  assert.equal(result.outputText, "get_weather returned ok.");
});

both("arguments the schema rejects never reach execute; the model is told why", async (streaming) => {
  let ran = false;
  const zodTool = {
    type: "function",
    function: { name: "get_weather", parameters: z.object({ city: z.string() }) },
    execute: async () => {
      ran = true;
    },
  };
  const { result } = await go(streaming, model("Weather in Paris with bad arguments", [zodTool]));
  assert.equal(ran, false);
  const { error } = JSON.parse(resultsOf(result)[0].result);
  assert.match(error, /^get_weather failed: the arguments do not match the schema: city: /);
});

both("arguments that are not JSON go back as an error too", async (streaming) => {
  let ran = false;
  const { result } = await go(streaming, model("Weather in Paris with broken arguments", [tool("get_weather", () => (ran = true))]));
  assert.equal(ran, false);
  assert.match(JSON.parse(resultsOf(result)[0].result).error, /^the arguments of `get_weather` are not a JSON object: /);
  assert.equal(result.status, "done");
});

both("a function tool without execute is answered with an error", async (streaming) => {
  const manual = { type: "function", function: { name: "get_weather", parameters: CITY } };
  const { result } = await go(streaming, model("Weather in Paris?", [manual]));
  assert.equal(JSON.parse(resultsOf(result)[0].result).error, "`get_weather` has no `execute` function: the run cannot call it");
});

both("maxSteps ends a model that keeps calling, with the open calls pending", async (streaming) => {
  const calls = [];
  const { result } = await go(streaming, model("Keep calling the weather in Paris", [weather(calls)]), { maxSteps: 3 });
  assert.equal(result.status, "max_steps");
  assert.equal(result.steps, 3);
  assert.equal(calls.length, 2, "the third step's call is left open");
  assert.deepEqual(result.pending, [{ toolCallId: callsOf(result)[2].toolCallId, name: "get_weather", arguments: { city: "Paris" }, server: false }]);
});

test("maxSteps defaults to 10", async () => {
  const result = await client.beta.conversations.run(model("Keep calling the weather in Paris", [weather()]));
  assert.equal(result.status, "max_steps");
  assert.equal(result.steps, 10);
});

test("bad options are refused before anything is sent", async () => {
  const conversations = client.beta.conversations;
  await assert.rejects(conversations.run(model("hi", []), { maxSteps: 0 }), (e) => e instanceof InvalidRequestError && /maxSteps/.test(e.message));
  await assert.rejects(conversations.run(model("hi", [weather(), weather()])), (e) => e instanceof InvalidRequestError && /two tools are named `get_weather`/.test(e.message));
  await assert.rejects(conversations.run(model("hi", []), { confirmations: [] }), (e) => e instanceof InvalidRequestError && /conversationId/.test(e.message));
  await assert.rejects(conversations.runStream(model("hi", []), { onConfirmation: "yes" }), InvalidRequestError);
});

both("the caller's signal aborts the request in flight", async (streaming) => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 150);
  // The response is ten minutes away: only the abort can end this run before the test's timeout.
  await assert.rejects(
    go(streaming, model("Weather in Paris?", [weather()]), { signal: controller.signal, headers: { "x-emulator-fault": "delay-ms=600000" } }),
    AbortError,
  );
});

both("the signal reaches execute through context.signal, and aborting there rejects the run", async (streaming) => {
  const controller = new AbortController();
  let context;
  const waiting = tool("get_weather", (args, ctx) => {
    context = ctx;
    setTimeout(() => controller.abort(), 10);
    return new Promise(() => {}); // never settles by itself: the run must not wait for it
  });
  await assert.rejects(go(streaming, model("Weather in Paris?", [waiting]), { signal: controller.signal }), AbortError);
  assert.equal(context.signal.aborted, true);
  assert.equal(context.name, "get_weather");
  assert.match(context.toolCallId, /^\w{9}$/);
  assert.match(context.conversationId, /^conv_/);
});

test("leaving a runStream early aborts the run and context.signal", async () => {
  let context;
  const waiting = tool("get_weather", (args, ctx) => {
    context = ctx;
    return new Promise((resolve) => ctx.signal.addEventListener("abort", () => resolve("late")));
  });
  const stream = await client.beta.conversations.runStream(model("Weather in Paris?", [waiting]));
  for await (const { event } of stream) {
    if (event === "conversation.response.done") break;
  }
  await assert.rejects(stream.finalResult(), AbortError);
});

test("run continues a conversation with new inputs: its tools stay on the server, the given ones answer", async () => {
  await forget();
  const first = await client.beta.conversations.run(model("Hello there", [weather()]));
  assert.equal(first.outputText, "Echo: Hello there");
  const calls = [];
  const next = await client.beta.conversations.run({ conversationId: first.conversationId, inputs: "And the weather in Rome?", tools: [weather(calls)] });
  assert.equal(next.conversationId, first.conversationId);
  assert.deepEqual(calls, [{ city: "Rome" }]);
  assert.equal(next.steps, 2);
  const appends = (await requests()).filter((r) => r.method === "POST").slice(1);
  assert.ok(appends.every((r) => r.path.startsWith(`/v1/conversations/${first.conversationId}`) && !("tools" in r.json)));
});

// ---- approvals// ---- approvals

both("requiresConfirmation: onConfirmation allows, denies, or changes the arguments", async (streaming) => {
  const calls = [];
  const asked = [];
  const confirmed = weather(calls);
  confirmed.requiresConfirmation = true;
  const answers = [true, false, { allow: true, arguments: { city: "Rome" } }];
  const outcomes = [];
  for (const answer of answers) {
    const { result } = await go(streaming, model("Weather in Paris?", [confirmed]), {
      onConfirmation: async (call) => {
        asked.push(call);
        return answer;
      },
    });
    assert.equal(result.status, "done");
    outcomes.push(resultsOf(result)[0].result);
  }
  assert.deepEqual(asked.map(({ name, arguments: a, server }) => ({ name, a, server })),
    Array(3).fill({ name: "get_weather", a: { city: "Paris" }, server: false }));
  assert.deepEqual(calls, [{ city: "Paris" }, { city: "Rome" }]);
  assert.deepEqual(outcomes, [
    '{"city":"Paris","celsius":21}',
    '{"error":"the user denied this call: it was not run"}',
    '{"city":"Rome","celsius":21}',
  ]);
  // The requiresConfirmation member stays on the client.
  const start = (await requests()).filter((r) => r.method === "POST").at(-2).json;
  assert.ok(!("requiresConfirmation" in start.tools[0]) && !("requires_confirmation" in start.tools[0]));
});

both("without onConfirmation the run stops; a new client resumes it from plain JSON", async (streaming) => {
  const calls = [];
  const confirmed = weather(calls);
  confirmed.requiresConfirmation = true;
  const { result } = await go(streaming, model("Weather and time in Paris", [confirmed, time()]));
  assert.equal(result.status, "requires_confirmation");
  assert.equal(result.steps, 1);
  assert.deepEqual(calls, [], "nothing ran");
  assert.equal(result.pending.length, 1);
  assert.deepEqual({ ...result.pending[0], toolCallId: "-" }, { toolCallId: "-", name: "get_weather", arguments: { city: "Paris" }, server: false });

  // Another process: only JSON crosses, and a new client with the same tools.
  const saved = JSON.parse(JSON.stringify({ conversationId: result.conversationId, pending: result.pending }));
  const other = new Mistral({ apiKey: "run-key", serverURL: emu.url });
  const confirmations = saved.pending.map(({ toolCallId }) => ({ toolCallId, allow: true }));
  const request = { conversationId: saved.conversationId, tools: [confirmed, time()] };
  const resumed = streaming
    ? await (await other.beta.conversations.runStream(request, { confirmations })).finalResult()
    : await other.beta.conversations.run(request, { confirmations });
  assert.equal(resumed.status, "done");
  assert.equal(resumed.conversationId, saved.conversationId);
  assert.deepEqual(calls, [{ city: "Paris" }]);
  assert.equal(resumed.outputText, 'get_weather returned {"city":"Paris","celsius":21}. get_time returned 12:00 in Paris.');
});

test("a resumed run refuses a confirmation for a call that is not open", async () => {
  const confirmed = weather();
  confirmed.requiresConfirmation = true;
  const { conversationId } = await client.beta.conversations.run(model("Weather in Paris?", [confirmed]));
  await assert.rejects(
    client.beta.conversations.run({ conversationId, tools: [confirmed] }, { confirmations: [{ toolCallId: "nope00000", allow: true }] }),
    (e) => e instanceof InvalidRequestError && /no open call has the toolCallId `nope00000`/.test(e.message),
  );
});

const SEARCH = { type: "web_search", toolConfiguration: { requiresConfirmation: ["web_search"] } };

both("server-side confirmations (confirmation_status pending) go out as toolConfirmations", async (streaming) => {
  for (const allow of [true, false]) {
    await forget();
    const asked = [];
    const { result } = await go(streaming, model("Search the latest news about Mistral", [SEARCH]), {
      onConfirmation: (call) => {
        asked.push(call);
        return allow;
      },
    });
    assert.equal(result.status, "done");
    assert.equal(asked.length, 1);
    assert.equal(asked[0].server, true);
    assert.equal(asked[0].name, "web_search");
    const appended = (await requests()).filter((r) => r.method === "POST").at(-1).json;
    assert.deepEqual(appended.tool_confirmations, [{ tool_call_id: asked[0].toolCallId, confirmation: allow ? "allow" : "deny" }]);
    assert.ok(!("inputs" in appended));
    if (allow) assert.match(result.outputText, /Here is what I found/);
    else assert.equal(result.outputText, "The call to web_search was denied, so I did not run it.");
  }
});

test("a server-side confirmation resumes from JSON too", async () => {
  const stopped = await client.beta.conversations.run(model("Search the latest news about Mistral", [SEARCH]));
  assert.equal(stopped.status, "requires_confirmation");
  assert.equal(stopped.pending[0].server, true);
  const resumed = await new Mistral({ apiKey: "run-key", serverURL: emu.url }).beta.conversations.run(
    { conversationId: stopped.conversationId },
    { confirmations: [{ toolCallId: stopped.pending[0].toolCallId, allow: true }] },
  );
  assert.equal(resumed.status, "done");
  assert.match(resumed.outputText, /Here is what I found/);
});

both("a connector tool next to a function tool: its pending call is confirmed in the function result's append", async (streaming) => {
  const connectorId = `run_everything_${streaming ? "stream" : "plain"}`;
  await client.beta.connectors.create({ name: connectorId, description: "server-everything", server: everything.url });
  await forget();
  const asked = [];
  const connector = { type: "connector", connectorId, toolConfiguration: { requiresConfirmation: ["echo"] } };
  const { result } = await go(streaming, model("Please echo this, and the weather in Paris", [connector, weather()]), {
    onConfirmation: (call) => (asked.push([call.name, call.server]), true),
  });
  assert.equal(result.status, "done");
  assert.deepEqual(asked, [["echo", true]]);
  const appended = (await requests()).filter((r) => r.method === "POST").at(-1).json;
  assert.deepEqual(appended.tool_confirmations.map((c) => c.confirmation), ["allow"]);
  assert.deepEqual(appended.inputs.map((i) => i.result), ['{"city":"Paris","celsius":21}']);
  assert.ok(result.entries.some((e) => e.type === "tool.execution" && e.name === "echo"), "the connector's tool ran on the server");
});

// ---- client-side MCP

both("a client-side MCP server (server-everything): its tools are offered and called", async (streaming) => {
  await forget();
  const { result } = await go(streaming, model("Please echo this", undefined, {
    mcpServers: [{ url: everything.url, include: ["echo", "get-sum"] }],
  }));
  assert.equal(result.status, "done");
  const start = (await requests()).find((r) => r.method === "POST").json;
  assert.deepEqual(start.tools.map((t) => t.function.name), ["echo", "get-sum"]);
  assert.ok(!("mcp_servers" in start) && !("mcpServers" in start));
  assert.equal(callsOf(result)[0].name, "echo");
  assert.equal(resultsOf(result)[0].result, "Echo: Please echo this");
  assert.equal(result.outputText, "echo returned Echo: Please echo this.");
});

test("an MCP tool's image content is passed on as JSON items", async () => {
  const result = await client.beta.conversations.run(model("Show me a tiny image", undefined, {
    mcpServers: [{ url: everything.url, include: ["get-tiny-image"] }],
  }));
  const items = JSON.parse(resultsOf(result)[0].result);
  const image = items.find((c) => c.type === "image");
  assert.equal(image.mimeType, "image/png");
  assert.ok(image.data.length > 100);
  assert.ok(items.some((c) => c.type === "text"));
});

test("an MCP tool's failure goes back to the model; requiresConfirmation applies to MCP tools", async () => {
  const asked = [];
  const result = await client.beta.conversations.run(model("get-sum with bad arguments", undefined, {
    mcpServers: [{ url: everything.url, include: ["get-sum"], requiresConfirmation: true }],
  }), { onConfirmation: (call) => (asked.push(call.name), true) });
  assert.deepEqual(asked, ["get-sum"]);
  const { error } = JSON.parse(resultsOf(result)[0].result);
  assert.match(error, /^get-sum failed: /);
});

test("an unreachable MCP server rejects the run before anything is sent", async () => {
  await forget();
  await assert.rejects(
    client.beta.conversations.run(model("hi", undefined, { mcpServers: [{ url: "http://127.0.0.1:9/mcp" }] })),
    /the MCP server of mcpServers\[0\] \(http:\/\/127\.0\.0\.1:9\/mcp\) is unreachable/,
  );
  assert.equal((await requests()).length, 0);
});

// ---- structured output

both("outputFormat (zod): the response format is set and result.output is parsed and validated", async (streaming) => {
  await forget();
  const Forecast = z.object({ city: z.string(), days: z.number() });
  const { result } = await go(streaming, model("Forecast for Paris for 3 days", undefined, { outputFormat: Forecast }));
  assert.deepEqual(result.output, { city: "Paris", days: 3 });
  const format = (await requests()).find((r) => r.method === "POST").json.completion_args.response_format;
  assert.equal(format.type, "json_schema");
  assert.equal(format.json_schema.name, "output");
  assert.equal(format.json_schema.strict, true);
  assert.deepEqual(format.json_schema.schema.required, ["city", "days"]);
});

test("outputFormat as JSON Schema parses; a Standard Schema that rejects the output throws", async () => {
  const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
  const result = await client.beta.conversations.run(model("Forecast for Paris", undefined, { outputFormat: schema }));
  assert.deepEqual(result.output, { city: "Paris" });
  // The JSON Schema says "a string"; the schema itself wants Rome (the emulator answers Paris).
  const strict = z.object({ city: z.string().refine((c) => c === "Rome", "not Rome") });
  await assert.rejects(
    client.beta.conversations.run(model("Forecast for Paris", undefined, { outputFormat: strict })),
    (e) => e instanceof ResponseValidationError && /the output does not match `outputFormat`/.test(e.message),
  );
});

test("a RunStream is a ReadableStream: a reader reads the same items", async () => {
  const stream = await client.beta.conversations.runStream(model("Weather in Paris?", [weather()]));
  const reader = stream.getReader();
  const names = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) names.push(r.value.event);
  reader.releaseLock();
  assert.equal(names.filter((n) => n === "function.result").length, 1);
  assert.equal(names.at(-1), "conversation.response.done");
  const result = await stream.finalResult();
  assert.equal(result.steps, 2);
});

test("the conversations entry has no run loop (it stays within its size budget)", async () => {
  const small = await import(new URL("../../pkg/conversations/node.js", import.meta.url));
  const c = new small.Mistral({ apiKey: "k", serverURL: emu.url });
  assert.equal(c.beta.conversations.run, undefined);
  assert.ok(new MistralError("x") instanceof Error);
});
