// Seeds a fresh emulator with real objects, over plain HTTP (neither client is involved), so that
// the docs' examples run their success paths: a conversation with entries, an agent with two
// versions and an alias, a connector on the reference MCP server with credentials in every scope,
// a library with a document and a share, and a generated image file.

const KEY = "Bearer sdk-docs-seed";

/** Uploads go through this content (the docs' `openAsBlob("example.file")` reads it too). */
export const EXAMPLE_FILE = "Leave policy\n\nEvery employee has 25 days of paid leave a year.\n";

async function call(fetchImpl, base, method, path, body) {
  const init = { method, headers: { authorization: KEY } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["content-type"] = "application/json";
  }
  const res = await fetchImpl(`${base}${path}`, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`seeding: ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Returns the ids and names the examples' placeholders are replaced with (./cases.mjs). */
export async function seed(fetchImpl, base, mcpUrl) {
  const api = (method, path, body) => call(fetchImpl, base, method, path, body);

  const conversation = await api("POST", "/v1/conversations", {
    model: "mistral-medium-latest",
    inputs: "Hello, who are you?",
  });
  const conversationId = conversation.conversation_id;
  await api("POST", `/v1/conversations/${conversationId}`, { inputs: "Tell me more about Paris." });
  const entryId = conversation.outputs.find((e) => e.type === "message.output").id;

  const agent = await api("POST", "/v1/agents", {
    model: "mistral-medium-latest",
    name: "Support",
    description: "Answers support questions",
    instructions: "Answer briefly.",
  });
  await api("PATCH", `/v1/agents/${agent.id}`, { instructions: "Answer very briefly." });
  await api("PUT", `/v1/agents/${agent.id}/aliases?alias=production&version=0`);

  const connectorName = "everything";
  const connector = await api("POST", "/v1/connectors", {
    name: connectorName,
    description: "The reference MCP server",
    server: mcpUrl,
  });
  const credentialsName = "main";
  for (const scope of ["user", "workspace", "organization"]) {
    await api("POST", `/v1/connectors/${connector.id}/${scope}/credentials`, {
      name: credentialsName,
      credentials: { bearer_token: `${scope}-token` },
    });
  }

  const library = await api("POST", "/v1/libraries", { name: "Handbook", description: "Company handbook" });
  const form = new FormData();
  form.append("file", new Blob([EXAMPLE_FILE], { type: "text/markdown" }), "leave-policy.md");
  const document = await api("POST", `/v1/libraries/${library.id}/documents`, form);
  await api("PUT", `/v1/libraries/${library.id}/share`, {
    level: "Viewer",
    share_with_uuid: "7f0c5a8e-3b7d-4c1e-9a55-2d1f0e6b8c41",
    share_with_type: "User",
  });

  const drawing = await api("POST", "/v1/conversations", {
    model: "mistral-medium-latest",
    inputs: "Draw a picture of a lighthouse",
    tools: [{ type: "image_generation" }],
  });
  const message = drawing.outputs.find((e) => e.type === "message.output");
  const chunk = Array.isArray(message?.content) ? message.content.find((c) => c.type === "tool_file") : undefined;
  if (!chunk) throw new Error("seeding: the image generation produced no file");

  return {
    conversationId,
    entryId,
    agentId: agent.id,
    connectorId: connector.id,
    connectorName,
    credentialsName,
    libraryId: library.id,
    documentId: document.id,
    fileId: chunk.file_id,
    mcpUrl,
  };
}
