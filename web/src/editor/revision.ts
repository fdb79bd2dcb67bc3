// A counter of the document's changes that parts of the page can follow without React
// re-rendering the whole page at each keystroke (useSyncExternalStore over it).
export interface Revision {
  get: () => number;
  subscribe: (listener: () => void) => () => void;
  bump: () => void;
}

export function createRevision(): Revision {
  let value = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    bump: () => {
      value++;
      for (const listener of listeners) listener();
    },
  };
}
