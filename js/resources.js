// Generated from src/request/surface.rs by tests/operations_dts.rs.
// Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.
// The resource classes of the client: each method runs one operation of the table in
// src/request/ops.rs through the wasm export `call`, which takes its index there.

import { call } from "./mistral_edge.js";
import { paginate, pageIterator, betaAgentsListPages, betaConnectorsList } from "./pages.js";

export class Beta {
  constructor(config) {
    if (typeof config?.core?.delay !== "function") {
      throw new TypeError("Beta is made by new Mistral(): use client.beta");
    }
    this.conversations = new Conversations(config);
    this.agents = new Agents(config);
    this.connectors = new Connectors(config);
    this.libraries = new Libraries(config);
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

  list(request, options) {
    return call(this.#config, 6, request, options);
  }

  get(request, options) {
    return call(this.#config, 7, request, options);
  }

  delete(request, options) {
    return call(this.#config, 8, request, options);
  }

  getHistory(request, options) {
    return call(this.#config, 9, request, options);
  }

  getMessages(request, options) {
    return call(this.#config, 10, request, options);
  }
}

export class Agents {
  #config;

  constructor(config) {
    if (typeof config?.core?.delay !== "function") {
      throw new TypeError("Agents is made by new Mistral(): use client.beta.agents");
    }
    this.#config = config;
  }

  create(request, options) {
    return call(this.#config, 11, request, options);
  }

  list(request, options) {
    return call(this.#config, 12, request, options);
  }

  listPages(request, options) {
    return pageIterator((args) => call(this.#config, 13, args, options), request, betaAgentsListPages);
  }

  get(request, options) {
    return call(this.#config, 14, request, options);
  }

  update(request, options) {
    return call(this.#config, 15, request, options);
  }

  delete(request, options) {
    return call(this.#config, 16, request, options);
  }

  updateVersion(request, options) {
    return call(this.#config, 17, request, options);
  }

  listVersions(request, options) {
    return call(this.#config, 18, request, options);
  }

  getVersion(request, options) {
    return call(this.#config, 19, request, options);
  }

  createVersionAlias(request, options) {
    return call(this.#config, 20, request, options);
  }

  listVersionAliases(request, options) {
    return call(this.#config, 21, request, options);
  }

  deleteVersionAlias(request, options) {
    return call(this.#config, 22, request, options);
  }
}

export class Connectors {
  #config;

  constructor(config) {
    if (typeof config?.core?.delay !== "function") {
      throw new TypeError("Connectors is made by new Mistral(): use client.beta.connectors");
    }
    this.#config = config;
  }

  create(request, options) {
    return call(this.#config, 23, request, options);
  }

  list(request, options) {
    return paginate((args) => call(this.#config, 24, args, options), request, betaConnectorsList);
  }

  get(request, options) {
    return call(this.#config, 25, request, options);
  }

  update(request, options) {
    return call(this.#config, 26, request, options);
  }

  delete(request, options) {
    return call(this.#config, 27, request, options);
  }

  getAuthUrl(request, options) {
    return call(this.#config, 28, request, options);
  }

  callTool(request, options) {
    return call(this.#config, 29, request, options);
  }

  listTools(request, options) {
    return call(this.#config, 30, request, options);
  }

  getAuthenticationMethods(request, options) {
    return call(this.#config, 31, request, options);
  }

  listOrganizationCredentials(request, options) {
    return call(this.#config, 32, request, options);
  }

  listWorkspaceCredentials(request, options) {
    return call(this.#config, 33, request, options);
  }

  listUserCredentials(request, options) {
    return call(this.#config, 34, request, options);
  }

  createCredentials(request, options) {
    return call(this.#config, 35, request, options);
  }

  updateCredentials(request, options) {
    return call(this.#config, 36, request, options);
  }

  deleteAllUserCredentials(request, options) {
    return call(this.#config, 37, request, options);
  }

  deleteOrganizationCredentials(request, options) {
    return call(this.#config, 38, request, options);
  }

  deleteWorkspaceCredentials(request, options) {
    return call(this.#config, 39, request, options);
  }

  deleteUserCredentials(request, options) {
    return call(this.#config, 40, request, options);
  }

  share(request, options) {
    return call(this.#config, 41, request, options);
  }

  unshare(request, options) {
    return call(this.#config, 42, request, options);
  }

  shareToOrganization(request, options) {
    return call(this.#config, 43, request, options);
  }

  unshareFromOrganization(request, options) {
    return call(this.#config, 44, request, options);
  }

  activateForConsumer(request, options) {
    return call(this.#config, 45, request, options);
  }

  deactivateForConsumer(request, options) {
    return call(this.#config, 46, request, options);
  }
}

export class Libraries {
  #config;

  constructor(config) {
    if (typeof config?.core?.delay !== "function") {
      throw new TypeError("Libraries is made by new Mistral(): use client.beta.libraries");
    }
    this.#config = config;
    this.documents = new LibraryDocuments(config);
    this.accesses = new LibraryAccesses(config);
  }

  list(request, options) {
    return call(this.#config, 47, request, options);
  }

  create(request, options) {
    return call(this.#config, 48, request, options);
  }

  get(request, options) {
    return call(this.#config, 49, request, options);
  }

  update(request, options) {
    return call(this.#config, 50, request, options);
  }

  librariesUpdateV1(request, options) {
    return call(this.#config, 51, request, options);
  }

  delete(request, options) {
    return call(this.#config, 52, request, options);
  }
}

export class LibraryDocuments {
  #config;

  constructor(config) {
    if (typeof config?.core?.delay !== "function") {
      throw new TypeError("LibraryDocuments is made by new Mistral(): use client.beta.libraries.documents");
    }
    this.#config = config;
  }

  list(request, options) {
    return call(this.#config, 53, request, options);
  }

  upload(request, options) {
    return call(this.#config, 54, request, options);
  }

  get(request, options) {
    return call(this.#config, 55, request, options);
  }

  update(request, options) {
    return call(this.#config, 56, request, options);
  }

  librariesDocumentsUpdateV1(request, options) {
    return call(this.#config, 57, request, options);
  }

  delete(request, options) {
    return call(this.#config, 58, request, options);
  }

  textContent(request, options) {
    return call(this.#config, 59, request, options);
  }

  status(request, options) {
    return call(this.#config, 60, request, options);
  }

  getSignedUrl(request, options) {
    return call(this.#config, 61, request, options);
  }

  extractedTextSignedUrl(request, options) {
    return call(this.#config, 62, request, options);
  }

  reprocess(request, options) {
    return call(this.#config, 63, request, options);
  }
}

export class LibraryAccesses {
  #config;

  constructor(config) {
    if (typeof config?.core?.delay !== "function") {
      throw new TypeError("LibraryAccesses is made by new Mistral(): use client.beta.libraries.accesses");
    }
    this.#config = config;
  }

  list(request, options) {
    return call(this.#config, 64, request, options);
  }

  updateOrCreate(request, options) {
    return call(this.#config, 65, request, options);
  }

  delete(request, options) {
    return call(this.#config, 66, request, options);
  }
}

export class Files {
  #config;

  constructor(config) {
    if (typeof config?.core?.delay !== "function") {
      throw new TypeError("Files is made by new Mistral(): use client.files");
    }
    this.#config = config;
  }

  upload(request, options) {
    return call(this.#config, 70, request, options);
  }

  list(request, options) {
    return call(this.#config, 71, request, options);
  }

  retrieve(request, options) {
    return call(this.#config, 67, request, options);
  }

  download(request, options) {
    return call(this.#config, 68, request, options);
  }

  getSignedUrl(request, options) {
    return call(this.#config, 69, request, options);
  }

  delete(request, options) {
    return call(this.#config, 72, request, options);
  }
}
