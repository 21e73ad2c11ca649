// node --test against the built package (pkg/): `Retry-After` in each form RFC 9110 asks recipients
// to accept (delay-seconds, IMF-fixdate, RFC 850, asctime), read into `RateLimitError.retryAfterMs`;
// values that are no form are ignored. No server: a `fetch` that answers 429.
import { test } from "node:test";
import assert from "node:assert/strict";

const { Mistral, RateLimitError } = await import(new URL("../../pkg/node.js", import.meta.url));

/** The RateLimitError of one call answered 429 with this `Retry-After`, retries off. */
async function rateLimited(retryAfter) {
  const fetch = async () =>
    new Response('{"message":"slow down"}', { status: 429, headers: { "content-type": "application/json", "retry-after": retryAfter } });
  const client = new Mistral({ apiKey: "k", serverURL: "http://127.0.0.1:9", fetch });
  const error = await client.beta.conversations.get({ conversationId: "c" }, { retries: { strategy: "none" } }).catch((e) => e);
  assert.ok(error instanceof RateLimitError, String(error));
  return error.retryAfterMs;
}

/** A date about `seconds` from now, in each of the three HTTP-date forms. */
function forms(seconds) {
  const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000);
  const imf = at.toUTCString(); // Sun, 06 Nov 1994 08:49:37 GMT
  const [day, date, month, year, time] = imf.replace(",", "").split(" ");
  const weekday = { Sun: "Sunday", Mon: "Monday", Tue: "Tuesday", Wed: "Wednesday", Thu: "Thursday", Fri: "Friday", Sat: "Saturday" }[day];
  const rfc850 = `${weekday}, ${date}-${month}-${year.slice(2)} ${time} GMT`;
  const asctime = `${day} ${month} ${String(Number(date)).padStart(2, " ")} ${time} ${year}`;
  return { imf, rfc850, asctime };
}

test("delay-seconds", async () => {
  assert.equal(await rateLimited("3"), 3000);
  assert.equal(await rateLimited(" 0 "), 0);
});

for (const [name, value] of Object.entries(forms(30))) {
  test(`an HTTP-date in the ${name} form`, async () => {
    const ms = await rateLimited(value);
    assert.ok(ms > 25_000 && ms <= 31_000, `${value}: ${ms} ms`);
  });
}

test("a date in the past is no wait; what is no form is ignored", async () => {
  assert.equal(await rateLimited("Sun, 06 Nov 1994 08:49:37 GMT"), 0);
  for (const value of ["soon", "1.5", "-1", "+5", "2026-12-07"]) {
    assert.equal(await rateLimited(value), undefined, value);
  }
});
