// bench/load.mjs, the load generator behind bench/reliability's figures and the fault tests,
// measured against a stand-in server whose answers are known: every third request 503, each
// answered after a fixed delay. A generator that miscounted, timed from the wrong moment or
// put requests in the wrong window would make every figure built on it wrong.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const generator = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bench/load.mjs");
const delayMs = 40;
let server;
let url;
let received = 0;

before(async () => {
  server = http.createServer((request, response) => {
    received += 1;
    const status = received % 3 === 0 ? 503 : 200;
    request.resume();
    request.on("end", () => setTimeout(() => response.writeHead(status).end("answer"), delayMs));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${server.address().port}`;
});

after(() => server?.close());

/// Runs load.mjs with `args`; resolves to { code, report (parsed stdout, or null), stderr }.
function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [generator, ...args], (error, stdout, stderr) => {
      let report = null;
      try {
        report = JSON.parse(stdout);
      } catch {}
      resolve({ code: error ? error.code : 0, report, stderr });
    });
  });
}

const sum = (statuses) => Object.values(statuses).reduce((a, b) => a + b, 0);

test("open loop: sends exactly rate x seconds, counts every status, and times from the schedule", async () => {
  received = 0;
  const { code, report, stderr } = await run(["--url", url, "--rate", "30", "--seconds", "2"]);
  assert.equal(code, 0, stderr);
  assert.equal(report.sent, 60);
  assert.equal(received, 60, "the server saw every request sent");
  assert.equal(sum(report.statuses), 60, JSON.stringify(report.statuses));
  assert.equal(report.statuses["503"], 20, "every third answer was a 503");
  assert.equal(report.refused.count, 20, "503s are counted as load shed");
  assert.equal(report.error_count, 0);
  assert.ok(report.ok.p50_ms >= delayMs, `latency includes the server's ${delayMs} ms: ${report.ok.p50_ms}`);
  assert.deepEqual(report.series.map((window) => window.second), [0, 1]);
  assert.deepEqual(report.series.map((window) => window.sent), [30, 30]);
});

test("--window-seconds groups the series into windows of that many seconds", async () => {
  const { code, report, stderr } = await run(["--url", url, "--rate", "20", "--seconds", "3", "--window-seconds", "2"]);
  assert.equal(code, 0, stderr);
  assert.deepEqual(report.series.map((window) => window.second), [0, 2], "a last, shorter window of 1 s");
  assert.deepEqual(report.series.map((window) => window.sent), [40, 20]);
  assert.equal(report.series.reduce((total, window) => total + sum(window.statuses), 0), 60);
});

test("closed loop: each client waits for its answer before sending again", async () => {
  const { code, report, stderr } = await run(["--url", url, "--closed", "2", "--seconds", "1"]);
  assert.equal(code, 0, stderr);
  // 2 clients, each at most one request per 40 ms answer, for 1 s.
  const most = 2 * (Math.ceil(1000 / delayMs) + 1);
  assert.ok(report.sent > 2 && report.sent <= most, `sent ${report.sent}, at most ${most}`);
  assert.equal(sum(report.statuses), report.sent);
});

test("a server that is not there: connection errors counted, not a crash", async () => {
  const closed = http.createServer();
  await new Promise((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  const { code, report, stderr } = await run(["--url", `http://127.0.0.1:${port}`, "--rate", "10", "--seconds", "1"]);
  assert.equal(code, 0, stderr);
  assert.equal(report.sent, 10);
  assert.deepEqual(report.errors, { econnrefused: 10 });
  assert.deepEqual(report.statuses, {});
});

test("bad options: exit 2 with what was wrong", async () => {
  for (const [args, message] of [
    [["--rate", "10", "--seconds", "1"], "--url is needed"],
    [["--url", url, "--rate", "10"], "--seconds is needed"],
    [["--url", url, "--rate", "10", "--closed", "2", "--seconds", "1"], "give one of --closed N and --rate R"],
    [["--url", url, "--rate", "10", "--seconds", "1", "--window-seconds", "0"], "--window-seconds wants a positive number"],
    [["--url", url, "--rate", "10", "--seconds", "1", "--speed", "3"], "unknown option --speed"],
    [["--url", url, "--rate"], "--rate needs a value"],
  ]) {
    const { code, report, stderr } = await run(args);
    assert.equal(code, 2, `${args.join(" ")}: exit ${code}`);
    assert.equal(report, null, "no figures printed");
    assert.match(stderr, new RegExp(message.replace(/[-]/g, "\\-")), stderr);
  }
});
