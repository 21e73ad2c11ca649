// Starts mistral-emulator for the benchmarks (bench/run.mjs, bench/client-costs.mjs): the release
// binary, built first when it is out of date (`cargo build --release -p mistral-emulator`: minutes
// from scratch, a no-op after), on a free 127.0.0.1 port. Its bench mode (`x-emulator-bench`,
// emulator/src/bench.rs) serves the SDK baseline's streams of bench/frames.mjs byte for byte.
//
//   const emu = await startBenchEmulator();   // { url, port, proc, close() }

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const binary = `${root}target/release/mistral-emulator`;

export async function startBenchEmulator() {
  const build = spawnSync("nice", ["-n", "10", "cargo", "build", "--release", "-q", "-p", "mistral-emulator"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0 || !existsSync(binary)) throw new Error("cargo build --release -p mistral-emulator failed");
  const proc = spawn(binary, ["--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
  const stop = () => { if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM"); };
  process.once("exit", stop);
  const url = await new Promise((resolve, reject) => {
    let buf = "";
    const t = setTimeout(() => reject(new Error("the emulator did not start in 20 s")), 20_000);
    proc.stdout.on("data", (d) => {
      buf += d;
      const m = /https?:\/\/[^\s]+/.exec(buf);
      if (m) { clearTimeout(t); resolve(m[0].replace(/\/+$/, "")); }
    });
    proc.once("exit", (code) => { clearTimeout(t); reject(new Error(`the emulator exited (${code})`)); });
  });
  const close = () => new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once("exit", () => resolve());
    stop();
  });
  return { url, port: Number(new URL(url).port), proc, close };
}
