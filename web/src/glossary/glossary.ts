// The project glossary: terms that are never spelling mistakes and are never translated.
// Kept in the browser; exported and imported as a text file, one term per line (the CLI's
// --glossary format: blank lines and lines starting with # are ignored).

/// The terms of a glossary file's text: trimmed, without blanks and comments, each once.
export function parseGlossary(text: string): string[] {
  const terms = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  return [...new Set(terms)];
}

/// The glossary as a file's text.
export function formatGlossary(terms: string[]): string {
  return "# Analyst Toolkit glossary: one term per line\n" + terms.map((t) => `${t}\n`).join("");
}

/// `terms` with `more` added (each once, in order).
export function withTerms(terms: string[], more: string[]): string[] {
  return [...new Set([...terms, ...more.map((t) => t.trim()).filter((t) => t !== "")])];
}
