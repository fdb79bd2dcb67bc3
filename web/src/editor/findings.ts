// The server's findings as CodeMirror diagnostics: positions are UTF-16 offsets on both
// sides, so a match maps onto the document as it is, with its replacements as actions.
import { forEachDiagnostic, linter, type Action, type Diagnostic } from "@codemirror/lint";
import type { ChangeSpec, EditorState, Extension } from "@codemirror/state";
import { hoverTooltip, type EditorView } from "@codemirror/view";
import type { Match } from "../api/client";

/// Typos and everything else are underlined in different colours (see styles.css).
export function findingClass(match: Match): string {
  return match.category === "TYPOS" ? "cm-finding-typo" : "cm-finding-wording";
}

const severities: Record<Match["severity"], Diagnostic["severity"]> = {
  error: "error",
  warning: "warning",
  suggestion: "info",
};

/// At most this many replacements are offered as buttons.
export const maxActions = 3;

/// The best replacement of each diagnostic made here that the server marked fixable (the
/// rule of `check --fix`, decided by the server alone), for fixAllTypos.
const bestFix = new WeakMap<Diagnostic, string>();

/// The diagnostics of `matches` for a document of `length` UTF-16 units; matches that do
/// not fit it (an answer for another text) are left out. `more` adds actions after the
/// replacements (add to glossary, ignore).
export function toDiagnostics(
  matches: Match[],
  length: number,
  more: (match: Match) => Action[] = () => [],
): Diagnostic[] {
  const fits = (m: Match) => m.offset >= 0 && m.length >= 0 && m.offset + m.length <= length;
  return matches.filter(fits).map((m) => {
    let actions: Action[] | undefined;
    const diagnostic: Diagnostic = {
      from: m.offset,
      to: m.offset + m.length,
      severity: severities[m.severity] ?? "info",
      source: m.rule_id,
      markClass: findingClass(m),
      message: m.explanation ? `${m.message} ${m.explanation}` : m.message,
      renderMessage: () => findingCard(m),
      // Made when first shown: a long document has tens of thousands of findings.
      get actions() {
        actions ??= [...replacementActions(m), ...more(m)];
        return actions;
      },
    };
    if (m.fixable === true && m.replacements.length > 0) {
      bestFix.set(diagnostic, m.replacements[0]);
    }
    return diagnostic;
  });
}

/// A button for each of the first replacements of `m`.
function replacementActions(m: Match): Action[] {
  return m.replacements.slice(0, maxActions).map((replacement) => ({
    name: replacement,
    // `from` and `to` are where the finding is now, after any edits since.
    apply: (view: EditorView, from: number, to: number) =>
      view.dispatch({ changes: { from, to, insert: replacement } }),
  }));
}

/// The web address of a finding's source, if it is one a page may open (http or https
/// only: never a script).
export function sourceLink(link: string): URL | undefined {
  try {
    const url = new URL(link);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/// The hover card's text: the message, the explanation under it, the source as a link.
function findingCard(m: Match): Node {
  const card = document.createElement("div");
  const paragraph = (text: string, className: string) => {
    const p = card.appendChild(document.createElement("p"));
    p.className = className;
    p.textContent = text;
    return p;
  };
  paragraph(m.message, "cm-finding-message");
  if (m.explanation) paragraph(m.explanation, "cm-finding-explanation");
  const url = sourceLink(m.link);
  if (url) {
    const link = paragraph("", "cm-finding-source").appendChild(document.createElement("a"));
    link.href = url.href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = `Source: ${url.hostname}`;
  }
  return card;
}

/// The changes that fix every fixable typo in `state` with its best replacement, at the
/// typos' current positions: one transaction, so one undo takes them all back. Typos the
/// server is not sure of stay, with their suggestions.
export function fixAllTypos(state: EditorState): ChangeSpec[] {
  const changes: ChangeSpec[] = [];
  forEachDiagnostic(state, (diagnostic, from, to) => {
    const best = bestFix.get(diagnostic);
    if (best !== undefined) changes.push({ from, to, insert: best });
  });
  return changes;
}

/// How many typos fixAllTypos would fix in `state`.
export function fixableCount(state: EditorState): number {
  let count = 0;
  forEachDiagnostic(state, (diagnostic) => {
    if (bestFix.has(diagnostic)) count++;
  });
  return count;
}

/// Findings grouped by category, with their counts, categories in order of first finding.
export function byCategory(matches: Match[]): Map<string, Match[]> {
  const groups = new Map<string, Match[]>();
  for (const match of matches) {
    const group = groups.get(match.category) ?? [];
    group.push(match);
    groups.set(match.category, group);
  }
  return groups;
}

/// Applies the first fix of the finding at the cursor (its best replacement, else its first
/// action); false when the cursor is on no finding with an action.
export function applyFirstFix(view: EditorView): boolean {
  const cursor = view.state.selection.main.head;
  let found: { diagnostic: Diagnostic; from: number; to: number } | undefined;
  forEachDiagnostic(view.state, (diagnostic, from, to) => {
    if (!found && from <= cursor && cursor <= to && (diagnostic.actions?.length ?? 0) > 0) {
      found = { diagnostic, from, to };
    }
  });
  if (!found) return false;
  found.diagnostic.actions![0].apply(view, found.from, found.to);
  return true;
}

/// The findings at `pos` with where each is now, for the hover card.
function diagnosticsAt(state: EditorState, pos: number, side: -1 | 1) {
  const found: { diagnostic: Diagnostic; from: number; to: number }[] = [];
  forEachDiagnostic(state, (diagnostic, from, to) => {
    if (pos >= from && pos <= to && (from === to || ((pos > from || side > 0) && (pos < to || side < 0)))) {
      found.push({ diagnostic, from, to });
    }
  });
  return found;
}

/// Where `diagnostic` is now (the text may have changed since the card opened), if it still is.
function placeOf(state: EditorState, diagnostic: Diagnostic): { from: number; to: number } | undefined {
  let place: { from: number; to: number } | undefined;
  forEachDiagnostic(state, (d, from, to) => {
    if (d === diagnostic) place = { from, to };
  });
  return place;
}

/// The hover card of the findings under the pointer, below the word so that it never hides
/// the lines being read (CodeMirror's own card opens above: turned off by `noLintCard`).
export const findingCards: Extension = [
  hoverTooltip((view, pos, side) => {
    const found = diagnosticsAt(view.state, pos, side);
    if (found.length === 0) return null;
    return {
      pos: Math.min(...found.map((f) => f.from)),
      end: Math.max(...found.map((f) => f.to)),
      above: false,
      create: () => ({ dom: cardList(view, found.map((f) => f.diagnostic)) }),
    };
  }),
  linter(null, { tooltipFilter: () => null as unknown as Diagnostic[] }), // no card above too
];

function cardList(view: EditorView, diagnostics: Diagnostic[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "cm-tooltip-lint finding-card";
  for (const diagnostic of diagnostics) {
    const item = list.appendChild(document.createElement("li"));
    item.className = `cm-diagnostic cm-diagnostic-${diagnostic.severity}`;
    const body = diagnostic.renderMessage?.(view);
    item.appendChild(body ?? document.createTextNode(diagnostic.message));
    const actions = item.appendChild(document.createElement("div"));
    actions.className = "finding-actions";
    for (const action of diagnostic.actions ?? []) {
      const button = actions.appendChild(document.createElement("button"));
      button.type = "button";
      button.className = "cm-diagnosticAction";
      button.textContent = action.name;
      button.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
      button.addEventListener("click", () => {
        const place = placeOf(view.state, diagnostic);
        if (place) action.apply(view, place.from, place.to);
      });
    }
    if (diagnostic.source) {
      const rule = item.appendChild(document.createElement("p"));
      rule.className = "cm-finding-rule";
      rule.textContent = `Rule ${diagnostic.source}`;
    }
  }
  return list;
}
