// Typing in the web app with a long document: how long each keystroke takes to reach the
// screen (keydown to the next frame after the editor's DOM changed), how long the findings
// of the whole document take to come back after opening it and after typing stops, and the
// longest time the page's main thread was busy at once while they came back. Run by
// bench/web-typing; prints one line of JSON.
import { createRequire } from "node:module";

// playwright-core is the web app's test dependency: take it from web/node_modules.
const { chromium } = createRequire(new URL("../web/package.json", import.meta.url))("playwright-core");

const [url, linesArg, keysArg] = process.argv.slice(2);
const lines = Number(linesArg);
const keys = Number(keysArg);
/// Longest wait for the findings, in ms: the 10 MiB document's first check takes seconds.
const patience = 300000;

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
const sleep = (ms) => new Promise((wake) => setTimeout(wake, ms));

/// Waits until `read()` differs from `before`; the milliseconds it took from `since`. Polled
/// from here: the page's CSP forbids the eval that waitForFunction needs.
async function changed(read, before, since, what) {
  while ((await read()) === before) {
    if (Date.now() - since > patience) throw new Error(`${what}: nothing after ${patience} ms`);
    await sleep(10);
  }
  return Date.now() - since;
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
const text = document(lines);
await page.goto(url);
const summary = page.locator(".summary");
await summary.waitFor({ timeout: 60000 }); // the sample's findings: the page is ready
// The document opened as a file (a draft over 5 M characters does not fit the browser's
// storage, so it cannot come from there), timed until the panel shows its findings.
// Timed from when the page has the file (handing it over takes playwright seconds at 10 MiB).
const sampleSummary = await summary.innerText();
await page.setInputFiles("input[type=file]", {
  name: "specification.md",
  mimeType: "text/markdown",
  buffer: Buffer.from(text),
});
const opened = Date.now();
const firstCheck = await changed(() => summary.innerText(), sampleSummary, opened, "the first check");

// To the end of the document (CodeMirror draws only the lines in view), on a new line.
await page.click(".cm-content");
await page.keyboard.press("Control+End");
await page.keyboard.press("Enter");
// Each keystroke's latency, measured in the page: keydown to the frame after the change;
// and the main thread's long tasks (over 50 ms), to find the longest after typing stops.
await page.evaluate(() => {
  window.latencies = [];
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.longTasks.push([task.startTime, task.duration]);
  }).observe({ type: "longtask" });
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
const typingEndedInPage = await page.evaluate(() => performance.now());
const before = await summary.innerText();
// The findings of the changed document: until the panel's summary changes.
const checkBack = await changed(() => summary.innerText(), before, typingEnded, "the check after typing");
await sleep(200); // the frame that shows them, and what runs right after
const latencies = (await page.evaluate(() => window.latencies)).sort((a, b) => a - b);
const longTasks = await page.evaluate(() => window.longTasks);
const longestAfter = Math.max(0, ...longTasks.filter(([start]) => start >= typingEndedInPage).map(([, d]) => d));
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
    first_check_ms: firstCheck,
    longest_task_ms: Math.round(longestAfter),
  }),
);
