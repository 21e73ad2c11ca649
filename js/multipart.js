// Multipart uploads: what must be JavaScript because files are not JSON.

const isBinary = (value) =>
  value instanceof ArrayBuffer ||
  ArrayBuffer.isView(value) ||
  (typeof Blob === "function" && value instanceof Blob) ||
  (typeof ReadableStream === "function" && value instanceof ReadableStream);

/** The arguments as JSON, with files replaced by `{}` (the request builder only needs to see them). */
export function stringifyArgs(args) {
  return JSON.stringify(args, (_key, value) => (isBinary(value) ? {} : value));
}

/** A `FormData` with one file part named `field`, from a Blob/File, bytes or `{ fileName, content }`. */
export async function toFormData(field, file) {
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
  name ??= typeof content.name === "string" && content.name ? content.name : "upload";
  const form = new FormData();
  form.append(field, content, name);
  return form;
}
