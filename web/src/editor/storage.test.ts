import { describe, expect, it, vi } from "vitest";
import { keep, keepWhenQuiet, loadKept, notKept } from "./storage";

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

describe("the draft kept when typing pauses", () => {
  /// A page whose events the test sends, and whose visibility it sets.
  function fakePage() {
    const page = new EventTarget();
    let hidden = false;
    return { page, hidden: () => hidden, hide: () => (hidden = true) };
  }

  it("is saved once after a pause, not at every change", () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const { page, hidden } = fakePage();
    const keeper = keepWhenQuiet(save, { delay: 300, page, hidden });
    keeper.changed();
    vi.advanceTimersByTime(200);
    keeper.changed();
    vi.advanceTimersByTime(200);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(1); // nothing new to save
    keeper.stop();
    vi.useRealTimers();
  });

  it("is saved at once when the page is left or hidden, or the editor goes", () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const { page, hidden, hide } = fakePage();
    const keeper = keepWhenQuiet(save, { page, hidden });
    keeper.changed();
    page.dispatchEvent(new Event("pagehide"));
    expect(save).toHaveBeenCalledTimes(1);
    keeper.changed();
    page.dispatchEvent(new Event("visibilitychange")); // still visible: it waits
    expect(save).toHaveBeenCalledTimes(1);
    hide();
    page.dispatchEvent(new Event("visibilitychange"));
    expect(save).toHaveBeenCalledTimes(2);
    page.dispatchEvent(new Event("pagehide"));
    expect(save).toHaveBeenCalledTimes(2); // saved already
    keeper.changed();
    keeper.stop();
    expect(save).toHaveBeenCalledTimes(3);
    page.dispatchEvent(new Event("pagehide"));
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(3); // stopped
    vi.useRealTimers();
  });
});
