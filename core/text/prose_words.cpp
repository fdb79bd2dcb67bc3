#include "text/prose_words.hpp"

#include "text/document.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <unicode/uchar.h>

namespace atk::text {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// A whitespace-delimited token that names a resource rather than saying something.
bool is_locator(std::string_view token) {
    // Quotes and brackets around a URL belong to the prose, not the URL.
    while (!token.empty() &&
           std::string_view("([{<\"'").find(token.front()) != std::string_view::npos) {
        token.remove_prefix(1);
    }
    while (!token.empty() &&
           std::string_view(".,;:!?)]}>\"'").find(token.back()) != std::string_view::npos) {
        token.remove_suffix(1);
    }
    const auto at = token.find('@');
    const bool email =
        at != std::string_view::npos && at > 0 && token.find('.', at) != std::string_view::npos;
    const bool url = token.find("://") != std::string_view::npos || token.starts_with("www.");
    const bool path = token.starts_with('/') || token.starts_with("./") ||
                      token.starts_with("../") || token.starts_with("~/") ||
                      token.find('\\') != std::string_view::npos ||
                      std::count(token.begin(), token.end(), '/') >= 2;
    return email || url || path;
}

/// Byte ranges of `text` covered by URLs, e-mail addresses and paths.
std::vector<Span> locator_ranges(std::string_view text) {
    std::vector<Span> ranges;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && is_ascii_space(text[pos])) {
            ++pos;
        }
        std::size_t end = pos;
        bool may_be_locator = false; // only tokens with one of these characters can be one
        while (end < text.size() && !is_ascii_space(text[end])) {
            const char c = text[end++];
            may_be_locator =
                may_be_locator || c == '/' || c == '@' || c == '\\' || c == ':' || c == 'w';
        }
        if (may_be_locator && is_locator(text.substr(pos, end - pos))) {
            ranges.push_back({pos, end});
        }
        pos = end;
    }
    return ranges;
}

/// `ranges` are sorted and disjoint.
bool overlaps(const std::vector<Span>& ranges, Span span) {
    auto after =
        std::upper_bound(ranges.begin(), ranges.end(), span.begin,
                         [](std::size_t offset, const Span& range) { return offset < range.end; });
    return after != ranges.end() && after->begin < span.end;
}

/// True when the word is glued to a stand-in or follows a sigil (@name, #tag, $var).
bool touches_non_prose(std::string_view text, Span span) {
    if (span.begin > 0) {
        std::size_t pos = span.begin;
        const char32_t before = previous_code_point(text, pos);
        if (before == U'\uFFFC' || before == U'@' || before == U'#' || before == U'$') {
            return true;
        }
    }
    if (span.end < text.size()) {
        std::size_t pos = span.end;
        if (next_code_point(text, pos) == U'\uFFFC') {
            return true;
        }
    }
    return false;
}

bool is_hyphen(std::string_view between) {
    return between == "-" || between == "\u2010" || between == "\u2011";
}

} // namespace

namespace {

/// Character classes for is_technical_token, with an ASCII fast path (most words are ASCII).
bool is_digit(char32_t c) {
    return c < 0x80 ? (c >= U'0' && c <= U'9') : u_isdigit(static_cast<UChar32>(c)) != 0;
}
bool is_upper(char32_t c) {
    return c < 0x80 ? (c >= U'A' && c <= U'Z') : u_isupper(static_cast<UChar32>(c)) != 0;
}
bool is_lower(char32_t c) {
    return c < 0x80 ? (c >= U'a' && c <= U'z') : u_islower(static_cast<UChar32>(c)) != 0;
}
bool is_letter(char32_t c) {
    return c < 0x80 ? (is_upper(c) || is_lower(c)) : u_isalpha(static_cast<UChar32>(c)) != 0;
}

} // namespace

bool is_technical_token(std::string_view word) {
    std::size_t letters = 0;
    std::size_t uppers = 0;
    bool previous_lower = false;
    bool camel_hump = false;
    char32_t last = 0;
    for (std::size_t pos = 0; pos < word.size();) {
        const char32_t c = next_code_point(word, pos);
        if (is_digit(c) || c == U'_' || c == U'.' || c == U'@' || c == U'#') {
            return true; // v2.3.1, 10ms, snake_case, file.ext, @mention, #tag
        }
        const bool upper = is_upper(c);
        camel_hump = camel_hump || (previous_lower && upper);
        previous_lower = is_lower(c);
        if (is_letter(c)) {
            ++letters;
            uppers += upper ? 1 : 0;
        }
        last = c;
    }
    const bool acronym = letters >= 2 && uppers == letters;
    const bool acronym_plural = letters >= 3 && last == U's' && uppers == letters - 1;
    return camel_hump || acronym || acronym_plural;
}

std::vector<SpellCandidate> spelling_candidates(std::string_view text,
                                                const std::vector<Word>& words) {
    const std::vector<Span> locators = locator_ranges(text);
    auto is_prose = [&](const Word& word) {
        return word.kind == WordKind::letters && !overlaps(locators, word.span) &&
               !touches_non_prose(text, word.span) &&
               !is_technical_token(text.substr(word.span.begin, word.span.end - word.span.begin));
    };
    auto hyphen_joins = [&](std::size_t i) {
        const std::size_t gap_begin = words[i].span.end;
        return is_hyphen(text.substr(gap_begin, words[i + 1].span.begin - gap_begin));
    };

    std::vector<SpellCandidate> out;
    for (std::size_t first = 0; first < words.size();) {
        std::size_t last = first; // words[first..last] are joined by hyphens
        while (last + 1 < words.size() && hyphen_joins(last)) {
            ++last;
        }
        const bool all_prose =
            std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                        words.begin() + static_cast<std::ptrdiff_t>(last) + 1, is_prose);
        if (all_prose) {
            out.push_back(
                {{words[first].span.begin, words[last].span.end}, first, last - first + 1});
        } else {
            // JSON-based: the prose parts are still checked, each on its own.
            for (std::size_t i = first; i <= last; ++i) {
                if (is_prose(words[i])) {
                    out.push_back({words[i].span, i, 1});
                }
            }
        }
        first = last + 1;
    }
    return out;
}

} // namespace atk::text
