import { describe, expect, it } from "vitest";
import { EditorState, type TransactionSpec } from "@codemirror/state";
import { canOpen, nameFromText, replacesEverything } from "./documents";

describe("canOpen", () => {
  it("takes Markdown and text files, by name or type", () => {
    expect(canOpen({ name: "spec.md", type: "" })).toBe(true);
    expect(canOpen({ name: "NOTES.TXT", type: "" })).toBe(true);
    expect(canOpen({ name: "spec", type: "text/markdown" })).toBe(true);
  });

  it("refuses what it cannot show as text", () => {
    expect(canOpen({ name: "spec.docx", type: "application/vnd.openxmlformats" })).toBe(false);
    expect(canOpen({ name: "image.png", type: "image/png" })).toBe(false);
  });
});

describe("the name a document is saved under", () => {
  it("comes from its first heading, else its first line", () => {
    expect(nameFromText("# Password reset\n\nThe system shall...")).toBe("password-reset.md");
    expect(nameFromText("\n\nExigences : paiement par carte\nLe système")).toBe("exigences-paiement-par-carte.md");
    expect(nameFromText("Intro\n\n## Über die Bestätigung ##")).toBe("über-die-bestätigung.md");
    expect(nameFromText("")).toBe("document.md");
    expect(nameFromText("  \n*** \n")).toBe("document.md");
    expect(nameFromText(`# ${"word ".repeat(30)}`).length).toBeLessThanOrEqual(63);
  });
});

describe("replacing everything", () => {
  const after = (doc: string, spec: TransactionSpec) => {
    const state = EditorState.create({ doc });
    return replacesEverything(state.update(spec).changes, doc.length);
  };
  it("is a change over the whole old text", () => {
    expect(after("spec from a file", { changes: { from: 0, to: 16, insert: "pasted" } })).toBe(true);
    expect(after("spec from a file", { changes: { from: 0, to: 16 } })).toBe(true);
  });
  it("is not an edit of a part, nor typing into an empty document", () => {
    expect(after("spec from a file", { changes: { from: 0, to: 4, insert: "Spec" } })).toBe(false);
    expect(after("spec from a file", { changes: { from: 16, insert: "." } })).toBe(false);
    expect(after("", { changes: { from: 0, insert: "new" } })).toBe(false);
  });
});
