// The side panel: errors said plainly, synonyms of the word looked up, the findings by
// category (each category can be turned off; the same finding on the same words is one entry
// with a count, walked occurrence by occurrence), each requirement's score and EARS template,
// and readability.
import { ChevronLeft, ChevronRight, Info } from "lucide-react";
import { useState, type ReactNode } from "react";
import type { CheckResult, Match, Meaning, Readability, RequirementScore } from "../api/client";
import {
  categoryName,
  earsTemplates,
  excerpt,
  groupFindings,
  groupsByCategory,
  snippet,
  type FindingGroup,
} from "./groups";

/// The synonyms of a word, and where the word is in the document.
export interface Thesaurus {
  word: string;
  from: number;
  to: number;
  meanings: Meaning[];
}

export interface FindingsPanelProps {
  error?: string;
  result?: CheckResult;
  /// The text `result` is the answer for (its offsets are in it).
  text?: string;
  thesaurus?: Thesaurus;
  hidden: string[];
  onJump: (place: Pick<Match, "offset" | "length">) => void;
  onShowCategory: (category: string, show: boolean) => void;
  onReplaceWord: (word: string) => void;
}

/// Entries a list shows at first, and how many more each "Show more" adds: drawing a long
/// document's tens of thousands of entries at each check kept the page busy for seconds.
export const listStep = 100;

/// The first `shown` of `items`, and a button that shows `listStep` more while some are left.
function useLimited<T>(items: T[]): { visible: T[]; more: ReactNode } {
  const [shown, setShown] = useState(listStep);
  const left = items.length - shown;
  return {
    visible: left > 0 ? items.slice(0, shown) : items,
    more: left > 0 && (
      <button type="button" className="button quiet" onClick={() => setShown(shown + listStep)}>
        Show {Math.min(left, listStep)} more ({left.toLocaleString("en")} not shown)
      </button>
    ),
  };
}

export function FindingsPanel({
  error,
  result,
  text = "",
  thesaurus,
  hidden,
  onJump: jumpTo,
  onShowCategory: showCategory,
  onReplaceWord: replaceWord,
}: FindingsPanelProps) {
  const categories = groupsByCategory(groupFindings(result?.matches ?? [], text));
  const count = result?.matches.length ?? 0;
  return (
    <aside className="panel" aria-label="Findings">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {thesaurus && <Synonyms thesaurus={thesaurus} onReplaceWord={replaceWord} />}
      {(result === undefined || result.words === 0) && !error && (
        <p className="muted panel-hint">
          Findings appear here as you write: typos, vague or untestable wording, and each requirement&apos;s score.
        </p>
      )}
      {result && result.words > 0 && (
        <>
          <p className="summary">
            <strong>
              {count} {count === 1 ? "finding" : "findings"}
            </strong>{" "}
            in {result.words} words
            {result.quality?.score != null && <> · quality {result.quality.score}/100</>}
          </p>
          {count === 0 && hidden.length === 0 && <p className="muted">Nothing to improve: well written.</p>}
          {[...categories].map(([category, groups]) => (
            <Category
              key={category}
              category={category}
              groups={groups}
              text={text}
              shown={!hidden.includes(category)}
              onShow={(show) => showCategory(category, show)}
              onJump={jumpTo}
            />
          ))}
          {hidden
            .filter((category) => !categories.has(category))
            .map((category) => (
              <CategoryToggle key={category} category={category} shown={false} count="hidden" onShow={(show) => showCategory(category, show)} />
            ))}
          {result.quality && <Requirements quality={result.quality} text={text} onJump={jumpTo} />}
          {result.readability && <ReadabilityLine {...result.readability} />}
        </>
      )}
    </aside>
  );
}

function Synonyms({ thesaurus, onReplaceWord }: { thesaurus: Thesaurus; onReplaceWord: (word: string) => void }) {
  return (
    <section className="synonyms" aria-label="Synonyms">
      <h2>Synonyms of “{thesaurus.word}”</h2>
      {thesaurus.meanings.length === 0 && <p>The thesaurus does not know this word.</p>}
      {thesaurus.meanings.map((meaning, i) => (
        <p key={i} className={meaning.matches_context ? "sense in-context" : "sense"}>
          <span className="count">
            {meaning.part_of_speech}
            {meaning.matches_context && " · as used here"}
          </span>{" "}
          {meaning.synonyms.map((synonym) => (
            <button type="button" className="synonym" key={synonym.word} onClick={() => onReplaceWord(synonym.word)}>
              {synonym.word}
            </button>
          ))}
        </p>
      ))}
    </section>
  );
}

interface CategoryProps {
  category: string;
  groups: FindingGroup[];
  text: string;
  shown: boolean;
  onShow: (show: boolean) => void;
  onJump: (place: Pick<Match, "offset" | "length">) => void;
}

function Category({ category, groups, text, shown, onShow, onJump }: CategoryProps) {
  const total = groups.reduce((sum, group) => sum + group.occurrences.length, 0);
  const { visible, more } = useLimited(groups);
  return (
    <section className="category" aria-label={categoryName(category)}>
      <CategoryToggle category={category} shown={shown} count={String(total)} onShow={onShow} />
      <ul>
        {visible.map((group) => (
          <Finding key={group.key} group={group} text={text} onJump={onJump} />
        ))}
      </ul>
      {more}
    </section>
  );
}

/// A category's heading, with the switch that shows or hides its findings.
function CategoryToggle({ category, shown, count, onShow }: { category: string; shown: boolean; count: string; onShow: (show: boolean) => void }) {
  return (
    <h2>
      <label>
        <input type="checkbox" checked={shown} onChange={(event) => onShow(event.target.checked)} aria-label={`Show ${category}`} />{" "}
        {categoryName(category)} <span className="count">{count}</span>
      </label>
    </h2>
  );
}

/// One finding, or the same one on the same words several times: its line, the words in
/// context and the message; clicking goes to it, then to the next occurrence.
function Finding({ group, text, onJump }: { group: FindingGroup; text: string; onJump: CategoryProps["onJump"] }) {
  const [at, setAt] = useState(0);
  const many = group.occurrences.length;
  const current = group.occurrences[Math.min(at, many - 1)];
  const place = snippet(text, current.offset, current.length);
  const go = (index: number) => {
    const next = (index + many) % many;
    setAt(next);
    onJump(group.occurrences[next]);
  };
  return (
    <li className="finding">
      <button type="button" className="finding-go" onClick={() => go(at)}>
        <span className="finding-message">{group.message}</span>{" "}
        <span className="finding-place">
          <span className="finding-line">Line {current.line}</span>{" "}
          <span className="finding-context">
            {place.before}
            <mark>{place.flagged}</mark>
            {place.after}
          </span>
        </span>
      </button>
      {many > 1 && (
        <span className="walk">
          <button type="button" className="icon-button" aria-label="Previous occurrence" onClick={() => go(at - 1)}>
            <ChevronLeft size={16} aria-hidden />
          </button>
          <span className="count" aria-live="polite">
            {at + 1} of {many}
          </span>
          <button type="button" className="icon-button" aria-label="Next occurrence" onClick={() => go(at + 1)}>
            <ChevronRight size={16} aria-hidden />
          </button>
        </span>
      )}
    </li>
  );
}

interface RequirementsProps {
  quality: NonNullable<CheckResult["quality"]>;
  text: string;
  onJump: CategoryProps["onJump"];
}

function Requirements({ quality, text, onJump }: RequirementsProps) {
  const requirements = quality.requirements ?? [];
  const { visible, more } = useLimited(requirements);
  if (requirements.length === 0) {
    return quality.note ? <p className="muted requirements-note">{quality.note}</p> : null;
  }
  return (
    <section className="requirements" aria-label="Requirements">
      <h2>
        Requirements <span className="count">{requirements.length}</span>
      </h2>
      <details className="ears-help">
        <summary>
          <Info size={14} aria-hidden /> What the templates are
        </summary>
        <p>
          EARS, the Easy Approach to Requirements Syntax, gives each kind of requirement one shape, which keeps it
          testable:
        </p>
        <dl>
          {Object.entries(earsTemplates).map(([id, template]) => (
            <div key={id}>
              <dt>{template.name}</dt>
              <dd>{template.pattern}</dd>
            </div>
          ))}
        </dl>
      </details>
      <ul>
        {visible.map((requirement) => (
          <RequirementEntry key={requirement.offset} requirement={requirement} text={text} onJump={onJump} />
        ))}
      </ul>
      {more}
    </section>
  );
}

function RequirementEntry({ requirement, text, onJump }: { requirement: RequirementScore; text: string; onJump: CategoryProps["onJump"] }) {
  const template = earsTemplates[requirement.ears] ?? { name: requirement.ears, pattern: "" };
  const band = requirement.score >= 90 ? "good" : requirement.score >= 70 ? "fair" : "poor";
  const sentence = text.slice(requirement.offset, requirement.offset + requirement.length);
  return (
    <li className="requirement">
      <button type="button" className="finding-go" onClick={() => onJump(requirement)}>
        <span className={`score score-${band}`} aria-label={`score ${requirement.score} of 100`}>
          {requirement.score}
        </span>
        <span className="requirement-text">
          <span className="finding-message">{sentence ? excerpt(sentence) : `Line ${requirement.line}`}</span>{" "}
          <span className="finding-place">
            Line {requirement.line} · <span title={template.pattern}>EARS: {template.name}</span>
          </span>
        </span>
      </button>
    </li>
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
