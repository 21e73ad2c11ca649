// The timeline: tool executions, function calls, handoffs, usage and errors as they happen,
// grouped by turn, with the time since the turn started.
import { $, h, parseArgs, prettyJson } from "./dom.js";
import { explain } from "./errors.js";
import { imageFigure } from "./images.js";

let unseen = 0;

function visible() {
  const pane = $("#timeline-pane");
  return !pane.hidden && pane.offsetParent !== null;
}

function bump() {
  const badge = $("#timeline-badge");
  if (visible()) {
    unseen = 0;
    badge.hidden = true;
    return;
  }
  unseen += 1;
  badge.hidden = false;
  badge.textContent = String(unseen);
}

export function markTimelineSeen() {
  unseen = 0;
  $("#timeline-badge").hidden = true;
}

function item(kind, name, stateText) {
  const head = h("div", { class: "tl-head" },
    h("b", { class: "tl-name", text: name }),
    h("span", { class: "tl-state", text: stateText ?? "" }),
    h("time", { class: "tl-time" }));
  const el = h("li", { class: "tl-item", dataset: { kind, name, state: stateText ?? "" } },
    h("span", { class: "tl-dot", "aria-hidden": "true" }), h("div", { class: "tl-main" }, head));
  return el;
}

function setState(el, text) {
  el.dataset.state = text;
  el.querySelector(".tl-state").textContent = text;
}

function block(el, cls, text) {
  let pre = el.querySelector(`.${cls}`);
  if (!pre) {
    pre = h("pre", { class: cls });
    el.querySelector(".tl-main").append(pre);
  }
  pre.textContent = text;
  return pre;
}

/** Starts a turn group; returns handlers for its events. */
export function timelineTurn(label) {
  const list = $("#timeline");
  $("#timeline-empty").hidden = true;
  const t0 = performance.now();
  const items = new Map(); // entry id → { el, args }
  const group = h("li", { class: "tl-turn" }, h("div", { class: "tl-turn-head" },
    h("span", { text: label }), h("time", { text: new Date().toLocaleTimeString() })));
  const inner = h("ol", { class: "tl-items" });
  group.append(inner);
  list.append(group);
  $("#timeline-pane").scrollTop = $("#timeline-pane").scrollHeight;

  const stamp = (el) => {
    el.querySelector(".tl-time").textContent = `+${Math.round(performance.now() - t0)} ms`;
  };
  const add = (el) => {
    const pane = $("#timeline-pane");
    const atEnd = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 80;
    stamp(el);
    inner.append(el);
    if (atEnd) pane.scrollTop = pane.scrollHeight;
    bump();
    return el;
  };
  const itemFor = (data, kind) => {
    let entry = items.get(data.id);
    if (!entry) {
      entry = { el: add(item(kind, data.name, kind === "function" ? "called" : "running")), args: "" };
      items.set(data.id, entry);
    }
    return entry;
  };

  return {
    /** One stream event. */
    event(data) {
      switch (data.type) {
        case "tool.execution.started":
        case "tool.execution.delta": {
          const entry = itemFor(data, "tool");
          entry.args += data.arguments ?? "";
          if (entry.args) block(entry.el, "tl-args", prettyJson(entry.args));
          break;
        }
        case "tool.execution.done": {
          const entry = itemFor(data, "tool");
          setState(entry.el, "done");
          stamp(entry.el);
          const info = data.info ?? {};
          // Leave out what the arguments already show (web search repeats its query).
          const args = parseArgs(entry.args);
          const extra = Object.fromEntries(Object.entries(info).filter(([key, value]) => JSON.stringify(args[key]) !== JSON.stringify(value)));
          if (data.name === "code_interpreter" && info.code !== undefined) {
            block(entry.el, "tl-args", info.code);
            block(entry.el, "tl-info", `output: ${info.code_output ?? ""}`);
          } else if (Object.keys(extra).length) {
            block(entry.el, "tl-info", prettyJson(extra));
          }
          if (data.name === "image_generation" && info.file_id) {
            entry.el.querySelector(".tl-main").append(imageFigure({ fileId: info.file_id, fileName: "image", fileType: "png" }));
          }
          break;
        }
        case "function.call.delta": {
          const entry = itemFor(data, "function");
          entry.el.dataset.toolCallId = data.toolCallId;
          entry.args += data.arguments ?? "";
          block(entry.el, "tl-args", `${data.name}(${prettyJson(entry.args)})`);
          if (data.confirmationStatus === "pending") setState(entry.el, "needs confirmation");
          break;
        }
        case "agent.handoff.started":
          add(item("handoff", `handoff from ${data.previousAgentName ?? "agent"}`, "started"));
          break;
        case "agent.handoff.done":
          add(item("handoff", `now ${data.nextAgentName ?? "next agent"}`, "done"));
          break;
        case "conversation.response.done": {
          const u = data.usage ?? {};
          const el = add(item("usage", "response done", `${u.totalTokens ?? 0} tokens`));
          block(el, "tl-info", `prompt ${u.promptTokens ?? 0} · completion ${u.completionTokens ?? 0}${u.connectorTokens ? ` · tools ${u.connectorTokens}` : ""}`);
          break;
        }
        case "conversation.response.started":
        case "message.output.delta":
        case "function.result": // the run sent it: shown by `answered`
          break;
        default:
          add(item("other", data.type ?? "event", "unknown"));
      }
    },
    /** The page ran a function call. */
    answered(toolCallId, result) {
      const entry = [...items.values()].find((e) => e.el.dataset.toolCallId === toolCallId);
      if (!entry) return;
      setState(entry.el, "answered by page");
      stamp(entry.el);
      block(entry.el, "tl-info", `function.result ${prettyJson(parseArgs(result))}`);
    },
    note(kind, name, text) {
      const el = add(item(kind, name, ""));
      if (text) block(el, "tl-info", text);
    },
    error(error) {
      const info = explain(error);
      const el = add(item(info.tone === "info" ? "stopped" : "error", info.title, error?.name ?? ""));
      block(el, "tl-info", info.body);
    },
  };
}

export function initTimeline() {
  $("#timeline-clear").addEventListener("click", () => {
    $("#timeline").replaceChildren();
    $("#timeline-empty").hidden = false;
    markTimelineSeen();
  });
}
