#!/usr/bin/env node
// A load generator for bench/reliability and the fault tests: either closed (N clients, each
// sending its next request when the last is answered: what the server can do) or open (R
// requests a second on a schedule, whatever the answers: what an overload is). Latency is timed
// from when a request was due, not from when it could be sent, so that a server that falls
// behind is not flattered (coordinated omission). wrk cannot send at a fixed rate, hence this.
//
//   node bench/load.mjs --url URL [--path P] [--body-file F] [--content-type T]
//        (--closed N | --rate R) --seconds S [--timeout-ms MS] [--connections MAX]
//        [--local-address A] [--ca FILE] [--rss-pid PID] [--window-seconds W]
//
// Prints one JSON object: the totals (sent, by status, errors by kind, latency percentiles of
// the 2xx answers, of the 503 and 429 ones (also timed from when each was really sent), of all
// answers, and how late the generator itself was in sending: when it is far behind, the
// machine is out of CPU for it and the figures timed from the schedule say so), a series with
// one entry per window of W seconds (1 unless given), each request counted in the window it was
// due in, with the same figures, and the server's resident memory each second when --rss-pid is
// given.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';

function usage(message) {
  process.stderr.write(`load.mjs: ${message}\n(see the header of bench/load.mjs)\n`);
  process.exit(2);
}

function parseArguments(argv) {
  const options = {
    path: '/', contentType: 'application/json', timeoutMs: 10_000, connections: 4096, windowSeconds: 1,
  };
  const names = {
    '--url': 'url', '--path': 'path', '--body-file': 'bodyFile', '--content-type': 'contentType',
    '--closed': 'closed', '--rate': 'rate', '--seconds': 'seconds', '--timeout-ms': 'timeoutMs',
    '--connections': 'connections', '--local-address': 'localAddress', '--ca': 'ca',
    '--rss-pid': 'rssPid', '--window-seconds': 'windowSeconds',
  };
  const numeric = new Set(['closed', 'rate', 'seconds', 'timeoutMs', 'connections', 'rssPid', 'windowSeconds']);
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]];
    if (!name) usage(`unknown option ${argv[i]}`);
    if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`);
    const value = argv[i + 1];
    if (numeric.has(name)) {
      const number = Number(value);
      if (!Number.isFinite(number) || number <= 0) usage(`${argv[i]} wants a positive number`);
      options[name] = number;
    } else {
      options[name] = value;
    }
  }
  if (!options.url) usage('--url is needed');
  if (!options.seconds) usage('--seconds is needed');
  if (!options.closed === !options.rate) usage('give one of --closed N and --rate R');
  return options;
}

/// The p-th percentile (0-100) of sorted numbers, or null for none.
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  const round = (value) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    count: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p90_ms: round(percentile(sorted, 90)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.length ? sorted[sorted.length - 1] : null),
  };
}

/// Counts of one second's (or the whole run's) answers.
class Tally {
  constructor() {
    this.sent = 0;
    this.statuses = {};
    this.errors = {};
    this.ok = [];
    this.refused = []; // 503 and 429: load shed
    this.refusedService = []; // the same, timed from when each was sent
    this.lag = []; // how late the generator itself sent each request
    this.all = [];
  }
  answered(status, ms, serviceMs) {
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    this.all.push(ms);
    if (status >= 200 && status < 300) this.ok.push(ms);
    if (status === 503 || status === 429) {
      this.refused.push(ms);
      this.refusedService.push(serviceMs);
    }
  }
  failed(kind) {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
  }
  report() {
    const errors = Object.values(this.errors).reduce((a, b) => a + b, 0);
    return {
      sent: this.sent,
      statuses: this.statuses,
      errors: this.errors,
      error_count: errors,
      ok: summary(this.ok),
      refused: summary(this.refused),
      refused_from_send: summary(this.refusedService),
      generator_lag: summary(this.lag),
      all: summary(this.all),
    };
  }
}

function residentMegabytes(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null;
  } catch {
    return null; // the process is gone
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const target = new URL(options.path, options.url);
  const secure = target.protocol === 'https:';
  const body = options.bodyFile ? fs.readFileSync(options.bodyFile) : null;
  const agent = new (secure ? https : http).Agent({
    keepAlive: true,
    maxSockets: options.closed ?? options.connections,
    localAddress: options.localAddress,
    ca: options.ca ? fs.readFileSync(options.ca) : undefined,
  });
  const total = new Tally();
  const windows = [];
  const windowMs = options.windowSeconds * 1000;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const lastWindow = Math.ceil(options.seconds / options.windowSeconds) - 1;
  // `offset` is ms since the start; a scheduled request's offset is computed exactly from its
  // index, so the ones due on a window's boundary fall into that window, not the one before.
  const tallyAt = (offset) => {
    const index = Math.min(Math.floor(offset / windowMs), lastWindow);
    while (windows.length <= index) windows.push(new Tally());
    return windows[index];
  };

  // One request due `offset` ms after the start; resolves when it is answered or has failed.
  const send = (offset) => new Promise((resolve) => {
    const due = started + offset;
    const window = tallyAt(offset);
    const sentAt = performance.now();
    total.sent += 1;
    window.sent += 1;
    total.lag.push(sentAt - due);
    window.lag.push(sentAt - due);
    const request = (secure ? https : http).request(target, {
      method: body ? 'POST' : 'GET',
      agent,
      headers: body ? { 'Content-Type': options.contentType, 'Content-Length': body.length } : {},
      timeout: options.timeoutMs,
    }, (response) => {
      response.resume();
      response.on('end', () => {
        const now = performance.now();
        total.answered(response.statusCode, now - due, now - sentAt);
        window.answered(response.statusCode, now - due, now - sentAt);
        resolve();
      });
      response.on('error', () => fail('reset'));
    });
    let failed = false;
    const fail = (kind) => {
      if (failed) return;
      failed = true;
      total.failed(kind);
      window.failed(kind);
      resolve();
    };
    request.on('timeout', () => { request.destroy(new Error('timeout')); fail('timeout'); });
    request.on('error', (error) => fail(error.message === 'timeout' ? 'timeout'
      : (error.code ?? 'error').toLowerCase()));
    request.end(body ?? undefined);
  });

  const memory = [];
  const sampler = options.rssPid
    ? setInterval(() => memory.push(residentMegabytes(options.rssPid)), 1000) : null;

  if (options.closed) {
    const client = async () => {
      while (performance.now() < end) await send(performance.now() - started);
    };
    await Promise.all(Array.from({ length: options.closed }, client));
  } else {
    // Open loop: every millisecond or so, send whatever has fallen due since the last tick.
    const inFlight = new Set();
    let due = 0;
    await new Promise((resolve) => {
      const tick = () => {
        const now = performance.now();
        // Once the time is up, exactly seconds x rate requests have been sent, never one short.
        const shouldHaveSent = now >= end ? Math.floor(options.seconds * options.rate)
          : Math.floor(((now - started) / 1000) * options.rate);
        for (; due < shouldHaveSent; due += 1) {
          const promise = send((due * 1000) / options.rate);
          inFlight.add(promise);
          promise.then(() => inFlight.delete(promise));
        }
        if (now < end) setTimeout(tick, 1); else resolve();
      };
      tick();
    });
    await Promise.all(inFlight);
  }
  if (sampler) clearInterval(sampler);
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({
    mode: options.closed ? `closed, ${options.closed} clients` : `open, ${options.rate}/s`,
    seconds: Math.round(elapsed * 100) / 100,
    answered_per_second: Math.round((total.all.length / elapsed) * 10) / 10,
    ok_per_second: Math.round((total.ok.length / elapsed) * 10) / 10,
    ...total.report(),
    rss_mb: memory,
    series: windows.map((tally, index) => ({ second: index * options.windowSeconds, ...tally.report() })),
  })}\n`);
}

main().catch((error) => {
  process.stderr.write(`load.mjs: ${error.stack ?? error}\n`);
  process.exit(1);
});
