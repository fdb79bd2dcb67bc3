// Hostile connections do not starve normal requests: the real server, limited to 1,000
// connections, meets 1,500 connections opened and held idle and 100 clients sending their
// request a byte a second (bench/hold-connections.mjs, from 127.0.0.2), and normal checks from
// 127.0.0.1 still get their answers: the idle connections held longest are closed to make
// room. (bench/reliability runs the full-size version: 10,000 idle and 1,000 slow.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../compat/live_server.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let server;
let holder;

before(async () => {
  server = await startServer(["--max-connections", "1000"]);
});
after(async () => {
  holder?.kill("SIGKILL");
  await server?.stop();
});

/// One check on a connection of its own; resolves to its status (or the error's code).
function check() {
  const body = JSON.stringify({ text: "The system shall recieve orders.", language: "en-US" });
  return new Promise((resolve) => {
    const request = http.request(`${server.url}/api/v1/check`, {
      method: "POST", agent: false, timeout: 10_000,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve(error.code ?? error.message));
    request.end(body);
  });
}

test("1,500 idle and 100 byte-a-second connections against a limit of 1,000: normal checks still succeed", async () => {
  holder = spawn(process.execPath, [path.join(root, "bench/hold-connections.mjs"),
    "--port", new URL(server.url).port, "--local-address", "127.0.0.2",
    "--idle", "1500", "--slow", "100"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let errors = "";
  holder.stdout.on("data", (chunk) => (out += chunk));
  await new Promise((resolve, reject) => {
    holder.stderr.on("data", (chunk) => {
      errors += chunk;
      if (errors.includes("holding")) resolve();
    });
    holder.on("exit", (code) => reject(new Error(`hold-connections.mjs exited (${code}): ${errors}`)));
  });
  // Two seconds in, the slow clients are each a few bytes into their requests.
  await new Promise((wake) => setTimeout(wake, 2000));
  const statuses = [];
  for (let i = 0; i < 50; i += 1) statuses.push(await check());
  assert.deepEqual([...new Set(statuses)], [200], `every normal check answered 200: ${statuses}`);

  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const room = Number(/atk_http_rejected_total\{reason="idle_closed_for_room"\} (\d+)/.exec(metrics)?.[1] ?? 0);
  const exited = new Promise((resolve) => holder.once("exit", resolve));
  holder.kill("SIGTERM");
  await exited;
  holder = null;
  const held = JSON.parse(out);
  assert.equal(held.idle_opened, 1500, "every idle connection was accepted at first");
  // 1,500 idle + 100 slow + the normal ones against 1,000: the oldest idle made room.
  assert.ok(held.idle_closed_by_server >= 600, `idle connections closed to make room: ${JSON.stringify(held)}`);
  assert.ok(room >= held.idle_closed_by_server, `the server counted them (${room})`);
  assert.ok(held.slow_bytes_sent >= 200, `the slow clients were sending meanwhile (${held.slow_bytes_sent} bytes)`);
});
