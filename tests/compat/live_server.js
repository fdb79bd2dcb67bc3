// The analyst-toolkit server as a client meets it: the real binary ($ATK_BINARY) on a free
// port, ready (dictionaries and rules loaded) before the first test, stopped with SIGTERM.
import { spawn } from "node:child_process";

const binary = process.env.ATK_BINARY;

/// Starts `analyst-toolkit serve --port PORT` (0, a free one, unless `port` is given; then
/// `options`, if any) and resolves once /readyz says ready to { url, child, exited, stop, log }:
/// exited resolves to how the process ended ({ code, signal }); stop(signal = "SIGTERM") sends
/// the signal and resolves to the exit code; log() is everything it wrote so far (request log
/// and messages). Rejects, with the server's own words, if it exits or is not ready within 20 s.
export async function startServer(options = [], { port = 0 } = {}) {
  if (!binary) {
    throw new Error("set ATK_BINARY to the analyst-toolkit binary (ctest does)");
  }
  const child = spawn(binary, ["serve", "--port", String(port), ...options], { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk)); // the request log, a JSON line each
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port announced:\n${log}`)), 20000);
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const found = log.match(/serving on (http:\/\/[\d.]+:\d+) /); // the whole port
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    exited.then(({ code, signal }) => reject(new Error(`the server exited (${code ?? signal}):\n${log}`)));
  });
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${url}/readyz`).catch(() => null);
    if (ready?.ok) break;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited before it was ready:\n${log}`);
    }
    if (tries > 200) throw new Error(`not ready after 20 s:\n${log}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
  const stop = async (signal = "SIGTERM") => {
    child.kill(signal);
    return (await exited).code;
  };
  return { url, child, exited, stop, log: () => log };
}

/// POSTs `parameters` form-encoded to `url`/v2/check, as LanguageTool clients do; the answer's
/// status and parsed JSON (or its text, when it is not JSON).
export async function checkForm(url, parameters) {
  const response = await fetch(`${url}/v2/check`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(parameters).toString(),
  });
  const text = await response.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, body };
}
