// `make demo`: serves the demo page (www/) and the built package (pkg/) on 127.0.0.1, and proxies
// /api/* to the Mistral API emulator it starts on a loopback port — or, with MISTRAL_API_KEY set,
// to https://api.mistral.ai, adding the key server-side (it never reaches the browser, never logged).
//
//   node scripts/demo.mjs            PORT=8787 by default (PORT=0 picks a free one)
//   MISTRAL_API_KEY=… node scripts/demo.mjs
//   MISTRAL_EMULATOR=path/to/binary  use that emulator binary instead of target/{release,debug}
//
// In emulator mode it also serves a small MCP server at /mcp (scripts/demo-mcp.mjs), for trying
// connectors offline.
//
// Prints `mistral-edge demo: http://127.0.0.1:PORT` once it serves. Ctrl-C / SIGTERM stop it all.
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { handleMcp } from "./demo-mcp.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const LIVE_URL = "https://api.mistral.ai";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};
// Headers that belong to one hop, or to the browser, and are not forwarded.
const HOP = new Set([
  "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
  "transfer-encoding", "upgrade", "host", "cookie", "authorization", "origin", "referer", "accept-encoding",
]);

const print = (line) => process.stdout.write(`${line}\n`);

/** The newest emulator binary under target/, built with cargo when there is none. */
function emulatorBinary(log) {
  if (process.env.MISTRAL_EMULATOR) return process.env.MISTRAL_EMULATOR;
  const candidates = ["release", "debug"]
    .map((profile) => path.join(root, "target", profile, "mistral-emulator"))
    .filter((file) => existsSync(file))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (candidates.length) return candidates[0];
  log("demo: building the emulator (cargo build --release -p mistral-emulator) …");
  const built = spawnSync("cargo", ["build", "--release", "-q", "-p", "mistral-emulator"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error("cargo build -p mistral-emulator failed");
  return path.join(root, "target", "release", "mistral-emulator");
}

/** Starts the emulator on a free loopback port: `{ url, child }`. */
function startEmulator(log) {
  const child = spawn(emulatorBinary(log), ["--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
  // Whatever ends this process, the emulator goes with it.
  process.once("exit", () => child.exitCode === null && child.kill("SIGTERM"));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the emulator did not start within 20 s")), 20_000);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code}`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      const match = line.match(/https?:\/\/\S+/);
      match ? resolve({ url: match[0], child }) : reject(new Error(`unexpected emulator output: ${line}`));
    });
  });
}

/** Serves one file from `dir` (no directory listings, no path escapes). */
function serveStatic(req, res, dir, pathname) {
  const file = path.join(dir, path.normalize(decodeURIComponent(pathname)));
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { "content-type": "text/plain" });
    return res.end("not found");
  }
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file).pipe(res);
}

/** Forwards `/api/<rest>` to `upstream/<rest>`, streaming both bodies, with the server-side key. */
function proxy(req, res, upstream, bearer, log) {
  const target = new URL(req.url.replace(/^\/api/, "") || "/", upstream);
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) if (!HOP.has(name)) headers[name] = value;
  headers.authorization = `Bearer ${bearer}`;
  headers["accept-encoding"] = "identity";
  const started = Date.now();
  const transport = target.protocol === "https:" ? https : http;
  const outgoing = transport.request(target, { method: req.method, headers }, (incoming) => {
    const out = {};
    for (const [name, value] of Object.entries(incoming.headers)) if (!HOP.has(name)) out[name] = value;
    res.writeHead(incoming.statusCode ?? 502, out);
    res.flushHeaders();
    incoming.pipe(res);
    incoming.on("end", () => log(`  ${req.method} ${target.pathname} → ${incoming.statusCode} (${Date.now() - started} ms)`));
  });
  outgoing.on("error", (error) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ detail: `the demo proxy could not reach the API: ${error.code ?? error.message}` }));
  });
  // The browser stopped (abort): close the upstream request too, so the API sees it.
  res.on("close", () => {
    if (!res.writableFinished) outgoing.destroy();
  });
  req.pipe(outgoing);
}

/**
 * Starts the demo server (and the emulator unless `apiKey` is given): `{ url, upstream, live, close() }`.
 * `liveURL` replaces https://api.mistral.ai (tests point it at a local fake).
 */
export async function startDemo({ port = 8787, apiKey = "", liveURL = LIVE_URL, log = print } = {}) {
  const live = apiKey !== "";
  let emulator = live ? null : await startEmulator(log);
  let upstream = live ? liveURL : emulator.url;
  let closing = null;
  // An emulator that stops on its own (a crash, a stray signal) is replaced, a few times at most.
  let restarts = 0;
  const watch = (current) => current.child.once("exit", (code, signal) => {
    if (closing || restarts >= 5) return;
    restarts += 1;
    log(`demo: the emulator stopped (${signal ?? `exit ${code}`}); starting a new one (its state starts empty)`);
    startEmulator(log).then((next) => {
      emulator = next;
      upstream = next.url;
      watch(next);
    }, (error) => log(`demo: could not restart the emulator: ${error.message}`));
  });
  if (emulator) watch(emulator);
  const config = (url) => JSON.stringify({
    mode: live ? "live" : "emulator",
    api: live ? "api.mistral.ai" : "local emulator",
    // The emulator reaches MCP servers on this machine; api.mistral.ai cannot.
    ...(live ? {} : { sampleMcpServer: `${url}/mcp` }),
  });
  const www = path.join(root, "www");
  const pkg = path.join(root, "pkg");

  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, "http://localhost");
    if (pathname === "/api" || pathname.startsWith("/api/")) return proxy(req, res, upstream, live ? apiKey : "emulator", log);
    if (pathname === "/mcp" && !live) return handleMcp(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405);
      return res.end();
    }
    if (pathname === "/demo-config.json") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      return res.end(config(`http://127.0.0.1:${server.address().port}`));
    }
    if (pathname.startsWith("/pkg/")) return serveStatic(req, res, pkg, pathname.slice(4));
    return serveStatic(req, res, www, pathname === "/" ? "/index.html" : pathname);
  });
  server.on("connection", (socket) => socket.setNoDelay(true));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}`;

  const close = () =>
    (closing ??= (async () => {
      server.close();
      server.closeAllConnections();
      if (emulator && emulator.child.exitCode === null) {
        const exited = new Promise((resolve) => emulator.child.once("exit", resolve));
        emulator.child.kill("SIGTERM");
        const timer = setTimeout(() => emulator.child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(timer);
      }
    })());
  return { url, upstream, live, close };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (!existsSync(path.join(root, "pkg", "index.js"))) {
    console.error("demo: pkg/ is missing: run `make build` (or `make demo`) first");
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 8787);
  const demo = await startDemo({ port, apiKey: process.env.MISTRAL_API_KEY ?? "" }).catch((error) => {
    console.error(error.code === "EADDRINUSE"
      ? `demo: port ${port} is in use; run with PORT=<another port> (PORT=0 picks a free one)`
      : `demo: ${error.message}`);
    process.exit(1);
  });
  print(demo.live
    ? `demo: proxying /api to ${demo.upstream} with MISTRAL_API_KEY (added server-side)`
    : `demo: proxying /api to the emulator at ${demo.upstream}`);
  print(`mistral-edge demo: ${demo.url}`);
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    print(`demo: ${signal}, stopping`);
    await demo.close();
    process.exit(0);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
