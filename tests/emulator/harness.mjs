// Starts the mistral-emulator binary on 127.0.0.1 for a test file, and stops it.
//
//   const emu = await startEmulator();   // { url, close() }
//
// Uses target/debug/mistral-emulator (built by `cargo test --workspace`, or here if missing).

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

const root = fileURLToPath(new URL("../../", import.meta.url));
const binary = `${root}target/debug/mistral-emulator`;

export async function startEmulator({ args = [] } = {}) {
  if (!existsSync(binary)) {
    const built = spawnSync("cargo", ["build", "-p", "mistral-emulator"], { cwd: root, stdio: "inherit" });
    if (built.status !== 0) throw new Error("cargo build -p mistral-emulator failed");
  }
  const child = spawn(binary, ["--listen", "127.0.0.1:0", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the emulator did not start within 20 s")), 20_000);
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code}`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      const match = line.match(/https?:\/\/\S+/);
      match ? resolve(match[0]) : reject(new Error(`unexpected emulator output: ${line}`));
    });
  });
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}
