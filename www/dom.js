// Tiny DOM helpers: element creation without innerHTML, and a few formatters.

/**
 * `h("button", { class: "btn", onclick }, "Label")`. Props starting with `on` are listeners,
 * `class`, `text`, `dataset` and `hidden` are handled, anything else becomes an attribute.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "hidden") el.hidden = true;
    else if (key in el && typeof value !== "string") el[key] = value;
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** `conv_9ff19308…` → `conv_9ff1…` */
export const short = (id = "") => (id.length > 14 ? `${id.slice(0, 9)}…` : id);

/** A clock time for an RFC 3339 date or epoch seconds. */
export function clock(value) {
  const date = typeof value === "number" ? new Date(value * 1000) : new Date(value ?? Date.now());
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** "today 14:02", "Mon 09:10", "3 Nov" */
export function when(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const now = new Date();
  const days = (now - date) / 86_400_000;
  if (date.toDateString() === now.toDateString()) return clock(value);
  if (days < 6) return `${date.toLocaleDateString([], { weekday: "short" })} ${clock(value)}`;
  return date.toLocaleDateString([], { day: "numeric", month: "short" });
}

/** Pretty JSON of a string that may hold JSON, else the string. */
export function prettyJson(value) {
  if (typeof value !== "string") return JSON.stringify(value, null, 2);
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}

/** Parses JSON arguments leniently (the API sends strings; history may hold objects). */
export function parseArgs(value) {
  if (value && typeof value === "object") return value;
  try {
    return JSON.parse(value || "{}");
  } catch {
    return {};
  }
}

export function plural(n, word) {
  return `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;
}
