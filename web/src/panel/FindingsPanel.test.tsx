// @vitest-environment jsdom
// The panel renders every answer the API can give: each optional field left out, each nullable
// one null, each list empty, as the server's openapi.json describes them.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CheckResult } from "../api/client";
import { absentFields, variants, type OpenApi } from "../api/schema";
import { FindingsPanel, listStep } from "./FindingsPanel";

const api: OpenApi = JSON.parse(readFileSync(resolve(__dirname, "../../../server/openapi.json"), "utf8"));
const answerSchema = api.components.schemas.CheckResult;

/// An answer with every field the schema knows.
const full: CheckResult = {
  language: "fr-FR",
  language_detected: true,
  words: 12,
  matches: [
    {
      offset: 4, length: 6, line: 1, column: 5, rule_id: "spelling", category: "TYPOS", severity: "error",
      message: "Possible faute d'orthographe", explanation: "", link: "", replacements: ["système"],
      confidence: 0.95, fixable: true,
    },
  ],
  quality: {
    score: 85,
    requirements: [{ offset: 0, length: 40, line: 1, column: 1, score: 85, ears: "ubiquitous", costs: [{ rule_id: "x", points: 15 }] }],
    note: "",
  },
  readability: { sentences: 2, words: 12, syllables: 20, reading_ease: 61.2, grade: 8.1, formula: "Kandel-Moles", grade_formula: "" },
};

const fullText = "Le sytéme doit envoyer le rapport chaque jour à chaque client.";

function renderPanel(result: unknown, text = fullText, onJump: (place: { offset: number }) => void = () => {}) {
  return render(
    <FindingsPanel
      result={result as CheckResult}
      text={text}
      hidden={[]}
      onJump={onJump}
      onShowCategory={() => {}}
      onReplaceWord={() => {}}
    />,
  );
}

const summary = () => document.querySelector(".summary")?.textContent ?? "";

afterEach(cleanup);

describe("the findings panel", () => {
  it("has a sample answer with every field of the schema", () => {
    expect(absentFields(api, answerSchema, full)).toEqual([]);
  });

  it("renders the full answer", () => {
    renderPanel(full);
    expect(summary()).toBe("1 finding in 12 words · quality 85/100");
  });

  const shapes = variants(api, answerSchema, full);
  it("knows the answer's optional and nullable fields", () => {
    const changes = shapes.map((v) => v.change);
    expect(changes).toContain("readability.grade = null"); // French, as the server answers it
    expect(changes).toContain("quality.score = null");
    expect(changes).toContain("quality left out");
    expect(changes).toContain("matches = []");
  });

  it.each(shapes.map((v) => [v.change, v.value]))("renders an answer with %s", (_change, value) => {
    renderPanel(value);
    expect(summary()).toMatch(/in 12 words/);
  });

  it("shows no grade where the language has none", () => {
    renderPanel({ ...full, readability: { ...full.readability!, grade: null } });
    expect(screen.getByText(/Reading ease 61/).textContent).not.toMatch(/grade/);
  });
});

describe("findings in a long document", () => {
  const text = "Retry as appropriate.\nLog it as appropriate.\nAlert as appropriate.\nThe sytem works.";
  const escape = (offset: number, line: number) => ({
    offset, length: 14, line, column: 1, rule_id: "incose/escape-clauses", category: "ESCAPE_CLAUSES",
    severity: "warning" as const, message: '"as appropriate" lets the supplier decide', explanation: "", link: "",
    replacements: [], confidence: 0, fixable: false,
  });
  const answer: CheckResult = {
    language: "en-US", language_detected: false, words: 12,
    matches: [escape(6, 1), escape(29, 2), escape(51, 3),
      { ...escape(71, 4), length: 5, rule_id: "spelling", category: "TYPOS", message: 'Possible spelling mistake: "sytem"' }],
    quality: {
      score: 70,
      requirements: [{ offset: 0, length: 21, line: 1, column: 1, score: 70, ears: "ubiquitous", costs: [] }],
    },
  };

  it("names categories for a reader and shows each finding's line and words in context", () => {
    renderPanel(answer, text);
    expect(screen.getByRole("region", { name: "Escape clauses" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Spelling" })).toBeTruthy();
    const typo = screen.getByRole("button", { name: /sytem/ });
    expect(typo.textContent).toContain("Line 4");
    expect(typo.querySelector("mark")?.textContent).toBe("sytem");
  });

  it("groups the same finding with a count, and walks its occurrences one by one", () => {
    const jumps: number[] = [];
    renderPanel(answer, text, (place) => jumps.push(place.offset));
    const group = screen.getByRole("region", { name: "Escape clauses" });
    expect(group.querySelectorAll("li")).toHaveLength(1);
    expect(group.textContent).toContain("1 of 3");
    const next = screen.getByRole("button", { name: "Next occurrence" });
    fireEvent.click(next);
    fireEvent.click(next);
    expect(group.textContent).toContain("3 of 3");
    expect(group.textContent).toContain("Line 3");
    fireEvent.click(next); // round again
    fireEvent.click(screen.getByRole("button", { name: "Previous occurrence" }));
    expect(jumps).toEqual([29, 51, 6, 51]);
  });

  it("shows a requirement's text, score and EARS template, and explains EARS", () => {
    renderPanel(answer, text);
    const requirements = screen.getByRole("region", { name: "Requirements" });
    expect(requirements.textContent).toContain("Retry as appropriate.");
    expect(requirements.textContent).toContain("EARS: Ubiquitous");
    expect(requirements.textContent).toContain("Easy Approach to Requirements Syntax");
    expect(screen.getByLabelText("score 70 of 100")).toBeTruthy();
  });

  it("says why there are no scores when the language has no rules", () => {
    renderPanel({ ...answer, matches: [], quality: { score: null, requirements: [], note: "No wording rules for German yet, so requirements are not scored." } }, text);
    expect(screen.getByText(/No wording rules for German yet/)).toBeTruthy();
  });
});

describe("a long document's panel", () => {
  it("draws the first entries of a long list, more at each ask, the summary counting all", () => {
    const many = listStep + 1234;
    const text = "x".repeat(many * 10);
    const matches = Array.from({ length: many }, (_, i) => ({ ...full.matches[0], offset: i * 10, message: `Typo ${i}` }));
    const requirements = Array.from({ length: many }, (_, i) => ({ ...full.quality!.requirements[0], offset: i * 10, length: 5, line: i + 1 }));
    renderPanel({ ...full, matches, quality: { ...full.quality!, requirements } }, text);
    expect(summary()).toMatch(new RegExp(`^${many} findings in 12 words`));
    expect(screen.getByText(`Typo ${listStep - 1}`)).toBeTruthy();
    expect(screen.queryByText(`Typo ${listStep}`)).toBeNull();
    const more = screen.getAllByRole("button", { name: `Show ${listStep} more (1,234 not shown)` });
    expect(more).toHaveLength(2); // findings, requirements
    fireEvent.click(more[0]);
    expect(screen.getByText(`Typo ${listStep}`)).toBeTruthy();
    expect(screen.getByRole("button", { name: `Show ${listStep} more (1,134 not shown)` })).toBeTruthy();
  });

  it("offers nothing more under the limit", () => {
    renderPanel(full);
    expect(screen.queryByRole("button", { name: /more/ })).toBeNull();
  });
});
