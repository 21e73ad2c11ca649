// The conversation list: stored conversations newest first, branches marked; opening one
// draws its history (every entry has "restart from here"); deleting one.
import { $, h, short, when } from "./dom.js";
import { errorNotice } from "./errors.js";
import { historyElements } from "./render.js";
import { showConversation } from "./chat.js";
import { client, emit, on, state } from "./state.js";

let conversations = [];

function agentName(id) {
  return state.agents.find((agent) => agent.id === id)?.name ?? short(id);
}

function row(conversation) {
  const branchOf = conversation.metadata?.branchOf;
  const who = conversation.agentId ? `agent ${agentName(conversation.agentId)}` : conversation.model ?? "";
  const toolCount = conversation.tools?.length ?? 0;
  const open = h("button", { type: "button", class: "conv-open", onclick: () => openConversation(conversation.id) },
    h("span", { class: "conv-title", text: conversation.name || "Untitled" }),
    h("span", { class: "conv-sub" },
      branchOf ? h("span", { class: "tag branch", title: `branch of ${branchOf}`, text: "↳ branch" }) : null,
      h("span", { text: [when(conversation.updatedAt ?? conversation.createdAt), who, toolCount ? `${toolCount} tool${toolCount === 1 ? "" : "s"}` : null].filter(Boolean).join(" · ") })));
  const remove = h("button", {
    type: "button", class: "icon-btn conv-delete", "aria-label": `Delete ${conversation.name || conversation.id}`, title: "Delete", text: "×",
    onclick: () => deleteConversation(conversation.id),
  });
  return h("li", { class: `conv${conversation.id === state.conversationId ? " active" : ""}${branchOf ? " is-branch" : ""}`, dataset: { id: conversation.id } }, open, remove);
}

function render() {
  const listEl = $("#conv-list");
  listEl.replaceChildren(...conversations.map(row));
  $("#conv-empty").hidden = conversations.length > 0;
}

let pending = null;
export function refreshConversations() {
  pending ??= (async () => {
    try {
      conversations = await client.beta.conversations.list({ pageSize: 50 });
      render();
    } catch (error) {
      $("#conv-list").replaceChildren(h("li", {}, errorNotice(error, { onRetry: refreshConversations })));
    } finally {
      pending = null;
    }
  })();
  return pending;
}

export async function openConversation(id) {
  if (state.busy) return;
  try {
    const [conversation, history] = await Promise.all([
      client.beta.conversations.get({ conversationId: id }),
      client.beta.conversations.getHistory({ conversationId: id }),
    ]);
    showConversation(conversation, historyElements(history.entries));
    emit("show", "chat");
  } catch (error) {
    $("#notice-slot").replaceChildren(errorNotice(error, { onDismiss: () => {} }));
  }
}

async function deleteConversation(id) {
  try {
    await client.beta.conversations.delete({ conversationId: id });
    if (state.conversationId === id) $("#new-chat").click();
  } catch (error) {
    $("#notice-slot").replaceChildren(errorNotice(error, { onDismiss: () => {} }));
  }
  refreshConversations();
}

export function initHistory() {
  on("conversations", refreshConversations);
  on("conversation", render);
  on("agents", render);
  refreshConversations();
}
