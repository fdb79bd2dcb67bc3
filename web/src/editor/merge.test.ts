import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ApiError, type CheckResult, type Match, type RequirementScore } from "../api/client";
import { absentFields, type OpenApi } from "../api/schema";
import { mergeAnswers, PartsNotChecked, shifted, type PartAnswer } from "./merge";
import type { Part } from "./parts";

const api: OpenApi = JSON.parse(readFileSync(resolve(__dirname, "../../../server/openapi.json"), "utf8"));
const answerSchema = api.components.schemas.CheckResult;

function match(fields: Partial<Match>): Match {
  return {
    offset: 0, length: 5, line: 1, column: 1, rule_id: "spelling", category: "TYPOS", severity: "error",
    message: "typo", explanation: "", link: "", replacements: ["fix"], confidence: 0.9, fixable: true, ...fields,
  };
}

function requirement(fields: Partial<RequirementScore>): RequirementScore {
  return { offset: 0, length: 20, line: 1, column: 1, score: 100, ears: "ubiquitous", costs: [], ...fields };
}

/// An answer with every field openapi.json describes, for a part of `words` words.
function answer(fields: Partial<CheckResult> = {}): CheckResult {
  return {
    language: "en-US",
    language_detected: true,
    words: 10,
    matches: [match({ offset: 2, line: 1, column: 3 }), match({ offset: 30, line: 2, column: 5 })],
    quality: { score: 100, requirements: [requirement({ offset: 0, line: 1, column: 1 })], note: "" },
    readability: {
      sentences: 2, words: 10, syllables: 14, reading_ease: 60, grade: 8, formula: "Flesch", grade_formula: "Flesch-Kincaid",
    },
    ...fields,
  };
}

/// Three parts: from the top, from line 11, and from the middle of line 20 (column 7).
const parts: Part[] = [
  { from: 0, to: 100, line: 1, column: 1, lastLine: 10 },
  { from: 100, to: 250, line: 11, column: 1, lastLine: 20 },
  { from: 250, to: 400, line: 20, column: 7, lastLine: 30 },
];

const answered = (...results: CheckResult[]): PartAnswer[] => results.map((result, i) => ({ part: parts[i], result }));

describe("merging the parts' answers", () => {
  it("keeps one part's answer as it is, error too: a short document is one request", () => {
    const only = answer();
    expect(mergeAnswers([{ part: parts[0], result: only }])).toEqual({ result: only, failure: undefined });
    const error = new ApiError("The server cannot be reached.", 0, "unreachable");
    expect(mergeAnswers([{ part: parts[0], error }])).toEqual({ result: undefined, failure: error });
  });

  it("has every field the API describes, the first part's extra fields kept", () => {
    const first = { ...answer(), extra: "kept" } as CheckResult;
    const { result, failure } = mergeAnswers(answered(first, answer(), answer()));
    expect(failure).toBeUndefined();
    expect(absentFields(api, answerSchema, result)).toEqual([]);
    expect((result as CheckResult & { extra: string }).extra).toBe("kept");
    expect(result!.quality!.note).toBe("");
    expect(result!.readability!.formula).toBe("Flesch");
    expect(result!.readability!.grade_formula).toBe("Flesch-Kincaid");
  });

  it("moves each match onto the document: offset and line by the part's start, column on its first line", () => {
    const { result } = mergeAnswers(answered(answer(), answer(), answer()));
    const places = result!.matches.map(({ offset, line, column }) => ({ offset, line, column }));
    expect(places).toEqual([
      { offset: 2, line: 1, column: 3 },
      { offset: 30, line: 2, column: 5 },
      { offset: 102, line: 11, column: 3 },
      { offset: 130, line: 12, column: 5 },
      { offset: 252, line: 20, column: 9 }, // the part starts at column 7 of line 20
      { offset: 280, line: 21, column: 5 },
    ]);
    expect(result!.matches[0].message).toBe("typo"); // the rest of the match as it was
  });

  it("moves a kept answer again when its part has moved (an edit before it)", () => {
    const kept = answer();
    const first = mergeAnswers([{ part: parts[0], result: answer() }, { part: parts[1], result: kept }]);
    expect(first.result!.matches.map((m) => m.offset)).toEqual([2, 30, 102, 130]);
    const moved = { ...parts[1], from: 105, line: 12 };
    const again = mergeAnswers([{ part: { ...parts[0], to: 105 }, result: answer() }, { part: moved, result: kept }]);
    expect(again.result!.matches.map((m) => [m.offset, m.line])).toEqual([[2, 1], [30, 2], [107, 12], [135, 13]]);
    expect(again.result!.quality!.requirements.map((r) => r.offset)).toEqual([0, 105]);
  });

  it("moves the requirements too, and scores the document by the mean over all of them", () => {
    const quality = (...scores: number[]) => ({
      score: 0, // each part's own mean: not used
      requirements: scores.map((score, i) => requirement({ offset: i * 40, line: i + 1, score })),
    });
    const { result } = mergeAnswers(
      answered(answer({ quality: quality(100) }), answer({ quality: quality(85, 85) }), answer({ quality: quality() })),
    );
    expect(result!.quality!.requirements.map((r) => [r.offset, r.line, r.column, r.score])).toEqual([
      [0, 1, 1, 100],
      [100, 11, 1, 85],
      [140, 12, 1, 85],
    ]);
    expect(result!.quality!.score).toBe(90); // (100 + 85 + 85) / 3
    const halves = mergeAnswers(answered(answer({ quality: quality(100) }), answer({ quality: quality(85) })));
    expect(halves.result!.quality!.score).toBe(93); // 92.5, rounded up as the server rounds
  });

  it("has a null score without requirements, and no quality when no part has one", () => {
    const none = { score: null, requirements: [], note: "No rules for this language." };
    const { result } = mergeAnswers(answered(answer({ quality: none }), answer({ quality: { ...none, note: "" } })));
    expect(result!.quality).toEqual({ score: null, requirements: [], note: "No rules for this language." });
    const without = mergeAnswers(answered(answer({ quality: undefined }), answer({ quality: undefined })));
    expect(without.result).not.toHaveProperty("quality");
    const one = mergeAnswers(answered(answer({ quality: undefined }), answer()));
    expect(one.result!.quality!.requirements.map((r) => r.offset)).toEqual([100]);
  });

  it("sums the words and readability's counts; weights reading ease and grade by words", () => {
    const readable = (words: number, reading_ease: number, grade: number | null) => ({
      words,
      readability: { sentences: words / 5, words, syllables: words * 2, reading_ease, grade, formula: "Flesch" },
    });
    const { result } = mergeAnswers(answered(answer(readable(100, 60, 8)), answer(readable(300, 80, 4))));
    expect(result!.words).toBe(400);
    expect(result!.readability).toEqual({
      sentences: 80, words: 400, syllables: 800, reading_ease: 75, grade: 5, formula: "Flesch",
    });
    const french = mergeAnswers(answered(answer(readable(100, 60, null)), answer(readable(300, 70, null))));
    expect(french.result!.readability!.reading_ease).toBe(67.5);
    expect(french.result!.readability!.grade).toBeNull();
    const rounded = mergeAnswers(answered(answer(readable(1, 60, 1)), answer(readable(2, 61, 2))));
    expect(rounded.result!.readability!.reading_ease).toBe(60.7); // one decimal, as the server gives
    const none = mergeAnswers(answered(answer({ readability: undefined }), answer({ readability: undefined })));
    expect(none.result).not.toHaveProperty("readability");
  });

  it("takes the language of most words, the first on a tie", () => {
    const lang = (language: string, words: number, language_detected = true) => answer({ language, words, language_detected });
    expect(mergeAnswers(answered(lang("en-US", 10), lang("fr-FR", 30), lang("en-US", 15))).result!.language).toBe("fr-FR");
    expect(mergeAnswers(answered(lang("en-US", 10), lang("fr-FR", 10))).result!.language).toBe("en-US");
    const detected = mergeAnswers(answered(lang("en-US", 1, true), lang("de-DE", 5, false)));
    expect(detected.result).toMatchObject({ language: "de-DE", language_detected: false });
  });

  it("keeps the findings of the parts checked when one fails, and says which lines were not and why", () => {
    const busy = new ApiError("the server is overloaded; try again in a moment", 503, "overloaded");
    const { result, failure } = mergeAnswers([
      { part: parts[0], result: answer() },
      { part: parts[1], error: busy },
      { part: parts[2], result: answer() },
    ]);
    expect(result!.matches.map((m) => m.offset)).toEqual([2, 30, 252, 280]);
    expect(result!.words).toBe(20);
    expect(failure).toBeInstanceOf(PartsNotChecked);
    expect(failure).toBeInstanceOf(ApiError); // the page shows its message as it is
    expect((failure as PartsNotChecked).message).toBe(
      "Lines 11–20 were not checked: the server is overloaded; try again in a moment. " +
        "They will be checked again at the next check, after your next edit.",
    );
    expect((failure as PartsNotChecked).status).toBe(503);
  });

  it("joins neighbours that failed for one reason, and names each reason", () => {
    const many: Part[] = Array.from({ length: 12 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, line: i * 1000 + 1, column: 1, lastLine: i * 1000 + 1000 }));
    const down = new ApiError("The server cannot be reached.", 0, "unreachable");
    const big = new ApiError("the text is longer than 50000: split the document", 413, "text_too_long");
    const outcome: PartAnswer[] = many.map((part, i) =>
      i === 0 || i === 1 ? { part, error: down } : i % 2 === 0 ? { part, result: answer() } : { part, error: i === 3 ? new Error("bug") : big },
    );
    expect((mergeAnswers(outcome).failure as Error).message).toBe(
      "Lines 1–2,000 were not checked: The server cannot be reached. " +
        "Lines 3,001–4,000 were not checked: something went wrong while checking them. " +
        "Lines 5,001–6,000, 7,001–8,000, 9,001–10,000 and 1 more were not checked: the text is longer than 50000: split the document. " +
        "They will be checked again at the next check, after your next edit.",
    );
  });

  it("gives no answer, only the reason, when no part was checked", () => {
    const down = new ApiError("The server cannot be reached.", 0, "unreachable");
    const { result, failure } = mergeAnswers([{ part: parts[0], error: down }, { part: { ...parts[1], lastLine: 11 }, error: down }]);
    expect(result).toBeUndefined();
    expect((failure as Error).message).toMatch(/^Lines 1–11 were not checked: The server cannot be reached\./);
  });

  it("describes a single line as one", () => {
    const { failure } = mergeAnswers([
      { part: parts[0], result: answer() },
      { part: { ...parts[1], lastLine: 11 }, error: new ApiError("Busy", 503, "overloaded") },
    ]);
    expect((failure as Error).message).toMatch(/^Line 11 was not checked: Busy\. They/);
  });

  it("moves a position by the part's start (shifted)", () => {
    expect(shifted({ offset: 0, line: 1, column: 1 }, parts[2])).toEqual({ offset: 250, line: 20, column: 7 });
    expect(shifted({ offset: 9, line: 3, column: 2 }, parts[2])).toEqual({ offset: 259, line: 22, column: 2 });
  });
});
