#include "thesaurus/synonyms.hpp"

#include "text/casing.hpp"
#include "text/utf8.hpp"
#include "thesaurus/parts_of_speech.hpp"

#include <algorithm>
#include <set>

namespace atk::thesaurus {
namespace {

using morphology::Reading;

bool same_word(std::string_view a, std::string_view b) {
    return text::to_lower(a) == text::to_lower(b);
}

/// The reading of the word that a sense is a sense of: its lemma, and its part of speech when
/// the thesaurus labels the sense with one (else the first of that lemma: the tagger's choice).
const Reading* reading_for(const Sense& sense, const WordUse& use) {
    const auto parts = from_thesaurus_label(sense.part_of_speech);
    for (const auto& reading : use.readings) {
        const bool same_part =
            parts.empty() ||
            std::find(parts.begin(), parts.end(), from_apertium_tags(reading.tags)) != parts.end();
        if (same_part && same_word(reading.lemma, sense.lemma)) {
            return &reading;
        }
    }
    return nullptr;
}

/// `tags`, then the same with another gender where a synonym may differ from the word: any
/// other for a noun (its gender is its own), the common one (mf) for the rest, which agree
/// with a noun: a synonym with one form for both genders fits either.
std::vector<std::vector<std::string>> tag_variants(const std::vector<std::string>& tags) {
    std::vector<std::vector<std::string>> variants{tags};
    const auto gender = std::find_if(tags.begin(), tags.end(), [](const std::string& tag) {
        return tag == "m" || tag == "f" || tag == "mf";
    });
    if (gender == tags.end()) {
        return variants;
    }
    const bool noun = from_apertium_tags(tags) == PartOfSpeech::noun;
    for (const std::string other : {"m", "f", "mf"}) {
        if (other != *gender && (noun || other == "mf")) {
            variants.push_back(tags);
            variants.back()[static_cast<std::size_t>(gender - tags.begin())] = other;
        }
    }
    return variants;
}

/// One way to put a synonym in the word's form: `form` generated, then `rest` as written.
struct Candidate {
    Reading form;
    std::string rest;
};

/// The ways to try for `lemma` in the form of `reading`, best first: the whole lemma, then for
/// a multiword verb its first word alone (the verb heads its phrase in English, French and
/// Spanish: set forth, mettre en place, llevar a cabo).
std::vector<Candidate> candidates_for(const std::string& lemma, const Reading& reading) {
    std::vector<std::pair<std::string, std::string>> heads{{lemma, ""}};
    const auto space = lemma.find(' ');
    if (space != std::string::npos && from_apertium_tags(reading.tags) == PartOfSpeech::verb) {
        heads.emplace_back(lemma.substr(0, space), lemma.substr(space));
    }
    std::vector<Candidate> candidates;
    for (const auto& [head, rest] : heads) {
        for (auto& tags : tag_variants(reading.tags)) {
            candidates.push_back({{head, std::move(tags)}, rest});
        }
    }
    return candidates;
}

/// The candidates of every synonym of `senses`, in order, and for each synonym (by sense,
/// then by synonym) the range of its own; none where the sense has no reading of the word or
/// there is no generator.
struct CandidatePlan {
    std::vector<Candidate> candidates;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> ranges;
};

CandidatePlan plan_candidates(const std::vector<Sense>& senses, const WordUse& use,
                              bool can_generate) {
    CandidatePlan plan;
    for (const auto& sense : senses) {
        const Reading* reading = can_generate ? reading_for(sense, use) : nullptr;
        auto& ranges = plan.ranges.emplace_back();
        for (const auto& synonym : sense.synonyms) {
            const std::size_t first = plan.candidates.size();
            if (reading != nullptr) {
                for (auto& candidate : candidates_for(synonym.lemma, *reading)) {
                    plan.candidates.push_back(std::move(candidate));
                }
            }
            ranges.emplace_back(first, plan.candidates.size());
        }
    }
    return plan;
}

/// The word made by the first candidate of `range` that the generator could generate (its
/// form, then its rest); nullopt when none could be.
std::optional<std::string> first_generated(const CandidatePlan& plan,
                                           const std::vector<std::optional<std::string>>& generated,
                                           std::pair<std::size_t, std::size_t> range) {
    for (std::size_t i = range.first; i < range.second; ++i) {
        if (generated[i]) {
            return *generated[i] + plan.candidates[i].rest;
        }
    }
    return std::nullopt;
}

/// `word` in the case of `written`: capitalised, or in capitals (a word of one letter, as the
/// first of a sentence, counts as capitalised).
std::string in_case_of(const std::string& word, const std::string& written) {
    switch (text::casing_of(written)) {
    case text::Casing::capitalised:
        return text::capitalise(word);
    case text::Casing::upper:
        return text::to_code_points(written).size() > 1 ? text::to_upper(word)
                                                        : text::capitalise(word);
    case text::Casing::lower:
    case text::Casing::mixed:
        break;
    }
    return word;
}

} // namespace

std::vector<std::string> lookup_keys(const WordUse& use) {
    std::vector<std::string> keys;
    const auto add = [&](const std::string& key) {
        const bool seen = std::any_of(keys.begin(), keys.end(),
                                      [&](const std::string& k) { return same_word(k, key); });
        if (!key.empty() && !seen) {
            keys.push_back(key);
        }
    };
    for (const auto& reading : use.readings) {
        add(reading.lemma);
    }
    add(use.written);
    return keys;
}

std::vector<Sense> senses_of(const Thesaurus& thesaurus, const WordUse& use) {
    std::vector<Sense> senses;
    for (const auto& key : lookup_keys(use)) {
        for (auto& meaning : thesaurus.lookup(key)) {
            Sense sense{std::move(meaning.part_of_speech), key, false, {}};
            for (auto& synonym : meaning.synonyms) {
                sense.synonyms.push_back({synonym.word, synonym.word, std::move(synonym.relation)});
            }
            senses.push_back(std::move(sense));
        }
    }
    return senses;
}

void order_by_context(std::vector<Sense>& senses, const WordUse& use) {
    if (!use.in_context || use.readings.empty()) {
        return;
    }
    const Reading& chosen = use.readings.front();
    const PartOfSpeech part = from_apertium_tags(chosen.tags);
    for (auto& sense : senses) {
        const auto parts = from_thesaurus_label(sense.part_of_speech);
        sense.matches_context = part != PartOfSpeech::none &&
                                same_word(sense.lemma, chosen.lemma) &&
                                std::find(parts.begin(), parts.end(), part) != parts.end();
    }
    std::stable_partition(senses.begin(), senses.end(),
                          [](const Sense& sense) { return sense.matches_context; });
}

void inflect(std::vector<Sense>& senses, const WordUse& use, const Generator& generate) {
    const CandidatePlan plan = plan_candidates(senses, use, static_cast<bool>(generate));
    std::vector<Reading> forms;
    for (const auto& candidate : plan.candidates) {
        forms.push_back(candidate.form);
    }
    // Every candidate of every synonym in one request to the generator.
    auto generated = forms.empty() ? std::vector<std::optional<std::string>>() : generate(forms);
    generated.resize(forms.size()); // a generator that answers short has answered nothing more
    for (std::size_t s = 0; s < senses.size(); ++s) {
        const bool as_written_fits = same_word(use.written, senses[s].lemma);
        std::vector<OfferedSynonym> kept;
        for (std::size_t k = 0; k < senses[s].synonyms.size(); ++k) {
            OfferedSynonym synonym = std::move(senses[s].synonyms[k]);
            if (auto form = first_generated(plan, generated, plan.ranges[s][k])) {
                synonym.word = std::move(*form);
            } else if (!as_written_fits) {
                continue;
            }
            synonym.word = in_case_of(synonym.word, use.written);
            kept.push_back(std::move(synonym));
        }
        senses[s].synonyms = std::move(kept);
    }
}

void drop_repeats(std::vector<Sense>& senses, const WordUse& use) {
    std::set<std::string> seen{text::to_lower(use.written)};
    for (const auto& reading : use.readings) {
        seen.insert(text::to_lower(reading.lemma));
    }
    for (auto& sense : senses) {
        std::vector<OfferedSynonym> kept;
        for (auto& synonym : sense.synonyms) {
            if (synonym.relation != "antonym" && seen.insert(text::to_lower(synonym.word)).second) {
                kept.push_back(std::move(synonym));
            }
        }
        sense.synonyms = std::move(kept);
    }
    std::erase_if(senses, [](const Sense& sense) { return sense.synonyms.empty(); });
}

std::vector<Sense> find_synonyms(const Thesaurus& thesaurus, const WordUse& use,
                                 const Generator& generate) {
    auto senses = senses_of(thesaurus, use);
    order_by_context(senses, use);
    inflect(senses, use, generate);
    drop_repeats(senses, use);
    return senses;
}

} // namespace atk::thesaurus
