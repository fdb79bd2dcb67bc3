#pragma once
// The single entry point of core: check(text, options) -> alerts and statistics.
#include "alert.hpp"
#include "morphology/morphology.hpp"
#include "rules/engine.hpp"
#include "spell/dictionaries.hpp"
#include "spell/glossary.hpp"
#include "spell/lexicon.hpp"
#include "spell/suggestion_cache.hpp"
#include "text/document.hpp"
#include "thesaurus/synonyms.hpp"
#include "thesaurus/thesaurus.hpp"

#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atk {

struct CheckOptions {
    std::string language = "auto"; ///< a language name (see find_language) or "auto"
    /// With "auto": the variant to use when detection finds its language ("en-GB" makes
    /// English text British English rather than the first English installed). Each must be
    /// an installed language; the first of a language wins.
    std::vector<std::string> preferred_variants;
    text::Markup markup = text::Markup::markdown;
    const spell::Glossary* glossary = nullptr; ///< accepted terms; may be null
    std::size_t max_suggestions = 5;
    /// Threads one check may use. The CLI gives a lone large file every core; a server that
    /// already runs one check per core leaves it at 1.
    std::size_t threads = 1;
    /// Run the vocabulary and requirements-quality rules of the language (when it has any).
    bool rules = true;
    rules::RunOptions rule_options; ///< profile and selection; its glossary is `glossary`
};

struct CheckResult {
    spell::Language language;       ///< the language the text was checked in
    bool language_detected = false; ///< chosen by detection rather than by the caller
    double language_confidence = 1; ///< 0..1; 1 when the caller chose
    std::vector<Alert> alerts;      ///< ordered by position
    std::size_t words = 0;          ///< words of prose checked
    /// Requirement scores, the document's quality and readability, unless the caller turned
    /// the rules off (their findings are in `alerts`, with the spelling ones). A language
    /// without rules is measured all the same: no requirement scored, `note` saying why.
    std::optional<rules::RulesReport> rules;
};

struct CheckerConfig {
    std::vector<std::filesystem::path> dictionary_directories =
        spell::default_dictionary_directories();
    std::string default_language = "en-US"; ///< used by "auto" when detection cannot tell
    /// Data built with the binary (spelling/<code>.index); without it suggestions come from
    /// Nuspell alone, slower and less well ranked.
    std::filesystem::path data_directory;
    /// rules/<language>/*.yml (docs/rules.md); empty: no rules. A language without a
    /// directory there is checked for spelling, and measured for readability.
    std::filesystem::path rules_directory;
    std::vector<std::filesystem::path> thesaurus_directories =
        thesaurus::default_thesaurus_directories();
    /// Apertium's mode files, whose analysers and generators give synonyms the word's lemma
    /// and form (morphology/morphology.hpp); a language with none is looked up as written.
    std::filesystem::path apertium_modes_directory = "/usr/share/apertium/modes";
    /// Told what degrades without failing: a language whose synonyms are looked up as written
    /// (once per language), a morphology pipeline that failed. May be empty.
    std::function<void(const std::string&)> warn;
    /// Misspelt words whose suggestions are kept for later checks (0: none). Worth it for a
    /// server, which sees the same documents again; a CLI run already suggests once per word.
    std::size_t suggestion_cache = 0;
};

/// Loaded once, then const: check() may be called from any number of threads at once.
class Checker {
  public:
    explicit Checker(CheckerConfig config = {});

    const CheckerConfig& config() const { return config_; }

    /// Installed languages, in a stable order.
    std::vector<spell::Language> languages() const;

    /// Resolves a user's language name to an installed language. Throws InputError naming
    /// the installed ones when it is unknown or not installed.
    spell::Language resolve_language(std::string_view name) const;

    struct WordSuggestions {
        bool correct = false;           ///< the word is accepted as it is
        std::vector<std::string> words; ///< corrections, best first; empty when correct
        double confidence = 0;          ///< estimated probability that words[0] was meant
    };

    /// Loads the dictionary and suggestion data of `language` now rather than on first use
    /// (a server does this at start). Throws InputError when they are missing or damaged.
    void preload(std::string_view language) const;

    /// Corrections for one word in `language` (not "auto"). Throws InputError for an unknown
    /// language or a word that is not valid UTF-8.
    WordSuggestions suggest(std::string_view word, std::string_view language,
                            const spell::Glossary* glossary, std::size_t max) const;

    /// The compiled rules of `language` (en-US uses rules/en), loaded on first use and then
    /// shared; null when it has none. Throws InputError naming the file of a bad rule.
    const rules::Engine* rule_engine(const spell::Language& language) const;

    /// Where the word whose synonyms are wanted stands.
    struct WordContext {
        std::string_view sentence; ///< the sentence it is in; empty: the word alone
        /// UTF-16 code units from the sentence's start to the word's (as JavaScript counts);
        /// nullopt: its first occurrence as a whole word.
        std::optional<std::size_t> offset;
    };

    /// The senses and synonyms of `word` in `language` (not "auto"), best first
    /// (thesaurus/synonyms.hpp): looked up by lemma and given back in the word's form where
    /// the language has an Apertium analyser and generator, the senses of the word's part of
    /// speech in `context` first; empty when the thesaurus does not know the word. Throws
    /// InputError for an unknown language, one without a thesaurus, text that is not valid
    /// UTF-8 or holds NUL, an empty word, or a context that does not hold the word (where
    /// `offset` says, or at all).
    std::vector<thesaurus::Sense> synonyms(std::string_view word, std::string_view language,
                                           const WordContext& context = {}) const;

    /// Throws InputError naming the first of `names` that is neither the id nor the category
    /// of a rule of any language (a misspelt --disable must not pass silently).
    void validate_rule_names(const std::vector<std::string>& names) const;

    /// Checks `text`. Throws InputError when the text is not valid UTF-8 (naming the byte),
    /// when the language is unknown, when detection finds a language with no dictionary, or
    /// when the language's rule files are bad.
    CheckResult check(std::string_view text, const CheckOptions& options) const;

  private:
    struct ChosenLanguage {
        spell::Language language;
        bool detected;
        double confidence;
    };
    ChosenLanguage choose_language(const text::Document& document, std::string_view requested,
                                   const std::vector<std::string>& preferred_variants) const;
    /// The language's word list with `glossary` and its suggestion data, loading them if needed.
    spell::Lexicon lexicon_for(const spell::Language& language,
                               const spell::Glossary& glossary) const;
    /// The language's dictionary, now or (on first use) once it has loaded in the background.
    std::shared_future<const nuspell::Dictionary*>
    dictionary_for(const spell::Language& language) const;

    CheckerConfig config_;
    spell::DictionaryCatalog dictionaries_;
    spell::SuggestionCache suggestion_cache_;
    mutable std::mutex rules_mutex_;
    mutable std::map<std::string, std::unique_ptr<const rules::Engine>> rule_engines_;
    mutable std::map<std::string, std::unique_ptr<const rules::Engine>> measuring_engines_;
    mutable std::mutex thesauri_mutex_;
    mutable std::map<std::string, std::unique_ptr<const thesaurus::Thesaurus>> thesauri_;
    mutable std::mutex morphologies_mutex_;
    mutable std::map<std::string, std::unique_ptr<const morphology::Morphology>> morphologies_;

    /// The rules' report on `document`, whose blocks' words `words` will give (the rules are
    /// loaded meanwhile, on first use). When `language` has no rules, the measures of an
    /// engine without any, with a note that says so.
    rules::RulesReport run_rules(const text::Document& document, const spell::Language& language,
                                 const rules::RunOptions& options, std::string_view text,
                                 std::shared_future<const rules::BlockWords*> words) const;
    /// An engine without rules for a language that has none: it cuts the text into
    /// sentences and words all the same, and measures its readability. Made on first use,
    /// then shared.
    const rules::Engine& measuring_engine(const spell::Language& language) const;
    /// The thesaurus of `language`, loaded on first use; null when none is installed.
    const thesaurus::Thesaurus* thesaurus_for(const spell::Language& language) const;
    /// The analyser and generator of `language`, set up on first use; null when it has none
    /// (said once through config_.warn).
    const morphology::Morphology* morphology_for(const spell::Language& language) const;
    /// What the analyser makes of `word` at bytes [begin, end) of `sentence`; only the word
    /// as written when the language has no analyser or it fails.
    thesaurus::WordUse analyse(const spell::Language& language, std::string_view sentence,
                               std::size_t begin, std::size_t end, bool in_context) const;
    /// Fills in thesaurus alternatives for findings of rules that ask for them (docs/rules.md).
    void offer_synonyms(const rules::Engine& engine, const spell::Language& language,
                        std::vector<Alert>& alerts, std::string_view text) const;
};

} // namespace atk
