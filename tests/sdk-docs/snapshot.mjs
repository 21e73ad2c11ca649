// Turns what an example printed or threw into JSON that another process can compare: Dates,
// errors, bytes and streams are tagged ({$date}, {$error}, {$bytes}, {$readableStream}, ...)
// instead of flattened, so that a Date never equals its string and an error keeps its class.

/**
 * `errorClasses`: the classes exported by the client's `models/errors` (by name); an error records
 * which of them it is an instance of, so that the comparison can ask "is ours `instanceof` the
 * class the SDK threw?" across processes.
 */
export async function snapshot(value, errorClasses, seen = new Set()) {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : { $number: String(value) };
  if (value === undefined) return { $undefined: true };
  if (typeof value === "bigint") return { $bigint: String(value) };
  if (typeof value === "function") return { $function: true };
  if (typeof value === "symbol") return { $symbol: String(value.description) };
  if (seen.has(value)) return { $cycle: true };
  seen.add(value);
  try {
    return await snapshotObject(value, errorClasses, seen);
  } finally {
    seen.delete(value);
  }
}

async function snapshotObject(value, errorClasses, seen) {
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? "invalid" : value.toISOString() };
  if (value instanceof Error) return { $error: await snapshotError(value, errorClasses, seen) };
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return { $bytes: base64(value) };
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    return { $blob: { type: value.type, bytes: base64(await value.arrayBuffer()) } };
  }
  if (typeof ReadableStream !== "undefined" && value instanceof ReadableStream) {
    return { $readableStream: await readAll(value, errorClasses, seen) };
  }
  if (value instanceof Map) {
    const entries = [];
    for (const [k, v] of value) entries.push([await snapshot(k, errorClasses, seen), await snapshot(v, errorClasses, seen)]);
    return { $map: entries };
  }
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) out.push(await snapshot(item, errorClasses, seen));
    return out;
  }
  // Plain objects and class instances alike: own enumerable string keys, as console.log shows
  // them. A key whose value is undefined is left out (no JSON, no `?.` tells it from absence).
  const out = {};
  for (const key of Object.keys(value)) {
    if (value[key] === undefined) continue;
    out[key] = await snapshot(value[key], errorClasses, seen);
  }
  return out;
}

async function snapshotError(error, errorClasses, seen) {
  const instanceOf = [];
  for (const [name, cls] of Object.entries(errorClasses ?? {})) {
    try {
      if (typeof cls === "function" && error instanceof cls) instanceOf.push(name);
    } catch {
      // an exported helper function that is not a class
    }
  }
  for (const cls of [TypeError, RangeError, SyntaxError, ReferenceError, Error]) {
    if (error instanceof cls && !instanceOf.includes(cls.name)) instanceOf.push(cls.name);
  }
  return {
    name: error.constructor?.name ?? error.name,
    statusCode: await snapshot(error.statusCode, errorClasses, seen),
    instanceOf,
    message: String(error.message).slice(0, 500), // shown in failures, never compared
  };
}

async function readAll(stream, errorClasses, seen) {
  const chunks = [];
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } catch (error) {
    return { chunks: await snapshot(chunks, errorClasses, seen), error: await snapshot(error, errorClasses, seen) };
  }
  if (chunks.every((c) => c instanceof Uint8Array)) {
    return { bytes: base64(Buffer.concat(chunks)) };
  }
  return { chunks: await snapshot(chunks, errorClasses, seen) };
}

function base64(bytes) {
  return Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString("base64");
}
