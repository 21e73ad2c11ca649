// A client-side MCP server for the run loop (`mcpServers` in `run`'s request): MCP's
// streamable HTTP transport over `fetch`, so it works in pages and workers as in Node. One
// session per run: `initialize`, `tools/list` (every page), `tools/call`, and a `DELETE` at the
// end. A JSON-RPC answer may come as JSON or as an SSE body; both are read.

const PROTOCOL = "2025-06-18";

/** One MCP server's session. `where` names it in errors (`mcpServers[0]`). */
export class McpSession {
  #url;
  #headers;
  #fetch;
  #where;
  #id = 0;
  #session;
  #version = PROTOCOL;
  #ready;

  constructor(server, where, invalid) {
    if (!server || (typeof server.url !== "string" && !(server.url instanceof URL))) {
      throw invalid(`\`${where}.url\` must be the server's URL`);
    }
    this.#url = String(server.url);
    this.#headers = server.headers ?? {};
    this.#fetch = server.fetch ?? globalThis.fetch;
    this.#where = where;
  }

  #fail(message) {
    return new Error(`the MCP server of ${this.#where} (${this.#url}) ${message}`);
  }

  async #post(message, signal) {
    const headers = new Headers(this.#headers);
    headers.set("content-type", "application/json");
    headers.set("accept", "application/json, text/event-stream");
    headers.set("mcp-protocol-version", this.#version);
    if (this.#session) headers.set("mcp-session-id", this.#session);
    let response;
    try {
      response = await this.#fetch.call(globalThis, this.#url, { method: "POST", headers, body: JSON.stringify(message), signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw this.#fail(`is unreachable: ${error?.message ?? error}`);
    }
    this.#session = response.headers.get("mcp-session-id") ?? this.#session;
    return response;
  }

  /** A JSON-RPC request: its `result`, or an Error with the server's message. */
  async #request(method, params, signal) {
    const id = ++this.#id;
    const response = await this.#post({ jsonrpc: "2.0", id, method, params }, signal);
    const text = await response.text();
    let answer;
    if ((response.headers.get("content-type") ?? "").includes("text/event-stream")) {
      // Each event's data lines joined; the answer is the message with our id.
      for (const block of text.split(/\r?\n\r?\n/)) {
        const data = block.split(/\r?\n/).filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
        if (!data) continue;
        const message = parseOr(data);
        if (message?.id === id) answer = message;
      }
    } else {
      answer = parseOr(text);
    }
    if (answer?.error) throw this.#fail(`refused ${method}: ${answer.error.message ?? JSON.stringify(answer.error)}`);
    if (!response.ok || answer?.result === undefined) {
      throw this.#fail(`answered ${method} with ${response.status} and no result`);
    }
    return answer.result;
  }

  /** Initializes the session once. */
  #open(signal) {
    return (this.#ready ??= (async () => {
      const result = await this.#request("initialize", {
        protocolVersion: PROTOCOL,
        capabilities: {},
        clientInfo: { name: "mistral-edge-client", version: "0.1.0" },
      }, signal);
      if (typeof result.protocolVersion === "string") this.#version = result.protocolVersion;
      const response = await this.#post({ jsonrpc: "2.0", method: "notifications/initialized" }, signal);
      await response.body?.cancel();
    })());
  }

  /** Every tool of the server (`{ name, description, inputSchema }`), following its pages. */
  async listTools(signal) {
    await this.#open(signal);
    const tools = [];
    let cursor;
    do {
      const page = await this.#request("tools/list", cursor ? { cursor } : {}, signal);
      tools.push(...(page.tools ?? []));
      cursor = page.nextCursor;
    } while (cursor);
    return tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }));
  }

  /** Calls a tool: its structured content, its text, or its content items (text, images) as
   * JSON; a result marked `isError` throws its text. */
  async callTool(name, args, signal) {
    await this.#open(signal);
    const result = await this.#request("tools/call", { name, arguments: args }, signal);
    const content = Array.isArray(result.content) ? result.content : [];
    const texts = content.every((c) => c?.type === "text") ? content.map((c) => c.text).join("\n") : undefined;
    if (result.isError) throw new Error(texts ?? JSON.stringify(content));
    if (result.structuredContent !== undefined) return result.structuredContent;
    return texts ?? content;
  }

  /** Ends the session (best effort: the server forgets it anyway). */
  close() {
    if (!this.#session) return;
    const headers = new Headers(this.#headers);
    headers.set("mcp-session-id", this.#session);
    this.#session = undefined;
    Promise.resolve()
      .then(() => this.#fetch.call(globalThis, this.#url, { method: "DELETE", headers }))
      .then((r) => r.body?.cancel(), () => {});
  }
}

function parseOr(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
