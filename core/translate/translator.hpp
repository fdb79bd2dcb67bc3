#pragma once
// Translation with the installed Apertium pairs: direct where a pair exists, through one
// pivot language otherwise (English -> Spanish -> French), plain text or Markdown, terms
// kept as written. Pipelines run in null-flush mode and are kept between translations.
#include "lru_cache.hpp"
#include "spell/glossary.hpp"
#include "translate/modes.hpp"

#include <atomic>
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
    /// Pieces of text (paragraphs, Markdown blocks: what ends a sentence for Apertium's
    /// deformatter) whose translations are kept for later requests; 0: none.
    std::size_t cache = 0;
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

    /// How many pieces of text came from the cache so far (see TranslatorConfig::cache).
    std::size_t pieces_from_cache() const { return pieces_from_cache_; }

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
    /// What a route makes of a stream: the translation, and each hop's analysis (which
    /// shows the unknown words).
    struct RouteResult {
        std::string stream;
        std::vector<std::string> analyses;
    };
    /// A piece's translation as cached: hidden references numbered from 0.
    struct CachedPiece {
        std::string translation;
        std::vector<std::string> unknown_words;
    };
    const Pair& find_pair(const std::string& source, const std::string& target) const;
    std::chrono::milliseconds timeout_for(const std::string& stream) const;
    RouteResult run_route(const Pair& pair, const std::string& stream, bool marks) const;
    /// `stream` translated piece by piece, each from the cache or (all the missing ones in
    /// one message) from the pipelines; its unknown words added to `unknown`.
    std::string translate_pieces(const Pair& pair, const std::string& stream, bool marks,
                                 std::vector<std::string>& unknown) const;

    TranslatorConfig config_;
    std::vector<Pair> pairs_;
    std::map<std::string, Direction> directions_; ///< by mode name
    LruCache<CachedPiece> cache_;
    mutable std::atomic<std::size_t> pieces_from_cache_{0};
};

} // namespace atk::translate
