import { describe, expect, it } from "vitest";
import type { Match } from "../api/client";
import { categoryName, excerpt, groupFindings, groupsByCategory, snippet } from "./groups";

function match(offset: number, length: number, fields: Partial<Match> = {}): Match {
  return {
    offset, length, line: 1, column: offset + 1, rule_id: "incose/escape-clauses", category: "ESCAPE_CLAUSES",
    severity: "warning", message: '"as appropriate" lets the supplier decide', explanation: "", link: "",
    replacements: [], ...fields,
  };
}

describe("grouping findings", () => {
  const text = "Retry as appropriate. Log As appropriate. Send as needed.";
  it("puts the same rule on the same words (case aside) together, in order", () => {
    const groups = groupFindings(
      [match(6, 14), match(26, 14), match(50, 6, { message: '"as needed" lets the supplier decide' })],
      text,
    );
    expect(groups.map((g) => g.occurrences.map((m) => m.offset))).toEqual([[6, 26], [50]]);
  });
  it("keeps different rules on the same words apart, and groups categories in order", () => {
    const groups = groupFindings([match(6, 14), match(6, 14, { rule_id: "other", category: "VAGUENESS" })], text);
    expect(groups).toHaveLength(2);
    expect([...groupsByCategory(groups).keys()]).toEqual(["ESCAPE_CLAUSES", "VAGUENESS"]);
  });
});

describe("a finding's snippet", () => {
  it("shows a few words either side, cut at words, with ellipses", () => {
    const text = "First line\nThe payment service shall retry the transfer as appropriate when the bank is slow to answer us.\nNext";
    const at = text.indexOf("as appropriate");
    const s = snippet(text, at, 14, 20);
    expect(s.flagged).toBe("as appropriate");
    expect(s.before).toBe("…retry the transfer ");
    expect(s.after).toBe(" when the bank is…");
  });
  it("never runs past the line, and needs no ellipsis on a short line", () => {
    const s = snippet("Title\nRetry as appropriate.\nMore", 12, 14);
    expect(s).toEqual({ before: "Retry ", flagged: "as appropriate", after: "." });
  });
  it("never splits a surrogate pair", () => {
    const text = `${"😀".repeat(30)}recieve${"😀".repeat(30)}`; // no space to cut at
    const at = text.indexOf("recieve");
    const s = snippet(text, at, 7, 5);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(s.before).not.toMatch(loneSurrogate);
    expect(s.after).not.toMatch(loneSurrogate);
    expect(s.before.length + s.after.length).toBeGreaterThan(2);
  });
});

describe("names", () => {
  it("are readable, known or not", () => {
    expect(categoryName("ESCAPE_CLAUSES")).toBe("Escape clauses");
    expect(categoryName("TYPOS")).toBe("Spelling");
    expect(categoryName("NEW_KIND")).toBe("New kind");
  });
  it("excerpts cut at a word", () => {
    expect(excerpt("The system shall\n  send a link.")).toBe("The system shall send a link.");
    expect(excerpt("word ".repeat(40), 20)).toBe("word word word word…");
  });
});
