#include "text/segmenter.hpp"

#include "text/sentence_breaks.hpp"
#include "text/utf8.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/localpointer.h>
#include <unicode/utext.h>

namespace atk::text {
namespace {

void require(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU could not ") + what + ": " + u_errorName(status) +
                                 " (is the libicu data package installed?)");
    }
}

/// Points `iterator` at `text` (no copy: ICU reads the UTF-8 bytes in place and reports
/// boundaries as byte offsets).
icu::LocalUTextPointer attach(icu::BreakIterator& iterator, std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    icu::LocalUTextPointer utext(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    require(status, "open text");
    iterator.setText(utext.getAlias(), status);
    require(status, "segment text");
    return utext;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

Segmenter::Segmenter(const std::string& locale_name) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(locale_name, status);
    require(status, "parse the locale");
    words_.reset(icu::BreakIterator::createWordInstance(locale, status));
    require(status, "create a word iterator");

    // "ss=standard" asks ICU for its per-language list of abbreviations that do not end a
    // sentence; a filtered iterator wraps the plain one.
    icu::Locale with_suppressions(locale);
    with_suppressions.setKeywordValue("ss", "standard", status);
    require(status, "configure sentence suppressions");
    sentences_.reset(icu::BreakIterator::createSentenceInstance(with_suppressions, status));
    require(status, "create a sentence iterator");
    ascii_sentences_ = &SentenceBreaks::of(locale);
}

Segmenter::~Segmenter() = default;

Segmenter& thread_segmenter(const std::string& locale) {
    thread_local std::map<std::string, std::unique_ptr<Segmenter>> segmenters;
    auto& segmenter = segmenters[locale];
    if (!segmenter) {
        segmenter = std::make_unique<Segmenter>(locale);
    }
    return *segmenter;
}

std::vector<Word> Segmenter::words(std::string_view text) {
    return has_non_ascii(text) ? words_with_icu(text) : ascii_words(text);
}

std::vector<Word> Segmenter::words_with_icu(std::string_view text) {
    std::vector<Word> out;
    auto utext = attach(*words_, text);
    int32_t begin = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
         begin = end, end = words_->next()) {
        const int32_t status = words_->getRuleStatus();
        WordKind kind{};
        if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) {
            kind = WordKind::letters;
        } else if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
            kind = WordKind::number;
        } else if (status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT) {
            kind = WordKind::ideographic;
        } else {
            continue;
        }
        out.push_back({{static_cast<std::size_t>(begin), static_cast<std::size_t>(end)}, kind});
    }
    return out;
}

namespace {

/// The sentences between consecutive `boundaries` (the first at 0 left out), spaces trimmed,
/// empty ones dropped.
std::vector<Span> sentences_between(std::string_view text,
                                    const std::vector<std::size_t>& boundaries) {
    std::vector<Span> out;
    std::size_t begin = 0;
    for (const std::size_t boundary : boundaries) {
        std::size_t end = boundary;
        while (end > begin && is_space(text[end - 1])) {
            --end;
        }
        while (begin < end && is_space(text[begin])) {
            ++begin;
        }
        if (end > begin) {
            out.push_back({begin, end});
        }
        begin = boundary;
    }
    return out;
}

} // namespace

std::vector<Span> Segmenter::sentences(std::string_view text) {
    if (!has_non_ascii(text)) {
        return sentences_between(text, ascii_sentences_->boundaries(text));
    }
    return sentences_with_icu(text);
}

std::vector<Span> Segmenter::sentences_with_icu(std::string_view text) {
    std::vector<std::size_t> boundaries;
    auto utext = attach(*sentences_, text);
    sentences_->first();
    for (int32_t next = sentences_->next(); next != icu::BreakIterator::DONE;
         next = sentences_->next()) {
        boundaries.push_back(static_cast<std::size_t>(next));
    }
    return sentences_between(text, boundaries);
}

namespace {

/// ASCII characters by their UAX #29 word-break class, as ICU's rules use them.
enum class WordClass : std::uint8_t {
    other,
    letter,         // ALetter: A-Z a-z, and '@' (an ICU addition)
    digit,          // Numeric
    mid_num_letter, // MidNumLet and Single_Quote: . '  (join letters to letters, digits to digits)
    mid_num,        // MidNum: , ;  (join digits to digits)
    connector,      // ExtendNumLet: _  (joins anything wordy)
};

constexpr std::array<WordClass, 128> make_word_classes() {
    std::array<WordClass, 128> classes{};
    for (std::size_t c = 'a'; c <= 'z'; ++c) {
        classes[c] = WordClass::letter;
        classes[c - 'a' + 'A'] = WordClass::letter;
    }
    for (std::size_t c = '0'; c <= '9'; ++c) {
        classes[c] = WordClass::digit;
    }
    classes['@'] = WordClass::letter;
    classes['.'] = WordClass::mid_num_letter;
    classes['\''] = WordClass::mid_num_letter;
    classes[','] = WordClass::mid_num;
    classes[';'] = WordClass::mid_num;
    classes['_'] = WordClass::connector;
    return classes;
}

constexpr std::array<WordClass, 128> kWordClasses = make_word_classes();

WordClass word_class(char c) {
    return kWordClasses[static_cast<unsigned char>(c) & 0x7FU];
}

bool is_wordy(WordClass c) {
    return c == WordClass::letter || c == WordClass::digit || c == WordClass::connector;
}

} // namespace

std::vector<Word> ascii_words(std::string_view text) {
    std::vector<Word> out;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const WordClass first = word_class(text[i]);
        if (!is_wordy(first)) {
            ++i;
            continue;
        }
        const std::size_t begin = i++;
        WordClass last = first; // class of the word's last character
        WordClass before_last = WordClass::other;
        while (i < n) {
            const WordClass next = word_class(text[i]);
            if (is_wordy(next)) { // WB5, WB8-WB10, WB13a/b
                before_last = last;
                last = next;
                ++i;
                continue;
            }
            const WordClass after = i + 1 < n ? word_class(text[i + 1]) : WordClass::other;
            const bool letters = last == WordClass::letter && next == WordClass::mid_num_letter &&
                                 after == WordClass::letter; // WB6, WB7: e.g, don't
            const bool digits = last == WordClass::digit && after == WordClass::digit &&
                                (next == WordClass::mid_num ||
                                 next == WordClass::mid_num_letter); // WB11, WB12: 3.5, 1,000
            if (!letters && !digits) {
                break;
            }
            before_last = next;
            last = after;
            i += 2;
        }
        if (i - begin == 1 && first == WordClass::connector) {
            continue; // a lone underscore is not a word
        }
        const bool number = last == WordClass::digit ||
                            (last == WordClass::connector && before_last == WordClass::digit);
        out.push_back({{begin, i}, number ? WordKind::number : WordKind::letters});
    }
    return out;
}

} // namespace atk::text
