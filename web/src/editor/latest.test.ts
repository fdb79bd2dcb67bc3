import { describe, expect, it } from "vitest";
import { latestOnly } from "./latest";

/// A question whose answer comes when the test says.
function deferred() {
  const pending: { resolve: (v: string) => void; signal: AbortSignal }[] = [];
  const ask = (signal: AbortSignal, _text: string) =>
    new Promise<string>((resolve, reject) => {
      pending.push({ resolve, signal });
      signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    });
  return { ask, pending };
}

describe("latestOnly", () => {
  it("drops the answer to an older question and aborts it", async () => {
    const { ask, pending } = deferred();
    const latest = latestOnly(ask);
    const first = latest("old text");
    const second = latest("new text");
    expect(pending[0].signal.aborted).toBe(true);
    pending[1].resolve("answer for new text");
    pending[0].resolve("answer for old text");
    expect(await first).toBeUndefined();
    expect(await second).toBe("answer for new text");
  });

  it("passes on the latest answer and its errors", async () => {
    const latest = latestOnly(async (_signal: AbortSignal, text: string) => {
      if (text === "bad") throw new Error("server down");
      return text.toUpperCase();
    });
    expect(await latest("ok")).toBe("OK");
    await expect(latest("bad")).rejects.toThrow("server down");
  });
});
