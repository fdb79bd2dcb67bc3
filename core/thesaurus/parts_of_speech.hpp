#pragma once
// Parts of speech as the analyser tags them (Apertium: <n>, <vblex>, <adj>...) and as each
// thesaurus labels its senses (English "(noun)", French "(Adjectif Nom)", Spanish "(m.)",
// "(tr.)"), brought onto one list so that a sense can be matched with a word's use.
#include <string>
#include <string_view>
#include <vector>

namespace atk::thesaurus {

enum class PartOfSpeech {
    none, ///< not known, or a class no thesaurus labels
    noun,
    verb,
    adjective,
    adverb,
    pronoun,
    determiner,
    preposition,
    conjunction,
    interjection,
    numeral,
};

/// The part of speech of an Apertium reading, from its first tag: n, np -> noun; vblex,
/// vbser, vbhaver, vbmod, vaux -> verb; adj -> adjective; adv, preadv -> adverb; and so on.
PartOfSpeech from_apertium_tags(const std::vector<std::string>& tags);

/// The parts of speech a thesaurus's sense label names, in the label's order: "noun" (en),
/// "Adjectif Nom" (fr: a sense shared by several), "m. fig." or "intr.-prnl." (es). Labels
/// that name none ("-" of the German and most Spanish senses, "?", "fig.") give none.
std::vector<PartOfSpeech> from_thesaurus_label(std::string_view label);

} // namespace atk::thesaurus
