// One run-loop scenario, runtime-neutral: tests/js/run-runtimes.test.mjs runs it in Node and in
// headless Chromium and compares the summaries (which leave out ids and times).
// `mod` is the package's namespace, `z` zod's, `serverURL` the emulator, `mcpURL` server-everything.

export async function runScenario(mod, z, serverURL, mcpURL) {
  const client = new mod.Mistral({ apiKey: "runtime-run", serverURL });
  const conversations = client.beta.conversations;
  const summary = {};
  const weather = {
    type: "function",
    function: { name: "get_weather", parameters: z.object({ city: z.string() }) },
    execute: async ({ city }) => ({ city, celsius: 21 }),
  };
  const time = {
    type: "function",
    function: { name: "get_time", parameters: { type: "object", properties: { city: { type: "string" } } } },
    execute: async ({ city }) => `12:00 in ${city}`,
  };
  const model = (inputs, tools, extra) => ({ model: "mistral-medium-latest", inputs, tools, ...extra });
  const brief = (r) => ({ status: r.status, steps: r.steps, text: r.outputText, types: r.entries.map((e) => e.type), pending: r.pending.length });

  // 1. A chain of two steps, zod validating the first function's arguments.
  summary.chain = brief(await conversations.run(model("Weather in Paris then time in Tokyo", [weather, time])));

  // 2. Streamed, with an approval asked and allowed.
  const confirmed = { ...weather, requiresConfirmation: true };
  const asked = [];
  const stream = await conversations.runStream(model("Weather and time in Paris", [confirmed, time]), {
    onConfirmation: (call) => {
      asked.push(call.name);
      return true;
    },
  });
  const events = [];
  for await (const { event } of stream) events.push(event);
  summary.stream = { ...brief(await stream.finalResult()), asked, results: events.filter((e) => e === "function.result").length, events: events.length };

  // 3. Stopped for a confirmation, resumed from JSON by a new client.
  const stopped = await conversations.run(model("Weather in Paris?", [confirmed]));
  const saved = JSON.parse(JSON.stringify(stopped));
  const other = new mod.Mistral({ apiKey: "runtime-run", serverURL });
  const resumed = await other.beta.conversations.run(
    { conversationId: saved.conversationId, tools: [confirmed] },
    { confirmations: saved.pending.map(({ toolCallId }) => ({ toolCallId, allow: false })) },
  );
  summary.resume = { stopped: brief(stopped), resumed: brief(resumed) };

  // 4. Structured output with a zod schema.
  const forecast = await conversations.run(model("Forecast for Paris for 3 days", undefined, {
    outputFormat: z.object({ city: z.string(), days: z.number() }),
  }));
  summary.output = forecast.output;

  // 5. An MCP server over fetch.
  const echoed = await conversations.run(model("Please echo this", undefined, { mcpServers: [{ url: mcpURL, include: ["echo"] }] }));
  summary.mcp = brief(echoed);

  // 6. Aborted inside execute.
  const controller = new AbortController();
  const stuck = { ...time, execute: () => (controller.abort(), new Promise(() => {})) };
  try {
    await conversations.run(model("Time in Paris", [stuck]), { signal: controller.signal });
    summary.abort = "not aborted";
  } catch (error) {
    summary.abort = error instanceof mod.AbortError ? "AbortError" : String(error);
  }
  return summary;
}
