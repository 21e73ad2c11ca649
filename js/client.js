// The client: `new Mistral(options)` reads the options once (in Rust, which checks them), and
// hands the settings to the resource classes of resources.js.
import { configure } from "./mistral_edge.js";
import { Beta, Files } from "./resources.js";

export class Mistral {
  constructor(options) {
    const config = configure(options);
    this.beta = new Beta(config);
    this.files = new Files(config);
  }
}
