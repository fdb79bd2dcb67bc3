// The words the translator did not know, found in its output so that the page can mark them.

export interface Segment {
  text: string;
  unknown: boolean;
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/// `text` cut into runs, those that are whole occurrences of `words` marked unknown.
export function markUnknown(text: string, words: string[]): Segment[] {
  if (words.length === 0 || text === "") return text === "" ? [] : [{ text, unknown: false }];
  // Longest first, so that "frobnicators" wins over "frobnicator"; whole words only.
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const segments: Segment[] = [];
  let done = 0;
  for (const found of text.matchAll(pattern)) {
    const at = found.index ?? 0;
    if (at > done) segments.push({ text: text.slice(done, at), unknown: false });
    segments.push({ text: found[0], unknown: true });
    done = at + found[0].length;
  }
  if (done < text.length) segments.push({ text: text.slice(done), unknown: false });
  return segments;
}
