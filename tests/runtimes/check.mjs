// The runtime-neutral check, run unchanged in Node, Deno, Bun, workerd, edge-runtime, Chromium
// and Firefox. The caller imports "mistral-edge-client" the way that runtime resolves it and passes the
// module namespace; `serverURL` is the emulator (or a same-origin proxy to it).
//
// It streams a conversation and checks the events (started, N `message.output.delta` with
// camelCase fields, done with usage), then two failures: a 404 (NotFoundError) and a stream the
// emulator cuts after two events (StreamError, kind "dropped", after both events arrived), and the
// stream as a ReadableStream (getReader(), a reader's cancel()).
// With `standalone` (the whole client's entry), the run loop too: a function the model calls, run
// and streamed (`runLoop` below).
// With `standalone` (the namespaces of "mistral-edge-client/core.js", two "funcs/*.js" and
// "models/errors", as that runtime resolves them), the function form too: a Result with the value,
// a Result with the entry's own NotFoundError, and the same classes under models/errors.
// Resolves to a summary object; rejects with an Error naming the first broken expectation.

const N = 20;
const MISSING = "conv_00000000000000000000000000000000";

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

export async function runChecks(mod, serverURL, { apiKey = "runtime-test", standalone } = {}) {
  const summary = { deltas: 0, events: [], text: "", usage: null, notFound: null, dropped: null };
  const Mistral = mod.default;
  expect(typeof Mistral === "function", "the default export is not the Mistral class");
  expect(Mistral === mod.Mistral, "the default export and the named Mistral differ");
  const client = new Mistral({ apiKey, serverURL });

  // 1. A whole stream.
  const stream = await client.beta.conversations.startStream({
    model: "mistral-small-latest",
    inputs: [{ role: "user", content: `count to ${N}` }],
  });
  for await (const { event, data } of stream) {
    expect(event === data.type, `event name ${event} differs from data.type ${data.type}`);
    summary.events.push(event);
    if (data.type === "message.output.delta") {
      summary.deltas++;
      expect(typeof data.outputIndex === "number", "a delta has no camelCase outputIndex");
      expect(typeof data.contentIndex === "number", "a delta has no camelCase contentIndex");
      expect(data.createdAt instanceof Date, "a delta's camelCase createdAt is not a Date");
      expect(!("output_index" in data) && !("content_index" in data), "a delta still has snake_case keys");
      expect(data.role === "assistant", `a delta's role is ${data.role}`);
      summary.text += data.content;
    } else if (data.type === "conversation.response.started") {
      expect(/^conv_/.test(data.conversationId), "started has no camelCase conversationId");
      summary.conversationId = data.conversationId;
    } else if (data.type === "conversation.response.done") {
      summary.usage = data.usage;
    }
  }
  expect(summary.events[0] === "conversation.response.started", `the first event is ${summary.events[0]}`);
  expect(summary.events.at(-1) === "conversation.response.done", `the last event is ${summary.events.at(-1)}`);
  expect(summary.deltas >= N, `only ${summary.deltas} message.output.delta events (expected ${N})`);
  const expected = Array.from({ length: N }, (_, i) => i + 1).join(" ");
  expect(summary.text === expected, `the streamed text is ${JSON.stringify(summary.text)}`);
  expect(summary.usage && summary.usage.totalTokens > 0 && summary.usage.completionTokens === N,
    `done carries no camelCase usage: ${JSON.stringify(summary.usage)}`);
  expect(!("total_tokens" in summary.usage), "usage still has snake_case keys");

  // 2. An HTTP error rejects the call with a typed error.
  try {
    await client.beta.conversations.appendStream({ conversationId: MISSING, inputs: "hello?" });
    throw new Error("appending to a missing conversation did not reject");
  } catch (error) {
    expect(error instanceof mod.NotFoundError, `a 404 gave ${error && error.name}: ${error && error.message}`);
    expect(error instanceof mod.APIError && error instanceof mod.MistralError && error instanceof Error,
      "NotFoundError is not an APIError / MistralError / Error");
    expect(error.status === 404, `NotFoundError.status is ${error.status}`);
    summary.notFound = { name: error.name, status: error.status, requestId: error.requestId ?? null };
  }

  // 3. A stream that drops after two events: both arrive, then a StreamError of kind "dropped".
  const dropping = await client.beta.conversations.startStream(
    { model: "mistral-small-latest", inputs: "count to 10" },
    { headers: { "x-emulator-fault": "drop-after=2" } },
  );
  const before = [];
  try {
    for await (const { event } of dropping) before.push(event);
    throw new Error(`a dropped stream ended without an error after ${before.length} events`);
  } catch (error) {
    expect(error instanceof mod.StreamError, `a dropped stream threw ${error && error.name}: ${error && error.message}`);
    expect(error instanceof mod.MistralError, "StreamError is not a MistralError");
    expect(error.kind === "dropped", `StreamError.kind is ${error.kind} (${error.message})`);
    expect(before.length === 2, `${before.length} events arrived before the drop (expected 2)`);
    summary.dropped = { name: error.name, kind: error.kind, eventsBefore: before.length };
  }

  // 4. The stream is a ReadableStream of the same { event, data } items: read with getReader(),
  // then a second one cancelled through its reader.
  const readable = await client.beta.conversations.startStream({ model: "mistral-small-latest", inputs: "count to 3" });
  expect(readable instanceof ReadableStream, "a stream is not a ReadableStream");
  const reader = readable.getReader();
  expect(readable.locked, "getReader() did not lock the stream");
  const read = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    expect(r.value.event === r.value.data.type, `a reader's item is not { event, data }: ${JSON.stringify(r.value)}`);
    read.push(r.value.data.content ?? r.value.event);
  }
  expect(read.join("|") === "conversation.response.started|1| 2| 3|conversation.response.done",
    `a reader read ${JSON.stringify(read)}`);
  const cancelled = (await client.beta.conversations.startStream({ model: "mistral-small-latest", inputs: "count to 50" })).getReader();
  expect((await cancelled.read()).value.event === "conversation.response.started", "a reader's first item is not started");
  await cancelled.cancel();
  expect((await cancelled.read()).done, "a cancelled reader still reads");
  summary.reader = read.length;

  // 5. The standalone functions: the entry's wasm and classes, reached through the package's "#entry".
  if (standalone) {
    const { MistralCore, betaConversationsStart, betaConversationsAppend, errors } = standalone;
    const core = new MistralCore({ apiKey, serverURL });
    expect(core instanceof Mistral, "MistralCore is not the entry's Mistral");
    const started = await betaConversationsStart(core, { model: "mistral-small-latest", inputs: "count to 3" });
    expect(started.ok === true && started.value.outputs[0].content === "1 2 3",
      `betaConversationsStart gave ${JSON.stringify(started)}`);
    const missing = await betaConversationsAppend(core, { conversationId: MISSING, inputs: "hello?" });
    expect(missing.ok === false && missing.error instanceof mod.NotFoundError && missing.error.status === 404,
      `betaConversationsAppend on a missing conversation gave ${missing.ok} ${missing.error && missing.error.name}`);
    expect(Object.keys(missing).join() === "ok,error", `an error Result has the keys ${Object.keys(missing)}`);
    expect(errors.NotFoundError === mod.NotFoundError && errors.MistralError === mod.MistralError,
      "models/errors holds other classes than the entry's");
    summary.standalone = { value: started.value.outputs[0].content, error: missing.error.name };
    summary.run = await runLoop(client);
  }

  summary.events = summary.events.length;
  return summary;
}

/** The run loop (the whole client only): the emulator's model calls `get_weather`, the run answers
 * it and the model acknowledges; then the same streamed, with its `function.result` event. */
async function runLoop(client) {
  const conversations = client.beta.conversations;
  expect(typeof conversations.run === "function", "the whole client has no conversations.run");
  const seen = [];
  const weather = {
    type: "function",
    function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } },
    execute: async ({ city }, context) => (seen.push(context.signal instanceof AbortSignal), { city, celsius: 21 }),
  };
  const request = { model: "mistral-small-latest", inputs: "Weather in Paris?", tools: [weather] };
  const result = await conversations.run(request);
  const stream = await conversations.runStream(request);
  const events = [];
  for await (const { event } of stream) events.push(event);
  const streamed = await stream.finalResult();
  expect(streamed.outputText === result.outputText, `runStream ended with ${JSON.stringify(streamed.outputText)}`);
  expect(seen.join() === "true,true", `execute's context.signal: ${seen.join()}`);
  return {
    status: result.status, steps: result.steps, text: result.outputText,
    results: events.filter((e) => e === "function.result").length,
  };
}
