// Only the answer to the latest question counts: a slow answer to an older text must never
// overwrite the findings of the text as it is now.

/// Wraps `ask` so that each call aborts the previous one, and an answer that comes back
/// after a newer call started resolves to `undefined` instead of its value.
export function latestOnly<Args extends unknown[], Result>(
  ask: (signal: AbortSignal, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result | undefined> {
  let current: AbortController | undefined;
  return async (...args: Args) => {
    current?.abort();
    const mine = new AbortController();
    current = mine;
    try {
      const result = await ask(mine.signal, ...args);
      return current === mine ? result : undefined;
    } catch (error) {
      if (current !== mine || (error instanceof DOMException && error.name === "AbortError")) {
        return undefined;
      }
      throw error;
    }
  };
}
