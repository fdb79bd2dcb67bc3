// How Markdown looks in the editor: a reading style for prose, not code. Headings are bold
// and larger but never underlined (an underline there would pass for a finding), and the
// Markdown marks themselves are quiet grey so that the words stand out.
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";

export const proseHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.heading1, fontWeight: "bold", fontSize: "1.3em" },
    { tag: tags.heading2, fontWeight: "bold", fontSize: "1.15em" },
    { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: "bold" },
    { tag: tags.strong, fontWeight: "bold" },
    { tag: tags.emphasis, fontStyle: "italic" },
    { tag: tags.strikethrough, textDecoration: "line-through" },
    { tag: [tags.link, tags.url], color: "#0550ae" },
    { tag: tags.monospace, fontFamily: "monospace", color: "#953800" },
    { tag: tags.quote, color: "#57606a", fontStyle: "italic" },
    { tag: [tags.processingInstruction, tags.contentSeparator, tags.meta], color: "#6e7781" },
  ]),
);
