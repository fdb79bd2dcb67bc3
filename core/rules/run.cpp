#include "rules/run.hpp"

#include "parallel.hpp"
#include "rules/rule_loader.hpp"
#include "text/casing.hpp"
#include "text/utf8.hpp"

#include <algorithm>

namespace atk::rules {

/// `parent`: the run a worker checks some of the blocks for, whose units it shares.
Run::Run(const RuleSet& rules, const CompiledRules& compiled, const text::Document& document,
         const RunOptions& options, const Run* parent)
    : rules_(rules), compiled_(compiled), document_(document), options_(options) {
    active_.resize(rules.rules.size());
    for (std::size_t r = 0; r < rules.rules.size(); ++r) {
        const Rule& rule = rules.rules[r];
        active_[r] = options.selection.selects(rule) && (options.profile == Profile::requirements ||
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

Run::~Run() {
    if (patterns_) {
        compiled_.pattern_pool.give_back(std::move(patterns_));
    }
}

RulesReport Run::report(const BlockWords* words) {
    cut_units(words);
    const auto parts = part_ranges();
    if (parts.size() == 1) {
        check_blocks(0, document_.blocks.size());
    } else {
        std::vector<std::unique_ptr<Run>> workers;
        patterns_ = compiled_.pattern_pool.lend(); // one automaton, built once, for all workers
        for (std::size_t p = 0; p < parts.size(); ++p) {
            workers.push_back(std::make_unique<Run>(rules_, compiled_, document_, options_, this));
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

void Run::check_blocks(std::size_t first, std::size_t last) {
    for (std::size_t b = first; b < last; ++b) {
        for (const auto& sentence : units(b).sentences) {
            check_sentence(sentence);
        }
        check_block(b);
    }
}

std::vector<std::pair<std::size_t, std::size_t>> Run::part_ranges() const {
    constexpr std::size_t kBytesPerPart = std::size_t{64} * 1024;
    std::size_t bytes = 0;
    for (const auto& block : document_.blocks) {
        bytes += block.text.size();
    }
    const std::size_t blocks = document_.blocks.size();
    const std::size_t parts = std::clamp<std::size_t>(std::min(bytes / kBytesPerPart, blocks), 1,
                                                      std::max<std::size_t>(1, options_.threads));
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (std::size_t p = 0; p < parts; ++p) {
        ranges.emplace_back(blocks * p / parts, blocks * (p + 1) / parts);
    }
    return ranges;
}

void Run::cut_units(const BlockWords* words) {
    const std::size_t blocks = document_.blocks.size();
    own_units_.resize(blocks);
    own_counts_.resize(blocks);
    const auto parts = part_ranges();
    const WordsOfLanguage language{rules_.profile, vocabulary(), compiled_.requirement_words};
    parallel_for(parts.size(), parts.size(), [&](std::size_t p) {
        text::Segmenter& segmenter = text::thread_segmenter(rules_.language);
        for (std::size_t b = parts[p].first; b < parts[p].second; ++b) {
            own_units_[b] = cut_block(document_, b, segmenter, language,
                                      words != nullptr ? &(*words)[b] : nullptr);
            own_counts_[b] = count_words(b, own_units_[b]);
        }
    });
    mark_requirement_lists(document_, own_units_);
}

bool Run::applies(std::uint32_t r, const Sentence& sentence) const {
    const Applies where = rule(r).applies;
    return active_[r] && in_scope(rule(r), document_.blocks[sentence.block].kind) &&
           (where == Applies::everywhere ||
            (where == Applies::requirements) == sentence.requirement);
}

std::string_view Run::block_text(std::size_t b, text::Span span) const {
    return std::string_view(document_.blocks[b].text).substr(span.begin, span.end - span.begin);
}

const Token& Run::token(const Sentence& sentence, std::size_t i) const {
    return units(sentence.block).tokens[sentence.first_token + i];
}

text::Span Run::tokens_span(const Sentence& sentence, std::size_t first, std::size_t last) const {
    return {token(sentence, first).span.begin, token(sentence, last).span.end};
}

void Run::check_sentence(const Sentence& sentence) {
    match_phrases(sentence);
    match_patterns(sentence);
    for (const std::uint32_t r : compiled_.token_rules) {
        if (!applies(r, sentence)) {
            continue;
        }
        switch (rule(r).type) {
        case RuleType::occurrence:
            if (contains_scope(rule(r), Scope::sentence) && sentence.token_count > rule(r).max) {
                findings_.push_back(
                    {r, sentence.block, sentence.span, "", std::to_string(sentence.token_count)});
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

bool Run::contains_scope(const Rule& rule, Scope scope) {
    return std::find(rule.scopes.begin(), rule.scopes.end(), scope) != rule.scopes.end();
}

void Run::compile_project_terms(std::uint32_t r) {
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

const Vocabulary& Run::vocabulary() const {
    return run_vocabulary_ ? *run_vocabulary_ : compiled_.vocabulary;
}

PhraseRef Run::ref_of(const PhraseMatcher::Match& match) const {
    if ((match.value & kProjectTerm) != 0) {
        return {project_rule_, PhraseRef::Kind::phrase, match.value & ~kProjectTerm, 0};
    }
    return compiled_.refs[match.value];
}

std::string Run::replacement_of(const PhraseMatcher::Match& match, const PhraseRef& ref) const {
    if ((match.value & kProjectTerm) != 0) {
        return options_.preferred_terms[ref.index].second;
    }
    return rule(ref.rule).phrases[ref.index].replacement;
}

void Run::match_phrases(const Sentence& sentence) {
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
    std::erase_if(matches_,
                  [&](const auto& match) { return !written_as_in_rule(sentence, match); });
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

const std::vector<std::string>& Run::words_of(const PhraseRef& ref) const {
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

bool Run::written_as_in_rule(const Sentence& sentence, const PhraseMatcher::Match& match) const {
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

bool Run::quoted(const Sentence& sentence, const PhraseMatcher::Match& match) const {
    for (std::size_t i = match.first; i <= match.last; ++i) {
        if (token(sentence, i).quoted) {
            return true;
        }
    }
    return false;
}

bool Run::excepted(std::uint32_t r, const PhraseMatcher::Match& match,
                   const std::vector<PhraseMatcher::Match>& exceptions) const {
    return std::any_of(exceptions.begin(), exceptions.end(), [&](const auto& e) {
        return ref_of(e).rule == r && e.first <= match.first && match.last <= e.last;
    });
}

void Run::match_patterns(const Sentence& sentence) {
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
        for (std::size_t at = 0;
             at <= text.size() &&
             regex.Match(input, at, text.size(), RE2::UNANCHORED, found, groups);) {
            const auto start = static_cast<std::size_t>(found[0].data() - text.data());
            const re2::StringPiece flagged =
                groups == 2 && found[1].data() != nullptr ? found[1] : found[0];
            const std::size_t begin =
                sentence.span.begin + static_cast<std::size_t>(flagged.data() - text.data());
            const std::size_t end = begin + flagged.size();
            if (follows_word_of(compiled_.word_lists[r].not_after, sentence, begin)) {
                at = start + 1; // a later match may overlap this one
                continue;
            }
            const bool in_quotes =
                std::any_of(quotes.begin(), quotes.end(),
                            [&](const text::Span& q) { return q.begin <= begin && begin < q.end; });
            if (!in_quotes && end > begin) {
                findings_.push_back({r, sentence.block, {begin, end}, "", ""});
            }
            at = start + std::max<std::size_t>(found[0].size(), 1);
        }
    }
}

bool Run::follows_word_of(const WordSet& words, const Sentence& sentence, std::size_t at) const {
    const auto& tokens = units(sentence.block).tokens;
    const auto first = tokens.begin() + static_cast<std::ptrdiff_t>(sentence.first_token);
    const auto last = first + static_cast<std::ptrdiff_t>(sentence.token_count);
    const auto after =
        std::partition_point(first, last, [&](const Token& t) { return t.span.end <= at; });
    if (after == first || !words.contains((after - 1)->word)) {
        return false;
    }
    const auto gap = block_text(sentence.block, {(after - 1)->span.end, at});
    return gap.find_first_not_of(" \t\n") == std::string_view::npos;
}

namespace {

/// The same text, or but for the case of an ASCII first letter.
bool written_alike(std::string_view a, std::string_view b) {
    return a == b ||
           (a.size() == b.size() && !a.empty() &&
            text::ascii_lower(a[0]) == text::ascii_lower(b[0]) && a.substr(1) == b.substr(1));
}

} // namespace

void Run::find_repetitions(std::uint32_t r, const Sentence& sentence) {
    for (std::size_t i = 1; i < sentence.token_count; ++i) {
        const Token& before = token(sentence, i - 1);
        const Token& word = token(sentence, i);
        if (word.number || word.quoted || !same_word(sentence.block, before, word)) {
            continue;
        }
        // A slip of the keyboard: one or two spaces between, the same letters but maybe the
        // first's case ("The the"). Not "that, that", a stand-in, columns lined up with tabs,
        // nor a word in capitals beside the same in lower case (a heading, a label).
        const auto gap = block_text(sentence.block, {before.span.end, word.span.begin});
        const std::string_view text = document_.blocks[sentence.block].text;
        const bool in_compound = (before.span.begin > 0 && text[before.span.begin - 1] == '-') ||
                                 (word.span.end < text.size() && text[word.span.end] == '-');
        if (in_compound) {
            continue; // "deux deux-points", "liste liste-2"
        }
        if (gap.empty() || gap.size() > 2 || gap.find_first_not_of(' ') != std::string_view::npos ||
            !written_alike(block_text(sentence.block, before.span),
                           block_text(sentence.block, word.span))) {
            continue;
        }
        const std::vector<std::uint32_t> pair{before.word, word.word};
        const auto& exceptions = compiled_.exception_ids[r];
        if (std::find(exceptions.begin(), exceptions.end(), pair) != exceptions.end()) {
            continue; // "had had", "that that"
        }
        findings_.push_back({r,
                             sentence.block,
                             {before.span.begin, word.span.end},
                             std::string(block_text(sentence.block, before.span)),
                             ""});
    }
}

bool Run::same_word(std::size_t b, const Token& one, const Token& other) const {
    if (one.word != Vocabulary::kUnknown || other.word != Vocabulary::kUnknown) {
        return one.word == other.word;
    }
    const auto a = block_text(b, one.span);
    const auto c = block_text(b, other.span);
    if (!text::has_non_ascii(a) && !text::has_non_ascii(c)) { // most words: no copy
        return a.size() == c.size() &&
               std::equal(a.begin(), a.end(), c.begin(), [](char x, char y) {
                   return text::ascii_lower(x) == text::ascii_lower(y);
               });
    }
    return normalised_lower(a) == normalised_lower(c);
}

std::string Run::lower_of(const Sentence& sentence, std::size_t i) const {
    return normalised_lower(block_text(sentence.block, token(sentence, i).span));
}

bool Run::is_participle(std::uint32_t r, const Sentence& sentence, std::size_t i) const {
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

void Run::find_passives(std::uint32_t r, const Sentence& sentence) {
    const auto& adverb_endings = rule(r).adverb_endings;
    const RuleWords& words = compiled_.word_lists[r];
    constexpr std::size_t kAgentReach = 8; // "by" this many words after names the agent
    const auto be = [&](std::size_t i) { return words.be_forms.contains(token(sentence, i).word); };
    const auto adverb = [&](std::size_t i) {
        const std::string word = lower_of(sentence, i);
        return std::any_of(adverb_endings.begin(), adverb_endings.end(),
                           [&](const std::string& ending) { return word.ends_with(ending); });
    };
    const auto in_relative_clause = [&](std::size_t i) { // "that (must) be"
        return (i >= 1 && words.not_after.contains(token(sentence, i - 1).word)) ||
               (i >= 2 && words.not_after.contains(token(sentence, i - 2).word));
    };
    for (std::size_t i = 0; i < sentence.token_count; ++i) {
        if (!be(i) || in_relative_clause(i)) {
            continue;
        }
        std::size_t j = i + 1;
        while (j < sentence.token_count && j <= i + 2 && (be(j) || adverb(j))) {
            ++j;
        }
        if (j >= sentence.token_count || !is_participle(r, sentence, j) ||
            token(sentence, j).quoted) {
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

void Run::check_block(std::size_t b) {
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

TextCounts Run::count_words(std::size_t b, const BlockUnits& unit) const {
    TextCounts counts;
    counts.sentences = unit.sentences.size();
    for (const auto& token : unit.tokens) {
        if (!token.number) {
            counts += word_counts(block_text(b, token.span), rules_.language);
        }
    }
    return counts;
}

void Run::check_readability(std::uint32_t r, std::size_t b, text::Span whole) {
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

} // namespace atk::rules
