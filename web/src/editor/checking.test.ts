// @vitest-environment jsdom
import { forceLinting, forEachDiagnostic } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CheckRequest, CheckResult, Match } from "../api/client";
import { checking } from "./checking";

/// Forty paragraphs, over the small budget below: several parts.
const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} has a typo: recieve.`).join("\n\n");

/// A server that flags each "recieve" of a text, and answers 503 for the part with paragraph 30.
function server(body: CheckRequest): Response {
  if (body.text.includes("Paragraph 30 ")) {
    return new Response(JSON.stringify({ error: { code: "overloaded", message: "the server is overloaded" } }), { status: 503 });
  }
  const matches: Partial<Match>[] = [];
  for (let at = body.text.indexOf("recieve"); at >= 0; at = body.text.indexOf("recieve", at + 1)) {
    const line = body.text.slice(0, at).split("\n").length;
    matches.push({ offset: at, length: 7, line, column: 28, rule_id: "spelling", category: "TYPOS", severity: "error", message: "typo", explanation: "", link: "", replacements: ["receive"] });
  }
  const result: CheckResult = { language: "en-US", language_detected: false, words: 1, matches: matches as Match[] };
  return new Response(JSON.stringify(result), { status: 200, headers: { "Content-Type": "application/json" } });
}

afterEach(() => vi.unstubAllGlobals());

describe("the editor's checking of a long document", () => {
  it("underlines the findings of every part where they are, and says which lines failed", async () => {
    vi.stubGlobal("fetch", vi.fn(async (_url: string, init: RequestInit) => server(JSON.parse(init.body as string))));
    const results: { result?: CheckResult; error?: unknown }[] = [];
    const view = new EditorView({
      doc: text,
      extensions: checking({
        request: () => ({ language: "en-US", format: "markdown" }),
        onResult: (result, error) => results.push({ result, error }),
        parts: { cut: { budget: 200, target: 100 }, retryDelays: [0] }, // tried twice, then reported
      }),
    });
    forceLinting(view);
    await vi.waitFor(() => expect(results).toHaveLength(1));
    const [{ result, error }] = results;
    const flagged = result!.matches.map((m) => text.slice(m.offset, m.offset + m.length));
    expect(flagged).toEqual(Array(flagged.length).fill("recieve"));
    expect(flagged.length).toBeGreaterThan(30); // all but the paragraphs of the failed part
    expect(result!.matches.map((m) => m.line)).toEqual(result!.matches.map((m) => text.slice(0, m.offset).split("\n").length));
    const [, first, last] = /^Lines (\d+)–(\d+) were not checked: the server is overloaded\./.exec((error as Error).message)!;
    const failedLine = text.split("\n").indexOf("Paragraph 30 has a typo: recieve.") + 1;
    expect(Number(first)).toBeLessThanOrEqual(failedLine);
    expect(Number(last)).toBeGreaterThanOrEqual(failedLine);
    // Every line with a typo has its finding, but those of the lines not checked.
    const typoLines = text.split("\n").flatMap((line, i) => (line.includes("recieve") ? [i + 1] : []));
    const notChecked = (line: number) => line >= Number(first) && line <= Number(last);
    expect(result!.matches.map((m) => m.line)).toEqual(typoLines.filter((line) => !notChecked(line)));
    await vi.waitFor(() => {
      const underlined: string[] = [];
      forEachDiagnostic(view.state, (_d, from, to) => underlined.push(view.state.sliceDoc(from, to)));
      expect(underlined).toEqual(flagged);
    });
    view.destroy();
  });
});
