#pragma once
// One run of a compiled rule set over one document: cut into units, then sentence and block
// rules (run.cpp), then the document-wide checks, scores and alerts (document_checks.cpp).
// Internal to the engine.
#include "rules/compiled_rules.hpp"
#include "rules/readability.hpp"
#include "rules/text_units.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atk::rules {

/// One run of the rules over one document.
class Run {
  public:
    /// `parent`: the run a worker checks some of the blocks for, whose units it shares.
    Run(const RuleSet& rules, const CompiledRules& compiled, const text::Document& document,
        const RunOptions& options, const Run* parent = nullptr);

    ~Run();
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    /// `words`: as Engine::run.
    RulesReport report(const BlockWords* words);

    /// Sentence and block rules over blocks [first, last).
    void check_blocks(std::size_t first, std::size_t last);

  private:
    /// Blocks [first, last) per part: one part per 64 KiB of text, at most one per thread.
    std::vector<std::pair<std::size_t, std::size_t>> part_ranges() const;

    /// Every block cut into words and sentences (in parts, on the run's threads), then the
    /// items of requirement lists marked, and each block's words and syllables counted.
    void cut_units(const BlockWords* words);

    const BlockUnits& units(std::size_t b) const { return (*units_)[b]; }

    const Rule& rule(std::uint32_t r) const { return rules_.rules[r]; }

    /// The rule runs, and looks at this sentence.
    bool applies(std::uint32_t r, const Sentence& sentence) const;

    std::string_view block_text(std::size_t b, text::Span span) const;

    const Token& token(const Sentence& sentence, std::size_t i) const;

    text::Span tokens_span(const Sentence& sentence, std::size_t first, std::size_t last) const;

    // --- sentence and block rules (run.cpp) ------------------------------------------------

    /// Every rule that looks at a sentence: phrases, patterns and the token rules.
    void check_sentence(const Sentence& sentence);

    static bool contains_scope(const Rule& rule, Scope scope);

    /// Marks a phrase match of the project's preferred terms; the rest of the value is its
    /// index in the options.
    static constexpr std::uint32_t kProjectTerm = 0x80000000U;

    /// The project's terms join the run's own extension of the rules' vocabulary: a worker
    /// adds them in the same order as its parent, so their ids agree.
    void compile_project_terms(std::uint32_t r);

    const Vocabulary& vocabulary() const;

    PhraseRef ref_of(const PhraseMatcher::Match& match) const;

    std::string replacement_of(const PhraseMatcher::Match& match, const PhraseRef& ref) const;

    /// Phrase lists: existence, substitution (with their exceptions), the project's preferred
    /// terms and consistency variants.
    void match_phrases(const Sentence& sentence);

    /// The words of what a phrase reference stands for, as its rule wrote them.
    const std::vector<std::string>& words_of(const PhraseRef& ref) const;

    /// A case-sensitive rule's match is written exactly as the rule writes it ("may", not
    /// "May"); any other match is.
    bool written_as_in_rule(const Sentence& sentence, const PhraseMatcher::Match& match) const;

    bool quoted(const Sentence& sentence, const PhraseMatcher::Match& match) const;

    bool excepted(std::uint32_t r, const PhraseMatcher::Match& match,
                  const std::vector<PhraseMatcher::Match>& exceptions) const;

    /// The patterns of requirement rules only look at requirements: most sentences of most
    /// documents are spared part of the automaton. (A sentence at a time: "^" means its start.)
    void match_patterns(const Sentence& sentence);

    /// The word just before block offset `at` in `sentence`, with only spaces between, is
    /// one of `words`.
    bool follows_word_of(const WordSet& words, const Sentence& sentence, std::size_t at) const;

    /// "the the": the same word twice, one or two spaces apart, written alike (docs/rules.md).
    void find_repetitions(std::uint32_t r, const Sentence& sentence);

    /// The same word whatever its case: the same id, or, for words the vocabulary does not
    /// know, the same lower case.
    bool same_word(std::size_t b, const Token& one, const Token& other) const;

    /// A token in lower case, for the few checks that look at how a word ends.
    std::string lower_of(const Sentence& sentence, std::size_t i) const;

    bool is_participle(std::uint32_t r, const Sentence& sentence, std::size_t i) const;

    /// be + (up to two adverbs or other forms of be) + past participle, with no "by" after.
    void find_passives(std::uint32_t r, const Sentence& sentence);

    /// Rules whose unit is a whole block: occurrence over a paragraph, readability.
    void check_block(std::size_t b);

    const TextCounts& counts_of(std::size_t b) const { return (*counts_)[b]; }

    TextCounts count_words(std::size_t b, const BlockUnits& unit) const;

    /// A readability rule on block `b` (`whole`: its sentences' span), if it has enough words.
    void check_readability(std::uint32_t r, std::size_t b, text::Span whole);

    // --- document-wide checks, scores and alerts (document_checks.cpp) -----------------------

    /// Two spellings of one term in one document: the first one used is kept.
    void check_consistency();

    /// Acronyms used where the rule looks but never defined: "Single Sign-On (SSO)" or
    /// "SSO (Single Sign-On)" anywhere defines one, as do the glossary and the rule's list
    /// of well-known ones. Each undefined acronym is reported once, where it is first used.
    void check_acronyms();

    /// Token `index` of block `b`, in `sentence`, is one of three or more words in capitals in
    /// a row, or of two with one too long for an acronym: text in capitals, not acronyms.
    bool shouted(std::size_t b, const Sentence& sentence, std::size_t index) const;

    /// The EARS template a requirement sentence follows, from the words that open its clauses.
    EarsTemplate ears_of(const Sentence& sentence) const;

    /// Findings in document order: by block, then by where they start.
    std::vector<const Finding*> findings_in_order() const;

    /// `ordered`: the findings in document order.
    void score_requirements(const std::vector<const Finding*>& ordered, RulesReport& report) const;

    /// The document's counts and readability, headings left out.
    void measure_readability(RulesReport& report) const;

    /// The rule's message with its placeholders ({match}, {replacement}, {value}, {max},
    /// {min}) filled in, in one pass: what fills one is never read as another.
    std::string message_of(const Rule& r, const Finding& finding) const;

    /// The finding as its rule reports it, with source offsets.
    Alert to_alert(const Finding& finding) const;

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
    std::optional<Vocabulary> run_vocabulary_;     ///< with the project's terms, when it has some
    PhraseMatcher project_terms_; ///< the project's preferred terms, by index in the options
    std::uint32_t project_rule_ = 0;
    std::vector<BlockUnits> own_units_;                  ///< per block; a worker's stay empty
    std::vector<TextCounts> own_counts_;                 ///< per block
    const std::vector<BlockUnits>* units_ = &own_units_; ///< its own, or its parent's
    const std::vector<TextCounts>* counts_ = &own_counts_;
    std::vector<PhraseMatcher::Match> matches_;    ///< of match_phrases, kept for its capacity
    std::vector<PhraseMatcher::Match> exceptions_; ///< of match_phrases, likewise
    /// Of match_phrases, likewise: per rule, the token after the last one it reported.
    std::vector<std::pair<std::uint32_t, std::size_t>> covered_until_;
    std::vector<std::size_t> hits_; ///< of match_patterns, likewise
    std::vector<Finding> findings_;
    std::vector<VariantSeen> variants_;
};

} // namespace atk::rules
