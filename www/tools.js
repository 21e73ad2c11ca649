// The tool toggles above the composer, and the `tools` array they stand for.
import { $, h } from "./dom.js";
import { functionTools } from "./functions.js";
import { emit, on, state } from "./state.js";

const BUILTINS = [
  { key: "web_search", label: "Web search", icon: "⌕" },
  { key: "code_interpreter", label: "Code", icon: "{}" },
  { key: "image_generation", label: "Images", icon: "◩" },
  { key: "document_library", label: "Library", icon: "▤" },
  { key: "functions", label: "Page functions", icon: "ƒ" },
];

/** A connector tool with its include / exclude choice. */
export function connectorTool(entry) {
  const tool = { type: "connector", connectorId: entry.connector.id };
  const picked = [...entry.picked];
  if (entry.tools.length && picked.length) tool.toolConfiguration = { [entry.mode]: picked };
  return tool;
}

/** The `tools` of a request from the toggles (`keys` overrides them, for agent creation). */
export function toolsFrom(toggles = state.toggles, connectorIds = null) {
  const tools = [];
  for (const key of ["web_search", "code_interpreter", "image_generation"]) if (toggles[key]) tools.push({ type: key });
  if (toggles.document_library && state.library) tools.push({ type: "document_library", libraryIds: [state.library.id] });
  if (toggles.functions) tools.push(...functionTools());
  for (const entry of state.connectors.values()) {
    if (connectorIds ? connectorIds.includes(entry.connector.id) : entry.use) tools.push(connectorTool(entry));
  }
  return tools;
}

/** Tools for the next message: none for agents (they bring their own). */
export function currentTools() {
  return state.target.kind === "agent" ? undefined : toolsFrom();
}

function chip({ key, label, icon, checked, disabled, title, onchange }) {
  return h("label", { class: `chip${checked ? " on" : ""}${disabled ? " disabled" : ""}`, title, dataset: { tool: key } },
    h("input", { type: "checkbox", name: "tool", value: key, checked, disabled, onchange }),
    h("span", { class: "chip-icon", "aria-hidden": "true", text: icon }),
    h("span", { text: label }));
}

function agentToolLabel(tool) {
  if (tool.type === "function") return `ƒ ${tool.function?.name}`;
  if (tool.type === "connector") return `⇄ ${state.connectors.get(tool.connectorId)?.connector.name ?? "connector"}`;
  return BUILTINS.find((b) => b.key === tool.type)?.label ?? tool.type;
}

export function renderChips() {
  const box = $("#tool-chips");
  const legend = box.querySelector("legend");
  box.replaceChildren(legend);
  if (state.target.kind === "agent") {
    const tools = state.target.tools ?? [];
    box.append(h("span", { class: "chips-note", text: tools.length ? `${state.target.name} uses:` : `${state.target.name} has no tools.` }),
      ...tools.map((tool) => h("span", { class: "chip on static", text: agentToolLabel(tool) })));
    return;
  }
  for (const builtin of BUILTINS) {
    const noLibrary = builtin.key === "document_library" && !state.documents.length;
    box.append(chip({
      ...builtin,
      checked: state.toggles[builtin.key] && !noLibrary,
      disabled: noLibrary,
      title: noLibrary ? "Upload a document in Setup → Document library first" : undefined,
      onchange: (event) => {
        state.toggles[builtin.key] = event.target.checked;
        event.target.closest(".chip").classList.toggle("on", event.target.checked);
        emit("tools");
      },
    }));
  }
  for (const entry of state.connectors.values()) {
    box.append(chip({
      key: `connector:${entry.connector.id}`,
      label: entry.connector.name,
      icon: "⇄",
      checked: entry.use,
      title: `Connector ${entry.connector.name}${entry.picked.size ? ` (${entry.mode} ${[...entry.picked].join(", ")})` : ""}`,
      onchange: (event) => {
        entry.use = event.target.checked;
        emit("connectors");
      },
    }));
  }
}

export function initTools() {
  renderChips();
  on("target", renderChips);
  on("library", renderChips);
  on("connectors", renderChips);
}
