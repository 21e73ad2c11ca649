// Connectors (MCP): create one from a server URL, list its tools, choose which the model may use
// (include or exclude), use it in the chat, and call a tool directly.
import { $, h, prettyJson } from "./dom.js";
import { errorNotice } from "./errors.js";
import { client, emit, state } from "./state.js";

function status(content) {
  $("#connector-status").replaceChildren(...(content ? [content] : []));
}

/** Arguments skeleton from a tool's JSON Schema: defaults, else an empty value of each type. */
function skeleton(schema = {}) {
  const empty = { string: "", integer: 0, number: 0, boolean: false, array: [], object: {} };
  return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, prop]) =>
    [key, prop.default ?? prop.examples?.[0] ?? prop.enum?.[0] ?? empty[Array.isArray(prop.type) ? prop.type[0] : prop.type] ?? null]));
}

function renderResult(result) {
  const parts = (result.content ?? []).map((item) => {
    if (item.type === "text") return h("pre", { class: "json", text: prettyJson(item.text) });
    if (item.type === "image" && item.data) return h("img", { class: "generated", alt: "tool image", src: `data:${item.mimeType ?? "image/png"};base64,${item.data}` });
    return h("pre", { class: "json", text: JSON.stringify(item, null, 2) });
  });
  return h("div", { class: "call-result" }, ...(parts.length ? parts : [h("span", { class: "muted", text: "(no content)" })]));
}

function callForm(entry, tool) {
  const args = h("textarea", { class: "mono", rows: 4, spellcheck: false, "aria-label": `Arguments of ${tool.name}` });
  args.value = JSON.stringify(skeleton(tool.inputSchema), null, 2);
  const out = h("div", { class: "call-out" });
  const form = h("form", { class: "call-form stack" }, args, h("button", { type: "submit", class: "btn small primary", text: `Call ${tool.name}` }), out);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let parsed;
    try {
      parsed = JSON.parse(args.value || "{}");
    } catch (error) {
      return void out.replaceChildren(h("p", { class: "status-line error", text: `The arguments are not valid JSON: ${error.message}` }));
    }
    out.replaceChildren(h("span", { class: "muted", text: "calling…" }));
    try {
      const result = await client.beta.connectors.callTool({ connectorIdOrName: entry.connector.id, toolName: tool.name, arguments: parsed });
      out.replaceChildren(renderResult(result));
    } catch (error) {
      out.replaceChildren(errorNotice(error));
    }
  });
  return form;
}

function toolRow(entry, tool) {
  const checkbox = h("input", {
    type: "checkbox", checked: entry.picked.has(tool.name), "aria-label": `Pick ${tool.name}`,
    onchange: (event) => {
      event.target.checked ? entry.picked.add(tool.name) : entry.picked.delete(tool.name);
      emit("connectors");
      emit("tools");
    },
  });
  const slot = h("div", { class: "call-slot" });
  const call = h("button", {
    type: "button", class: "btn small ghost", text: "Call…",
    onclick: () => (slot.firstChild ? slot.replaceChildren() : slot.replaceChildren(callForm(entry, tool))),
  });
  return h("li", { class: "mcp-tool", dataset: { tool: tool.name } },
    h("div", { class: "mcp-tool-line" },
      h("label", { class: "check" }, checkbox, h("code", { text: ` ${tool.name}` })),
      call),
    tool.description ? h("p", { class: "muted small", text: tool.description }) : null,
    slot);
}

function connectorCard(entry) {
  const { connector } = entry;
  const mode = (value, label) => h("label", { class: "check" },
    h("input", { type: "radio", name: `mode-${connector.id}`, value, checked: entry.mode === value,
      onchange: () => { entry.mode = value; emit("connectors"); emit("tools"); } }), ` ${label}`);
  return h("div", { class: "connector", dataset: { connectorId: connector.id } },
    h("div", { class: "connector-head" },
      h("div", {}, h("b", { text: connector.name }), h("div", { class: "muted small", text: connector.server ?? connector.description })),
      h("button", { type: "button", class: "icon-btn", title: "Delete connector", "aria-label": `Delete ${connector.name}`, text: "×", onclick: () => remove(entry) })),
    h("label", { class: "check" }, h("input", { type: "checkbox", checked: entry.use,
      onchange: (event) => { entry.use = event.target.checked; emit("connectors"); emit("tools"); } }), " Use in chat"),
    entry.tools.length
      ? h("div", { class: "modes" }, h("span", { class: "muted small", text: "Checked tools:" }), mode("include", "only these"), mode("exclude", "all but these"))
      : null,
    entry.error ? errorNotice(entry.error) : null,
    h("ul", { class: "mcp-tools" }, ...entry.tools.map((tool) => toolRow(entry, tool))));
}

function render() {
  $("#connector-list").replaceChildren(...[...state.connectors.values()].map(connectorCard));
}

async function loadTools(entry) {
  try {
    entry.tools = await client.beta.connectors.listTools({ connectorIdOrName: entry.connector.id });
    entry.error = null;
  } catch (error) {
    entry.error = error;
  }
}

function track(connector) {
  const entry = state.connectors.get(connector.id) ?? { tools: [], use: false, mode: "exclude", picked: new Set() };
  entry.connector = connector;
  state.connectors.set(connector.id, entry);
  return entry;
}

async function remove(entry) {
  try {
    await client.beta.connectors.delete({ connectorId: entry.connector.id });
    state.connectors.delete(entry.connector.id);
    render();
    emit("connectors");
  } catch (error) {
    status(errorNotice(error, { onDismiss: () => {} }));
  }
}

async function load() {
  try {
    const page = await client.beta.connectors.list({ pageSize: 50 });
    const entries = (page.items ?? []).map(track);
    await Promise.all(entries.map(loadTools));
    render();
    emit("connectors");
  } catch (error) {
    status(errorNotice(error));
  }
}

/** In emulator mode the demo server offers a small MCP server: one click fills the form with it. */
function offerSample(form) {
  const url = state.config.sampleMcpServer;
  if (state.config.inPage) {
    form.before(h("p", { class: "hint", text: "The emulator runs in this page: it reaches an MCP server with the page's own fetch, so the server must allow this page's origin (CORS)." }));
  }
  if (!url) return;
  const fill = () => {
    form.elements.server.value = url;
    form.elements.name.value = "demo_tools";
    form.elements.description.value = "Forecast, sums and shouting, from the demo server";
  };
  form.before(h("p", { class: "hint" }, "This demo serves a small MCP server with three tools. ",
    h("button", { type: "button", class: "link", id: "use-sample-mcp", text: "Use it", onclick: fill })));
}

export function initConnectors() {
  const form = $("#connector-form");
  offerSample(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status(h("span", { class: "status-line", text: "Creating the connector…" }));
    try {
      const description = String(data.get("description") ?? "").trim() || "Added in the mistral-edge demo";
      const connector = await client.beta.connectors.create({
        name: String(data.get("name")).trim(),
        description,
        server: String(data.get("server")).trim(),
      });
      const entry = track(connector);
      entry.use = true;
      await loadTools(entry);
      form.reset();
      render();
      emit("connectors");
      emit("tools");
      $(`#connector-list [data-connector-id="${CSS.escape(connector.id)}"]`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
      status(h("span", { class: "status-line ok", text: `${connector.name}: ${entry.tools.length} tool${entry.tools.length === 1 ? "" : "s"}. It is on in the chat.` }));
    } catch (error) {
      status(errorNotice(error, { onDismiss: () => {} }));
    } finally {
      button.disabled = false;
    }
  });
  load();
}
