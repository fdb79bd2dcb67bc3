import { describe, expect, it } from "vitest";
import { readabilitySummary } from "./readability";

describe("readabilitySummary", () => {
  it("names the formulas of the reading ease and of the grade", () => {
    expect(
      readabilitySummary({
        sentences: 11, words: 117, syllables: 219, reading_ease: 59.9,
        formula: "Amstad", grade: 7.5, grade_formula: "Wiener Sachtextformel",
      }),
    ).toBe("Reading ease 60 (Amstad) · grade 7.5 (Wiener Sachtextformel)");
  });

  it("leaves the grade out where the language has none, rather than fail on null", () => {
    expect(
      readabilitySummary({
        sentences: 51, words: 372, syllables: 784, reading_ease: 68.2,
        formula: "Szigriszt-Pazos", grade: null,
      }),
    ).toBe("Reading ease 68 (Szigriszt-Pazos)");
  });
});
