// A toolbar button: an icon (decorative; the label names the button) and its label.
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

export interface ToolButtonProps {
  icon: LucideIcon;
  children: ReactNode;
  onClick: () => void;
  title?: string;
  disabled?: boolean;
  /// For a switch (the translation pane): whether it is on.
  pressed?: boolean;
  className?: string;
}

export function ToolButton({ icon: Icon, children, onClick, title, disabled, pressed, className = "" }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`button ${className}`.trim()}
      onClick={onClick}
      title={title}
      disabled={disabled}
      aria-pressed={pressed}
    >
      <Icon size={16} aria-hidden />
      {children}
    </button>
  );
}
