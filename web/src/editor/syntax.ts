// The editor's Markdown syntax (headings in bold, marks in grey, lists continued on Enter) for
// documents up to a size: beyond it, CodeMirror's Markdown parser spends its whole per-change
// budget (20 ms) catching up with the document at every keystroke, and typing in a 10 MiB
// document took 23 ms a key with it against 10 ms without (bench/web-typing). The checks do
// not depend on it: they ask the server for Markdown whatever the editor shows.
import { markdown } from "@codemirror/lang-markdown";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { ViewPlugin } from "@codemirror/view";

/// The largest document, in UTF-16 units, that keeps the Markdown syntax: about 2 MB.
export const markdownLimit = 2_000_000;

/// `syntax()` while the document is at most `limit` units long, nothing beyond: switched off
/// and on again as an edit crosses the limit.
export function markdownWhileSmall(limit = markdownLimit, syntax: () => Extension = markdown): Extension {
  const slot = new Compartment();
  const none: Extension = [];
  /// The reconfiguration `state` needs for a document of `length` units, if any.
  const change = (state: EditorState, length: number) => {
    const on = slot.get(state) !== none;
    if (on === length <= limit) return null;
    return slot.reconfigure(on ? none : syntax());
  };
  return [
    slot.of(syntax()),
    // An edit that crosses the limit changes the syntax in the same transaction.
    EditorState.transactionExtender.of((tr) => {
      const effect = tr.docChanged ? change(tr.startState, tr.newDoc.length) : null;
      return effect ? { effects: effect } : null;
    }),
    // A document that starts over the limit (a long draft) loses it right after the start.
    ViewPlugin.define((view) => {
      queueMicrotask(() => {
        const effect = change(view.state, view.state.doc.length);
        if (effect) view.dispatch({ effects: effect });
      });
      return {};
    }),
  ];
}
