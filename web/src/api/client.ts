// The server's native API (/api/v1, see the server's /openapi.json), typed. Offsets in
// answers are UTF-16 code units, as JavaScript strings and CodeMirror count.

/// Where the API is: "" for the server that served this page, or the load balancer's origin
/// when the page sits on a CDN (set VITE_API_BASE when building).
export const apiBase: string = import.meta.env.VITE_API_BASE ?? "";

export type Severity = "error" | "warning" | "suggestion";

export interface Match {
  offset: number;
  length: number;
  line: number;
  column: number;
  rule_id: string;
  category: string;
  severity: Severity;
  message: string;
  explanation: string;
  link: string;
  replacements: string[];
  confidence?: number;
  /// Whether `check --fix` would apply replacements[0] (the one confidence rule, in core/fix).
  fixable?: boolean;
}

/// A requirement's quality: 100 less the cost of each finding in it.
export interface RequirementScore {
  offset: number;
  length: number;
  line: number;
  column: number;
  score: number;
  ears: string; ///< the EARS template it follows: ubiquitous, event-driven...
  costs: { rule_id: string; points: number }[];
}

/// The document's quality. `note`: only for a language without wording rules, why its
/// requirements are not scored (`score` is then null and `requirements` empty).
export interface Quality {
  score: number | null;
  requirements: RequirementScore[];
  note?: string;
}

/// The document's readability by its language's formulas (Flesch, Kandel-Moles,
/// Szigriszt-Pazos, Amstad); `grade` is null, and `grade_formula` absent, where the language
/// has no grade formula (French, Spanish).
export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  reading_ease: number;
  formula: string;
  grade: number | null;
  grade_formula?: string;
}

/// The answer of /api/v1/check. Every field the server's openapi.json does not require may be
/// missing, and every nullable one null: the page renders each case (FindingsPanel.test.tsx).
export interface CheckResult {
  language: string;
  language_detected: boolean;
  words: number;
  matches: Match[];
  quality?: Quality;
  readability?: Readability;
}

export interface CheckRequest {
  text: string;
  language?: string;
  format?: "markdown" | "text";
  glossary?: string[];
  enabled?: string[];
  disabled?: string[];
}

export interface Languages {
  languages: { code: string; name: string }[];
  translation_pairs: { source: string; target: string; route: string[] }[];
}

/// An answer that is not the one asked for: `message` says what went wrong and what to do.
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiBase + path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(
      "The server cannot be reached: check that analyst-toolkit serve is running, then try again.",
      0,
      "unreachable",
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      response.status,
      error?.code ?? "http_error",
    );
  }
  return body as T;
}

function post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return call<T>(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

export function check(request: CheckRequest, signal?: AbortSignal): Promise<CheckResult> {
  return post<CheckResult>("/api/v1/check", request, signal);
}

export function languages(signal?: AbortSignal): Promise<Languages> {
  return call<Languages>("/api/v1/languages", { signal });
}

export interface TranslateRequest {
  text: string;
  source: string;
  target: string;
  format?: "text" | "markdown" | "html";
  glossary?: string[];
}

export interface Translation {
  translation: string;
  unknown_words: string[];
  route: string[];
}

export function translate(request: TranslateRequest, signal?: AbortSignal): Promise<Translation> {
  return post<Translation>("/api/v1/translate", request, signal);
}

/// A sense of a word in the thesaurus; `matches_context` when its part of speech is the
/// word's in the sentence given (those senses come first).
export interface Meaning {
  part_of_speech: string;
  matches_context?: boolean;
  synonyms: { word: string; relation: string; lemma?: string }[];
}

/// The sentence the word is in, and the word's UTF-16 offset in it.
export interface WordContext {
  context: string;
  offset: number;
}

export function synonyms(word: string, language: string, where?: WordContext, signal?: AbortSignal): Promise<Meaning[]> {
  const query = new URLSearchParams({ word, language });
  if (where) {
    query.set("context", where.context);
    query.set("offset", String(where.offset));
  }
  return call<Meaning[]>(`/api/v1/synonyms?${query}`, { signal });
}
