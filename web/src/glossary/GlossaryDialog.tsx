// The glossary, edited in a dialog: add and remove terms, export and import a file.
import { useEffect, useRef, useState } from "react";
import { download } from "../editor/documents";
import { FileButton } from "../editor/FileButton";
import { formatGlossary, parseGlossary, withTerms } from "./glossary";

export interface GlossaryDialogProps {
  terms: string[];
  onChange: (terms: string[]) => void;
  onClose: () => void;
}

export function GlossaryDialog({ terms, onChange, onClose }: GlossaryDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [term, setTerm] = useState("");
  useEffect(() => dialog.current?.showModal(), []);

  const add = () => {
    onChange(withTerms(terms, [term]));
    setTerm("");
  };
  const importFile = async (file: File | undefined) => {
    if (file) onChange(withTerms(terms, parseGlossary(await file.text())));
  };

  return (
    <dialog ref={dialog} className="glossary" aria-label="Glossary" onClose={onClose}>
      <h2>Glossary</h2>
      <p>Terms here are never flagged as typos and never translated.</p>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label>
          Term <input value={term} onChange={(event) => setTerm(event.target.value)} />
        </label>{" "}
        <button type="submit" className="button primary" disabled={term.trim() === ""}>
          Add
        </button>
      </form>
      <ul>
        {terms.map((t) => (
          <li key={t}>
            {t}{" "}
            <button type="button" className="button" aria-label={`Remove ${t}`} onClick={() => onChange(terms.filter((x) => x !== t))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-bar">
        <button type="button" className="button" onClick={() => download(formatGlossary(terms), "glossary.txt", "text/plain")}>
          Export
        </button>
        <FileButton label="Import…" accept=".txt,text/plain" onFile={importFile} />
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
