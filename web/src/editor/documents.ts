// Opening and saving documents: the file's text into the editor, the editor's text out.

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
