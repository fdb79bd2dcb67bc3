import { EditorState, type TransactionSpec } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import type { Match } from "../api/client";
import { setDiagnostics } from "@codemirror/lint";
import { applyFirstFix, byCategory, fixAllTypos, fixableCount, maxActions, sourceLink, toDiagnostics } from "./findings";

function match(fields: Partial<Match>): Match {
  return {
    offset: 0, length: 1, line: 1, column: 1, rule_id: "spelling", category: "TYPOS",
    severity: "error", message: "m", explanation: "", link: "", replacements: [], ...fields,
  };
}

describe("findings as diagnostics", () => {
  it("keep the server's UTF-16 offsets: an emoji before a typo counts two", () => {
    const text = "🚀 recieve it";
    const [diagnostic] = toDiagnostics([match({ offset: 3, length: 7 })], text.length);
    expect(text.slice(diagnostic.from, diagnostic.to)).toBe("recieve");
  });

  it("map severities and colour typos apart from wording", () => {
    const [typo, vague, hint] = toDiagnostics(
      [
        match({ offset: 0 }),
        match({ offset: 1, severity: "warning", category: "VAGUENESS", rule_id: "iso29148/subjective-language" }),
        match({ offset: 2, severity: "suggestion", category: "STYLE" }),
      ],
      10,
    );
    expect([typo.severity, vague.severity, hint.severity]).toEqual(["error", "warning", "info"]);
    expect(typo.markClass).toBe("cm-finding-typo");
    expect(vague.markClass).toBe("cm-finding-wording");
    expect(vague.source).toBe("iso29148/subjective-language");
  });

  it("put the explanation after the message", () => {
    const [d] = toDiagnostics([match({ message: "Vague.", explanation: "State a measure." })], 5);
    expect(d.message).toBe("Vague. State a measure.");
  });

  it("drop findings that do not fit the document (an answer for another text)", () => {
    expect(toDiagnostics([match({ offset: 8, length: 5 })], 10)).toEqual([]);
    expect(toDiagnostics([match({ offset: -1 })], 10)).toEqual([]);
  });

  it("offer the first replacements as fixes that apply where the finding is now", () => {
    // The action only dispatches: a stand-in view applies it to a state, no DOM needed.
    let state = EditorState.create({ doc: "We recieve data." });
    const view = {
      dispatch: (spec: TransactionSpec) => (state = state.update(spec).state),
    } as unknown as EditorView;
    const [d] = toDiagnostics([match({ offset: 3, length: 7, replacements: ["receive", "relieve", "recede", "reprieve"] })], 16);
    expect(d.actions?.map((a) => a.name)).toEqual(["receive", "relieve", "recede"].slice(0, maxActions));
    d.actions![0].apply(view, 3, 10);
    expect(state.doc.toString()).toBe("We receive data.");
  });
});

describe("fixing every typo", () => {
  it("writes each fixable typo's best replacement at its current place, leaving other findings", () => {
    let state = EditorState.create({ doc: "Teh sytem shall be fast." });
    const diagnostics = toDiagnostics(
      [
        match({ offset: 0, length: 3, replacements: ["The", "Ten"], fixable: true }),
        match({ offset: 4, length: 5, replacements: ["system"], fixable: true }),
        match({ offset: 4, length: 0, replacements: [], fixable: false }),
        match({ offset: 19, length: 4, category: "VAGUENESS", replacements: ["in 2 s"], fixable: false }),
      ],
      state.doc.length,
      () => [{ name: "Ignore", apply: () => {} }],
    );
    state = state.update(setDiagnostics(state, diagnostics)).state;
    state = state.update({ changes: { from: 0, insert: "> " } }).state; // an edit since
    state = state.update({ changes: fixAllTypos(state) }).state;
    expect(state.doc.toString()).toBe("> The system shall be fast.");
  });

  it("leaves a typo the server is not sure of (check --fix would not fix it), and counts only the sure ones", () => {
    // German: "Pasword" -> "Password" is a compound Nuspell accepts, not the German word.
    let state = EditorState.create({ doc: "Das Pasword und die Bestätigung-E-Mail." });
    const diagnostics = toDiagnostics(
      [
        match({ offset: 4, length: 7, replacements: ["Password", "Passwort"], fixable: false }),
        match({ offset: 20, length: 11, replacements: ["Bestätigungs"], fixable: true }),
        match({ offset: 32, length: 4, replacements: ["Mail"] }), // an older server: no flag
      ],
      state.doc.length,
    );
    state = state.update(setDiagnostics(state, diagnostics)).state;
    expect(fixableCount(state)).toBe(1);
    state = state.update({ changes: fixAllTypos(state) }).state;
    expect(state.doc.toString()).toBe("Das Pasword und die Bestätigungs-E-Mail.");
  });
});

describe("the first fix at the cursor", () => {
  it("applies the finding's best replacement where the cursor is, and nothing elsewhere", () => {
    let state = EditorState.create({ doc: "Teh sytem works." });
    const diagnostics = toDiagnostics(
      [match({ offset: 0, length: 3, replacements: ["The"] }), match({ offset: 4, length: 5, replacements: ["system"] })],
      state.doc.length,
    );
    state = state.update(setDiagnostics(state, diagnostics), { selection: { anchor: 6 } }).state;
    const view = {
      get state() {
        return state;
      },
      dispatch: (spec: TransactionSpec) => (state = state.update(spec).state),
    } as unknown as EditorView;
    expect(applyFirstFix(view)).toBe(true);
    expect(state.doc.toString()).toBe("Teh system works.");
    state = state.update({ selection: { anchor: 14 } }).state; // on "works": no finding
    expect(applyFirstFix(view)).toBe(false);
  });
});

describe("more actions", () => {
  it("come after the replacements", () => {
    const [d] = toDiagnostics([match({ replacements: ["a"] })], 5, () => [
      { name: "Add to glossary", apply: () => {} },
      { name: "Ignore", apply: () => {} },
    ]);
    expect(d.actions?.map((a) => a.name)).toEqual(["a", "Add to glossary", "Ignore"]);
  });
});

describe("findings by category", () => {
  it("group in order of first appearance, with counts", () => {
    const groups = byCategory([match({ category: "TYPOS" }), match({ category: "VAGUENESS" }), match({ category: "TYPOS" })]);
    expect([...groups.keys()]).toEqual(["TYPOS", "VAGUENESS"]);
    expect(groups.get("TYPOS")).toHaveLength(2);
  });
});

describe("a finding's source", () => {
  it("is a link when it is a web address", () => {
    expect(sourceLink("https://www.iso.org/standard/72089.html")?.hostname).toBe("www.iso.org");
    expect(sourceLink("http://example.com/x")?.href).toBe("http://example.com/x");
  });

  it("is no link when it is empty, not an address, or would run a script", () => {
    expect(sourceLink("")).toBeUndefined();
    expect(sourceLink("see the catalogue")).toBeUndefined();
    expect(sourceLink("javascript:alert(1)")).toBeUndefined();
    expect(sourceLink("data:text/html,<script>1</script>")).toBeUndefined();
  });
});
