// A tiny MCP server (streamable HTTP, JSON responses) that the demo serves at /mcp in emulator
// mode, so connectors can be tried offline: create a connector with http://127.0.0.1:PORT/mcp,
// and the emulator lists and calls these tools over real MCP. Deterministic, no dependencies.

const TOOLS = {
  get_forecast: {
    description: "Tomorrow's weather forecast for a city (made up, but always the same for a city).",
    inputSchema: { type: "object", properties: { city: { type: "string", description: "City name" } }, required: ["city"] },
    run({ city = "Paris" }) {
      const seed = [...String(city)].reduce((n, c) => (n * 31 + c.charCodeAt(0)) >>> 0, 7);
      const skies = ["sunny", "cloudy", "light rain", "windy", "foggy"];
      return `${city}: ${skies[seed % skies.length]}, ${8 + (seed % 18)} °C`;
    },
  },
  add_numbers: {
    description: "Adds two numbers.",
    inputSchema: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } }, required: ["a", "b"] },
    run({ a = 0, b = 0 }) {
      return String(Number(a) + Number(b));
    },
  },
  shout_text: {
    description: "Returns the text in capitals.",
    inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
    run({ text = "" }) {
      return String(text).toUpperCase();
    },
  },
};

function reply(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function answer(message) {
  const { id, method, params = {} } = message;
  const result = (value) => ({ jsonrpc: "2.0", id, result: value });
  const error = (code, text) => ({ jsonrpc: "2.0", id, error: { code, message: text } });
  switch (method) {
    case "initialize":
      return result({
        protocolVersion: params.protocolVersion ?? "2025-03-26",
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: "mistral-edge-demo-tools", version: "1.0.0" },
      });
    case "ping":
      return result({});
    case "tools/list":
      return result({ tools: Object.entries(TOOLS).map(([name, t]) => ({ name, description: t.description, inputSchema: t.inputSchema })) });
    case "tools/call": {
      const tool = TOOLS[params.name];
      if (!tool) return error(-32602, `Unknown tool: ${params.name}`);
      return result({ content: [{ type: "text", text: tool.run(params.arguments ?? {}) }], isError: false });
    }
    default:
      return error(-32601, `Method not found: ${method}`);
  }
}

/** Handles one request to /mcp. */
export function handleMcp(req, res) {
  if (req.method === "DELETE") return reply(res, 200, undefined);
  if (req.method !== "POST") return reply(res, 405, undefined, { allow: "POST, DELETE" });
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    let message;
    try {
      message = JSON.parse(Buffer.concat(chunks).toString() || "null");
    } catch {
      return reply(res, 400, { jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    }
    const messages = Array.isArray(message) ? message : [message];
    const answers = messages.filter((m) => m && m.id !== undefined && m.method).map(answer);
    if (!answers.length) return reply(res, 202, undefined);
    const headers = messages.some((m) => m?.method === "initialize") ? { "mcp-session-id": "demo-session" } : {};
    reply(res, 200, Array.isArray(message) ? answers : answers[0], headers);
  });
}
