// Checking a document part by part (parts.ts): a few requests at a time, each part's answer
// kept by its exact text and the request's settings, so that after an edit only the parts
// whose text changed are sent again. Only the latest check counts: an older one resolves to
// undefined, and its requests that the latest does not need are aborted or never sent.
import { ApiError, type CheckRequest, type CheckResult } from "../api/client";
import type { PartAnswer } from "./merge";
import { cutIntoParts, defaultCut, type CutOptions } from "./parts";

export type Settings = Omit<CheckRequest, "text">;

export interface PartCheckerOptions {
  /// Sends one check (the API client's check).
  send: (request: CheckRequest, signal: AbortSignal) => Promise<CheckResult>;
  /// Requests in flight at once, over all checks: a few, not a whole document's at once (the
  /// server checks one request a core, and sheds load when its queue waits; 4 were no faster
  /// than 2 for 10 MiB on 2 cores).
  concurrency?: number;
  /// Answers kept, at most: this many parts, of at most this many UTF-16 units of text in all
  /// (their settings counted in); the least recently used go first.
  cacheEntries?: number;
  cacheUnits?: number;
  cut?: CutOptions;
  /// Milliseconds to wait before each new try of a part the server was too busy for (503,
  /// 429: "try again in a moment", Retry-After 1 s); after the last, the part is reported.
  retryDelays?: number[];
}

export interface PartChecker {
  /// Every part's answer (or error) for `text`, in document order; undefined when a newer
  /// check started before this one ended.
  check: (text: string, settings: Settings) => Promise<PartAnswer[] | undefined>;
  /// How many answers are kept (for tests).
  cached: () => number;
}

/// A request to send or in flight; `wantedBy` is the latest check that needs its answer.
interface Job {
  key: string;
  request: CheckRequest;
  wantedBy: number;
  outcome: Promise<Outcome>;
  settle: (outcome: Outcome) => void;
  controller?: AbortController;
  /// Set while the job waits to be tried again.
  retryTimer?: ReturnType<typeof setTimeout>;
  tries: number;
  dropped: boolean;
}

/// A part's answer, its error, or "stale": dropped because no current check needs it.
type Outcome = { result: CheckResult } | { error: unknown } | "stale";

/// Enough for the CLI's largest document (10 MiB) twice over: the current text and the
/// previous settings' answers (before a glossary change, say) stay.
export const defaultCacheUnits = 24 * 1024 * 1024;
export const defaultCacheEntries = 2048;
/// A busy server (its cores shared, say) sheds a few parts of a long document: tried again
/// after 1, 2 and 4 s before the panel says they were not checked.
export const defaultRetryDelays = [1000, 2000, 4000];

/// Whether the server said it was too busy for now, not that the request was wrong.
const busy = (error: unknown) => error instanceof ApiError && (error.status === 503 || error.status === 429);

export function createPartChecker({
  send,
  concurrency = 2,
  cacheEntries = defaultCacheEntries,
  cacheUnits = defaultCacheUnits,
  cut = defaultCut,
  retryDelays = defaultRetryDelays,
}: PartCheckerOptions): PartChecker {
  const cache = new LruCache<CheckResult>(cacheEntries, cacheUnits);
  const jobs = new Map<string, Job>(); // by key, waiting or in flight
  const queue: Job[] = [];
  let inFlight = 0;
  let latest = 0;

  const outcomeFor = (key: string, request: CheckRequest, check: number): Promise<Outcome> => {
    const result = cache.get(key);
    if (result !== undefined) return Promise.resolve({ result });
    const job = jobs.get(key) ?? queued(key, request);
    job.wantedBy = check;
    return job.outcome;
  };

  const queued = (key: string, request: CheckRequest): Job => {
    let settle: (outcome: Outcome) => void = () => {};
    const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
    const job: Job = { key, request, wantedBy: 0, outcome, settle, tries: 0, dropped: false };
    jobs.set(key, job);
    queue.push(job);
    return job;
  };

  /// Jobs no check needs any more (only older checks did) are aborted, taken off the queue or
  /// no longer tried again.
  const dropUnwanted = (check: number) => {
    for (const job of jobs.values()) {
      if (job.wantedBy >= check) continue;
      job.dropped = true;
      jobs.delete(job.key);
      job.controller?.abort();
      const waiting = queue.indexOf(job);
      if (waiting >= 0) queue.splice(waiting, 1);
      clearTimeout(job.retryTimer);
      if (waiting >= 0 || job.retryTimer !== undefined) job.settle("stale");
    }
  };

  const start = (job: Job) => {
    inFlight++;
    job.tries++;
    job.controller = new AbortController();
    send(job.request, job.controller.signal)
      .then(
        (result): Outcome => {
          cache.set(job.key, result, job.key.length);
          return { result };
        },
        (error: unknown): Outcome => (job.dropped ? "stale" : { error }),
      )
      .then((outcome) => {
        inFlight--;
        const delay = retryDelays[job.tries - 1];
        if (typeof outcome === "object" && "error" in outcome && busy(outcome.error) && delay !== undefined) {
          retryLater(job, delay);
        } else {
          if (jobs.get(job.key) === job) jobs.delete(job.key);
          job.settle(outcome);
        }
        pump();
      });
  };

  /// Puts `job` back in the queue after `delay` ms, first in line.
  const retryLater = (job: Job, delay: number) => {
    job.retryTimer = setTimeout(() => {
      job.retryTimer = undefined;
      queue.unshift(job);
      pump();
    }, delay);
  };

  const pump = () => {
    while (inFlight < concurrency && queue.length > 0) start(queue.shift()!);
  };

  return {
    check: async (text, settings) => {
      const check = ++latest;
      const settingsKey = JSON.stringify(settings);
      const parts = cutIntoParts(text, cut);
      const outcomes = parts.map((part) => {
        const request = { ...settings, text: text.slice(part.from, part.to) };
        return outcomeFor(cacheKey(settingsKey, request.text), request, check);
      });
      dropUnwanted(check);
      pump();
      const settled = await Promise.all(outcomes);
      if (check !== latest) return undefined;
      return parts.map((part, i): PartAnswer => {
        const outcome = settled[i];
        // Never "stale": only a newer check drops what this one wanted.
        if (outcome === "stale") return { part, error: new Error("a newer check dropped this part") };
        return "result" in outcome ? { part, result: outcome.result } : { part, error: outcome.error };
      });
    },
    cached: () => cache.size,
  };
}

/// A part's key: its settings (as JSON: the request() of checking.ts gives its fields in one
/// order) and its exact text. Joined, then hashed by the Map, the key is a flat copy of the
/// text, which does not keep alive the whole document the text was sliced from (V8).
const cacheKey = (settingsKey: string, text: string) => `${settingsKey}\u0000${text}`;

/// A map that forgets its least recently used entries beyond `maxEntries` or `maxUnits`.
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; units: number }>();
  private units = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxUnits: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key); // to the end: used most recently
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, units: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.units -= old.units;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, units });
    this.units += units;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.units <= this.maxUnits) break;
      if (oldest === key) break; // the newest stays, even alone over the limit
      this.entries.delete(oldest);
      this.units -= entry.units;
    }
  }
}
