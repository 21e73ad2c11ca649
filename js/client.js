// The client: `new Mistral(options)` reads the options once (js/options.js checks each one's type,
// Rust the rules among them), and hands the settings to the resource classes of resources.js.
import { configure } from "./mistral_edge.js";
import { readOptions } from "./options.js";
import { Beta, Files } from "./resources.js";

export class Mistral {
  constructor(options) {
    // `true`: this entry has the `debugLogger`'s code (js/log.js).
    const config = configure(readOptions(options, true));
    this.beta = new Beta(config);
    this.files = new Files(config);
  }
}
