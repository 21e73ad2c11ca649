// The one place the secrets rule is applied (every entry registers it with js/transport.js:
// `useRedaction`). Every error a call rejects with, and every error its
// stream or download throws, passes through `redact` (js/transport.js) before a caller sees it,
// and so does everything the `debugLogger` logs (js/log.js) and, in a run, what an MCP server
// answers before it is sent on (js/run.js).
//
// The secrets are every credential the request carried: the `authorization` header as sent (the
// API key, or a client's or call's own `authorization` header), bare of its `Bearer ` prefixes,
// and every header named like a credential (`x-api-key`, `cookie`, ...) the same way; the
// `value` of every `authorization` object of the JSON body (a connector tool's token) and every
// string under a credential's key; those a hook of our HTTPClient added (js/http.js); in a run,
// its MCP servers' header values (js/run.js). Past ASCII, a secret's Latin-1 forms too (`forms`,
// below).
// Every string the error can show loses them: its own properties, enumerable or not, getters and
// symbol keys included (`message`, `stack`, `body`, `requestId`, `detail`, `data$`, `rawValue`,
// ...), and the strings, keys included, of the objects and arrays they hold; its `cause`, and the
// cause's; `Headers`; and its `rawResponse` (url, status text, headers; any object with `ok` and
// `headers.get`, as a custom fetch may return), replaced by a copy when it shows one. What cannot
// be rewritten (frozen, a getter) is replaced by a redacted copy of the same prototype. Which
// spellings of a secret count (as sent, JSON escapes, percent-encoding, nested) is Rust's:
// `core.redact`, after src/request/secrets.rs.

/** Keys of a request body whose string values are credentials, and, inside those, keys that
 * name what is not (a token's type, a client's id). */
const CREDENTIAL = /secret|token|password|api_?key|credential|authorization/i;
const NOT_SECRET = /^(type|grant_type|client_id|name|scope|token_url|url)$/;

/** Header names that hold a credential (their values are secrets, as `authorization`'s). */
const HEADER = /auth|key|token|secret|cookie/i;

/** Adds the credentials of one attempt to `secrets`: the value of every header (`headers`, an
 * object, as sent) named like a credential (`authorization`: the API key, or a header of the
 * caller's in its place), whole and its credential after the scheme, whatever the scheme
 * (`Bearer`, `Basic`, `Token`, in any case); and every string of its JSON `body` under a
 * credential's key (`authorization.value`, a connector's `bearer_token`, `client_secret`,
 * `access_token`, `headers` of `credentials`, ...). */
export function addSecrets(secrets, headers, body) {
  const add = (value) => {
    if (typeof value === "string" && !secrets.includes(value)) secrets.push(value);
  };
  const credential = (value) => {
    if (typeof value !== "string") return;
    let bare = value.trim();
    add(bare);
    while (/^\S+ /.test(bare)) add((bare = bare.replace(/^\S+ +/, "")));
  };
  for (const name in headers) if (HEADER.test(name)) credential(headers[name]);
  if (typeof body !== "string" || !CREDENTIAL.test(body)) return;
  const visit = (value, secret) => {
    if (secret && typeof value === "string") add(value);
    if (value === null || typeof value !== "object") return;
    for (const key in value) visit(value[key], (secret || CREDENTIAL.test(key)) && !NOT_SECRET.test(key));
  };
  try {
    visit(JSON.parse(body), false);
  } catch {}
}

/** `error` (or any value: a string, a response, what an MCP server answered), with every
 * string it can show redacted of `secrets` (see above). Returns what to show: itself, changed in
 * place, or a copy where it cannot be changed (below). */
export function redact(core, error, secrets) {
  if (secrets.length === 0) return error;
  const clean = cleaner(core, secrets);
  // What each object became (itself, or its copy), for cycles and objects held twice.
  const seen = new Map();
  const scrub = (value) => {
    if (typeof value === "string") return clean(value);
    if (value === null || typeof value !== "object") return value;
    if (seen.has(value)) return seen.get(value);
    seen.set(value, value);
    if (value instanceof Headers) return headersOf(value, clean, secrets) ?? value;
    if ("ok" in value && value.headers?.get) return response(value, clean, secrets);
    const isError = value instanceof Error;
    const message = `${isError && value.message}`;
    // Every own value (a getter's too), redacted, for a copy; `stuck` when one cannot be
    // written in place.
    const kept = new Map();
    let stuck;
    for (const key of Reflect.ownKeys(value)) {
      const held = Object.getOwnPropertyDescriptor(value, key);
      let was;
      try {
        was = value[key];
      } catch {
        continue;
      }
      const name = clean(key);
      const now = scrub(was);
      kept.set(name, { enumerable: held.enumerable, value: now, writable: true, configurable: true });
      try {
        if (name !== key) delete value[key];
        if (name !== key || now !== was) value[name] = now;
        // A getter without a setter that takes the value: the copy has it.
        if (held.get) stuck ||= value[name] !== now;
      } catch {
        stuck = true;
      }
    }
    // An error's message and stack may be inherited accessors (Firefox's `stack`, a
    // DOMException's `message`). The stack starts with the message as it was: the redacted one
    // takes its place (a secret cut at the message's end is no longer at the end of it there).
    if (isError) {
      for (const key of ["name", "message", "stack"]) {
        const text = value[key];
        const now = clean(key === "stack" && typeof text === "string" ? text.replace(message, clean(message)) : text);
        kept.set(key, { value: now, writable: true, configurable: true });
        if (now === text) continue;
        try {
          value[key] = now;
        } catch {}
        stuck ||= value[key] !== now;
      }
    }
    if (!stuck) return value;
    // Frozen, or a getter (a caller's `cause`, a DOMException): a copy of the same prototype
    // (a native error when it is one), so that `instanceof` holds, in its place.
    const copy = Array.isArray(value) ? [] : Object.setPrototypeOf(isError ? new Error() : {}, Object.getPrototypeOf(value));
    for (const [name, held] of kept) {
      try {
        Object.defineProperty(copy, name, held);
      } catch {}
    }
    seen.set(value, copy);
    return copy;
  };
  return scrub(error);
}

/** `text` without `secrets` (and their forms below): the longest first, so that a secret holding
 * another goes whole. */
export function cleaner(core, secrets) {
  const longest = [...new Set(secrets.flatMap(forms))].sort((a, b) => b.length - a.length);
  return (text) => (typeof text === "string" ? longest.reduce((text, secret) => core.redact(text, secret) ?? text, text) : text);
}

/** A secret and what an echo of its bytes shows: in a UTF-16 body read as UTF-8, its characters
 * between NULs (either byte order); past ASCII, its UTF-8 read as Latin-1 (a header echoed as
 * UTF-8, as fetch reads headers: `Ã©` for `é`) and, for a header's value (Latin-1 on the wire),
 * those bytes read as UTF-8 (a body echoing them as they came: U+FFFD for `é`). */
const forms = (secret) => [
  secret,
  [...secret].join("\0"),
  Array.from(new TextEncoder().encode(secret), (b) => String.fromCharCode(b)).join(""),
  /[^\0-\xff]/.test(secret) ? secret : new TextDecoder().decode(Uint8Array.from(secret, (c) => c.charCodeAt(0))),
];

/** `headers` redacted, or `undefined` when no value shows a secret and no name holds one
 * (lowercased, as HTTP names are: that header is left out). Headers that cannot be read are
 * replaced by none. */
function headersOf(headers, clean, secrets) {
  const copy = new Headers();
  let changed;
  try {
    for (const [name, value] of headers) {
      const redacted = clean(value);
      const named = secrets.some((secret) => secret.length >= 4 && name.includes(secret.toLowerCase()));
      changed ||= named || redacted !== value;
      if (!named) copy.append(name, redacted);
    }
  } catch {
    return copy;
  }
  if (changed) return copy;
}

/** `response` (a fetch Response, or any object with `ok` and `headers.get`, as a custom fetch
 * may return), or a copy (without its body, read already) when its url, status text or a header
 * (name or value) shows a secret. */
function response(response, clean, secrets) {
  const url = clean(response.url);
  const statusText = clean(response.statusText);
  const headers = headersOf(response.headers, clean, secrets);
  if (!headers && url === response.url && statusText === response.statusText) return response;
  const init = { status: response.status, statusText, headers: headers ?? response.headers };
  let copy;
  try {
    copy = new Response(null, init);
  } catch {
    copy = { ...init, ok: response.ok };
  }
  Object.defineProperty(copy, "url", { value: url });
  return copy;
}
