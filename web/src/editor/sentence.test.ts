import { describe, expect, it } from "vitest";
import { sentenceAround } from "./sentence";

describe("the sentence around a word", () => {
  it("is the one that holds it, trimmed, with the word's offset in it", () => {
    const line = "The export shall be fast. The report describes the order.";
    const at = line.indexOf("describes");
    const { sentence, offset } = sentenceAround(line, at, "en");
    expect(sentence).toBe("The report describes the order.");
    expect(sentence.slice(offset, offset + 9)).toBe("describes");
  });
  it("is the whole line when it has one sentence", () => {
    expect(sentenceAround("fast", 0, "en")).toEqual({ sentence: "fast", offset: 0 });
  });
});
