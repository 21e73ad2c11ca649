// Hostile servers on 127.0.0.1 for tests/js/run-hostile.test.mjs: an MCP server (streamable
// HTTP) whose every answer a test can replace, and a Mistral API whose responses a test scripts.
import { createServer } from "node:http";

/** Starts `handle(req, res, body)` on a free port: `{ url, requests, closed, close() }`.
 * `requests` records `{ method, headers, body }`; `closed` counts requests whose connection the
 * client closed before the answer ended. */
async function serve(handle) {
  const requests = [];
  const server = createServer(async (req, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    const body = text ? JSON.parse(text) : undefined;
    requests.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.on("close", () => {
      if (!res.writableFinished) out.closed++;
    });
    await handle(req, res, body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const out = {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    closed: 0,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
  return out;
}

const ECHO = {
  name: "echo",
  description: "Echoes the message",
  inputSchema: { type: "object", properties: { message: { type: "string" } }, required: ["message"] },
};

/** The JSON-RPC answer `result` to `body`, as JSON. */
export const json = (res, body, result) =>
  res.writeHead(200, { "content-type": "application/json", "mcp-session-id": "s1" })
    .end(JSON.stringify({ jsonrpc: "2.0", id: body.id, result }));

/** An MCP server with one tool, `echo`. `hostile[method]` (`initialize`, `tools/list`,
 * `tools/call`), when given, answers that method instead: `(req, res, body) => void`. */
export function startMcp(hostile = {}) {
  return serve((req, res, body) => {
    if (req.method === "DELETE") return res.writeHead(200).end();
    if (body?.id === undefined) return res.writeHead(202).end(); // a notification
    const own = hostile[body.method];
    if (own) return own(req, res, body);
    if (body.method === "initialize") {
      return json(res, body, { protocolVersion: "2025-06-18", capabilities: { tools: {} }, serverInfo: { name: "hostile", version: "1" } });
    }
    if (body.method === "tools/list") return json(res, body, { tools: [ECHO] });
    if (body.method === "tools/call") {
      return json(res, body, { content: [{ type: "text", text: `Echo: ${body.params.arguments.message}` }] });
    }
    res.writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ jsonrpc: "2.0", id: body.id, error: { code: -32601, message: "no such method" } }));
  });
}

/** A `function.call` entry as the API sends it. */
export const call = (toolCallId, name, args) => ({
  object: "entry", type: "function.call", id: `fc_${toolCallId}`, tool_call_id: toolCallId, name, arguments: args,
});

/** A message entry as the API sends it. */
export const message = (text) => ({ object: "entry", type: "message.output", id: "msg_1", role: "assistant", content: text });

/** A Mistral API whose scripted model answers the n-th request with `steps[n](body)`: the
 * response's `outputs` (or, for a step that returns `{ raw }`, that body as it is). */
export function startApi(steps) {
  let n = 0;
  return serve((req, res, body) => {
    const step = steps[Math.min(n++, steps.length - 1)](body);
    const text = step.raw ?? JSON.stringify({
      object: "conversation.response",
      conversation_id: "conv_hostile",
      outputs: step,
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
    res.writeHead(200, { "content-type": "application/json" }).end(text);
  });
}
