// The run loop: `client.beta.conversations.run(request, options)` and `runStream(...)`. This
// file runs the functions (and the client-side MCP servers' tools) and sends the requests;
// every decision is Rust's (src/run/): the first request and the tool registry (`runPrepare`),
// which calls are open and what to do with each and when to stop (`runDecide`), the next input
// (`runAnswer`), the usage over steps (`runUsage`). Only the whole client has it.

import { runAnswer, runDecide, runPrepare, runRedact, runUsage } from "./mistral_edge.js";
import { McpSession } from "./mcp.js";
import { addSecrets, redact } from "./redact.js";

/** The secrets rule's core (js/redact.js) for the run's own secrets. */
const core = { redact: runRedact };

/** The package's error classes and the transport's `Guard` and `stringifyArgs` (set by
 * `addRunLoop`, from the entry's own copies). */
let errors;
const invalid = (message) => new errors.InvalidRequestError(`invalid request: ${message}`);

/** Adds `run` and `runStream` to the Conversations class. */
export function addRunLoop(prototype, classes) {
  errors = classes;
  prototype.run = function run(request, options) {
    return drain(loop(this, request, options, false, new AbortController()));
  };
  prototype.runStream = function runStream(request, options) {
    return startStream(this, request, options);
  };
}

async function drain(generator) {
  for (;;) {
    const { done, value } = await generator.next();
    if (done) return value;
  }
}

/** The message of what a function threw. */
const messageOf = (error) => (typeof error?.message === "string" ? error.message : String(error));

/** `signal` and the run's own controller (a stream's cancel) as one signal. */
function combine(signal, controller) {
  if (!signal) return controller.signal;
  if (typeof AbortSignal.any === "function") return AbortSignal.any([signal, controller.signal]);
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  return controller.signal;
}

/** `promise`, or an AbortError as soon as `signal` aborts. */
function abortable(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new errors.AbortError("the run was aborted"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** A Standard Schema (`~standard`: zod 4, valibot, arktype, ...), or undefined. */
const standard = (schema) => (schema && typeof schema === "object" && schema["~standard"]) || undefined;

/** The JSON Schema of `schema` (a Standard Schema through `~standard.jsonSchema`, or as given). */
function jsonSchemaOf(schema, where) {
  const std = standard(schema);
  if (!std) return schema;
  let json;
  if (typeof std.jsonSchema?.input === "function") json = std.jsonSchema.input({ target: "draft-2020-12" });
  else if (typeof schema.toJSONSchema === "function") json = schema.toJSONSchema();
  if (!json || typeof json !== "object") {
    throw invalid(`\`${where}\` is a Standard Schema without \`~standard.jsonSchema\`: give its JSON Schema`);
  }
  const { $schema, ...rest } = json;
  return rest;
}

/** Validates `value` with a Standard Schema: its (possibly transformed) value, or throws the issues. */
async function validate(std, value) {
  const result = await std.validate(value);
  if (!result.issues) return result.value;
  const issue = (i) => {
    const path = (i.path ?? []).map((p) => (typeof p === "object" ? p.key : p)).join(".");
    return path ? `${path}: ${i.message}` : i.message;
  };
  throw new TypeError(result.issues.map(issue).join("; "));
}

/** The request's tools as sent (JSON Schema parameters, `execute: true` marking the runnable
 * ones), and the functions by name. */
function toolsOf(tools) {
  const functions = new Map();
  if (!Array.isArray(tools)) return { wire: tools, functions };
  const wire = tools.map((tool, i) => {
    if (tool?.type !== "function" || !tool.function) return tool;
    const parameters = tool.function.parameters;
    const std = standard(parameters);
    functions.set(tool.function.name, { execute: tool.execute, std });
    return {
      ...tool,
      function: { ...tool.function, parameters: jsonSchemaOf(parameters, `tools[${i}].function.parameters`) },
      execute: typeof tool.execute === "function",
    };
  });
  return { wire, functions };
}

/** The options that are the loop's; the rest are every call's options. */
function splitOptions(options) {
  const { maxSteps = 10, onConfirmation, throwOnToolError = false, confirmations, ...call } = options ?? {};
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw invalid("`maxSteps` must be a whole number of at least 1");
  if (onConfirmation !== undefined && typeof onConfirmation !== "function") {
    throw invalid("`onConfirmation` must be a function");
  }
  return { loop: { maxSteps, onConfirmation, throwOnToolError: !!throwOnToolError, confirmations }, call };
}

/** How long an MCP request waits for its answer: the run's `timeoutMs`, as its API calls (300 000
 * ms by default, 0 for no limit). */
function mcpTimeout({ timeoutMs = 300_000 }) {
  if (typeof timeoutMs !== "number" || !(timeoutMs >= 0)) throw invalid("`timeoutMs` must be a number of milliseconds, 0 for none");
  return timeoutMs;
}

/** What `onConfirmation` answered: `true`/`false`, or `{ allow, arguments? }` (an object of
 * arguments, which then meet the tool's schema as the model's would). */
function confirmationOf(answer) {
  if (typeof answer === "boolean") return { allow: answer };
  if (!answer || typeof answer.allow !== "boolean") {
    throw invalid("`onConfirmation` must return true, false or { allow, arguments? }");
  }
  const args = answer.arguments;
  if (args !== undefined && (args === null || typeof args !== "object" || Array.isArray(args))) {
    throw invalid("the `arguments` `onConfirmation` returns must be an object");
  }
  return answer;
}

/**
 * The loop, as a generator: it yields the events of every step when `streaming` (and a
 * `function.result` event per result sent), and returns the run's result.
 */
async function* loop(api, request, options, streaming, controller) {
  if (!request || typeof request !== "object") throw invalid("the request of `run` must be an object");
  const { loop: settings, call } = splitOptions(options);
  const signal = combine(call.signal, controller);
  const callOptions = { ...call, signal };
  const { mcpServers, outputFormat, tools, ...rest } = request;
  if (settings.confirmations !== undefined && !request.conversationId) {
    throw invalid("`confirmations` resume a conversation: give its `conversationId`");
  }
  if (settings.confirmations !== undefined && request.inputs !== undefined) {
    throw invalid("give `inputs` or `confirmations`, not both: confirmations answer the calls already made");
  }
  // A NaN the request carries would reach the API as `null` through the JSON sent to
  // `runPrepare`: refused, with its path, as for any call (js/transport.js), before any request.
  try {
    errors.stringifyArgs(rest);
  } catch (error) {
    throw typeof error === "string" ? invalid(error) : error;
  }
  const { wire, functions } = toolsOf(tools);
  const servers = Array.isArray(mcpServers) ? mcpServers : [];
  const sessions = servers.map((server, i) => new McpSession(server, `mcpServers[${i}]`, errors, mcpTimeout(call)));
  // The values of the MCP servers' headers are credentials: no error of this run shows them, nor
  // does anything an MCP server answers (its tools, their results and errors), which is sent to
  // Mistral and kept in the result (a server may echo its request).
  const secrets = [];
  for (const { headers } of servers) {
    const pairs = headers?.[Symbol.iterator] ? headers : Object.entries(headers ?? {});
    for (const [, value] of pairs) addSecrets(secrets, { authorization: value });
  }
  const hide = (value) => redact(core, value, secrets);
  try {
    const listed = hide(await abortable(Promise.all(sessions.map((s) => s.listTools(signal))), signal));
    const outputSchema = outputFormat === undefined ? undefined : jsonSchemaOf(outputFormat, "outputFormat");
    const prepared = JSON.parse(runPrepare(JSON.stringify({
      request: {
        ...rest,
        tools: wire,
        mcpServers: servers.map(({ include, exclude, requiresConfirmation }) => ({ include, exclude, requiresConfirmation })),
      },
      mcp: listed,
      outputSchema,
    })));
    const registry = new Map(prepared.tools.map((tool) => [tool.name, tool]));

    const run = { conversationId: request.conversationId, steps: 0, usage: null, entries: [], text: null };
    /** Sends one request (a stream when streaming) and records its response. */
    async function* send(method, body) {
      let response;
      if (streaming) {
        const stream = await api[`${method}Stream`](body, callOptions);
        for await (const item of stream) yield item;
        response = await stream.finalResponse();
      } else {
        response = await api[method](body, callOptions);
      }
      if (!Array.isArray(response?.outputs)) {
        throw new errors.ResponseValidationError(`the answer to ${method} has no \`outputs\` array`, { body: JSON.stringify(response) });
      }
      run.steps++;
      run.conversationId = response.conversationId ?? run.conversationId;
      run.usage = JSON.parse(runUsage(JSON.stringify(run.usage), JSON.stringify(response.usage ?? {})));
      run.entries.push(...response.outputs);
      return response.outputs;
    }

    let entries;
    let given;
    if (prepared.start || request.inputs !== undefined) {
      entries = yield* send(prepared.start ? "start" : "append", prepared.request);
    } else {
      // Resuming: the calls the conversation left open are in its history.
      entries = (await api.getHistory({ conversationId: request.conversationId }, callOptions)).entries;
      given = settings.confirmations ?? [];
    }
    for (;;) {
      const decision = JSON.parse(runDecide(JSON.stringify({
        entries, tools: prepared.tools, steps: run.steps, maxSteps: settings.maxSteps,
        interactive: settings.onConfirmation !== undefined, confirmations: given,
      })));
      given = undefined;
      if (decision.text !== null) run.text = decision.text;
      if (decision.stop !== null) return finish(run, decision, outputFormat, outputSchema);
      const context = { signal, conversationId: run.conversationId, step: run.steps };
      for (const c of decision.calls) {
        if (c.action !== "confirm") continue;
        const { toolCallId, name, arguments: args, server } = c;
        const answer = confirmationOf(await abortable(
          Promise.resolve(settings.onConfirmation({ toolCallId, name, arguments: args, server })), signal));
        if (!answer.allow) c.action = "deny";
        else {
          c.action = server ? "allow" : "execute";
          if (!server && answer.arguments !== undefined) c.arguments = answer.arguments;
        }
      }
      const answers = await abortable(
        Promise.all(decision.calls.map((c) => answerCall(c, registry, functions, sessions, settings, context, hide))),
        signal,
      );
      const body = JSON.parse(runAnswer(JSON.stringify({ conversationId: run.conversationId, answers })));
      for (const input of body.inputs ?? []) {
        run.entries.push(input);
        if (streaming) yield { event: "function.result", data: input };
      }
      entries = yield* send("append", body);
    }
  } catch (error) {
    throw redact(core, error, secrets);
  } finally {
    for (const session of sessions) session.close();
  }
}

/** The answer to one call: its result, its error, or its confirmation. */
async function answerCall(c, registry, functions, sessions, settings, context, hide) {
  const { toolCallId, name, action } = c;
  if (action === "allow" || (action === "deny" && c.server)) return { toolCallId, confirmation: action };
  if (action === "deny") return { toolCallId, denied: true };
  if (action === "fail") {
    if (settings.throwOnToolError) throw new errors.MistralError(c.error, { toolCallId, tool: name });
    return { toolCallId, error: c.error };
  }
  const tool = registry.get(name);
  try {
    let value;
    if (tool.server !== null) {
      value = hide(await sessions[tool.server].callTool(name, c.arguments, context.signal));
    } else {
      const fn = functions.get(name);
      const args = fn.std ? await validate(fn.std, c.arguments).catch((error) => {
        throw new TypeError(`the arguments do not match the schema: ${messageOf(error)}`);
      }) : c.arguments;
      value = await fn.execute(args, { ...context, toolCallId, name });
    }
    JSON.stringify(value); // throws for what JSON cannot hold (a BigInt, a cycle)
    return { toolCallId, value };
  } catch (error) {
    if (context.signal.aborted) throw new errors.AbortError("the run was aborted");
    if (settings.throwOnToolError) throw error;
    return { toolCallId, error: hide(`${name} failed: ${messageOf(error)}`) };
  }
}

/** The run's result; `output` parsed from the last message (and validated) with `outputFormat`. */
async function finish(run, decision, outputFormat, outputSchema) {
  const result = {
    conversationId: run.conversationId,
    status: decision.stop,
    steps: run.steps,
    entries: run.entries,
    outputText: run.text ?? "",
    usage: run.usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    pending: decision.pending,
  };
  if (outputSchema !== undefined && decision.stop === "done") {
    let output;
    try {
      output = JSON.parse(result.outputText);
      const std = standard(outputFormat);
      if (std) output = await validate(std, output);
    } catch (error) {
      throw new errors.ResponseValidationError(`the output does not match \`outputFormat\`: ${messageOf(error)}`, {
        body: result.outputText,
      });
    }
    result.output = output;
  }
  return result;
}

// ---- runStream

const Base = typeof ReadableStream === "function" ? ReadableStream : class {};

/** Starts a streamed run: resolves when the first step's first event arrived (an HTTP error of
 * the first request rejects here, as `startStream`'s does). */
async function startStream(api, request, options) {
  const controller = new AbortController();
  const generator = loop(api, request, options, true, controller);
  const first = await generator.next();
  return new RunStream(generator, first, controller);
}

/**
 * A streamed run: a `ReadableStream` (and async iterable) of `{ event, data }`, every event of
 * every step and a `function.result` event for each result sent; `finalResult()` reads the rest
 * and resolves to the run's result. Cancelling it (leaving the loop, `cancel()`, `abort()`)
 * aborts the request in flight and the functions' `context.signal`.
 */
export class RunStream extends Base {
  #result;

  constructor(generator, first, controller) {
    let settle;
    const result = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    result.catch(() => {}); // reported by the stream too; finalResult() rethrows it
    let pending = first;
    super(
      {
        pull: async (c) => {
          try {
            const { done, value } = pending ?? (await generator.next());
            pending = undefined;
            if (!done) return c.enqueue(value);
            settle.resolve(value);
            c.close();
          } catch (error) {
            settle.reject(error);
            c.error(error);
          }
        },
        cancel: async () => {
          controller.abort();
          settle.reject(new errors.AbortError("the run was aborted"));
          await generator.return(undefined).catch(() => {});
        },
      },
      { highWaterMark: 0 },
    );
    this.#result = result;
    this.controller = controller;
  }

  /** Stops the run: the request in flight and the functions' `context.signal` abort. */
  abort() {
    this.controller.abort();
  }

  [Symbol.asyncIterator]() {
    const reader = this.getReader();
    return {
      next: () => reader.read(),
      return: async () => {
        await reader.cancel();
        reader.releaseLock();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Reads the rest of the run and resolves to its result. */
  async finalResult() {
    if (!this.locked) {
      const reader = this.getReader();
      try {
        while (!(await reader.read()).done);
      } finally {
        reader.releaseLock();
      }
    }
    return this.#result;
  }
}
