#include "check.hpp"

#include "error.hpp"
#include "parallel.hpp"
#include "rules/rule_loader.hpp"
#include "spell/lexicon.hpp"
#include "spell/ranker.hpp"
#include "spell/speller.hpp"
#include "text/language_detection.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <future>
#include <unordered_map>

namespace atk {

std::string_view to_string(Severity severity) {
    switch (severity) {
    case Severity::suggestion:
        return "suggestion";
    case Severity::warning:
        return "warning";
    case Severity::error:
        return "error";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
    for (const Severity severity : {Severity::suggestion, Severity::warning, Severity::error}) {
        if (name == to_string(severity)) {
            return severity;
        }
    }
    return std::nullopt;
}

namespace {

std::string installed_list(const std::vector<spell::Language>& languages) {
    std::string out;
    for (const auto& language : languages) {
        out += (out.empty() ? "" : ", ") + language.code;
    }
    return out.empty() ? "none; run make deps" : out;
}

/// The prose of a document as one text, blocks separated by blank lines.
std::string prose_of(const text::Document& document) {
    std::string out;
    for (const auto& block : document.blocks) {
        out += block.text;
        out += "\n\n";
    }
    return out;
}

Alert spelling_alert(const spell::Misspelling& misspelling, const spell::Language& language,
                     std::vector<std::string> replacements) {
    Alert alert;
    alert.begin = misspelling.begin;
    alert.end = misspelling.end;
    alert.rule_id = "spelling";
    alert.rule_description = "Possible spelling mistake";
    alert.category = "TYPOS";
    alert.severity = Severity::error;
    alert.message = "Possible spelling mistake: \"" + misspelling.word + "\"";
    alert.explanation = "Not in the " + language.code +
                        " dictionary nor in the glossary. If it is a product name or a term of "
                        "your field, add it to the glossary.";
    alert.replacements = std::move(replacements);
    return alert;
}

} // namespace

Checker::Checker(CheckerConfig config)
    : config_(std::move(config)),
      dictionaries_(config_.dictionary_directories, config_.data_directory),
      suggestion_cache_(config_.suggestion_cache) {}

std::vector<spell::Language> Checker::languages() const {
    return dictionaries_.installed();
}

spell::Language Checker::resolve_language(std::string_view name) const {
    const auto installed = languages();
    const auto language = spell::find_language(name);
    const bool is_installed =
        language && std::any_of(installed.begin(), installed.end(),
                                [&](const spell::Language& l) { return l.code == language->code; });
    if (!is_installed) {
        throw InputError("unknown language '" + std::string(name) +
                         "'; use auto or one of: " + installed_list(installed));
    }
    return *language;
}

namespace {

/// The part of a language code before its region: "en" of "en-GB".
std::string_view family_of(std::string_view code) {
    return code.substr(0, code.find('-'));
}

} // namespace

Checker::ChosenLanguage
Checker::choose_language(const text::Document& document, std::string_view requested,
                         const std::vector<std::string>& preferred_variants) const {
    std::vector<spell::Language> preferred;
    for (const auto& variant : preferred_variants) {
        preferred.push_back(resolve_language(variant)); // unknown ones are an error at once
    }
    if (requested != "auto") {
        return {resolve_language(requested), false, 1.0};
    }
    const auto detected = text::detect_languages(prose_of(document));
    if (detected.empty()) {
        return {resolve_language(config_.default_language), false, 0.0};
    }
    const auto& best = detected.front();
    const auto installed = languages();
    const auto language = spell::find_language(best.code);
    const bool usable =
        language && std::any_of(installed.begin(), installed.end(),
                                [&](const spell::Language& l) { return l.code == language->code; });
    if (usable) {
        const auto variant = std::find_if(preferred.begin(), preferred.end(), [&](const auto& p) {
            return family_of(p.code) == family_of(language->code);
        });
        return {variant != preferred.end() ? *variant : *language, true, best.confidence};
    }
    if (best.reliable) {
        throw InputError("the text looks like language '" + best.code +
                         "', which has no dictionary installed; pass --language with one of: " +
                         installed_list(installed));
    }
    return {resolve_language(config_.default_language), false, 0.0};
}

namespace {

/// The number of contiguous runs of blocks worth giving a thread each: one per 256 KiB of
/// text, at most `threads`. Small documents are not worth a thread: an ICU iterator set-up
/// costs more.
std::size_t part_count(const std::vector<text::ProseBlock>& blocks, std::size_t threads) {
    constexpr std::size_t kBytesPerPart = std::size_t{256} * 1024;
    std::size_t bytes = 0;
    for (const auto& block : blocks) {
        bytes += block.text.size();
    }
    return std::clamp<std::size_t>(bytes / kBytesPerPart, 1, threads);
}

/// The words of every block, found once for the speller and the rules, on up to `threads`
/// threads with a segmenter each.
rules::BlockWords segment(const std::vector<text::ProseBlock>& blocks, const std::string& locale,
                          std::size_t threads) {
    rules::BlockWords words(blocks.size());
    const std::size_t parts = part_count(blocks, threads);
    parallel_for(parts, parts, [&](std::size_t part) {
        text::Segmenter& segmenter = text::thread_segmenter(locale);
        for (std::size_t i = blocks.size() * part / parts; i < blocks.size() * (part + 1) / parts;
             ++i) {
            words[i] = segmenter.words(blocks[i].text);
        }
    });
    return words;
}

/// The misspellings of `blocks` (whose words are `block_words`), in order, found on up to
/// `threads` threads, each taking a contiguous run of blocks with its own speller (and
/// cache). Also counts the words. Collecting runs while `dictionary` may still be loading;
/// judging waits for it.
std::vector<spell::Misspelling>
find_misspellings(const std::vector<text::ProseBlock>& blocks, const rules::BlockWords& block_words,
                  const spell::Language& language, const spell::Glossary& glossary,
                  const std::shared_future<const nuspell::Dictionary*>& dictionary,
                  std::size_t threads, std::size_t& words) {
    const std::size_t parts = part_count(blocks, threads);
    std::vector<std::vector<spell::Misspelling>> found(parts);
    std::vector<std::size_t> counts(parts);
    parallel_for(parts, parts, [&](std::size_t part) {
        spell::DocumentSpeller speller(glossary);
        const std::size_t first = blocks.size() * part / parts;
        const std::size_t last = blocks.size() * (part + 1) / parts;
        for (std::size_t i = first; i < last; ++i) {
            speller.collect(blocks[i], block_words[i]);
        }
        speller.judge(spell::Lexicon(*dictionary.get(), language, glossary), found[part]);
        counts[part] = speller.word_count();
    });
    std::vector<spell::Misspelling> all;
    for (std::size_t part = 0; part < parts; ++part) {
        all.insert(all.end(), std::make_move_iterator(found[part].begin()),
                   std::make_move_iterator(found[part].end()));
        words += counts[part];
    }
    return all;
}

/// Suggestions for each distinct misspelled word: from `cache` when it has them, else
/// computed (on up to `threads` threads) and kept there.
std::unordered_map<std::string, spell::Lexicon::Suggestions>
suggest_all(const std::vector<spell::Misspelling>& misspellings, const spell::Lexicon& lexicon,
            std::size_t max, std::size_t threads, const spell::SuggestionCache& cache) {
    std::unordered_map<std::string, spell::Lexicon::Suggestions> suggestions;
    if (max == 0) {
        for (const auto& misspelling : misspellings) {
            suggestions.try_emplace(misspelling.word);
        }
        return suggestions;
    }
    const std::string scope =
        spell::SuggestionCache::scope(lexicon.language().code, lexicon.glossary(), max);
    std::vector<const std::string*> to_compute;
    for (const auto& misspelling : misspellings) {
        const auto [entry, added] = suggestions.try_emplace(misspelling.word);
        if (added) {
            if (auto cached = cache.find(scope, misspelling.word)) {
                entry->second = std::move(*cached);
            } else {
                to_compute.push_back(&misspelling.word);
            }
        }
    }
    parallel_for(to_compute.size(), threads, [&](std::size_t i) {
        // Each thread writes a different, already existing entry: no rehashing, no race.
        auto& found = suggestions.find(*to_compute[i])->second;
        found = lexicon.suggest(*to_compute[i], max);
        cache.insert(scope, *to_compute[i], found);
    });
    return suggestions;
}

} // namespace

std::shared_future<const nuspell::Dictionary*>
Checker::dictionary_for(const spell::Language& language) const {
    if (dictionaries_.loaded(language)) {
        std::promise<const nuspell::Dictionary*> ready;
        ready.set_value(&dictionaries_.get(language));
        return ready.get_future().share();
    }
    // First use (a CLI run): load while the text is segmented, which takes about as long.
    return std::async(std::launch::async, [this, language] { return &dictionaries_.get(language); })
        .share();
}

spell::Lexicon Checker::lexicon_for(const spell::Language& language,
                                    const spell::Glossary& glossary) const {
    return {dictionaries_.get(language), language, glossary, dictionaries_.index(language),
            dictionaries_.counts(language)};
}

const rules::Engine* Checker::rule_engine(const spell::Language& language) const {
    if (config_.rules_directory.empty()) {
        return nullptr;
    }
    const std::string family(family_of(language.code));
    const std::lock_guard lock(rules_mutex_);
    auto it = rule_engines_.find(family);
    if (it == rule_engines_.end()) {
        std::unique_ptr<const rules::Engine> engine;
        std::error_code error;
        if (std::filesystem::is_directory(config_.rules_directory / family, error)) {
            engine = std::make_unique<const rules::Engine>(
                rules::load_rule_set(config_.rules_directory, family));
        }
        it = rule_engines_.emplace(family, std::move(engine)).first;
    }
    return it->second.get();
}

const rules::Engine& Checker::measuring_engine(const spell::Language& language) const {
    const std::string family(family_of(language.code));
    const std::lock_guard lock(rules_mutex_);
    auto& engine = measuring_engines_[family];
    if (!engine) {
        rules::RuleSet none;
        none.language = family; // its syllables and formulas
        engine = std::make_unique<const rules::Engine>(std::move(none));
    }
    return *engine;
}

namespace {

/// Why a language's requirements are not scored: scores without rules would all be 100.
std::string unscored_note(const spell::Language& language, bool rules_installed) {
    if (!rules_installed) {
        return "no wording rules are installed, so requirements are not scored";
    }
    const std::string name = language.name.substr(0, language.name.find(" (")); // German
    return "no wording rules for " + name + " yet, so requirements are not scored";
}

} // namespace

rules::RulesReport Checker::run_rules(const text::Document& document,
                                      const spell::Language& language,
                                      const rules::RunOptions& options, std::string_view text,
                                      std::shared_future<const rules::BlockWords*> words) const {
    const rules::Engine* engine = rule_engine(language);
    if (engine == nullptr) {
        auto report = measuring_engine(language).run(document, options, words.get());
        report.note = unscored_note(language, !config_.rules_directory.empty());
        return report;
    }
    auto report = engine->run(document, options, words.get());
    offer_synonyms(*engine, language, report.alerts, text);
    return report;
}

const thesaurus::Thesaurus* Checker::thesaurus_for(const spell::Language& language) const {
    const std::lock_guard lock(thesauri_mutex_);
    auto it = thesauri_.find(language.code);
    if (it == thesauri_.end()) {
        const auto stem =
            thesaurus::find_thesaurus(language.dictionary, config_.thesaurus_directories);
        std::unique_ptr<const thesaurus::Thesaurus> loaded;
        if (!stem.empty()) {
            loaded = std::make_unique<const thesaurus::Thesaurus>(stem);
        }
        it = thesauri_.emplace(language.code, std::move(loaded)).first;
    }
    return it->second.get();
}

void Checker::offer_synonyms(const rules::Engine& engine, const spell::Language& language,
                             std::vector<Alert>& alerts, std::string_view text) const {
    constexpr std::size_t kMaxAlternatives = 3;
    const auto& all_rules = engine.rule_set().rules;
    if (std::none_of(all_rules.begin(), all_rules.end(),
                     [](const rules::Rule& rule) { return rule.synonyms; })) {
        return;
    }
    for (auto& alert : alerts) {
        const rules::Rule* rule = engine.find_rule(alert.rule_id);
        if (rule == nullptr || !rule->synonyms || !alert.replacements.empty()) {
            continue;
        }
        const thesaurus::Thesaurus* thesaurus = thesaurus_for(language);
        if (thesaurus == nullptr) {
            return;
        }
        const auto written = text.substr(alert.begin, alert.end - alert.begin);
        // The first meaning only, plain synonyms only: a thesaurus knows every sense of a word
        // (fast: quick, or fastened) but not which one the writer meant; the first is the
        // commonest. Similar and broader terms are often just as vague.
        const auto meanings = thesaurus->lookup(written);
        if (meanings.empty()) {
            continue;
        }
        for (const auto& synonym : meanings.front().synonyms) {
            const bool fits = synonym.relation.empty() && synonym.word != written &&
                              !engine.flags_phrase(synonym.word);
            if (fits && alert.replacements.size() < kMaxAlternatives) {
                alert.replacements.push_back(synonym.word);
            }
        }
    }
}

void Checker::validate_rule_names(const std::vector<std::string>& names) const {
    if (names.empty() || config_.rules_directory.empty()) {
        return;
    }
    std::vector<const rules::Rule*> all;
    for (const auto& family : rules::rule_languages(config_.rules_directory)) {
        const auto language = spell::find_language(family);
        if (const rules::Engine* engine = language ? rule_engine(*language) : nullptr) {
            for (const auto& rule : engine->rule_set().rules) {
                all.push_back(&rule);
            }
        }
    }
    for (const auto& name : names) {
        const bool known = std::any_of(all.begin(), all.end(), [&](const rules::Rule* rule) {
            return rule->id == name || rule->category == name;
        });
        if (!known) {
            throw InputError("no rule or category is called '" + name +
                             "'; list them with: analyst-toolkit rules");
        }
    }
}

void Checker::preload(std::string_view language_name) const {
    const spell::Language language = resolve_language(language_name);
    dictionaries_.get(language);
    rule_engine(language);
}

Checker::WordSuggestions Checker::suggest(std::string_view word, std::string_view language_name,
                                          const spell::Glossary* glossary, std::size_t max) const {
    if (const auto bad = text::find_invalid_utf8(word)) {
        throw InputError("invalid UTF-8 at byte " + std::to_string(*bad) + "; words must be UTF-8");
    }
    static const spell::Glossary no_glossary;
    const spell::Language language = resolve_language(language_name);
    const spell::Lexicon lexicon = lexicon_for(language, glossary ? *glossary : no_glossary);
    if (word.empty() || lexicon.accepts(word)) {
        return {true, {}, 0};
    }
    const std::string scope = spell::SuggestionCache::scope(language.code, lexicon.glossary(), max);
    auto found = suggestion_cache_.find(scope, word);
    if (!found) {
        found = lexicon.suggest(std::string(word), max);
        suggestion_cache_.insert(scope, word, *found);
    }
    // A word on its own carries no sentence: its capitals say nothing.
    return {false, std::move(found->words), found->confidence * spell::typo_prior(word, true)};
}

CheckResult Checker::check(std::string_view text, const CheckOptions& options) const {
    if (const auto bad = text::find_invalid_utf8(text)) {
        throw InputError("invalid UTF-8 at byte " + std::to_string(*bad) +
                         "; save the file as UTF-8");
    }
    const text::Document document = text::parse_document(text, options.markup);
    const ChosenLanguage chosen =
        choose_language(document, options.language, options.preferred_variants);
    static const spell::Glossary no_glossary;
    const spell::Glossary& glossary = options.glossary ? *options.glossary : no_glossary;
    const std::size_t threads = std::max<std::size_t>(1, options.threads);

    CheckResult result{chosen.language, chosen.detected, chosen.confidence, {}, 0, std::nullopt};
    const auto dictionary = dictionary_for(chosen.language); // loads while the text is segmented
    // The rules (loading them on first use, while the text is segmented) run beside spelling
    // when the caller gives this check more than one thread; in order otherwise (a server
    // runs one check per core).
    // Declared in this order so that, should spelling throw, the rules have finished with
    // the words before they are destroyed.
    rules::BlockWords words;
    std::promise<const rules::BlockWords*> segmented;
    std::future<rules::RulesReport> rules_report;
    if (options.rules) {
        rules::RunOptions rule_options = options.rule_options;
        rule_options.glossary = &glossary;
        rule_options.threads = threads;
        rules_report =
            std::async(threads > 1 ? std::launch::async : std::launch::deferred,
                       [this, &document, &chosen, &text, rule_options,
                        words = segmented.get_future().share()] {
                           return run_rules(document, chosen.language, rule_options, text, words);
                       });
    }
    try {
        words = segment(document.blocks, chosen.language.code, threads);
        segmented.set_value(&words);
    } catch (...) {
        segmented.set_exception(std::current_exception()); // the rules give up too
        throw;
    }
    const auto misspellings = find_misspellings(document.blocks, words, chosen.language, glossary,
                                                dictionary, threads, result.words);
    const spell::Lexicon lexicon = lexicon_for(chosen.language, glossary);
    const auto suggestions =
        suggest_all(misspellings, lexicon, options.max_suggestions, threads, suggestion_cache_);
    result.alerts.reserve(misspellings.size());
    for (const auto& misspelling : misspellings) {
        const auto& found = suggestions.at(misspelling.word);
        result.alerts.push_back(spelling_alert(misspelling, chosen.language, found.words));
        result.alerts.back().confidence =
            found.confidence * spell::typo_prior(misspelling.word, misspelling.sentence_start);
    }
    if (rules_report.valid()) {
        result.rules = rules_report.get(); // rethrows a bad rule file's InputError
        // Both lists are in document order: merged, spelling first where both start.
        auto& found = result.rules->alerts;
        const auto spelling = static_cast<std::ptrdiff_t>(result.alerts.size());
        result.alerts.insert(result.alerts.end(), std::make_move_iterator(found.begin()),
                             std::make_move_iterator(found.end()));
        found.clear();
        std::inplace_merge(result.alerts.begin(), result.alerts.begin() + spelling,
                           result.alerts.end(),
                           [](const Alert& a, const Alert& b) { return a.begin < b.begin; });
    }
    return result;
}

} // namespace atk
