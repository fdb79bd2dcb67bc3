#pragma once
// A requirements-quality or vocabulary rule as data: what rules/<language>/*.yml say, checked
// and typed (docs/rules.md documents the schema). The engine (rules/engine.hpp) compiles a
// set of them once and runs them over documents.
#include "alert.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace atk::rules {

enum class RuleType {
    existence,    ///< a phrase (or RE2 pattern) that should not be there
    substitution, ///< a phrase with a better one to write instead
    occurrence,   ///< a unit longer than `max` words
    repetition,   ///< the same word twice in a row
    conditional,  ///< an acronym used but never defined
    consistency,  ///< two spellings or terms for one thing in one document
    passive,      ///< be + past participle with no agent
    readability,  ///< a paragraph too hard to read (Flesch-Kincaid grade, Kandel-Moles)
};

/// The unit of text a rule looks at.
enum class Scope { sentence, paragraph, heading, list_item, table_cell };

/// Which sentences a rule applies to: every one, only requirements (a sentence with a binding
/// word such as "shall", or an item of a list introduced by one), or only the others.
enum class Applies { everywhere, requirements, prose };

/// One phrase of a phrase list, as lower-case words, with its replacement (may be empty).
struct Phrase {
    std::vector<std::string> words;
    std::string replacement;
    /// Written with a final full stop (e.g., etc.): the stop is part of what is flagged and
    /// replaced, though words never include it.
    bool full_stop = false;
};

struct Rule {
    std::string id;          ///< from the file's path: rules/en/vague-terms.yml -> vague-terms
    std::string source_file; ///< for error messages
    RuleType type = RuleType::existence;
    std::string description; ///< short: what the rule looks for (LanguageTool's description)
    std::string message;     ///< one line; "{match}" and "{replacement}" are filled in
    std::string explanation; ///< why it hurts and what to write instead
    std::string link;        ///< the source the rule comes from
    std::string category;    ///< upper-case id, e.g. VAGUENESS; never TYPOS
    Severity severity = Severity::warning;
    std::vector<Scope> scopes{Scope::sentence};
    Applies applies = Applies::everywhere;
    /// A rule that is off unless a project, a run or a request turns it on by id or category
    /// (for checks that are right in some projects only, such as "no negatives").
    bool enabled_by_default = true;

    std::vector<Phrase> phrases;       ///< existence, substitution, consistency (see variants)
    std::vector<std::string> patterns; ///< existence: RE2 patterns over the unit's text
    /// existence: a pattern's match (its capturing group, if it has one) right after one of
    /// these words (spaces between) is not reported: what a lookbehind would say, which RE2
    /// lacks ("that the system will").
    /// passive: a form of be with one of these among the two words before it is not reported
    /// (a relative clause: "the classes that must be completed").
    std::vector<std::string> not_after;
    /// Phrases around a match that make it fine ("any one of" for "any"): a match inside
    /// one of them is not reported.
    std::vector<std::vector<std::string>> exceptions;
    bool case_sensitive = false; ///< phrases match whatever their case unless this is set
    /// existence: offer the thesaurus's synonyms of the flagged word as replacements (those
    /// no rule flags in turn), for vague words with no one fixed replacement.
    bool synonyms = false;
    /// substitution: also swaps the project's preferred terms (.analyst-toolkit.yml rules:
    /// preferred_terms: client -> customer); its own swaps serve its examples.
    bool project_terms = false;
    std::size_t max = 0; ///< occurrence: words; readability: the highest grade allowed
    double min = 0;      ///< readability: the lowest reading ease allowed
    std::string metric;  ///< readability: flesch-kincaid | kandel-moles
    /// consistency: groups of variants of one term; the first one used in a document is kept.
    std::vector<std::vector<std::vector<std::string>>> variants;
    std::vector<std::string> be_forms;           ///< passive: forms of "be"
    std::vector<std::string> participles;        ///< passive: irregular past participles
    std::vector<std::string> participle_endings; ///< passive: regular ones (ed; é, ée)
    std::vector<std::string> not_participles;    ///< passive: words with such an ending (need)
    std::vector<std::string> agent_words;        ///< passive: "by", which names the agent
    std::vector<std::string> adverb_endings;     ///< passive: skipped between (ly; ment)
    std::vector<std::string> well_known;         ///< conditional: acronyms that need no definition

    std::vector<std::string> must_fire;     ///< examples: each must give at least one finding
    std::vector<std::string> must_not_fire; ///< examples: each must give none
};

/// EARS, the Easy Approach to Requirements Syntax (Mavin et al.).
enum class EarsTemplate {
    ubiquitous,         ///< The <system> shall <response>
    state_driven,       ///< While <state>, the <system> shall ...
    event_driven,       ///< When <trigger>, the <system> shall ...
    optional_feature,   ///< Where <feature>, the <system> shall ...
    unwanted_behaviour, ///< If <condition>, then the <system> shall ...
    complex,            ///< more than one of the above
    none,               ///< none of them
};
/// What a language's rule set says about the language itself (rules/<language>/language.yml).
struct LanguageProfile {
    /// Words that make a sentence a requirement: shall, must, will, should.
    std::vector<std::string> requirement_words;
    /// Words written elided before a vowel, without their apostrophe (French l, d, qu):
    /// "l'utilisateur" is matched as the two words "l'" and "utilisateur".
    std::vector<std::string> elided;
    /// The words that open each EARS template's clause (while; when; where; if).
    std::vector<std::pair<EarsTemplate, std::vector<std::string>>> ears;
};

struct RuleSet {
    std::string language; ///< the directory name: en, fr
    LanguageProfile profile;
    std::vector<Rule> rules;
};

} // namespace atk::rules
