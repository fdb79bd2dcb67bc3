// The side panel's line on readability, from the check's answer.
import type { Readability } from "../api/client";

/// "Reading ease 60 (Flesch) · grade 7.8 (Flesch-Kincaid)"; the grade only where the
/// language has a grade formula: French and Spanish have none, and their grade is null.
export function readabilitySummary(readability: Readability): string {
  const ease = `Reading ease ${readability.reading_ease.toFixed(0)} (${readability.formula})`;
  if (readability.grade === null) {
    return ease;
  }
  return `${ease} · grade ${readability.grade.toFixed(1)} (${readability.grade_formula ?? ""})`;
}
