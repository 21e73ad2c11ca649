// The `debugLogger` option (and `MISTRAL_DEBUG`) of the whole client: js/api.js registers this
// module with js/transport.js (`useLogging`); the conversations entry leaves it out to stay small.
// As the official SDK logs (groups, `name: value` headers, the body), with the credentials
// redacted: the Authorization header and the `value` of every `authorization` object in a JSON
// body, the request's or a response's (a 422 may echo the request).

const hidden = (key, value) =>
  key === "authorization" && value !== null && typeof value === "object" && "value" in value
    ? { ...value, value: "[redacted]" }
    : value;

/** One request or response: `label`, its headers and its body (`body()`, which may be a promise). */
async function logged(log, label, status, headers, body) {
  try {
    log.group(label);
    if (status) log.log("Status Code:", status.status, status.statusText);
    log.group("Headers:");
    for (const [name, value] of headers) log.log(`${name}: ${name === "authorization" ? "[redacted]" : value}`);
    log.groupEnd();
    log.group("Body:");
    log.log(await body());
    log.groupEnd();
    log.groupEnd();
  } catch (error) {
    log.log("Failed to log:", error);
  }
}

/** Logs a request about to be sent (`init` as fetch gets it). */
export const request = (log, url, { method, headers, body }) =>
  logged(log, `> Request: ${method} ${url}`, undefined, Object.entries(headers), () =>
    typeof body === "string"
      ? JSON.parse(body, hidden)
      : body instanceof FormData
        ? [...body].map(([name, value]) => `${name}: ${value instanceof Blob ? "<Blob>" : value}`).join("\n")
        : "<null>");

/** Logs a response (its body read from a clone, as the SDK does; a stream's is not read). */
export function response(log, url, method, res) {
  const type = res.headers.get("content-type");
  return logged(log, `< Response: ${method} ${url}`, res, res.headers, () =>
    /json/.test(type) && !/jsonl|ndjson/.test(type)
      ? res.clone().text().then((text) => JSON.parse(text, hidden))
      : /^text\/(?!event-stream)/.test(type)
        ? res.clone().text()
        : `<${type}>`);
}
