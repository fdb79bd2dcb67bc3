// The analyst-toolkit server as a client meets it: the real binary ($ATK_BINARY) on a free
// port, ready (dictionaries and rules loaded) before the first test, stopped with SIGTERM.
import { spawn } from "node:child_process";

const binary = process.env.ATK_BINARY;

/// Starts `analyst-toolkit serve --port 0` (then `options`, if any) and resolves to { url, stop, log } once /readyz
/// says ready (log(): everything it wrote so far, request log and messages); rejects, with the server's own
/// words, if it exits or is not ready within 20 s.
export async function startServer(options = []) {
  if (!binary) {
    throw new Error("set ATK_BINARY to the analyst-toolkit binary (ctest does)");
  }
  const child = spawn(binary, ["serve", "--port", "0", ...options], { stdio: ["ignore", "pipe", "pipe"] });
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
    child.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
  });
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${url}/readyz`).catch(() => null);
    if (ready?.ok) break;
    if (tries > 200) throw new Error(`not ready after 20 s:\n${log}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
  const stop = () =>
    new Promise((resolve) => {
      child.once("exit", (code) => resolve(code));
      child.kill("SIGTERM");
    });
  return { url, stop, log: () => log };
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
