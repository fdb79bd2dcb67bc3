import { describe, expect, it, vi } from "vitest";
import { ApiError, type CheckRequest, type CheckResult } from "../api/client";
import { createPartChecker, LruCache, type PartCheckerOptions } from "./partChecker";
import type { CutOptions } from "./parts";

/// Small budgets, so that a few paragraphs make a long document.
const cut: CutOptions = { budget: 200, target: 100 };

/// Paragraphs numbered so that no two start alike.
const document = (count: number) =>
  Array.from({ length: count }, (_, i) => `Paragraph ${i} says the system shall log in.`).join("\n\n");

/// A server whose answers come when the test says; it records each request and its signal.
function fakeServer() {
  const requests: { body: CheckRequest; signal: AbortSignal; answer: (r?: Partial<CheckResult>) => void; fail: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const send: PartCheckerOptions["send"] = (body, signal) =>
    new Promise<CheckResult>((resolve, reject) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const settle = () => inFlight--;
      requests.push({
        body,
        signal,
        answer: (fields = {}) => {
          settle();
          resolve({ language: "en-US", language_detected: false, words: body.text.split(" ").length, matches: [], ...fields });
        },
        fail: (error) => {
          settle();
          reject(error);
        },
      });
      signal.addEventListener("abort", () => {
        settle();
        reject(new DOMException("aborted", "AbortError"));
      });
    });
  return { send, requests, mostInFlight: () => mostInFlight };
}

/// Lets the checker's promise chains run.
const settle = () => new Promise((wake) => setTimeout(wake, 0));

/// Answers every request not yet answered, again as new ones come, until `done` settles.
async function answerAll<T>(server: ReturnType<typeof fakeServer>, done: Promise<T>): Promise<T> {
  let finished = false;
  done.then(() => (finished = true), () => (finished = true));
  const answered = new Set<number>();
  while (!finished) {
    server.requests.forEach((r, i) => {
      if (!answered.has(i) && !r.signal.aborted) {
        answered.add(i);
        r.answer();
      }
    });
    await settle();
  }
  return done;
}

const settings = { language: "en-US", format: "markdown" as const, glossary: [] };

describe("checking a document in parts", () => {
  it("sends a short document as one request, the settings and the whole text, as before", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut });
    const answers = answerAll(server, checker.check("The system shall log in.", settings));
    expect((await answers)!.map((a) => a.result?.words)).toEqual([5]);
    expect(server.requests.map((r) => r.body)).toEqual([{ ...settings, text: "The system shall log in." }]);
  });

  it("sends a long one in parts, a few at a time, each answer with its part in document order", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut, concurrency: 2 });
    const text = document(40);
    const answers = (await answerAll(server, checker.check(text, settings)))!;
    expect(answers.length).toBeGreaterThan(5);
    expect(server.requests).toHaveLength(answers.length);
    expect(server.mostInFlight()).toBe(2);
    expect(answers.map((a) => text.slice(a.part.from, a.part.to))).toEqual(server.requests.map((r) => r.body.text));
    expect(answers.map((a) => a.part.from)).toEqual([...answers.map((a) => a.part.from)].sort((a, b) => a - b));
    for (const r of server.requests) expect(r.body).toMatchObject(settings);
  });

  it("sends again only the part an edit changed", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut });
    const text = document(40);
    const parts = (await answerAll(server, checker.check(text, settings)))!.length;
    const at = text.indexOf("Paragraph 20 ");
    const edited = `${text.slice(0, at)}Paragraph 20 now says more. ${text.slice(at + 13)}`;
    const answers = (await answerAll(server, checker.check(edited, settings)))!;
    expect(server.requests.slice(parts).map((r) => r.body.text)).toEqual([
      edited.slice(answers.find((a) => a.part.to > at)!.part.from, answers.find((a) => a.part.to > at)!.part.to),
    ]);
    expect(answers.every((a) => a.result !== undefined)).toBe(true);
  });

  it("sends every part again when the settings change: the answers depend on them", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut });
    const text = document(40);
    const parts = (await answerAll(server, checker.check(text, settings)))!.length;
    await answerAll(server, checker.check(text, { ...settings, glossary: ["Paragraph"] }));
    expect(server.requests).toHaveLength(2 * parts);
    expect(server.requests[parts].body.glossary).toEqual(["Paragraph"]);
    await answerAll(server, checker.check(text, settings)); // the first settings' answers are kept
    expect(server.requests).toHaveLength(2 * parts);
  });

  it("drops an older check's answers: it resolves to nothing, and its requests no one needs are aborted", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut });
    const older = checker.check("The old text.", settings);
    await settle();
    const newer = checker.check("The new text.", settings);
    await settle();
    expect(server.requests[0].signal.aborted).toBe(true);
    server.requests[1].answer({ words: 3 });
    expect(await older).toBeUndefined();
    expect((await newer)![0].result!.words).toBe(3);
  });

  it("shares the parts an older check still running asked for: nothing sent twice, the older dropped", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut, concurrency: 1 });
    const text = document(40);
    const older = checker.check(text, settings);
    await settle();
    // A newer text with the same parts but the last: the parts asked for already are shared.
    const edited = `${text} And more.`;
    const newer = checker.check(edited, settings);
    const answers = (await answerAll(server, Promise.all([older, newer])))[1]!;
    expect(await older).toBeUndefined();
    const texts = server.requests.filter((r) => !r.signal.aborted).map((r) => r.body.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(answers.map((a) => edited.slice(a.part.from, a.part.to)).join("")).toBe(edited);
    expect(answers.every((a) => a.result !== undefined)).toBe(true);
  });

  it("keeps the other parts' answers when one fails, and asks for the failed one again next time", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut, concurrency: 1 });
    const text = document(40);
    const first = checker.check(text, settings);
    await settle();
    server.requests[0].fail(new ApiError("The server cannot be reached.", 0, "unreachable"));
    const answers = (await answerAll(server, first))!;
    expect(answers[0].error).toMatchObject({ status: 0 });
    expect(answers.slice(1).every((a) => a.result !== undefined)).toBe(true);
    const sent = server.requests.length;
    const again = (await answerAll(server, checker.check(text, settings)))!;
    expect(server.requests.slice(sent).map((r) => r.body.text)).toEqual([server.requests[0].body.text]);
    expect(again.every((a) => a.result !== undefined)).toBe(true);
  });

  it("tries a part again when the server is too busy for it, then says it was not checked", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut, retryDelays: [1, 1] });
    const busy = () => new ApiError("the server is overloaded; try again in a moment", 503, "overloaded");
    const once = checker.check("Shed once.", settings);
    await settle();
    server.requests[0].fail(busy());
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    server.requests[1].answer({ words: 2 });
    expect((await once)![0].result!.words).toBe(2);

    const always = checker.check("Shed always.", settings);
    for (let tries = 3; tries <= 5; tries++) {
      await vi.waitFor(() => expect(server.requests).toHaveLength(tries));
      server.requests[tries - 1].fail(tries === 4 ? new ApiError("slow down", 429, "rate_limited") : busy());
    }
    expect((await always)![0].error).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(5); // the first try and two more
  });

  it("does not try again a part no check needs any more", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut, retryDelays: [20] });
    const older = checker.check("The old text.", settings);
    await settle();
    server.requests[0].fail(new ApiError("busy", 503, "overloaded"));
    await settle(); // now waiting to be tried again
    const newer = checker.check("The new text.", settings);
    await settle();
    server.requests[1].answer();
    expect(await older).toBeUndefined();
    expect((await newer)![0].result).toBeDefined();
    await new Promise((wake) => setTimeout(wake, 40));
    expect(server.requests.map((r) => r.body.text)).toEqual(["The old text.", "The new text."]);
  });

  it("forgets the least recently used answers beyond its bounds", async () => {
    const server = fakeServer();
    const checker = createPartChecker({ send: server.send, cut, cacheEntries: 2 });
    for (const text of ["One.", "Two.", "Three."]) await answerAll(server, checker.check(text, settings));
    expect(checker.cached()).toBe(2);
    await answerAll(server, checker.check("Two.", settings)); // kept
    expect(server.requests).toHaveLength(3);
    await answerAll(server, checker.check("One.", settings)); // forgotten
    expect(server.requests).toHaveLength(4);
  });
});

describe("the answers' cache", () => {
  it("keeps at most so many entries and units, the most recently used", () => {
    const cache = new LruCache<string>(3, 100);
    cache.set("a", "A", 10);
    cache.set("b", "B", 10);
    cache.set("c", "C", 10);
    expect(cache.get("a")).toBe("A"); // now the most recent
    cache.set("d", "D", 10);
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c"), cache.get("d")]).toEqual(["A", "C", "D"]);
    cache.set("e", "E", 85); // 10 + 10 + 10 + 85 > 100: the oldest go until it fits
    expect(cache.size).toBe(2);
    expect([cache.get("d"), cache.get("e")]).toEqual(["D", "E"]);
    cache.set("huge", "H", 500); // alone over the bound: kept, the others go
    expect(cache.size).toBe(1);
    expect(cache.get("huge")).toBe("H");
  });

  it("replaces an entry set again, counting its units once", () => {
    const cache = new LruCache<string>(10, 30);
    cache.set("a", "1", 20);
    cache.set("a", "2", 20);
    expect(cache.size).toBe(1);
    expect(cache.get("a")).toBe("2");
    cache.set("b", "B", 10);
    expect(cache.size).toBe(2);
  });
});
