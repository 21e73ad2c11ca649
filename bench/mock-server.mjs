#!/usr/bin/env node
// Mock of Mistral's beta Conversations API: the benchmark's stream generator (bench/run.mjs).
// Tests use mistral-emulator (emulator/) instead; this stays for its byte-exact, cached `bulk`
// streams of the sdk-baseline frames.
// Node stdlib only (node:http). Listens on 127.0.0.1 only.
//
//   node bench/mock-server.mjs [--port 0]
//     prints exactly one stdout line `LISTENING <port>`; exits 0 on SIGTERM/SIGINT
//     and by itself after LIFETIME_S seconds (env, default 600).
//   import { startMockServer } from "./bench/mock-server.mjs";
//     const mock = await startMockServer({ port: 0 });
//     mock.url            "http://127.0.0.1:<port>"  (pass as serverURL)
//     mock.port
//     mock.requests       live array of recorded requests (same list as GET /__mock/requests)
//     mock.closedEarly    getter: streams the client closed before the server finished writing
//     mock.completed      getter: streams the server finished writing
//     mock.stats()        { closedEarly, completed, serverCut }
//     await mock.close()  closes the listener and destroys every open socket
//
// ROUTES
//   OPTIONS *                              204, CORS preflight (no auth)
//   POST /v1/conversations                 start   -> new conversation id conv_<32 hex>
//   POST /v1/conversations/{id}            append  -> keeps {id}
//   POST /v1/conversations/{id}/restart    restart -> new conversation id
//   GET    /__mock/requests                recorded requests as JSON (no auth)
//   DELETE /__mock/requests                clear them, 204 (no auth)
//   GET    /__mock/stats                   { closedEarly, completed, serverCut } (no auth)
//   anything else                          404 {"detail":"Not Found"}
//   any /v1/... without `Authorization: Bearer <non-empty>` -> 401 {"detail":"Unauthorized"}
//   a /v1 POST body that is not JSON       -> 422 {"detail":[{"type":"json_invalid",...}]}
//
// EVERY RESPONSE carries `x-request-id: req_<counter>` (unique per request, per server),
// `Access-Control-Allow-Origin: *` and `Access-Control-Expose-Headers: *`.
// The preflight adds `Access-Control-Allow-Headers: <the Access-Control-Request-Headers it got, else *>`
// (the Fetch standard never lets `*` cover `Authorization`) and
// `Access-Control-Allow-Methods: GET,POST,PATCH,PUT,DELETE,OPTIONS`.
//
// STREAM OR NOT: the JSON body decides. `"stream": true` -> 200 text/event-stream
// (cache-control: no-cache, headers flushed at once, TCP_NODELAY, chunked, no
// content-length). Otherwise 200 application/json ConversationResponse:
//   {object:"conversation.response", conversation_id,
//    outputs:[{object:"entry", type:"message.output", id, created_at, completed_at,
//              model:"mistral-medium-2505", role:"assistant", content:"<all N tokens joined>"}],
//    usage:{prompt_tokens:12, completion_tokens:N, total_tokens:12+N,
//           connector_tokens:null, connectors:null}}
//
// REQUEST HEADERS that steer the mock (all optional):
//   x-mock-n            number of message.output.delta events N (default 5, 0..10,000,000)
//   x-mock-tokens       `default` -> every token is " token";
//                       `varied`  -> token i is VARIED_TOKENS[i % 8]: ASCII, é, 日本語, an emoji,
//                                    a \" quote, a \n newline, a \\ backslash, " token"
//   x-mock-write        `event` (default): one res.write per event, awaiting 'drain'.
//                       `bulk`: the body after the `started` frame is rendered once, cached by
//                               (N, scenario, tokens, created-at) and written in 64 KiB slices
//                               with backpressure (the benchmark path). `slow` ignores it.
//   x-mock-created-at   `1` adds "created_at":"2026-01-01T00:00:00.000Z" right after "type" in
//                       every event (+40 B/event); `us` adds "2026-01-01T00:00:00.000000Z" (+43 B,
//                       the byte count of sdk-baseline's created-at run); `tick` gives each event
//                       its own fixed-width timestamp, 137 µs after the one before (as a live
//                       stream's deltas differ in `created_at` as well as in `content`).
//   x-mock-scenario     one of the scenarios below (default `ok`)
//   x-mock-cut-after    cut-* scenarios: complete events before the cut (default 3; `started` counts)
//   x-mock-cut-delay-ms cut-* scenarios (streams): wait this long after the half frame before
//                       cutting (default 0), so a client has read everything before the cut
//   x-mock-retry-after  rate-limit: value of Retry-After (default 1)
//   x-mock-key          fail-once / rate-limit: key of the "only the first request fails" memory
//   x-mock-delay-ms     slow: delay between events (default 50)
//   x-mock-huge-bytes   huge: length of the huge content string (default 4 MiB = 4194304)
//
// DEFAULT STREAM (byte for byte the stream of /work/shared/reference/sdk-baseline.md):
//   event: conversation.response.started
//   data: {"type":"conversation.response.started","conversation_id":"conv_<32 hex>"}
//   (blank line)
//   then N times (263 bytes per frame with the default token):
//   event: message.output.delta
//   data: {"type":"message.output.delta","output_index":1,"id":"msg_067f2a9925d674ea8000e63c68ae0474","content_index":0,"model":"mistral-medium-2505","agent_id":"ag_067f2a39ddd67bf68000fa921bc0c25d","role":"assistant","content":" token"}
//   (blank line)
//   then
//   event: conversation.response.done
//   data: {"type":"conversation.response.done","usage":{"prompt_tokens":12,"completion_tokens":N,"total_tokens":12+N,"connector_tokens":null,"connectors":null}}
//   (blank line)
//   => 26,300,342 bytes for N = 100,000 (the baseline's figure), i.e. N*263 + 342 for 10,000 <= N < 100,000,000-12 .
//   There is no `data: [DONE]`; the body simply ends.
//
// SCENARIOS (x-mock-scenario). "events" below counts SSE frames, `started` and `done` included.
//   ok              the default stream: N + 2 events.
//   unknown-event   after the 2nd delta (after the last one if N < 2) inserts
//                     event: conversation.response.novel
//                     data: {"type":"conversation.response.novel","some_field":{"nested_key":1}}
//                   then continues: N + 3 events.
//   error-event     after 2 deltas (min(2, N)) sends
//                     event: conversation.response.error
//                     data: {"type":"conversation.response.error","message":"internal model error","code":3000}
//                   and ends the body cleanly (no `done`).
//   malformed-json  after 2 deltas sends a frame whose JSON is truncated:
//                     event: message.output.delta
//                     data: {"type":"message.output.delta","content":
//                   then continues normally (remaining deltas and `done`): N + 3 frames.
//   cut-socket      writes `x-mock-cut-after` complete events (default 3) of the ok stream, then the
//                   first HALF (by bytes) of the next frame, then destroys the socket: no terminating
//                   chunk, the client sees a connection error.
//   cut-clean       same, but ends the response cleanly (res.end()) in the middle of the frame:
//                   no `done`, no error at the HTTP level.
//                   Non-stream requests with cut-*: half of the JSON body, then destroy / end.
//   rate-limit      429 {"detail":"rate limited"} with `Retry-After: <x-mock-retry-after|1>`.
//                   With `x-mock-key`, only the FIRST request with that key is limited, later ones
//                   succeed (to test retries); without it, every request gets 429.
//   fail-once       the first request carrying a given `x-mock-key` (no header = the key "") gets
//                   500 {"detail":"boom"}; the following ones succeed normally.
//   validation      422 {"detail":[{"loc":["body","inputs"],"msg":"Field required","type":"missing"}]}
//   slow            waits `x-mock-delay-ms` (default 50) between events (first event at once);
//                   the timer stops when the client goes away. Non-stream: the JSON is sent after
//                   one delay.
//   huge            one extra message.output.delta whose content is a string of exactly
//                   `x-mock-huge-bytes` ASCII bytes, after the 2nd delta: N + 3 events.
//   tools           a tool-using stream (N is ignored), 9 events:
//                     conversation.response.started
//                     tool.execution.started {output_index:0,id:"tool_1",name:"web_search",arguments:"{\"query\":\"x\"}"}
//                     tool.execution.done    {output_index:0,id:"tool_1",name:"web_search",info:{"some_key":1}}
//                     message.output.delta   output_index 1, content_index 0, content =
//                       {"type":"tool_reference","tool":"web_search","title":"Example","url":"https://example.com","favicon":null}
//                     message.output.delta   output_index 1, content_index 1, content "The answer"
//                     message.output.delta   output_index 1, content_index 1, content " is 42."
//                     function.call.delta    {output_index:2,id:"fc_1",name:"get_weather",tool_call_id:"call_1",arguments:"{\"city\":"}
//                     function.call.delta    same, arguments:"\"Paris\"}"
//                     conversation.response.done usage {prompt_tokens:12,completion_tokens:3,total_tokens:15,
//                                                       connector_tokens:25,connectors:{"web_search":1}}
//                   Non-stream: outputs = [tool.execution, message.output (content: [tool_reference,
//                   {type:"text",text:"The answer is 42."}]), function.call] with the same usage.
//   Other streaming-only scenarios answer non-stream requests like `ok`.
//
// RECORDING: every request except /__mock/* is appended to `requests` as
//   { id: "req_<n>", method, path (with query), headers (lower-cased names), body (raw text),
//     parsed (only if the body parses as JSON) }.
// STATS: a streaming response counts as `closedEarly` when its 'close' fires before the
// server finished writing (client went away), `completed` when it finished (cut-clean
// included), `serverCut` for cut-socket (the server destroyed it on purpose).

import http from "node:http";
import { randomBytes } from "node:crypto";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

// ---------------------------------------------------------------- constants

export const MODEL = "mistral-medium-2505";
export const MSG_ID = "msg_067f2a9925d674ea8000e63c68ae0474";
export const AGENT_ID = "ag_067f2a39ddd67bf68000fa921bc0c25d";
export const PROMPT_TOKENS = 12;
export const DEFAULT_TOKEN = " token";
export const VARIED_TOKENS = Object.freeze([
  " Hello",
  " café",
  " 日本語",
  " 🚀",
  ' "quoted"',
  " line\nbreak",
  " back\\slash",
  " token",
]);
const CREATED_AT = { "1": "2026-01-01T00:00:00.000Z", us: "2026-01-01T00:00:00.000000Z", tick: "tick" };

/** `x-mock-created-at: tick`: event i's timestamp, 137 µs apart, always 27 characters. */
function tickAt(i) {
  const us = i * 137;
  const pad = (v, w) => String(v).padStart(w, "0");
  const s = Math.floor(us / 1e6);
  return `2026-01-01T${pad(Math.floor(s / 3600) % 24, 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}.${pad(us % 1e6, 6)}Z`;
}

/** The timestamp of event i (0 = `started`) for a created-at setting. */
const createdAtOf = (createdAt, i) => (createdAt === "tick" ? tickAt(i) : createdAt);
const SLICE = 64 * 1024;
const MAX_N = 10_000_000;
const MAX_BULK_BYTES = 1024 * 1024 * 1024;
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

export const SCENARIOS = Object.freeze([
  "ok", "unknown-event", "error-event", "malformed-json", "cut-socket", "cut-clean",
  "rate-limit", "fail-once", "validation", "slow", "huge", "tools",
]);

/** Token i (0-based) of a stream. */
export function tokenAt(i, tokens = "default") {
  return tokens === "varied" ? VARIED_TOKENS[i % VARIED_TOKENS.length] : DEFAULT_TOKEN;
}

/** The concatenated text of the N deltas (what the non-stream `content` holds). */
export function expectedText(n, tokens = "default") {
  if (tokens !== "varied") return DEFAULT_TOKEN.repeat(n);
  let s = "";
  for (let i = 0; i < n; i++) s += tokenAt(i, tokens);
  return s;
}

// ---------------------------------------------------------------- rendering

function frame(event, dataJson) {
  return `event: ${event}\ndata: ${dataJson}\n\n`;
}

/** JSON of an event object, with "created_at" inserted after "type" when asked. */
function eventJson(obj, createdAt) {
  if (!createdAt) return JSON.stringify(obj);
  const { type, ...rest } = obj;
  return JSON.stringify({ type, created_at: createdAt, ...rest });
}

function ev(obj, createdAt) {
  return frame(obj.type, eventJson(obj, createdAt));
}

function deltaPrefix(createdAt, outputIndex = 1, contentIndex = 0) {
  // Everything up to the `content` value; built with JSON.stringify so the key order is fixed.
  const json = eventJson({
    type: "message.output.delta", output_index: outputIndex, id: MSG_ID,
    content_index: contentIndex, model: MODEL, agent_id: AGENT_ID, role: "assistant", content: 0,
  }, createdAt);
  return "event: message.output.delta\ndata: " + json.slice(0, -2); // drop `0}`
}

export function deltaFrame(content, createdAt = null) {
  return deltaPrefix(createdAt) + JSON.stringify(content) + "}\n\n";
}

/** The 263-byte default delta frame. */
export const DEFAULT_DELTA_FRAME = deltaFrame(DEFAULT_TOKEN);

export function startedFrame(conversationId, createdAt = null) {
  return ev({ type: "conversation.response.started", conversation_id: conversationId }, createdAt);
}

function usage(completion, extra = { connector_tokens: null, connectors: null }) {
  return { prompt_tokens: PROMPT_TOKENS, completion_tokens: completion,
    total_tokens: PROMPT_TOKENS + completion, ...extra };
}

export function doneFrame(n, createdAt = null) {
  return ev({ type: "conversation.response.done", usage: usage(n) }, createdAt);
}

const TOOL_REF = { type: "tool_reference", tool: "web_search", title: "Example",
  url: "https://example.com", favicon: null };
const TOOLS_USAGE = usage(3, { connector_tokens: 25, connectors: { web_search: 1 } });

/**
 * Frames after `started`, as strings, for a scenario (cut-* use the ok stream; the cut is
 * applied by the writer). `huge` may yield one very large string.
 */
function* restFrames({ n, scenario, tokens, createdAt: setting, hugeBytes }) {
  const tick = setting === "tick";
  const createdAt = createdAtOf(setting, 1);
  if (scenario === "tools") {
    yield ev({ type: "tool.execution.started", output_index: 0, id: "tool_1", name: "web_search",
      arguments: '{"query":"x"}' }, createdAt);
    yield ev({ type: "tool.execution.done", output_index: 0, id: "tool_1", name: "web_search",
      info: { some_key: 1 } }, createdAt);
    yield deltaPrefix(createdAt, 1, 0) + JSON.stringify(TOOL_REF) + "}\n\n";
    yield deltaPrefix(createdAt, 1, 1) + JSON.stringify("The answer") + "}\n\n";
    yield deltaPrefix(createdAt, 1, 1) + JSON.stringify(" is 42.") + "}\n\n";
    for (const args of ['{"city":', '"Paris"}']) {
      yield ev({ type: "function.call.delta", output_index: 2, id: "fc_1", name: "get_weather",
        tool_call_id: "call_1", arguments: args }, createdAt);
    }
    yield ev({ type: "conversation.response.done", usage: TOOLS_USAGE }, createdAt);
    return;
  }
  const prefix = deltaPrefix(createdAt);
  const plain = tokens !== "varied" && !tick ? prefix + JSON.stringify(DEFAULT_TOKEN) + "}\n\n" : null;
  const insertAt = Math.min(2, n); // after this many deltas
  for (let i = 0; i <= n; i++) {
    if (i === insertAt) {
      if (scenario === "unknown-event") {
        yield ev({ type: "conversation.response.novel", some_field: { nested_key: 1 } }, createdAt);
      } else if (scenario === "error-event") {
        yield ev({ type: "conversation.response.error", message: "internal model error", code: 3000 }, createdAt);
        return;
      } else if (scenario === "malformed-json") {
        yield 'event: message.output.delta\ndata: {"type":"message.output.delta","content":\n\n';
      } else if (scenario === "huge") {
        yield prefix + JSON.stringify(hugeString(hugeBytes)) + "}\n\n";
      }
    }
    if (i === n) break;
    yield plain ?? (tick ? deltaPrefix(tickAt(i + 1)) : prefix) + JSON.stringify(tokenAt(i, tokens)) + "}\n\n";
  }
  yield doneFrame(n, createdAtOf(setting, n + 1));
}

function hugeString(len) {
  const unit = "lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
  return unit.repeat(Math.ceil(len / unit.length)).slice(0, len);
}

/** Render the frames after `started` into one Buffer (strings are joined in ~1 MiB batches). */
function renderRest(cfg) {
  if (cfg.scenario !== "tools" && cfg.tokens !== "varied" && cfg.createdAt !== "tick" &&
      ["ok", "cut-socket", "cut-clean"].includes(cfg.scenario)) {
    // Fast path: N identical frames.
    const f = Buffer.from(deltaFrame(DEFAULT_TOKEN, cfg.createdAt));
    const done = Buffer.from(doneFrame(cfg.n, cfg.createdAt));
    const total = f.length * cfg.n + done.length;
    if (total > MAX_BULK_BYTES) throw new BadRequest("x-mock-n too large for bulk");
    const out = Buffer.allocUnsafe(total);
    if (cfg.n > 0) {
      f.copy(out, 0);
      let filled = f.length;
      const end = f.length * cfg.n;
      while (filled < end) { // doubling copy
        const len = Math.min(filled, end - filled);
        out.copy(out, filled, 0, len);
        filled += len;
      }
    }
    done.copy(out, f.length * cfg.n);
    return out;
  }
  const parts = [];
  let batch = "";
  let total = 0;
  for (const s of restFrames(cfg)) {
    batch += s;
    if (batch.length > 1 << 20) {
      const b = Buffer.from(batch);
      total += b.length;
      if (total > MAX_BULK_BYTES) throw new BadRequest("x-mock-n too large for bulk");
      parts.push(b);
      batch = "";
    }
  }
  parts.push(Buffer.from(batch));
  return Buffer.concat(parts);
}

/** Total byte length of a mock stream (the conversation id has a fixed length). */
export function streamByteLength({ n = 5, scenario = "ok", tokens = "default", createdAt = null,
  hugeBytes = 4 * 1024 * 1024 } = {}) {
  const ca = createdAt ? CREATED_AT[String(createdAt)] ?? createdAt : null;
  const started = Buffer.byteLength(startedFrame("conv_" + "0".repeat(32), createdAtOf(ca, 0)));
  if (scenario === "ok" && tokens !== "varied" && ca !== "tick") { // arithmetic, no rendering (used inside bench clients)
    return started + n * Buffer.byteLength(deltaFrame(DEFAULT_TOKEN, ca)) + Buffer.byteLength(doneFrame(n, ca));
  }
  return started + renderRest({ n, scenario, tokens, createdAt: ca, hugeBytes }).length;
}

class BadRequest extends Error {}

// ---------------------------------------------------------------- server

export async function startMockServer({ port = 0 } = {}) {
  let counter = 0;
  const requests = [];
  const stats = { closedEarly: 0, completed: 0, serverCut: 0 };
  const onceKeys = new Map(); // "<scenario>\0<key>" -> hits
  const bulkCache = new Map(); // key -> Buffer (insertion order = age)
  let cacheBytes = 0;
  const sockets = new Set();
  const timers = new Set();

  function baseHeaders(id, extra = {}) {
    return {
      "x-request-id": id,
      "access-control-allow-origin": "*",
      "access-control-expose-headers": "*",
      ...extra,
    };
  }

  function sendJson(res, id, status, obj, extra = {}) {
    const body = JSON.stringify(obj);
    res.writeHead(status, baseHeaders(id, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      ...extra,
    }));
    res.end(body);
  }

  function cachedRest(cfg) {
    const key = `${cfg.n}\0${cfg.scenario}\0${cfg.tokens}\0${cfg.createdAt}\0${cfg.hugeBytes}`;
    let buf = bulkCache.get(key);
    if (buf) return buf;
    buf = renderRest(cfg);
    if (buf.length <= MAX_CACHE_BYTES) {
      bulkCache.set(key, buf);
      cacheBytes += buf.length;
      for (const [k, b] of bulkCache) {
        if (cacheBytes <= MAX_CACHE_BYTES || k === key) break;
        bulkCache.delete(k);
        cacheBytes -= b.length;
      }
    }
    return buf;
  }

  function sleep(ms, state) {
    return new Promise((resolve) => {
      const t = setTimeout(() => { timers.delete(t); state.wake = null; resolve(); }, ms);
      timers.add(t);
      state.wake = () => { clearTimeout(t); timers.delete(t); state.wake = null; resolve(); };
    });
  }

  /** res.write with backpressure; resolves false once the client is gone. */
  function write(res, state, chunk) {
    if (state.closed) return false;
    if (res.write(chunk)) return true;
    return new Promise((resolve) => {
      state.wake = () => { state.wake = null; res.off("drain", onDrain); resolve(!state.closed); };
      const onDrain = () => state.wake?.();
      res.once("drain", onDrain);
    });
  }

  async function writeBuffer(res, state, buf) {
    for (let off = 0; off < buf.length; off += SLICE) {
      const r = write(res, state, buf.subarray(off, Math.min(off + SLICE, buf.length)));
      if (r === false || (r !== true && !(await r))) return false;
    }
    return true;
  }

  async function finishCut(res, state, cfg, partial) {
    if (state.closed) return;
    if (cfg.cutDelayMs > 0) {
      const r = write(res, state, partial);
      if (r !== true && !(await r)) return;
      await sleep(cfg.cutDelayMs, state);
      if (state.closed) return;
      if (cfg.scenario === "cut-clean") { res.end(); return; }
      state.serverCut = true;
      res.socket?.destroy();
      return;
    }
    if (cfg.scenario === "cut-clean") { res.end(partial); return; }
    state.serverCut = true;
    res.write(partial, () => res.socket?.destroy());
  }

  async function streamResponse(req, res, id, cfg) {
    res.writeHead(200, baseHeaders(id, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
    }));
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    const state = { closed: false, wake: null, serverCut: false };
    res.on("close", () => {
      if (!res.writableFinished && !state.serverCut) stats.closedEarly++;
      else if (state.serverCut) stats.serverCut++;
      else stats.completed++;
      state.closed = true;
      state.wake?.();
    });

    const started = startedFrame(cfg.conversationId, createdAtOf(cfg.createdAt, 0));
    const cut = cfg.scenario === "cut-socket" || cfg.scenario === "cut-clean";

    if (cfg.write === "bulk" && cfg.scenario !== "slow") {
      const rest = cachedRest(cfg);
      if (!cut) {
        if (!(await write(res, state, started))) return;
        if (!(await writeBuffer(res, state, rest))) return;
        if (!state.closed) res.end();
        return;
      }
      // Find the byte offset of frame boundaries in `started + rest`.
      const all = Buffer.concat([Buffer.from(started), rest]);
      let off = 0;
      for (let k = 0; k < cfg.cutAfter; k++) {
        const j = all.indexOf("\n\n", off);
        if (j < 0) break;
        off = j + 2;
      }
      const next = all.indexOf("\n\n", off);
      const nextEnd = next < 0 ? all.length : next + 2;
      const halfEnd = off + Math.floor((nextEnd - off) / 2);
      if (!(await writeBuffer(res, state, all.subarray(0, off)))) return;
      await finishCut(res, state, cfg, all.subarray(off, halfEnd));
      return;
    }

    // Event mode (and slow): one write per event.
    let k = 0;
    const frames = (function* () { yield started; yield* restFrames(cfg); })();
    for (const f of frames) {
      if (state.closed) return;
      if (cut && k === cfg.cutAfter) {
        const b = Buffer.from(f);
        await finishCut(res, state, cfg, b.subarray(0, Math.floor(b.length / 2)));
        return;
      }
      if (cfg.scenario === "slow" && k > 0) {
        await sleep(cfg.delayMs, state);
        if (state.closed) return;
      }
      const r = write(res, state, f);
      if (r !== true && !(await r)) return;
      k++;
    }
    if (!state.closed) res.end();
  }

  function conversationResponse(cfg) {
    const now = new Date().toISOString();
    const entry = (type, fields) => ({ object: "entry", type, created_at: now, completed_at: now, ...fields });
    if (cfg.scenario === "tools") {
      return {
        object: "conversation.response",
        conversation_id: cfg.conversationId,
        outputs: [
          entry("tool.execution", { id: "tool_1", name: "web_search", arguments: '{"query":"x"}',
            info: { some_key: 1 } }),
          entry("message.output", { id: MSG_ID, model: MODEL, role: "assistant",
            content: [TOOL_REF, { type: "text", text: "The answer is 42." }] }),
          entry("function.call", { id: "fc_1", tool_call_id: "call_1", name: "get_weather",
            arguments: '{"city":"Paris"}' }),
        ],
        usage: TOOLS_USAGE,
      };
    }
    return {
      object: "conversation.response",
      conversation_id: cfg.conversationId,
      outputs: [{ object: "entry", type: "message.output", id: MSG_ID, created_at: now,
        completed_at: now, model: MODEL, role: "assistant", content: expectedText(cfg.n, cfg.tokens) }],
      usage: usage(cfg.n),
    };
  }

  function intHeader(req, name, def, min, max) {
    const v = req.headers[name];
    if (v === undefined || v === "") return def;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new BadRequest(`bad ${name}: ${v}`);
    return n;
  }

  async function handleConversation(req, res, id, body, convPathId, kind) {
    const h = req.headers;
    const scenario = h["x-mock-scenario"] || "ok";
    if (!SCENARIOS.includes(scenario)) throw new BadRequest(`unknown x-mock-scenario: ${scenario}`);
    const key = h["x-mock-key"] ?? "";
    const firstForKey = () => {
      const k = scenario + "\0" + key;
      const hits = onceKeys.get(k) ?? 0;
      onceKeys.set(k, hits + 1);
      return hits === 0;
    };
    if (scenario === "rate-limit" && (h["x-mock-key"] === undefined || firstForKey())) {
      const ra = String(h["x-mock-retry-after"] ?? "1");
      return sendJson(res, id, 429, { detail: "rate limited" }, { "retry-after": ra });
    }
    if (scenario === "fail-once" && firstForKey()) {
      return sendJson(res, id, 500, { detail: "boom" });
    }
    if (scenario === "validation") {
      return sendJson(res, id, 422, { detail: [{ loc: ["body", "inputs"], msg: "Field required", type: "missing" }] });
    }
    const ca = h["x-mock-created-at"];
    const cfg = {
      scenario,
      n: intHeader(req, "x-mock-n", 5, 0, MAX_N),
      tokens: h["x-mock-tokens"] === "varied" ? "varied" : "default",
      createdAt: ca && ca !== "0" ? CREATED_AT[ca] ?? CREATED_AT["1"] : null,
      write: h["x-mock-write"] === "bulk" ? "bulk" : "event",
      cutAfter: intHeader(req, "x-mock-cut-after", 3, 0, MAX_N + 2),
      delayMs: intHeader(req, "x-mock-delay-ms", 50, 0, 600_000),
      cutDelayMs: intHeader(req, "x-mock-cut-delay-ms", 0, 0, 600_000),
      hugeBytes: intHeader(req, "x-mock-huge-bytes", 4 * 1024 * 1024, 0, 256 * 1024 * 1024),
      conversationId: kind === "append" ? convPathId : "conv_" + randomBytes(16).toString("hex"),
    };
    if (body.stream === true) return streamResponse(req, res, id, cfg);

    const json = JSON.stringify(conversationResponse(cfg));
    if (scenario === "slow") {
      const state = { closed: false, wake: null };
      res.on("close", () => { state.closed = true; state.wake?.(); });
      await sleep(cfg.delayMs, state);
      if (state.closed) return;
    }
    if (scenario === "cut-socket" || scenario === "cut-clean") {
      res.writeHead(200, baseHeaders(id, { "content-type": "application/json" }));
      const b = Buffer.from(json);
      const half = b.subarray(0, Math.floor(b.length / 2));
      if (scenario === "cut-clean") res.end(half);
      else res.write(half, () => res.socket?.destroy());
      return;
    }
    return sendJson(res, id, 200, JSON.parse(json));
  }

  async function handle(req, res) {
    const id = `req_${++counter}`;
    res.mockRequestId = id;
    const url = new URL(req.url, "http://127.0.0.1");
    const path = url.pathname;

    const chunks = [];
    for await (const c of req) chunks.push(c);
    const bodyText = Buffer.concat(chunks).toString("utf8");

    if (path.startsWith("/__mock/")) {
      if (path === "/__mock/requests" && req.method === "GET") return sendJson(res, id, 200, requests);
      if (path === "/__mock/requests" && req.method === "DELETE") {
        requests.length = 0;
        res.writeHead(204, baseHeaders(id));
        return res.end();
      }
      if (path === "/__mock/stats" && req.method === "GET") return sendJson(res, id, 200, { ...stats });
      return sendJson(res, id, 404, { detail: "Not Found" });
    }

    const rec = { id, method: req.method, path: req.url, headers: { ...req.headers }, body: bodyText };
    let parsed;
    let parsedOk = false;
    if (bodyText !== "") {
      try { parsed = JSON.parse(bodyText); parsedOk = true; rec.parsed = parsed; } catch {}
    }
    requests.push(rec);

    if (req.method === "OPTIONS") {
      // Per the Fetch standard `*` does not cover `Authorization`: echo what the preflight asks for.
      res.writeHead(204, baseHeaders(id, {
        "access-control-allow-headers": req.headers["access-control-request-headers"] || "*",
        "access-control-allow-methods": "GET,POST,PATCH,PUT,DELETE,OPTIONS",
        "access-control-max-age": "600",
      }));
      return res.end();
    }

    if (path === "/v1" || path.startsWith("/v1/")) {
      const auth = req.headers.authorization ?? "";
      if (!/^Bearer\s+\S/.test(auth)) return sendJson(res, id, 401, { detail: "Unauthorized" });
      let m;
      let kind = null;
      let convId = null;
      if (req.method === "POST") {
        if (path === "/v1/conversations") kind = "start";
        else if ((m = /^\/v1\/conversations\/([^/]+)$/.exec(path))) { kind = "append"; convId = decodeURIComponent(m[1]); }
        else if ((m = /^\/v1\/conversations\/([^/]+)\/restart$/.exec(path))) { kind = "restart"; convId = decodeURIComponent(m[1]); }
      }
      if (kind) {
        if (!parsedOk || parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
          return sendJson(res, id, 422, { detail: [{ type: "json_invalid", loc: ["body", 0],
            msg: "JSON decode error", input: {} }] });
        }
        return handleConversation(req, res, id, parsed, convId, kind);
      }
    }
    return sendJson(res, id, 404, { detail: "Not Found" });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (res.headersSent) { res.destroy(); return; }
      const id = res.mockRequestId ?? `req_${++counter}`;
      if (err instanceof BadRequest) sendJson(res, id, 400, { detail: err.message });
      else sendJson(res, id, 500, { detail: `mock error: ${err?.message ?? err}` });
    });
  });
  server.keepAliveTimeout = 5000;
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => { server.off("error", reject); resolve(); });
  });
  const actualPort = server.address().port;

  let closing = null;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    get closedEarly() { return stats.closedEarly; },
    get completed() { return stats.completed; },
    stats: () => ({ ...stats }),
    close() {
      closing ??= new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        bulkCache.clear();
      });
      return closing;
    },
  };
}

// ---------------------------------------------------------------- CLI

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const args = process.argv.slice(2);
  let port = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--port") port = Number(args[++i]);
    else if (args[i].startsWith("--port=")) port = Number(args[i].slice(7));
    else { console.error(`unknown argument: ${args[i]}`); process.exit(2); }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) { console.error("bad --port"); process.exit(2); }
  const lifetime = Number(process.env.LIFETIME_S ?? 600);
  const mock = await startMockServer({ port });
  process.stdout.write(`LISTENING ${mock.port}\n`);
  const stop = () => { mock.close().then(() => process.exit(0)); setTimeout(() => process.exit(0), 1000).unref(); };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  if (Number.isFinite(lifetime) && lifetime > 0) setTimeout(stop, lifetime * 1000).unref();
}
