// Shared by the end-to-end tests: the real C++ server serving the built app, and Debian's
// chromium driven by playwright-core. ATK_BINARY names the server (ctest sets it);
// ATK_STATIC_DIR, when set, the build of the app it serves (else the build's default).
import { spawn } from "node:child_process";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

/// Starts `analyst-toolkit serve` on a free port; its address once ready, and how to stop it.
export async function startServer() {
  const binary = process.env.ATK_BINARY;
  assert.ok(binary, "set ATK_BINARY to the analyst-toolkit binary (ctest does)");
  const staticDir = process.env.ATK_STATIC_DIR ? ["--static-dir", process.env.ATK_STATIC_DIR] : [];
  const server = spawn(binary, ["serve", "--port", "0", ...staticDir], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  const url = await new Promise((resolve, reject) => {
    server.stderr.on("data", (chunk) => {
      log += chunk;
      const found = log.match(/serving on (http:\/\/[\d.]+:\d+) with the web UI/);
      if (found) resolve(found[1]);
    });
    server.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
    setTimeout(() => reject(new Error(`no web UI served:\n${log}`)), 20000);
  });
  for (let i = 0; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); i++) {
    assert.ok(i < 200, "the server is not ready after 20 s");
    await new Promise((wake) => setTimeout(wake, 100));
  }
  return { url, stop: () => server.kill("SIGTERM") };
}

/// Debian's chromium, headless.
export function launchBrowser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}
