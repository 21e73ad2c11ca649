// `npx mistral-edge-client emulator` (pkg/emulator/cli.js): prints its URL first, serves the API
// over HTTP (streams, faults that cut the connection, CORS, signed URLs on its own address), and
// stops cleanly on SIGTERM; bad arguments exit 2 with the usage.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startNpxEmulator } from "./harness.mjs";

const cli = fileURLToPath(new URL("../../pkg/emulator/cli.js", import.meta.url));
const auth = { authorization: "Bearer k", "content-type": "application/json" };

test("serves streams and faults, and stops on SIGTERM", async () => {
  const { url, close, child } = await startNpxEmulator();
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const r = await fetch(`${url}/v1/conversations`, { method: "POST", headers: auth, body: JSON.stringify({ model: "m", inputs: "count to 3", stream: true }) });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("access-control-allow-origin"), "*");
  assert.match(r.headers.get("x-request-id"), /^req_/);
  const text = await r.text();
  assert.equal(text.match(/event: message\.output\.delta/g).length, 3);
  assert.match(text, /conversation\.response\.done/);

  const cut = await fetch(`${url}/v1/conversations`, {
    method: "POST",
    headers: { ...auth, "x-emulator-fault": "drop-after=2" },
    body: JSON.stringify({ model: "m", inputs: "count to 5", stream: true }),
  });
  await assert.rejects(cut.text(), TypeError);

  const limited = await fetch(`${url}/v1/agents`, { headers: { ...auth, "x-emulator-fault": "rate-limit=3" } });
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "3");

  const form = new FormData();
  form.append("file", new Blob(["over http"]), "a.txt");
  const { id } = await (await fetch(`${url}/v1/files`, { method: "POST", headers: { authorization: "Bearer k" }, body: form })).json();
  const signed = await (await fetch(`${url}/v1/files/${id}/url`, { headers: auth })).json();
  assert.ok(signed.url.startsWith(`${url}/signed/files/`), signed.url);
  assert.equal(await (await fetch(signed.url)).text(), "over http");

  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  await close();
  assert.deepEqual(await exited, { code: 0, signal: null });
});

test("bad arguments exit 2 with the usage; --help prints it", () => {
  const bad = spawnSync(process.execPath, [cli, "emulator", "--port", "nope"], { encoding: "utf8" });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--port needs a port number/);
  assert.match(bad.stderr, /usage: mistral-edge-client emulator/);
  const unknown = spawnSync(process.execPath, [cli, "serve"], { encoding: "utf8" });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command `serve`/);
  const help = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^usage: /);
});
