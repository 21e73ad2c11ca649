// The in-process emulator's checks, the same in every runtime: `createEmulator()` from the
// installed tarball's `mistral-edge-client/emulator`, a streamed conversation through `emu.fetch`,
// a fault (a dropped stream, a 429), and, given an MCP server URL the runtime can reach, a
// connector listing and calling its tools through the runtime's own fetch. Returns a summary.

const auth = { authorization: "Bearer runtime", "content-type": "application/json" };

async function start(emu, inputs, fault) {
  return emu.fetch("https://api.mistral.ai/v1/conversations", {
    method: "POST",
    headers: fault ? { ...auth, "x-emulator-fault": fault } : auth,
    body: JSON.stringify({ model: "m", inputs, stream: true }),
  });
}

export async function runEmulatorChecks(createEmulator, { mcpUrl } = {}) {
  const t0 = Date.now();
  const emu = await createEmulator();
  const summary = { readyMs: Date.now() - t0 };

  const streamed = await (await start(emu, "count to 25")).text();
  summary.deltas = (streamed.match(/event: message\.output\.delta/g) ?? []).length;
  summary.done = /event: conversation\.response\.done/.test(streamed);

  // Read with a reader: its rejection is the stream's own error (Firefox's text() turns any
  // stream error into an AbortError).
  try {
    const reader = (await start(emu, "count to 25", "drop-after=3")).body.getReader();
    while (!(await reader.read()).done);
    summary.dropped = "not cut";
  } catch (error) {
    summary.dropped = error instanceof TypeError ? "TypeError" : String(error);
  }
  const limited = await emu.fetch("/v1/agents", { headers: { ...auth, "x-emulator-fault": "rate-limit=2" } });
  summary.rateLimited = { status: limited.status, retryAfter: limited.headers.get("retry-after") };
  summary.stats = await emu.stats();

  if (mcpUrl) {
    const created = await emu.fetch("/v1/connectors", {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ name: "everything", description: "reference MCP server", server: mcpUrl }),
    });
    if (created.status !== 201) throw new Error(`creating the connector: ${created.status} ${await created.text()}`);
    const tools = await emu.fetch("/v1/connectors/everything/tools", { headers: auth });
    const listed = await tools.json();
    if (tools.status !== 200) throw new Error(`listing tools: ${tools.status} ${JSON.stringify(listed)}`);
    const call = await emu.fetch("/v1/connectors/everything/tools/echo/call", {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ arguments: { message: "from the runtime" } }),
    });
    const result = await call.json();
    summary.mcp = { tools: listed.map((t) => t.name).includes("echo"), echo: JSON.stringify(result.content ?? result).includes("from the runtime") };
  }
  return summary;
}
