#include "rules/engine.hpp"

#include "error.hpp"
#include "parallel.hpp"
#include "rules/pattern_sets.hpp"
#include "rules/phrase_matcher.hpp"
#include "rules/rule_loader.hpp"
#include "rules/text_units.hpp"
#include "rules/vocabulary.hpp"
#include "spell/glossary.hpp"
#include "text/casing.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <re2/re2.h>
#include <re2/set.h>
#include <set>

namespace atk::rules {

std::optional<Profile> parse_profile(std::string_view name) {
    if (name == "requirements") {
        return Profile::requirements;
    }
    if (name == "general") {
        return Profile::general;
    }
    return std::nullopt;
}

bool RuleSelection::selects(const Rule& rule) const {
    const auto names = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), rule.id) != list.end() ||
               std::find(list.begin(), list.end(), rule.category) != list.end();
    };
    if (names(enabled)) {
        return true;
    }
    return rule.enabled_by_default && !names(disabled);
}

std::string_view to_string(EarsTemplate ears) {
    switch (ears) {
    case EarsTemplate::ubiquitous:
        return "ubiquitous";
    case EarsTemplate::state_driven:
        return "state-driven";
    case EarsTemplate::event_driven:
        return "event-driven";
    case EarsTemplate::optional_feature:
        return "optional-feature";
    case EarsTemplate::unwanted_behaviour:
        return "unwanted-behaviour";
    case EarsTemplate::complex:
        return "complex";
    case EarsTemplate::none:
        return "none";
    }
    return "none";
}

int cost_of(Severity severity) {
    switch (severity) {
    case Severity::error:
        return 25;
    case Severity::warning:
        return 15;
    case Severity::suggestion:
        return 5;
    }
    return 15;
}

namespace {

/// What a phrase in the trie stands for.
struct PhraseRef {
    enum class Kind { phrase, exception, variant };
    std::uint32_t rule = 0;
    Kind kind = Kind::phrase;
    std::uint32_t index = 0;   ///< phrase, exception or variant group
    std::uint32_t variant = 0; ///< variant within its group
    /// Its rule is case-sensitive: the trie matched the words in any case, and the match
    /// counts only where they are written as in the rule.
    bool exact = false;
};

/// A finding before it becomes an Alert: block-text offsets.
struct Finding {
    std::uint32_t rule = 0;
    std::size_t block = 0;
    text::Span span;
    std::string replacement;
    std::string value; ///< fills "{value}" in the message: a count, a score
};

/// Block kinds a rule looks at, from its scopes.
bool in_scope(const Rule& rule, text::BlockKind kind) {
    for (const Scope scope : rule.scopes) {
        const bool fits =
            (scope == Scope::sentence && kind != text::BlockKind::heading) ||
            (scope == Scope::paragraph && kind == text::BlockKind::paragraph) ||
            (scope == Scope::heading && kind == text::BlockKind::heading) ||
            (scope == Scope::list_item && kind == text::BlockKind::list_item) ||
            (scope == Scope::table_cell && kind == text::BlockKind::table_cell);
        if (fits) {
            return true;
        }
    }
    return false;
}

/// `replacement` in the case of `written`: Capitalised or UPPER when it is.
std::string in_case_of(std::string_view written, const std::string& replacement) {
    switch (text::casing_of(written)) {
    case text::Casing::capitalised:
        return text::capitalise(replacement);
    case text::Casing::upper:
        return written.size() > 1 ? text::to_upper(replacement) : text::capitalise(replacement);
    default:
        return replacement;
    }
}

/// Words joined by single spaces, in lower case when `lower`.
std::string joined(const std::vector<std::string>& words, bool lower = false) {
    std::string out;
    for (const auto& word : words) {
        out += (out.empty() ? "" : " ") + (lower ? normalised_lower(word) : word);
    }
    return out;
}

} // namespace

/// A rule's word lists as vocabulary ids.
struct RuleWords {
    WordSet be_forms; ///< passive
    WordSet participles;
    WordSet not_participles;
    WordSet agent_words;
    WordSet not_after; ///< existence patterns
};

struct CompiledRules {
    Vocabulary vocabulary; ///< every word the rules name
    WordSet requirement_words;
    std::vector<std::pair<EarsTemplate, WordSet>> ears; ///< the words that open each template
    PhraseMatcher phrases; ///< every phrase, exception and variant, in any case
    std::vector<PhraseRef> refs; ///< by the phrases' values
    std::vector<RuleWords> word_lists; ///< per rule
    /// Per rule, its exceptions as ids: the word pairs a repetition rule lets through.
    std::vector<std::vector<std::vector<std::uint32_t>>> exception_ids;
    /// Per pattern, in the order of the rules: "(?i)" before the patterns of rules that are
    /// not case-sensitive.
    std::vector<std::unique_ptr<RE2>> regexes;
    std::vector<std::uint32_t> regex_rule;
    std::set<std::string, std::less<>> flagged; ///< phrases of phrase rules, words joined by spaces
    /// Rules that walk a sentence's words themselves: occurrence, repetition, passive.
    std::vector<std::uint32_t> token_rules;
    PatternPool pattern_pool; ///< the patterns again, as the sets runs borrow

    std::vector<std::uint32_t> ids_of(const std::vector<std::string>& words) {
        std::vector<std::uint32_t> ids;
        for (const auto& word : words) {
            ids.push_back(vocabulary.add(normalised_lower(word)));
        }
        return ids;
    }

    WordSet set_of(const std::vector<std::string>& words) {
        WordSet set;
        for (const auto id : ids_of(words)) {
            set.add(id);
        }
        return set;
    }

    void add(const Rule& rule, const std::vector<std::string>& words, PhraseRef ref) {
        ref.exact = rule.case_sensitive;
        refs.push_back(ref);
        phrases.add(ids_of(words), static_cast<std::uint32_t>(refs.size() - 1));
    }

    /// The words of the language profile and of the rules' word lists, numbered.
    void add_words(const RuleSet& rules) {
        requirement_words = set_of(rules.profile.requirement_words);
        for (const auto& [kind, words] : rules.profile.ears) {
            ears.emplace_back(kind, set_of(words));
        }
        for (const Rule& rule : rules.rules) {
            word_lists.push_back({set_of(rule.be_forms), set_of(rule.participles),
                                  set_of(rule.not_participles), set_of(rule.agent_words),
                                  set_of(rule.not_after)});
            auto& exceptions = exception_ids.emplace_back();
            for (const auto& exception : rule.exceptions) {
                exceptions.push_back(ids_of(exception));
            }
        }
    }
};

Engine::Engine(RuleSet rules) : rules_(std::move(rules)), compiled_(std::make_unique<CompiledRules>()) {
    auto& c = *compiled_;
    RE2::Options set_options;
    set_options.set_log_errors(false);
    set_options.set_max_mem(kPatternMemory);
    // All patterns in one set, compiled once here to learn that RE2 can hold them; each run
    // compiles sets of its own (PatternSet).
    std::unique_ptr<RE2::Set> all_patterns;
    c.add_words(rules_);
    for (std::uint32_t r = 0; r < rules_.rules.size(); ++r) {
        const Rule& rule = rules_.rules[r];
        // A project-terms rule's own swaps are examples: the project's terms replace them.
        for (std::uint32_t p = 0; p < rule.phrases.size() && !rule.project_terms; ++p) {
            c.add(rule, rule.phrases[p].words, {r, PhraseRef::Kind::phrase, p, 0});
            c.flagged.insert(joined(rule.phrases[p].words));
        }
        for (std::uint32_t e = 0; e < rule.exceptions.size(); ++e) {
            c.add(rule, rule.exceptions[e], {r, PhraseRef::Kind::exception, e, 0});
        }
        for (std::uint32_t g = 0; g < rule.variants.size(); ++g) {
            for (std::uint32_t v = 0; v < rule.variants[g].size(); ++v) {
                c.add(rule, rule.variants[g][v], {r, PhraseRef::Kind::variant, g, v});
            }
        }
        if (rule.type == RuleType::occurrence || rule.type == RuleType::repetition ||
            rule.type == RuleType::passive) {
            c.token_rules.push_back(r);
        }
        for (const auto& written : rule.patterns) {
            if (!all_patterns) {
                all_patterns = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
            }
            const std::string pattern = rule.case_sensitive ? written : "(?i)" + written;
            std::string error;
            if (all_patterns->Add(pattern, &error) < 0) {
                throw InputError(rule.source_file + ": bad pattern '" + written + "': " + error);
            }
            c.pattern_pool.add(pattern, rule.applies == Applies::requirements);
            c.regexes.push_back(std::make_unique<RE2>(pattern, set_options));
            c.regex_rule.push_back(r);
        }
    }
    if (all_patterns && !all_patterns->Compile()) {
        throw InputError("the rules' patterns need more memory than RE2 allows; simplify them");
    }
}

Engine::~Engine() = default;

const Rule* Engine::find_rule(std::string_view id) const {
    for (const auto& rule : rules_.rules) {
        if (rule.id == id) {
            return &rule;
        }
    }
    return nullptr;
}

bool Engine::flags_phrase(std::string_view phrase) const {
    return compiled_->flagged.contains(
        joined(phrase_words(std::string(phrase), rules_.language, rules_.profile), true));
}

namespace {

/// One run of the rules over one document.
class Run {
  public:
    /// `parent`: the run a worker checks some of the blocks for, whose units it shares.
    Run(const RuleSet& rules, const CompiledRules& compiled, const text::Document& document,
        const RunOptions& options, const Run* parent = nullptr)
        : rules_(rules), compiled_(compiled), document_(document), options_(options) {
        active_.resize(rules.rules.size());
        for (std::size_t r = 0; r < rules.rules.size(); ++r) {
            const Rule& rule = rules.rules[r];
            active_[r] = options.selection.selects(rule) &&
                         (options.profile == Profile::requirements ||
                          rule.applies == Applies::everywhere);
            if (rule.project_terms && active_[r]) {
                compile_project_terms(static_cast<std::uint32_t>(r));
            }
        }
        if (parent != nullptr) {
            units_ = parent->units_;
            counts_ = parent->counts_;
            shared_patterns_ = parent->patterns_.get();
        }
    }

    ~Run() {
        if (patterns_) {
            compiled_.pattern_pool.give_back(std::move(patterns_));
        }
    }
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    /// `words`: as Engine::run.
    RulesReport report(const BlockWords* words) {
        cut_units(words);
        const auto parts = part_ranges();
        if (parts.size() == 1) {
            check_blocks(0, document_.blocks.size());
        } else {
            std::vector<std::unique_ptr<Run>> workers;
            patterns_ = compiled_.pattern_pool.lend(); // one automaton, built once, for all workers
            for (std::size_t p = 0; p < parts.size(); ++p) {
                workers.push_back(
                    std::make_unique<Run>(rules_, compiled_, document_, options_, this));
            }
            parallel_for(parts.size(), parts.size(), [&](std::size_t p) {
                workers[p]->check_blocks(parts[p].first, parts[p].second);
            });
            for (auto& worker : workers) { // in block order, as one run would have found them
                findings_.insert(findings_.end(), worker->findings_.begin(), worker->findings_.end());
                variants_.insert(variants_.end(), worker->variants_.begin(), worker->variants_.end());
            }
        }
        check_consistency();
        check_acronyms();
        RulesReport report;
        const auto ordered = findings_in_order();
        score_requirements(ordered, report);
        report.alerts.reserve(ordered.size());
        for (const Finding* finding : ordered) { // in order already: no Alert is moved about
            report.alerts.push_back(to_alert(*finding));
        }
        measure_readability(report);
        return report;
    }

    /// Sentence and block rules over blocks [first, last).
    void check_blocks(std::size_t first, std::size_t last) {
        for (std::size_t b = first; b < last; ++b) {
            for (const auto& sentence : units(b).sentences) {
                check_sentence(sentence);
            }
            check_block(b);
        }
    }

  private:
    /// Blocks [first, last) per part: one part per 64 KiB of text, at most one per thread.
    std::vector<std::pair<std::size_t, std::size_t>> part_ranges() const {
        constexpr std::size_t kBytesPerPart = std::size_t{64} * 1024;
        std::size_t bytes = 0;
        for (const auto& block : document_.blocks) {
            bytes += block.text.size();
        }
        const std::size_t blocks = document_.blocks.size();
        const std::size_t parts = std::clamp<std::size_t>(
            std::min(bytes / kBytesPerPart, blocks), 1, std::max<std::size_t>(1, options_.threads));
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        for (std::size_t p = 0; p < parts; ++p) {
            ranges.emplace_back(blocks * p / parts, blocks * (p + 1) / parts);
        }
        return ranges;
    }

    /// Every block cut into words and sentences (in parts, on the run's threads), then the
    /// items of requirement lists marked, and each block's words and syllables counted.
    void cut_units(const BlockWords* words) {
        const std::size_t blocks = document_.blocks.size();
        own_units_.resize(blocks);
        own_counts_.resize(blocks);
        const auto parts = part_ranges();
        const WordsOfLanguage language{rules_.profile, vocabulary(), compiled_.requirement_words};
        parallel_for(parts.size(), parts.size(), [&](std::size_t p) {
            text::Segmenter segmenter(rules_.language);
            for (std::size_t b = parts[p].first; b < parts[p].second; ++b) {
                own_units_[b] =
                    cut_block(document_, b, segmenter, language, words != nullptr ? &(*words)[b] : nullptr);
                own_counts_[b] = count_words(b, own_units_[b]);
            }
        });
        mark_requirement_lists(document_, own_units_);
    }

    const BlockUnits& units(std::size_t b) const { return (*units_)[b]; }

    const Rule& rule(std::uint32_t r) const { return rules_.rules[r]; }

    /// The rule runs, and looks at this sentence.
    bool applies(std::uint32_t r, const Sentence& sentence) const {
        const Applies where = rule(r).applies;
        return active_[r] && in_scope(rule(r), document_.blocks[sentence.block].kind) &&
               (where == Applies::everywhere ||
                (where == Applies::requirements) == sentence.requirement);
    }

    std::string_view block_text(std::size_t b, text::Span span) const {
        return std::string_view(document_.blocks[b].text).substr(span.begin, span.end - span.begin);
    }

    const Token& token(const Sentence& sentence, std::size_t i) const {
        return units(sentence.block).tokens[sentence.first_token + i];
    }

    text::Span tokens_span(const Sentence& sentence, std::size_t first, std::size_t last) const {
        return {token(sentence, first).span.begin, token(sentence, last).span.end};
    }

    void check_sentence(const Sentence& sentence) {
        match_phrases(sentence);
        match_patterns(sentence);
        for (const std::uint32_t r : compiled_.token_rules) {
            if (!applies(r, sentence)) {
                continue;
            }
            switch (rule(r).type) {
            case RuleType::occurrence:
                if (contains_scope(rule(r), Scope::sentence) && sentence.token_count > rule(r).max) {
                    findings_.push_back({r, sentence.block, sentence.span, "",
                                         std::to_string(sentence.token_count)});
                }
                break;
            case RuleType::repetition:
                find_repetitions(r, sentence);
                break;
            case RuleType::passive:
                find_passives(r, sentence);
                break;
            default:
                break;
            }
        }
    }

    static bool contains_scope(const Rule& rule, Scope scope) {
        return std::find(rule.scopes.begin(), rule.scopes.end(), scope) != rule.scopes.end();
    }

    /// Phrase lists: existence, substitution (with their exceptions) and consistency variants.
    /// Marks a match of the project's preferred terms; the rest of the value is its index.
    static constexpr std::uint32_t kProjectTerm = 0x80000000U;

    /// The project's terms join the run's own extension of the rules' vocabulary: a worker
    /// adds them in the same order as its parent, so their ids agree.
    void compile_project_terms(std::uint32_t r) {
        project_rule_ = r;
        run_vocabulary_.emplace(Vocabulary::extending(compiled_.vocabulary));
        for (std::uint32_t i = 0; i < options_.preferred_terms.size(); ++i) {
            std::vector<std::uint32_t> ids;
            for (const auto& word :
                 phrase_words(options_.preferred_terms[i].first, rules_.language, rules_.profile)) {
                ids.push_back(run_vocabulary_->add(normalised_lower(word)));
            }
            if (!ids.empty()) {
                project_terms_.add(ids, i | kProjectTerm);
            }
        }
    }

    const Vocabulary& vocabulary() const {
        return run_vocabulary_ ? *run_vocabulary_ : compiled_.vocabulary;
    }

    PhraseRef ref_of(const PhraseMatcher::Match& match) const {
        if ((match.value & kProjectTerm) != 0) {
            return {project_rule_, PhraseRef::Kind::phrase, match.value & ~kProjectTerm, 0};
        }
        return compiled_.refs[match.value];
    }

    std::string replacement_of(const PhraseMatcher::Match& match, const PhraseRef& ref) const {
        if ((match.value & kProjectTerm) != 0) {
            return options_.preferred_terms[ref.index].second;
        }
        return rule(ref.rule).phrases[ref.index].replacement;
    }

    /// Phrase lists: existence, substitution (with their exceptions), the project's preferred
    /// terms and consistency variants.
    void match_phrases(const Sentence& sentence) {
        matches_.clear();
        const auto& tokens = units(sentence.block).tokens;
        const std::size_t first = sentence.first_token;
        const auto word_at = [&](std::size_t i) { return tokens[first + i].word; };
        compiled_.phrases.match(sentence.token_count, word_at, matches_);
        if (!project_terms_.empty()) {
            project_terms_.match(sentence.token_count, word_at, matches_);
        }
        if (matches_.empty()) {
            return;
        }
        std::erase_if(matches_, [&](const auto& match) { return !written_as_in_rule(sentence, match); });
        exceptions_.clear();
        for (const auto& match : matches_) {
            if (ref_of(match).kind == PhraseRef::Kind::exception) {
                exceptions_.push_back(match);
            }
        }
        std::sort(matches_.begin(), matches_.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : a.last > b.last;
        });
        covered_until_.clear();
        for (const auto& match : matches_) {
            const PhraseRef ref = ref_of(match);
            if (ref.kind == PhraseRef::Kind::exception || !applies(ref.rule, sentence) ||
                quoted(sentence, match) || excepted(ref.rule, match, exceptions_)) {
                continue;
            }
            auto covered = std::find_if(covered_until_.begin(), covered_until_.end(),
                                        [&](const auto& entry) { return entry.first == ref.rule; });
            if (covered == covered_until_.end()) {
                covered = covered_until_.insert(covered, {ref.rule, 0});
            }
            if (match.first < covered->second) {
                continue; // inside a longer match of the same rule
            }
            covered->second = match.last + 1;
            text::Span span = tokens_span(sentence, match.first, match.last);
            if (ref.kind == PhraseRef::Kind::variant) {
                variants_.push_back({ref, sentence.block, span});
                continue;
            }
            const std::string replacement = replacement_of(match, ref);
            if ((match.value & kProjectTerm) == 0 && rule(ref.rule).phrases[ref.index].full_stop &&
                block_text(sentence.block, {span.end, span.end + 1}) == ".") {
                span.end += 1; // "e.g." rather than "e.g"
            }
            findings_.push_back(
                {ref.rule, sentence.block, span,
                 replacement.empty() ? "" : in_case_of(block_text(sentence.block, span), replacement),
                 ""});
        }
    }

    /// The words of what a phrase reference stands for, as its rule wrote them.
    const std::vector<std::string>& words_of(const PhraseRef& ref) const {
        const Rule& r = rule(ref.rule);
        switch (ref.kind) {
        case PhraseRef::Kind::phrase:
            return r.phrases[ref.index].words;
        case PhraseRef::Kind::exception:
            return r.exceptions[ref.index];
        case PhraseRef::Kind::variant:
            break;
        }
        return r.variants[ref.index][ref.variant];
    }

    /// A case-sensitive rule's match is written exactly as the rule writes it ("may", not
    /// "May"); any other match is.
    bool written_as_in_rule(const Sentence& sentence, const PhraseMatcher::Match& match) const {
        if ((match.value & kProjectTerm) != 0 || !compiled_.refs[match.value].exact) {
            return true;
        }
        const auto& words = words_of(compiled_.refs[match.value]);
        for (std::size_t i = match.first; i <= match.last; ++i) {
            if (block_text(sentence.block, token(sentence, i).span) != words[i - match.first]) {
                return false;
            }
        }
        return true;
    }

    bool quoted(const Sentence& sentence, const PhraseMatcher::Match& match) const {
        for (std::size_t i = match.first; i <= match.last; ++i) {
            if (token(sentence, i).quoted) {
                return true;
            }
        }
        return false;
    }

    bool excepted(std::uint32_t r, const PhraseMatcher::Match& match,
                  const std::vector<PhraseMatcher::Match>& exceptions) const {
        return std::any_of(exceptions.begin(), exceptions.end(), [&](const auto& e) {
            return ref_of(e).rule == r && e.first <= match.first && match.last <= e.last;
        });
    }

    /// The patterns of requirement rules only look at requirements: most sentences of most
    /// documents are spared part of the automaton. (A sentence at a time: "^" means its start.)
    void match_patterns(const Sentence& sentence) {
        const std::string_view text = block_text(sentence.block, sentence.span);
        if (!patterns_ && shared_patterns_ == nullptr) { // borrowed on first use
            patterns_ = compiled_.pattern_pool.lend();
        }
        const PatternSets& sets = shared_patterns_ != nullptr ? *shared_patterns_ : *patterns_;
        hits_.clear();
        sets.others.matches(text, hits_);
        if (sentence.requirement) {
            sets.requirements.matches(text, hits_);
        }
        std::sort(hits_.begin(), hits_.end()); // in the order of the rules
        const auto& quotes = units(sentence.block).quotes;
        for (const std::size_t hit : hits_) {
            const std::uint32_t r = compiled_.regex_rule[hit];
            if (!applies(r, sentence)) {
                continue;
            }
            const RE2& regex = *compiled_.regexes[hit];
            // With a capturing group, the group is what is flagged: the rest of the pattern
            // is context (RE2 has no lookaround).
            const int groups = regex.NumberOfCapturingGroups() > 0 ? 2 : 1;
            const re2::StringPiece input(text.data(), text.size());
            re2::StringPiece found[2];
            for (std::size_t at = 0; at <= text.size() &&
                                     regex.Match(input, at, text.size(), RE2::UNANCHORED, found, groups);) {
                const auto start = static_cast<std::size_t>(found[0].data() - text.data());
                if (follows_word_of(compiled_.word_lists[r].not_after, sentence, sentence.span.begin + start)) {
                    at = start + 1; // a later match may overlap this one
                    continue;
                }
                const re2::StringPiece flagged = groups == 2 && found[1].data() != nullptr ? found[1] : found[0];
                const std::size_t begin =
                    sentence.span.begin + static_cast<std::size_t>(flagged.data() - text.data());
                const std::size_t end = begin + flagged.size();
                const bool in_quotes = std::any_of(quotes.begin(), quotes.end(), [&](const text::Span& q) {
                    return q.begin <= begin && begin < q.end;
                });
                if (!in_quotes && end > begin) {
                    findings_.push_back({r, sentence.block, {begin, end}, "", ""});
                }
                at = start + std::max<std::size_t>(found[0].size(), 1);
            }
        }
    }

    /// The word just before block offset `at` in `sentence`, with only spaces between, is
    /// one of `words`.
    bool follows_word_of(const WordSet& words, const Sentence& sentence, std::size_t at) const {
        const auto& tokens = units(sentence.block).tokens;
        const auto first = tokens.begin() + static_cast<std::ptrdiff_t>(sentence.first_token);
        const auto last = first + static_cast<std::ptrdiff_t>(sentence.token_count);
        const auto after = std::partition_point(first, last, [&](const Token& t) { return t.span.end <= at; });
        if (after == first || !words.contains((after - 1)->word)) {
            return false;
        }
        const auto gap = block_text(sentence.block, {(after - 1)->span.end, at});
        return gap.find_first_not_of(" \t\n") == std::string_view::npos;
    }

    /// "the the": the same word twice with only spaces between.
    void find_repetitions(std::uint32_t r, const Sentence& sentence) {
        for (std::size_t i = 1; i < sentence.token_count; ++i) {
            const Token& before = token(sentence, i - 1);
            const Token& word = token(sentence, i);
            if (word.number || word.quoted || !same_word(sentence.block, before, word)) {
                continue;
            }
            const auto gap = block_text(sentence.block, {before.span.end, word.span.begin});
            if (gap.find_first_not_of(" \t") != std::string_view::npos) {
                continue; // "that, that" or a stand-in between
            }
            const std::vector<std::uint32_t> pair{before.word, word.word};
            const auto& exceptions = compiled_.exception_ids[r];
            if (std::find(exceptions.begin(), exceptions.end(), pair) != exceptions.end()) {
                continue; // "had had", "that that"
            }
            findings_.push_back({r, sentence.block, {before.span.begin, word.span.end},
                                 std::string(block_text(sentence.block, before.span)), ""});
        }
    }

    /// The same word whatever its case: the same id, or, for words the vocabulary does not
    /// know, the same lower case.
    bool same_word(std::size_t b, const Token& one, const Token& other) const {
        if (one.word != Vocabulary::kUnknown || other.word != Vocabulary::kUnknown) {
            return one.word == other.word;
        }
        const auto a = block_text(b, one.span);
        const auto c = block_text(b, other.span);
        if (a.size() == c.size() && !text::has_non_ascii(a) && !text::has_non_ascii(c)) {
            const auto fold = [](char ch) {
                return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + ('a' - 'A')) : ch;
            };
            return std::equal(a.begin(), a.end(), c.begin(),
                              [&](char x, char y) { return fold(x) == fold(y); });
        }
        return normalised_lower(a) == normalised_lower(c);
    }

    /// A token in lower case, for the few checks that look at how a word ends.
    std::string lower_of(const Sentence& sentence, std::size_t i) const {
        return normalised_lower(block_text(sentence.block, token(sentence, i).span));
    }

    bool is_participle(std::uint32_t r, const Sentence& sentence, std::size_t i) const {
        const RuleWords& words = compiled_.word_lists[r];
        const std::uint32_t id = token(sentence, i).word;
        if (words.participles.contains(id)) {
            return true;
        }
        if (words.not_participles.contains(id)) {
            return false;
        }
        const std::string word = lower_of(sentence, i);
        const auto& endings = rule(r).participle_endings;
        return std::any_of(endings.begin(), endings.end(), [&](const std::string& ending) {
            return word.size() >= ending.size() + 3 && word.ends_with(ending);
        });
    }

    /// be + (up to two adverbs or other forms of be) + past participle, with no "by" after.
    void find_passives(std::uint32_t r, const Sentence& sentence) {
        const auto& adverb_endings = rule(r).adverb_endings;
        const RuleWords& words = compiled_.word_lists[r];
        constexpr std::size_t kAgentReach = 8; // "by" this many words after names the agent
        const auto be = [&](std::size_t i) { return words.be_forms.contains(token(sentence, i).word); };
        const auto adverb = [&](std::size_t i) {
            const std::string word = lower_of(sentence, i);
            return std::any_of(adverb_endings.begin(), adverb_endings.end(),
                               [&](const std::string& ending) { return word.ends_with(ending); });
        };
        for (std::size_t i = 0; i < sentence.token_count; ++i) {
            if (!be(i)) {
                continue;
            }
            std::size_t j = i + 1;
            while (j < sentence.token_count && j <= i + 2 && (be(j) || adverb(j))) {
                ++j;
            }
            if (j >= sentence.token_count || !is_participle(r, sentence, j) || token(sentence, j).quoted) {
                continue;
            }
            bool agent = false;
            for (std::size_t k = j + 1; k < sentence.token_count && k <= j + kAgentReach; ++k) {
                agent = agent || words.agent_words.contains(token(sentence, k).word);
            }
            if (!agent) {
                findings_.push_back({r, sentence.block, tokens_span(sentence, i, j), "", ""});
            }
            i = j;
        }
    }

    /// Rules whose unit is a whole block: occurrence over a paragraph, readability.
    void check_block(std::size_t b) {
        const auto& block = document_.blocks[b];
        const auto& unit = units(b);
        if (unit.sentences.empty()) {
            return;
        }
        const text::Span whole{unit.sentences.front().span.begin, unit.sentences.back().span.end};
        for (std::uint32_t r = 0; r < rules_.rules.size(); ++r) {
            const Rule& rl = rule(r);
            if (!active_[r] || !in_scope(rl, block.kind) || rl.applies != Applies::everywhere) {
                continue;
            }
            if (rl.type == RuleType::occurrence && !contains_scope(rl, Scope::sentence) &&
                unit.tokens.size() > rl.max) {
                findings_.push_back({r, b, whole, "", std::to_string(unit.tokens.size())});
            } else if (rl.type == RuleType::readability) {
                check_readability(r, b, whole);
            }
        }
    }

    const TextCounts& counts_of(std::size_t b) const { return (*counts_)[b]; }

    TextCounts count_words(std::size_t b, const BlockUnits& unit) const {
        TextCounts counts;
        counts.sentences = unit.sentences.size();
        for (const auto& token : unit.tokens) {
            if (!token.number) {
                ++counts.words;
                counts.syllables += syllables(block_text(b, token.span), rules_.language);
            }
        }
        return counts;
    }

    void check_readability(std::uint32_t r, std::size_t b, text::Span whole) {
        constexpr std::size_t kMinWords = 30; // fewer words make the formulas meaningless
        const TextCounts counts = counts_of(b);
        if (counts.words < kMinWords) {
            return;
        }
        const Rule& rl = rule(r);
        char value[16];
        if (rl.metric == "flesch-kincaid") {
            const double grade = flesch_kincaid_grade(counts);
            if (rl.max > 0 && grade > static_cast<double>(rl.max)) {
                std::snprintf(value, sizeof value, "%.1f", grade);
                findings_.push_back({r, b, whole, "", value});
            }
        } else {
            const double ease = kandel_moles(counts);
            if (ease < rl.min) {
                std::snprintf(value, sizeof value, "%.0f", ease);
                findings_.push_back({r, b, whole, "", value});
            }
        }
    }

    /// Two spellings of one term in one document: the first one used is kept.
    void check_consistency() {
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> first_variant;
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::string> first_written;
        for (const auto& seen : variants_) {
            const auto key = std::make_pair(seen.ref.rule, seen.ref.index);
            if (first_variant.try_emplace(key, seen.ref.variant).second) {
                first_written[key] = block_text(seen.block, seen.span);
            }
        }
        for (const auto& seen : variants_) {
            const auto key = std::make_pair(seen.ref.rule, seen.ref.index);
            if (seen.ref.variant != first_variant[key]) {
                findings_.push_back(
                    {seen.ref.rule, seen.block, seen.span,
                     in_case_of(block_text(seen.block, seen.span), text::to_lower(first_written[key])),
                     first_written[key]});
            }
        }
    }

    /// Acronyms used where the rule looks but never defined: "Single Sign-On (SSO)" or
    /// "SSO (Single Sign-On)" anywhere defines one, as do the glossary and the rule's list
    /// of well-known ones. Each undefined acronym is reported once, where it is first used.
    void check_acronyms() {
        for (std::uint32_t r = 0; r < rules_.rules.size(); ++r) {
            if (!active_[r] || rule(r).type != RuleType::conditional) {
                continue;
            }
            std::set<std::string> defined(rule(r).well_known.begin(), rule(r).well_known.end());
            std::vector<std::pair<std::string, Finding>> uses;
            for (std::size_t b = 0; b < units_->size(); ++b) {
                const std::string_view text = document_.blocks[b].text;
                const BlockUnits& unit = units(b);
                auto sentence = unit.sentences.begin(); // the one holding the token
                for (const std::uint32_t index : unit.acronyms) {
                    while (sentence != unit.sentences.end() &&
                           sentence->first_token + sentence->token_count <= index) {
                        ++sentence;
                    }
                    if (sentence == unit.sentences.end()) {
                        break; // cannot happen: sentences cover every word
                    }
                    const Token& t = unit.tokens[index];
                    const std::string_view written = block_text(b, t.span);
                    std::string word(written.ends_with("s") ? written.substr(0, written.size() - 1) : written);
                    const auto after = text.substr(t.span.end, 2);
                    if (after.size() == 2 && after[0] == '-' && after[1] >= '0' && after[1] <= '9') {
                        continue; // an identifier such as PG-010, not an acronym
                    }
                    const bool in_brackets = t.span.begin > 0 && text[t.span.begin - 1] == '(' &&
                                             t.span.end < text.size() && text[t.span.end] == ')';
                    const bool before_brackets = text.substr(t.span.end, 2) == " (";
                    if (in_brackets || before_brackets) {
                        defined.insert(word);
                    } else if (applies(r, *sentence) && !t.quoted) {
                        uses.push_back({word, {r, b, t.span, "", ""}});
                    }
                }
            }
            std::set<std::string> reported;
            for (auto& [word, finding] : uses) {
                const bool known = defined.contains(word) ||
                                   (options_.glossary != nullptr && options_.glossary->accepts(word));
                if (!known && reported.insert(word).second) {
                    findings_.push_back(std::move(finding));
                }
            }
        }
    }

    EarsTemplate ears_of(const Sentence& sentence) const {
        std::set<EarsTemplate> kinds;
        std::size_t binding = sentence.token_count; // the first requirement word
        const std::string_view text = document_.blocks[sentence.block].text;
        for (std::size_t i = 0; i < sentence.token_count; ++i) {
            const Token& t = token(sentence, i);
            if (compiled_.requirement_words.contains(t.word)) {
                binding = i;
                break;
            }
            const bool clause_start =
                i == 0 || text.substr(token(sentence, i - 1).span.end,
                                      t.span.begin - token(sentence, i - 1).span.end)
                                  .find(',') != std::string_view::npos;
            for (const auto& [kind, words] : compiled_.ears) {
                if (clause_start && words.contains(t.word)) {
                    kinds.insert(kind);
                }
            }
        }
        if (kinds.size() > 1) {
            return EarsTemplate::complex;
        }
        if (kinds.size() == 1) {
            return *kinds.begin();
        }
        const bool has_subject = binding > 0 && binding < sentence.token_count;
        const bool list_item = binding == sentence.token_count; // an item of "The system shall:"
        return has_subject || list_item ? EarsTemplate::ubiquitous : EarsTemplate::none;
    }

    /// Findings in document order: by block, then by where they start.
    std::vector<const Finding*> findings_in_order() const {
        std::vector<const Finding*> ordered;
        ordered.reserve(findings_.size());
        for (const auto& finding : findings_) {
            ordered.push_back(&finding);
        }
        std::stable_sort(ordered.begin(), ordered.end(), [](const Finding* a, const Finding* b) {
            return a->block != b->block ? a->block < b->block : a->span.begin < b->span.begin;
        });
        return ordered;
    }

    /// `ordered`: the findings in document order.
    void score_requirements(const std::vector<const Finding*>& ordered, RulesReport& report) const {
        auto next = ordered.begin(); // the first finding not before the current sentence
        int total = 0;
        for (std::size_t b = 0; b < units_->size(); ++b) {
            const auto& block = document_.blocks[b];
            for (const auto& sentence : units(b).sentences) {
                const auto before = [&](const Finding* f) {
                    return f->block < b || (f->block == b && f->span.begin < sentence.span.begin);
                };
                while (next != ordered.end() && before(*next)) {
                    ++next;
                }
                if (!sentence.requirement || block.kind == text::BlockKind::heading) {
                    continue;
                }
                RequirementReport requirement;
                requirement.begin = block.source_offset(sentence.span.begin);
                requirement.end = block.source_end(sentence.span.end);
                requirement.ears = ears_of(sentence);
                for (auto it = next; it != ordered.end() && (*it)->block == b &&
                                     (*it)->span.begin < sentence.span.end;
                     ++it) {
                    const Rule& found_by = rule((*it)->rule);
                    if (found_by.type != RuleType::readability) {
                        const int points = cost_of(found_by.severity);
                        requirement.costs.push_back({found_by.id, points});
                        requirement.score = std::max(0, requirement.score - points);
                    }
                }
                total += requirement.score;
                report.requirements.push_back(std::move(requirement));
            }
        }
        if (!report.requirements.empty()) {
            const auto n = static_cast<int>(report.requirements.size());
            report.quality = (total + n / 2) / n;
        }
    }

    void measure_readability(RulesReport& report) const {
        for (std::size_t b = 0; b < units_->size(); ++b) {
            if (document_.blocks[b].kind != text::BlockKind::heading) {
                report.counts += counts_of(b);
            }
        }
        report.reading_ease = reading_ease(report.counts, rules_.language);
        if (rules_.language == "en") {
            report.grade = flesch_kincaid_grade(report.counts);
        }
    }

    /// The rule's message with its placeholders ({match}, {replacement}, {value}, {max},
    /// {min}) filled in, in one pass: what fills one is never read as another.
    std::string message_of(const Rule& r, const Finding& finding) const {
        const std::string_view message = r.message;
        std::string out;
        std::size_t at = 0;
        for (auto open = message.find('{'); open != std::string_view::npos; open = message.find('{', at)) {
            out += message.substr(at, open - at);
            const auto close = message.find('}', open);
            const auto key = message.substr(open + 1, close == std::string_view::npos ? 0 : close - open - 1);
            if (key == "match") {
                out += block_text(finding.block, finding.span);
            } else if (key == "replacement") {
                out += finding.replacement;
            } else if (key == "value") {
                out += finding.value;
            } else if (key == "max") {
                out += std::to_string(r.max);
            } else if (key == "min") {
                char minimum[16];
                std::snprintf(minimum, sizeof minimum, "%g", r.min);
                out += minimum;
            } else {
                out += '{'; // not a placeholder: kept as written
                at = open + 1;
                continue;
            }
            at = close + 1;
        }
        out += message.substr(at);
        return out;
    }

    Alert to_alert(const Finding& finding) const {
        const Rule& r = rule(finding.rule);
        const auto& block = document_.blocks[finding.block];
        Alert alert;
        alert.begin = block.source_offset(finding.span.begin);
        alert.end = block.source_end(finding.span.end);
        alert.rule_id = r.id;
        alert.rule_description = r.description;
        alert.category = r.category;
        alert.severity = r.severity;
        alert.message = message_of(r, finding);
        alert.explanation = r.explanation;
        alert.link = r.link;
        if (!finding.replacement.empty()) {
            alert.replacements.push_back(finding.replacement);
        }
        return alert;
    }

    struct VariantSeen {
        PhraseRef ref;
        std::size_t block;
        text::Span span;
    };

    const RuleSet& rules_;
    const CompiledRules& compiled_;
    const text::Document& document_;
    const RunOptions& options_;
    std::vector<bool> active_;
    std::unique_ptr<PatternSets> patterns_; ///< lent by compiled_ for this run, when it needs them
    const PatternSets* shared_patterns_ = nullptr; ///< a worker's: its parent's
    std::optional<Vocabulary> run_vocabulary_; ///< with the project's terms, when it has some
    PhraseMatcher project_terms_; ///< the project's preferred terms, by index in the options
    std::uint32_t project_rule_ = 0;
    std::vector<BlockUnits> own_units_;  ///< per block; a worker's stay empty
    std::vector<TextCounts> own_counts_; ///< per block
    const std::vector<BlockUnits>* units_ = &own_units_;  ///< its own, or its parent's
    const std::vector<TextCounts>* counts_ = &own_counts_;
    std::vector<PhraseMatcher::Match> matches_; ///< of match_phrases, kept for its capacity
    std::vector<PhraseMatcher::Match> exceptions_; ///< of match_phrases, likewise
    /// Of match_phrases, likewise: per rule, the token after the last one it reported.
    std::vector<std::pair<std::uint32_t, std::size_t>> covered_until_;
    std::vector<std::size_t> hits_;               ///< of match_patterns, likewise
    std::vector<Finding> findings_;
    std::vector<VariantSeen> variants_;
};

} // namespace

RulesReport Engine::run(const text::Document& document, const RunOptions& options,
                        const BlockWords* words) const {
    return Run(rules_, *compiled_, document, options).report(words);
}

std::vector<std::string> Engine::failing_examples() const {
    std::vector<std::string> failures;
    for (const auto& rule : rules_.rules) {
        RunOptions options;
        options.selection.enabled = {rule.id};
        if (rule.project_terms) { // its swaps stand for a project's preferred terms
            for (const auto& phrase : rule.phrases) {
                options.preferred_terms.emplace_back(joined(phrase.words), phrase.replacement);
            }
        }
        const auto fires = [&](const std::string& example) {
            const auto document = text::parse_document(example, text::Markup::markdown);
            const auto report = run(document, options);
            return std::any_of(report.alerts.begin(), report.alerts.end(),
                               [&](const Alert& a) { return a.rule_id == rule.id; });
        };
        for (const auto& example : rule.must_fire) {
            if (!fires(example)) {
                failures.push_back(rule.source_file + ": must fire but does not: " + example);
            }
        }
        for (const auto& example : rule.must_not_fire) {
            if (fires(example)) {
                failures.push_back(rule.source_file + ": must not fire but does: " + example);
            }
        }
    }
    return failures;
}

} // namespace atk::rules
