#!/usr/bin/env node
// `npx mistral-edge-client emulator [--port 8788] [--host 127.0.0.1]`: the emulator (the same
// core as the in-process one, ./node.js) served over HTTP by Node's own http server, for tests in
// any language and for curl. The first line on stdout is
// `mistral-edge-client emulator listening on http://HOST:PORT`; SIGINT or SIGTERM stop it (open
// streams get two seconds).
import http from "node:http";
import { once } from "node:events";
import { Readable } from "node:stream";
import { createEmulator } from "./node.js";

const USAGE = "usage: mistral-edge-client emulator [--port PORT] [--host HOST]   (default 127.0.0.1:8788; port 0 picks a free port)";

function parse(argv) {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h") return { help: true };
  if (command !== "emulator") throw new Error(command === undefined ? "which command? (emulator)" : `unknown command \`${command}\``);
  const options = { host: "127.0.0.1", port: 8788 };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i].split(/=(.*)/s, 2);
    const value = () => inline ?? rest[++i];
    if (flag === "--port" || flag === "-p") {
      const v = value();
      options.port = Number(v);
      if (!/^\d+$/.test(v ?? "") || options.port > 65535) throw new Error(`--port needs a port number, not \`${v}\``);
    } else if (flag === "--host") {
      options.host = value();
      if (!options.host) throw new Error("--host needs an address");
    } else if (flag === "--help" || flag === "-h") return { help: true };
    else throw new Error(`unknown argument \`${rest[i]}\``);
  }
  return options;
}

/** Node's request as a fetch `Request` (the body streams through). */
function toRequest(req, signal, fallbackHost) {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://${req.headers.host ?? fallbackHost}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? Readable.toWeb(req) : undefined,
    duplex: "half",
    signal,
  });
}

/** Sends the fetch `Response` back; a body the emulator cuts (a fault) cuts the connection. */
async function send(response, res) {
  const headers = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) return res.end();
  for await (const chunk of response.body) {
    if (!res.write(chunk)) await once(res, "drain");
  }
  res.end();
}

async function serve({ host, port }) {
  const emu = await createEmulator();
  const server = http.createServer(async (req, res) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      await send(await emu.fetch(toRequest(req, controller.signal, `${host}:${port}`)), res);
    } catch (error) {
      if (res.headersSent || controller.signal.aborted) {
        res.destroy();
      } else {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "error", message: `emulator: ${error.message}`, type: "internal_error", code: 500 }));
      }
    }
  });
  // As the binary: 30 s for a request's head, 60 s for the whole request.
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  server.listen(port, host);
  await once(server, "listening");
  const address = server.address();
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  process.stdout.write(`mistral-edge-client emulator listening on http://${shown}:${address.port}\n`);
  const stop = () => {
    process.stderr.write("mistral-edge-client emulator: stopping\n");
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

let options;
try {
  options = parse(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`mistral-edge-client: ${e.message}\n${USAGE}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
} else {
  serve(options).catch((e) => {
    process.stderr.write(`mistral-edge-client emulator: ${e.message}\n`);
    process.exit(1);
  });
}
