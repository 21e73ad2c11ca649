// A client-side MCP server for the run loop (`mcpServers` in `run`'s request): MCP's
// streamable HTTP transport over `fetch`, so it works in pages and workers as in Node. One
// session per run: `initialize`, `tools/list` (every page), `tools/call`, and a `DELETE` at the
// end. A JSON-RPC answer may come as JSON or as an SSE body; an SSE body is read only until the
// answer arrives (a server may keep it open). Each request waits at most `timeoutMs` (the run's
// option, as for its API calls) for its answer. Whatever the server does wrong is a typed error:
// `ConnectionError` when it cannot be reached, `TimeoutError` when it does not answer in time,
// `MistralError` otherwise.

const PROTOCOL = "2025-06-18";
/** The most text one answer may hold (a tool's result is sent to the model: far less fits). */
const MAX_ANSWER = 8 * 1024 * 1024;
/** The most pages of `tools/list` (a server that repeats its cursor would list forever). */
const MAX_PAGES = 100;

/** One MCP server's session. `where` names it in errors (`mcpServers[0]`); `errors` are the
 * package's error classes and the transport's `Guard`; `timeoutMs` limits each request's wait for
 * its answer (0: none). */
export class McpSession {
  #url;
  #headers;
  #fetch;
  #where;
  #errors;
  #id = 0;
  #session;
  #version = PROTOCOL;
  #ready;
  #timeoutMs;

  constructor(server, where, errors, timeoutMs) {
    this.#errors = errors;
    this.#timeoutMs = timeoutMs;
    if (!server || (typeof server.url !== "string" && !(server.url instanceof URL))) {
      throw new errors.InvalidRequestError(`invalid request: \`${where}.url\` must be the server's URL`);
    }
    this.#url = String(server.url);
    this.#headers = server.headers ?? {};
    this.#fetch = server.fetch ?? globalThis.fetch;
    this.#where = where;
  }

  #fail(message, Class = this.#errors.MistralError, fields = {}) {
    return new Class(`the MCP server of ${this.#where} (${this.#url}) ${message}`, { server: this.#where, ...fields });
  }

  /** Runs `work` with a signal that also fires after `timeoutMs`: then a `TimeoutError`. */
  async #within(method, signal, work) {
    const guard = new this.#errors.Guard(this.#timeoutMs, signal);
    try {
      return await guard.within(work(guard.signal));
    } catch (error) {
      if (!guard.fired) throw error;
      const timeoutMs = this.#timeoutMs;
      throw this.#fail(`did not answer ${method} within ${timeoutMs} ms`, this.#errors.TimeoutError,
        { timeoutMs, waitingFor: `the MCP server's answer to ${method}` });
    }
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
      throw this.#fail(`is unreachable: ${error?.message ?? error}`, this.#errors.ConnectionError);
    }
    this.#session = response.headers.get("mcp-session-id") ?? this.#session;
    return response;
  }

  /** A JSON-RPC request: its `result` (an object), or a typed error with the server's message. */
  async #request(method, params, signal) {
    const id = ++this.#id;
    const { response, answer } = await this.#within(method, signal, async (limited) => {
      const response = await this.#post({ jsonrpc: "2.0", id, method, params }, limited);
      const sse = (response.headers.get("content-type") ?? "").includes("text/event-stream");
      return { response, answer: await this.#read(response, method, sse ? sseAnswer(id) : jsonAnswer(), limited) };
    });
    if (answer?.error) throw this.#fail(`refused ${method}: ${answer.error.message ?? JSON.stringify(answer.error)}`);
    const result = answer?.result;
    if (!response.ok || !result || typeof result !== "object") {
      throw this.#fail(`answered ${method} with ${response.status} and no result`);
    }
    return result;
  }

  /** Reads the body's text into `take` (which returns the answer once it has it), at most
   * MAX_ANSWER characters; the rest of the body is left unread. */
  async #read(response, method, take, signal) {
    const reader = response.body?.getReader();
    if (!reader) return take("", true);
    const decoder = new TextDecoder();
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
        size += text.length;
        if (size > MAX_ANSWER) throw this.#fail(`answered ${method} with more than ${MAX_ANSWER} characters`);
        const answer = take(text, done);
        if (answer !== undefined || done) return answer;
      }
    } catch (error) {
      if (signal?.aborted || error?.server === this.#where) throw error;
      throw this.#fail(`broke off its answer to ${method}: ${error?.message ?? error}`, this.#errors.ConnectionError);
    } finally {
      reader.cancel().catch(() => {});
    }
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
      await this.#within("notifications/initialized", signal, async (limited) => {
        const response = await this.#post({ jsonrpc: "2.0", method: "notifications/initialized" }, limited);
        await response.body?.cancel();
      });
    })());
  }

  /** Every tool of the server (`{ name, description, inputSchema }`), following its pages. */
  async listTools(signal) {
    await this.#open(signal);
    const tools = [];
    let cursor;
    for (let page = 0; page === 0 || cursor; page++) {
      if (page === MAX_PAGES) throw this.#fail(`listed more than ${MAX_PAGES} pages of tools`);
      const result = await this.#request("tools/list", cursor ? { cursor } : {}, signal);
      if (!Array.isArray(result.tools)) throw this.#fail("answered tools/list without a `tools` array");
      tools.push(...result.tools);
      cursor = typeof result.nextCursor === "string" ? result.nextCursor : undefined;
    }
    return tools.map((tool) => ({ name: tool?.name, description: tool?.description, inputSchema: tool?.inputSchema }));
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

  /** Ends the session (best effort, given 10 s: the server forgets it anyway). */
  close() {
    if (!this.#session) return;
    const headers = new Headers(this.#headers);
    headers.set("mcp-session-id", this.#session);
    this.#session = undefined;
    const signal = AbortSignal.timeout?.(10_000);
    Promise.resolve()
      .then(() => this.#fetch.call(globalThis, this.#url, { method: "DELETE", headers, signal }))
      .then((r) => r.body?.cancel(), () => {});
  }
}

/** A JSON body's reader: the whole text, parsed at its end (`undefined` if it is not JSON). */
function jsonAnswer() {
  let body = "";
  return (text, done) => {
    body += text;
    return done ? parseOr(body) : undefined;
  };
}

/** An SSE body's reader: the message with our `id`, as soon as its event ends (each event's
 * `data:` lines joined; lines end with LF or CRLF). */
function sseAnswer(id) {
  let rest = "";
  let data = [];
  return (text, done) => {
    const lines = (rest + text).split("\n");
    rest = done ? "" : lines.pop();
    if (done) lines.push("");
    for (const raw of lines) {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (line.startsWith("data:")) data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
      if (line !== "") continue;
      const message = data.length ? parseOr(data.join("\n")) : undefined;
      data = [];
      if (message?.id === id) return message;
    }
    return undefined;
  };
}

function parseOr(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
