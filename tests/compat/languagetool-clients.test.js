// Clients written for LanguageTool, pointed at our server: annotatedtext-remark turns Markdown
// into the `data` parameter, and languagetool-api's query builder and result helpers
// (showMistakes, bestSuggestion) read our answers. Run by ctest (node --test).
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { build } from "annotatedtext-remark";
import languagetool from "languagetool-api";
import query from "languagetool-api/query.js";
import { checkForm, startServer } from "./live_server.js";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  assert.equal(await server.stop(), 0, "the server exits 0 on SIGTERM");
});

const spec = `---
title: Password reset
owner: recieve-team
---
# Password reset

The system shall send a *single-use* link to the registered adress within 30 seconds.

- The link shall **expire** after 24 hours and is never recieved twice.
- Store it in the \`resetTokn\` field; see [the guide](https://example.com/recieve-docs).

| Field | Rule |
|-------|------|
| email | must be registred |

\`\`\`js
const recieve = fetchTokn();
\`\`\`
`;

/// The plain text LanguageTool reads from an annotation: text, and markup as it is interpreted.
function plainText(annotation) {
  return annotation.annotation.map((piece) => piece.text ?? piece.interpretAs ?? "").join("");
}

/// The [start, end) ranges of the markup pieces in the original document.
function markupRanges(annotation) {
  const ranges = [];
  let at = 0;
  for (const piece of annotation.annotation) {
    const length = (piece.text ?? piece.markup).length;
    if (piece.markup !== undefined) ranges.push([at, at + length]);
    at += length;
  }
  return ranges;
}

const typos = (answer) => answer.matches.filter((match) => match.rule.issueType === "misspelling");

describe("annotatedtext-remark: Markdown sent as `data`", () => {
  test("offsets point into the Markdown document at the words the context shows", async () => {
    const data = build(spec);
    assert.equal(data.annotation.map((p) => p.text ?? p.markup).join(""), spec);
    const { status, body } = await checkForm(server.url, {
      language: "en-US",
      data: JSON.stringify(data),
    });
    assert.equal(status, 200, JSON.stringify(body));
    const found = typos(body).map((match) => spec.slice(match.offset, match.offset + match.length));
    assert.deepEqual(found, ["adress", "recieved", "registred"]);
    for (const match of typos(body)) {
      const { text, offset, length } = match.context;
      assert.equal(text.substr(offset, length), spec.slice(match.offset, match.offset + match.length));
    }
  });

  test("code spans, code blocks, URLs and front matter are never flagged", async () => {
    const data = build(spec);
    const { body } = await checkForm(server.url, { language: "en-US", data: JSON.stringify(data) });
    const markup = markupRanges(data);
    assert.ok(markup.length > 5, "the document has markup");
    for (const match of body.matches) {
      const inside = markup.some(([s, e]) => match.offset >= s && match.offset + match.length <= e);
      assert.ok(!inside, `${match.rule.id} flags markup: ${spec.slice(match.offset, match.offset + match.length)}`);
    }
  });

  test("a real specification gets the same findings as its plain text, mapped back", async () => {
    const markdown = readFileSync(new URL("../data/requirements-en.md", import.meta.url), "utf8");
    const data = build(markdown);
    const annotated = await checkForm(server.url, { language: "en-US", data: JSON.stringify(data) });
    const plain = await checkForm(server.url, { language: "en-US", text: plainText(data) });
    assert.equal(annotated.status, 200);
    assert.ok(annotated.body.matches.length >= 10, "the sample has findings");
    const summary = (answer) => answer.matches.map((m) => [m.rule.id, m.message, m.context.text]);
    assert.deepEqual(summary(annotated.body), summary(plain.body));
    for (const match of annotated.body.matches) {
      assert.ok(match.offset + match.length <= markdown.length);
    }
  });

  test("malformed `data` gets LanguageTool's plain-text error", async () => {
    const { status, body } = await checkForm(server.url, { language: "en-US", data: "{not json" });
    assert.equal(status, 400);
    assert.match(body, /^Error: /);
  });
});

describe("languagetool-api: query builder and result helpers", () => {
  /// GETs /v2/check the way the package's `check` does, on our server instead of the public one.
  async function check(parameters) {
    const response = await fetch(encodeURI(`${server.url}/v2/check` + query(parameters)));
    assert.equal(response.status, 200);
    return response.json();
  }

  test("showMistakes lists the misspelt words, UTF-16 offsets past an emoji included", async () => {
    const answer = await check({ language: "en-US", text: "The 🚀 sytem shall recieve the file." });
    const mistakes = await new Promise((done) => languagetool.showMistakes(answer, done));
    assert.deepEqual(mistakes, ["sytem", "recieve"]);
  });

  test("bestSuggestion gives the correction first", async () => {
    const answer = await check({ language: "en-US", text: "The sytem shall recieve the file." });
    const best = await new Promise((done) => languagetool.bestSuggestion(answer, done));
    assert.deepEqual(best, [
      { mistake: "sytem", bestSuggestion: "system" },
      { mistake: "recieve", bestSuggestion: "receive" },
    ]);
  });

  test("a list parameter (disabledRules) is honoured", async () => {
    const text = "The sytem shall recieve the file in a timely manner.";
    const all = await check({ language: "en-US", text });
    const ruleIds = [...new Set(all.matches.map((m) => m.rule.id))];
    assert.ok(ruleIds.length >= 2, `expected a typo and a vocabulary finding: ${ruleIds}`);
    const rest = await check({ language: "en-US", text, disabledRules: ruleIds.slice(1) });
    assert.deepEqual([...new Set(rest.matches.map((m) => m.rule.id))], ruleIds.slice(0, 1));
  });

  test("French is checked in French", async () => {
    const answer = await check({ language: "fr", text: "Le systeme doit enregistrer la commande." });
    const best = await new Promise((done) => languagetool.bestSuggestion(answer, done));
    assert.deepEqual(best, [{ mistake: "systeme", bestSuggestion: "système" }]);
  });
});
