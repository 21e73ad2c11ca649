// Conversation entries as list items: user and assistant messages, tool executions, function
// calls, handoffs and per-turn usage. Used while streaming (chat.js) and for history (history.js).
import { h, parseArgs, plural, prettyJson } from "./dom.js";
import { imageFigure } from "./images.js";
import { looksLikeMarkdown, renderMarkdown } from "./markdown.js";
import { emit, state } from "./state.js";

const TOOL_ICONS = { web_search: "⌕", web_search_premium: "⌕", code_interpreter: "{}", image_generation: "◩", document_library: "▤" };

/** "Restart from here" on an entry with an id. */
function restartButton(entryId, label) {
  return h("button", {
    type: "button", class: "restart", title: "Restart from here: a new branch keeps everything up to this entry",
    "aria-label": `Restart from here (${label})`,
    onclick: () => emit("restart", { entryId, label }),
  }, h("span", { "aria-hidden": "true", text: "↺" }), h("span", { class: "restart-label", text: "Restart from here" }));
}

function withId(el, id, label) {
  if (!id) return el;
  el.dataset.entryId = id;
  el.append(restartButton(id, label));
  return el;
}

/** Sets the id of an entry drawn before its id was known (the user's message, from history). */
export function setEntryId(el, id, label) {
  if (!el.dataset.entryId) withId(el, id, label);
}

function textOf(content) {
  if (typeof content === "string") return content;
  return (content ?? []).map((chunk) => (chunk.type === "text" ? chunk.text : "")).join("");
}

export function userEntry(content, id) {
  const text = textOf(content);
  const el = h("li", { class: "entry user" }, h("div", { class: "bubble" }, h("div", { class: "text", text })));
  return withId(el, id, `your message “${text.slice(0, 40)}”`);
}

function referenceChip(chunk) {
  const label = chunk.title || chunk.url || chunk.tool;
  const props = { class: "ref", title: chunk.description || chunk.url || "", text: label };
  return chunk.url ? h("a", { ...props, href: chunk.url, target: "_blank", rel: "noopener noreferrer" }) : h("span", props);
}

/** One part of a message's content: text grows as deltas arrive; chunks render once. */
function partFor(chunk) {
  if (typeof chunk === "string") return h("span", { class: "part text", text: chunk });
  switch (chunk.type) {
    case "text": return h("span", { class: "part text", text: chunk.text ?? "" });
    case "tool_reference": return referenceChip(chunk);
    case "tool_file": return imageFigure(chunk);
    case "thinking": return h("details", { class: "part thinking" }, h("summary", { text: "Thinking" }),
      h("div", { text: (chunk.thinking ?? []).map((t) => t.text ?? "").join("") }));
    case "image_url": return h("img", { class: "generated", src: typeof chunk.imageUrl === "string" ? chunk.imageUrl : chunk.imageUrl?.url, alt: "" });
    default: return h("code", { class: "part unknown", text: `[${chunk.type}]` });
  }
}

/** An assistant message that streams: `append(contentIndex, delta)`. */
export class AssistantMessage {
  constructor({ id, model, agentId } = {}) {
    this.parts = new Map();
    this.body = h("div", { class: "parts" });
    this.meta = h("div", { class: "entry-meta", text: [agentId ? "agent" : null, model].filter(Boolean).join(" · ") });
    this.el = withId(h("li", { class: "entry assistant streaming" }, h("div", { class: "avatar", "aria-hidden": "true" }),
      h("div", { class: "msg" }, this.body, this.meta)), id, "this answer");
    this.tokens = 0;
  }

  append(index = 0, delta) {
    if (typeof delta === "string") {
      this.tokens += 1;
      const part = this.parts.get(index);
      if (part?.classList.contains("text")) {
        if (part.firstChild instanceof Text) part.firstChild.appendData(delta);
        else part.append(delta);
        return;
      }
    }
    const part = partFor(delta);
    this.parts.set(index, part);
    this.body.append(part);
  }

  finish(status) {
    this.el.classList.remove("streaming");
    // Finished text reads better formatted; while streaming it stays plain.
    for (const [index, part] of this.parts) {
      if (!part.classList.contains("text") || part.classList.contains("md") || !looksLikeMarkdown(part.textContent)) continue;
      const rendered = h("div", { class: "part text md" }, ...renderMarkdown(part.textContent));
      part.replaceWith(rendered);
      this.parts.set(index, rendered);
    }
    if (status) this.el.classList.add(status);
    if (status === "stopped") this.meta.append(h("span", { class: "tag", text: "stopped" }));
  }

  static fromEntry(entry) {
    const message = new AssistantMessage(entry);
    const content = typeof entry.content === "string" ? [entry.content] : entry.content ?? [];
    content.forEach((chunk, i) => message.append(i, chunk));
    message.finish();
    return message;
  }
}

function toolSummary(name, args, info) {
  const a = parseArgs(args);
  if (name.startsWith("web_search")) return a.query ? `“${a.query}”` : "";
  if (name === "code_interpreter") return info?.code_output !== undefined ? `→ ${String(info.code_output).trim()}` : a.code ?? "";
  if (name === "image_generation") return a.prompt ? `“${a.prompt}”` : "";
  if (name === "document_library") return a.query ? `“${a.query}”` : "";
  const keys = Object.entries(a).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ");
  return keys ? `(${keys})` : "";
}

/** A tool execution (built-in or connector): arguments stream in, then `done(info)`. */
export function toolEntry({ id, name, arguments: args = "", info }) {
  const summary = h("span", { class: "tool-sum" });
  const status = h("span", { class: "status running", text: "running" });
  const detail = h("pre", { class: "json" });
  const el = withId(h("li", { class: "entry tool", dataset: { name } },
    h("details", {},
      h("summary", {}, h("span", { class: "tool-badge" }, h("span", { "aria-hidden": "true", text: TOOL_ICONS[name] ?? "⇄" }), ` ${name}`), summary, status),
      detail)), id, `the ${name} call`);
  let argText = "";
  const api = {
    el,
    addArgs(fragment = "") {
      argText += fragment;
      summary.textContent = toolSummary(name, argText);
    },
    done(doneInfo) {
      status.className = "status done";
      status.textContent = "done";
      summary.textContent = toolSummary(name, argText, doneInfo);
      detail.textContent = `arguments ${prettyJson(argText || "{}")}\ninfo ${prettyJson(doneInfo ?? {})}`;
    },
  };
  api.addArgs(args);
  if (info !== undefined || id === undefined) api.done(info);
  return api;
}

/** A function call: the page (or you) answers it with a `function.result`. */
export function functionEntry({ id, name, toolCallId, arguments: args = "" }) {
  const call = h("code", { class: "fn-call" });
  const result = h("span", { class: "fn-result" });
  const status = h("span", { class: "status running", text: "called" });
  const el = withId(h("li", { class: "entry fn", dataset: { name, toolCallId } },
    h("div", { class: "fn-line" }, h("span", { class: "tool-badge", text: "ƒ function" }), call, status), result), id, `the ${name} call`);
  let argText = "";
  const api = {
    el,
    toolCallId,
    name,
    get args() {
      return argText;
    },
    addArgs(fragment = "") {
      argText += typeof fragment === "string" ? fragment : JSON.stringify(fragment);
      const a = parseArgs(argText);
      call.textContent = `${name}(${Object.entries(a).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")})`;
    },
    isAnswered: false,
    running() {
      status.className = "status running";
      status.textContent = "running in this page";
    },
    answered(text, byPage = true) {
      api.isAnswered = true;
      status.className = "status done";
      status.textContent = byPage ? "answered by this page" : "answered";
      result.textContent = `→ ${text}`;
    },
  };
  // Approval buttons, when the run asks (`onConfirmation`): resolves to the choice.
  el.approval = {
    ask(request) {
      status.className = "status running";
      status.textContent = request.server ? "needs your approval (runs on Mistral's side)" : "needs your approval";
      return new Promise((resolve) => {
        const choose = (allow) => () => {
          buttons.remove();
          if (allow) api.running();
          if (allow && request.server) status.textContent = "allowed";
          resolve(allow);
        };
        const buttons = h("div", { class: "fn-approval" },
          h("button", { class: "btn small primary", type: "button", text: "Allow", onclick: choose(true) }),
          h("button", { class: "btn small", type: "button", text: "Deny", onclick: choose(false) }));
        el.append(buttons);
      });
    },
  };
  api.addArgs(args);
  return api;
}

export function handoffEntry(text) {
  return h("li", { class: "entry note", text });
}

/** "12 in · 39 out · 51 tokens · web_search ×1" for one turn (one or more responses). */
export function usageLine(usage, responses = 1) {
  const parts = [
    `${(usage.promptTokens ?? 0).toLocaleString()} in`,
    `${(usage.completionTokens ?? 0).toLocaleString()} out`,
    `${(usage.totalTokens ?? 0).toLocaleString()} tokens`,
  ];
  if (usage.connectorTokens) parts.push(`${usage.connectorTokens.toLocaleString()} tool tokens`);
  // Connector usage is counted under the connector's id: show its name.
  const tools = Object.entries(usage.connectors ?? {}).map(([name, n]) => `${state.connectors.get(name)?.connector.name ?? name} ×${n}`);
  if (tools.length) parts.push(tools.join(", "));
  if (responses > 1) parts.push(plural(responses, "response"));
  return h("li", { class: "turn-meta", title: "Token usage of this turn" }, h("span", { class: "usage", text: parts.join(" · ") }));
}

/** Adds usage objects together (a turn with function calls spans several responses). */
export function addUsage(total, usage = {}) {
  for (const key of ["promptTokens", "completionTokens", "totalTokens", "connectorTokens"]) {
    if (usage[key] !== undefined) total[key] = (total[key] ?? 0) + usage[key];
  }
  for (const [name, n] of Object.entries(usage.connectors ?? {})) {
    total.connectors ??= {};
    total.connectors[name] = (total.connectors[name] ?? 0) + Number(n);
  }
  return total;
}

/** Every entry of a stored conversation, as list items. */
export function historyElements(entries) {
  const out = [];
  const calls = new Map();
  for (const entry of entries) {
    switch (entry.type) {
      case "message.input":
        out.push(entry.role === "assistant" ? AssistantMessage.fromEntry(entry).el : userEntry(entry.content, entry.id));
        break;
      case "message.output":
        out.push(AssistantMessage.fromEntry(entry).el);
        break;
      case "tool.execution":
        out.push(toolEntry(entry).el);
        break;
      case "function.call": {
        const call = functionEntry(entry);
        calls.set(entry.toolCallId, call);
        out.push(call.el);
        break;
      }
      case "function.result": {
        const call = calls.get(entry.toolCallId);
        if (call) call.answered(entry.result, false);
        else out.push(h("li", { class: "entry note", text: `function result: ${entry.result}` }));
        break;
      }
      case "agent.handoff":
        out.push(handoffEntry(`Handed off from ${entry.previousAgentName ?? "an agent"} to ${entry.nextAgentName ?? "another agent"}`));
        break;
      default:
        out.push(h("li", { class: "entry note", text: `[${entry.type}]` }));
    }
  }
  return out;
}
