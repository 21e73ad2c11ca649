// Shared by tests/js/hostile-log.test.mjs and tests/js/hostile-paths.test.mjs: a hostile server on
// 127.0.0.1 whose handler each test sets, the spellings of a secret an echo can produce, and what
// an error can show (the secrets rule: README, "Errors").
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { inspect } from "node:util";

/** The spellings of `text` an echo can produce: as sent, JSON-escaped (`\/` too), `\uXXXX`
 * (either case), percent-encoded (either case), JSON in JSON. */
export function spellings(text) {
  const json = JSON.stringify(text).slice(1, -1);
  const unicode = [...text].map((c) => (/[a-z0-9]/i.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)).join("");
  const percent = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const nested = JSON.stringify(json).slice(1, -1);
  const upper = unicode.replace(/\\u(\w{4})/g, (_, hex) => `\\u${hex.toUpperCase()}`);
  return [...new Set([text, json, json.replaceAll("/", "\\/"), unicode, upper, percent,
    percent.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), nested])];
}
/** The spellings that fit in a JSON string as they are. */
export const jsonSafe = (text) => spellings(text).filter((s) => !/(^|[^\\])"/.test(s) && !/\\(?![\\/"bfnrtu])/.test(s));

/** Starts the server: `{ url, close() }`; `handle(req, res, body)` answers each request. */
export async function startHostile(handle) {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => handle(req, res, body));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => (server.closeAllConnections(), server.close()),
  };
}

/** Every credential the request carried, as the server received it: bare of `Bearer `. */
export function credentialsOf(req, body) {
  const found = [req.headers.authorization?.replace(/^Bearer /, ""), req.headers["x-api-key"]];
  const visit = (v) => {
    if (v && typeof v === "object") {
      if (typeof v.authorization?.value === "string") found.push(v.authorization.value);
      for (const k in v) visit(v[k]);
    }
  };
  try {
    visit(JSON.parse(body));
  } catch {}
  return found.filter(Boolean);
}

/** A logger like `console` that keeps every line, objects shown as `console.log` shows them. */
export function recorder() {
  const lines = [];
  const line = (...args) => lines.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 30 }))).join(" "));
  return { lines, log: line, group: line, groupEnd() {} };
}

/** Every string `error` can show (as tests/js/hostile.test.mjs reads them, getters included). */
export function shown(error) {
  const parts = [String(error), error?.stack ?? "", JSON.stringify(error) ?? "", inspect(error, { depth: 30, showHidden: true, getters: true })];
  for (const key of ["body", "requestId", "rawMessage"]) if (typeof error?.[key] === "string") parts.push(error[key]);
  try {
    parts.push(JSON.stringify(JSON.parse(error.body)));
  } catch {}
  if (error?.headers) for (const [name, value] of error.headers) parts.push(`${name}: ${value}`);
  const raw = error?.rawResponse;
  if (raw) {
    parts.push(String(raw.url), String(raw.statusText));
    for (const [name, value] of raw.headers ?? []) parts.push(`${name}: ${value}`);
  }
  for (let cause = error?.cause; cause; cause = cause.cause) parts.push(String(cause.message), inspect(cause, { showHidden: true, getters: true }));
  return parts.join("\n");
}

/** Asserts that `text` (what was logged, or shown) holds no spelling of any of `secrets`. */
export function assertNone(text, secrets, what) {
  for (const secret of secrets) {
    for (const spelled of spellings(secret)) {
      assert.ok(!text.includes(spelled), `${what} shows ${JSON.stringify(secret)} spelled ${JSON.stringify(spelled)}:\n${text.slice(0, 4000)}`);
    }
  }
}

