// Faults under load, on a production stand-in: nginx terminating TLS (a self-signed
// certificate) in front of two analyst-toolkit servers, as the ALB does in front of the Auto
// Scaling group, with checks arriving on a schedule (bench/load.mjs) while one instance is
// killed with SIGKILL and brought back, or both are restarted in turn with SIGTERM. Then a
// translation pipeline killed under a load of translations. Each scenario checks what the
// client sees (status of every request, socket errors) and where the traffic went (each
// server's request log).
//
// nginx retries a request on the other instance when the first fails before answering or
// sheds it (proxy_next_upstream error timeout http_503 non_idempotent): every POST of ours is a
// pure function of its body (a check, a translation), so retrying one is safe. Each request
// tries at most both instances; a dead one costs a refused connect, which is instant. A load
// balancer that did not retry would pass the requests in flight on a killed instance to the
// client as 502s, and the checks a just-restarted instance sheds while its dictionaries load
// (slow under the sanitizers) as 503s.
//
// With ATK_FAULTS_REPORT=FILE the figures are also written to FILE as JSON
// (tools/record-faults.sh turns them into docs/reliability.md's table).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../compat/live_server.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const loadGenerator = path.join(root, "bench/load.mjs");
const sleep = (ms) => new Promise((wake) => setTimeout(wake, ms));
const report = {};
let scratch;

/// A free TCP port on 127.0.0.1 (free when asked; the server then binds it with SO_REUSEADDR).
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/// One analyst-toolkit server on a fixed `port`, so that nginx finds it again after a restart;
/// start() resolves once /readyz says ready.
class Instance {
  constructor(name, port) {
    this.name = name;
    this.port = port;
    this.requests = 0; // lines of its request logs since the first start, over every start
    this.server = null;
  }
  async start() {
    this.server = await startServer([], { port: this.port });
    this.server.child.stdout.on("data", (chunk) => {
      this.requests += String(chunk).split("\n").filter((line) => line.includes('"route"')).length;
    });
  }
  /// Sends `signal` and resolves to how it ended ({ code, signal }).
  async stop(signal) {
    this.server.child.kill(signal);
    return this.server.exited;
  }
}

/// nginx on a free port terminating TLS in front of `instances`, with the retry policy above.
class Proxy {
  async start(instances) {
    this.dir = fs.mkdtempSync(path.join(scratch, "nginx-"));
    fs.chmodSync(this.dir, 0o755);
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1",
      "-keyout", path.join(this.dir, "key.pem"), "-out", path.join(this.dir, "cert.pem")],
    { stdio: "ignore" });
    this.port = await freePort();
    const temp = path.join(this.dir, "temp");
    fs.mkdirSync(temp, { mode: 0o777 });
    fs.chmodSync(temp, 0o777);
    // max_fails=0: nginx never marks an instance down on its own. Like the ALB, which takes an
    // instance out only on its health checks, not on failed requests. With max_fails=1 a single
    // shed 503 from the surviving instance, while the other was down, left no live upstream
    // and nginx answered every request of the next second with 502 itself.
    const upstreams = instances
      .map((instance) => `    server 127.0.0.1:${instance.port} max_fails=0;`).join("\n");
    fs.writeFileSync(path.join(this.dir, "nginx.conf"), `
worker_processes 1;
pid ${this.dir}/nginx.pid;
error_log ${this.dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  upstream analyst_toolkit {
${upstreams}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${this.port} ssl;
    ssl_certificate ${this.dir}/cert.pem;
    ssl_certificate_key ${this.dir}/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    client_max_body_size 1m;
    location / {
      proxy_pass http://analyst_toolkit;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_503 non_idempotent;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
      proxy_read_timeout 15s;
    }
  }
}
`);
    this.child = spawn("nginx", ["-p", this.dir, "-c", path.join(this.dir, "nginx.conf"),
      "-e", path.join(this.dir, "error.log"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    this.child.stderr.on("data", (chunk) => (errors += chunk));
    for (let tries = 0; ; tries += 1) {
      if (await new Promise((resolve) => {
        const socket = net.connect(this.port, "127.0.0.1", () => { socket.destroy(); resolve(true); });
        socket.on("error", () => resolve(false));
      })) return;
      if (this.child.exitCode !== null || tries > 100) throw new Error(`nginx did not start: ${errors}`);
      await sleep(50);
    }
  }
  get url() { return `https://127.0.0.1:${this.port}`; }
  get ca() { return path.join(this.dir, "cert.pem"); }
  /// The last lines of nginx's error log: why it gave up on an upstream, for a failure's message.
  errorLog(lines = 15) {
    const log = fs.readFileSync(path.join(this.dir, "error.log"), "utf8").trimEnd().split("\n");
    return log.slice(-lines).join("\n");
  }
  stop() { this.child?.kill("SIGTERM"); }
}

/// Starts bench/load.mjs with `args`; resolves to its JSON report when it ends.
function load(args) {
  const child = spawn(process.execPath, [loadGenerator, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let errors = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => child.on("exit", (code) => {
    if (code !== 0) reject(new Error(`load.mjs failed (${code}): ${errors}`));
    else resolve(JSON.parse(out));
  }));
}

/// Requests that did not get a 200: non-200 statuses and socket errors.
function failures(result) {
  const statuses = Object.entries(result.statuses)
    .filter(([status]) => status !== "200").reduce((sum, [, count]) => sum + count, 0);
  return statuses + result.error_count;
}

const checkBody = () => {
  const file = path.join(scratch, "check.json");
  const text = fs.readFileSync(path.join(root, "tests/data/user-stories.md"), "utf8");
  fs.writeFileSync(file, JSON.stringify({ text, language: "en-US", format: "markdown" }));
  return file;
};

let a;
let b;
let proxy;

before(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "atk-faults-"));
  a = new Instance("a", await freePort());
  b = new Instance("b", await freePort());
  await Promise.all([a.start(), b.start()]);
  proxy = new Proxy();
  await proxy.start([a, b]);
});

after(async () => {
  proxy?.stop();
  for (const instance of [a, b]) {
    const child = instance?.server?.child;
    if (child?.exitCode === null) child.kill("SIGKILL");
  }
  if (process.env.ATK_FAULTS_REPORT) {
    fs.writeFileSync(process.env.ATK_FAULTS_REPORT, `${JSON.stringify(report, null, 2)}\n`);
  }
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

// Checks a second: well under the two instances' capacity (ctest sets a lower rate for the
// sanitizer builds, whose checks cost more).
const rate = Number(process.env.ATK_FAULT_RATE ?? 100);

test("kill -9 of one instance under load: only requests in flight on it could fail, and nginx retries those", async () => {
  const body = checkBody();
  const before = { a: a.requests, b: b.requests };
  const running = load(["--url", proxy.url, "--ca", proxy.ca, "--path", "/api/v1/check",
    "--body-file", body, "--rate", String(rate), "--seconds", "9"]);
  await sleep(2000);
  const beforeKill = { a: a.requests - before.a, b: b.requests - before.b };
  const killed = await a.stop("SIGKILL");
  const killedAt = b.requests;
  await sleep(2500);
  const aloneOnB = b.requests - killedAt;
  await a.start();
  const restartedAt = a.requests;
  const result = await running;
  const afterRestart = a.requests - restartedAt;
  report.kill = { rate, seconds: 9, sent: result.sent, failed: failures(result),
    statuses: result.statuses, socket_errors: result.error_count, p99_ms: result.ok.p99_ms,
    before_kill: beforeKill, alone_on_b: aloneOnB, a_after_restart: afterRestart };
  assert.equal(killed.signal, "SIGKILL");
  assert.ok(beforeKill.a > 0 && beforeKill.b > 0, `both instances served before the kill: ${JSON.stringify(beforeKill)}`);
  assert.ok(aloneOnB > 0, "the other instance went on serving");
  // At 100 checks/s of a few milliseconds each, about one is in flight on an instance at any
  // moment; nginx retries it on the other, so none should fail: 3 allows for a retry that
  // itself met the dying instance.
  assert.ok(failures(result) <= 3, `failed: ${JSON.stringify(result.statuses)}, errors ${JSON.stringify(result.errors)}\nnginx:\n${proxy.errorLog()}`);
  assert.ok(afterRestart > 0, "traffic returned to the restarted instance");
});

test("a rolling restart with SIGTERM under load fails no request", async () => {
  const body = checkBody();
  const running = load(["--url", proxy.url, "--ca", proxy.ca, "--path", "/api/v1/check",
    "--body-file", body, "--rate", String(rate), "--seconds", "10"]);
  await sleep(1500);
  const exits = [];
  const served = {};
  for (const instance of [a, b]) {
    exits.push(await instance.stop("SIGTERM"));
    await instance.start();
    const startedAt = instance.requests;
    await sleep(1500);
    served[instance.name] = instance.requests - startedAt;
  }
  const result = await running;
  report.rolling = { rate, seconds: 10, sent: result.sent, failed: failures(result),
    statuses: result.statuses, socket_errors: result.error_count, p99_ms: result.ok.p99_ms,
    exit_codes: exits.map((exit) => exit.code), served_after_restart: served };
  assert.deepEqual(exits.map((exit) => exit.code), [0, 0], "each instance drained and exited 0");
  assert.equal(failures(result), 0, `failed: ${JSON.stringify(result.statuses)}, errors ${JSON.stringify(result.errors)}\nnginx:\n${proxy.errorLog()}`);
  assert.ok(served.a > 0 && served.b > 0, `each restarted instance served again: ${JSON.stringify(served)}`);
});

/// The processes `pid` started (the server's translation pipelines' stages).
function childrenOf(pid) {
  const children = [];
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
    if (list) children.push(...list.split(/\s+/).map(Number));
  }
  return children;
}

test("a translation pipeline killed under load: only the requests it held fail, with 503, and it is replaced", async () => {
  // No translation cache: every request goes through a pipeline.
  const server = await startServer(["--translation-cache", "0"]);
  try {
    const body = path.join(scratch, "translate.json");
    const text = fs.readFileSync(path.join(root, "tests/data/requirements-en.md"), "utf8")
      .split("\n\n").slice(0, 6).join("\n\n");
    fs.writeFileSync(body, JSON.stringify({ text, source: "en", target: "es", format: "markdown" }));
    // Warm: the pipelines are started on first use.
    const warm = await fetch(`${server.url}/api/v1/translate`,
      { method: "POST", headers: { "content-type": "application/json" }, body: fs.readFileSync(body) });
    assert.equal(warm.status, 200, await warm.text());
    const translationRate = 20;
    const running = load(["--url", server.url, "--path", "/api/v1/translate",
      "--body-file", body, "--rate", String(translationRate), "--seconds", "6"]);
    await sleep(2000);
    const stages = childrenOf(server.child.pid);
    assert.ok(stages.length > 0, "the server runs its pipelines as child processes");
    process.kill(stages[Math.floor(stages.length / 2)], "SIGKILL");
    const result = await running;
    const after = await fetch(`${server.url}/api/v1/translate`,
      { method: "POST", headers: { "content-type": "application/json" }, body: fs.readFileSync(body) });
    const refused = result.statuses["503"] ?? 0;
    report.pipeline = { rate: translationRate, seconds: 6, sent: result.sent, statuses: result.statuses,
      socket_errors: result.error_count, stages: stages.length, after_status: after.status };
    assert.equal(result.error_count, 0, `no socket errors: ${JSON.stringify(result.errors)}`);
    assert.deepEqual(Object.keys(result.statuses).filter((s) => s !== "200" && s !== "503"), [],
      `only 200 and 503: ${JSON.stringify(result.statuses)}`);
    // A pipeline holds one request at a time; a stage killed while its pipeline was idle can
    // still look alive (its exit not yet reaped) to the next request, which then fails too.
    assert.ok(refused <= 2, `at most the request the killed pipeline held, and one that met it, failed: ${refused}`);
    assert.ok((result.statuses["200"] ?? 0) >= result.sent - refused, "every other translation succeeded");
    assert.equal(after.status, 200, "translations go on after the kill");
  } finally {
    await server.stop("SIGTERM");
  }
});
