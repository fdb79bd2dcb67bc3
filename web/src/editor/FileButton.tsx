// A button that opens the file chooser. A real button, so that Tab reaches it and Enter
// presses it, which a label around a hidden file input does not do.
import { useRef, type ReactNode } from "react";

export interface FileButtonProps {
  label: string;
  /// The kinds of file offered (the input's accept attribute).
  accept: string;
  onFile: (file: File | undefined) => void;
  /// Shown before the label.
  icon?: ReactNode;
  /// Also offered to the glossary dialog's import: same look as the page's buttons.
  className?: string;
}

export function FileButton({ label, accept, onFile, icon, className = "button" }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {icon}
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={(event) => {
          onFile(event.target.files?.[0]);
          event.target.value = ""; // the same file can be chosen again
        }}
      />
    </>
  );
}
