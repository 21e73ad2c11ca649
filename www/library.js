// The document library: upload a file into the demo's library, wait until it is processed,
// read its extracted text, then ask about it with the `document_library` tool.
import { $, h } from "./dom.js";
import { errorNotice } from "./errors.js";
import { client, emit, state } from "./state.js";

const LIBRARY_NAME = "mistral-edge demo";
const READY = new Set(["done", "noop", "self_managed"]);

function status(text, tone = "") {
  $("#library-status").replaceChildren(text ? h("span", { class: `status-line ${tone}`, text }) : "");
}

function size(bytes) {
  if (bytes === undefined) return "";
  return bytes < 1024 ? `${bytes} B` : bytes < 1 << 20 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

function renderDocuments() {
  $("#document-list").replaceChildren(...state.documents.map((doc) => {
    const preview = h("pre", { class: "doc-text", hidden: true });
    return h("li", { dataset: { documentId: doc.id } },
      h("div", { class: "mini-main" },
        h("b", { text: doc.name }),
        h("span", { class: "muted", text: ` ${size(doc.size)} · ${doc.processStatus}` })),
      h("div", { class: "mini-actions" },
        h("button", { type: "button", class: "btn small", text: "Text", onclick: () => showText(doc, preview) }),
        h("button", { type: "button", class: "icon-btn", title: "Delete document", "aria-label": `Delete ${doc.name}`, text: "×", onclick: () => deleteDocument(doc) })),
      preview);
  }));
}

async function showText(doc, preview) {
  if (!preview.hidden) return void (preview.hidden = true);
  try {
    const { text } = await client.beta.libraries.documents.textContent({ libraryId: doc.libraryId, documentId: doc.id });
    preview.textContent = text.length > 1200 ? `${text.slice(0, 1200)}…` : text || "(no text extracted)";
  } catch (error) {
    preview.replaceChildren(errorNotice(error));
  }
  preview.hidden = false;
}

async function deleteDocument(doc) {
  try {
    await client.beta.libraries.documents.delete({ libraryId: doc.libraryId, documentId: doc.id });
    state.documents = state.documents.filter((d) => d.id !== doc.id);
    if (!state.documents.length) state.toggles.document_library = false;
    renderDocuments();
    emit("library");
  } catch (error) {
    $("#library-status").replaceChildren(errorNotice(error, { onDismiss: () => {} }));
  }
}

async function ensureLibrary() {
  if (state.library) return state.library;
  state.library = await client.beta.libraries.create({ name: LIBRARY_NAME, description: "Documents uploaded in the mistral-edge demo" });
  return state.library;
}

/** Polls the document's status until it is processed (or 60 s pass). */
async function waitProcessed(doc) {
  const deadline = Date.now() + 60_000;
  let current = doc;
  while (!READY.has(current.processStatus) && Date.now() < deadline) {
    if (current.processStatus === "error") throw new Error(`processing failed: ${current.processingStatus}`);
    status(`Processing ${doc.name}: ${current.processStatus}…`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const s = await client.beta.libraries.documents.status({ libraryId: doc.libraryId, documentId: doc.id });
    current = { ...current, processStatus: s.processStatus, processingStatus: s.processingStatus };
  }
  return current;
}

async function upload(file) {
  status(`Uploading ${file.name}…`);
  try {
    const library = await ensureLibrary();
    let doc = await client.beta.libraries.documents.upload({ libraryId: library.id, file });
    doc = await waitProcessed(doc);
    state.documents = [doc, ...state.documents.filter((d) => d.id !== doc.id)];
    state.toggles.document_library = true;
    renderDocuments();
    emit("library");
    status(READY.has(doc.processStatus)
      ? `${doc.name} is ready. Library is on: ask about “the document”.`
      : `${doc.name} is still ${doc.processStatus}; you can ask about it once it is done.`, "ok");
  } catch (error) {
    $("#library-status").replaceChildren(errorNotice(error, { onDismiss: () => {}, onRetry: () => upload(file) }));
  }
}

async function load() {
  try {
    const libraries = await client.beta.libraries.list({});
    state.library = libraries.data.find((l) => l.name === LIBRARY_NAME) ?? null;
    if (state.library) {
      const docs = await client.beta.libraries.documents.list({ libraryId: state.library.id, pageSize: 50 });
      state.documents = docs.data;
      renderDocuments();
      emit("library");
    }
  } catch (error) {
    $("#library-status").replaceChildren(errorNotice(error));
  }
}

export function initLibrary() {
  const form = $("#library-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = $("#library-file").files[0];
    if (!file) return;
    form.reset();
    upload(file);
  });
  load();
}
