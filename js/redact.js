// The one place the secrets rule is applied (every entry registers it with js/transport.js:
// `useRedaction`). Every error a call rejects with, and every error its
// stream or download throws, passes through `redact` (js/transport.js) before a caller sees it.
//
// The secrets are every credential the request carried: the `authorization` header as sent (the
// API key, or a client's or call's own `authorization` header), bare of its `Bearer ` prefixes,
// and the `value` of every `authorization` object of the JSON body (a connector tool's token).
// Every string the error can show loses them: its own properties, enumerable or not (`message`,
// `stack`, `body`, `requestId`, `detail`, `data$`, `rawValue`, ...), and the strings, keys
// included, of the objects and arrays they hold; its `cause`, and the cause's; and its
// `rawResponse` (url, status text, headers), replaced by a copy when it shows one. Which spellings
// of a secret count (as sent, JSON escapes, percent-encoding) is Rust's: `core.redact`, after
// src/request/secrets.rs.

/** Keys of a request body whose string values are credentials, and, inside those, keys that
 * name what is not (a token's type, a client's id). */
const CREDENTIAL = /secret|token|password|api_?key|credential|authorization/i;
const NOT_SECRET = /^(type|grant_type|client_id|name|scope|token_url|url)$/;

/** Adds the credentials of one attempt to `secrets`: its `authorization` header as sent (whole,
 * and its credential after the scheme, whatever the scheme: `Bearer`, `Basic`, `Token`, in any
 * case), and every string of its JSON `body` under a credential's key (`authorization.value`, a
 * connector's `bearer_token`, `client_secret`, `access_token`, `headers` of `credentials`, ...). */
export function addSecrets(secrets, authorization, body) {
  const add = (value) => {
    if (typeof value === "string" && !secrets.includes(value)) secrets.push(value);
  };
  if (typeof authorization === "string") {
    let bare = authorization.trim();
    add(bare);
    while (/^\S+ /.test(bare)) add((bare = bare.replace(/^\S+ +/, "")));
  }
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

/** `error`, with every string it can show redacted of `secrets` (see above). Returns the error to
 * throw: itself, changed in place. */
export function redact(core, error, secrets) {
  if (secrets.length === 0 || error === null || typeof error !== "object") return error;
  const clean = cleaner(core, secrets);
  const seen = new Set();
  const scrub = (value) => {
    if (typeof value === "string") return clean(value);
    if (value === null || typeof value !== "object" || seen.has(value)) return value;
    seen.add(value);
    if (typeof Response === "function" && value instanceof Response) return response(value, clean, secrets);
    const message = value instanceof Error ? value.message : undefined;
    for (const key of Object.getOwnPropertyNames(value)) {
      const held = Object.getOwnPropertyDescriptor(value, key);
      if (!("value" in held)) continue;
      const name = clean(key);
      const now = scrub(held.value);
      try {
        if (name !== key) delete value[key];
        if (name !== key || now !== held.value) value[name] = now;
      } catch {}
    }
    return value instanceof Error ? texts(value, clean, message) : value;
  };
  return scrub(error);
}

/** `text` without `secrets`: the longest first, so that a secret holding another goes whole. */
export function cleaner(core, secrets) {
  const longest = [...secrets].sort((a, b) => b.length - a.length);
  return (text) => (typeof text === "string" ? longest.reduce((text, secret) => core.redact(text, secret) ?? text, text) : text);
}

/** An error's message and stack, which may be inherited accessors (Firefox's `stack`, a
 * DOMException's `message`): a plain copy when one cannot be rewritten. */
function texts(error, clean, message) {
  for (const key of ["message", "stack"]) {
    let text = error[key];
    // The stack starts with the message as it was: the redacted one takes its place (a secret
    // cut at the message's end is no longer at the end of the text there).
    if (key === "stack" && typeof text === "string" && typeof message === "string" && message !== error.message) {
      text = text.replace(message, error.message);
      try {
        error.stack = text;
      } catch {}
    }
    const redacted = typeof text === "string" ? clean(text) : text;
    if (redacted === text) continue;
    try {
      error[key] = redacted;
    } catch {}
    if (error[key] !== redacted) return Object.assign(new Error(clean(`${error.message}`)), { name: error.name, stack: "" });
  }
  return error;
}

/** `response`, or a copy (without its body, read already) when its url, status text or a header
 * (name or value) shows a secret. */
function response(response, clean, secrets) {
  const url = clean(response.url);
  const statusText = clean(response.statusText);
  let changed = url !== response.url || statusText !== response.statusText;
  const headers = new Headers();
  for (const [name, value] of response.headers) {
    const redacted = clean(value);
    // A header named after a secret (lowercased, as HTTP names are) is left out.
    const named = secrets.some((secret) => secret.length >= 4 && name.includes(secret.toLowerCase()));
    changed ||= named || redacted !== value;
    if (!named) headers.append(name, redacted);
  }
  if (!changed) return response;
  let copy;
  try {
    copy = new Response(null, { status: response.status, statusText, headers });
  } catch {
    copy = { status: response.status, statusText, headers, ok: response.ok };
  }
  Object.defineProperty(copy, "url", { value: url });
  return copy;
}
