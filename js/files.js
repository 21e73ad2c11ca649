// Uploads and downloads: what must be JavaScript because files are not JSON. The whole client's
// entries register `toFormData` and `bytesStream` with js/transport.js (`useFiles`); this is no
// module Rust imports (`stringifyArgs` is js/transport.js's): with one more such module, headless
// Chromium often never started the wasm-bindgen test page. The conversations entry has none of it.

/**
 * A download's body as the official SDK gives it: a `ReadableStream` of its bytes, read as the
 * caller pulls, each chunk within the timeout; a failure errors the stream with a typed error, and
 * cancelling it aborts the request. `fail(cause)` makes the typed error of a failed read
 * (js/transport.js: a timeout, an abort or a connection error).
 */
export function bytesStream(body, guard, fail) {
  const reader = body?.getReader();
  return new ReadableStream(
    {
      async pull(controller) {
        if (!reader) return controller.close();
        let read;
        try {
          read = await guard.within(reader.read());
        } catch (cause) {
          throw fail(cause);
        }
        if (read.done) controller.close();
        else controller.enqueue(read.value);
      },
      cancel() {
        guard.abort();
        return reader?.cancel().catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}

const isBinary = (value) =>
  value instanceof ArrayBuffer ||
  ArrayBuffer.isView(value) ||
  (typeof Blob === "function" && value instanceof Blob) ||
  (typeof ReadableStream === "function" && value instanceof ReadableStream);

/** A `FormData` with one file part named `field`, from a Blob/File, bytes or `{ fileName, content }`,
 * then the text parts Rust made of the other arguments (`parts`: JSON `[[name, value], ...]`). */
export async function toFormData(field, file, parts) {
  let name;
  let content = file;
  if (!isBinary(file) && file && typeof file === "object" && "content" in file) {
    name = file.fileName ?? file.name;
    content = file.content;
  }
  if (typeof ReadableStream === "function" && content instanceof ReadableStream) {
    content = await new Response(content).blob();
  }
  if (!(typeof Blob === "function" && content instanceof Blob)) {
    if (!(content instanceof ArrayBuffer || ArrayBuffer.isView(content))) {
      throw new TypeError(`\`${field}\` must be a Blob, a File, bytes, or { fileName, content }`);
    }
    content = new Blob([content]);
  }
  // A Blob without a name is "blob", as FormData (and so the official SDK) names it.
  name ??= typeof content.name === "string" && content.name ? content.name : "blob";
  const form = new FormData();
  form.append(field, content, name);
  if (parts !== undefined) for (const [part, value] of JSON.parse(parts)) form.append(part, value);
  return form;
}
