// The document's name above it, as Save will offer it, kept up to date as the analyst types
// without re-rendering the rest of the page (it follows the revision counter alone).
import { FileText } from "lucide-react";
import { useSyncExternalStore } from "react";
import type { Revision } from "./revision";

export function DocumentName({ revision, name }: { revision: Revision; name: () => string }) {
  useSyncExternalStore(revision.subscribe, revision.get);
  return (
    <div className="document-bar">
      <FileText size={14} aria-hidden />
      <span className="document-name" title="The name Save offers">
        {name()}
      </span>
    </div>
  );
}
