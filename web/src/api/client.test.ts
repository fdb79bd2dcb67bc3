import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, check, languages, synonyms } from "./client";

function answer(status: number, body: unknown) {
  return vi.fn().mockResolvedValue(
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("the API client", () => {
  it("posts a check as JSON and returns the answer", async () => {
    const fetch = answer(200, { language: "en-US", language_detected: false, words: 2, matches: [] });
    vi.stubGlobal("fetch", fetch);
    const result = await check({ text: "Hello there", language: "en-US" });
    expect(result.words).toBe(2);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe("/api/v1/check");
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({ "Content-Type": "application/json" });
    expect(JSON.parse(init.body)).toEqual({ text: "Hello there", language: "en-US" });
  });

  it("turns the server's error into an ApiError with its message and code", async () => {
    vi.stubGlobal("fetch", answer(400, { error: { code: "bad_input", message: "unknown language 'xx'" } }));
    const failure = check({ text: "x", language: "xx" });
    await expect(failure).rejects.toThrow(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 400, code: "bad_input", message: "unknown language 'xx'" });
  });

  it("says what to do when the server cannot be reached", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("fetch failed")));
    await expect(languages()).rejects.toMatchObject({ code: "unreachable", message: expect.stringMatching(/analyst-toolkit serve/) });
  });

  it("explains an answer that is not JSON by its status", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" })));
    await expect(languages()).rejects.toMatchObject({ status: 502, message: "The server answered 502 Bad Gateway." });
  });

  it("asks for a word's synonyms with the sentence it is in", async () => {
    const fetch = answer(200, []);
    vi.stubGlobal("fetch", fetch);
    await synonyms("describes", "en-US", { context: "The report describes it.", offset: 11 });
    const asked = new URL(fetch.mock.calls[0][0], "http://page");
    expect(asked.pathname).toBe("/api/v1/synonyms");
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      word: "describes", language: "en-US", context: "The report describes it.", offset: "11",
    });
  });

  it("lets an aborted request stay an abort", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new DOMException("aborted", "AbortError")));
    await expect(languages()).rejects.toMatchObject({ name: "AbortError" });
  });
});
