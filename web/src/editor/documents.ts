// Opening and saving documents: the file's text into the editor, the editor's text out.
import type { ChangeSet } from "@codemirror/state";

/// The kinds of file the editor opens: Markdown and plain text.
export const openable = ".md,.markdown,.txt,.text,text/markdown,text/plain";

/// Whether `file` looks like one the editor can open (by name or type).
export function canOpen(file: { name: string; type: string }): boolean {
  return /\.(md|markdown|txt|text)$/i.test(file.name) || /^text\/(markdown|plain)$/.test(file.type);
}

/// Offers `text` as a download named `name`.
export function download(text: string, name: string, type = "text/markdown"): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/// The name to save `text` under when it comes from no file: its first heading (or first
/// line) as a file name, "password-reset.md"; "document.md" when it has no words.
export function nameFromText(text: string): string {
  const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1];
  const firstLine = text.split("\n").find((line) => line.trim() !== "");
  const words = (heading ?? firstLine ?? "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${words || "document"}.md`;
}

/// Whether a change replaced the whole of a document of `length` UTF-16 units (a paste over
/// everything, select-all then type): the text is then no longer the file it was opened from.
export function replacesEverything(changes: ChangeSet, length: number): boolean {
  let whole = false;
  changes.iterChangedRanges((fromA, toA) => {
    if (length > 0 && fromA === 0 && toA === length) whole = true;
  });
  return whole;
}
