// A button that opens the file chooser. A real button, so that Tab reaches it and Enter
// presses it, which a label around a hidden file input does not do.
import { useRef } from "react";

export interface FileButtonProps {
  label: string;
  /// The kinds of file offered (the input's accept attribute).
  accept: string;
  onFile: (file: File | undefined) => void;
}

export function FileButton({ label, accept, onFile }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
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
