import { describe, expect, it } from "vitest";
import { cutIntoParts, defaultCut, utf8Bytes, type CutOptions, type Part } from "./parts";

/// Small budgets, so that a few lines make a long document.
const small: CutOptions = { budget: 200, target: 100 };

const textOf = (text: string, part: Part) => text.slice(part.from, part.to);

/// The parts tile the text: each starts where the one before ends, none is empty.
function expectTiling(text: string, parts: Part[]) {
  expect(parts[0].from).toBe(0);
  expect(parts[parts.length - 1].to).toBe(text.length);
  for (let i = 1; i < parts.length; i++) expect(parts[i].from).toBe(parts[i - 1].to);
  for (const part of parts) expect(part.to).toBeGreaterThan(part.from);
}

/// Paragraphs of a few sentences each, numbered so that no two start alike.
function paragraphs(count: number): string {
  return Array.from({ length: count }, (_, i) => `Paragraph ${i} says the system shall log in.\nIt shall not fail.`).join("\n\n");
}

/// The line (1-based) and column (1-based, UTF-16) of `offset` in `text`.
function placeOf(text: string, offset: number) {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe("UTF-8 sizes", () => {
  it("count as the server does: 1 to 4 bytes a character, 3 for a lone surrogate", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("€")).toBe(3);
    expect(utf8Bytes("😀")).toBe(4);
    expect(utf8Bytes("\ud83d")).toBe(3);
    expect(utf8Bytes("a😀b", 1, 3)).toBe(4);
    expect(new TextEncoder().encode("Größe 😀 €").length).toBe(utf8Bytes("Größe 😀 €"));
  });
});

describe("cutting a document into parts", () => {
  it("leaves a document within the budget whole: one part, as one request", () => {
    const text = "# Title\n\nThe system shall work.\n\nIt shall log.\n";
    expect(cutIntoParts(text, small)).toEqual([{ from: 0, to: text.length, line: 1, column: 1, lastLine: 5 }]);
    expect(cutIntoParts("", small)).toEqual([{ from: 0, to: 0, line: 1, column: 1, lastLine: 1 }]);
  });

  it("cuts at blank lines into runs of whole paragraphs, each within the budget in UTF-8 bytes", () => {
    const text = paragraphs(40);
    const parts = cutIntoParts(text, small);
    expect(parts.length).toBeGreaterThan(5);
    expectTiling(text, parts);
    for (const part of parts) {
      expect(utf8Bytes(textOf(text, part))).toBeLessThanOrEqual(small.budget);
      expect(textOf(text, part)).toMatch(/^Paragraph \d+ says/); // a paragraph's start
    }
  });

  it("measures the budget in bytes, not characters", () => {
    const text = Array.from({ length: 30 }, (_, i) => `Größe ${i}: ééééééééééééééééééé €€€€€.`).join("\n\n");
    const parts = cutIntoParts(text, small);
    for (const part of parts) expect(utf8Bytes(textOf(text, part))).toBeLessThanOrEqual(small.budget);
    expect(parts.some((p) => p.to - p.from <= small.budget && utf8Bytes(textOf(text, p)) > p.to - p.from)).toBe(true);
  });

  it("says where each part starts and ends: line, column, last line", () => {
    const text = paragraphs(40);
    for (const part of cutIntoParts(text, small)) {
      expect({ line: part.line, column: part.column }).toEqual(placeOf(text, part.from));
      expect(part.lastLine).toBe(placeOf(text, part.to - 1).line);
    }
  });

  it("never cuts inside a fenced code block, blank lines and all", () => {
    const code = "```js\nconst a = 1;\n\n\nconst b = 2;\n\n```";
    const text = [paragraphs(5), code, paragraphs(5), "~~~\nx\n\ny\n~~~~\nafter the fence"].join("\n\n");
    const parts = cutIntoParts(text, small);
    expectTiling(text, parts);
    const starts = parts.map((p) => p.from);
    const inside = (block: string) => {
      const from = text.indexOf(block);
      return starts.filter((s) => s > from && s < from + block.length);
    };
    expect(inside(code)).toEqual([]);
    expect(inside("~~~\nx\n\ny\n~~~~")).toEqual([]);
  });

  it("does not cut a list item's later paragraphs from it, nor a table", () => {
    const item = (i: number) => `- Item ${i} goes on\n\n  in a second paragraph ${i}, indented\n\n  and a third`;
    const table = (i: number) => `| head ${i} | b |\n|---|---|\n| ${i} | 2 |\n| 3 | 4 |`;
    const text = Array.from({ length: 40 }, (_, i) => `${item(i)}\n\n${table(i)}`).join("\n\n");
    const parts = cutIntoParts(text, small);
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(textOf(text, part)).toMatch(/^(- Item|\| head)/);
  });

  it("may start a part at a heading, even without a blank line before it", () => {
    const text = Array.from({ length: 30 }, (_, i) => `## Section ${i}\nThe system shall do thing ${i}.`).join("\n");
    const parts = cutIntoParts(text, small);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(textOf(text, part)).toMatch(/^## Section \d+\n/);
  });

  it("cuts a paragraph over the budget after a line, else after a sentence, never inside a pair", () => {
    const lines = Array.from({ length: 20 }, (_, i) => `Line ${i} of one long paragraph.`).join("\n");
    const lineParts = cutIntoParts(lines, small);
    expectTiling(lines, lineParts);
    for (const part of lineParts.slice(0, -1)) expect(textOf(lines, part)).toMatch(/\n$/);

    const sentences = Array.from({ length: 20 }, (_, i) => `Sentence ${i} 😀 shall hold.`).join(" ");
    const sentenceParts = cutIntoParts(sentences, small);
    expectTiling(sentences, sentenceParts);
    for (const part of sentenceParts.slice(0, -1)) expect(textOf(sentences, part)).toMatch(/\. $/);
    for (const part of sentenceParts) {
      expect(utf8Bytes(textOf(sentences, part))).toBeLessThanOrEqual(small.budget);
      expect({ line: part.line, column: part.column }).toEqual(placeOf(sentences, part.from));
    }
    expect(sentenceParts[1].column).toBeGreaterThan(1); // cut inside the line

    for (const lead of ["", "a", "abcde"]) {
      const emoji = lead + "😀".repeat(200); // no line, sentence or space to cut at
      const emojiParts = cutIntoParts(emoji, small);
      expectTiling(emoji, emojiParts);
      for (const part of emojiParts) {
        const unit = emoji.charCodeAt(part.from);
        expect(unit >= 0xdc00 && unit <= 0xdfff, `a part starts at ${part.from}, inside a pair`).toBe(false);
        expect(utf8Bytes(textOf(emoji, part))).toBeLessThanOrEqual(small.budget);
      }
    }
  });

  it("moves only the parts next to an edit: the others keep their exact text", () => {
    const text = paragraphs(400);
    const before = cutIntoParts(text, small).map((p) => textOf(text, p));
    const at = text.indexOf("Paragraph 200 says");
    const edited = `${text.slice(0, at)}Typed here. ${text.slice(at)}`;
    const after = cutIntoParts(edited, small).map((p) => textOf(edited, p));
    const kept = after.filter((part) => before.includes(part));
    expect(after.length - kept.length).toBeLessThanOrEqual(2);
    expect(before.length).toBeGreaterThan(50);
  });

  it("makes parts of about the target size, within the budget, in a long specification", () => {
    const text = Array.from({ length: 6000 }, (_, i) =>
      i % 21 === 0 ? `## Section ${i}\n` : `When a customer submits order ${i}, the service shall confirm it.`,
    ).join("\n");
    const parts = cutIntoParts(text, defaultCut);
    expectTiling(text, parts);
    const sizes = parts.map((p) => utf8Bytes(textOf(text, p)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(defaultCut.budget);
    const mean = utf8Bytes(text) / parts.length;
    expect(mean).toBeGreaterThan(defaultCut.target / 3);
    expect(mean).toBeLessThan(defaultCut.budget);
  });
});
