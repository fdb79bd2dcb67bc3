// The side panel: errors said plainly, synonyms of the word looked up, findings by category
// (each category can be turned off), each requirement's score, readability.
import type { CheckResult, Match, Meaning, Readability } from "../api/client";
import { byCategory } from "../editor/findings";

/// The synonyms of a word, and where the word is in the document.
export interface Thesaurus {
  word: string;
  from: number;
  to: number;
  meanings: Meaning[];
}

/// At most this many entries of a list are drawn, the others counted: a 10 MiB document has a
/// hundred thousand requirements, and drawing them all kept the page busy for seconds after
/// each check. The editor's underlines and F8 reach every finding.
export const listedAtMost = 500;

/// "… and 1,234 more" after a list cut at listedAtMost, else nothing.
function More({ total }: { total: number }) {
  const more = total - listedAtMost;
  return more > 0 ? <li className="count">… and {more.toLocaleString("en-US")} more</li> : null;
}

export interface FindingsPanelProps {
  error?: string;
  result?: CheckResult;
  thesaurus?: Thesaurus;
  hidden: string[];
  onJump: (place: Pick<Match, "offset" | "length">) => void;
  onShowCategory: (category: string, show: boolean) => void;
  onReplaceWord: (word: string) => void;
}

export function FindingsPanel({
  error,
  result,
  thesaurus,
  hidden,
  onJump: jumpTo,
  onShowCategory: showCategory,
  onReplaceWord: replaceWord,
}: FindingsPanelProps) {
  const groups = byCategory(result?.matches ?? []);
  return (
    <aside className="panel" aria-label="Findings">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {thesaurus && (
        <section className="synonyms" aria-label="Synonyms">
          <h2>Synonyms of “{thesaurus.word}”</h2>
          {thesaurus.meanings.length === 0 && <p>The thesaurus does not know this word.</p>}
          {thesaurus.meanings.map((meaning, i) => (
            <p key={i}>
              <span className="count">{meaning.part_of_speech}</span>{" "}
              {meaning.synonyms.map((synonym) => (
                <button
                  type="button"
                  className="synonym"
                  key={synonym.word}
                  onClick={() => replaceWord(synonym.word)}
                >
                  {synonym.word}
                </button>
              ))}
            </p>
          ))}
        </section>
      )}
      {result && (
        <>
          <p className="summary">
            {result.matches.length} {result.matches.length === 1 ? "finding" : "findings"} in{" "}
            {result.words} words
            {result.quality?.score != null && <> · quality {result.quality.score}/100</>}
          </p>
          {[...groups].map(([category, matches]) => (
            <section key={category}>
              <h2>
                <label>
                  <input
                    type="checkbox"
                    checked={!hidden.includes(category)}
                    onChange={(event) => showCategory(category, event.target.checked)}
                    aria-label={`Show ${category}`}
                  />{" "}
                  {category} <span className="count">{matches.length}</span>
                </label>
              </h2>
              <ul>
                {matches.slice(0, listedAtMost).map((match) => (
                  <li key={`${match.offset}:${match.rule_id}`}>
                    <button type="button" onClick={() => jumpTo(match)}>
                      {match.message}
                    </button>
                  </li>
                ))}
                <More total={matches.length} />
              </ul>
            </section>
          ))}
          {hidden.filter((category) => !groups.has(category)).map((category) => (
            <h2 key={category} className="hidden-category">
              <label>
                <input
                  type="checkbox"
                  checked={false}
                  onChange={() => showCategory(category, true)}
                  aria-label={`Show ${category}`}
                />{" "}
                {category} <span className="count">hidden</span>
              </label>
            </h2>
          ))}
          {(result.quality?.requirements.length ?? 0) > 0 && (
            <section>
              <h2>
                Requirements <span className="count">{result.quality!.requirements.length}</span>
              </h2>
              <ul>
                {result.quality!.requirements.slice(0, listedAtMost).map((requirement) => (
                  <li key={requirement.offset}>
                    <button
                      type="button"
                      onClick={() => jumpTo(requirement)}
                    >
                      Line {requirement.line}: {requirement.score}/100 · {requirement.ears}
                    </button>
                  </li>
                ))}
                <More total={result.quality!.requirements.length} />
              </ul>
            </section>
          )}
          {result.readability && <ReadabilityLine {...result.readability} />}
        </>
      )}
    </aside>
  );
}

/// "Reading ease 62 (Flesch) · grade 8.1 (Flesch-Kincaid)": the grade only where the language
/// has one (it is null in French and Spanish).
function ReadabilityLine({ reading_ease, grade, formula, grade_formula }: Readability) {
  const named = (name?: string) => (name ? ` (${name})` : "");
  return (
    <p className="readability">
      Reading ease {reading_ease.toFixed(0)}
      {named(formula)}
      {grade != null && (
        <>
          {" "}
          · grade {grade.toFixed(1)}
          {named(grade_formula)}
        </>
      )}
    </p>
  );
}
