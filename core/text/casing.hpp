#pragma once
// Letter case of words, for giving suggestions back in the writer's case.
#include <string>
#include <string_view>

namespace atk::text {

enum class Casing {
    lower,       ///< no capitals: receive
    capitalised, ///< a capital, then no capitals: Receive
    upper,       ///< capitals only (at least one letter): RECEIVE
    mixed,       ///< anything else: iPhone, McDonald
};

/// The casing of valid UTF-8 `word`; a word without letters is lower.
Casing casing_of(std::string_view word);

/// An ASCII letter in lower case; any other byte as it is. For hot paths over ASCII text.
constexpr char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

/// `word` in lower case (ICU's full case mapping).
std::string to_lower(std::string_view word);

/// `word` in capitals (ICU's full case mapping: straße -> STRASSE).
std::string to_upper(std::string_view word);

/// `word` with its first letter in capitals (title case) and the rest unchanged.
std::string capitalise(std::string_view word);

} // namespace atk::text
