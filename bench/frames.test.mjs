// The benchmark's streams (node --test bench/frames.test.mjs; in `make test`): mistral-emulator's
// bench mode (`x-emulator-bench`, emulator/src/bench.rs) serves the SDK baseline's frames of
// bench/frames.mjs byte for byte, in both shapes `make bench` measures. Loopback only.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "../tests/emulator/harness.mjs";
import {
  DEFAULT_TOKEN, VARIED_TOKENS, deltaFrame, expectedText, streamByteLength, streamText, tokenAt,
} from "./frames.mjs";

let emu;
before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.close(); });

const AUTH = { authorization: "Bearer test", "content-type": "application/json" };
const post = (bench, { stream = true, headers = {} } = {}) =>
  fetch(`${emu.url}/v1/conversations`, {
    method: "POST",
    headers: { ...AUTH, ...(bench === undefined ? {} : { "x-emulator-bench": bench }), ...headers },
    body: JSON.stringify({ model: "m", inputs: "hi", stream }),
  });
const ID = /conv_[0-9a-f]{32}/g;

test("the baseline's sizes: a 263-byte delta, 26,300,342 bytes for N = 100,000", () => {
  assert.equal(Buffer.byteLength(deltaFrame(DEFAULT_TOKEN)), 263);
  assert.equal(streamByteLength({ n: 100000 }), 26_300_342);
  assert.equal(streamByteLength({ n: 7 }), Buffer.byteLength(streamText({ n: 7 })));
  assert.equal(expectedText(3), " token token token");
  assert.equal(expectedText(9, "varied"), VARIED_TOKENS.join("") + VARIED_TOKENS[0]);
  assert.equal(tokenAt(13, "varied"), VARIED_TOKENS[5]);
});

for (const [shape, spec, extra] of [
  ["plain", {}, ""],
  ["live", { tokens: "varied", createdAt: "tick" }, ",tokens=varied,created-at=tick"],
]) {
  test(`the emulator serves the ${shape} stream byte for byte (N = 5, 2,000, 100,000)`, async () => {
    for (const n of [5, 2000, 100000]) {
      const res = await post(`n=${n}${extra}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), "text/event-stream");
      assert.equal(res.headers.get("cache-control"), "no-cache");
      assert.match(res.headers.get("x-request-id") ?? "", /\S/);
      assert.equal(res.headers.get("access-control-allow-origin"), "*");
      const text = await res.text();
      const ids = text.match(ID);
      assert.equal(ids?.length, 1, "one conversation id, in `started`");
      assert.equal(Buffer.byteLength(text), streamByteLength({ n, ...spec }));
      // Compared whole: a difference anywhere fails, at the first differing byte.
      const want = streamText({ n, ...spec, conversationId: ids[0] });
      if (text !== want) {
        let i = 0;
        while (text[i] === want[i]) i++;
        assert.fail(`${shape} N=${n}: differs at ${i}: ${JSON.stringify(text.slice(i - 40, i + 40))}`);
      }
    }
  });
}

test("a fresh conversation id per stream, and a cached body is the same bytes again", async () => {
  const a = await (await post("n=50")).text();
  const b = await (await post("n=50")).text();
  assert.notEqual(a.match(ID)[0], b.match(ID)[0]);
  assert.equal(a.replace(ID, "conv_"), b.replace(ID, "conv_"));
});

test("without stream: one conversation.response holding the N tokens", async () => {
  const res = await post("n=3", { stream: false });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/json");
  const body = await res.json();
  assert.match(body.conversation_id, /^conv_[0-9a-f]{32}$/);
  assert.equal(body.object, "conversation.response");
  assert.equal(body.outputs.length, 1);
  assert.equal(body.outputs[0].content, " token token token");
  assert.deepEqual(body.usage, { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15, connector_tokens: null, connectors: null });
});

test("a bad header is a 400 naming it; no key is a 401; other routes ignore the header", async () => {
  const bad = await post("n=lots");
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(await bad.json()), /x-emulator-bench.*`n`/);
  const unknown = await post("n=5,shape=odd");
  assert.equal(unknown.status, 400);
  assert.match(JSON.stringify(await unknown.json()), /shape=odd/);
  const anonymous = await fetch(`${emu.url}/v1/conversations`, {
    method: "POST", headers: { "content-type": "application/json", "x-emulator-bench": "n=5" }, body: "{}",
  });
  assert.equal(anonymous.status, 401);
  const list = await fetch(`${emu.url}/v1/conversations`, { headers: { ...AUTH, "x-emulator-bench": "n=5" } });
  assert.equal(list.status, 200);
  assert.ok(Array.isArray(await list.json()));
});
