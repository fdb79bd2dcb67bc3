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
