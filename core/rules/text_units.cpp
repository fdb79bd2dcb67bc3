#include "rules/text_units.hpp"

#include "text/casing.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace atk::rules {
namespace {

/// Opening quotation marks and the marks that close each.
struct QuotePair {
    std::string_view open;
    std::string_view close;
};
constexpr QuotePair kQuotes[] = {{"\"", "\""},
                                 {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
                                 {"\xC2\xAB", "\xC2\xBB"},          // « »
                                 {"\xE2\x80\x9E", "\xE2\x80\x9C"}}; // „ “

/// Where the first of `bytes` (one to four) is in `text` from `from` on, or npos: as
/// find_first_of, which calls memchr for each byte of the text, but eight bytes at a time.
std::size_t find_byte(std::string_view text, std::string_view bytes, std::size_t from = 0) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    // Each wanted byte in every lane; a lane of `chunk` equal to it becomes zero when xor'ed.
    std::uint64_t wanted[4] = {};
    for (std::size_t i = 0; i < 4; ++i) {
        wanted[i] = kOnes * static_cast<unsigned char>(bytes[i < bytes.size() ? i : 0]);
    }
    const auto has_zero_byte = [](std::uint64_t x) { return ((x - kOnes) & ~x & kHighs) != 0; };
    for (; from + sizeof(std::uint64_t) <= text.size(); from += sizeof(std::uint64_t)) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, text.data() + from, sizeof chunk);
        if (has_zero_byte(chunk ^ wanted[0]) || has_zero_byte(chunk ^ wanted[1]) ||
            has_zero_byte(chunk ^ wanted[2]) || has_zero_byte(chunk ^ wanted[3])) {
            break; // one of them is in these eight bytes: found below
        }
    }
    for (; from < text.size(); ++from) {
        if (bytes.find(text[from]) != std::string_view::npos) {
            return from;
        }
    }
    return std::string_view::npos;
}

/// The quotation marks that open at byte `at` of `text`, or null.
const QuotePair* opening_at(std::string_view text, std::size_t at) {
    for (const auto& quote : kQuotes) {
        if (text.substr(at, quote.open.size()) == quote.open) {
            return &quote;
        }
    }
    return nullptr;
}

constexpr std::string_view kTypographicApostrophe = "\xE2\x80\x99";

/// Where the elided word ends (just past its apostrophe) in `word`, or 0.
std::size_t elision_end(std::string_view word, const LanguageProfile& profile) {
    for (const std::string_view apostrophe : {std::string_view("'"), kTypographicApostrophe}) {
        const auto at = word.find(apostrophe);
        if (at == std::string_view::npos || at == 0 || at + apostrophe.size() >= word.size()) {
            continue;
        }
        const std::string prefix = normalised_lower(word.substr(0, at));
        if (std::find(profile.elided.begin(), profile.elided.end(), prefix) !=
            profile.elided.end()) {
            return at + apostrophe.size();
        }
    }
    return 0;
}

bool ends_with_colon(std::string_view text) {
    const auto last = text.find_last_not_of(" \t\n");
    return last != std::string_view::npos && text[last] == ':';
}

/// An inline list bullet (•, ‣, ◦, ▪) at byte `at` of `text`: its length, or 0.
std::size_t bullet_at(std::string_view text, std::size_t at) {
    for (const std::string_view bullet :
         {"\xE2\x80\xA2", "\xE2\x80\xA3", "\xE2\x97\xA6", "\xE2\x96\xAA"}) {
        if (text.substr(at, bullet.size()) == bullet) {
            return bullet.size();
        }
    }
    return 0;
}

bool is_blank(char c) {
    return c == ' ' || c == '\n' || c == '\t';
}

/// `span`, one of ICU's sentences, cut further into `out`: where a sentence ends and the next
/// starts with a number (Unicode's rules, UAX #29 SB8, join "The flow of thought.  90% of
/// tasks shall..." because the first letter after the full stop is lower case), and before
/// an inline list bullet ("... load the data. • 7 files shall ...").
void cut_sentence(std::string_view text, text::Span span, std::vector<text::Span>& out) {
    std::size_t begin = span.begin;
    const auto cut = [&](std::size_t end, std::size_t next) {
        while (end > begin && is_blank(text[end - 1])) {
            --end;
        }
        while (next < span.end && is_blank(text[next])) {
            ++next;
        }
        if (end > begin) {
            out.push_back({begin, end});
        }
        begin = next;
    };
    // Only these bytes can start a cut: sentence punctuation, or a bullet's first byte.
    // (The last two bytes cannot: a cut needs a space and a digit after the punctuation.)
    const std::string_view marks =
        text.substr(0, span.end > span.begin + 2 ? span.end - 2 : span.begin);
    for (std::size_t at = find_byte(marks, ".!?\xE2", span.begin); at != std::string_view::npos;
         at = find_byte(marks, ".!?\xE2", at + 1)) {
        const char c = text[at];
        if (c == '\xE2' && (at == begin || is_blank(text[at - 1]))) {
            if (const std::size_t length = bullet_at(text, at); length != 0) {
                cut(at, at + length);
                at = begin - 1;
                continue;
            }
        }
        if ((c != '.' && c != '!' && c != '?') || !is_blank(text[at + 1])) {
            continue;
        }
        std::size_t next = at + 1;
        while (next < span.end && is_blank(text[next])) {
            ++next;
        }
        const bool digit = next < span.end && text[next] >= '0' && text[next] <= '9';
        const bool after_number = at > span.begin && text[at - 1] >= '0' && text[at - 1] <= '9';
        if (digit && !after_number) { // not "version 1. 2" nor a list number
            cut(at + 1, next);
            at = next - 1;
        }
    }
    if (span.end > begin) {
        out.push_back({begin, span.end});
    }
}

/// The sentences of a block: ICU's (or the same from the ASCII fast path), cut further.
std::vector<text::Span> sentences_of(std::string_view text, text::Segmenter& segmenter) {
    std::vector<text::Span> out;
    // A heading, a list item or a table cell without sentence punctuation is one sentence:
    // no need for the segmenter.
    if (!text::has_non_ascii(text) && find_byte(text, ".!?") == std::string_view::npos) {
        const auto first = text.find_first_not_of(" \t\n");
        if (first != std::string_view::npos) {
            out.push_back({first, text.find_last_not_of(" \t\n") + 1});
        }
        return out;
    }
    for (const auto& span : segmenter.sentences(text)) {
        cut_sentence(text, span, out);
    }
    return out;
}

bool is_question(std::string_view text, text::Span span) {
    const auto sentence = text.substr(span.begin, span.end - span.begin);
    const auto last = sentence.find_last_not_of(" \t\n");
    return last != std::string_view::npos && sentence[last] == '?';
}

} // namespace

bool in_capitals(std::string_view word) {
    return word.size() >= 2 &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool looks_like_acronym(std::string_view word) {
    if (word.empty() || word[0] < 'A' || word[0] > 'Z') {
        return false; // most words, seen at the first letter
    }
    if (word.ends_with('s')) {
        word.remove_suffix(1); // APIs
    }
    return word.size() <= 6 && in_capitals(word);
}

std::string normalised_lower(std::string_view word) {
    std::string lower = text::to_lower(word);
    if (lower.find(kTypographicApostrophe) == std::string::npos) {
        return lower;
    }
    std::string out;
    out.reserve(lower.size());
    for (std::size_t at = 0; at < lower.size();) {
        if (std::string_view(lower).substr(at, kTypographicApostrophe.size()) ==
            kTypographicApostrophe) {
            out += '\'';
            at += kTypographicApostrophe.size();
        } else {
            out += lower[at++];
        }
    }
    return out;
}

std::vector<text::Word> rule_words(std::string_view text, text::Segmenter& segmenter,
                                   const LanguageProfile& profile) {
    std::vector<text::Word> words = segmenter.words(text);
    return profile.elided.empty() ? words : split_elisions(text, words, profile);
}

std::vector<text::Word> split_elisions(std::string_view text, const std::vector<text::Word>& words,
                                       const LanguageProfile& profile) {
    const auto is_elided = [&](std::string_view word) {
        return std::find(profile.elided.begin(), profile.elided.end(), normalised_lower(word)) !=
               profile.elided.end();
    };
    std::vector<text::Word> split;
    split.reserve(words.size());
    for (const auto& word : words) {
        const auto written = text.substr(word.span.begin, word.span.end - word.span.begin);
        if (const auto cut = elision_end(written, profile); cut != 0) {
            split.push_back({{word.span.begin, word.span.begin + cut}, word.kind});
            split.push_back({{word.span.begin + cut, word.span.end}, word.kind});
            continue;
        }
        // An elided word standing last, its apostrophe outside the segmenter's word: the end
        // of a phrase such as "afin d'".
        std::size_t end = word.span.end;
        for (const std::string_view apostrophe : {std::string_view("'"), kTypographicApostrophe}) {
            if (text.substr(end, apostrophe.size()) == apostrophe && is_elided(written)) {
                end += apostrophe.size();
                break;
            }
        }
        split.push_back({{word.span.begin, end}, word.kind});
    }
    return split;
}

std::vector<text::Span> quoted_ranges(std::string_view text) {
    std::vector<text::Span> ranges;
    // Every opening mark starts with one of these bytes, which most blocks do not have.
    constexpr std::string_view kFirstBytes = "\"\xE2\xC2";
    std::size_t at = 0;
    while (at < text.size()) {
        const QuotePair* pair = nullptr;
        std::size_t best = at;
        while (pair == nullptr &&
               (best = find_byte(text, kFirstBytes, best)) != std::string_view::npos) {
            pair = opening_at(text, best);
            best += pair == nullptr ? 1 : 0;
        }
        if (pair == nullptr) {
            break;
        }
        const auto close = text.find(pair->close, best + pair->open.size());
        if (close == std::string_view::npos) {
            break; // an unclosed quotation: leave the rest alone rather than guess
        }
        ranges.push_back({best, close + pair->close.size()});
        at = close + pair->close.size();
    }
    return ranges;
}

BlockUnits cut_block(const text::Document& document, std::size_t b, text::Segmenter& segmenter,
                     const WordsOfLanguage& language, const std::vector<text::Word>* segmented) {
    const auto& block = document.blocks[b];
    BlockUnits unit;
    unit.quotes = quoted_ranges(block.text);
    const auto& quotes = unit.quotes;
    std::size_t quote = 0;
    std::vector<text::Word> own;
    if (segmented == nullptr) {
        own = segmenter.words(block.text);
        segmented = &own;
    }
    std::vector<text::Word> split;
    if (!language.profile.elided.empty()) {
        split = split_elisions(block.text, *segmented, language.profile);
    }
    const auto& words = language.profile.elided.empty() ? *segmented : split;
    unit.tokens.reserve(words.size());
    for (const auto& word : words) {
        while (quote < quotes.size() && quotes[quote].end <= word.span.begin) {
            ++quote;
        }
        const bool quoted = quote < quotes.size() && quotes[quote].begin <= word.span.begin;
        const auto written =
            std::string_view(block.text).substr(word.span.begin, word.span.end - word.span.begin);
        if (looks_like_acronym(written)) {
            unit.acronyms.push_back(static_cast<std::uint32_t>(unit.tokens.size()));
        }
        unit.tokens.push_back({word.span, language.vocabulary.find(written), quoted,
                               word.kind == text::WordKind::number});
    }
    std::size_t token = 0;
    for (const auto& span : sentences_of(block.text, segmenter)) {
        Sentence sentence{b, span, token, 0, false};
        while (token < unit.tokens.size() && unit.tokens[token].span.begin < span.end) {
            const Token& t = unit.tokens[token];
            sentence.requirement =
                sentence.requirement || language.requirement_words.contains(t.word);
            ++token;
        }
        sentence.token_count = token - sentence.first_token;
        // A question asks for a requirement rather than stating one.
        sentence.requirement = sentence.requirement && !is_question(block.text, span);
        unit.sentences.push_back(sentence);
    }
    return unit;
}

void mark_requirement_lists(const text::Document& document, std::vector<BlockUnits>& units) {
    bool in_requirement_list = false; // list items after "The system shall:"
    for (std::size_t b = 0; b < document.blocks.size(); ++b) {
        const auto& block = document.blocks[b];
        auto& sentences = units[b].sentences;
        if (block.kind == text::BlockKind::list_item) {
            for (auto& sentence : sentences) {
                sentence.requirement =
                    sentence.requirement ||
                    (in_requirement_list && !is_question(block.text, sentence.span));
            }
            continue;
        }
        in_requirement_list = block.kind == text::BlockKind::paragraph && !sentences.empty() &&
                              sentences.back().requirement && ends_with_colon(block.text);
    }
}

} // namespace atk::rules
