// The two local endpoints the SDK-compatibility tests fail against: a server that answers nothing for
// 2 s (timeouts) and a loopback port nobody listens on (connection errors). Both on 127.0.0.1.
import { createServer } from "node:http";

/** `{ url, close() }`: a server that holds every request for 2 s before answering `{}`. */
export async function startStall() {
  const server = createServer((_req, res) => setTimeout(() => res.writeHead(200).end("{}"), 2000).unref());
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** A loopback port that was free a moment ago and is closed now. */
export async function closedPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
