// Starts local servers for a test file, and stops them.
//
//   const emu = await startEmulator();        // { url, close() }: the mistral-emulator binary
//   const mcp = await startEverything();      // { url, close() }: @modelcontextprotocol/server-everything
//   const npx = await startNpxEmulator();     // { url, close() }: pkg/emulator/cli.js (the npm bin)
//
// startEmulator uses target/debug/mistral-emulator (built by `cargo test --workspace`, or here
// with `cargo build -p mistral-emulator` if missing). startEverything runs the reference MCP
// server in streamable-HTTP mode on a free 127.0.0.1 port, with ./loopback-only.mjs preloaded
// so that it binds to loopback only and cannot reach the network. Both print their address on
// stdout; both are killed when the test process exits, even without close().

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

const root = fileURLToPath(new URL("../../", import.meta.url));
const binary = `${root}target/debug/mistral-emulator`;
const everything = `${root}node_modules/@modelcontextprotocol/server-everything/dist/index.js`;
const loopbackOnly = fileURLToPath(new URL("./loopback-only.mjs", import.meta.url));

const children = new Set();
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/** Spawns `command`, waits for a stdout line matching `pattern`, returns { child, match }. */
function launch(command, args, { env, pattern, what, timeoutMs = 20_000 }) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  children.add(child);
  child.once("exit", () => children.delete(child));
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s\n${stderr}`)), timeoutMs);
    const onExit = (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}\n${stderr}`));
    };
    child.once("exit", onExit);
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const match = line.match(pattern);
      if (!match) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      lines.removeAllListeners("line");
      child.stdout.resume(); // keep draining what the server logs
      resolve(match);
    });
  });
  const close = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { child, started, close };
}

// MISTRAL_EMULATOR=inprocess: startEmulator() gives an in-process emulator (pkg/emulator, the
// emulator's core in wasm) instead of the binary. Its `url` (http://emulator-N.invalid) reaches
// it through the global fetch, which this module then wraps: requests to such a URL go to that
// emulator's `fetch`, every other request to the real one. So suites written against the binary
// (the client's, the official SDK's) run unchanged against the in-process emulator.
const inProcess = new Map(); // host -> emulator
let realFetch;
async function startInProcessEmulator() {
  const { createEmulator } = await import(new URL("../../pkg/emulator/node.js", import.meta.url));
  if (!realFetch) {
    realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const emu = inProcess.get(URL.canParse(url) ? new URL(url).host : "");
      return emu ? emu.fetch(input, init) : realFetch(input, init);
    };
  }
  const host = `emulator-${inProcess.size + 1}.invalid`;
  inProcess.set(host, await createEmulator());
  return { url: `http://${host}`, close: async () => void inProcess.delete(host) };
}

/** The mistral-emulator binary on 127.0.0.1:0. Extra CLI arguments go in `args`. */
export async function startEmulator({ args = [] } = {}) {
  if (process.env.MISTRAL_EMULATOR === "inprocess" && args.length === 0) return startInProcessEmulator();
  if (!existsSync(binary)) {
    const built = spawnSync("cargo", ["build", "-p", "mistral-emulator"], { cwd: root, stdio: "inherit" });
    if (built.status !== 0) throw new Error("cargo build -p mistral-emulator failed");
  }
  const { started, close } = launch(binary, ["--listen", "127.0.0.1:0", ...args], {
    pattern: /https?:\/\/\S+/,
    what: "the emulator",
  });
  const [url] = await started;
  return { url, close };
}

/**
 * The npm package's emulator server (`npx mistral-edge-client emulator`, pkg/emulator/cli.js: the
 * emulator's wasm core behind Node's http server) on 127.0.0.1:0; needs pkg/ (scripts/build.sh).
 */
export async function startNpxEmulator({ args = [] } = {}) {
  const cli = `${root}pkg/emulator/cli.js`;
  if (!existsSync(cli)) throw new Error("pkg/emulator/cli.js is missing: run scripts/build.sh first");
  const { child, started, close } = launch(process.execPath, [cli, "emulator", "--port", "0", ...args], {
    pattern: /^mistral-edge-client emulator listening on (https?:\/\/\S+)$/,
    what: "npx mistral-edge-client emulator",
  });
  const [, url] = await started;
  return { url, close, child };
}

/** The reference MCP server (server-everything) over streamable HTTP: `url` is its /mcp endpoint. */
export async function startEverything() {
  if (!existsSync(everything)) throw new Error("npm install first: @modelcontextprotocol/server-everything is missing");
  const { started, close } = launch(process.execPath, ["--import", loopbackOnly, everything, "streamableHttp"], {
    env: { PORT: "0" },
    pattern: /^LOOPBACK-LISTENING (\d+)$/,
    what: "server-everything",
  });
  const [, port] = await started;
  return { url: `http://127.0.0.1:${port}/mcp`, port: Number(port), close };
}
