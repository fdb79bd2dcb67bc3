// The answers for a document's parts (parts.ts) made into one answer for the whole document,
// as the panel and the editor take it: every position moved from its part onto the document.
//
// What parts cannot give exactly (said in the README too):
// - Rules that compare the whole document (one term spelt two ways, an acronym used before
//   it is defined) see one part at a time: two spellings in different parts go unflagged.
// - Reading ease and grade are the means of the parts' own, weighted by their words: the
//   formulas are not linear in the counts, so this is close to the whole document's figure,
//   not equal to it. The counts (sentences, words, syllables) are exact sums.
import {
  ApiError,
  type CheckResult,
  type Match,
  type Quality,
  type Readability,
  type RequirementScore,
} from "../api/client";
import type { Part } from "./parts";

/// A part's answer, or why there is none.
export type PartAnswer =
  | { part: Part; result: CheckResult; error?: undefined }
  | { part: Part; result?: undefined; error: unknown };

export interface Merged {
  /// The whole document's answer, from the parts that were checked; none when none was.
  result?: CheckResult;
  /// Why some or all of the document was not checked: for one part, its own error, as a
  /// single request gives it; for several, a PartsNotChecked saying which lines and why.
  failure?: unknown;
}

export function mergeAnswers(answers: PartAnswer[]): Merged {
  if (answers.length === 1) return { result: answers[0].result, failure: answers[0].error };
  const checked = answers.filter((a): a is PartAnswer & { result: CheckResult } => a.result !== undefined);
  return {
    result: checked.length > 0 ? mergeResults(checked) : undefined,
    failure: checked.length < answers.length ? new PartsNotChecked(answers) : undefined,
  };
}

/// The answers of the checked parts, in document order, as one.
function mergeResults(answers: { part: Part; result: CheckResult }[]): CheckResult {
  const [first] = answers;
  const language = mainLanguage(answers);
  const merged: CheckResult = {
    ...first.result, // fields this page does not know yet: the first part's
    language: language.result.language,
    language_detected: language.result.language_detected,
    words: sum(answers.map((a) => a.result.words)),
    matches: answers.flatMap(({ part, result }) => placedOnce(result, part).matches),
  };
  const quality = mergeQuality(answers);
  if (quality) merged.quality = quality;
  else delete merged.quality;
  const readability = mergeReadability(answers.map((a) => a.result.readability));
  if (readability) merged.readability = readability;
  else delete merged.readability;
  return merged;
}

/// The answer whose language covers the most words (the first of those, on a tie).
function mainLanguage<T extends { result: CheckResult }>(answers: T[]): T {
  const words = new Map<string, number>();
  for (const { result } of answers) {
    words.set(result.language, (words.get(result.language) ?? 0) + result.words);
  }
  let best = answers[0];
  for (const answer of answers) {
    if (words.get(answer.result.language)! > words.get(best.result.language)!) best = answer;
  }
  return best;
}

/// A position in a part, moved onto the document: columns move only on the part's first line
/// (the only one that may not start at the start of a line of the document).
export function shifted<T extends Pick<Match, "offset" | "line" | "column">>(place: T, part: Part): T {
  return {
    ...place,
    offset: place.offset + part.from,
    line: place.line + part.line - 1,
    column: place.line === 1 ? place.column + part.column - 1 : place.column,
  };
}

/// A part's matches and requirements moved onto the document, kept with its answer: after an
/// edit, only the parts after it move, and a 10 MiB document has 100,000 of them to move.
const placedAnswers = new WeakMap<CheckResult, { at: Part; matches: Match[]; requirements: RequirementScore[] }>();

function placedOnce(result: CheckResult, part: Part) {
  const kept = placedAnswers.get(result);
  const same = kept && kept.at.from === part.from && kept.at.line === part.line && kept.at.column === part.column;
  if (same) return kept;
  const placed = {
    at: part,
    matches: result.matches.map((m) => shifted(m, part)),
    requirements: (result.quality?.requirements ?? []).map((r) => shifted(r, part)),
  };
  placedAnswers.set(result, placed);
  return placed;
}

/// The requirements of every part; the score is their mean, rounded as the server rounds it
/// (null without requirements). Other fields (`note`) are the first part's.
function mergeQuality(answers: { part: Part; result: CheckResult }[]): Quality | undefined {
  const withQuality = answers.filter((a) => a.result.quality !== undefined);
  if (withQuality.length === 0) return undefined;
  const requirements: RequirementScore[] = withQuality.flatMap(({ part, result }) => placedOnce(result, part).requirements);
  const score = requirements.length > 0 ? Math.round(sum(requirements.map((r) => r.score)) / requirements.length) : null;
  return { ...withQuality[0].result.quality!, score, requirements };
}

/// The counts summed; reading ease and grade the parts' own, weighted by their words (an
/// approximation: see the top of this file). The grade is null when no part has one.
function mergeReadability(all: (Readability | undefined)[]): Readability | undefined {
  const parts = all.filter((r): r is Readability => r !== undefined);
  if (parts.length === 0) return undefined;
  const graded = parts.filter((r) => r.grade !== null && r.grade !== undefined);
  return {
    ...parts[0],
    sentences: sum(parts.map((r) => r.sentences)),
    words: sum(parts.map((r) => r.words)),
    syllables: sum(parts.map((r) => r.syllables)),
    reading_ease: oneDecimal(weightedMean(parts, (r) => r.reading_ease)),
    grade: graded.length > 0 ? oneDecimal(weightedMean(graded, (r) => r.grade!)) : null,
  };
}

/// The mean of `value` over `parts`, weighted by their words (a plain mean when none has any).
function weightedMean(parts: Readability[], value: (r: Readability) => number): number {
  const words = sum(parts.map((r) => r.words));
  if (words === 0) return sum(parts.map(value)) / parts.length;
  return sum(parts.map((r) => value(r) * r.words)) / words;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/// Some parts of the document were not checked: which lines, and why. Their findings are
/// missing until the next check, which asks for them again.
export class PartsNotChecked extends ApiError {
  readonly ranges: { firstLine: number; lastLine: number; reason: string }[];

  /// `answers`: every part's, in document order, some of them failed.
  constructor(answers: PartAnswer[]) {
    const ranges = notCheckedRanges(answers);
    super(describe(ranges), statusOf(answers.find((a) => a.result === undefined)?.error), "parts_not_checked");
    this.name = "PartsNotChecked";
    this.ranges = ranges;
  }
}

/// Why a part was not checked, in the words the analyst is shown.
function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "something went wrong while checking them";
}

const statusOf = (error: unknown) => (error instanceof ApiError ? error.status : 0);

/// The failed parts as ranges of lines, neighbours that failed for the same reason joined.
function notCheckedRanges(answers: PartAnswer[]): PartsNotChecked["ranges"] {
  const ranges: PartsNotChecked["ranges"] = [];
  let previous: string | undefined; // the reason the part before failed for, if it did
  for (const { part, result, error } of answers) {
    const reason = result === undefined ? reasonOf(error) : undefined;
    if (reason !== undefined && reason === previous) ranges[ranges.length - 1].lastLine = part.lastLine;
    else if (reason !== undefined) ranges.push({ firstLine: part.line, lastLine: part.lastLine, reason });
    previous = reason;
  }
  return ranges;
}

/// At most this many ranges are named for one reason; the others are counted.
const rangesNamed = 3;

/// "Lines 1,201–2,400 and 5,000–5,600 were not checked: <reason> They will be checked again…"
function describe(ranges: PartsNotChecked["ranges"]): string {
  const byReason = new Map<string, PartsNotChecked["ranges"]>();
  for (const range of ranges) byReason.set(range.reason, [...(byReason.get(range.reason) ?? []), range]);
  const sentences = [...byReason].map(([reason, list]) => {
    const several = list.length > 1 || list[0].firstLine !== list[0].lastLine;
    const named = list.slice(0, rangesNamed).map(linesText);
    const more = list.length - named.length;
    const which = more > 0 ? `${named.join(", ")} and ${more} more` : joinAnd(named);
    return `${several ? "Lines" : "Line"} ${which} ${several ? "were" : "was"} not checked: ${sentence(reason)}`;
  });
  return `${sentences.join(" ")} They will be checked again at the next check, after your next edit.`;
}

const number = (n: number) => n.toLocaleString("en-US");

function linesText({ firstLine, lastLine }: { firstLine: number; lastLine: number }): string {
  return firstLine === lastLine ? number(firstLine) : `${number(firstLine)}–${number(lastLine)}`;
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/// A reason as a sentence: the server's messages may lack the final full stop.
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
