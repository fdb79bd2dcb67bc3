import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { draftKey, loadKept } from "./editor/storage";
import { ErrorBoundary } from "./ui/ErrorBoundary";
import "./styles.css";

// Should the page itself fail, the draft kept in the browser is shown and can be exported.
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ErrorBoundary area="The editor" showDraft draft={() => loadKept(localStorage, draftKey) ?? ""}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
