#pragma once
// Word and sentence segmentation with ICU's rules for a language, over UTF-8 text.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unicode/uversion.h>
#include <vector>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace atk::text {

class SentenceBreaks;

/// A half-open byte range [begin, end) of some UTF-8 text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const Span&) const = default;
};

enum class WordKind { letters, number, ideographic };

struct Word {
    Span span;
    WordKind kind;
};

/// Holds ICU break iterators: cheap to use, not thread-safe, so keep one per thread.
/// Words follow Unicode UAX #29 as ICU tailors it: apostrophes stay inside words (don't,
/// l'utilisateur, aujourd'hui), hyphens split them (see spelling_candidates for compounds).
/// Sentences do not end after the language's common abbreviations (e.g., i.e., Dr., M.).
class Segmenter {
  public:
    /// `locale` is an ICU or BCP 47 locale such as "en-US" or "fr". Throws std::runtime_error
    /// when ICU cannot build its iterators (its data is missing).
    explicit Segmenter(const std::string& locale);
    ~Segmenter();
    Segmenter(const Segmenter&) = delete;
    Segmenter& operator=(const Segmenter&) = delete;

    /// Letter, number and ideographic words of `text`; spaces and punctuation are left out.
    /// ASCII text takes a fast path (ascii_words) that gives exactly ICU's answer.
    std::vector<Word> words(std::string_view text);
    /// The same words, always found by ICU: the reference the fast path is tested against.
    std::vector<Word> words_with_icu(std::string_view text);
    /// Sentences of `text`, trailing spaces excluded, empty ones dropped. ASCII text takes a
    /// fast path that gives exactly ICU's answer (see sentence_breaks.hpp).
    std::vector<Span> sentences(std::string_view text);
    /// The same sentences, always found by ICU: the reference the fast path is tested against.
    std::vector<Span> sentences_with_icu(std::string_view text);

  private:
    std::unique_ptr<icu::BreakIterator> words_;
    std::unique_ptr<icu::BreakIterator> sentences_;
    const SentenceBreaks* ascii_sentences_; ///< the locale's fast path; shared, never null
};

/// This thread's segmenter for `locale`, made on first use and kept: for callers that
/// segment small texts often (a server's requests, rule phrases) and would otherwise build
/// ICU's iterators each time.
Segmenter& thread_segmenter(const std::string& locale);

/// ICU's word segmentation (UAX #29 as ICU 72 tailors it: '@' counts as a letter) for
/// pure-ASCII `text`, about ten times faster. A word's kind follows ICU's rule status:
/// number when it ends with a digit (or a digit and underscores), letters otherwise.
std::vector<Word> ascii_words(std::string_view text);

} // namespace atk::text
