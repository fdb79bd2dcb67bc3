// End to end: Debian's chromium, driven by playwright-core, against the real C++ server
// serving the built app. Run by ctest with ATK_BINARY set; screenshots of the main views go
// to docs/screenshots/ for the README.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, startServer } from "./support.mjs";

const screenshots = new URL("../../docs/screenshots/", import.meta.url);
let server;
let url;
let browser;

before(async () => {
  server = await startServer();
  url = server.url;
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/// Replaces the editor's text with `text`, as typing would.
async function typeInto(page, text) {
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

/// axe-core's WCAG 2.1 A and AA checks, and its best practices, on the page as it is now:
/// each violation with the elements at fault. The page needs `bypassCSP`, as its CSP rightly
/// refuses the injected script.
async function accessibilityViolations(page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
  const { violations } = await page.evaluate((runOnly) => axe.run(document, { runOnly }), tags);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/// The accessible name of the focused element, as a screen reader would announce it.
async function focusedName(page) {
  return page.locator(":focus").evaluate((element) => {
    // A label's own words, not those of the control inside it (a menu's options).
    const label = element.labels?.[0]?.childNodes;
    const labelText = label && [...label].filter((node) => node.nodeType === Node.TEXT_NODE);
    const name = element.getAttribute("aria-label") ?? labelText?.map((node) => node.textContent).join("");
    return (name ?? element.textContent ?? "").replace(/\s+/g, " ").trim();
  });
}

const editorText = (page) => page.locator(".cm-content").innerText();

/// The editor's text once it has become `expected` (within 10 s), or as it is then: for changes
/// that arrive asynchronously, like a file being read.
async function editorTextOnceItIs(page, expected) {
  await page.waitForFunction((text) => document.querySelector(".cm-content")?.innerText === text,
    expected, { timeout: 10000 }).catch(() => {});
  return editorText(page);
}

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
  await page.locator(".panel", { hasText: "Spelling" }).waitFor();

  await typo.hover();
  const fix = page.locator(".cm-tooltip-lint button", { hasText: /^system$/ });
  await fix.waitFor();
  // The card opens below the word: the lines above it stay readable.
  const word = await typo.boundingBox();
  const card = await page.locator(".cm-tooltip-lint").boundingBox();
  assert.ok(card.y >= word.y + word.height - 1, `the card (top ${card.y}) is below the word (bottom ${word.y + word.height})`);
  assert.equal(await page.locator(".cm-tooltip-lint").count(), 1, "one card, not CodeMirror's as well");
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
  await page.getByRole("button", { name: "Glossary", exact: true }).click();
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
  // Focus is back in the editor: Ctrl-Z at once takes the fixes back.
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
  // Translated at once, into Spanish: the browser's language (English) is the document's.
  assert.equal(await page.getByLabel("Translate to").inputValue(), "es");
  // Rendered as the reader will see it: a heading, the emphasis kept, the unknown word marked.
  const translated = page.getByRole("region", { name: "Translated document" });
  await translated.waitFor({ timeout: 15000 });
  assert.equal(await translated.getByRole("heading", { level: 1 }).innerText(), "La casa");
  assert.equal(await translated.locator("strong").innerText(), "coche rojo");
  assert.equal(await translated.locator("mark").innerText(), "frobnicator");
  assert.match(await page.locator(".route").innerText(), /eng-spa/);
  await page.screenshot({ path: new URL("translation.png", screenshots).pathname });
  // The Markdown itself, as Copy and Download give it.
  await page.getByLabel("Markdown", { exact: true }).check();
  const source = page.getByRole("region", { name: "Translated Markdown" });
  assert.equal(await source.innerText(), "# La casa\n\nEl **coche rojo** es grande y el frobnicator es pequeño.");
  assert.equal(await source.locator("mark").innerText(), "frobnicator");
  await page.getByLabel("Markdown", { exact: true }).uncheck();

  // It follows the document: out of date at once after an edit, then translated again.
  const freshness = page.locator(".freshness");
  assert.match(await freshness.innerText(), /Up to date/);
  await page.click(".cm-content");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" The dog is happy.");
  await page.locator(".freshness.stale", { hasText: "Out of date" }).waitFor({ timeout: 5000 });
  await page.locator(".freshness:not(.stale)", { hasText: "Up to date" }).waitFor({ timeout: 15000 });
  assert.match(await translated.innerText(), /El perro es feliz\./);
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
  assert.equal(await editorTextOnceItIs(page, "The export shall be fast."), "The export shall be fast.");
  await page.locator(".summary").waitFor({ timeout: 10000 });
  await page.click(".cm-content");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft"); // after "fast"
  await page.keyboard.press("ArrowLeft"); // inside it: the word at the cursor is looked up
  await page.keyboard.press("Control+Shift+Y");
  await page.locator(".synonyms h2", { hasText: "fast" }).waitFor({ timeout: 10000 });
  const choices = page.locator(".synonyms button");
  await choices.first().waitFor({ timeout: 10000 });
  // Each synonym once, never an antonym; the adjective's senses first, as "fast" is used here.
  const offered = await choices.allInnerTexts();
  assert.equal(new Set(offered.map((w) => w.toLowerCase())).size, offered.length, `no duplicates: ${offered}`);
  assert.ok(!offered.includes("slow"), "no antonym");
  assert.match(await page.locator(".synonyms .sense").first().innerText(), /^adj/);
  assert.match(await page.locator(".synonyms .sense").first().innerText(), /as used here/);
  const synonym = await choices.first().innerText();
  await choices.first().click();
  assert.equal(await editorText(page), `The export shall be ${synonym}.`);

  // Save names the document: the file it came from, then, once other text replaced it all,
  // its first heading.
  const saved = async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save" }).click();
    return (await download).suggestedFilename();
  };
  assert.equal(await saved(), "spec.md");
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("# Card payments\n\nThe system shall accept cards.");
  assert.equal(await saved(), "card-payments.md");

  await page.setInputFiles("input[type=file]", {
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50]),
  });
  assert.match(await page.getByRole("alert").innerText(), /photo\.png is not a Markdown or text file/);
  assert.match(await editorText(page), /^# Card payments\n+The system shall accept cards\.$/, "nothing lost");
  await context.close();
});

/// A few sentences of specification in each language the server may have installed.
const sentences = {
  en: "The system shall send the report every day. The report lists the orders.",
  fr: "Le système doit envoyer le rapport chaque jour. Les utilisateurs consultent l'historique des commandes.",
  es: "El sistema deberá enviar el informe cada día. Los usuarios consultan el historial de pedidos.",
  de: "Das System muss den Bericht jeden Tag senden. Die Benutzer sehen die Bestellungen.",
};

test("every installed language renders its answer (French's null grade too), and survives a reload", async () => {
  const installed = await fetch(`${url}/api/v1/languages`).then((r) => r.json());
  assert.ok(installed.languages.length >= 4, "en, fr, es and de are installed by make deps");
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const failures = [];
  page.on("pageerror", (error) => failures.push(error.message));
  await page.goto(url);
  for (const { code } of installed.languages) {
    const text = sentences[code.split("-")[0]];
    assert.ok(text, `a sentence for ${code}: add one to this test`);
    await page.getByLabel("Language").selectOption(code);
    await typeInto(page, text);
    await page.locator(".readability").waitFor({ timeout: 10000 });
    await page.waitForFunction((c) => document.querySelector(".summary")?.textContent?.includes("words"), code);
    assert.match(await editorText(page), new RegExp(text.slice(0, 20)), `${code}: the document is shown`);
  }
  // French last is what blanked the page for good: the draft is kept, and shown again.
  await page.getByLabel("Language").selectOption("fr-FR");
  await typeInto(page, sentences.fr);
  await page.locator(".readability").waitFor({ timeout: 10000 });
  await page.reload();
  await page.locator(".readability").waitFor({ timeout: 10000 });
  assert.equal(await editorText(page), sentences.fr);
  assert.deepEqual(failures, [], "no script errors");
  await context.close();
});

test("a broken part of the page leaves the document, a plain message and the ways out", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // An answer no server of ours gives (a proxy's, say): the reading ease is not a number.
  const broken = { language: "en-US", language_detected: false, words: 3, matches: [],
    readability: { sentences: 1, words: 3, syllables: 4, reading_ease: "easy", grade: null } };
  await page.route("**/api/v1/check", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(broken) }));
  await page.goto(url);
  await typeInto(page, "Anything at all.");
  const alert = page.getByRole("alert", { name: "The findings panel failed" });
  await alert.waitFor({ timeout: 10000 });
  assert.match(await alert.innerText(), /could not be shown.*Your document is safe/s);
  assert.equal(await editorText(page), "Anything at all.", "the document stays, and can be edited");
  await page.keyboard.type(" More.");
  assert.equal(await editorText(page), "Anything at all. More.");
  // With the real server again, the panel comes back when asked.
  await page.unroute("**/api/v1/check");
  await alert.getByRole("button", { name: "Show it again" }).click();
  await page.locator(".summary").waitFor({ timeout: 10000 });
  await context.close();
});

test("Fix all changes only what check --fix would: nothing in a German text it is not sure of", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("Language").selectOption("de-DE");
  const text = "Die Bestätigungs-E-Mail enthält das Pasword.";
  await typeInto(page, text);
  await page.locator(".cm-finding-typo", { hasText: "Pasword" }).waitFor({ timeout: 10000 });
  assert.equal(await page.locator(".cm-finding-typo").count(), 1, "the compound is a German word");
  assert.equal(await page.getByRole("button", { name: /^Fix all typos/ }).isDisabled(), true);
  assert.equal(await editorText(page), text);
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

test("a browser that will not keep the draft says so, and the editor still works", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const page = await context.newPage();
  await page.goto(url);
  await typeInto(page, "The sytem shall start.");
  const alert = page.getByRole("alert");
  await alert.waitFor({ timeout: 10000 });
  assert.match(await alert.innerText(), /not keeping your draft.*save the document/);
  await page.locator(".cm-finding-typo", { hasText: "sytem" }).waitFor({ timeout: 10000 });
  assert.equal(await editorText(page), "The sytem shall start.");
  await context.close();
});

test("a whole specification: every main view passes axe's WCAG 2.1 AA checks", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.setInputFiles("input[type=file]", {
    name: "order-service.md",
    mimeType: "text/markdown",
    buffer: readFileSync(new URL("fixtures/order-service.md", import.meta.url)),
  });
  const typo = page.locator(".cm-finding-typo", { hasText: "recieves" });
  await typo.waitFor({ timeout: 10000 });
  await page.locator(".panel", { hasText: "Requirements" }).waitFor();
  await page.screenshot({ path: new URL("editor-document.png", screenshots).pathname });
  assert.deepEqual(await accessibilityViolations(page), [], "the editor and its panel");

  await typo.hover();
  await page.locator(".cm-tooltip-lint button", { hasText: "receives" }).waitFor();
  const vague = page.locator(".cm-finding-wording", { hasText: "user friendly" });
  await page.mouse.move(0, 0);
  await vague.hover();
  const source = page.locator(".cm-tooltip-lint a", { hasText: "Source: www.iso.org" });
  await source.waitFor();
  assert.match(await source.getAttribute("href"), /^https:\/\/www\.iso\.org\//);
  await page.screenshot({ path: new URL("editor-wording-card.png", screenshots).pathname });
  assert.deepEqual(await accessibilityViolations(page), [], "a finding's hover card");
  await page.mouse.move(0, 0);

  await page.getByRole("button", { name: "Translation" }).click();
  await page.getByLabel("Translate to").selectOption("fr");
  await page.getByRole("button", { name: "Translate", exact: true }).click();
  const translated = page.getByRole("region", { name: "Translated document" });
  await translated.locator("table").waitFor({ timeout: 20000 });
  await page.screenshot({ path: new URL("translation-document.png", screenshots).pathname });
  assert.deepEqual(await accessibilityViolations(page), [], "the translation beside the document");

  await page.getByRole("button", { name: "Glossary", exact: true }).click();
  await page.getByRole("dialog", { name: "Glossary" }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], "the glossary dialog");
  await context.close();
});

for (const [width, height] of [[1366, 768], [1920, 1080]]) {
  test(`the page at ${width}x${height}: a readable measure, a steady toolbar, panes that resize`, async () => {
    const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(url);
    // An empty document says what to do.
    await typeInto(page, "");
    assert.match(await page.locator(".cm-placeholder").innerText(), /Type or paste a specification/);
    await page.screenshot({ path: new URL(`empty-${width}.png`, screenshots).pathname });

    await page.setInputFiles("input[type=file]", {
      name: "order-service.md",
      mimeType: "text/markdown",
      buffer: readFileSync(new URL("fixtures/order-service.md", import.meta.url)),
    });
    await page.locator(".cm-finding-typo", { hasText: "recieves" }).waitFor({ timeout: 10000 });
    await page.locator(".requirements").waitFor({ timeout: 10000 });
    const toolbar = await page.locator(".toolbar").boundingBox();
    assert.ok(toolbar.height < 64, `the toolbar is one row (${toolbar.height} px)`);
    const content = await page.locator(".cm-content").boundingBox();
    const editor = await page.locator(".editor").boundingBox();
    assert.ok(content.width <= 900, `lines of about 80 characters (${content.width} px)`);
    if (editor.width > 1000) {
      const gutter = await page.locator(".cm-gutters").boundingBox();
      const left = content.x - (gutter.x + gutter.width);
      const right = editor.x + editor.width - (content.x + content.width);
      assert.ok(Math.abs(left - right) < 40, `the text is centred (${left} / ${right})`);
    }
    // The Fix all button keeps its width whatever its count, so the toolbar never shifts.
    const fixAll = page.locator(".fix-all");
    const before = (await fixAll.boundingBox()).width;
    await page.locator(".cm-finding-typo", { hasText: "recieves" }).hover();
    await page.locator(".cm-tooltip-lint button", { hasText: "receives" }).click();
    await page.waitForFunction((w) => document.querySelector(".fix-all")?.getBoundingClientRect().width === w, before, { timeout: 10000 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: new URL(`editor-${width}.png`, screenshots).pathname });
    assert.deepEqual(await accessibilityViolations(page), [], "the editor");

    // The translation beside it leaves the document a usable width, and the split moves.
    await page.getByRole("button", { name: "Translation" }).click();
    await page.getByRole("region", { name: "Translated document" }).locator("table").waitFor({ timeout: 20000 });
    const shared = (await page.locator(".editor").boundingBox()).width;
    assert.ok(shared >= 540, `the document keeps ${shared} px beside the translation`);
    await page.screenshot({ path: new URL(`translation-${width}.png`, screenshots).pathname });
    assert.deepEqual(await accessibilityViolations(page), [], "the translation beside the document");
    const splitter = page.getByRole("separator", { name: "Resize the document and its translation" });
    await splitter.focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    assert.ok((await page.locator(".editor").boundingBox()).width < shared - 20, "the arrow keys resize the panes");
    const box = await splitter.boundingBox();
    await page.mouse.move(box.x + 3, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 203, box.y + 200, { steps: 5 });
    await page.mouse.up();
    assert.ok((await page.locator(".editor").boundingBox()).width > shared, "dragging resizes them");
    await context.close();
  });
}

test("keyboard only: Tab walks toolbar, editor and panel in reading order; F8 finds a finding, Ctrl-. fixes it", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await typeInto(page, "The sytem shall be user friendly.");
  // The findings of this text, not of the sample it replaced (which has a vague term too).
  await page.locator(".panel button", { hasText: '"sytem"' }).waitFor({ timeout: 10000 });

  await page.locator("h1").click(); // nothing focused: Tab starts at the top
  const order = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    order.push(await focusedName(page));
  }
  assert.deepEqual(order, [
    "Language",
    "Fix all typos (1)",
    "Open…",
    "Save",
    "Synonyms",
    "Glossary",
    "Translation",
    "Document",
    "Show TYPOS",
    'Possible spelling mistake: "sytem" Line 1 The sytem shall be user friendly.',
    "Show VAGUENESS",
    '"user friendly" is an opinion: state the measurable quality you need. Line 1 The sytem shall be user friendly.',
  ]);

  await page.locator(".cm-content").focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("F8"); // to the first finding
  await page.keyboard.press("Control+.");
  assert.equal(await editorText(page), "The system shall be user friendly.");
  await context.close();
});
