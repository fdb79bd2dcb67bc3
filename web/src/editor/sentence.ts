// The sentence a word is in, for lookups that depend on how the word is used (synonyms: a
// verb or a noun?).

/// The sentence of `line` that holds UTF-16 offset `at`, with `at`'s offset inside it; by
/// Intl.Segmenter's sentence rules in `language`.
export function sentenceAround(line: string, at: number, language: string): { sentence: string; offset: number } {
  const segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
  for (const { segment, index } of segmenter.segment(line)) {
    if (at >= index && at < index + segment.length) {
      const lead = segment.length - segment.trimStart().length;
      return { sentence: segment.trim(), offset: at - index - lead };
    }
  }
  return { sentence: line, offset: at };
}
