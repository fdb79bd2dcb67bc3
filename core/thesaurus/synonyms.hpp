#pragma once
// The synonyms a writer can put in a word's place: the thesaurus's senses of the word's lemma,
// the sense of the word's part of speech in its sentence first, each synonym in the word's
// form (describes -> depicts), without antonyms, repeats or the word itself.
#include "morphology/morphology.hpp"
#include "thesaurus/thesaurus.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace atk::thesaurus {

struct OfferedSynonym {
    std::string word;     ///< to put in the word's place: inflected as the word is, in its case
    std::string lemma;    ///< as the thesaurus writes it: "depict"
    std::string relation; ///< as in Synonym: "similar term"...; empty for a synonym
};

struct Sense {
    std::string part_of_speech; ///< as the thesaurus writes it: "adj", "Verbe", "m."; may be ""
    std::string lemma;          ///< the entry it comes from: "describe" for "describes"
    /// Its part of speech is the word's in the sentence given (false when none was given).
    bool matches_context = false;
    std::vector<OfferedSynonym> synonyms;
};

/// What is known of the word looked up.
struct WordUse {
    std::string written; ///< as in the text: "Describes"
    /// The analyser's readings of it, the one chosen in its sentence first; empty when the
    /// word is unknown to the analyser or the language has none.
    std::vector<morphology::Reading> readings;
    bool in_context = false; ///< the readings were chosen in a sentence, not for the word alone
};

/// Each form generated, or nullopt where it cannot be (Morphology::generate).
using Generator =
    std::function<std::vector<std::optional<std::string>>(const std::vector<morphology::Reading>&)>;

/// The thesaurus entries to look up for `use`: its readings' lemmas in order, then the word as
/// written, each once (whatever its case).
std::vector<std::string> lookup_keys(const WordUse& use);

/// The senses of each key of `use` in `thesaurus`, in order, each synonym in its lemma form.
std::vector<Sense> senses_of(const Thesaurus& thesaurus, const WordUse& use);

/// Marks the senses whose lemma and part of speech are those of the reading chosen in context
/// and moves them first, the order otherwise kept. Nothing changes without a context.
void order_by_context(std::vector<Sense>& senses, const WordUse& use);

/// Puts each synonym in the form the word has: generated with the tags of the word's reading
/// of the sense's lemma and part of speech (for a multiword verb, its first word: set forth ->
/// sets forth; a noun keeps its own gender, an adjective takes the common one, mf, when it has
/// no other). A synonym that cannot be put in that form is kept as written only when the word
/// too is as the thesaurus writes its entry (describe, not describes), else dropped: the
/// dictionary form of a synonym would not fit the sentence. Then `use`'s case: capitalised or
/// capitals. Without `generate` (no generator), synonyms are kept as written on the same terms.
void inflect(std::vector<Sense>& senses, const WordUse& use, const Generator& generate);

/// Drops antonyms, synonyms that are the word itself or one of its lemmas, repeats (whatever
/// their case, across senses too: the first, in the better sense, is kept), and senses left
/// with no synonym.
void drop_repeats(std::vector<Sense>& senses, const WordUse& use);

/// All of the above: the synonyms of `use`, best sense first. `generate` may be empty.
std::vector<Sense> find_synonyms(const Thesaurus& thesaurus, const WordUse& use,
                                 const Generator& generate);

} // namespace atk::thesaurus
