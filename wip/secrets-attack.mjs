// Issue 14's outsider attack on the secrets rule (not in make test): node wip/secrets-attack.mjs "$PWD/pkg".
// Its last run (branch secrets2): 22 paths, 4 flagged, only by spellings the rule leaves out on
// purpose (HTML entities, base64, letter case, reversal; README says so). "200 bad field type echo"
// resolves (a response-validation matter, not a secrets one: no error is made).
// Outsider attack: a hostile server echoing credentials in every place, through every path.
// Usage: node attack.mjs <pkg dir>
import { createServer } from "node:http";
import { inspect } from "node:util";
const pkg = process.argv[2];
const { Mistral } = await import(`${pkg}/node.js`);

const KEY = "sk-AtTaCk/key+9=Z";
const TOKEN = "ya29.tok/en+CONN=";
const all = [KEY, TOKEN];
const b64 = (s) => Buffer.from(s).toString("base64");
const html = (s) => s.replace(/[&<>"'/]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
const pct = (s) => encodeURIComponent(s);
const json = (s) => JSON.stringify(s).slice(1, -1);
const uni = (s) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");

function spellingsOf(s) {
  return { raw: s, json: json(s), uni: uni(s), pct: pct(s), pct2: pct(pct(s)), nested: json(json(s)), html: html(s), b64: b64(s), b64url: b64(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), lower: s.toLowerCase(), upper: s.toUpperCase(), reversed: [...s].reverse().join("") };
}

let scenario;
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => scenario(req, res, body));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}`;
const client = new Mistral({ apiKey: KEY, serverURL: url, retryConfig: { strategy: "none" } });
const REQ = { model: "m", inputs: "hi", tools: [{ type: "connector", connectorId: "c", authorization: { type: "oauth2-token", value: TOKEN } }] };

function shown(error) {
  const parts = [String(error), error?.stack ?? "", safe(() => JSON.stringify(error)), inspect(error, { depth: 30, showHidden: true, getters: true })];
  for (const k of ["body", "requestId", "rawMessage", "contentType", "code"]) if (typeof error?.[k] === "string") parts.push(error[k]);
  for (const k of ["detail", "data$", "rawValue"]) parts.push(safe(() => JSON.stringify(error?.[k])));
  try { parts.push(JSON.stringify(JSON.parse(error.body))); } catch {}
  try { parts.push(JSON.stringify(JSON.parse(JSON.parse(error.body).upstream))); } catch {}
  if (error?.headers?.entries) for (const [n, v] of error.headers) parts.push(`${n}: ${v}`);
  if (error?.rawResponse) parts.push(String(error.rawResponse.url), String(error.rawResponse.statusText), ...[...(error.rawResponse.headers ?? [])].map(([n, v]) => `${n}: ${v}`));
  try { if (typeof error?.pretty === "function") parts.push(error.pretty()); } catch {}
  for (let c = error?.cause; c; c = c.cause) parts.push(String(c?.message), String(c?.stack), inspect(c, { showHidden: true }));
  return parts.join("\n");
}
function safe(f) { try { return f() ?? ""; } catch (e) { return `<${e}>`; } }

const results = [];
function check(name, error, secrets = all) {
  const text = shown(error);
  const leaks = [];
  for (const s of secrets) for (const [how, sp] of Object.entries(spellingsOf(s))) if (sp.length >= 4 && text.includes(sp)) leaks.push(`${how}:${sp}`);
  // fragments
  for (const s of secrets) for (const frag of [s.slice(3, 10), s.slice(-7)]) if (text.includes(frag) && !leaks.length) leaks.push(`fragment:${frag}`);
  results.push([name, error?.name, leaks]);
  console.log(leaks.length ? "LEAK" : "ok  ", name, error?.name, leaks.join(" "));
}
async function oneShot(name, handler, secrets) {
  scenario = handler;
  let error;
  try { await client.beta.conversations.start(REQ); } catch (e) { error = e; }
  if (!error) return console.log("NOERR", name);
  check(name, error, secrets);
}
async function stream(name, handler) {
  scenario = handler;
  let error;
  try { const s = await client.beta.conversations.startStream(REQ); for await (const _ of s); } catch (e) { error = e; }
  if (!error) return console.log("NOERR", name);
  check(name, error);
}
const secretsOf = (req, body) => [req.headers.authorization.replace(/^Bearer /, ""), JSON.parse(body).tools?.[0]?.authorization?.value].filter(Boolean);
const every = (ss) => ss.flatMap((s) => Object.values(spellingsOf(s))).join(" | ");

await oneShot("statusText", (req, res, body) => res.writeHead(401, secretsOf(req, body).join(" ").replace(/[^\x20-\x7e]/g, ""), {}).end("x"));
await oneShot("header names+values", (req, res, body) => { const ss = secretsOf(req, body); res.writeHead(401, { [`x-${ss[0].replace(/[^a-z0-9-]/gi, "")}`]: "1", "mistral-correlation-id": ss[0], "x-request-id": ss[1], "content-type": `text/plain; k=${ss[0]}`, "set-cookie": `s=${pct(ss[0])}`, "www-authenticate": `Bearer error="${ss[1]}"` }).end("no"); });
await oneShot("json every spelling", (req, res, body) => res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ message: every(secretsOf(req, body)) })));
await oneShot("html", (req, res, body) => res.writeHead(500, { "content-type": "text/html" }).end(`<html><body>${secretsOf(req, body).map(html).join("<br>")}</body></html>`));
await oneShot("text every spelling", (req, res, body) => res.writeHead(500, { "content-type": "text/plain" }).end(every(secretsOf(req, body))));
await oneShot("nested json", (req, res, body) => res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ upstream: JSON.stringify({ e: secretsOf(req, body).join(" ") }).replaceAll("/", "\\/") })));
await oneShot("200 non-object echo", (req, res, body) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(secretsOf(req, body).join(" "))));
await oneShot("200 bad field type echo", (req, res, body) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ conversation_id: 5, outputs: secretsOf(req, body), usage: {} })));
await oneShot("200 not json", (req, res, body) => res.writeHead(200, { "content-type": "application/json" }).end(`{"x": ${secretsOf(req, body).join(" ")}`));
await oneShot("redirect userinfo", (req, res, body) => req.url.includes("leak") ? res.writeHead(500).end("x") : res.writeHead(307, { location: `/v1/conversations?leak=${pct(secretsOf(req, body)[0])}#${secretsOf(req, body)[1]}` }).end());
await oneShot("retry-after echo", (req, res, body) => res.writeHead(429, { "retry-after": secretsOf(req, body)[0] }).end());
await oneShot("422 detail keys/loc", (req, res, body) => { const ss = secretsOf(req, body); res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ detail: [{ loc: ["body", ss[0], 3], msg: ss[1], type: ss[0], input: { [ss[1]]: [ss[0]] }, ctx: { [json(ss[0])]: 1 } }] })); });
await oneShot("socket destroyed", (req, res) => res.socket.destroy());

await stream("stream error event", (req, res, body) => { const ss = secretsOf(req, body); res.writeHead(200, { "content-type": "text/event-stream" }).end(`event: conversation.response.error\ndata: ${JSON.stringify({ type: "conversation.response.error", message: every(ss), code: ss[0], created_at: "2026-01-01T00:00:00Z", extra: { [ss[1]]: ss } })}\n\n`); });
await stream("stream malformed event name", (req, res, body) => { const ss = secretsOf(req, body); res.writeHead(200, { "content-type": "text/event-stream" }).end(`event: ${ss[0]}\ndata: {${ss[1]}\n\n`); });
await stream("stream malformed json with escapes", (req, res, body) => { const ss = secretsOf(req, body); res.writeHead(200, { "content-type": "text/event-stream" }).end(`event: conversation.response.started\ndata: {"type":"conversation.response.started","conversation_id":${JSON.stringify(json(ss[0]))},"created_at":5,\n\n`); });
await stream("stream wrong content-type", (req, res, body) => res.writeHead(200, { "content-type": `text/html; ${secretsOf(req, body)[0]}` }).end("x"));
await stream("stream dropped", (req, res, body) => { res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": secretsOf(req, body)[0] }); res.write(": hi\n\n"); setTimeout(() => res.socket.destroy(), 20); });
await stream("stream id/retry fields", (req, res, body) => { const ss = secretsOf(req, body); res.writeHead(200, { "content-type": "text/event-stream" }).end(`id: ${ss[0]}\nretry: ${ss[1]}\nevent: conversation.response.error\ndata: {"type":"conversation.response.error","message":"m","code":1}\n\n`); });
await stream("stream huge event", (req, res, body) => { const ss = secretsOf(req, body); res.writeHead(200, { "content-type": "text/event-stream" }).end(`event: conversation.response.error\ndata: {"type":"conversation.response.error","message":"${"x".repeat(100000)} ${json(ss[0])}","code":1}\n\n`); });

// downloads
scenario = (req, res) => { res.writeHead(200, { "content-type": "application/octet-stream", "x-request-id": KEY }); res.write("abc"); setTimeout(() => res.socket.destroy(), 20); };
try { const s = await client.files.download({ fileId: "f" }); const r = s.getReader(); for (;;) { if ((await r.read()).done) break; } console.log("NOERR download"); } catch (e) { check("download dropped", e); }
scenario = (req, res) => res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: `no file for ${req.headers.authorization}` }));
try { await client.files.download({ fileId: "f" }); console.log("NOERR"); } catch (e) { check("download 404", e); }

// MCP via run
const MT = "mcp-secret-TOKEN-77";
scenario = (req, res, body) => {
  if (req.url.startsWith("/mcp")) {
    const m = body ? JSON.parse(body) : {};
    if (m.id === undefined) return res.writeHead(202).end();
    return res.writeHead(500, { "content-type": "text/plain", "x-echo": req.headers["x-secret"] }).end(`nope ${req.headers["x-secret"]}`);
  }
  res.writeHead(500).end();
};
try { await client.beta.conversations.run({ model: "m", inputs: "hi", mcpServers: [{ url: `${url}/mcp`, headers: { "x-secret": MT } }] }); } catch (e) { check("mcp 500 no result", e, [MT]); }

console.log("\nsummary:", results.filter((r) => r[2].length).length, "leaky of", results.length);
server.closeAllConnections();
server.close();
