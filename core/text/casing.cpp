#include "text/casing.hpp"

#include "text/utf8.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace atk::text {
namespace {

icu::UnicodeString unicode(std::string_view text) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

} // namespace

Casing casing_of(std::string_view word) {
    std::size_t letters = 0;
    std::size_t capitals = 0;
    bool first_is_capital = false;
    for (std::size_t pos = 0; pos < word.size();) {
        const auto c = static_cast<UChar32>(next_code_point(word, pos));
        if (u_isalpha(c) == 0) {
            continue;
        }
        const bool capital = u_isupper(c) != 0 || u_istitle(c) != 0;
        first_is_capital = letters == 0 ? capital : first_is_capital;
        capitals += capital ? 1 : 0;
        ++letters;
    }
    if (capitals == 0) {
        return Casing::lower;
    }
    if (capitals == letters) {
        return letters == 1 ? Casing::capitalised : Casing::upper;
    }
    return capitals == 1 && first_is_capital ? Casing::capitalised : Casing::mixed;
}

std::string to_lower(std::string_view word) {
    std::string out;
    if (!has_non_ascii(word)) { // most words: no need for ICU
        out.assign(word);
        for (char& c : out) {
            c = ascii_lower(c);
        }
        return out;
    }
    unicode(word).toLower().toUTF8String(out);
    return out;
}

std::string to_upper(std::string_view word) {
    std::string out;
    unicode(word).toUpper().toUTF8String(out);
    return out;
}

std::string capitalise(std::string_view word) {
    std::size_t end = 0;
    if (word.empty()) {
        return {};
    }
    next_code_point(word, end);
    std::string out;
    unicode(word.substr(0, end)).toTitle(nullptr).toUTF8String(out);
    out.append(word.substr(end));
    return out;
}

} // namespace atk::text
