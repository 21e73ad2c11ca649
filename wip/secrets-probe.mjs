// The second outsider attack on the secrets rule (branch secrets2; not in make test: each hole it
// found has its test in tests/js/hostile-log.test.mjs or tests/js/hostile-paths.test.mjs).
// Usage: node wip/secrets-probe.mjs (against pkg/). On main before secrets2 it flagged: the
// debugLogger (bodies, headers, status text, request-body credentials), a client's x-api-key
// header, a custom fetch's own Response class, a cause's getter and symbol key, and an MCP
// server's tool description and result echoing its headers (sent to Mistral, kept in the result,
// logged). Its last run (secrets2): 22 probes, none flagged.
import { createServer } from "node:http";
import { inspect } from "node:util";
const { Mistral, HTTPClient } = await import(new URL("../pkg/node.js", import.meta.url));

const KEY = "sk-PrObE/key+9=Zq";
const TOKEN = "ya29.tok/en+PROBE=";
const HDR = "x-api-PROBE-secret-77";
const all = [KEY, TOKEN, HDR];
const json = (s) => JSON.stringify(s).slice(1, -1);
const uni = (s) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
const pct = (s) => encodeURIComponent(s);
const spellings = (s) => [s, json(s), json(s).replaceAll("/", "\\/"), uni(s), pct(s), pct(s).toLowerCase(), json(json(s)), s.slice(3, 12)];

let scenario;
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => scenario(req, res, body));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}`;

function shown(error) {
  const parts = [String(error), error?.stack ?? "", safe(() => JSON.stringify(error)), inspect(error, { depth: 30, showHidden: true, getters: true })];
  for (const k of ["body", "requestId", "rawMessage"]) if (typeof error?.[k] === "string") parts.push(error[k]);
  for (const k of ["detail", "data$", "rawValue"]) parts.push(safe(() => JSON.stringify(error?.[k])));
  try { parts.push(JSON.stringify(JSON.parse(error.body))); } catch {}
  try { if (error?.headers?.entries) for (const [n, v] of error.headers) parts.push(`${n}: ${v}`); } catch (e) { parts.push(`headers threw ${e}`); }
  if (error?.rawResponse) { const r = error.rawResponse; parts.push(String(r.url), String(r.statusText)); try { for (const [n, v] of r.headers) parts.push(`${n}: ${v}`); } catch {} }
  for (let c = error?.cause; c; c = c.cause) parts.push(String(c?.message), String(c?.stack), inspect(c, { showHidden: true, getters: true }));
  return parts.join("\n");
}
function safe(f) { try { return f() ?? ""; } catch (e) { return `<${e}>`; } }
function leaks(text, secrets = all) {
  const out = [];
  for (const s of secrets) for (const sp of spellings(s)) if (text.includes(sp)) out.push(sp);
  return out;
}
function report(name, text, secrets) {
  const l = leaks(text, secrets);
  console.log(l.length ? "LEAK" : "ok  ", name, l.join(" "));
}
const logger = () => { const lines = []; const f = (...a) => lines.push(a.map((x) => (typeof x === "string" ? x : inspect(x, { depth: 20 }))).join(" ")); return { lines, log: f, group: f, groupEnd() {} }; };

const REQ = { model: "m", inputs: "hi", tools: [{ type: "connector", connectorId: "c", authorization: { type: "oauth2-token", value: TOKEN } }] };
const echoAll = (req, body) => [req.headers.authorization, req.headers["x-api-key"] ?? "", body].join(" ");

export async function run() {
  // 1. logger
  for (const [name, handler] of [
    ["log json body", (req, res, body) => res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ m: echoAll(req, body), u: uni(KEY), p: pct(TOKEN) }))],
    ["log headers+status", (req, res, body) => res.writeHead(401, KEY.replace(/[^\x20-\x7e]/g, ""), { "x-echo": pct(KEY), "x-token": json(TOKEN), [`x-${"sk-PrObE"}`]: "1" }).end("")],
    ["log text", (req, res, body) => res.writeHead(500, { "content-type": "text/plain" }).end(`${uni(KEY)} ${json(json(TOKEN))}`)],
  ]) {
    scenario = handler;
    const log = logger();
    const client = new Mistral({ apiKey: KEY, serverURL: url, debugLogger: log, retryConfig: { strategy: "none" }, headers: { "x-api-key": HDR } });
    let err;
    try { await client.beta.conversations.start(REQ); } catch (e) { err = e; }
    report(name, log.lines.join("\n"));
    report(`${name} (error)`, shown(err));
  }
  // 1b. logged request body with connector credentials
  scenario = (req, res) => res.writeHead(404, { "content-type": "application/json" }).end("{}");
  {
    const log = logger();
    const client = new Mistral({ apiKey: KEY, serverURL: url, debugLogger: log, retryConfig: { strategy: "none" } });
    await client.beta.connectors.createCredentials({ connectorIdOrName: "c", consumerScope: "user", credentialsCreateOrUpdate: { name: "n", credentials: { bearerToken: TOKEN, headers: { "x-api-key": HDR } } } }).catch(() => {});
    report("log request body credentials", log.lines.join("\n"));
  }
  // 2. custom credential-named headers echoed
  scenario = (req, res) => res.writeHead(401, { "content-type": "text/plain" }).end(`echo ${req.headers["x-api-key"]}`);
  {
    let err;
    try { await new Mistral({ apiKey: KEY, serverURL: url, headers: { "x-api-key": HDR }, retryConfig: { strategy: "none" } }).beta.conversations.start(REQ); } catch (e) { err = e; }
    report("client x-api-key header echoed", shown(err), [HDR]);
  }
  // 3. foreign Response class from a custom fetch
  {
    class FakeHeaders { constructor(o) { this.m = new Map(Object.entries(o)); } get(n) { return this.m.get(n) ?? null; } *[Symbol.iterator]() { yield* this.m; } entries() { return this.m.entries(); } }
    class FakeResponse { constructor(status, body, headers) { this.status = status; this.ok = status < 300; this.statusText = `st ${KEY}`; this.url = `http://x/?k=${pct(KEY)}`; this.headers = new FakeHeaders(headers); this._b = body; this.body = null; } async arrayBuffer() { return new TextEncoder().encode(this._b).buffer; } async text() { return this._b; } clone() { return this; } }
    const fetch = async () => new FakeResponse(401, "x", { "x-request-id": KEY, "x-echo": TOKEN });
    let err;
    try { await new Mistral({ apiKey: KEY, serverURL: url, fetch, retryConfig: { strategy: "none" } }).beta.conversations.start(REQ); } catch (e) { err = e; }
    report("foreign Response", shown(err));
  }
  // 4. caller's fetch throws with getters / symbols
  {
    const fetch = async (u, init) => { const auth = init.headers.authorization; const cause = { get info() { return auth; }, [Symbol("k")]: auth }; throw new TypeError("fetch failed", { cause }); };
    let err;
    try { await new Mistral({ apiKey: KEY, serverURL: url, fetch, retryConfig: { strategy: "none" } }).beta.conversations.start(REQ); } catch (e) { err = e; }
    report("cause getter/symbol", shown(err));
  }
  // 5. rawResponse body
  scenario = (req, res) => res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ m: KEY }));
  {
    let err;
    try { await new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" } }).beta.conversations.start(REQ); } catch (e) { err = e; }
    let body;
    try { body = await err.rawResponse.text(); } catch (e) { body = `<${e}>`; }
    report(`rawResponse.text() -> ${body.slice(0, 60)}`, body);
  }
  // 6. retries with Retry-After echo, then 500 echo
  {
    let n = 0;
    scenario = (req, res) => (++n < 2 ? res.writeHead(429, { "retry-after": "0", "x-echo": KEY }).end(KEY) : res.writeHead(500, { "x-echo": uni(KEY) }).end(json(TOKEN)));
    let err;
    try { await new Mistral({ apiKey: KEY, serverURL: url }).beta.conversations.start(REQ); } catch (e) { err = e; }
    report("retry then 500", shown(err));
  }
  // 7. pagination: page 2 fails with echo
  {
    let n = 0;
    scenario = (req, res) => (++n === 1
      ? res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items: [], pagination: { page_size: 1, next_cursor: "c2" } }))
      : res.writeHead(400, { "content-type": "application/json", "x-request-id": KEY }).end(JSON.stringify({ message: `bad ${req.headers.authorization}` })));
    let err;
    try { for await (const _ of new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" } }).beta.connectors.list({ pageSize: 1 })); } catch (e) { err = e; }
    report(`pagination page 2 (${err?.name})`, shown(err));
  }
  // 8. upload error echo
  scenario = (req, res, body) => res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ message: `bad ${req.headers.authorization} ${body.slice(0, 300)}` }));
  {
    let err;
    try { await new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" } }).files.upload({ file: { fileName: "a.jsonl", content: new TextEncoder().encode(KEY) }, purpose: "batch" }); } catch (e) { err = e; }
    report(`upload (${err?.name})`, shown(err), [KEY]);
  }
  // 9. stream: error event split across chunks, key escaped and split
  scenario = (req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    const data = JSON.stringify({ type: "conversation.response.error", message: `bad ${KEY}`, code: 1 }).replace(KEY, uni(KEY));
    const text = `event: conversation.response.error\ndata: ${data}\n\n`;
    let i = 0;
    const step = () => { if (i >= text.length) return res.end(); res.write(text.slice(i, i + 3)); i += 3; setTimeout(step, 1); };
    step();
  };
  {
    let err;
    try { for await (const _ of await new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" } }).beta.conversations.startStream(REQ)); } catch (e) { err = e; }
    report(`stream split error (${err?.name} ${err?.kind})`, shown(err));
  }
  // 10. stream too_large with key first
  scenario = (req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": json(KEY) });
    res.write(`event: conversation.response.error\ndata: {"type":"x","message":"${KEY}`);
    const chunk = "y".repeat(1 << 20);
    let n = 0;
    const more = () => { if (n++ > 70 || res.destroyed) return res.end(); if (res.write(chunk)) setImmediate(more); else res.once("drain", more); };
    more();
  };
  {
    let err;
    try { for await (const _ of await new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" } }).beta.conversations.startStream(REQ)); } catch (e) { err = e; }
    report(`stream too_large (${err?.name} ${err?.kind})`, shown(err));
  }
  // 11. stream cut mid-event with key
  scenario = (req, res) => { res.writeHead(200, { "content-type": "text/event-stream" }); res.write(`event: conversation.response.started\ndata: {"type":"conversation.response.started","conversation_id":"${KEY}`); setTimeout(() => res.socket.destroy(), 20); };
  {
    let err;
    try { for await (const _ of await new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" } }).beta.conversations.startStream(REQ)); } catch (e) { err = e; }
    report(`stream cut (${err?.name} ${err?.kind})`, shown(err));
  }
  // 12. download 404 echo + dropped with request id
  scenario = (req, res) => res.writeHead(404, { "content-type": "application/json", "x-request-id": pct(KEY) }).end(JSON.stringify({ message: `no ${uni(req.headers.authorization)}` }));
  {
    let err;
    try { await new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" } }).files.download({ fileId: "f" }); } catch (e) { err = e; }
    report(`download 404 (${err?.name})`, shown(err), [KEY]);
  }
  scenario = (req, res) => { res.writeHead(200, { "content-type": "application/octet-stream", "x-request-id": KEY }); res.write("abc"); setTimeout(() => res.socket.destroy(), 20); };
  {
    let err;
    try { const s = await new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" } }).files.download({ fileId: "f" }); for await (const _ of s); } catch (e) { err = e; }
    report(`download dropped (${err?.name})`, shown(err), [KEY]);
  }
  // 13. run loop: MCP success result echoing its headers; tools/list description echoing
  {
    const MT = "mcp-PROBE-token-4242";
    const appended = [];
    scenario = (req, res, body) => {
      if (req.url.startsWith("/mcp")) {
        const m = body ? JSON.parse(body) : {};
        if (m.id === undefined) return res.writeHead(202).end();
        const answer = (result) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: m.id, result }));
        if (m.method === "initialize") return answer({ protocolVersion: "2025-06-18", capabilities: {} });
        if (m.method === "tools/list") return answer({ tools: [{ name: "echo", description: `desc ${req.headers["x-secret"]}`, inputSchema: { type: "object" } }] });
        return answer({ content: [{ type: "text", text: `ok ${req.headers["x-secret"]}` }] });
      }
      appended.push(body);
      const entry = { object: "entry", id: "e1", created_at: "2026-01-01T00:00:00Z" };
      const outputs = req.url.endsWith("/conversations") ? [{ ...entry, type: "function.call", tool_call_id: "t1", name: "echo", arguments: "{}" }] : [{ ...entry, type: "message.output", role: "assistant", content: "done" }];
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "conversation.response", conversation_id: "c1", outputs, usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
    };
    const log = logger();
    let result;
    try { result = await new Mistral({ apiKey: KEY, serverURL: url, debugLogger: log }).beta.conversations.run({ model: "m", inputs: "hi", mcpServers: [{ url: `${url}/mcp`, headers: { "x-secret": MT } }] }); } catch (e) { console.log("run err", e); }
    report("mcp result/description sent to Mistral", appended.join("\n"), [MT]);
    report("mcp run log", log.lines.join("\n"), [MT]);
    report("mcp run result", JSON.stringify(result), [MT]);
  }
}
await run();
server.closeAllConnections();
server.close();
