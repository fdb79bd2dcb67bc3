// The page: a toolbar, the editor (CodeMirror owns the text; React only holds the view in a
// ref) and a side panel of findings, scores and readability.
import type { Action } from "@codemirror/lint";
import { keymap, placeholder } from "@codemirror/view";
import { EditorView, basicSetup } from "codemirror";
import { BookOpen, Download, FolderOpen, Globe, Languages as LanguageIcon, ListChecks, Wand2 } from "lucide-react";
import { useEffect, useRef, useState, type CSSProperties } from "react";
import {
  ApiError,
  languages,
  synonyms,
  type CheckResult,
  type Languages,
  type Match,
} from "./api/client";
import { checking, recheck } from "./editor/checking";
import { canOpen, download, nameFromText, openable, replacesEverything } from "./editor/documents";
import { FileButton } from "./editor/FileButton";
import { draftKey, glossaryKey, keep, keepWhenQuiet, loadKept } from "./editor/storage";
import { proseHighlighting } from "./editor/prose";
import { markdownWhileSmall } from "./editor/syntax";
import { createRevision } from "./editor/revision";
import { sentenceAround } from "./editor/sentence";
import { applyFirstFix, findingCards, fixAllTypos } from "./editor/findings";
import { GlossaryDialog } from "./glossary/GlossaryDialog";
import { FindingsPanel, type Thesaurus } from "./panel/FindingsPanel";
import { TranslationPane } from "./translation/TranslationPane";
import { ErrorBoundary } from "./ui/ErrorBoundary";
import { ToolButton } from "./ui/ToolButton";
import { Splitter } from "./ui/Splitter";
import { DocumentName } from "./editor/DocumentName";


function savedGlossary(): string[] {
  try {
    const saved: unknown = JSON.parse(loadKept(localStorage, glossaryKey) ?? "[]");
    return Array.isArray(saved) ? saved.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return []; // a damaged entry: start again rather than fail
  }
}
const sample = `# Password reset

The system shall send a single-use link to the registered adress within 30 seconds.

The reset page should be user friendly and fast.
`;

function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong while checking; try again, and report it if it persists.";
}

export function App() {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>();
  const language = useRef("auto");
  /// The same choice, for the menu (the checks read the ref).
  const [languageChoice, setLanguageChoice] = useState("auto");
  const [glossaryTerms, setGlossaryTerms] = useState<string[]>(savedGlossary);
  /// The same terms, for the checks, which read them outside React.
  const glossary = useRef<string[]>(glossaryTerms);
  /// Findings the analyst chose to ignore, by rule and text, for this session.
  const ignored = useRef(new Set<string>());
  /// Categories the analyst turned off.
  const [hidden, setHidden] = useState<string[]>([]);
  const hiddenNow = useRef<string[]>([]);
  /// The last answer, with the text it is the answer for.
  const [result, setResult] = useState<{ answer: CheckResult; text: string }>();
  /// The document's share of the width when the translation is beside it, in percent.
  const [editorShare, setEditorShare] = useState(55);
  const [error, setError] = useState<string>();
  /// Why the browser is not keeping the draft, if it is not.
  const [notKept, setNotKept] = useState<string>();
  const [installed, setInstalled] = useState<Languages>({ languages: [], translation_pairs: [] });
  const [translating, setTranslating] = useState(false);
  /// The file the document was opened from, until its text is replaced as a whole.
  const [openedFile, setOpenedFile] = useState<string>();
  const [editingGlossary, setEditingGlossary] = useState(false);
  /// The synonyms of the selected word, and where that word is.
  const [thesaurus, setThesaurus] = useState<Thesaurus>();
  /// The document's changes, for the parts that follow them (the translation).
  const [revision] = useState(createRevision);
  const lookUp = useRef<(editor: EditorView) => boolean>(() => false);

  useEffect(() => {
    languages()
      .then(setInstalled)
      .catch((e) => setError(errorText(e)));
  }, []);

  useEffect(() => {
    if (!host.current) return;
    const draftKeeper = keepWhenQuiet(() => {
      if (view.current) setNotKept(keep(localStorage, draftKey, view.current.state.doc.toString()));
    });
    const editor = new EditorView({
      parent: host.current,
      doc: loadKept(localStorage, draftKey) ?? sample,
      extensions: [
        basicSetup,
        markdownWhileSmall(), // off in a document over 2 M characters: typing stays fast
        proseHighlighting,
        EditorView.lineWrapping,
        placeholder(
          "Type or paste a specification here, or open a Markdown or text file (Open…, or drop it here). " +
            "Typos are underlined in red, vague or untestable wording in blue.",
        ),
        findingCards, // below the word, never over the lines being read
        // tabindex: the scrolling editor counts as reachable by keyboard for checkers too.
        EditorView.contentAttributes.of({ "aria-label": "Document", tabindex: "0" }),
        keymap.of([
          { key: "Mod-Shift-y", run: (editor) => lookUp.current(editor) },
          { key: "Mod-.", run: applyFirstFix }, // the first fix of the finding at the cursor
        ]),
        checking({
          request: () => ({
            language: language.current,
            format: "markdown",
            glossary: glossary.current,
          }),
          actions: (match) => {
            const more: Action[] = [
              {
                name: "Ignore",
                apply: (v, from, to) => {
                  ignored.current.add(`${match.rule_id}\u0000${v.state.sliceDoc(from, to)}`);
                  recheck(v);
                },
              },
            ];
            if (match.category === "TYPOS") {
              more.unshift({
                name: "Add to glossary",
                apply: (v, from, to) => {
                  setGlossary([...glossary.current, v.state.sliceDoc(from, to)]);
                },
              });
            }
            return more;
          },
          shown: (match, text) =>
            !ignored.current.has(`${match.rule_id}\u0000${text}`) &&
            !hiddenNow.current.includes(match.category),
          onResult: (answer, failure, text) => {
            setResult(answer && { answer, text: text ?? "" });
            setError(failure === undefined ? undefined : errorText(failure));
          },
        }),
        // Nothing typed is lost: the draft is kept in the browser when typing pauses, and
        // before the page is hidden or left.
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          revision.bump();
          draftKeeper.changed();
          const replaced = update.transactions.some(
            (t) => !t.isUserEvent("open") && replacesEverything(t.changes, t.startState.doc.length),
          );
          if (replaced) setOpenedFile(undefined); // another document now: not that file
        }),
      ],
    });
    view.current = editor;
    return () => {
      draftKeeper.stop();
      editor.destroy();
    };
  }, []);

  /// The document as it is now.
  const draft = () => view.current?.state.doc.toString() ?? loadKept(localStorage, draftKey) ?? "";
  /// The name Save offers: the file it was opened from, else one made of its first heading.
  /// (Its first heading is near the top: the name never needs a copy of a long document.)
  const fileName = () =>
    openedFile ?? nameFromText(view.current?.state.sliceDoc(0, 4096) ?? draft().slice(0, 4096));

  const jumpTo = (match: Pick<Match, "offset" | "length">) => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch({
      selection: { anchor: match.offset, head: match.offset + match.length },
      scrollIntoView: true,
    });
    editor.focus();
  };

  /// Keeps the glossary (in the browser too) and checks the text again with it.
  const setGlossary = (terms: string[]) => {
    glossary.current = [...new Set(terms)];
    setGlossaryTerms(glossary.current);
    setNotKept(keep(localStorage, glossaryKey, JSON.stringify(glossary.current)));
    if (view.current) recheck(view.current);
  };

  // The synonyms of the selected word (or the word at the cursor): Ctrl-Shift-Y or the button.
  lookUp.current = (editor) => {
    const { from, to } = editor.state.selection.main;
    const range = from === to ? editor.state.wordAt(from) : { from, to };
    if (!range) return false;
    const word = editor.state.sliceDoc(range.from, range.to).trim();
    if (word === "") return false;
    const code = result?.answer.language ?? (language.current === "auto" ? "en-US" : language.current);
    // The word's sentence goes with it: its synonyms depend on how it is used there.
    const line = editor.state.doc.lineAt(range.from);
    const { sentence, offset } = sentenceAround(line.text, range.from - line.from, code);
    synonyms(word, code, { context: sentence, offset })
      .then((meanings) => setThesaurus({ word, from: range.from, to: range.to, meanings }))
      .catch((e) => setError(errorText(e)));
    return true;
  };

  const replaceWord = (replacement: string) => {
    const editor = view.current;
    if (!editor || !thesaurus) return;
    if (editor.state.sliceDoc(thesaurus.from, thesaurus.to) !== thesaurus.word) {
      setError(`"${thesaurus.word}" has changed since it was looked up; select it and look again.`);
      return;
    }
    editor.dispatch({ changes: { from: thesaurus.from, to: thesaurus.to, insert: replacement } });
    setThesaurus(undefined);
    editor.focus();
  };

  const openFile = async (file: File | undefined) => {
    const editor = view.current;
    if (!file || !editor) return;
    if (!canOpen(file)) {
      setError(`${file.name} is not a Markdown or text file: open a .md or .txt file.`);
      return;
    }
    const text = await file.text();
    // One change: Undo brings the previous text back.
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, userEvent: "open" });
    setOpenedFile(file.name);
  };

  const showCategory = (category: string, show: boolean) => {
    hiddenNow.current = show
      ? hiddenNow.current.filter((c) => c !== category)
      : [...hiddenNow.current, category];
    setHidden(hiddenNow.current);
    if (view.current) recheck(view.current);
  };

  const fixTypos = () => {
    const editor = view.current;
    if (!editor) return;
    const changes = fixAllTypos(editor.state);
    if (changes.length > 0) editor.dispatch({ changes, userEvent: "input.fix" });
    editor.focus(); // so that Ctrl-Z takes it back at once
  };

  const documentLanguage = (result?.answer.language ?? "en").split("-")[0];
  const targets = installed.translation_pairs
    .filter((pair) => pair.source === documentLanguage)
    .map((pair) => pair.target);

  const sureFixes = (result?.answer.matches ?? []).filter((m) => m.fixable === true).length;
  return (
    <div className="app">
      <header className="toolbar">
        <div className="brand">
          <h1>Analyst Toolkit</h1>
        </div>
        <div className="tools">
          <div className="group">
            <label className="field" title={result?.answer.language_detected ? `Detected: ${result.answer.language}` : undefined}>
              <LanguageIcon size={16} aria-hidden />
              Language
              <select
                value={languageChoice}
                onChange={(event) => {
                  language.current = event.target.value;
                  setLanguageChoice(event.target.value);
                  if (view.current) recheck(view.current);
                }}
              >
                <option value="auto">
                  {result?.answer.language_detected ? `Detect (${result.answer.language})` : "Detect"}
                </option>
                {installed.languages.map((choice) => (
                  <option key={choice.code} value={choice.code}>
                    {choice.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="group">
            <ToolButton
              icon={Wand2}
              className="primary fix-all"
              onClick={fixTypos}
              disabled={sureFixes === 0}
              title="Corrects the typos whose best suggestion is sure, as check --fix does; the others stay listed"
            >
              Fix all typos{sureFixes > 0 && ` (${sureFixes})`}
            </ToolButton>
          </div>
          <div className="group">
            <FileButton label="Open…" accept={openable} onFile={openFile} icon={<FolderOpen size={16} aria-hidden />} />
            <ToolButton icon={Download} onClick={() => download(draft(), fileName())}>
              Save
            </ToolButton>
          </div>
          <div className="group">
            <ToolButton
              icon={BookOpen}
              title="Synonyms of the selected word (Ctrl-Shift-Y)"
              onClick={() => view.current && lookUp.current(view.current)}
            >
              Synonyms
            </ToolButton>
            <ToolButton icon={ListChecks} onClick={() => setEditingGlossary(true)}>
              Glossary
            </ToolButton>
          </div>
          <div className="group">
            <ToolButton icon={Globe} pressed={translating} onClick={() => setTranslating(!translating)}>
              Translation
            </ToolButton>
          </div>
        </div>
      </header>
      <main
        className={translating ? "workspace translating" : "workspace"}
        style={{ "--editor-share": `${editorShare}%` } as CSSProperties}
      >
        <div className="panes">
          <div className="document">
            <DocumentName revision={revision} name={fileName} />
            <div
              className="editor"
            ref={host}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              openFile(event.dataTransfer.files[0]);
            }}
            />
          </div>
          {translating && (
            <>
              <Splitter label="Resize the document and its translation" value={editorShare} onChange={setEditorShare} />
              <ErrorBoundary area="The translation" draft={draft} fileName={fileName}>
                <TranslationPane
                  source={documentLanguage}
                  targets={targets}
                  text={draft}
                  glossary={() => glossary.current}
                  revision={revision}
                />
              </ErrorBoundary>
            </>
          )}
        </div>
        <ErrorBoundary
          area="The findings panel"
          draft={draft}
          fileName={fileName}
          onReset={() => {
            setResult(undefined);
            setThesaurus(undefined);
            if (view.current) recheck(view.current);
          }}
        >
          <FindingsPanel
            error={[notKept, error].filter(Boolean).join(" ") || undefined}
            result={result?.answer}
            text={result?.text}
            thesaurus={thesaurus}
            hidden={hidden}
            onJump={jumpTo}
            onShowCategory={showCategory}
            onReplaceWord={replaceWord}
          />
        </ErrorBoundary>
      </main>
      {editingGlossary && (
        <ErrorBoundary area="The glossary" draft={draft} fileName={fileName}>
          <GlossaryDialog
            terms={glossaryTerms}
            onChange={setGlossary}
            onClose={() => setEditingGlossary(false)}
          />
        </ErrorBoundary>
      )}
    </div>
  );
}
