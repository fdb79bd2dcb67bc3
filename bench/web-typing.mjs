// Typing in the web app with a 1,000-line document: how long each keystroke takes to reach
// the screen (keydown to the next frame after the editor's DOM changed), and how long the
// findings of the whole document take to come back after typing stops. Run by bench/web-typing.
import { createRequire } from "node:module";

// playwright-core is the web app's test dependency: take it from web/node_modules.
const { chromium } = createRequire(new URL("../web/package.json", import.meta.url))("playwright-core");

const [url, linesArg, keysArg] = process.argv.slice(2);
const lines = Number(linesArg);
const keys = Number(keysArg);

/// A specification of `lines` lines: requirements, headings, blank lines, a few typos.
function document(count) {
  const out = [];
  for (let i = 0; out.length < count; i++) {
    if (i % 20 === 0) out.push(`## Section ${i / 20 + 1}`, "");
    out.push(
      i % 7 === 0
        ? `The system shall recieve order ${i} and store it within ${i % 60} seconds.`
        : `When a customer submits order ${i}, the Order Service shall send a confirmation e-mail.`,
    );
  }
  return out.slice(0, count).join("\n");
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
const text = document(lines);
await page.addInitScript((draft) => localStorage.setItem("analyst-toolkit.draft", draft), text);
await page.goto(url);
await page.locator(".summary").waitFor({ timeout: 60000 }); // the first check of the document

// To the end of the document (CodeMirror draws only the lines in view), on a new line.
await page.click(".cm-content");
await page.keyboard.press("Control+End");
await page.keyboard.press("Enter");
// Each keystroke's latency, measured in the page: keydown to the frame after the change.
await page.evaluate(() => {
  window.latencies = [];
  const content = document.querySelector(".cm-content");
  let pressed = 0;
  content.addEventListener("keydown", () => (pressed = performance.now()), true);
  new MutationObserver(() => {
    if (pressed === 0) return;
    const start = pressed;
    pressed = 0;
    requestAnimationFrame(() => window.latencies.push(performance.now() - start));
  }).observe(content, { childList: true, subtree: true, characterData: true });
});
const typed = "The operator shall be able to cancel it. ".repeat(Math.ceil(keys / 41)).slice(0, keys);
for (const key of typed) {
  await page.keyboard.type(key);
}
const typingEnded = Date.now();
const summary = page.locator(".summary");
const before = await summary.innerText();
// The findings of the changed document: wait until the panel's summary changes (polled from
// here: the page's CSP forbids the eval that waitForFunction needs).
while ((await summary.innerText()) === before) {
  if (Date.now() - typingEnded > 60000) throw new Error("no findings 60 s after typing stopped");
  await new Promise((wake) => setTimeout(wake, 10));
}
const checkBack = Date.now() - typingEnded;
const latencies = (await page.evaluate(() => window.latencies)).sort((a, b) => a - b);
await browser.close();
console.log(
  JSON.stringify({
    lines,
    bytes: Buffer.byteLength(text),
    keys: latencies.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1],
    check_ms: checkBack,
  }),
);
