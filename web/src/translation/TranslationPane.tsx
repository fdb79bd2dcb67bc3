// The document translated, beside the editor: pick a target, translate, see the words the
// translator did not know marked, copy or download the result.
import { useState } from "react";
import { ApiError, translate, type Translation } from "../api/client";
import { download as offer } from "../editor/documents";
import { markUnknown } from "./unknown";

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
          <pre className="translated">
            {markUnknown(result.translation, result.unknown_words).map((segment, i) =>
              segment.unknown ? (
                <mark key={i} title="Not in the translator's dictionaries">
                  {segment.text}
                </mark>
              ) : (
                segment.text
              ),
            )}
          </pre>
          <p className="route">Through {result.route.join(" then ")}</p>
        </>
      )}
    </section>
  );
}
