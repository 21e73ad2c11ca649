// Starts the demo: picks the backend (backend.js), wires the panels, and fills the welcome screen.
import { initAgents } from "./agents.js";
import { connect } from "./backend.js";
import { initChat } from "./chat.js";
import { initConnectors } from "./connectors.js";
import { $, h } from "./dom.js";
import { describeFunctions } from "./functions.js";
import { initHistory } from "./history.js";
import { initLibrary } from "./library.js";
import { initSimulate } from "./simulate.js";
import { initTimeline, markTimelineSeen } from "./timeline.js";
import { initTools, renderChips } from "./tools.js";
import { emit, on, state } from "./state.js";

const SUGGESTIONS = [
  { label: "Say hello", text: "Hello! What can you do?" },
  { label: "Search the news", text: "Search the latest news about Mistral AI", tool: "web_search" },
  { label: "Run some code", text: "Calculate 2**10 + 7 with python", tool: "code_interpreter" },
  { label: "Draw a picture", text: "Draw a picture of a lighthouse at dusk", tool: "image_generation" },
  { label: "Roll dice (page function)", text: "Roll a dice with 20 sides", tool: "functions" },
  { label: "A long stream", text: "count to 5000", emulatorOnly: true },
];

/** Which panel shows: every one on a wide screen; one at a time on a narrow one. */
function show(tab) {
  $(".layout").dataset.active = tab;
  for (const button of document.querySelectorAll(".tabs [data-tab]")) button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  if (tab === "timeline" || tab === "setup") showSide(tab);
}

function showSide(which) {
  $("#timeline-pane").hidden = which !== "timeline";
  $("#setup-pane").hidden = which !== "setup";
  for (const button of document.querySelectorAll(".side-tabs [data-side]")) button.setAttribute("aria-selected", String(button.dataset.side === which));
  if (which === "timeline") markTimelineSeen();
}

function renderSuggestions() {
  $("#suggestions").replaceChildren(...SUGGESTIONS.filter((s) => !s.emulatorOnly || state.config.mode === "emulator").map((s) =>
    h("button", {
      type: "button", class: "suggestion", dataset: { tool: s.tool ?? "" },
      onclick: () => {
        if (s.tool && state.target.kind === "model" && !state.toggles[s.tool]) {
          state.toggles[s.tool] = true;
          renderChips();
          emit("tools");
        }
        const input = $("#input");
        input.value = s.text;
        input.dispatchEvent(new Event("input"));
        input.focus();
      },
    }, h("b", { text: s.label }), h("span", { text: s.text }))));
}

function renderFunctions() {
  $("#function-list").replaceChildren(...describeFunctions().map((f) =>
    h("li", {}, h("div", { class: "mini-main" }, h("code", { text: f.name }), h("span", { class: "muted", text: ` ${f.description}` }),
      h("div", { class: "muted small", text: `Try: “${f.example}”` })))));
}

async function main() {
  await connect();
  const backend = $("#backend");
  backend.textContent = state.config.mode === "live" ? "api.mistral.ai · key on the server"
    : state.config.inPage ? "in-page emulator" : "local emulator";
  backend.dataset.mode = state.config.mode;
  backend.title = state.config.inPage ? "The emulator runs inside this page (its core in wasm): no server, no key" : "Where the page's requests go: /api on the demo server";

  for (const button of document.querySelectorAll(".tabs [data-tab]")) button.addEventListener("click", () => show(button.dataset.tab));
  for (const button of document.querySelectorAll(".side-tabs [data-side]")) button.addEventListener("click", () => showSide(button.dataset.side));
  on("show", show);

  initSimulate();
  initTools();
  initTimeline();
  initChat();
  initAgents();
  initHistory();
  initLibrary();
  initConnectors();
  renderSuggestions();
  renderFunctions();
  document.body.dataset.ready = "true";
}

main();
