// Preloaded (`node --import`) into a test server such as server-everything:
// - every HTTP server binds to 127.0.0.1 (PORT=0 then means a free loopback port), and prints
//   `LOOPBACK-LISTENING <port>` on stdout once it listens;
// - every outgoing TCP connection to anything but loopback fails, so the server cannot reach
//   the network whatever a tool asks for.

import http from "node:http";
import net from "node:net";

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" || typeof args[0] === "string") {
    const port = Number(args[0]) || 0;
    const callback = args.find((a) => typeof a === "function");
    this.once("listening", () => process.stdout.write(`LOOPBACK-LISTENING ${this.address().port}\n`));
    return callback ? listen.call(this, port, "127.0.0.1", callback) : listen.call(this, port, "127.0.0.1");
  }
  return listen.apply(this, args);
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() hands over its normalised arguments as an array: [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options =
    typeof first === "object" && first !== null
      ? first
      : typeof first === "string" && Number.isNaN(Number(first))
        ? { path: first }
        : { port: first, host: typeof args[1] === "string" ? args[1] : undefined };
  const host = options.host ?? "localhost";
  if (!options.path && !LOOPBACK.test(String(host))) {
    const error = new Error(`loopback-only: refusing to connect to ${host}`);
    error.code = "ECONNREFUSED";
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};
