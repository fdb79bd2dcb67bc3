import { describe, expect, it } from "vitest";
import { markUnknown } from "./unknown";

describe("markUnknown", () => {
  it("marks whole occurrences of the unknown words", () => {
    expect(markUnknown("El frobnicator y el frobnicators.", ["frobnicator"])).toEqual([
      { text: "El ", unknown: false },
      { text: "frobnicator", unknown: true },
      { text: " y el frobnicators.", unknown: false },
    ]);
  });

  it("prefers the longest word and escapes what regular expressions would read", () => {
    const segments = markUnknown("a+b and a+bc", ["a+b", "a+bc"]);
    expect(segments.filter((s) => s.unknown).map((s) => s.text)).toEqual(["a+b", "a+bc"]);
  });

  it("knows letters beyond ASCII", () => {
    expect(markUnknown("été zorb", ["été"])[0]).toEqual({ text: "été", unknown: true });
    expect(markUnknown("étéx", ["été"])).toEqual([{ text: "étéx", unknown: false }]);
  });

  it("leaves a text without unknown words whole", () => {
    expect(markUnknown("La casa.", [])).toEqual([{ text: "La casa.", unknown: false }]);
    expect(markUnknown("", ["x"])).toEqual([]);
  });
});
