import { describe, expect, it } from "vitest";
import { canOpen } from "./documents";

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
