import { describe, expect, it } from "vitest";
import { keyedValue } from "./Splitter";

describe("the splitter's keys", () => {
  it("move it by steps within its limits", () => {
    expect(keyedValue("ArrowLeft", 50, 25, 75)).toBe(45);
    expect(keyedValue("ArrowRight", 73, 25, 75)).toBe(75);
    expect(keyedValue("Home", 50, 25, 75)).toBe(25);
    expect(keyedValue("End", 50, 25, 75)).toBe(75);
  });
  it("leave other keys alone", () => {
    expect(keyedValue("a", 50, 25, 75)).toBeUndefined();
    expect(keyedValue("Tab", 50, 25, 75)).toBeUndefined();
  });
});
