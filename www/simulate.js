// Emulator only: the pace of tokens (its `delay-ms` fault) and a one-shot fault for the next
// message, to see each error explained. Nothing here is sent to the real API.
import { $ } from "./dom.js";
import { state } from "./state.js";

const FAULTS = {
  "rate-limit": { header: "rate-limit=5", label: "a 429 rate limit" },
  "server-error": { header: "status=500", label: "a 500 server error" },
  drop: { header: "drop-after=14", label: "a dropped connection" },
  "error-event": { header: "error-event", label: "an error event mid-stream" },
  // A key the API does not declare: the client sends it verbatim, the API answers 422.
  "unknown-field": { mutate: (request) => ({ ...request, completionArgs: { ...request.completionArgs, topK: 5 } }), label: "a field the API does not know" },
  // Checked by the client before sending: nothing leaves the page.
  "bad-max-tokens": { mutate: (request) => ({ ...request, completionArgs: { ...request.completionArgs, maxTokens: 1.5 } }), label: "maxTokens 1.5" },
};

const emulator = () => state.config.mode === "emulator";

/**
 * Takes the fault chosen for the next message (and resets the choice):
 * `{ options, mutate }` to apply to that request; a no-op without one.
 */
export function takeFault() {
  const fault = emulator() ? FAULTS[state.simulate.fault] : undefined;
  state.simulate.fault = "";
  $("#sim-fault").value = "";
  renderNote();
  const headers = {};
  const items = [];
  if (emulator() && state.simulate.delayMs > 0) items.push(`delay-ms=${state.simulate.delayMs}`);
  if (fault?.header) items.push(fault.header);
  if (items.length) headers["x-emulator-fault"] = items.join(",");
  return {
    options: { headers, ...(fault ? { retries: { strategy: "none" } } : {}) },
    mutate: fault?.mutate ?? ((request) => request),
  };
}

function renderNote() {
  const note = $("#simulate-note");
  const fault = FAULTS[state.simulate.fault];
  note.hidden = !fault;
  note.textContent = fault ? `Next message simulates ${fault.label}` : "";
}

export function initSimulate() {
  if (!emulator()) return;
  $("#simulate-card").hidden = false;
  $("#sim-delay").value = String(state.simulate.delayMs);
  $("#sim-delay").addEventListener("change", (event) => {
    state.simulate.delayMs = Number(event.target.value);
  });
  $("#sim-fault").addEventListener("change", (event) => {
    state.simulate.fault = event.target.value;
    renderNote();
  });
}
