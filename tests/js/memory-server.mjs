// The memory suites' server (tests/js/memory.test.mjs, tests/js/memory-exhaustion.test.mjs): huge
// events and bodies from 127.0.0.1, and a hook that catches the entry's wasm memory. Not a test file.
import { createServer } from "node:http";

/** The wasm memory of the first instance made while `load()` imports `url`. */
export async function load(url) {
  let memory;
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    const instance = new Instance(module, imports);
    memory ??= Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
    return instance;
  };
  try {
    return { entry: await import(url), memory };
  } finally {
    WebAssembly.Instance = Instance;
  }
}

export const MiB = 1 << 20;
const event = (data) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
const started = event({ type: "conversation.response.started", conversation_id: "c1", created_at: "2025-01-01T00:00:00Z" });
const done = event({ type: "conversation.response.done", usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } });
const delta = (content) =>
  event({ type: "message.output.delta", id: "m1", output_index: 0, content_index: 0, model: "m", role: "assistant", content });

const texts = new Map();
/** One delta whose content is `bytes` times `letter` (made once per size). */
const deltaOf = (bytes, letter) => {
  const key = `${bytes}${letter}`;
  if (!texts.has(key)) texts.set(key, delta(letter.repeat(bytes)));
  return texts.get(key);
};

/**
 * The server. What a request gets, by its `x-test` header:
 * - `event:<MiB>` one delta of that size (fractions allowed), then done;
 * - `deltas:<n>` n deltas of 1 MiB, then done;
 * - `cut:<MiB>` half of one delta of that size, then the connection is closed;
 * - `held:<MiB>` all of one delta but its last 10 bytes; the rest (and done) once `release()`
 *   is called (`held` counts the responses that got that far, or were closed);
 * - `body:<bytes>` a one-shot JSON response of that many bytes.
 */
export async function startServer() {
  let release;
  let gate;
  const reset = () => (gate = new Promise((resolve) => (release = resolve)));
  reset();
  const held = new Set();
  const server = createServer(async (req, res) => {
    for await (const _ of req);
    const [kind, arg] = String(req.headers["x-test"] ?? "event:0").split(":");
    const n = Number(arg);
    if (kind === "body") {
      res.writeHead(200, { "content-type": "application/json" });
      const rest = `{"object":"conversation.response","conversation_id":"","outputs":[],"usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}}`;
      return res.end(rest.replace('""', `"${"c".repeat(n - rest.length)}"`));
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(started);
    if (kind === "event") res.write(deltaOf(Math.round(n * MiB), "x"));
    if (kind === "deltas") for (let i = 0; i < n; i++) res.write(deltaOf(MiB, "y"));
    if (kind === "cut") return res.end(deltaOf(n * MiB, "z").slice(0, (n * MiB) / 2), () => res.destroy());
    if (kind === "held") {
      const text = deltaOf(n * MiB, "h");
      res.on("close", () => held.add(res));
      res.write(text.slice(0, -10), () => held.add(res));
      await gate;
      if (res.destroyed) return;
      res.write(text.slice(-10));
    }
    if (!res.destroyed) res.end(done);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    held,
    /** Lets every `held` response finish, and holds the next ones again. */
    release() {
      release();
      reset();
    },
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
