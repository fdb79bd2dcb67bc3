#include "text/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/localpointer.h>
#include <unicode/utext.h>

#include <stdexcept>

namespace atk::text {
namespace {

void require(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU could not ") + what + ": " +
                                 u_errorName(status) + " (is the libicu data package installed?)");
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

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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
}

Segmenter::~Segmenter() = default;

std::vector<Word> Segmenter::words(std::string_view text) {
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

std::vector<Span> Segmenter::sentences(std::string_view text) {
    std::vector<Span> out;
    auto utext = attach(*sentences_, text);
    auto begin = static_cast<std::size_t>(sentences_->first());
    for (int32_t next = sentences_->next(); next != icu::BreakIterator::DONE;
         next = sentences_->next()) {
        auto end = static_cast<std::size_t>(next);
        const std::size_t boundary = end;
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

} // namespace atk::text
