// The model or agent picker, and agent creation (name, model, instructions, tools).
import { $, h, short } from "./dom.js";
import { errorNotice } from "./errors.js";
import { toolsFrom } from "./tools.js";
import { client, emit, MODELS, on, state } from "./state.js";

const TOOL_CHOICES = [
  { key: "web_search", label: "Web search" },
  { key: "code_interpreter", label: "Code interpreter" },
  { key: "image_generation", label: "Image generation" },
  { key: "document_library", label: "Document library", needs: () => state.documents.length > 0 },
  { key: "functions", label: "Page functions" },
];

function renderPicker() {
  const select = $("#target");
  const value = state.target.kind === "agent" ? `agent:${state.target.id}` : `model:${state.target.id}`;
  const models = h("optgroup", { label: "Models" }, ...MODELS.map((m) => h("option", { value: `model:${m}`, text: m })));
  const agents = state.agents.length
    ? h("optgroup", { label: "Agents" }, ...state.agents.map((a) => h("option", { value: `agent:${a.id}`, text: `${a.name} (agent)` })))
    : null;
  select.replaceChildren(models, ...(agents ? [agents] : []));
  select.value = value;
}

export function selectTarget(value) {
  const [kind, id] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (kind === "agent") {
    const agent = state.agents.find((a) => a.id === id);
    if (!agent) return;
    state.target = { kind, id, name: agent.name, tools: agent.tools ?? [] };
  } else {
    state.target = { kind: "model", id };
  }
  renderPicker();
  emit("target");
}

function renderToolChoices() {
  const box = $("#agent-tools");
  const checked = new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
  const legend = box.querySelector("legend");
  const choices = TOOL_CHOICES.filter((c) => !c.needs || c.needs()).map((c) => ({ value: c.key, label: c.label }));
  for (const entry of state.connectors.values()) choices.push({ value: `connector:${entry.connector.id}`, label: `Connector ${entry.connector.name}` });
  box.replaceChildren(legend, ...choices.map((c) =>
    h("label", { class: "check" }, h("input", { type: "checkbox", value: c.value, checked: checked.has(c.value) }), ` ${c.label}`)));
}

function renderAgentList() {
  $("#agent-list").replaceChildren(...state.agents.map((agent) =>
    h("li", { dataset: { agentId: agent.id } },
      h("div", { class: "mini-main" },
        h("b", { text: agent.name }),
        h("span", { class: "muted", text: ` ${agent.model} · ${(agent.tools ?? []).map((t) => t.type === "function" ? t.function?.name : t.type).join(", ") || "no tools"}` })),
      h("div", { class: "mini-actions" },
        h("button", { type: "button", class: "btn small", text: state.target.id === agent.id ? "In use" : "Chat", disabled: state.target.id === agent.id, onclick: () => { selectTarget(`agent:${agent.id}`); emit("show", "chat"); } }),
        h("button", { type: "button", class: "icon-btn", title: "Delete agent", "aria-label": `Delete ${agent.name}`, text: "×", onclick: () => deleteAgent(agent) })))));
}

async function deleteAgent(agent) {
  try {
    await client.beta.agents.delete({ agentId: agent.id });
    state.agents = state.agents.filter((a) => a.id !== agent.id);
    if (state.target.id === agent.id) selectTarget(`model:${MODELS[0]}`);
    emit("agents");
  } catch (error) {
    $("#agent-list").before(errorNotice(error, { onDismiss: () => {} }));
  }
}

async function loadAgents() {
  try {
    state.agents = await client.beta.agents.list({ pageSize: 50 });
    emit("agents");
  } catch (error) {
    $("#agent-list").replaceChildren(h("li", {}, errorNotice(error)));
  }
}

export function initAgents() {
  $("#agent-model").replaceChildren(...MODELS.map((m) => h("option", { value: m, text: m })));
  $("#target").addEventListener("change", (event) => selectTarget(event.target.value));
  const form = $("#agent-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const picked = [...form.querySelectorAll("#agent-tools input:checked")].map((i) => i.value);
    const toggles = Object.fromEntries(TOOL_CHOICES.map((c) => [c.key, picked.includes(c.key)]));
    const connectorIds = picked.filter((v) => v.startsWith("connector:")).map((v) => v.slice(10));
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    for (const old of form.querySelectorAll(".notice, .status-line")) old.remove();
    try {
      const instructions = String(data.get("instructions") ?? "").trim();
      const agent = await client.beta.agents.create({
        name: String(data.get("name")).trim(),
        model: String(data.get("model")),
        ...(instructions ? { instructions } : {}),
        tools: toolsFrom(toggles, connectorIds),
        description: "Made in the mistral-edge demo",
      });
      state.agents = [agent, ...state.agents];
      form.reset();
      emit("agents");
      selectTarget(`agent:${agent.id}`);
      button.after(h("p", { class: "status-line ok", text: `Created ${agent.name} (${short(agent.id)}): the chat now talks to it.` }));
    } catch (error) {
      button.after(errorNotice(error, { onDismiss: () => {} }));
    } finally {
      button.disabled = false;
    }
  });
  renderPicker();
  renderToolChoices();
  on("agents", () => {
    renderPicker();
    renderAgentList();
  });
  on("target", renderAgentList);
  on("library", renderToolChoices);
  on("connectors", renderToolChoices);
  loadAgents();
}
