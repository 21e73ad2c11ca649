// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The resource classes of the client: each method runs one operation of the table in
// src/request/ops.rs through the wasm export `call`, which takes its index there.

import { call } from "./mistral_edge.js";

export class Beta {
  constructor(config) {
    if (typeof config?.core?.delay !== "function") {
      throw new TypeError("Beta is made by new Mistral(): use client.beta");
    }
    this.conversations = new Conversations(config);
  }
}

export class Conversations {
  #config;

  constructor(config) {
    if (typeof config?.core?.delay !== "function") {
      throw new TypeError("Conversations is made by new Mistral(): use client.beta.conversations");
    }
    this.#config = config;
  }

  start(request, options) {
    return call(this.#config, 0, request, options);
  }

  startStream(request, options) {
    return call(this.#config, 1, request, options);
  }

  append(request, options) {
    return call(this.#config, 2, request, options);
  }

  appendStream(request, options) {
    return call(this.#config, 3, request, options);
  }

  restart(request, options) {
    return call(this.#config, 4, request, options);
  }

  restartStream(request, options) {
    return call(this.#config, 5, request, options);
  }
}
