// @vitest-environment jsdom
import { syntaxTree } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { markdownWhileSmall } from "./syntax";

/// Whether the state has a Markdown tree (a heading parsed as one).
const hasMarkdown = (state: EditorState) => syntaxTree(state).length > 0;

describe("the Markdown syntax of a long document", () => {
  it("is on while the document is within the limit, off beyond it, on again below it", () => {
    let state = EditorState.create({ doc: "# Title\n", extensions: markdownWhileSmall(20) });
    expect(hasMarkdown(state)).toBe(true);
    state = state.update({ changes: { from: state.doc.length, insert: "a".repeat(20) } }).state;
    expect(hasMarkdown(state)).toBe(false);
    state = state.update({ changes: { from: 8, to: state.doc.length } }).state;
    expect(hasMarkdown(state)).toBe(true);
    expect(state.doc.toString()).toBe("# Title\n"); // only the syntax changed
  });

  it("is off right after the start for a document that starts over the limit", async () => {
    const view = new EditorView({ doc: "# Title\n" + "a".repeat(50), extensions: markdownWhileSmall(20) });
    await Promise.resolve();
    expect(hasMarkdown(view.state)).toBe(false);
    view.destroy();
  });
});
