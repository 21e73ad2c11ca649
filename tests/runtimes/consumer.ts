// A TypeScript consumer written the way Mistral's docs and cookbooks write the calls (default
// import, `client.beta.*`, `for await` narrowing on `data.type`, connectors without `protocol`,
// tools with `toolConfiguration`, error classes with instanceof). It is never run: the runtimes
// step type-checks it with `tsc --noEmit --strict` against the packed tarball's .d.ts.
import Mistral, {
  APIError,
  HTTPValidationError,
  InvalidRequestError,
  Mistral as NamedMistral,
  MistralError,
  NotFoundError,
  RateLimitError,
  StreamError,
  TimeoutError,
} from "mistral-edge-client";
import type { ConversationEvent } from "mistral-edge-client";

const client = new Mistral({ apiKey: "key", serverURL: "http://127.0.0.1:8788", timeoutMs: 30_000 });
const same: NamedMistral = client;

export async function cookbook(): Promise<string> {
  // Agents basics: an agent with built-in and connector tools.
  const agent = await client.beta.agents.create({
    model: "mistral-medium-latest",
    name: "Docs agent",
    description: "Answers from the docs",
    instructions: "Be brief.",
    tools: [
      { type: "web_search" },
      { type: "connector", connectorId: "my_deepwiki", toolConfiguration: { exclude: ["read_wiki_structure"] } },
    ],
  });
  const agentName: string = agent.name;

  // Connectors page: create without `protocol` (the package sends "mcp").
  const connector = await client.beta.connectors.create({
    name: "ephemeral_deepwiki",
    description: "DeepWiki MCP",
    server: "https://mcp.deepwiki.com/mcp",
    visibility: "private",
  });
  const connectorId: string = connector.id;

  // Conversations: tools with toolConfiguration and a function tool.
  const response = await same.beta.conversations.start({
    model: "mistral-medium-latest",
    // The docs' input entry without `type` (a message input).
    inputs: [{ role: "user", content: "Weather in Paris?" }],
    tools: [
      { type: "connector", connectorId, toolConfiguration: { include: ["ask_question"] } },
      {
        type: "function",
        function: { name: "get_weather", parameters: { type: "object", properties: { city_name: { type: "string" } } } },
      },
    ],
  });
  let text = "";
  for (const entry of response.outputs) {
    if (entry.type === "message.output") {
      text += typeof entry.content === "string" ? entry.content : entry.content.map((c) => ("text" in c ? c.text : "")).join("");
    }
    if (entry.type === "function.call") {
      await client.beta.conversations.append({
        conversationId: response.conversationId,
        inputs: [{ type: "function.result", toolCallId: entry.toolCallId, result: JSON.stringify({ celsius: 21 }) }],
      });
    }
  }

  // Streaming, narrowed on data.type.
  const stream = await client.beta.conversations.startStream({ agentId: agent.id, inputs: "Who is Albert Einstein?" });
  let tokens = 0;
  for await (const { event, data } of stream) {
    const name: string = event;
    if (data.type === "message.output.delta") {
      const index: number = data.outputIndex ?? 0;
      if (typeof data.content === "string") text += data.content;
      void index;
    } else if (data.type === "conversation.response.done") {
      tokens = data.usage.totalTokens ?? 0;
    } else if (data.type === "function.call.delta") {
      const args: string = data.arguments;
      void args;
    }
    void name;
  }
  const folded = await (await client.beta.conversations.startStream({ model: "mistral-small-latest", inputs: "Hi" })).finalResponse();
  const body: ReadableStream<Uint8Array> = (await client.beta.conversations.startStream({ model: "m", inputs: "Hi" })).toReadableStream();
  void folded.outputs.length;
  void body;
  // The stream is a ReadableStream of the same items, as the official SDK's.
  const readable: ReadableStream<{ event: string; data: ConversationEvent }> =
    await client.beta.conversations.startStream({ model: "m", inputs: "Hi" });
  const reader = readable.getReader();
  const first = await reader.read();
  if (!first.done && first.value.data.type === "conversation.response.started") void first.value.data.conversationId;
  await reader.cancel();

  // Pages as the official SDK gives them: `result`, `next()`, `for await` over `{ result }`.
  const pages = await client.beta.agents.listPages({ pageSize: 20 });
  const firstAgents: string[] = pages.result.data.map((a) => a.name);
  const second = pages.next();
  if (second !== null) void (await second).result.data.length;
  for await (const page of pages) void page.result.data.length;
  void firstAgents;

  // Files: upload (flat, with the text parts), list with no arguments, delete.
  const uploaded = await client.files.upload({ file: { fileName: "batch.jsonl", content: new Uint8Array(1) }, purpose: "batch" });
  const listed = await client.files.list();
  const gone: boolean = (await client.files.delete({ fileId: uploaded.id })).deleted;
  void listed.data.length;
  void gone;

  // Files (top level, as in the official SDK): the bytes of a generated image, as a stream.
  const content: ReadableStream<Uint8Array> = await client.files.download({ fileId: "00000000-0000-0000-0000-000000000000" });
  const bytes = new Uint8Array(await new Response(content).arrayBuffer());

  await client.beta.agents.delete({ agentId: agent.id });
  const deleted = await client.beta.connectors.delete({ connectorId });
  return `${agentName} ${deleted.message} ${text} ${tokens} ${bytes.byteLength}`;
}

export function explain(error: unknown): string {
  if (error instanceof StreamError) return `stream ${error.kind}${error.code === undefined ? "" : ` ${error.code}`}`;
  if (error instanceof HTTPValidationError) return (error.detail ?? []).map((d) => `${d.loc.join(".")}: ${d.msg}`).join("; ");
  if (error instanceof RateLimitError) return `wait ${error.retryAfterMs ?? 1000} ms`;
  if (error instanceof NotFoundError) return `not found (${error.requestId ?? "no request id"})`;
  if (error instanceof APIError) return `${error.status} ${error.body} retryable=${error.isRetryable}`;
  if (error instanceof TimeoutError) return `waited ${error.timeoutMs} ms for ${error.waitingFor}`;
  if (error instanceof InvalidRequestError) return error.message;
  if (error instanceof MistralError) return error.name;
  return String(error);
}

export function onEvent(data: ConversationEvent): string | undefined {
  switch (data.type) {
    case "conversation.response.started":
      return data.conversationId;
    case "tool.execution.started":
      return data.name;
    default:
      return undefined;
  }
}

// The conversations-only entry: the same calls and types, nothing else (a smaller download).
import ConversationsOnly, { StreamError as EntryStreamError } from "mistral-edge-client/conversations";
import type { ConversationResponse } from "mistral-edge-client/conversations";

export async function conversationsOnly(): Promise<string> {
  const light = new ConversationsOnly({ serverURL: "/api/mistral" });
  const first: ConversationResponse = await light.beta.conversations.start({ model: "mistral-small-latest", inputs: "hi" });
  let streamed = "";
  try {
    const stream = await light.beta.conversations.appendStream({ conversationId: first.conversationId, inputs: "more" });
    for await (const { data } of stream) {
      if (data.type === "message.output.delta" && typeof data.content === "string") streamed += data.content;
    }
  } catch (error) {
    // Errors of either entry pass the other's `instanceof`.
    if (error instanceof EntryStreamError || error instanceof StreamError) return error.kind;
    throw error;
  }
  // @ts-expect-error: this entry has no agents.
  light.beta.agents;
  return streamed;
}

// The standalone functions, written as the official SDK's docs write them ("Standalone function").
import { MistralCore } from "mistral-edge-client/core.js";
import type { Result } from "mistral-edge-client/core.js";
import { betaConversationsStart } from "mistral-edge-client/funcs/betaConversationsStart.js";
import { betaConversationsStartStream } from "mistral-edge-client/funcs/betaConversationsStartStream.js";
import { betaAgentsListPages } from "mistral-edge-client/funcs/betaAgentsListPages.js";
import { betaConnectorsCreate } from "mistral-edge-client/funcs/betaConnectorsCreate";
import { filesDownload } from "mistral-edge-client/funcs/filesDownload.js";
import { NotFoundError as ModelsNotFoundError, MistralError as ModelsMistralError } from "mistral-edge-client/models/errors";
import type { ConversationAppendRequest, ConversationResponse as ComponentsResponse, MessageOutputEntry, CreateAgentRequest } from "mistral-edge-client/models/components";
import { ProcessStatus, Role } from "mistral-edge-client/models/components";

const mistral = new MistralCore({ apiKey: "key" });

export async function standalone(): Promise<string> {
  const res = await betaConversationsStart(mistral, { model: "mistral-medium-latest", inputs: "Hello" });
  let out = "";
  if (res.ok) {
    const { value: result } = res;
    const response: ComponentsResponse = result;
    const first = response.outputs[0];
    if (first?.type === "message.output") {
      const entry: MessageOutputEntry = first;
      out += typeof entry.content === "string" ? entry.content : "";
    }
  } else {
    const error: ModelsMistralError = res.error;
    if (res.error instanceof ModelsNotFoundError) out += `missing ${res.error.status}`;
    out += error.message;
  }
  // A Mistral is accepted where a MistralCore is.
  const streamed = await betaConversationsStartStream(client, { model: "m", inputs: "Hi" });
  if (streamed.ok) {
    for await (const { data } of streamed.value) if (data.type === "message.output.delta" && typeof data.content === "string") out += data.content;
  }
  // Pages: the first page's Result, then every page's.
  const pages = await betaAgentsListPages(mistral, { pageSize: 20 });
  if (pages.ok) out += pages.value.result.data.length;
  for await (const page of await betaAgentsListPages(mistral)) {
    if (!page.ok) break;
    out += page.value.result.data.map((a) => a.name).join();
  }
  const next = await pages.next();
  if (next?.ok) out += next.value.result.data.length;
  const created: Result<{ id: string }, MistralError> = await betaConnectorsCreate(mistral, {
    name: "deepwiki", description: "DeepWiki", server: "https://mcp.deepwiki.com/mcp",
  });
  const bytes = await filesDownload(mistral, { fileId: "00000000-0000-0000-0000-000000000000" });
  const length: number = bytes.ok ? (await new Response(bytes.value).arrayBuffer()).byteLength : 0;
  const append: ConversationAppendRequest = { inputs: "more" };
  const agent: CreateAgentRequest = { model: "m", name: "n" };
  // The SDK's enum objects: values and types under one name.
  const done: ProcessStatus = ProcessStatus.Done;
  const role: Role = Role.User;
  const input: ConversationAppendRequest = { inputs: [{ role, content: done }] };
  void input;
  // @ts-expect-error: a Result is not the value; check `ok` first.
  res.value.outputs;
  return `${out} ${created.ok} ${length} ${append.inputs} ${agent.name}`;
}

// Code written for the official SDK's errors and options (only the import changed).
import {
  ConnectionError as SdkConnectionError,
  HTTPClient,
  HTTPClientError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
  SDKValidationError,
  UnexpectedClientError,
} from "mistral-edge-client";
import { HTTPClient as LibHTTPClient } from "mistral-edge-client/lib/http.js";

export function sdkStyle(error: unknown): string {
  if (error instanceof HTTPValidationError) {
    const issues = (error.data$.detail ?? []).map((d) => `${d.loc.join(".")}: ${d.msg}`);
    return `${error.statusCode} ${issues.join("; ")} ${error.body} ${error.headers.get("x-request-id")} ${error.contentType}`;
  }
  if (error instanceof ResponseValidationError) return `${error.rawResponse.status} ${error.pretty()} ${String(error.rawValue)}`;
  if (error instanceof SDKError) {
    const code: number = error.statusCode;
    const headers: Headers = error.headers;
    const response: Response = error.rawResponse;
    return `${code} ${error.body} ${error.contentType} ${headers.get("x-request-id")} ${response.ok}`;
  }
  if (error instanceof SDKValidationError) return `${error.pretty()} ${String(error.rawMessage)}`;
  if (error instanceof RequestTimeoutError || error instanceof RequestAbortedError) return error.message;
  if (error instanceof SdkConnectionError || error instanceof UnexpectedClientError) return String(error.cause);
  if (error instanceof HTTPClientError) return error.name;
  if (error instanceof MistralError) return `${error.statusCode ?? ""}`;
  return String(error);
}

export function sdkOptions(): Mistral {
  const httpClient = new LibHTTPClient({ fetcher: (request) => fetch(request) });
  httpClient.addHook("beforeRequest", (request) => {
    request.headers.set("x-trace", "1");
  });
  httpClient.addHook("requestError", (err, request) => console.error(err, request.url));
  httpClient.addHook("response", (response) => void response.status);
  const copy: HTTPClient = httpClient.clone();
  const client = new Mistral({
    apiKey: "key",
    httpClient,
    userAgent: "my-app/1.0",
    debugLogger: console,
    retryConfig: {
      strategy: "backoff",
      backoff: { initialInterval: 500, maxInterval: 60000, exponent: 1.5, maxElapsedTime: 3600000 },
      retryConnectionErrors: true,
    },
  });
  void client.beta.conversations.start(
    { model: "mistral-small-latest", inputs: "hi" },
    { retryCodes: ["429", "5XX"], serverURL: new URL("http://127.0.0.1:8788"), timeoutMs: 1000, headers: new Headers(), credentials: "include", fetchOptions: { cache: "no-store" } },
  );
  void copy;
  return client;
}

// Code written for the official SDK's values and types: Dates, its renamed fields, `null` where
// its types take it, calls without arguments, and the `webhook` method type.
export async function sdkValues(): Promise<number> {
  const agent = await client.beta.agents.create({ model: "m", name: "n", description: null, instructions: null });
  let total = agent.createdAt.getTime() + agent.updatedAt.getTime();
  for (const a of await client.beta.agents.list()) total += a.createdAt.getTime();
  await client.beta.conversations.list();
  await client.beta.libraries.list({ filterOwnedByMe: true, search: null });
  const file = await client.files.retrieve({ fileId: "f" });
  total += file.sizeBytes + file.createdAt;
  await client.beta.agents.update({
    agentId: agent.id,
    updateAgentRequest: {
      completionArgs: {
        responseFormat: { type: "json_schema", jsonSchema: { name: "s", schemaDefinition: { type: "object" }, strict: true } },
      },
    },
  });
  const response = await client.beta.conversations.start({ model: "m", inputs: "hi" });
  for (const entry of response.outputs) if (entry.type === "message.output") total += entry.createdAt?.getTime() ?? 0;
  const stream = await client.beta.conversations.startStream({ model: "m", inputs: "hi" });
  for await (const { data } of stream) {
    if (data.type === "message.output.delta") total += data.createdAt?.getTime() ?? 0;
  }
  await client.beta.libraries.documents.update({
    libraryId: "l", documentId: "d", updateDocumentRequest: { expiresAt: new Date(), name: null },
  });
  await client.beta.connectors.create({
    name: "hooks", description: "d", server: "https://example.com/mcp",
    authMethods: [{ methodType: "webhook" }],
  });
  return total;
}

// The run loop (issue 16): function tools with `execute`, an approval, a stop and a resume.
export async function runLoop(): Promise<string> {
  const result = await client.beta.conversations.run({
    model: "mistral-medium-latest",
    inputs: "Weather in Paris?",
    tools: [
      {
        type: "function",
        function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } },
        execute: async (args: { city: string }, context) => (context.signal.aborted ? null : { city: args.city, celsius: 21 }),
        requiresConfirmation: true,
      },
      { type: "web_search" },
    ],
    mcpServers: [{ url: "http://127.0.0.1:1/mcp", include: ["echo"], requiresConfirmation: ["echo"] }],
  }, { maxSteps: 5, onConfirmation: (call) => (call.server ? false : { allow: true, arguments: { city: "Rome" } }) });
  const status: "done" | "max_steps" | "requires_confirmation" = result.status;
  const stream = await client.beta.conversations.runStream(
    { conversationId: result.conversationId },
    { confirmations: result.pending.map((call) => ({ toolCallId: call.toolCallId, allow: true })) },
  );
  for await (const { event } of stream) if (event === "function.result") break;
  const resumed = await stream.finalResult();
  return `${status} ${resumed.outputText} ${resumed.usage.totalTokens ?? 0}`;
}

// The run loop's types as a TypeScript user meets them: `execute(args, context)`, every result
// field, `output` typed by a Standard Schema, `finalResult()`, a resume from `pending`; and the
// mistakes the declarations must refuse (`@ts-expect-error` fails the check if they do not).
import type { Entry, PendingCall, RunContext, RunResult, StandardSchema } from "mistral-edge-client";

export async function runTypes(): Promise<string> {
  const Forecast: StandardSchema<{ city: string; days: number }> = {
    "~standard": { version: 1, vendor: "consumer", validate: (value) => ({ value: value as { city: string; days: number } }) },
  };
  const forecast = await client.beta.conversations.run({ model: "mistral-medium-latest", inputs: "Forecast", outputFormat: Forecast });
  const days: number | undefined = forecast.output?.days;
  // @ts-expect-error: the schema's output has no `temperature`
  void forecast.output?.temperature;

  const execute = async (args: { city: string }, context: RunContext) => {
    const at: [string, string, string, number, boolean] = [context.conversationId, context.toolCallId, context.name, context.step, context.signal.aborted];
    return { city: args.city, at };
  };
  const tools = [{ type: "function" as const, function: { name: "get_weather" }, execute }];
  const result: RunResult = await client.beta.conversations.run({ model: "mistral-medium-latest", inputs: "Weather?", tools });
  const fields: [string, Entry[], string, number, number | undefined, PendingCall[]] =
    [result.conversationId, result.entries, result.outputText, result.steps, result.usage.totalTokens ?? undefined, result.pending];
  // @ts-expect-error: a run stops "done", "max_steps" or "requires_confirmation", nothing else
  if (result.status === "stopped") return "never";
  // @ts-expect-error: outputText is a string
  const wrong: number = result.outputText;

  const stream = await client.beta.conversations.runStream({ conversationId: result.conversationId, tools, outputFormat: Forecast }, {
    confirmations: result.pending.map(({ toolCallId }) => ({ toolCallId, allow: true, arguments: { city: "Rome" } })),
  });
  for await (const item of stream) {
    if (item.event === "function.result") void item.data.toolCallId.length;
    if (item.event === "message.output.delta") void item.data.outputIndex;
  }
  // As the README writes it: `event` or `data.type` narrows the destructured `data`.
  for await (const { event, data } of stream) {
    if (data.type === "message.output.delta" && typeof data.content === "string") void data.content.length;
    if (event === "function.result") void [data.toolCallId, data.result];
  }
  const final = await stream.finalResult();
  const city: string | undefined = final.output?.city;
  return `${days} ${fields.length} ${wrong} ${city}`;
}
