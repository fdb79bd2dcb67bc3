// A failure in one part of the page must never hide the document: each part sits in an
// ErrorBoundary that shows, instead of the part, what went wrong in plain words and the ways
// out (show the part again, export the draft); the page-wide one also shows the draft itself.
import { Component, type ErrorInfo, type ReactNode } from "react";
import { download } from "../editor/documents";

export interface ErrorBoundaryProps {
  /// What failed, as the analyst names it: "The findings panel".
  area: string;
  /// The document as it is now, for "Export the draft".
  draft: () => string;
  /// The name to export the draft under.
  fileName?: () => string;
  /// Show the draft's text in the message (the page-wide boundary: no editor is left).
  showDraft?: boolean;
  /// Called when the analyst asks for the part again, before it is rendered anew.
  onReset?: () => void;
  children: ReactNode;
}

interface State {
  error?: Error;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever reports it; the page itself says what to do.
    console.warn(`${this.props.area} failed:`, error, info.componentStack);
  }

  private reset = () => {
    this.props.onReset?.();
    this.setState({ error: undefined });
  };

  private exportDraft = () => {
    download(this.props.draft(), this.props.fileName?.() ?? "document.md");
  };

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { area, showDraft } = this.props;
    return (
      <section className="failure" role="alert" aria-label={`${area} failed`}>
        <p className="failure-message">
          <strong>{area} could not be shown</strong> ({error.message}). Your document is safe
          {showDraft ? " and kept in this browser; it is below." : "."}
        </p>
        <div className="failure-actions">
          <button type="button" className="button" onClick={this.reset}>
            {showDraft ? "Try the page again" : "Show it again"}
          </button>
          <button type="button" className="button" onClick={this.exportDraft}>
            Export the draft
          </button>
        </div>
        {showDraft && (
          <textarea className="failure-draft" readOnly aria-label="Your draft" value={this.props.draft()} />
        )}
      </section>
    );
  }
}
