// Which language to translate into first.

/// The reader's own language when the document can go to it (the browser's languages, in the
/// order the reader set them), else Spanish, else the first target; "" when there is none.
export function defaultTarget(targets: string[], source: string, preferred: readonly string[]): string {
  const primary = (code: string) => code.toLowerCase().split("-")[0];
  for (const language of preferred.map(primary)) {
    if (language !== primary(source) && targets.includes(language)) return language;
  }
  if (targets.includes("es")) return "es";
  return targets[0] ?? "";
}
