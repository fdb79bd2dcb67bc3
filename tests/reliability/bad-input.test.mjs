// The bad-input catalogue: each hostile or broken request of issue 9 sent to the real server
// over a raw socket, its answer checked, and the server checked to be still answering.
// With ATK_RECORD_TO=FILE (tools/record-bad-input.sh) the observed answers are written into
// that file's "bad input" section (docs/reliability.md).
import { readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "../compat/live_server.js";

let server;
let port;
const observed = [];

before(async () => {
  server = await startServer();
  port = Number(new URL(server.url).port);
});

after(async () => {
  await server?.stop();
  if (process.env.ATK_RECORD_TO) record(process.env.ATK_RECORD_TO);
});

/// Sends `bytes` on a new connection; resolves to what came back: the status line, the
/// JSON error code if any, whether the server closed the connection, and how long it took.
function exchange(bytes, { waitMs = 3000 } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const socket = net.connect(port, "127.0.0.1");
    const chunks = [];
    let closed = false;
    const finish = () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      socket.destroy();
      resolve({
        text,
        status: text.match(/^HTTP\/1\.[01] (\d{3})/)?.[1] ?? "none",
        statuses: [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => m[1]),
        code: text.match(/"code":\s*"([a-z_]+)"/)?.[1] ?? text.match(/"error":\s*"([^"]{0,60})/)?.[1],
        closed,
        ms,
      });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", () => {
      closed = true;
      clearTimeout(timer);
      finish();
    });
    socket.on("error", () => {
      closed = true;
      clearTimeout(timer);
      finish();
    });
    socket.write(bytes);
  });
}

/// A whole HTTP/1.1 request with a body.
function post(path, contentType, body, extraHeaders = "") {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  return Buffer.concat([
    Buffer.from(
      `POST ${path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Type: ${contentType}\r\n` +
        `Content-Length: ${payload.length}\r\n${extraHeaders}\r\n`,
    ),
    payload,
  ]);
}

/// A request whose headers declare `body` but that sends only its first 64 KiB: what the
/// server answers to a body it must refuse unread (sending all of it would race its reset).
function oversized(path, body) {
  const whole = post(path, "application/json", body);
  const headerEnd = whole.indexOf("\r\n\r\n") + 4;
  return whole.subarray(0, headerEnd + 65536);
}

const json = (value) => post("/api/v1/check", "application/json", JSON.stringify(value));
const stillAnswers = async () => (await fetch(`${server.url}/healthz`)).status === 200;

/// Runs one case: sends it, checks `expect` on the answer, checks the server still answers,
/// and keeps the observation for the catalogue.
function bad(name, request, expect, options) {
  test(name, async () => {
    const answer = await exchange(typeof request === "function" ? request() : request, options);
    expect(answer);
    assert.ok(await stillAnswers(), "the server still answers /healthz");
    observed.push({ name, answer });
  });
}

const bigBody = Buffer.alloc(2 << 20, "a");

bad("a body over the limit (2 MiB)", oversized("/api/v1/check", bigBody), (a) => {
  assert.equal(a.status, "413");
  assert.ok(a.closed);
});
bad("a malformed form (bad percent escape)", post("/v2/check", "application/x-www-form-urlencoded", "text=%ZZ&language=en-US"), (a) =>
  assert.equal(a.status, "400"),
);
bad("malformed JSON", post("/api/v1/check", "application/json", '{"text": "The sytem'), (a) => assert.equal(a.status, "400"));
bad("JSON of the wrong shape (text is a number)", json({ text: 42, language: "en-US" }), (a) => assert.equal(a.status, "400"));
bad("deeply nested JSON (500,000 arrays)", post("/api/v1/check", "application/json", "[".repeat(500000) + "]".repeat(500000)), (a) =>
  assert.equal(a.status, "400"),
);
bad("invalid UTF-8 in the text", post("/api/v1/check", "application/json", Buffer.from([...Buffer.from('{"text":"caf'), 0xc3, 0x28, ...Buffer.from('"}')])), (a) =>
  assert.equal(a.status, "400"),
);
bad("a NUL byte in the text", json({ text: "The sy\u0000tem shall start.", language: "en-US" }), (a) => assert.match(a.status, /^(200|400)$/));
bad("a single 1 MB word", json({ text: "a".repeat(1000000), language: "en-US" }), (a) => assert.equal(a.status, "413"));
bad("a single 190,000-letter word (under the text limit)", json({ text: "sytem".repeat(38000), language: "en-US" }), (a) =>
  assert.equal(a.status, "200"),
  { waitMs: 20000 },
);
bad("a 10 MB line", () => oversized("/api/v1/check", JSON.stringify({ text: "word ".repeat(2000000) })), (a) =>
  assert.equal(a.status, "413"),
);
bad("66,000 tiny paragraphs (198 KB)", json({ text: "a\n\n".repeat(66000), language: "en-US" }), (a) => assert.equal(a.status, "200"), {
  waitMs: 20000,
});
bad("an unknown route", "GET /api/v1/nothing HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", (a) => assert.equal(a.status, "404"));
bad("an unknown method (BREW)", "BREW /api/v1/check HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", (a) => assert.match(a.status, /^(400|405)$/));
bad("a method the route does not take (DELETE /v2/check)", "DELETE /v2/check HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", (a) =>
  assert.equal(a.status, "405"),
);
bad(
  "a header flood (5,000 headers)",
  `GET /healthz HTTP/1.1\r\nHost: t\r\n${Array.from({ length: 5000 }, (_, i) => `X-Flood-${i}: 1\r\n`).join("")}\r\n`,
  (a) => {
    assert.match(a.status, /^(400|431)$/);
    assert.ok(a.closed);
  },
);
bad("an oversized header (100 KB)", `GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: ${"b".repeat(100000)}\r\n\r\n`, (a) => {
  assert.match(a.status, /^(400|431)$/);
  assert.ok(a.closed);
});
bad(
  "pipelined garbage after a good request",
  "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n\x00\x01garbage that is not HTTP\r\n\r\n",
  (a) => {
    assert.deepEqual(a.statuses, ["200", "400"], "the good request answered, then the garbage refused");
    assert.ok(a.closed);
  },
);
bad("an HTTP/1.0 client", "GET /healthz HTTP/1.0\r\n\r\n", (a) => {
  assert.match(a.text, /^HTTP\/1\.0 200/);
  assert.ok(a.closed, "HTTP/1.0 without keep-alive: the connection closes");
});

/// The catalogue as a Markdown table, written between the section's markers.
function record(file) {
  const rows = observed.map(({ name, answer }) =>
    `| ${name} | ${answer.statuses.join(", ") || "none"}${answer.code ? ` (${answer.code})` : ""} | ${answer.closed ? "closed" : "kept"} | ${answer.ms.toFixed(0)} |`,
  );
  const section = [
    "<!-- bad-input:start (tools/record-bad-input.sh rewrites this section) -->",
    "## Bad input catalogue",
    "",
    `Each request sent on its own connection to \`analyst-toolkit serve\` with its defaults (1 MiB body, 200,000-byte text), by \`tests/reliability/bad-input.test.mjs\` (in \`make test\`, which also checks that the server still answers after each); recorded ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    "",
    "| request | answer (error code) | connection | ms |",
    "|---|---|---|---:|",
    ...rows,
    "<!-- bad-input:end -->",
  ].join("\n");
  const text = readFileSync(file, "utf8");
  const pattern = /<!-- bad-input:start[\s\S]*?<!-- bad-input:end -->/;
  writeFileSync(file, pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`);
}
