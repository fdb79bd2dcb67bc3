// End to end, a long document: the web app checks a specification of the CLI's size (10 MiB)
// in parts, and one of 1 MiB; a typo near the end is underlined, the panel counts every part's
// findings, and a typo typed at the top is flagged after one part is sent again. Run by ctest
// (web.e2e-large) with ATK_BINARY set. The waits are generous: the machine may be busy, and
// no time is asserted (bench/web-typing measures them).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, startServer } from "./support.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/// Long enough for the first check of 10 MiB on a busy machine (it takes 10 to 20 s on 2 busy
/// cores); ctest gives the whole file 600 s.
const patience = 180000;

/// A specification of about `bytes` bytes: sections with requirements, a list, a table and a
/// code block each; every `typoEvery`-th section has one typo ("recieve"), and the last
/// paragraph another ("ordr"). Returns the text and how many typos it has.
function specification(bytes, typoEvery = 50) {
  const sections = [];
  let size = 0;
  let typos = 0;
  for (let i = 1; size < bytes; i++) {
    const typo = i % typoEvery === 0;
    if (typo) typos++;
    const section = [
      `## Section ${i}`,
      "",
      `The system shall ${typo ? "recieve" : "receive"} order ${i} and store it within 30 seconds.`,
      `When a customer submits order ${i}, the order service shall send a confirmation e-mail.`,
      "",
      `- The operator shall be able to cancel order ${i}.`,
      `- The monthly report shall list order ${i}.`,
      "",
      "| Field | Meaning |",
      "|---|---|",
      `| id | The number of order ${i} |`,
      "",
      "```",
      `order = load(${i})`,
      "",
      "save(order)",
      "```",
      "",
    ].join("\n");
    sections.push(section);
    size += Buffer.byteLength(section) + 1;
  }
  const text = `# Order service\n\n${sections.join("\n")}\nThe archive shall keep every ordr for ten years.\n`;
  return { text, typos: typos + 1 };
}

/// The count the panel shows for a category, or undefined while it has none.
async function categoryCount(page, category) {
  const [count] = await page.locator(".panel h2", { hasText: category }).locator(".count").allInnerTexts();
  return count === undefined ? undefined : Number(count);
}

/// Waits until the panel counts `expected` findings of `category`.
async function untilCounted(page, category, expected) {
  const started = Date.now();
  for (;;) {
    // Any error but the one a 10 MiB draft rightly gets: the browser cannot keep it.
    const alerts = await page.getByRole("alert").allInnerTexts();
    const errors = alerts.map((a) => a.replace(/This browser is not keeping your draft[^.]*\./, "").trim());
    assert.deepEqual(errors.filter(Boolean), [], "the panel says so");
    if ((await categoryCount(page, category)) === expected) return;
    assert.ok(Date.now() - started < patience, `${category}: ${await categoryCount(page, category)} found, ${expected} expected`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
}

for (const [name, bytes] of [["1 MiB", 1 << 20], ["10 MiB", 10 << 20]]) {
  test(`a ${name} document is checked whole, in parts: findings to its end, a new typo flagged`, { timeout: 280000 }, async () => {
    const { text, typos } = specification(bytes);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const failures = [];
    page.on("pageerror", (error) => failures.push(error.message));
    await page.goto(server.url);
    await page.locator(".summary").waitFor({ timeout: 30000 }); // the sample, checked
    await page.setInputFiles("input[type=file]", {
      name: "order-service.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(text),
    });

    // Every part's typos, counted in the panel; the summary counts every finding.
    await untilCounted(page, "Spelling", typos);
    const categories = page.locator(".panel h2", { has: page.locator("input[type=checkbox]") });
    const counts = await categories.locator(".count").allInnerTexts();
    const total = counts.map(Number).filter(Number.isFinite).reduce((a, b) => a + b, 0);
    assert.match(await page.locator(".summary").innerText(), new RegExp(`^${total} findings in \\d+ words`));

    // The typo near the end, underlined where it is.
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await page.locator(".cm-finding-typo", { hasText: "ordr" }).waitFor({ timeout: 30000 });

    // A typo typed at the top is flagged, after the part it is in alone is sent again; the
    // one at the end is still underlined at its place, every position after the top moved.
    const sent = [];
    page.on("request", (request) => request.url().endsWith("/api/v1/check") && sent.push(request));
    await page.keyboard.press("Control+Home");
    await page.keyboard.insertText("The sytem shall start. ");
    await page.locator(".cm-finding-typo", { hasText: "sytem" }).waitFor({ timeout: patience });
    await untilCounted(page, "Spelling", typos + 1);
    assert.ok(sent.length >= 1 && sent.length <= 2, `${sent.length} parts sent again after one edit`);
    await page.keyboard.press("Control+End");
    await page.locator(".cm-finding-typo", { hasText: "ordr" }).waitFor({ timeout: 30000 });
    assert.match(await page.locator(".cm-content").innerText(), /The archive shall keep every ordr for ten years\./);
    assert.deepEqual(failures, [], "no script errors");
    await context.close();
  });
}
