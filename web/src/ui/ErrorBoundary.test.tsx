// @vitest-environment jsdom
// A part that throws leaves a plain message, the ways out, and (page-wide) the draft itself.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorBoundary } from "./ErrorBoundary";

let failing = true;
function Fragile() {
  if (failing) throw new TypeError("Cannot read properties of null (reading 'toFixed')");
  return <p>the panel</p>;
}

/// jsdom's Blob has no text(): read it as the browser's FileReader would.
function textOf(blob: Blob): Promise<string> {
  return new Promise((done) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result));
    reader.readAsText(blob);
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  failing = true;
});

describe("an error boundary", () => {
  it("says what failed and keeps the rest of the page", () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // React reports the throw too
    vi.spyOn(console, "warn").mockImplementation(() => {});
    render(
      <div>
        <p>the document</p>
        <ErrorBoundary area="The findings panel" draft={() => "The system shall work."}>
          <Fragile />
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByText("the document")).toBeTruthy();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toMatch(/The findings panel could not be shown.*toFixed.*Your document is safe/);
    expect(screen.getByRole("button", { name: "Export the draft" })).toBeTruthy();
  });

  it("shows the part again when asked, after its reset", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const reset = vi.fn(() => {
      failing = false;
    });
    render(
      <ErrorBoundary area="The findings panel" draft={() => ""} onReset={reset}>
        <Fragile />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Show it again" }));
    expect(reset).toHaveBeenCalledOnce();
    expect(screen.getByText("the panel")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("page-wide, shows the draft to read and export", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const created: Blob[] = [];
    // jsdom has no object URLs: these stand for the browser's.
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return "blob:draft";
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    render(
      <ErrorBoundary area="The editor" showDraft draft={() => "# Spec\n\nThe system shall work."}>
        <Fragile />
      </ErrorBoundary>,
    );
    const kept = screen.getByLabelText("Your draft") as HTMLTextAreaElement;
    expect(kept.value).toBe("# Spec\n\nThe system shall work.");
    fireEvent.click(screen.getByRole("button", { name: "Export the draft" }));
    expect(created).toHaveLength(1);
    expect(await textOf(created[0])).toBe("# Spec\n\nThe system shall work.");
  });
});
