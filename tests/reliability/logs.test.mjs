// Nothing a user sent, nor any key, reaches the server's log: the real binary serves requests
// on every API carrying a unique text and a planted key in each place a client may put one
// (query, form, JSON body, Authorization, Cookie), then its whole stderr is searched for them.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../compat/live_server.js";

const text = "Quixotrel confidential merger plans";
const key = "planted-key-5d0c2f";
let server;

before(async () => {
  server = await startServer();
});
after(() => server?.stop());

/// Sends `body` to `path` with the planted key in the query, the Authorization and the Cookie.
function send(path, body, contentType = "application/json") {
  return fetch(`${server.url}${path}${path.includes("?") ? "&" : "?"}key=${key}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": contentType, authorization: `Bearer ${key}`, cookie: `session=${key}` },
    body,
  });
}

test("the log has a line per request, and never the text nor the key", async () => {
  const answers = await Promise.all([
    send("/api/v1/check", JSON.stringify({ text, language: "en-US", glossary: [key] })),
    send("/api/v1/translate", JSON.stringify({ text, source: "en", target: "es" })),
    send(`/api/v1/synonyms?word=${encodeURIComponent(text)}&language=en-US`),
    send("/v2/check", new URLSearchParams({ text, language: "en-US", apiKey: key, username: key }).toString(), "application/x-www-form-urlencoded"),
    send("/translate", JSON.stringify({ q: text, source: "en", target: "es", api_key: key })),
    send("/detect", JSON.stringify({ q: text, api_key: key })),
    send("/api/v1/check", `{"text": "${text}`), // malformed: the error path logs too
  ]);
  assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200, 200, 200, 400]);
  await new Promise((wake) => setTimeout(wake, 200)); // the last lines reach the pipe
  const log = server.log();
  const requestLines = log.split("\n").filter((line) => line.startsWith("{") && line.includes('"route"'));
  assert.ok(requestLines.length >= answers.length, `a JSON line per request (${requestLines.length})`);
  for (const secret of [key, "Quixotrel", "merger"]) {
    assert.ok(!log.includes(secret), `"${secret}" is not in the log`);
  }
});
