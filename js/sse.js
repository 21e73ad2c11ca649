// The standalone SseDecoder's hand-off: Rust writes every completed event's three strings into
// one buffer, with their UTF-16 lengths; one decode here, then cheap slices — no per-event
// boundary crossing, and no JSON escaping of `data`.

const utf8 = new TextDecoder();
const NodeBuffer = globalThis.Buffer;
const latin1 =
  typeof NodeBuffer === "function" && typeof NodeBuffer.from === "function"
    ? (bytes) => NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1")
    : null;

/** Builds `SseEvent` objects from the concatenated fields and their lengths (3 per event). */
export function sseEvents(bytes, ascii, lengths) {
  const text = ascii && latin1 ? latin1(bytes) : utf8.decode(bytes);
  const events = new Array(lengths.length / 3);
  let at = 0;
  for (let i = 0, j = 0; j < lengths.length; i += 1, j += 3) {
    const event = text.slice(at, (at += lengths[j]));
    const data = text.slice(at, (at += lengths[j + 1]));
    const id = text.slice(at, (at += lengths[j + 2]));
    events[i] = { event, data, id };
  }
  return events;
}
