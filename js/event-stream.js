// A conversation stream: a ReadableStream of `{ event, data }` with a faster `for await`, the
// one it had before it was a ReadableStream. `body.next(raw)` (js/transport.js) reads
// the response and feeds each chunk to Rust's parser until some events are complete; their
// camelCase data `raw.batch()` hands over as one ASCII JSON array, parsed here with a single JSON.parse. An event that repeats the
// one before it but for a few members (most deltas) arrives as a patch of it.
//
// The parser's wasm memory is freed as soon as the stream ends (done, failed or aborted), not
// when the garbage collector gets to it: what `finalResponse()` needs is taken first, as text.

import { AbortError } from "./errors.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The batches are ASCII (Rust escapes the rest), so where Node's Buffer exists a Latin-1 view
// makes the string without UTF-8 decoding; elsewhere TextDecoder's ASCII path does.
const NodeBuffer = globalThis.Buffer;
const asciiText =
  typeof NodeBuffer === "function" && typeof NodeBuffer.from === "function"
    ? (bytes) => NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1")
    : (bytes) => decoder.decode(bytes);

// Where there is no ReadableStream (none of the runtimes this package supports), a plain base.
const Base = typeof ReadableStream === "function" ? ReadableStream : class {};

/** Who reads the stream: nobody yet, the `for await` fast path (and `finalResponse`,
 * `toReadableStream`), or the ReadableStream machinery (a reader, `pipeTo`, `tee`, `values()`). */
const IDLE = 0;
const LOOP = 1;
const PULL = 2;

/**
 * A conversation stream: a `ReadableStream` of `{ event, data }` items, as the official SDK's,
 * whose `for await` takes a faster path than a reader's: it hands out the parsed events itself,
 * holding the stream's lock meanwhile, then closes it. Every other ReadableStream use (a reader,
 * `pipeTo`, `pipeThrough`, `tee`, `values()`) pulls the same events one at a time; cancelling
 * through any of them aborts the request, as leaving the loop does.
 */
export class EventStream extends Base {
  /** The parser (wasm), until the stream ends. */
  #raw;
  #requestId;
  /** What `finalResponse()` gives once the parser is freed: the text, or the error. */
  #final;
  #body;
  #items = [];
  #index = 0;
  /** A private copy of the last event's data and its keys in order: Rust sends an event that
   * differs from it in a few members as a patch of it (see `Feed::batch` in
   * src/stream/conversation.rs). */
  #base;
  #keys;
  #ended = false;
  /** The read in progress, if any. */
  #filling;
  #mode = IDLE;
  /** `abort()` was called: the loop throws one AbortError instead of ending quietly. */
  #aborted = false;
  /** The ReadableStream's controller, and the reader the fast path locks it with. */
  #controller;
  #reader;
  #settled = false;

  /** Made by the `*Stream` methods: `raw` parses, `body` reads the response. */
  constructor(raw, body) {
    let controller;
    // A high-water mark of 0: nothing is pulled until a reader asks, so a `for await` that
    // comes first takes every event.
    super(
      {
        start: (c) => {
          controller = c;
        },
        pull: () => this.#pull(),
        cancel: () => this.#stop(),
      },
      { highWaterMark: 0 },
    );
    this.#controller = controller;
    this.#raw = raw;
    this.#requestId = raw.requestId;
    this.#body = body;
  }

  /** The response's request id, when the server sent one. */
  get requestId() {
    const id = this.#requestId;
    return this.#body.redact?.(id) ?? id;
  }

  /** The AbortError of a stream the caller stopped, without the request's credentials. */
  #abortError() {
    const error = new AbortError("the stream was aborted", { requestId: this.#requestId });
    return this.#body.redact?.(error) ?? error;
  }

  /** Reads the next events; overlapping `next()` calls share one read rather than interleave
   * theirs. Resolves to whether there are events to hand out. */
  #fill() {
    return (this.#filling ??= this.#read().finally(() => {
      this.#filling = undefined;
      if (this.#ended) this.#free();
    }));
  }

  /** The stream ended: frees the parser's wasm memory now, after taking what `finalResponse()`
   * will give (a read in progress still uses the parser: its end frees it). */
  #free() {
    const raw = this.#raw;
    if (raw === undefined || this.#filling) return;
    this.#raw = undefined;
    this.#base = undefined;
    try {
      this.#final = raw.finalResponse();
    } catch (error) {
      this.#final = error;
    }
    raw.free();
  }

  /**
   * For a caller who only reads the events: the stream stops keeping what `finalResponse()`
   * folds (every delta's text, up to 64 MiB) and gives that memory back; `finalResponse()` then
   * rejects with a `StreamError` of kind `too_large`. Returns the stream.
   */
  skipFinalResponse() {
    this.#raw?.skipFinalResponse();
    return this;
  }

  async #read() {
    while (this.#index >= this.#items.length) {
      if (this.#ended) return false;
      let count;
      try {
        count = await this.#body.next(this.#raw);
      } catch (error) {
        this.#ended = true;
        this.#aborted = false; // reported by this error already
        throw error;
      }
      if (count === undefined) {
        this.#ended = true;
        return false;
      }
      const batch = JSON.parse(asciiText(this.#raw.batch()));
      const items = new Array(batch.length);
      // `base` is a private copy of the last event, never handed out, so a caller who changes
      // an event changes no later one; a patch updates it in place, then is handed out copied.
      let base = this.#base;
      let keys = this.#keys;
      for (let i = 0; i < batch.length; i++) {
        let data = batch[i];
        if (Array.isArray(data) && !(data.length & 1)) {
          // A patch `[i, value, ...]`: the previous event with its i-th members replaced.
          keys ??= Object.keys(base);
          for (let j = 0; j < data.length; j += 2) base[keys[data[j]]] = data[j + 1];
          data = { ...base };
        } else {
          // `[data]` wraps an event whose data is itself an array.
          if (Array.isArray(data)) data = data[0];
          base = data !== null && typeof data === "object" && !Array.isArray(data) ? { ...data } : undefined;
          keys = undefined;
        }
        // An event's one date, `createdAt`, comes as its milliseconds (`Feed::batch`).
        if (typeof data?.createdAt === "number") data.createdAt = new Date(data.createdAt);
        items[i] = { event: data?.type, data };
      }
      this.#base = base;
      this.#keys = keys;
      const names = this.#raw.names();
      if (names !== undefined) for (const [i, event] of JSON.parse(names)) items[i].event = event;
      // An error event (always its batch's last: the stream ends there; `base` is its copy) shows
      // no credential of the request (js/redact.js), as the StreamError made of it does not.
      if (/error$/.test(base?.type)) this.#body.redact?.(items.at(-1));
      this.#items = items;
      this.#index = 0;
    }
    return true;
  }

  /** The `for await` fast path. Once the stream has been read some other way, what a
   * ReadableStream's own iterator does (throw while locked, end at once when closed). */
  [Symbol.asyncIterator]() {
    if (this.#mode !== IDLE) {
      const iterate = Base.prototype[Symbol.asyncIterator];
      if (typeof iterate === "function") return iterate.call(this);
      throw new TypeError("this stream is already being read: iterate it once");
    }
    this.#reader = this.getReader(); // throws while someone else holds the lock
    this.#mode = LOOP;
    return this.#iterator();
  }

  #iterator() {
    return {
      next: async () => {
        // A loop: when two pulls overlap, the read both waited for may hold one event only.
        try {
          while (this.#index < this.#items.length || (await this.#fill())) {
            if (this.#index < this.#items.length) return { value: this.#items[this.#index++], done: false };
          }
        } catch (error) {
          this.#settle(error);
          throw error;
        }
        if (this.#aborted) {
          this.#aborted = false;
          const error = this.#abortError();
          this.#settle(error);
          throw error;
        }
        this.#settle();
        return { value: undefined, done: true };
      },
      return: async () => {
        this.#stop();
        this.#settle();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** The fast path is over: the ReadableStream closes (or errors) and its lock is released. */
  #settle(error) {
    if (this.#settled) return;
    this.#settled = true;
    try {
      if (error === undefined) this.#controller?.close();
      else this.#controller?.error(error);
    } catch {
      // already closed or errored by the ReadableStream side
    }
    this.#reader?.releaseLock();
    this.#reader = undefined;
  }

  /** The ReadableStream's pull: the next event, the end, or the error. */
  async #pull() {
    if (this.#mode === IDLE) this.#mode = PULL;
    const controller = this.#controller;
    try {
      while (this.#index < this.#items.length || (await this.#fill())) {
        if (this.#index < this.#items.length) return controller.enqueue(this.#items[this.#index++]);
      }
    } catch (error) {
      return controller.error(error);
    }
    if (this.#aborted) {
      this.#aborted = false;
      return controller.error(this.#abortError());
    }
    controller.close();
  }

  /**
   * Stops reading and aborts the request: the server sees the connection close. A `for await`
   * over the stream then throws an `AbortError` (leaving the loop with `break` needs no abort).
   */
  abort() {
    if (!this.#ended) this.#aborted = true;
    this.#stop();
  }

  #stop() {
    if (!this.#ended) {
      this.#ended = true;
      this.#items = [];
      this.#body.abort();
      this.#free();
    }
  }

  /** The events as SSE bytes (`event:` + `data:` with camelCase JSON), for a `Response` body. */
  toReadableStream() {
    const iterator = this[Symbol.asyncIterator]();
    return new ReadableStream({
      async pull(controller) {
        try {
          const { value, done } = await iterator.next();
          if (done) return controller.close();
          controller.enqueue(encoder.encode(`event: ${value.event}\ndata: ${JSON.stringify(value.data)}\n\n`));
        } catch (error) {
          controller.error(error);
        }
      },
      cancel() {
        return iterator.return();
      },
    });
  }

  /** Reads the rest of the stream and resolves to the response folded from its deltas. */
  async finalResponse() {
    if (this.#mode === IDLE && !this.locked) {
      for await (const _ of this);
    } else {
      while (this.#index < this.#items.length || (await this.#fill())) this.#index = this.#items.length;
    }
    const final = this.#final;
    if (typeof final !== "string") throw final;
    return dated(final);
  }
}

/** Makes `Date`s of the date-times Rust wrote as milliseconds at `paths`: a flat list, each
 * path its number of segments then its keys and array indexes (`[1, "createdAt", 3, "outputs",
 * 0, "createdAt"]`). Nothing else of `root` is looked at. */
export function applyDates(root, paths) {
  for (let i = 0; i < paths.length; ) {
    let n = paths[i++];
    let object = root;
    while (--n > 0) object = object[paths[i++]];
    const key = paths[i++];
    object[key] = new Date(object[key]);
  }
}

/** `[value, paths]` as JSON text (a response, decoded by Rust): `value` with its dates made. */
export function dated(text) {
  const [value, paths] = JSON.parse(text);
  if (paths.length !== 0) applyDates(value, paths);
  return value;
}

/** Called by Rust (`Core::stream`), so that wasm-bindgen ships this file. */
export function wrapStream(raw, body) {
  return new EventStream(raw, body);
}
