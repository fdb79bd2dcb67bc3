// The document translated, beside the editor: pick a target, translate, read it rendered (or
// as Markdown) with the words the translator did not know marked, copy or download it.
import { useMemo, useState } from "react";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { ApiError, translate, type Translation } from "../api/client";
import { download as offer } from "../editor/documents";
import { markUnknown, rehypeMarkUnknown, unknownTitle } from "./unknown";

export interface TranslationPaneProps {
  /// The document's language ("en-US" or "en"), from the last check.
  source: string;
  /// The target languages the source can go to.
  targets: string[];
  /// The text to translate, read when the analyst asks.
  text: () => string;
  glossary: () => string[];
}

const names = new Intl.DisplayNames(["en"], { type: "language" });

export function TranslationPane({ source, targets, text, glossary }: TranslationPaneProps) {
  const [target, setTarget] = useState(targets[0] ?? "");
  const [result, setResult] = useState<Translation>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [asSource, setAsSource] = useState(false);
  const chosen = targets.includes(target) ? target : (targets[0] ?? "");

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await translate({ text: text(), source, target: chosen, format: "markdown", glossary: glossary() }),
      );
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "The translation failed; try again.");
    } finally {
      setBusy(false);
    }
  };

  const download = () => {
    if (result) offer(result.translation, `translation-${chosen}.md`);
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
        <button type="button" onClick={run} disabled={busy || chosen === ""}>
          {busy ? "Translating…" : "Translate"}
        </button>
        {result && (
          <>
            <button type="button" onClick={() => navigator.clipboard?.writeText(result.translation)}>
              Copy
            </button>
            <button type="button" onClick={download}>
              Download
            </button>
            <label>
              <input type="checkbox" checked={asSource} onChange={(e) => setAsSource(e.target.checked)} />{" "}
              Markdown
            </label>
          </>
        )}
      </div>
      {targets.length === 0 && <p>No translation from {source} is installed.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          {asSource ? <TranslatedSource {...result} /> : <TranslatedDocument {...result} />}
          <p className="route">Through {result.route.join(" then ")}</p>
        </>
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
