// `mistral-edge-client/core.js`: the client the standalone functions (`funcs/*.js`) take, as the
// official SDK's `MistralCore`. It comes from the package's entry for this runtime ("#entry" in
// package.json `imports`, with the same conditions as the "." export), so the functions share the
// one loaded wasm and the very classes of `import ... from "mistral-edge-client"`.
import { Mistral } from "#entry";

/**
 * The client of the standalone functions: `new MistralCore(options)` takes `new Mistral`'s options.
 * It is a `Mistral` (the wasm is loaded once, whichever you import), and a `Mistral` works wherever
 * a `MistralCore` is asked for.
 */
export class MistralCore extends Mistral {}
