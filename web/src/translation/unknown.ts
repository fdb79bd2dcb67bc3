// The words the translator did not know, found in its output so that the page can mark them.
import type { Element, ElementContent, Root } from "hast";

/// What a marked word's tooltip says.
export const unknownTitle = "Not in the translator's dictionaries";

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

/// A rehype plugin for react-markdown: the unknown words of the rendered translation wrapped
/// in <mark>, except inside code, which the translator never touched.
export function rehypeMarkUnknown(words: string[]) {
  const wrap = (parent: Parent) => {
    parent.children = parent.children.flatMap((child): ElementContent[] => {
      if (child.type === "element" && !untranslated.has(child.tagName)) wrap(child);
      if (child.type !== "text") return [child as ElementContent];
      return markUnknown(child.value, words).map((segment) =>
        segment.unknown ? unknownMark(segment.text) : { type: "text", value: segment.text },
      );
    });
  };
  return () => (tree: Root) => wrap(tree);
}

type Parent = Root | Element;
const untranslated = new Set(["code", "pre"]);

function unknownMark(word: string): Element {
  return {
    type: "element",
    tagName: "mark",
    properties: { title: unknownTitle },
    children: [{ type: "text", value: word }],
  };
}
