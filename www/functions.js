// Function tools implemented by this page. The model asks for them with a `function.call`
// entry; the page runs them and answers with a `function.result` (see chat.js).

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

/** Runs a call (arguments as a JSON string or object) and returns the `result` string. */
export async function runFunction(name, args) {
  const fn = FUNCTIONS[name];
  if (!fn) return JSON.stringify({ error: `this page has no function named ${name}` });
  let parsed = args;
  if (typeof args === "string") {
    try {
      parsed = JSON.parse(args || "{}");
    } catch {
      return JSON.stringify({ error: "the arguments are not valid JSON" });
    }
  }
  try {
    return JSON.stringify(await fn.run(parsed ?? {}));
  } catch (error) {
    return JSON.stringify({ error: error.message });
  }
}
