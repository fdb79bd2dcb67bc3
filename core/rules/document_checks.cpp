#include "rules/run.hpp"
#include "spell/glossary.hpp"
#include "text/casing.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_set>

namespace atk::rules {

void Run::check_consistency() {
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

bool Run::shouted(std::size_t b, const Sentence& sentence, std::size_t index) const {
    const auto& tokens = units(b).tokens;
    const auto capitals = [&](std::size_t i) { return in_capitals(block_text(b, tokens[i].span)); };
    std::size_t first = index;
    while (first > sentence.first_token && capitals(first - 1)) {
        --first;
    }
    std::size_t last = index;
    while (last + 1 < sentence.first_token + sentence.token_count && capitals(last + 1)) {
        ++last;
    }
    bool long_word = false; // longer than an acronym: a word in capitals
    for (std::size_t i = first; i <= last; ++i) {
        long_word = long_word || !looks_like_acronym(block_text(b, tokens[i].span));
    }
    return last - first + 1 >= 3 || (last > first && long_word);
}

void Run::check_acronyms() {
    for (std::uint32_t r = 0; r < rules_.rules.size(); ++r) {
        if (!active_[r] || rule(r).type != RuleType::conditional) {
            continue;
        }
        // Views into the rule's list and the document, which outlive this pass.
        std::unordered_set<std::string_view> defined(rule(r).well_known.begin(),
                                                     rule(r).well_known.end());
        std::vector<std::pair<std::string_view, Finding>> uses;
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
                if (shouted(b, *sentence, index)) {
                    continue; // "THE SOFTWARE IS PROVIDED AS IS", "GOVERNMENT USE:"
                }
                const Token& t = unit.tokens[index];
                const std::string_view written = block_text(b, t.span);
                const std::string_view word =
                    written.ends_with("s") ? written.substr(0, written.size() - 1) : written;
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
        std::unordered_set<std::string_view> judged; // each acronym where it is first used
        for (auto& [word, finding] : uses) {
            if (!judged.insert(word).second) {
                continue;
            }
            const bool known = defined.contains(word) ||
                               (options_.glossary != nullptr && options_.glossary->accepts(word));
            if (!known) {
                findings_.push_back(std::move(finding));
            }
        }
    }
}

EarsTemplate Run::ears_of(const Sentence& sentence) const {
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

std::vector<const Finding*> Run::findings_in_order() const {
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

void Run::score_requirements(const std::vector<const Finding*>& ordered,
                             RulesReport& report) const {
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
            for (auto it = next;
                 it != ordered.end() && (*it)->block == b && (*it)->span.begin < sentence.span.end;
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

void Run::measure_readability(RulesReport& report) const {
    for (std::size_t b = 0; b < units_->size(); ++b) {
        if (document_.blocks[b].kind != text::BlockKind::heading) {
            report.counts += counts_of(b);
        }
    }
    report.readability = readability_of(report.counts, rules_.language);
}

std::string Run::message_of(const Rule& r, const Finding& finding) const {
    const std::string_view message = r.message;
    std::string out;
    std::size_t at = 0;
    for (auto open = message.find('{'); open != std::string_view::npos;
         open = message.find('{', at)) {
        out += message.substr(at, open - at);
        const auto close = message.find('}', open);
        const auto key =
            message.substr(open + 1, close == std::string_view::npos ? 0 : close - open - 1);
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

Alert Run::to_alert(const Finding& finding) const {
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

} // namespace atk::rules
