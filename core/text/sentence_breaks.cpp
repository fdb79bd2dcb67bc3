#include "text/sentence_breaks.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unicode/uchar.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

namespace atk::text {
namespace {

/// UAX #29's sentence-break class of each ASCII character, as ICU's data has it.
std::array<USentenceBreak, 128> make_classes() {
    std::array<USentenceBreak, 128> classes{};
    for (UChar32 c = 0; c < 128; ++c) {
        classes[static_cast<std::size_t>(c)] =
            static_cast<USentenceBreak>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    }
    return classes;
}

const std::array<USentenceBreak, 128> kClasses = make_classes(); // at load: no guard per look-up

USentenceBreak class_of(char c) {
    return kClasses[static_cast<unsigned char>(c) & 0x7FU];
}

bool is_paragraph_separator(USentenceBreak c) {
    return c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF;
}

bool is_terminator(USentenceBreak c) {
    return c == U_SB_ATERM || c == U_SB_STERM;
}

/// SB8: after "ATerm Close* Sp*" at `at`, no boundary if a lower-case letter comes before
/// any other letter, paragraph separator or terminator ("etc. (see below)", "e.g. 5 items").
bool lower_case_follows(std::string_view text, std::size_t at) {
    for (; at < text.size(); ++at) {
        const USentenceBreak c = class_of(text[at]);
        if (c == U_SB_LOWER) {
            return true;
        }
        if (c == U_SB_OLETTER || c == U_SB_UPPER || is_paragraph_separator(c) || is_terminator(c)) {
            return false;
        }
    }
    return false;
}

/// UAX #29's boundaries (SB1-SB11, SB998), before any suppression. ASCII has no Extend nor
/// Format characters, so SB5 never applies.
std::vector<std::size_t> unicode_boundaries(std::string_view text) {
    std::vector<std::size_t> out;
    const std::size_t n = text.size();
    const auto after_separator = [&](std::size_t at) { // SB3: CR LF is one separator
        return at +
               (class_of(text[at]) == U_SB_CR && at + 1 < n && class_of(text[at + 1]) == U_SB_LF
                    ? 2
                    : 1);
    };
    std::size_t i = 0;
    while (i < n) {
        const USentenceBreak c = class_of(text[i]);
        if (is_paragraph_separator(c)) { // SB4
            i = after_separator(i);
            out.push_back(i);
            continue;
        }
        if (!is_terminator(c)) {
            ++i;
            continue;
        }
        if (c == U_SB_ATERM && i + 1 < n) {
            const USentenceBreak next = class_of(text[i + 1]);
            const bool in_number = next == U_SB_NUMERIC; // SB6: 3.5
            const bool in_abbreviation = next == U_SB_UPPER && i > 0 &&
                                         (class_of(text[i - 1]) == U_SB_UPPER ||
                                          class_of(text[i - 1]) == U_SB_LOWER); // SB7: U.S
            if (in_number || in_abbreviation) {
                ++i;
                continue;
            }
        }
        std::size_t j = i + 1; // SB9, SB10: no boundary inside "SATerm Close* Sp*"
        while (j < n && class_of(text[j]) == U_SB_CLOSE) {
            ++j;
        }
        while (j < n && class_of(text[j]) == U_SB_SP) {
            ++j;
        }
        if (j == n) {
            break; // SB2: the end of the text is a boundary anyway
        }
        const USentenceBreak next = class_of(text[j]);
        const bool continues = next == U_SB_SCONTINUE || is_terminator(next); // SB8a
        if (continues || (c == U_SB_ATERM && lower_case_follows(text, j))) {  // SB8
            i = j;
            continue;
        }
        if (is_paragraph_separator(next)) { // SB11: the separator belongs to the sentence
            j = after_separator(j);
        }
        out.push_back(j);
        i = j;
    }
    if (n > 0 && (out.empty() || out.back() != n)) {
        out.push_back(n);
    }
    return out;
}

/// The language's abbreviations from ICU's break-iterator data (brkitr/<locale>: exceptions/
/// SentenceBreak), as the filtered iterator's builder reads them, sorted as its set keeps them.
std::vector<std::string> abbreviations(const icu::Locale& locale) {
    std::vector<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-brkitr", locale.getBaseName(), &status);
    if (U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING) {
        UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
        UResourceBundle* list = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
        while (U_SUCCESS(status) && ures_hasNext(list)) {
            int32_t length = 0;
            const UChar* word = ures_getNextString(list, &length, nullptr, &status);
            if (U_SUCCESS(status)) {
                std::string utf8;
                icu::UnicodeString(word, length).toUTF8String(utf8);
                out.push_back(std::move(utf8));
            }
        }
        ures_close(list);
        ures_close(exceptions);
    }
    ures_close(bundle);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

const SentenceBreaks& SentenceBreaks::of(const icu::Locale& locale) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<const SentenceBreaks>> built;
    const std::lock_guard lock(mutex);
    auto& breaks = built[locale.getBaseName()];
    if (!breaks) {
        breaks.reset(new SentenceBreaks(locale));
    }
    return *breaks;
}

SentenceBreaks::SentenceBreaks(const icu::Locale& locale) {
    // ICU's SimpleFilteredBreakIteratorBuilder::build: an abbreviation that goes on after its
    // first full stop ("Ph.D.") is partial; so is every abbreviation that starts as it does
    // up to that stop ("Ph."). The first of each such group puts that start in the backward
    // trie; the partial ones go whole in the forward trie, the others whole (reversed, in
    // ICU) in the backward one.
    const std::vector<std::string> words = abbreviations(locale);
    std::vector<bool> partial(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto stop = words[i].find('.');
        if (stop == std::string::npos || stop + 1 == words[i].size()) {
            continue;
        }
        const std::string start = words[i].substr(0, stop + 1);
        bool start_known = false;
        for (std::size_t j = 0; j < words.size(); ++j) {
            if (j == i || words[j].substr(0, stop + 1) != start) {
                continue;
            }
            if (!partial[j]) {
                partial[j] = true;
            } else {
                start_known = true;
            }
        }
        if (!start_known && !partial[i]) {
            backward_.emplace(start, true);
            partial[i] = true;
        }
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (partial[i]) {
            forward_.insert(words[i]);
        } else {
            backward_.emplace(words[i], false);
        }
    }
    for (const auto& [word, is_partial] : backward_) {
        for (std::size_t cut = 1; cut < word.size(); ++cut) {
            backward_suffixes_.insert(word.substr(cut));
        }
    }
    for (const auto& word : forward_) {
        for (std::size_t length = 1; length < word.size(); ++length) {
            forward_prefixes_.insert(word.substr(0, length));
        }
    }
}

bool SentenceBreaks::suppressed(std::string_view text, std::size_t at) const {
    // ICU's breakExceptionAt: step back over one space ("Mr. Brown"), then walk backwards
    // through the abbreviations for as long as some of them still fit; the longest that
    // fits whole decides.
    const std::size_t end = text[at - 1] == ' ' ? at - 1 : at;
    std::optional<std::pair<std::size_t, bool>> best; // where it starts; partial
    for (std::size_t length = 1; length <= end; ++length) {
        const std::string key(text.substr(end - length, length));
        if (const auto found = backward_.find(key); found != backward_.end()) {
            best.emplace(end - length, found->second);
        }
        if (!backward_suffixes_.contains(key)) {
            break;
        }
    }
    if (!best || !best->second) {
        return best.has_value();
    }
    // A partial one ("Ph."): the text from there on must run into a whole abbreviation of
    // the forward trie, and stop where the trie does (ICU remembers no shorter match).
    bool whole = false;
    for (std::size_t length = 1; best->first + length <= text.size(); ++length) {
        const std::string key(text.substr(best->first, length));
        whole = forward_.contains(key);
        if (!forward_prefixes_.contains(key)) {
            break;
        }
    }
    return whole;
}

std::vector<std::size_t> SentenceBreaks::boundaries(std::string_view text) const {
    std::vector<std::size_t> out = unicode_boundaries(text);
    if (backward_.empty()) {
        return out;
    }
    // The filtered iterator never suppresses the boundary at the end of the text.
    std::erase_if(out, [&](std::size_t at) { return at != text.size() && suppressed(text, at); });
    return out;
}

} // namespace atk::text
