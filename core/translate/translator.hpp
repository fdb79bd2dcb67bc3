#pragma once
// Translation with the installed Apertium pairs: direct where a pair exists, through one
// pivot language otherwise (English -> Spanish -> French), plain text or Markdown, terms
// kept as written. Pipelines run in null-flush mode and are kept between translations.
#include "spell/glossary.hpp"
#include "translate/modes.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace atk::translate {

/// No translation could be had for a reason that is not the request's: a pipeline died or
/// hung (it has been restarted). Worth retrying; a server answers 503.
class TranslationUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct TranslatorConfig {
    std::filesystem::path modes_directory = "/usr/share/apertium/modes";
    /// Pipelines per direction, started as they are needed (0: one per core).
    std::size_t pipelines_per_mode = 0;
    /// How long a pipeline may take over a translation, plus a second per 10 KB of text.
    std::chrono::milliseconds timeout{10'000};
};

enum class Format { text, markdown, html };

struct TranslateOptions {
    std::string source; ///< a language code: "en", "eng", "en-US" (its language is used)
    std::string target;
    Format format = Format::text;
    const spell::Glossary* keep = nullptr; ///< terms never translated; may be null
    bool mark_unknown = false;             ///< keep Apertium's *marks on untranslated words
};

struct Translation {
    std::string text;
    std::vector<std::string> unknown_words; ///< words left untranslated, in order, each once
    std::vector<std::string> route;         ///< the modes chained: {"eng-spa", "es-fr"}
};

/// A language pair the translator serves, directly or through a pivot.
struct Pair {
    std::string source;
    std::string target;
    std::vector<std::string> route; ///< mode names
};

/// Thread-safe: translations run at once on different pipelines of a direction.
class Translator {
  public:
    explicit Translator(TranslatorConfig config = {});
    ~Translator();
    Translator(const Translator&) = delete;
    Translator& operator=(const Translator&) = delete;

    /// Every pair served, direct ones first, then pivoted ones, each sorted.
    const std::vector<Pair>& pairs() const { return pairs_; }

    /// The translation of `text` (UTF-8). Empty text translates to empty text. Throws
    /// atk::InputError for invalid UTF-8 or a pair not served (naming those that are), and
    /// TranslationUnavailable when a pipeline fails.
    Translation translate(std::string_view text, const TranslateOptions& options) const;

    /// Starts a pipeline of every direction `source` -> `target` needs, so that the first
    /// translation does not wait for it.
    void warm_up(const std::string& source, const std::string& target) const;

  private:
    class ModePool;
    /// A direction's pipelines, its first stage (the analyser, whose output shows the unknown
    /// words) apart from the rest, which generate with or without unknown-word marks.
    struct Direction {
        std::unique_ptr<ModePool> analyser;
        std::unique_ptr<ModePool> unmarked;
        std::unique_ptr<ModePool> marked;
    };
    const Pair& find_pair(const std::string& source, const std::string& target) const;
    std::chrono::milliseconds timeout_for(const std::string& stream) const;

    TranslatorConfig config_;
    std::vector<Pair> pairs_;
    std::map<std::string, Direction> directions_; ///< by mode name
};

} // namespace atk::translate
