import { describe, expect, it } from "vitest";
import { keep, loadKept, notKept } from "./storage";

const refusing = {
  getItem: (): string | null => {
    throw new DOMException("denied", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("full", "QuotaExceededError");
  },
};

describe("the draft kept in the browser", () => {
  it("is kept and read back", () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
    expect(keep(storage, "draft", "The system shall")).toBeUndefined();
    expect(loadKept(storage, "draft")).toBe("The system shall");
    expect(loadKept(storage, "other")).toBeUndefined();
  });

  it("says so when storage is full or refused, and reads nothing rather than failing", () => {
    expect(keep(refusing, "draft", "text")).toBe(notKept);
    expect(notKept).toMatch(/save the document/);
    expect(loadKept(refusing, "draft")).toBeUndefined();
  });
});
