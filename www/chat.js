// The chat: sending a message (start, append or restart, always streamed), drawing events as
// they arrive, the stop button, usage per turn. New turns go through `conversations.runStream`,
// which runs the page's functions and asks for approvals (buttons on the call) until the
// conversation has nothing left to do.
import { AbortError } from "./pkg/index.js";
import { $, h, short } from "./dom.js";
import { errorNotice } from "./errors.js";
import { isPageFunction, runTools } from "./functions.js";
import { AssistantMessage, addUsage, functionEntry, handoffEntry, setEntryId, toolEntry, usageLine, userEntry } from "./render.js";
import { takeFault } from "./simulate.js";
import { timelineTurn } from "./timeline.js";
import { currentTools } from "./tools.js";
import { client, emit, on, state } from "./state.js";

/** Responses per turn at most (`maxSteps`): five rounds of function calls and the answer. */
const MAX_STEPS = 6;
const list = () => $("#messages");

/** Keeps the newest text in view unless the reader scrolled up. */
let stick = true;
function follow() {
  if (stick) list().scrollTop = list().scrollHeight;
}

function add(...els) {
  $("#welcome").hidden = true;
  list().append(...els);
  follow();
}

/** Tools or target changed since this conversation started: the next message starts a new one. */
let settingsChanged = false;

function renderHints() {
  const banner = $("#branch-banner");
  const text = $("#branch-text");
  if (state.branch) {
    banner.hidden = false;
    banner.dataset.kind = "branch";
    text.textContent = `Restarting from ${state.branch.label}: your next message continues from there in a new conversation (leave it empty to answer again).`;
  } else if (settingsChanged && state.conversationId) {
    banner.hidden = false;
    banner.dataset.kind = "settings";
    text.textContent = "Tools or model changed: your next message starts a new conversation with them.";
  } else {
    banner.hidden = true;
  }
  $("#input").placeholder = state.branch ? "Message for the new branch (or empty to answer again)…" : "Message Mistral…";
}

let currentName = "Conversation";
function setTitle(conversation) {
  const title = $("#chat-title");
  currentName = conversation?.name ?? "Conversation";
  title.replaceChildren();
  if (!state.conversationId) return void (title.textContent = "New conversation");
  const branchOf = conversation?.metadata?.branchOf;
  title.append(h("span", { class: "conv-name", text: conversation?.name ?? "Conversation" }),
    h("code", { class: "conv-id", title: state.conversationId, text: short(state.conversationId) }));
  if (branchOf) title.append(h("span", { class: "tag", title: `branch of ${branchOf}`, text: `branch of ${short(branchOf)}` }));
}

export function clearChat() {
  for (const el of [...list().children]) if (el.id !== "welcome") el.remove();
  $("#welcome").hidden = false;
  $("#notice-slot").replaceChildren();
  state.conversationId = null;
  state.branch = null;
  settingsChanged = false;
  setTitle();
  renderHints();
  emit("conversation");
}

/** Shows a stored conversation (history.js calls this with its entries drawn). */
export function showConversation(conversation, elements) {
  for (const el of [...list().children]) if (el.id !== "welcome") el.remove();
  state.conversationId = conversation.id;
  state.branch = null;
  settingsChanged = false;
  add(...elements);
  $("#welcome").hidden = elements.length > 0;
  setTitle(conversation);
  renderHints();
  stick = true;
  follow();
  emit("conversation");
}

function setBusy(busy) {
  state.busy = busy;
  const button = $("#send");
  button.classList.toggle("stop", Boolean(busy));
  button.classList.toggle("primary", !busy);
  button.type = busy ? "button" : "submit";
  button.setAttribute("aria-label", busy ? "Stop" : "Send");
  button.querySelector(".send-label").textContent = busy ? "Stop" : "Send";
  // Screen readers wait for the whole answer instead of reading every token.
  list().setAttribute("aria-busy", String(Boolean(busy)));
  emit("busy");
}

/** The request that starts a conversation with the chosen model or agent. */
function startRequest(text) {
  const base = { inputs: text, name: text.slice(0, 60) };
  if (state.target.kind === "agent") return { ...base, agentId: state.target.id };
  const tools = currentTools();
  return { ...base, model: state.target.id, ...(tools.length ? { tools } : {}) };
}

/** Sends the composer's text: a new conversation, the next turn, or a branch. */
export async function send(text) {
  if (state.busy) return;
  const branch = state.branch;
  if (!text && !branch) return;
  if (settingsChanged && !branch) {
    clearChat();
  }
  const fault = takeFault();
  let open;
  let label;
  if (branch) {
    const request = fault.mutate({
      conversationId: branch.conversationId,
      fromEntryId: branch.entryId,
      ...(text ? { inputs: text } : {}),
      metadata: { branchOf: branch.conversationId, fromEntryId: branch.entryId },
    });
    open = (options) => client.beta.conversations.restartStream(request, options);
    label = "restart";
  } else if (state.conversationId) {
    // The conversation keeps its tools: the page's only answer their calls.
    const request = fault.mutate({ conversationId: state.conversationId, inputs: text, tools: runTools() });
    open = (options) => client.beta.conversations.runStream(request, runOptions(options));
    label = "append";
  } else {
    const request = fault.mutate(startRequest(text));
    open = (options) => client.beta.conversations.runStream({ ...request, tools: runTools(request.tools) }, runOptions(options));
    label = "start";
  }
  await runTurn({ open, options: fault.options, text, branch, label });
}

/** The run's options: the call's, a step limit, and approvals asked on the call's entry. */
function runOptions(options) {
  return { ...options, maxSteps: MAX_STEPS, onConfirmation: askApproval };
}

/** Shows Allow / Deny on the call's entry; resolves to the choice. */
function askApproval(call) {
  const el = list().querySelector(`.entry.fn[data-tool-call-id="${CSS.escape(call.toolCallId)}"]`);
  if (!el) return false;
  return el.approval.ask(call);
}

/** Everything after `entryId` is not part of the branch: set it aside until the branch exists. */
function setAsideAfter(entryId) {
  const from = list().querySelector(`[data-entry-id="${CSS.escape(entryId)}"]`);
  const aside = [];
  for (let el = from?.nextElementSibling; el; el = el.nextElementSibling) aside.push(el);
  for (const el of aside) el.remove();
  from?.classList.remove("branch-point");
  return aside;
}

async function runTurn({ open, options, text, branch, label }) {
  $("#notice-slot").replaceChildren();
  const aside = branch ? setAsideAfter(branch.entryId) : [];
  const userEl = text ? userEntry(text) : null;
  if (userEl) add(userEl);
  stick = true;

  const timeline = timelineTurn(`${label} · ${text ? `“${text.slice(0, 40)}${text.length > 40 ? "…" : ""}”` : "answer again"}`);
  const turn = { usage: {}, responses: 0, message: null, started: false, title: text.slice(0, 60) };
  const controller = new AbortController();
  let stream = null;
  let stopped = false;
  setBusy({
    stop() {
      stopped = true;
      controller.abort();
      stream?.abort();
    },
  });

  try {
    stream = await open({ ...options, signal: controller.signal });
    await consume(stream, turn, timeline, branch);
    if (!stopped && stream.finalResult) {
      const result = await stream.finalResult();
      if (result.status === "max_steps") {
        timeline.note("info", "function loop", `stopped after ${MAX_STEPS} responses (maxSteps)`);
      }
    }
  } catch (error) {
    if (stopped || error instanceof AbortError) {
      stopped = true;
    } else {
      if (branch && !turn.started) {
        // The branch was never made: put the old entries back (the retry sends the text again).
        userEl?.remove();
        add(...aside);
        state.branch = branch;
        list().querySelector(`[data-entry-id="${CSS.escape(branch.entryId)}"]`)?.classList.add("branch-point");
      }
      timeline.error(error);
      const retry = () => {
        userEl?.remove();
        notice.remove();
        if (branch) state.branch = branch;
        send(text);
      };
      const notice = h("li", { class: "entry notice-row" }, errorNotice(error, { onRetry: retry }));
      add(notice);
      console.warn(error);
    }
  } finally {
    turn.message?.finish(stopped ? "stopped" : undefined);
    if (stopped) {
      timeline.error(new AbortError("stopped"));
      if (!turn.message) add(h("li", { class: "entry note", text: "Stopped before the answer began." }));
    }
    if (turn.responses) add(usageLine(turn.usage, turn.responses));
    else if (stopped && turn.started) add(h("li", { class: "turn-meta", text: "stopped before the usage was reported" }));
    setBusy(null);
    renderHints();
    emit("conversations");
  }
  if (userEl && state.conversationId && turn.started) identifyUserEntry(userEl);
}

/** The user's entry id is not in the stream: read it from the history, for "restart from here". */
async function identifyUserEntry(userEl) {
  try {
    const history = await client.beta.conversations.getHistory({ conversationId: state.conversationId });
    const input = history.entries.findLast((entry) => entry.type === "message.input" && entry.role === "user");
    if (input?.id && userEl.isConnected) setEntryId(userEl, input.id, `your message “${userEl.textContent.slice(0, 40)}”`);
  } catch {
    // store: false, or the conversation is gone: the entry just has no restart button.
  }
}

/** Reads a stream (a run's: every step's events and the results the page sent): draws it. */
async function consume(stream, turn, timeline, branch) {
  const messages = new Map();
  const tools = new Map();
  const calls = new Map();
  for await (const { data } of stream) {
    timeline.event(data);
    switch (data.type) {
      case "conversation.response.started":
        turn.started = true;
        if (data.conversationId && data.conversationId !== state.conversationId) {
          state.conversationId = data.conversationId;
          state.branch = null;
          settingsChanged = false;
          setTitle(branch ? { name: currentName, metadata: { branchOf: branch.conversationId } } : { name: turn.title });
          emit("conversation");
          emit("conversations");
        }
        break;
      case "message.output.delta": {
        let message = messages.get(data.id);
        if (!message) {
          message = new AssistantMessage(data);
          messages.set(data.id, message);
          turn.message?.finish();
          turn.message = message;
          add(message.el);
        }
        message.append(data.contentIndex ?? 0, data.content);
        break;
      }
      case "tool.execution.started":
      case "tool.execution.delta": {
        let tool = tools.get(data.id);
        if (!tool) {
          tool = toolEntry({ id: data.id, name: data.name });
          tools.set(data.id, tool);
          add(tool.el);
        }
        tool.addArgs(data.arguments ?? "");
        break;
      }
      case "tool.execution.done":
        (tools.get(data.id) ?? toolEntry({ id: data.id, name: data.name })).done(data.info);
        break;
      case "function.call.delta": {
        let call = calls.get(data.id);
        if (!call) {
          call = functionEntry({ id: data.id, name: data.name, toolCallId: data.toolCallId });
          calls.set(data.id, call);
          add(call.el);
        }
        call.addArgs(data.arguments ?? "");
        break;
      }
      case "function.result": {
        // Sent by the run after the page's function answered (or an approval was refused).
        const call = [...calls.values()].find((c) => c.toolCallId === data.toolCallId);
        call?.answered(data.result, isPageFunction(call.name));
        timeline.answered(data.toolCallId, data.result);
        break;
      }
      case "agent.handoff.done":
        add(handoffEntry(`Handed off to ${data.nextAgentName ?? "another agent"}`));
        break;
      case "conversation.response.done":
        turn.responses += 1;
        addUsage(turn.usage, data.usage);
        // The run now runs the page's calls of this response.
        for (const call of calls.values()) if (!call.isAnswered && isPageFunction(call.name)) call.running();
        break;
      default:
        break;
    }
    follow();
  }
}

export function initChat() {
  const form = $("#composer");
  const input = $("#input");
  const resize = () => {
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight, 180)}px`;
  };
  input.addEventListener("input", resize);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (state.busy) return;
    const text = input.value.trim();
    if (!text && !state.branch) return input.focus();
    input.value = "";
    resize();
    send(text);
  });
  $("#send").addEventListener("click", (event) => {
    if (!state.busy) return;
    event.preventDefault();
    state.busy.stop();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.busy) state.busy.stop();
  });
  list().addEventListener("scroll", () => {
    const el = list();
    stick = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  });
  $("#branch-cancel").addEventListener("click", () => {
    if (state.branch) {
      list().querySelector(".branch-point")?.classList.remove("branch-point");
      state.branch = null;
    } else {
      settingsChanged = false;
    }
    renderHints();
  });
  $("#new-chat").addEventListener("click", () => {
    if (!state.busy) clearChat();
  });

  on("restart", ({ entryId, label }) => {
    if (state.busy || !state.conversationId) return;
    list().querySelector(".branch-point")?.classList.remove("branch-point");
    list().querySelector(`[data-entry-id="${CSS.escape(entryId)}"]`)?.classList.add("branch-point");
    state.branch = { conversationId: state.conversationId, entryId, label };
    renderHints();
    emit("show", "chat");
    input.focus();
  });
  const changed = () => {
    if (state.conversationId) settingsChanged = true;
    renderHints();
  };
  on("tools", changed);
  on("target", changed);
  renderHints();
}
