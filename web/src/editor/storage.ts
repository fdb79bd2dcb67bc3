// The draft and the glossary kept in the browser. Storage can be full, or refused (private
// modes, policies): the page must still work, and must say that the draft is not kept.

/// Where the draft and the glossary are kept.
export const draftKey = "analyst-toolkit.draft";
export const glossaryKey = "analyst-toolkit.glossary";

/// What the analyst is told when the browser will not keep the draft.
export const notKept =
  "This browser is not keeping your draft (its storage is full or turned off): save the document to keep your work.";

/// The value kept under `key`, or undefined when there is none or storage is refused.
export function loadKept(storage: Pick<Storage, "getItem">, key: string): string | undefined {
  try {
    return storage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/// Keeps `value` under `key`: undefined when kept, else `notKept` to show.
export function keep(storage: Pick<Storage, "setItem">, key: string, value: string): string | undefined {
  try {
    storage.setItem(key, value);
    return undefined;
  } catch {
    return notKept;
  }
}

/// The page events after which a pending save must not wait: the page hidden (another tab, a
/// phone's home screen) or left (a reload, a closed tab).
type PageEvents = Pick<Window, "addEventListener" | "removeEventListener">;

export interface QuietKeeper {
  /// The document changed: save it once changes pause.
  changed: () => void;
  /// Save now if a change is waiting; and stop listening to the page.
  stop: () => void;
}

export interface QuietOptions {
  /// Milliseconds without a change before saving.
  delay?: number;
  page?: PageEvents;
  /// Whether the page is hidden now (after a visibilitychange).
  hidden?: () => boolean;
}

/// Calls `save` once changes pause for `delay` ms, and at once when the page is hidden or
/// left, so that a long document is not copied into storage at every keystroke (chromium
/// takes over 100 ms to store 4 MB, and typing in a 1 MiB document lagged by 100 ms a key).
export function keepWhenQuiet(
  save: () => void,
  { delay = 300, page = window, hidden = () => document.visibilityState === "hidden" }: QuietOptions = {},
): QuietKeeper {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    save();
  };
  const onVisibility = () => {
    if (hidden()) now();
  };
  page.addEventListener("pagehide", now);
  page.addEventListener("visibilitychange", onVisibility);
  return {
    changed: () => {
      clearTimeout(timer);
      timer = setTimeout(now, delay);
    },
    stop: () => {
      now();
      page.removeEventListener("pagehide", now);
      page.removeEventListener("visibilitychange", onVisibility);
    },
  };
}
