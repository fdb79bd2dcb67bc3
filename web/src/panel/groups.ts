// The panel's view of the findings: grouped where they are the same finding (one rule on the
// same words), each with its place in words a reader can find, and names a reader can read.
import type { Match } from "../api/client";

/// Findings that say the same thing about the same words, in document order.
export interface FindingGroup {
  key: string;
  category: string;
  message: string;
  occurrences: Match[];
}

/// The flagged words with a few words either side, on the same line.
export interface Snippet {
  before: string;
  flagged: string;
  after: string;
}

/// Groups `matches` (in document order) by rule and flagged words (case aside), keeping the
/// order in which each group first appears; `text` is the checked text.
export function groupFindings(matches: Match[], text: string): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const match of matches) {
    const words = text.slice(match.offset, match.offset + match.length).toLowerCase();
    const key = `${match.rule_id}\u0000${words}\u0000${match.message}`;
    const group = groups.get(key);
    if (group) group.occurrences.push(match);
    else groups.set(key, { key, category: match.category, message: match.message, occurrences: [match] });
  }
  return [...groups.values()];
}

/// Groups by category, categories in order of their first finding.
export function groupsByCategory(groups: FindingGroup[]): Map<string, FindingGroup[]> {
  const out = new Map<string, FindingGroup[]>();
  for (const group of groups) out.set(group.category, [...(out.get(group.category) ?? []), group]);
  return out;
}

/// The words around [offset, offset + length) of `text`, at most `room` UTF-16 units either
/// side, cut at a word boundary and never past the line; "…" where something was left out.
export function snippet(text: string, offset: number, length: number, room = 32): Snippet {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const lineEndAt = text.indexOf("\n", offset + length);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  let from = Math.max(lineStart, offset - room);
  let to = Math.min(lineEnd, offset + length + room);
  if (from > lineStart) {
    const space = text.indexOf(" ", from);
    from = space !== -1 && space < offset ? space + 1 : from;
  }
  if (to < lineEnd) {
    const space = text.lastIndexOf(" ", to);
    to = space > offset + length ? space : to;
  }
  // Never split a surrogate pair at either end.
  const isLow = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]);
  if (isLow(from)) from--;
  if (isLow(to)) to++;
  return {
    before: (from > lineStart ? "…" : "") + text.slice(from, offset).trimStart(),
    flagged: text.slice(offset, offset + length),
    after: text.slice(offset + length, to).trimEnd() + (to < lineEnd ? "…" : ""),
  };
}

const categoryNames: Record<string, string> = {
  TYPOS: "Spelling",
  GRAMMAR: "Grammar",
  ACRONYMS: "Acronyms",
  AMBIGUITY: "Ambiguity",
  COMPLETENESS: "Completeness",
  CONSISTENCY: "Consistency",
  ESCAPE_CLAUSES: "Escape clauses",
  MODALS: "Weak modals",
  PLACEHOLDERS: "Placeholders (TBD)",
  READABILITY: "Readability",
  REDUNDANCY: "Redundancy",
  SINGULARITY: "One requirement each",
  STYLE: "Style",
  VAGUENESS: "Vague wording",
  VOICE: "Passive voice",
  WORDINESS: "Wordiness",
};

/// The category's name for a reader: "Escape clauses", not ESCAPE_CLAUSES (an unknown id is
/// made readable the same way).
export function categoryName(id: string): string {
  return categoryNames[id] ?? id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, " ");
}

/// What each EARS template is (Mavin et al., "Easy Approach to Requirements Syntax", 2009).
export const earsTemplates: Record<string, { name: string; pattern: string }> = {
  ubiquitous: { name: "Ubiquitous", pattern: "The <system> shall <response>." },
  "event-driven": { name: "Event-driven", pattern: "When <trigger>, the <system> shall <response>." },
  "state-driven": { name: "State-driven", pattern: "While <state>, the <system> shall <response>." },
  "unwanted-behaviour": {
    name: "Unwanted behaviour",
    pattern: "If <unwanted condition>, then the <system> shall <response>.",
  },
  "optional-feature": { name: "Optional feature", pattern: "Where <feature is included>, the <system> shall <response>." },
  complex: { name: "Complex", pattern: "While <state>, when <trigger>, the <system> shall <response>." },
  none: { name: "No EARS template", pattern: "Rewrite it in one of the templates above." },
};

/// The first `max` UTF-16 units of `text` on one line, cut at a word, "…" when cut.
export function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const space = flat.lastIndexOf(" ", max);
  return `${flat.slice(0, space > max / 2 ? space : max)}…`;
}
