// Compares one example's run with the official SDK and with this package (./runner.mjs results):
// ids become <id#n> in order of first appearance (object keys sorted, so key order never matters),
// times become <time> (a Date stays a {$date}, so a Date never equals a string), the emulator's
// URL becomes <emulator>, signed-URL signatures and expiries become placeholders. Errors are equal
// when ours is `instanceof` the class of the SDK's error's name (exported by our models/errors)
// and `statusCode` is the same. What else may differ is in ./allowed.mjs, one entry per example.

const TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const ID = /\b(?:[a-z]+_[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/gi;
const QUERY = /([?&](?:expires|signature|state|sig|token)=)[^&"\s]+/g;
const ID_KEY = /^(?:id|.*Id|.*_id)$/;
const EPOCH_KEY = /(?:At|_at|^created|^expires\w*)$/; // the API's Unix-seconds times (files' createdAt)

/** The comparable form of one runner result (a fresh numbering of ids per call). */
export function normalise(result) {
  const ids = new Map();
  const id = (raw) => {
    if (!ids.has(raw)) ids.set(raw, `<id#${ids.size + 1}>`);
    return ids.get(raw);
  };
  const text = (s) => {
    let out = s.split(result.base).join("<emulator>");
    out = out.replace(TIME, "<time>").replace(QUERY, "$1<q>");
    return out.replace(ID, (m) => id(m.toLowerCase()));
  };
  const walk = (value, key) => {
    if (typeof value === "string") {
      const out = text(value);
      return out === value && key !== undefined && ID_KEY.test(key) && value !== "" ? id(value) : out;
    }
    if (typeof value === "number" && key !== undefined && EPOCH_KEY.test(key) && value > 1e9) return "<epoch>";
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if ("$date" in value) return { $date: value.$date === "invalid" ? "invalid" : "<time>" };
    if ("$error" in value) {
      const { name, statusCode, instanceOf } = value.$error;
      return { $error: { name, statusCode: walk(statusCode), instanceOf } };
    }
    const out = {};
    for (const k of Object.keys(value).sort()) out[k] = walk(value[k], k);
    return out;
  };
  if (result.harnessError) return { harnessError: result.harnessError };
  return {
    outcome: walk(result.outcome),
    printed: walk(result.printed),
    refused: result.refused,
    unhandled: walk(result.unhandled),
  };
}

const isError = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && "$error" in v;

/** Whether our error `b` stands for the SDK's error `a` (or an allowed substitute does). */
function errorsMatch(a, b, allowed) {
  const sameClass = b.$error.instanceOf.includes(a.$error.name);
  if (sameClass && JSON.stringify(a.$error.statusCode) === JSON.stringify(b.$error.statusCode)) return true;
  return allowed.some(
    (rule) =>
      rule.sdk.name === a.$error.name &&
      rule.sdk.statusCode === a.$error.statusCode &&
      b.$error.instanceOf.includes(rule.ours.instanceOf),
  );
}

/** "$date", "$bytes", "$readableStream", ... for the runner's tagged values, else undefined. */
const tag = (v) => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0].startsWith("$") ? keys[0] : undefined;
};

const brief = (v) => {
  if (isError(v)) return `${v.$error.name}(${JSON.stringify(v.$error.statusCode)})`;
  if (tag(v) && tag(v) !== "$date") return `a ${tag(v).slice(1)} value`;
  const s = JSON.stringify(v);
  return s === undefined ? "absent" : s.length > 120 ? `${s.slice(0, 117)}...` : s;
};

/** The differences between two normalised values, as "path: sdk X, ours Y" lines. */
export function differences(a, b, allowed = [], path = "", out = []) {
  if (out.length >= 20) return out;
  if (isError(a) && isError(b)) {
    if (!errorsMatch(a, b, allowed)) {
      out.push(`${path}: sdk ${brief(a)}, ours ${b.$error.name}(${JSON.stringify(b.$error.statusCode)}) [instanceof ${b.$error.instanceOf.join(", ") || "nothing"}]`);
    }
    return out;
  }
  if ((tag(a) || tag(b)) && tag(a) !== tag(b)) {
    out.push(`${path || "."}: sdk ${brief(a)}, ours ${brief(b)}`);
    return out;
  }
  const kind = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  if (kind(a) !== kind(b) || kind(a) !== "object" && kind(a) !== "array") {
    if (kind(a) !== kind(b) || a !== b) out.push(`${path || "."}: sdk ${brief(a)}, ours ${brief(b)}`);
    return out;
  }
  if (Array.isArray(a)) {
    if (a.length !== b.length) out.push(`${path}: sdk ${a.length} items, ours ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], allowed, `${path}[${i}]`, out);
    return out;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    differences(a[k], b[k], allowed, `${path}.${k}`, out);
  }
  return out;
}

/** Compares the two runs of one example: [] when they agree. */
export function compareRuns(sdk, ours, allowed = []) {
  if (!sdk || sdk.harnessError) return [`the official SDK's run did not complete: ${sdk?.harnessError ?? "missing"}`];
  if (!ours || ours.harnessError) return [`our run did not complete: ${ours?.harnessError ?? "missing"}`];
  if (sdk.refused.length) return [`the official SDK's run asked for another host than api.mistral.ai: ${sdk.refused}`];
  return differences(normalise(sdk), normalise(ours), allowed);
}

const short = (message) => String(message).replace(/\/tmp\/sdk-docs-\w+\//g, "").split("\n")[0].slice(0, 160);

/** A one-line reason from the raw runs (for the failure list): what ours printed or threw. */
export function headline(sdk, ours, diffs) {
  const more = diffs.length > 1 ? ` (+${diffs.length - 1} more)` : "";
  const thrown = (r) => r?.outcome?.threw?.$error;
  const t = thrown(ours);
  if (t && !thrown(sdk)) return `ours threw ${t.name}: ${short(t.message)}`;
  const printedError = (r) => JSON.stringify(r?.printed ?? []).match(/"\$error":\{"name":"(\w+)".*?"message":"((?:[^"\\]|\\.)*)"/);
  const p = printedError(ours);
  if (p && !printedError(sdk)) return `ours failed with ${p[1]}: ${short(JSON.parse(`"${p[2]}"`))}`;
  return `${diffs[0]}${more}${t ? ` (ours: ${short(t.message)})` : ""}`;
}
