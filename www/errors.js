// Errors in plain words: what happened and what to do, from the package's error classes.
import {
  AbortError, APIError, AuthenticationError, BadRequestError, ConnectionError, HTTPValidationError,
  InternalServerError, InvalidRequestError, NotFoundError, PermissionDeniedError, RateLimitError,
  StreamError, TimeoutError,
} from "./pkg/index.js";
import { h } from "./dom.js";
import { state } from "./state.js";

/** `["body","tools",0,"web_search","bogus"]` → `tools[0].web_search.bogus` */
export function fieldPath(loc = []) {
  return loc
    .filter((part, i) => !(i === 0 && (part === "body" || part === "query" || part === "path")))
    .reduce((path, part) => (typeof part === "number" ? `${path}[${part}]` : path ? `${path}.${part}` : String(part)), "");
}

/** The message without the package's `(request req_…)` suffix and status prefix. */
function clean(message = "") {
  return message.replace(/\s*\(request [^)]*\)\s*$/, "").replace(/^\d{3} [a-z ]+: /i, "");
}

/**
 * `{ tone, title, body, waitSeconds?, fields? }` for any error the client throws.
 * `tone` is "info" (you stopped it), "warn" (try again later) or "error".
 */
export function explain(error) {
  if (error instanceof AbortError) return { tone: "info", title: "Stopped", body: "You stopped this answer; what arrived is kept." };
  if (error instanceof RateLimitError) {
    const waitSeconds = error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : 0;
    return {
      tone: "warn",
      title: "Too many requests",
      body: waitSeconds
        ? `The API is rate-limiting this key. Wait ${waitSeconds} second${waitSeconds === 1 ? "" : "s"}, then send again.`
        : "The API is rate-limiting this key. Wait a little, then send again.",
      waitSeconds,
    };
  }
  // Before HTTPValidationError: a request refused before sending is one too (where SDK code catches the API's 422).
  if (error instanceof InvalidRequestError) {
    const field = error.message.match(/`([^`]+)`/)?.[1];
    return { tone: "error", title: field ? `Not sent: check “${field}”` : "Not sent: the request is invalid", body: clean(error.message) };
  }
  if (error instanceof HTTPValidationError) {
    const issues = Array.isArray(error.detail) ? error.detail : [];
    const fields = issues.map((issue) => ({ field: fieldPath(issue.loc) || "the request", msg: issue.msg }));
    return {
      tone: "error",
      title: fields.length === 1 ? `The API rejected the field “${fields[0].field}”` : "The API rejected the request",
      body: fields.length ? fields.slice(0, 4).map((f) => `${f.field}: ${f.msg}`).join("\n") : clean(error.message),
      fields,
    };
  }
  if (error instanceof AuthenticationError) {
    return { tone: "error", title: "The API key was refused", body: "Set a valid MISTRAL_API_KEY in the shell that runs `make demo`, then restart it." };
  }
  if (error instanceof PermissionDeniedError) {
    return { tone: "error", title: "Not allowed", body: `This key may not use this: ${clean(error.message)}` };
  }
  if (error instanceof NotFoundError) {
    const missingRoute = /"detail"\s*:\s*"Not Found"/.test(error.body ?? "");
    return missingRoute
      ? { tone: "warn", title: "Not offered by this server", body: "This API has no such endpoint (the local emulator may not have it yet)." }
      : { tone: "error", title: "Not found", body: clean(error.message) };
  }
  if (error instanceof TimeoutError) {
    return { tone: "warn", title: "No answer in time", body: `Nothing arrived for ${Math.round(error.timeoutMs / 1000)} s while waiting for ${error.waitingFor ?? "the server"}. Try again.` };
  }
  if (error instanceof ConnectionError) {
    return state.config.inPage
      ? { tone: "error", title: "Could not reach the server", body: `The in-page emulator could not reach a server it needed: ${clean(error.message)}` }
      : { tone: "error", title: "Could not reach the server", body: "Is `make demo` still running? This page talks to /api on the server that served it." };
  }
  if (error instanceof StreamError) {
    const body = {
      dropped: "The connection dropped in the middle of the answer. Everything that arrived is kept above.",
      truncated: "The answer ended before it was complete. Everything that arrived is kept above.",
      malformed: "The server sent an event that is not valid JSON, so the stream stopped there.",
      too_large: "One event was too large to read, so the stream stopped there.",
      error_event: `The API reported an error in the middle of the answer${error.code ? ` (code ${error.code})` : ""}: ${clean(error.message)}`,
    }[error.kind] ?? clean(error.message);
    return { tone: error.kind === "error_event" ? "error" : "warn", title: "The answer broke off", body };
  }
  if (error instanceof InternalServerError) {
    return { tone: "warn", title: `The server failed (${error.status})`, body: "It is probably temporary: send again in a moment." };
  }
  if (error instanceof BadRequestError) return { tone: "error", title: "The API refused the request", body: clean(error.message) };
  if (error instanceof APIError) return { tone: "error", title: `The API answered ${error.status}`, body: clean(error.message) };
  return { tone: "error", title: "Something went wrong", body: error?.message ?? String(error) };
}

/** A notice element for an error; a 429 counts down before its retry button wakes up. */
export function errorNotice(error, { onRetry, onDismiss } = {}) {
  const info = explain(error);
  const retry = onRetry && info.tone !== "info" ? h("button", { type: "button", class: "btn small", text: "Try again", onclick: onRetry }) : null;
  const note = h("div", { class: `notice ${info.tone}`, role: info.tone === "info" ? "status" : "alert", dataset: { errorName: error?.name ?? "Error" } },
    h("div", { class: "notice-text" },
      h("strong", { text: info.title }),
      h("span", { class: "notice-body", text: info.body }),
      error?.requestId ? h("span", { class: "notice-id", text: `request ${error.requestId}` }) : null),
    h("div", { class: "notice-actions" },
      retry,
      onDismiss ? h("button", { type: "button", class: "icon-btn", "aria-label": "Dismiss", text: "×", onclick: () => { note.remove(); onDismiss(); } }) : null));
  if (retry && info.waitSeconds) {
    let left = info.waitSeconds;
    retry.disabled = true;
    retry.textContent = `Try again in ${left} s`;
    const timer = setInterval(() => {
      left -= 1;
      if (left > 0 && note.isConnected) return void (retry.textContent = `Try again in ${left} s`);
      clearInterval(timer);
      retry.disabled = false;
      retry.textContent = "Try again";
    }, 1000);
  }
  return note;
}
