#pragma once
// A language's words analysed (lemma and tags, as used in a sentence) and generated (a lemma
// in given tags) by the Apertium data of its translation pairs: the analyser and tagger of a
// pair from the language, the generator of a pair into it. They run as persistent null-flush
// pipelines (translate/pipeline_pool.hpp), started on first use and restarted when they die.
#include "translate/pipeline_pool.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace atk::morphology {

/// One analysis of a word, or a form to generate: describe<vblex><pri><p3><sg> is
/// {"describe", {"vblex", "pri", "p3", "sg"}}.
struct Reading {
    std::string lemma;
    std::vector<std::string> tags;
    bool operator==(const Reading&) const = default;
};

/// A lexical unit of an analyser's output (between ^ and $, unescaped): its surface form and
/// its readings. Readings the thesaurus could not use are left out: unknown words (*word) and
/// joined ones (del = de<pr>+el<det>). A multiword's queue (take<vblex># out) is part of the
/// lemma ("take out").
struct LexicalUnit {
    std::string surface;
    std::vector<Reading> readings;
};
LexicalUnit parse_lexical_unit(std::string_view unit);

/// The Apertium stages that analyse and generate one language.
struct Modes {
    std::string analyser_mode;  ///< the mode its analyser comes from: "eng-spa"
    std::string generator_mode; ///< the mode its generator comes from: "spa-eng_US"
    /// The mode's stages up to its tagger: lt-proc -w (dictionary case), and apertium-tagger
    /// -f -p (every reading, the chosen one first, with the surface form).
    std::vector<std::vector<std::string>> analyser;
    std::vector<std::string> generator; ///< lt-proc -z -g <autogen.bin>
};

/// The stages for `language` ("en-US", "fr-FR") in the mode files of `directory`: the
/// analyser of a pair from its language, the generator of a pair into it, the pair with
/// Spanish preferred, then with English (Apertium's best-kept pairs), then by name; for the
/// generator, the variant of the language's region where there is one (spa-eng_US for
/// en-US). Nullopt when there are none, `why` then saying what is missing.
std::optional<Modes> find_modes(std::string_view language, const std::filesystem::path& directory,
                                std::string& why);

/// A pipeline failed (died, hung, answered out of turn); it restarts on the next call.
class MorphologyUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Thread-safe: each call takes one of the language's pipelines for itself.
class Morphology {
  public:
    /// Starts nothing: pipelines start on first use, up to `pipelines` of each kind.
    Morphology(const Modes& modes, std::chrono::milliseconds timeout, std::size_t pipelines);

    /// The readings of the word at bytes [begin, end) of `sentence` (valid UTF-8 without
    /// NUL), the one the tagger chose for the sentence first. Empty when the analyser does not
    /// know the word, or cuts the text there into other units than the word alone. Throws
    /// MorphologyUnavailable.
    std::vector<Reading> analyse(std::string_view sentence, std::size_t begin,
                                 std::size_t end) const;

    /// Each of `forms` generated, in order: the word of that lemma in those tags, or nullopt
    /// where the generator has none (it knows not the lemma, or not in those tags). Throws
    /// MorphologyUnavailable.
    std::vector<std::optional<std::string>> generate(const std::vector<Reading>& forms) const;

  private:
    /// The generator's answer to `message`, line by line. Throws MorphologyUnavailable.
    std::vector<std::string> generated_lines(const std::string& message) const;

    std::chrono::milliseconds timeout_;
    // PipelinePool is thread-safe; its calls change which pipelines run, not what they answer.
    mutable translate::PipelinePool analyser_;
    mutable translate::PipelinePool generator_;
};

} // namespace atk::morphology
