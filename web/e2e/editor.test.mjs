// End to end: Debian's chromium, driven by playwright-core, against the real C++ server
// serving the built app. Run by ctest with ATK_BINARY set; screenshots of the main views go
// to docs/screenshots/ for the README.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const screenshots = new URL("../../docs/screenshots/", import.meta.url);
let server;
let url;
let browser;

before(async () => {
  const binary = process.env.ATK_BINARY;
  assert.ok(binary, "set ATK_BINARY to the analyst-toolkit binary (ctest does)");
  server = spawn(binary, ["serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  url = await new Promise((resolve, reject) => {
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
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

/// Replaces the editor's text with `text`, as typing would.
async function typeInto(page, text) {
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

const editorText = (page) => page.locator(".cm-content").innerText();

test("findings appear as you type, a fix applies with a click, the draft survives a reload", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const failures = [];
  page.on("pageerror", (error) => failures.push(error.message));
  page.on("console", (message) => message.type() === "error" && failures.push(message.text()));
  await page.goto(url);
  await typeInto(page, "The sytem shall be user friendly.");

  const typo = page.locator(".cm-finding-typo", { hasText: "sytem" });
  await typo.waitFor({ timeout: 10000 });
  await page.locator(".cm-finding-wording", { hasText: "user friendly" }).waitFor();
  await page.locator(".panel", { hasText: "TYPOS" }).waitFor();

  await typo.hover();
  const fix = page.locator(".cm-tooltip-lint button", { hasText: /^system$/ });
  await fix.waitFor();
  await page.screenshot({ path: new URL("editor-findings.png", screenshots).pathname });
  await fix.click();
  assert.match(await editorText(page), /^The system shall be user friendly\.$/m);
  await page.locator(".cm-finding-typo").waitFor({ state: "detached", timeout: 10000 });

  // Ctrl-. applies the first fix of the finding at the cursor.
  await typeInto(page, "The sytem works.");
  await typo.waitFor({ timeout: 10000 });
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight"); // inside "sytem"
  await page.keyboard.press("Control+.");
  assert.equal(await editorText(page), "The system works.");
  await typeInto(page, "The system shall be user friendly.");

  await page.reload();
  await page.locator(".cm-content").waitFor();
  assert.match(await editorText(page), /The system shall be user friendly\./);
  assert.deepEqual(failures, [], "no script errors, no refused resources (CSP)");
  await context.close();
});

test("a word added to the glossary loses its underline; ignore hides a finding; all typos fixed at once, undone at once", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await typeInto(page, "Acmezon shall recieve every ordr in a timely manner.");
  const brand = page.locator(".cm-finding-typo", { hasText: "Acmezon" });
  await brand.waitFor({ timeout: 10000 });
  await brand.hover();
  await page.locator(".cm-tooltip-lint button", { hasText: "Add to glossary" }).click();
  await brand.waitFor({ state: "detached", timeout: 10000 });
  // The glossary dialog shows it; removing it there brings the underline back, re-adding too.
  await page.getByRole("button", { name: "Glossary" }).click();
  const dialog = page.getByRole("dialog", { name: "Glossary" });
  await dialog.getByText("Acmezon").waitFor();
  await page.screenshot({ path: new URL("glossary.png", screenshots).pathname });
  await dialog.getByRole("button", { name: "Remove Acmezon" }).click();
  await brand.waitFor({ timeout: 10000 });
  await dialog.getByLabel("Term").fill("Acmezon");
  await dialog.getByRole("button", { name: "Add" }).click();
  await dialog.getByRole("button", { name: "Close" }).click();
  await brand.waitFor({ state: "detached", timeout: 10000 });

  const vague = page.locator(".cm-finding-wording", { hasText: "timely manner" });
  await vague.waitFor();
  await vague.hover();
  await page.locator(".cm-tooltip-lint button", { hasText: "Ignore" }).click();
  await vague.waitFor({ state: "detached", timeout: 10000 });

  await page.locator(".cm-finding-typo", { hasText: "ordr" }).waitFor();
  // A category turned off loses its underlines, and comes back when turned on.
  await page.getByLabel("Show TYPOS").uncheck();
  await page.locator(".cm-finding-typo").first().waitFor({ state: "detached", timeout: 10000 });
  await page.getByLabel("Show TYPOS").check();
  await page.locator(".cm-finding-typo", { hasText: "ordr" }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: new URL("editor-panel.png", screenshots).pathname });
  await page.getByRole("button", { name: /Fix all typos \(2\)/ }).click();
  assert.equal(await editorText(page), "Acmezon shall receive every order in a timely manner.");
  await page.click(".cm-content");
  await page.keyboard.press("Control+Z");
  assert.equal(await editorText(page), "Acmezon shall recieve every ordr in a timely manner.");
  await context.close();
});

test("the translation appears beside the document, unknown words marked", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await typeInto(page, "# The house\n\nThe **red car** is big and the frobnicator is small.");
  await page.locator(".summary").waitFor({ timeout: 10000 });
  await page.getByRole("button", { name: "Translation" }).click();
  await page.getByLabel("Translate to").selectOption("es");
  await page.getByRole("button", { name: "Translate", exact: true }).click();
  const translated = page.locator(".translated");
  await translated.waitFor({ timeout: 15000 });
  assert.equal(
    await translated.innerText(),
    "# La casa\n\nEl **coche rojo** es grande y el frobnicator es pequeño.",
  );
  assert.equal(await translated.locator("mark").innerText(), "frobnicator");
  assert.match(await page.locator(".route").innerText(), /eng-spa/);
  await page.screenshot({ path: new URL("translation.png", screenshots).pathname });
  await context.close();
});

test("a file opens into the editor; a word's synonyms replace it with a click", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.setInputFiles("input[type=file]", {
    name: "spec.md",
    mimeType: "text/markdown",
    buffer: Buffer.from("The export shall be fast."),
  });
  assert.equal(await editorText(page), "The export shall be fast.");
  await page.locator(".summary").waitFor({ timeout: 10000 });
  await page.click(".cm-content");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft"); // after "fast"
  await page.keyboard.press("ArrowLeft"); // inside it: the word at the cursor is looked up
  await page.keyboard.press("Control+Shift+Y");
  await page.locator(".synonyms h2", { hasText: "fast" }).waitFor({ timeout: 10000 });
  const choices = page.locator(".synonyms button");
  await choices.first().waitFor({ timeout: 10000 });
  const synonym = await choices.first().innerText();
  await choices.first().click();
  assert.equal(await editorText(page), `The export shall be ${synonym}.`);

  await page.setInputFiles("input[type=file]", {
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50]),
  });
  assert.match(await page.getByRole("alert").innerText(), /photo\.png is not a Markdown or text file/);
  assert.equal(await editorText(page), `The export shall be ${synonym}.`, "nothing lost");
  await context.close();
});

test("a server that cannot be reached is said plainly, with what to do", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/api/v1/check", (route) => route.abort("connectionrefused"));
  await page.goto(url);
  await typeInto(page, "Anything at all.");
  const alert = page.getByRole("alert");
  await alert.waitFor({ timeout: 10000 });
  assert.match(await alert.innerText(), /cannot be reached.*analyst-toolkit serve/);
  await context.close();
});
