#include "thesaurus/parts_of_speech.hpp"

#include "text/casing.hpp"

#include <algorithm>
#include <map>

namespace atk::thesaurus {

PartOfSpeech from_apertium_tags(const std::vector<std::string>& tags) {
    static const std::map<std::string, PartOfSpeech, std::less<>> by_tag{
        {"n", PartOfSpeech::noun},
        {"np", PartOfSpeech::noun},
        {"vblex", PartOfSpeech::verb},
        {"vbser", PartOfSpeech::verb},
        {"vbhaver", PartOfSpeech::verb},
        {"vbmod", PartOfSpeech::verb},
        {"vaux", PartOfSpeech::verb},
        {"adj", PartOfSpeech::adjective},
        {"adv", PartOfSpeech::adverb},
        {"preadv", PartOfSpeech::adverb},
        {"prn", PartOfSpeech::pronoun},
        {"det", PartOfSpeech::determiner},
        {"predet", PartOfSpeech::determiner},
        {"pr", PartOfSpeech::preposition},
        {"cnjcoo", PartOfSpeech::conjunction},
        {"cnjsub", PartOfSpeech::conjunction},
        {"cnjadv", PartOfSpeech::conjunction},
        {"ij", PartOfSpeech::interjection},
        {"num", PartOfSpeech::numeral},
    };
    if (tags.empty()) {
        return PartOfSpeech::none;
    }
    const auto found = by_tag.find(tags.front());
    return found == by_tag.end() ? PartOfSpeech::none : found->second;
}

std::vector<PartOfSpeech> from_thesaurus_label(std::string_view label) {
    // The words of every label in the installed thesauri (looked up in their .dat files), in
    // lower case without their dots. Spanish writes a noun's gender (m., f.) and a verb's
    // construction (tr. transitive, intr., prnl. pronominal) in place of the class.
    static const std::map<std::string, PartOfSpeech, std::less<>> by_word{
        {"noun", PartOfSpeech::noun},
        {"nom", PartOfSpeech::noun},
        {"m", PartOfSpeech::noun},
        {"f", PartOfSpeech::noun},
        {"verb", PartOfSpeech::verb},
        {"verbe", PartOfSpeech::verb},
        {"tr", PartOfSpeech::verb},
        {"intr", PartOfSpeech::verb},
        {"prnl", PartOfSpeech::verb},
        {"adj", PartOfSpeech::adjective},
        {"adjectif", PartOfSpeech::adjective},
        {"adv", PartOfSpeech::adverb},
        {"adverbe", PartOfSpeech::adverb},
        {"pronom", PartOfSpeech::pronoun},
        {"determinant", PartOfSpeech::determiner},
        {"preposition", PartOfSpeech::preposition},
        {"conjonction", PartOfSpeech::conjunction},
        {"interjection", PartOfSpeech::interjection},
        {"interj", PartOfSpeech::interjection},
        {"nombre", PartOfSpeech::numeral},
    };
    std::vector<PartOfSpeech> parts;
    const std::string lower = text::to_lower(label);
    std::size_t begin = 0;
    while (begin < lower.size()) {
        const auto end = std::min(lower.find_first_of(" -.", begin), lower.size());
        const auto found = by_word.find(std::string_view(lower).substr(begin, end - begin));
        if (found != by_word.end() &&
            std::find(parts.begin(), parts.end(), found->second) == parts.end()) {
            parts.push_back(found->second);
        }
        begin = end + 1;
    }
    return parts;
}

} // namespace atk::thesaurus
