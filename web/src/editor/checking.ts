// The editor's checking: the server's findings as lint diagnostics, asked for a while after
// the analyst stops typing; an answer for an older text is dropped (by the lint plugin, and
// by the part checker for requests still in flight). A document over 64 KB is checked in
// parts (parts.ts), only the parts changed since the last check being sent again, and their
// answers merged into one for the panel (merge.ts); a document under it is one request.
import { linter, type Action } from "@codemirror/lint";
import { StateEffect, type Extension } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { check, type CheckRequest, type CheckResult, type Match } from "../api/client";
import { toDiagnostics } from "./findings";
import { mergeAnswers } from "./merge";
import { createPartChecker, type PartCheckerOptions } from "./partChecker";

export interface CheckingOptions {
  /// The request's settings, read at each check: language, format, glossary, rules.
  request: () => Omit<CheckRequest, "text">;
  /// Each answer with the text it is for (or the error that came instead), for the panel.
  onResult: (result: CheckResult | undefined, error?: unknown, text?: string) => void;
  /// Actions offered after a finding's replacements (add to glossary, ignore).
  actions?: (match: Match) => Action[];
  /// Whether to show a finding (false: the analyst ignored it); `text` is what it covers.
  shown?: (match: Match, text: string) => boolean;
  /// Milliseconds of quiet before checking.
  delay?: number;
  /// How the parts of a long document are sent (tests change it).
  parts?: Partial<PartCheckerOptions>;
}

/// Marks a transaction after which the text must be checked again though it did not change
/// (the language, the glossary or the ignored findings did).
const recheckEffect = StateEffect.define<null>();

/// Checks the text again, after the usual quiet delay.
export function recheck(view: EditorView): void {
  view.dispatch({ effects: recheckEffect.of(null) });
}

export function checking({
  request,
  onResult,
  actions,
  shown = () => true,
  delay = 400,
  parts,
}: CheckingOptions): Extension {
  const checker = createPartChecker({
    send: (body: CheckRequest, signal) => check(body, signal),
    ...parts,
  });
  return linter(
    async (view) => {
      const text = view.state.doc.toString();
      try {
        const answers = await checker.check(text, request());
        if (answers === undefined) return []; // a newer check is on its way
        // Parts that failed leave the others' findings, and say which lines were not checked.
        const { result, failure } = mergeAnswers(answers);
        if (result === undefined) {
          onResult(undefined, failure);
          return [];
        }
        const matches = result.matches.filter((m) =>
          shown(m, text.slice(m.offset, m.offset + m.length)),
        );
        onResult({ ...result, matches }, failure, text);
        return toDiagnostics(matches, text.length, actions);
      } catch (error) {
        onResult(undefined, error);
        return [];
      }
    },
    {
      delay,
      needsRefresh: (update) =>
        update.transactions.some((t) => t.effects.some((e) => e.is(recheckEffect))),
    },
  );
}
