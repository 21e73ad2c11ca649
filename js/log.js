// The `debugLogger` option (and `MISTRAL_DEBUG`) of the whole client: js/api.js registers this
// module with js/transport.js (`useLogging`); the conversations entry leaves it out to stay small.
// As the official SDK logs (groups, `name: value` headers, the body), but with every credential
// the request carried redacted from everything logged (the url, the status text, every header's
// name and value, the body), by the rule errors follow (js/redact.js: `redact`, given the
// request's `secrets` and the wasm's `core`), in every spelling it reads: a response may echo the
// request. The SDK logs the Authorization header
// as it is; here its line is `authorization: [redacted]` whatever its length.

import { redact } from "./redact.js";

/** `text` as JSON when it is JSON (the SDK logs bodies parsed), else as it is. */
function parsed(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One request or response: `label`, its status, its headers and its body (`body()`, which may
 * be a promise), each through `hide`. */
async function logged(log, hide, label, status, headers, body) {
  try {
    log.group(hide(label));
    if (status) log.log("Status Code:", status.status, status.statusText);
    log.group("Headers:");
    for (const [name, value] of headers) log.log(hide(`${name}: ${name === "authorization" ? "[redacted]" : value}`));
    log.groupEnd();
    log.group("Body:");
    log.log(await body());
    log.groupEnd();
    log.groupEnd();
  } catch (error) {
    log.log("Failed to log:", hide(error));
  }
}

/** Logs a request about to be sent (`init` as fetch gets it). */
export function request(log, url, { method, headers, body }, core, secrets) {
  const hide = (value) => redact(core, value, secrets);
  return logged(log, hide, `> Request: ${method} ${url}`, undefined, Object.entries(headers), () =>
    typeof body === "string"
      ? parsed(hide(body))
      : body instanceof FormData
        ? hide([...body].map(([name, value]) => `${name}: ${value instanceof Blob ? "<Blob>" : value}`).join("\n"))
        : "<null>");
}

/** Logs a response (its body read from a clone, as the SDK does; a stream's is not read). Its
 * status text and headers are those of its redacted copy (js/redact.js). */
export function response(log, url, method, res, core, secrets) {
  const hide = (value) => redact(core, value, secrets);
  const type = res.headers.get("content-type");
  const shown = hide(res);
  return logged(log, hide, `< Response: ${method} ${url}`, shown, shown.headers, () =>
    /json/.test(type) && !/jsonl|ndjson/.test(type)
      ? res.clone().text().then((text) => parsed(hide(text)))
      : /^text\/(?!event-stream)/.test(type)
        ? res.clone().text().then(hide)
        : hide(`<${type}>`));
}
