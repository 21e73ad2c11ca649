// Helpers of the runtime matrix: bounded child processes (each in its own process group, all
// killed at exit), the consumer project made from `npm pack`, a static server for the browsers,
// and bundling the way wrangler / Vercel do.
import { spawn } from "node:child_process";
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const here = fileURLToPath(new URL("./", import.meta.url));
export const bin = (name) => path.join(root, "node_modules/.bin", name);

// No telemetry, update checks or banners, in every child.
export const quietEnv = {
  ...process.env,
  DENO_NO_UPDATE_CHECK: "1",
  DENO_NO_PROMPT: "1",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  DO_NOT_TRACK: "1",
  NO_UPDATE_NOTIFIER: "1",
  npm_config_update_notifier: "false",
  npm_config_audit: "false",
  npm_config_fund: "false",
  MOZ_REMOTE_SETTINGS_DEVTOOLS: "1",
};

const children = new Set();
function killGroup(child, signal = "SIGKILL") {
  try {
    process.kill(-child.pid, signal);
  } catch {}
}
const cleanups = new Set();
/** A synchronous clean-up for the end of the run, even one cut short by a signal. */
export function atExit(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}
export function killAll() {
  for (const child of children) killGroup(child);
  children.clear();
  for (const fn of cleanups) {
    try {
      fn();
    } catch {}
  }
  cleanups.clear();
}
process.on("exit", killAll);
// `timeout` (scripts/runtimes.sh) ends this process with SIGTERM: take the detached groups along.
for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130], ["SIGHUP", 129]]) {
  process.once(signal, () => {
    killAll();
    process.exit(code);
  });
}

/** Starts a long-running child in its own process group; `stop()` ends the whole group. */
export function start(cmd, args, { cwd, env = quietEnv, stdio = ["ignore", "pipe", "pipe"] } = {}) {
  const child = spawn(cmd, args, { cwd, env, stdio, detached: true });
  children.add(child);
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  child.once("exit", () => children.delete(child));
  child.output = () => output;
  child.stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 3000);
      child.once("exit", () => (clearTimeout(timer), children.delete(child), resolve()));
      killGroup(child, "SIGTERM");
    });
  return child;
}

/** Runs a command to its end within `timeoutMs`: { code, output, ms }; the group is killed on timeout. */
export async function run(cmd, args, { cwd, env = quietEnv, timeoutMs = 60_000 } = {}) {
  const t0 = Date.now();
  const child = start(cmd, args, { cwd, env });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child, "SIGKILL");
  }, timeoutMs);
  const code = await new Promise((resolve) => child.once("exit", (c, s) => resolve(c ?? s)));
  clearTimeout(timer);
  const output = child.output() + (timedOut ? `\n[killed after ${timeoutMs} ms]` : "");
  return { code: timedOut ? "timeout" : code, output, ms: Date.now() - t0 };
}

export function mustRun(result, what) {
  if (result.code !== 0) throw new Error(`${what} failed (${result.code}):\n${result.output.slice(-4000)}`);
  return result;
}

/** `npm pack ./pkg`, then installs the tarball into a fresh project (offline: it has no dependencies). */
export async function makeConsumerProject() {
  const dir = mkdtempSync(path.join(tmpdir(), "mistral-edge-runtimes-"));
  atExit(() => removeDir(dir));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "runtime-consumer", private: true, type: "module" }));
  const pack = mustRun(await run("npm", ["pack", path.join(root, "pkg"), "--pack-destination", dir, "--silent"], { cwd: dir }), "npm pack");
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball:\n${pack.output}`);
  mustRun(
    await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", `./${tarball}`], { cwd: dir }),
    "npm install of the tarball",
  );
  for (const f of ["check.mjs", "cli.mjs", "consumer.ts"]) cpSync(path.join(here, f), path.join(dir, f));
  return { dir, tarball, packageDir: path.join(dir, "node_modules/mistral-edge-client") };
}

export function removeDir(dir) {
  if (dir && !process.env.KEEP_RUNTIMES_TMP) rmSync(dir, { recursive: true, force: true });
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
};

/**
 * A static server on 127.0.0.1: `mounts` maps URL prefixes to directories. `/proxy/…` forwards to
 * `upstream` (same origin for the page, in case the emulator's CORS is not enough), streaming.
 */
export function startStaticServer(mounts, { upstream } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (upstream && url.pathname.startsWith("/proxy/")) {
      const target = new URL(url.pathname.slice("/proxy".length) + url.search, upstream);
      const headers = { ...req.headers, host: target.host };
      const out = http.request(target, { method: req.method, headers }, (up) => {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
        up.on("aborted", () => res.destroy());
        up.on("error", () => res.destroy());
      });
      out.on("error", () => res.destroy());
      req.pipe(out);
      return;
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!url.pathname.startsWith(prefix)) continue;
      let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
      if (rel.endsWith("/")) rel += "index.html";
      const file = path.join(dir, path.normalize("/" + rel));
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) break;
      res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
      }),
    ),
  );
}

/** esbuild with a `.wasm` rule: `external` keeps `import m from "./x.wasm"` (copying the file, as
 * wrangler does for CompiledWasm), or `global` turns it into `globalThis[name]`. */
export async function bundle({ entry, outfile, conditions, format, wasm }) {
  const esbuild = await import("esbuild");
  const outdir = path.dirname(outfile);
  mkdirSync(outdir, { recursive: true });
  const wasmPlugin = {
    name: "wasm-module",
    setup(build) {
      build.onResolve({ filter: /\.wasm$/ }, (args) => {
        const file = path.resolve(args.resolveDir, args.path);
        if (wasm.mode === "external") {
          cpSync(file, path.join(outdir, path.basename(file)));
          return { path: "./" + path.basename(file), external: true };
        }
        return { path: file, namespace: "wasm-global" };
      });
      build.onLoad({ filter: /.*/, namespace: "wasm-global" }, () => ({
        contents: `export default globalThis[${JSON.stringify(wasm.global)}];`,
        loader: "js",
      }));
    },
  };
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format,
    platform: "neutral",
    mainFields: ["browser", "module", "main"],
    conditions,
    target: "es2022",
    logLevel: "silent",
    plugins: [wasmPlugin],
  });
  return outfile;
}

/** `workerd serve` on a generated config, sockets on port 0; resolves to { ports, stop } once listening. */
export async function startWorkerd(dir, configText, socketNames, { timeoutMs = 20_000 } = {}) {
  const config = path.join(dir, "config.capnp");
  writeFileSync(config, configText);
  const child = start(bin("workerd"), ["serve", config, "--control-fd=3"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  const ports = {};
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workerd did not listen within ${timeoutMs} ms:\n${child.output()}`)), timeoutMs);
    let buffer = "";
    child.stdio[3].on("data", (chunk) => {
      buffer += chunk;
      for (const line of buffer.split("\n").slice(0, -1)) {
        const message = JSON.parse(line);
        if (message.event === "listen") ports[message.socket] = message.port;
      }
      buffer = buffer.slice(buffer.lastIndexOf("\n") + 1);
      if (socketNames.every((n) => ports[n])) (clearTimeout(timer), resolve());
    });
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`workerd exited with ${code}:\n${child.output()}`))));
  });
  return { ports, child, stop: () => child.stop() };
}

/** Reads an SSE body: [{ event, data }] with data parsed as JSON. */
export async function readSse(body) {
  const text = await new Response(body).text();
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split("\n");
      return {
        event: lines.find((l) => l.startsWith("event: "))?.slice(7),
        data: JSON.parse(lines.find((l) => l.startsWith("data: ")).slice(6)),
      };
    });
}

export async function retryOnce(what, fn, log = console.log) {
  try {
    return await fn();
  } catch (error) {
    log(`# ${what} failed once, retrying: ${String(error && error.message).split("\n")[0]}`);
    return await fn();
  }
}
