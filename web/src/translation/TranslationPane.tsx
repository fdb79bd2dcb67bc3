// The document translated, beside the editor: it follows the document (translated again a
// moment after each edit, saying meanwhile that it is out of date), rendered (or as Markdown)
// with the words the translator did not know marked; copy or download it.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { ApiError, translate, type TranslateRequest, type Translation } from "../api/client";
import { download as offer } from "../editor/documents";
import { latestOnly } from "../editor/latest";
import type { Revision } from "../editor/revision";
import { defaultTarget } from "./target";
import { markUnknown, rehypeMarkUnknown, unknownTitle } from "./unknown";

export interface TranslationPaneProps {
  /// The document's language ("en-US" or "en"), from the last check.
  source: string;
  /// The target languages the source can go to.
  targets: string[];
  /// The text to translate, read at each translation.
  text: () => string;
  glossary: () => string[];
  /// The document's changes: the translation follows them.
  revision: Revision;
  /// Milliseconds of quiet after an edit before translating again.
  followDelay?: number;
}

/// A translation, and the document's revision and target it was made for.
interface Made {
  result: Translation;
  revision: number;
  target: string;
}

const names = new Intl.DisplayNames(["en"], { type: "language" });

export function TranslationPane({ source, targets, text, glossary, revision, followDelay = 700 }: TranslationPaneProps) {
  const [target, setTarget] = useState(() => defaultTarget(targets, source, navigator.languages ?? []));
  const [made, setMade] = useState<Made>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [asSource, setAsSource] = useState(false);
  const chosen = targets.includes(target) ? target : defaultTarget(targets, source, navigator.languages ?? []);
  const now = useSyncExternalStore(revision.subscribe, revision.get);
  const ask = useMemo(() => latestOnly((signal, request: TranslateRequest) => translate(request, signal)), []);
  // Read at each translation; new functions at each render must not translate again.
  const read = useRef({ text, glossary });
  read.current = { text, glossary };

  const run = useCallback(async () => {
    if (chosen === "") return;
    const at = revision.get();
    setBusy(true);
    try {
      const { text, glossary } = read.current;
      const result = await ask({ text: text(), source, target: chosen, format: "markdown", glossary: glossary() });
      if (result === undefined) return; // a newer translation is on its way
      setMade({ result, revision: at, target: chosen });
      setError(undefined);
      setBusy(false);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "The translation failed; try again.");
      setBusy(false);
    }
  }, [ask, chosen, revision, source]);

  // On opening and at each new target: translate at once.
  useEffect(() => {
    run();
  }, [run]);

  // After an edit: again, once typing pauses.
  useEffect(() => {
    if (made === undefined || made.revision === now) return;
    const timer = setTimeout(run, followDelay);
    return () => clearTimeout(timer);
  }, [now]); // only an edit starts the wait again

  const result = made?.result;
  const stale = made !== undefined && (made.revision !== now || made.target !== chosen);
  const download = () => {
    if (result) offer(result.translation, `translation-${made.target}.md`);
  };

  return (
    <section className="translation" aria-label="Translation">
      <div className="translation-bar">
        <label>
          Translate to{" "}
          <select value={chosen} onChange={(event) => setTarget(event.target.value)}>
            {targets.map((code) => (
              <option key={code} value={code}>
                {names.of(code) ?? code}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={run} disabled={busy || chosen === ""}>
          {busy ? "Translating…" : "Translate"}
        </button>
        {result && (
          <>
            <button type="button" className="button" onClick={() => navigator.clipboard?.writeText(result.translation)}>
              Copy
            </button>
            <button type="button" className="button" onClick={download}>
              Download
            </button>
            <label>
              <input type="checkbox" checked={asSource} onChange={(e) => setAsSource(e.target.checked)} />{" "}
              Markdown
            </label>
          </>
        )}
      </div>
      <p className={stale ? "freshness stale" : "freshness"} role="status">
        {result === undefined
          ? ""
          : stale
            ? error
              ? "Out of date: the document changed since this translation."
              : "Out of date: the document changed; translating again…"
            : "Up to date with the document."}
        {result && <span className="route"> · through {result.route.join(" then ")}</span>}
      </p>
      {targets.length === 0 && <p>No translation from {source} is installed.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className={stale ? "translation-body stale" : "translation-body"}>
          {asSource ? <TranslatedSource {...result} /> : <TranslatedDocument {...result} />}
        </div>
      )}
    </section>
  );
}

/// The translation rendered as the reader will see it (tables too), unknown words marked.
/// react-markdown builds React elements, never raw HTML: nothing in the text can run.
function TranslatedDocument({ translation, unknown_words }: Translation) {
  const plugins = useMemo(() => [rehypeMarkUnknown(unknown_words)], [unknown_words]);
  return (
    <div className="translated rendered" role="region" aria-label="Translated document" tabIndex={0}>
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={plugins}>
        {translation}
      </Markdown>
    </div>
  );
}

/// The translation's Markdown as it will be copied or downloaded, unknown words marked.
function TranslatedSource({ translation, unknown_words }: Translation) {
  return (
    <pre className="translated" role="region" aria-label="Translated Markdown" tabIndex={0}>
      {markUnknown(translation, unknown_words).map((segment, i) =>
        segment.unknown ? (
          <mark key={i} title={unknownTitle}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </pre>
  );
}
