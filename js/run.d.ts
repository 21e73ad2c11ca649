// Types of the run loop: `client.beta.conversations.run` and `runStream` (js/run.js).
import type * as T from "./mistral_edge.js";

/** A Standard Schema (`~standard`: zod 4, valibot, arktype, ...). With `~standard.jsonSchema`
 * (zod 4.2+), it also gives the JSON Schema sent to the API. */
export interface StandardSchema<Output = unknown> {
    readonly "~standard": {
        readonly version: 1;
        readonly vendor: string;
        validate(value: unknown): StandardResult<Output> | Promise<StandardResult<Output>>;
        readonly jsonSchema?: { input(options: { target: string }): Record<string, unknown> };
    };
}
/** What a Standard Schema's `validate` gives. */
export type StandardResult<Output> =
    | { readonly value: Output; readonly issues?: undefined }
    | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> }> };

/** What every `execute` receives next to its arguments. */
export interface RunContext {
    /** Aborts with the run (the caller's `signal`, a stream's cancel). */
    signal: AbortSignal;
    /** The conversation. */
    conversationId: string;
    /** The call being answered. */
    toolCallId: string;
    /** The function's name. */
    name: string;
    /** How many responses the run has had so far. */
    step: number;
}

/** A function tool the run loop calls: `execute` never goes on the wire. */
export interface RunFunctionTool<Args = any> {
    type: "function";
    function: {
        name: string;
        description?: string;
        strict?: boolean;
        /** A JSON Schema, or a Standard Schema that also validates (and parses) the arguments. */
        parameters?: Record<string, unknown> | StandardSchema<Args>;
    };
    /** Runs the call; a result that is not a string is sent as JSON. A throw goes back to the
     * model as the call's result (unless `throwOnToolError`). */
    execute?: (args: Args, context: RunContext) => unknown;
    /** Asks `onConfirmation` (or stops the run) before each call. */
    requiresConfirmation?: boolean;
}

/** An MCP server the client itself talks to, over streamable HTTP with `fetch`. */
export interface RunMcpServer {
    url: string | URL;
    /** Headers for every request to it (an `Authorization`, say). Never sent to Mistral. */
    headers?: HeadersInit;
    /** Only these tools (or: every tool but these). */
    include?: string[];
    exclude?: string[];
    /** Every tool (`true`) or these need a confirmation. */
    requiresConfirmation?: boolean | string[];
    /** The `fetch` to use (default: the global one). */
    fetch?: typeof fetch;
}

/** What the run is about: a conversation request (`model` or `agentId`, or the `conversationId`
 * of one to continue), whose tools may run here. */
export type RunRequest<Output = unknown> = Omit<Partial<T.ConversationRequest>, "tools"> & {
    /** To continue (or resume) a conversation. */
    conversationId?: string;
    tools?: (T.Tool | RunFunctionTool)[] | null;
    /** MCP servers whose tools the client offers and calls. */
    mcpServers?: RunMcpServer[];
    /** The answer's format: `result.output` is parsed (and validated by a Standard Schema). */
    outputFormat?: StandardSchema<Output> | Record<string, unknown>;
};

/** A call that waits for someone: plain JSON, to store and resume from. */
export interface PendingCall {
    toolCallId: string;
    name: string;
    /** Its arguments (a client-side call's, parsed). */
    arguments: unknown;
    /** A server-side call (`confirmationStatus: "pending"`), answered with `toolConfirmations`. */
    server: boolean;
}

/** A decision on a pending call; `arguments` replaces a client-side call's. */
export interface RunConfirmation {
    toolCallId: string;
    allow: boolean;
    arguments?: Record<string, unknown>;
}

/** How the loop runs, next to every call's options. */
export interface RunOptions extends T.RequestOptions {
    /** The most responses to ask for (default 10). */
    maxSteps?: number;
    /** Decides each call that needs a confirmation; without it the run stops with
     * `"requires_confirmation"`. */
    onConfirmation?: (call: PendingCall) => boolean | { allow: boolean; arguments?: Record<string, unknown> } | Promise<boolean | { allow: boolean; arguments?: Record<string, unknown> }>;
    /** Rejects the run with a tool's error instead of sending it to the model. */
    throwOnToolError?: boolean;
    /** Resumes a run stopped for confirmations (with `{ conversationId, tools }`). */
    confirmations?: RunConfirmation[];
}

/** What a run resolves to. */
export interface RunResult<Output = unknown> {
    conversationId: string;
    /** `done`: nothing left to do; `max_steps`: calls still open; `requires_confirmation`: see `pending`. */
    status: "done" | "max_steps" | "requires_confirmation";
    /** Responses received. */
    steps: number;
    /** Every entry of every step, the `function.result`s sent included, in order. */
    entries: T.Entry[];
    /** The last message's text. */
    outputText: string;
    /** Summed over steps. */
    usage: T.ConversationUsageInfo;
    /** The calls left waiting (on `requires_confirmation` and `max_steps`). */
    pending: PendingCall[];
    /** With `outputFormat`: the answer, parsed and validated (typed by a Standard Schema). */
    output?: Output;
}

/** A conversation event of a run's stream: `event` is its `data.type`, so either narrows `data`. */
export type RunEventItem = {
    [K in T.ConversationEvent["type"]]: { event: K; data: Extract<T.ConversationEvent, { type: K }> };
}[T.ConversationEvent["type"]];
/** An item of a run's stream: a conversation event, or a `function.result` the run sent. */
export type RunStreamItem = RunEventItem | { event: "function.result"; data: T.FunctionResultEntry & { type: "function.result" } };

/** A streamed run: a `ReadableStream` and async iterable of every step's events. */
export declare class RunStream<Output = unknown> extends ReadableStream<RunStreamItem> {
    private constructor();
    [Symbol.asyncIterator](): AsyncIterator<RunStreamItem>;
    /** Stops the run: the request in flight and the functions' `context.signal` abort. */
    abort(): void;
    /** Reads the rest and resolves to the run's result. */
    finalResult(): Promise<RunResult<Output>>;
}

declare module "./resources.js" {
    interface Conversations {
        /** Runs the conversation until it has nothing left to do: calls the functions (and MCP
         * tools) the model asks for and sends their results, step after step. */
        run<Output = unknown>(request: RunRequest<Output>, options?: RunOptions): Promise<RunResult<Output>>;
        /** `run`, streamed: resolves when the first step's events start. */
        runStream<Output = unknown>(request: RunRequest<Output>, options?: RunOptions): Promise<RunStream<Output>>;
    }
}
