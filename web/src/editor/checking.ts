// The editor's checking: the server's findings as lint diagnostics, asked for a while after
// the analyst stops typing; an answer for an older text is dropped (by the lint plugin, and
// by latestOnly for requests still in flight).
import { linter } from "@codemirror/lint";
import type { Extension } from "@codemirror/state";
import { check, type CheckRequest, type CheckResult } from "../api/client";
import { toDiagnostics } from "./findings";
import { latestOnly } from "./latest";

export interface CheckingOptions {
  /// The request's settings, read at each check: language, format, glossary, rules.
  request: () => Omit<CheckRequest, "text">;
  /// Each answer (or the error that came instead), for the side panel.
  onResult: (result: CheckResult | undefined, error?: unknown) => void;
  /// Milliseconds of quiet before checking.
  delay?: number;
}

export function checking({ request, onResult, delay = 400 }: CheckingOptions): Extension {
  const ask = latestOnly((signal, body: CheckRequest) => check(body, signal));
  return linter(
    async (view) => {
      const text = view.state.doc.toString();
      try {
        const result = await ask({ ...request(), text });
        if (result === undefined) return []; // a newer check is on its way
        onResult(result);
        return toDiagnostics(result.matches, text.length);
      } catch (error) {
        onResult(undefined, error);
        return [];
      }
    },
    { delay },
  );
}
