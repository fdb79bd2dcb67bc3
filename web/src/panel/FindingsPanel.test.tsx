// @vitest-environment jsdom
// The panel renders every answer the API can give: each optional field left out, each nullable
// one null, each list empty, as the server's openapi.json describes them.
import { cleanup, render, screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CheckResult } from "../api/client";
import { absentFields, variants, type OpenApi } from "../api/schema";
import { FindingsPanel, listedAtMost } from "./FindingsPanel";

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

function renderPanel(result: unknown) {
  return render(
    <FindingsPanel result={result as CheckResult} hidden={[]} onJump={() => {}} onShowCategory={() => {}} onReplaceWord={() => {}} />,
  );
}

afterEach(cleanup);

describe("the findings panel", () => {
  it("has a sample answer with every field of the schema", () => {
    expect(absentFields(api, answerSchema, full)).toEqual([]);
  });

  it("renders the full answer", () => {
    renderPanel(full);
    expect(screen.getByText(/1 finding in 12 words/)).toBeTruthy();
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
    expect(screen.getByText(/in 12 words/)).toBeTruthy();
  });

  it("shows no grade where the language has none", () => {
    renderPanel({ ...full, readability: { ...full.readability!, grade: null } });
    expect(screen.getByText(/Reading ease 61/).textContent).not.toMatch(/grade/);
  });
});

describe("a long document's panel", () => {
  it("draws the first entries of a long list and counts the others, the summary counting all", () => {
    const many = listedAtMost + 1234;
    const matches = Array.from({ length: many }, (_, i) => ({ ...full.matches[0], offset: i * 10, message: `Typo ${i}` }));
    const requirements = Array.from({ length: many }, (_, i) => ({ ...full.quality!.requirements[0], offset: i * 10, line: i + 1 }));
    renderPanel({ ...full, matches, quality: { ...full.quality!, requirements } });
    expect(screen.getByText(new RegExp(`${many} findings in 12 words`))).toBeTruthy();
    expect(screen.getByText(`Typo ${listedAtMost - 1}`)).toBeTruthy();
    expect(screen.queryByText(`Typo ${listedAtMost}`)).toBeNull();
    expect(screen.getAllByText("… and 1,234 more")).toHaveLength(2); // findings, requirements
    expect(screen.getByText(new RegExp(`^Line ${listedAtMost}:`))).toBeTruthy();
    expect(screen.queryByText(new RegExp(`^Line ${listedAtMost + 1}:`))).toBeNull();
  });

  it("counts nothing more under the limit", () => {
    renderPanel(full);
    expect(screen.queryByText(/more$/)).toBeNull();
  });
});
