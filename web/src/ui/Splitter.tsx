// A handle between two panes that resizes them: dragged with the pointer, or moved with the
// arrow keys (Home and End for the limits) once focused, as the WAI-ARIA separator pattern says.
import type { KeyboardEvent, PointerEvent } from "react";

export interface SplitterProps {
  /// What it resizes, for screen readers: "Resize the translation".
  label: string;
  /// The share of the container the pane before it takes, in percent.
  value: number;
  min?: number;
  max?: number;
  onChange: (value: number) => void;
}

/// The value a key press asks for, or undefined for a key that is not the splitter's.
export function keyedValue(key: string, value: number, min: number, max: number): number | undefined {
  const step = 5;
  const moved: Record<string, number> = {
    ArrowLeft: value - step,
    ArrowRight: value + step,
    Home: min,
    End: max,
  };
  return key in moved ? Math.min(max, Math.max(min, moved[key])) : undefined;
}

export function Splitter({ label, value, min = 25, max = 75, onChange }: SplitterProps) {
  const drag = (event: PointerEvent<HTMLDivElement>) => {
    const handle = event.currentTarget;
    const container = handle.parentElement?.getBoundingClientRect();
    if (!container || container.width === 0) return;
    handle.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => {
      const share = ((e.clientX - container.left) / container.width) * 100;
      onChange(Math.min(max, Math.max(min, Math.round(share))));
    };
    const stop = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", stop);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", stop);
  };
  const key = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = keyedValue(event.key, value, min, max);
    if (next === undefined) return;
    event.preventDefault();
    onChange(next);
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={drag}
      onKeyDown={key}
    />
  );
}
