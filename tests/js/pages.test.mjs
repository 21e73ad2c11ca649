// Pagination as the official SDK 2.7.0 has it, through the built package (pkg/) against an
// in-memory fetch that answers with pages chosen per test: `agents.listPages` resolves to a page
// iterator ({ result, next(), "~next", for await over { result }) that stops at a missing or
// blank token, an empty page or one shorter than `pageSize` (20 by default); `connectors.list`
// is a promise of the first page (sent at once), also async-iterable over every page.
import { test } from "node:test";
import assert from "node:assert/strict";

const { Mistral, PagePromise, NotFoundError } = await import(new URL("../../pkg/node.js", import.meta.url));

/** A client whose fetch answers `pages(url)` (a wire body, or a status number), and the URLs it saw. */
function clientWith(pages) {
  const urls = [];
  const fetch = async (url) => {
    urls.push(new URL(url));
    const body = pages(new URL(url));
    if (typeof body === "number") return new Response("{}", { status: body, headers: { "content-type": "application/json" } });
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { client: new Mistral({ apiKey: "k", serverURL: "http://127.0.0.1:9", fetch, retryConfig: { strategy: "none" } }), urls };
}

const agent = (id) => ({ id, object: "agent", name: id, model: "m", version: 0, versions: [0], created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z", deployment_chat: false, source: "api" });
const agents = (prefix, n) => Array.from({ length: n }, (_, i) => agent(`${prefix}${i}`));

/** Pages of agents by token: `{ "": [n, next], tokenA: [n, next], ... }`. */
function agentPages(table) {
  return (url) => {
    const [n, next] = table[url.searchParams.get("page_token") ?? ""];
    return { object: "list", data: agents(url.searchParams.get("page_token") ?? "first", n), ...(next === undefined ? {} : { next_page_token: next }) };
  };
}

async function collect(iterator) {
  const pages = [];
  for await (const page of iterator) pages.push(page);
  return pages;
}

test("listPages follows the token while pages are full, with pageSize and the other arguments kept", async () => {
  const { client, urls } = clientWith(agentPages({ "": [3, "t1"], t1: [3, "t2"], t2: [1, "t3"] }));
  const first = await client.beta.agents.listPages({ pageSize: 3, search: "x" });
  assert.deepEqual(Object.keys(first), ["result", "next", "~next"]);
  assert.deepEqual(first["~next"], { cursor: "t1" });
  const pages = await collect(first);
  assert.deepEqual(pages.map((p) => p.result.data.length), [3, 3, 1], "stops after the short page, though it has a token");
  assert.deepEqual(urls.map((u) => u.search), ["?page_size=3&search=x", "?page_size=3&page_token=t1&search=x", "?page_size=3&page_token=t2&search=x"]);
  // next() by hand: a promise of the next page iterator, then null after the short page.
  const second = await first.next();
  assert.equal(second.result.data[0].id, "t10");
  const third = await second.next();
  assert.equal(third.next(), null);
  assert.equal(third["~next"], undefined);
});

test("listPages: the default page size is 20, and a page of 20 with a token goes on", async () => {
  const { client, urls } = clientWith(agentPages({ "": [20, "t1"], t1: [19, "t2"] }));
  const pages = await collect(await client.beta.agents.listPages());
  assert.deepEqual(pages.map((p) => p.result.data.length), [20, 19]);
  assert.deepEqual(urls.map((u) => u.search), ["", "?page_token=t1"]);
});

test("listPages stops at a missing, blank or non-string token and at an empty page", async () => {
  for (const [table, what] of [
    [{ "": [2] }, "missing"],
    [{ "": [2, "  "] }, "blank"],
    [{ "": [0, "t1"] }, "empty page"],
  ]) {
    const { client, urls } = clientWith(agentPages(table));
    const first = await client.beta.agents.listPages({ pageSize: 2 });
    assert.equal(first.next(), null, what);
    assert.equal((await collect(first)).length, 1, what);
    assert.equal(urls.length, 1, what);
  }
});

test("listPages: a first page that fails rejects the call", async () => {
  const { client } = clientWith(() => 404);
  await assert.rejects(client.beta.agents.listPages({ pageSize: 2 }), NotFoundError);
});

test("listPages: iterating again starts over from the first page, which is not fetched again", async () => {
  const { client, urls } = clientWith(agentPages({ "": [2, "t1"], t1: [1] }));
  const first = await client.beta.agents.listPages({ pageSize: 2 });
  assert.equal((await collect(first)).length, 2);
  assert.equal((await collect(first)).length, 2);
  assert.deepEqual(urls.map((u) => u.searchParams.get("page_token")), [null, "t1", "t1"]);
});

const connectorPage = (ids, next) => ({
  items: ids.map((id) => ({ id, name: id, description: "d", protocol: "mcp", server: "https://x.example/mcp", created_at: "2026-01-01T00:00:00Z", modified_at: "2026-01-01T00:00:00Z" })),
  pagination: { page_size: 2, next_cursor: next ?? null },
});

test("connectors.list is a promise of the first page, sent at once, and iterates every page by cursor", async () => {
  const { client, urls } = clientWith((url) =>
    url.searchParams.get("cursor") === "c1" ? connectorPage(["c"]) : connectorPage(["a", "b"], "c1"));
  const list = client.beta.connectors.list({ pageSize: 2 });
  assert.ok(list instanceof Promise && list instanceof PagePromise);
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(urls.length, 1, "sent without waiting for an await, as the official SDK's");
  const first = await list;
  assert.deepEqual(first.items.map((c) => c.id), ["a", "b"]);
  assert.ok(!(list.then(() => {}) instanceof PagePromise), "then() makes a plain promise");
  const ids = [];
  for await (const page of list) ids.push(...page.items.map((c) => c.id));
  assert.deepEqual(ids, ["a", "b", "c"]);
  assert.deepEqual(urls.map((u) => u.search), ["?page_size=2", "?cursor=c1&page_size=2"], "the first page is not fetched again");
});

test("connectors.list: a failure only iterated is thrown by the loop, not left unhandled", async () => {
  const { client } = clientWith(() => 404);
  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    await assert.rejects(collect(client.beta.connectors.list()), NotFoundError);
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
  assert.deepEqual(unhandled, []);
});
