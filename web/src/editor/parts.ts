// A long document cut into parts that the server checks one at a time (it refuses a text over
// 200,000 bytes; the CLI takes 10 MiB). Parts tile the document: each starts where the one
// before ends, at the start of a Markdown block, so an answer for a part maps onto the
// document by adding the part's start. Positions are UTF-16 offsets, as JavaScript strings,
// CodeMirror and the server's answers count; sizes are UTF-8 bytes, as the server counts.
//
// Where a part ends depends only on the text around it, not on everything before it: an edit
// moves at most the boundaries next to it, so after typing only the part typed in has a new
// text to check (a greedy fill from the top would push a block into the next part, and that
// one's last block into the one after, down to the end of the document).

export interface Part {
  /// Where the part starts and ends in the document (`to` excluded), UTF-16 offsets.
  from: number;
  to: number;
  /// The document's line (1-based) and column (1-based, UTF-16 units) at `from`: the column
  /// is 1 unless a paragraph longer than the budget was cut inside a line.
  line: number;
  column: number;
  /// The document's line of the part's last character.
  lastLine: number;
}

export interface CutOptions {
  /// Largest part, in UTF-8 bytes: well below the server's 200,000-byte limit, so that a part
  /// is one quick request.
  budget: number;
  /// The mean size of a part, in UTF-8 bytes, where the blocks are smaller than it.
  target: number;
}

export const defaultCut: CutOptions = { budget: 64 * 1024, target: 32 * 1024 };

/// The UTF-8 size of `text.slice(from, to)`: a surrogate pair is 4 bytes, a lone surrogate 3
/// (the replacement character it becomes).
export function utf8Bytes(text: string, from = 0, to = text.length): number {
  let bytes = to - from;
  if (!nonAscii.test(text.slice(from, to))) return bytes; // the common case, at native speed
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (isHighSurrogate(unit) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 2; // 4 bytes for the 2 units of the pair
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const nonAscii = /[^\x00-\x7f]/;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/// The document's parts: one (the whole text, as one request) when it fits the budget.
export function cutIntoParts(text: string, options: CutOptions = defaultCut): Part[] {
  if (fitsWhole(text, options.budget)) return [wholeText(text)];
  const pieces = blocksOf(text).flatMap((block) =>
    block.bytes > options.budget ? splitBlock(text, block, options.budget) : [block],
  );
  const ranges: Range[] = [];
  for (const run of naturalRuns(text, pieces, options.target)) {
    ranges.push(...fill(run, options.budget));
  }
  return placed(text, ranges);
}

/// Whether `text` fits `budget` bytes (a character takes 1 to 3 bytes a UTF-16 unit).
function fitsWhole(text: string, budget: number): boolean {
  if (text.length > budget) return false;
  return text.length * 3 <= budget || utf8Bytes(text) <= budget;
}

function wholeText(text: string): Part {
  let lastLine = 1;
  for (let at = text.indexOf("\n"); at >= 0 && at < text.length - 1; at = text.indexOf("\n", at + 1)) {
    lastLine++;
  }
  return { from: 0, to: text.length, line: 1, column: 1, lastLine };
}

/// A stretch of the document: a block, a piece of one, or a part before it is placed.
interface Range {
  from: number;
  to: number;
  bytes: number;
  /// Whether a part may start here on its own account: a block's start, not a piece's.
  blockStart: boolean;
}

const blank = /^[ \t\r]*$/;
const heading = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const indented = /^[ \t]/;

/// The document's Markdown blocks, tiling it; each takes the blank lines after it. A block
/// starts after blank lines (unless its first line is indented: a list item's next paragraph
/// or indented code), at a heading, and after a fenced code block; a fenced code block is one
/// block, blank lines and all (one left open runs to the end, as in CommonMark). So a table or
/// a list item, which has no blank line, or only indented lines after one, is never cut.
function blocksOf(text: string): Range[] {
  const starts = [0];
  let fence: string | undefined; // the open fence's marker, while inside one
  let afterBlank = false;
  let afterFence = false;
  for (let from = 0; from < text.length; ) {
    const end = text.indexOf("\n", from);
    const to = end < 0 ? text.length : end;
    if (fence !== undefined) {
      if (mayBeMarkup(text, from) && closesFence(text.slice(from, to), fence)) {
        fence = undefined;
        afterFence = true;
      }
    } else if (mayBeMarkup(text, from) && blank.test(text.slice(from, to))) {
      afterBlank = true;
    } else {
      // Enough of the line to classify it; most lines start with a letter, and are prose.
      const line = mayBeMarkup(text, from) ? text.slice(from, Math.min(to, from + 80)) : "";
      const startsBlock = (afterBlank && !indented.test(line)) || afterFence || heading.test(line);
      if (startsBlock && from > 0) starts.push(from);
      fence = fenceOpen.exec(line)?.[1];
      afterBlank = false;
      afterFence = false;
    }
    from = to + 1;
  }
  return starts.map((from, i) => {
    const to = i + 1 < starts.length ? starts[i + 1] : text.length;
    return { from, to, bytes: utf8Bytes(text, from, to), blockStart: true };
  });
}

/// Whether the line at `from` may be blank, indented, a heading or a fence: it starts with a
/// space, a tab, a line end, "#", "`" or "~" (or is the text's end).
function mayBeMarkup(text: string, from: number): boolean {
  const unit = text.charCodeAt(from);
  return Number.isNaN(unit) || unit === 32 || unit === 9 || unit === 10 || unit === 13 || unit === 35 || unit === 96 || unit === 126;
}

function closesFence(line: string, marker: string): boolean {
  const found = /^ {0,3}(`{3,}|~{3,})[ \t\r]*$/.exec(line);
  return found !== null && found[1][0] === marker[0] && found[1].length >= marker.length;
}

/// A block over the budget in pieces that each fit it: cut after a line, else after a
/// sentence, else after a space, else anywhere but inside a surrogate pair (which would send
/// the server two halves of one character, and shift every offset after it).
function splitBlock(text: string, block: Range, budget: number): Range[] {
  const pieces: Range[] = [];
  let from = block.from;
  while (from < block.to) {
    const to = cutWithin(text, from, block.to, budget);
    pieces.push({ from, to, bytes: utf8Bytes(text, from, to), blockStart: from === block.from });
    from = to;
  }
  return pieces;
}

/// Where to end a piece that starts at `from`: the last good place before `budget` bytes.
function cutWithin(text: string, from: number, end: number, budget: number): number {
  const limit = farthest(text, from, end, budget);
  if (limit === end) return end;
  const within = text.slice(from, limit);
  const line = within.lastIndexOf("\n");
  if (line >= 0) return from + line + 1;
  const sentence = lastMatchEnd(within, /[.!?]["')\]]*[ \t]+/g);
  if (sentence > 0) return from + sentence;
  const space = lastMatchEnd(within, /[ \t]+/g);
  if (space > 0) return from + space;
  return limit; // never inside a surrogate pair: see farthest
}

/// The farthest offset after `from` (at most `end`) whose text from `from` fits `budget`
/// bytes, never between the two halves of a surrogate pair.
function farthest(text: string, from: number, end: number, budget: number): number {
  let bytes = 0;
  for (let i = from; i < end; i++) {
    const unit = text.charCodeAt(i);
    const pair = isHighSurrogate(unit) && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1));
    const size = pair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
    if (bytes + size > budget) return i > from ? i : i + (pair ? 2 : 1); // at least one character
    bytes += size;
    if (pair) i++;
  }
  return end;
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let last = 0;
  for (const found of text.matchAll(pattern)) last = found.index! + found[0].length;
  return last;
}

/// The pieces grouped into runs at the natural boundaries: a block starts a run when a hash
/// of its first line (up to 256 units) falls under its share of the target (its size over
/// the target), so runs are about `target` long and a boundary depends on that block alone.
function naturalRuns(text: string, pieces: Range[], target: number): Range[][] {
  const runs: Range[][] = [];
  for (const piece of pieces) {
    const starts = runs.length === 0 || (piece.blockStart && startsRun(text, piece, target));
    if (starts) runs.push([piece]);
    else runs[runs.length - 1].push(piece);
  }
  return runs;
}

function startsRun(text: string, block: Range, target: number): boolean {
  const chance = Math.min(1, block.bytes / target);
  const lineEnd = text.indexOf("\n", block.from);
  const end = Math.min(block.to, block.from + 256, lineEnd < 0 ? text.length : lineEnd);
  return hash(text, block.from, end) / 2 ** 32 < chance;
}

/// FNV-1a over UTF-16 units, then mixed (MurmurHash3's finalizer) so that its high bits are
/// as random as its low ones: a number in [0, 2^32).
function hash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/// A run's pieces grouped, in order, into ranges that fit the budget.
function fill(run: Range[], budget: number): Range[] {
  const ranges: Range[] = [];
  let current: Range | undefined;
  for (const piece of run) {
    if (current && current.bytes + piece.bytes <= budget) {
      current.to = piece.to;
      current.bytes += piece.bytes;
    } else {
      current = { ...piece };
      ranges.push(current);
    }
  }
  return ranges;
}

/// The ranges with the line and column where each starts and the line where each ends.
function placed(text: string, ranges: Range[]): Part[] {
  const parts: Part[] = [];
  let line = 1;
  let lineStart = 0;
  let at = 0; // the offset `line` and `lineStart` are counted up to
  const advanceTo = (offset: number) => {
    for (let nl = text.indexOf("\n", at); nl >= 0 && nl < offset; nl = text.indexOf("\n", nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    at = offset;
  };
  for (const { from, to } of ranges) {
    advanceTo(from);
    const start = { from, to, line, column: from - lineStart + 1 };
    advanceTo(to - 1); // the line of the last character: a final newline belongs to it
    parts.push({ ...start, lastLine: line });
  }
  return parts;
}
