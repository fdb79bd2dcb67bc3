// Checker::synonyms: the word found in its sentence, analysed there, and its synonyms looked
// up and put in its form (thesaurus/synonyms.hpp).
#include "check.hpp"
#include "error.hpp"
#include "text/utf8.hpp"

#include <unicode/uchar.h>

namespace atk {
namespace {

/// A sentence is a few hundred bytes; a context (or a word) this long is a document sent by
/// mistake, and would hold an analyser for nothing.
constexpr std::size_t kMaxContextBytes = 10'000;
/// An analysis or a generation takes about a millisecond; a pipeline this late is stuck.
constexpr std::chrono::milliseconds kMorphologyTimeout{3'000};
/// Lookups are short and rare next to checks: two pipelines of each kind per language keep a
/// burst from queuing behind one slow lookup, and the processes few.
constexpr std::size_t kPipelinesPerLanguage = 2;

/// The Debian package of a language's thesaurus (English has its US one only).
std::string thesaurus_package(std::string_view code) {
    const std::string family(code.substr(0, code.find('-')));
    return family == "en" ? "mythes-en-us" : "mythes-" + family;
}

/// Throws InputError when `text` (the `what`) is not valid UTF-8 or holds a NUL byte.
void check_text(std::string_view text, std::string_view what) {
    if (const auto bad = text::find_invalid_utf8(text)) {
        throw InputError("invalid UTF-8 at byte " + std::to_string(*bad) + " of the " +
                         std::string(what) + "; send UTF-8");
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        throw InputError("the " + std::string(what) + " holds a NUL byte at byte " +
                         std::to_string(nul) + "; send text");
    }
}

bool word_character(char32_t c) {
    return u_isUAlphabetic(static_cast<UChar32>(c)) || u_isdigit(static_cast<UChar32>(c)) ||
           u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

/// The first place where `word` stands in `text` as a whole word (no letter or digit right
/// before or after it).
std::optional<std::size_t> find_whole_word(std::string_view text, std::string_view word) {
    for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        std::size_t before = at;
        std::size_t after = at + word.size();
        const bool starts = at == 0 || !word_character(text::previous_code_point(text, before));
        const bool ends =
            after == text.size() || !word_character(text::next_code_point(text, after));
        if (starts && ends) {
            return at;
        }
    }
    return std::nullopt;
}

/// The first `count` code points of `text` from byte `at`.
std::string_view code_points_at(std::string_view text, std::size_t at, std::size_t count) {
    std::size_t end = at;
    for (std::size_t i = 0; i < count && end < text.size(); ++i) {
        text::next_code_point(text, end);
    }
    return text.substr(at, end - at);
}

/// The byte where `word` starts in `context`'s sentence. Throws InputError saying what is
/// wrong with the offset, or that the sentence does not hold the word.
std::size_t locate(std::string_view word, const Checker::WordContext& context) {
    const std::string quoted = "'" + std::string(word) + "'";
    if (!context.offset) {
        const auto found = find_whole_word(context.sentence, word);
        if (!found) {
            throw InputError(quoted + " does not occur in the context as a whole word; give the "
                                      "sentence the word is in");
        }
        return *found;
    }
    const std::size_t offset = *context.offset;
    const auto at = text::byte_offset_of_utf16(context.sentence, offset);
    if (!at) {
        const std::size_t length = text::utf16_length(context.sentence);
        throw InputError(
            offset > length
                ? "offset " + std::to_string(offset) + " is past the end of the context (" +
                      std::to_string(length) + " UTF-16 code units long)"
                : "offset " + std::to_string(offset) +
                      " falls inside a character of the context; count UTF-16 code units, as "
                      "JavaScript does");
    }
    if (context.sentence.substr(*at).starts_with(word)) {
        return *at;
    }
    const auto there = code_points_at(context.sentence, *at, text::to_code_points(word).size());
    throw InputError("the context does not hold " + quoted + " at offset " +
                     std::to_string(offset) + " but '" + std::string(there) +
                     "'; the offset counts UTF-16 code units from the start of the context, as "
                     "JavaScript does");
}

/// Throws InputError when the word or its context cannot be looked up, saying why.
void check_request(std::string_view word, const Checker::WordContext& context) {
    check_text(word, "word");
    check_text(context.sentence, "context");
    if (word.empty()) {
        throw InputError("give the word to look up");
    }
    if (word.size() > kMaxContextBytes) {
        throw InputError("the word is " + std::to_string(word.size()) +
                         " bytes long; give one word or phrase (at most " +
                         std::to_string(kMaxContextBytes) + " bytes)");
    }
    if (context.sentence.size() > kMaxContextBytes) {
        throw InputError("the context is " + std::to_string(context.sentence.size()) +
                         " bytes long; give the sentence the word is in (at most " +
                         std::to_string(kMaxContextBytes) + " bytes)");
    }
    if (context.offset && context.sentence.empty()) {
        throw InputError("an offset needs the context it counts in: give the sentence the word "
                         "is in as well");
    }
}

} // namespace

std::vector<thesaurus::Sense> Checker::synonyms(std::string_view word,
                                                std::string_view language_name,
                                                const WordContext& context) const {
    check_request(word, context);
    const spell::Language language = resolve_language(language_name);
    const thesaurus::Thesaurus* found = thesaurus_for(language);
    if (found == nullptr) {
        throw InputError("no thesaurus is installed for " + language.code + "; install " +
                         thesaurus_package(language.code) + " (make deps)");
    }
    const bool in_context = !context.sentence.empty();
    const std::string_view sentence = in_context ? context.sentence : word;
    const std::size_t begin = in_context ? locate(word, context) : 0;
    thesaurus::WordUse use = analyse(language, sentence, begin, begin + word.size(), in_context);
    const morphology::Morphology* morphology =
        use.readings.empty() ? nullptr : morphology_for(language);
    thesaurus::Generator generate;
    if (morphology != nullptr) {
        generate = [morphology](const std::vector<morphology::Reading>& forms) {
            return morphology->generate(forms);
        };
    }
    try {
        return thesaurus::find_synonyms(*found, use, generate);
    } catch (const morphology::MorphologyUnavailable& error) {
        if (config_.warn) {
            config_.warn(language.code + " synonyms: " + error.what() +
                         "; this lookup is made as written");
        }
        use.readings.clear();
        return thesaurus::find_synonyms(*found, use, {});
    }
}

thesaurus::WordUse Checker::analyse(const spell::Language& language, std::string_view sentence,
                                    std::size_t begin, std::size_t end, bool in_context) const {
    thesaurus::WordUse use{std::string(sentence.substr(begin, end - begin)), {}, in_context};
    const morphology::Morphology* morphology = morphology_for(language);
    if (morphology == nullptr) {
        return use;
    }
    try {
        use.readings = morphology->analyse(sentence, begin, end);
    } catch (const morphology::MorphologyUnavailable& error) {
        if (config_.warn) {
            config_.warn(language.code + " synonyms: " + error.what() +
                         "; this lookup is made as written");
        }
    }
    return use;
}

const morphology::Morphology* Checker::morphology_for(const spell::Language& language) const {
    const std::lock_guard lock(morphologies_mutex_);
    auto it = morphologies_.find(language.code);
    if (it == morphologies_.end()) {
        std::string why;
        const auto modes =
            morphology::find_modes(language.code, config_.apertium_modes_directory, why);
        std::unique_ptr<const morphology::Morphology> made;
        if (modes) {
            made = std::make_unique<const morphology::Morphology>(*modes, kMorphologyTimeout,
                                                                  kPipelinesPerLanguage);
        } else if (config_.warn) {
            config_.warn(language.code + " synonyms: " + why +
                         "; they are looked up as written, without lemma nor inflection");
        }
        it = morphologies_.emplace(language.code, std::move(made)).first;
    }
    return it->second.get();
}

} // namespace atk
