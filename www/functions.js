// Function tools implemented by this page. The model asks for them with a `function.call`
// entry; `conversations.runStream` (chat.js) runs them through `execute` and answers with a
// `function.result`. `confirm: true` makes the run ask first (buttons in the chat).

const FUNCTIONS = {
  roll_dice: {
    description: "Roll a die with the given number of sides in the user's browser.",
    parameters: {
      type: "object",
      properties: { sides: { type: "integer", description: "Number of sides, 2 to 1000 (6 when unsure)." } },
      required: ["sides"],
    },
    example: "Roll a dice with 20 sides",
    run({ sides = 6 }) {
      const faces = Math.min(Math.max(Math.trunc(Number(sides)) || 6, 2), 1000);
      const [n] = crypto.getRandomValues(new Uint32Array(1));
      return { sides: faces, roll: 1 + (n % faces) };
    },
  },
  set_page_title: {
    description: "Change the title of the user's browser tab (asks the user first).",
    parameters: {
      type: "object",
      properties: { title: { type: "string", description: "The new title." } },
      required: ["title"],
    },
    example: "Set the page title to Hello",
    confirm: true,
    run({ title }) {
      document.title = String(title).slice(0, 80);
      return { title: document.title };
    },
  },
  get_local_time: {
    description: "The current date, time and time zone of the user's browser.",
    parameters: { type: "object", properties: {} },
    example: "What is my local time?",
    run() {
      const now = new Date();
      return {
        iso: now.toISOString(),
        local: now.toLocaleString(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        utcOffsetMinutes: -now.getTimezoneOffset(),
      };
    },
  },
};

/** The `function` tools to send with a request. */
export function functionTools() {
  return Object.entries(FUNCTIONS).map(([name, { description, parameters }]) => ({
    type: "function",
    function: { name, description, parameters },
  }));
}

export function describeFunctions() {
  return Object.entries(FUNCTIONS).map(([name, { description, example }]) => ({ name, description, example }));
}

export const isPageFunction = (name) => Object.hasOwn(FUNCTIONS, name);

/**
 * `tools` for `runStream`: each page function gets its `execute` (and `requiresConfirmation`).
 * `tools` undefined (an agent, or a conversation that continues: their tools are on the server)
 * gives the page functions alone, which then only answer the calls.
 */
export function runTools(tools) {
  const list = tools ?? functionTools();
  return list.map((tool) => {
    const fn = tool.type === "function" ? FUNCTIONS[tool.function?.name] : undefined;
    if (!fn) return tool;
    return { ...tool, execute: (args) => fn.run(args ?? {}), ...(fn.confirm ? { requiresConfirmation: true } : {}) };
  });
}
