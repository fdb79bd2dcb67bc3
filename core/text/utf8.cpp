#include "text/utf8.hpp"

#include <algorithm>
#include <cstring>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace atk::text {

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto length = static_cast<int32_t>(bytes.size());
    int32_t pos = 0;
    while (pos < length) {
        const int32_t start = pos;
        UChar32 c = 0;
        U8_NEXT(data, pos, length, c);
        if (c < 0) {
            return static_cast<std::size_t>(start);
        }
    }
    return std::nullopt;
}

std::size_t utf16_length(std::string_view bytes) {
    std::size_t units = 0;
    for (const char byte : bytes) {
        const auto b = static_cast<uint8_t>(byte);
        if ((b & 0xC0U) != 0x80U) {
            units += 1; // one unit per code point ...
        }
        if ((b & 0xF8U) == 0xF0U) {
            units += 1; // ... and a second one for a four-byte sequence (a surrogate pair)
        }
    }
    return units;
}

std::optional<std::size_t> byte_offset_of_utf16(std::string_view text, std::size_t units) {
    std::size_t counted = 0;
    std::size_t pos = 0;
    while (counted < units && pos < text.size()) {
        counted += next_code_point(text, pos) > 0xFFFF ? 2 : 1;
    }
    if (counted != units) {
        return std::nullopt; // past the end, or inside a surrogate pair
    }
    return pos;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
    const auto* data = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(pos);
    UChar32 c = 0;
    U8_NEXT_UNSAFE(data, i, c);
    pos = static_cast<std::size_t>(i);
    return static_cast<char32_t>(c);
}

char32_t previous_code_point(std::string_view text, std::size_t& pos) {
    do {
        --pos; // step back over continuation bytes (10xxxxxx) to the lead byte
    } while (pos > 0 && (static_cast<uint8_t>(text[pos]) & 0xC0U) == 0x80U);
    std::size_t lead = pos;
    return next_code_point(text, lead);
}

void append_utf8(std::string& out, char32_t c) {
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
}

std::u32string to_code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) {
        out += next_code_point(text, pos);
    }
    return out;
}

std::string to_utf8(std::u32string_view code_points) {
    std::string out;
    for (const char32_t c : code_points) {
        append_utf8(out, c);
    }
    return out;
}

std::string without_diacritics(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        return std::string(text);
    }
    const icu::UnicodeString decomposed =
        nfd->normalize(icu::UnicodeString::fromUTF8(
                           icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                       status);
    icu::UnicodeString bare;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) {
            bare.append(c);
        }
    }
    std::string out;
    nfc->normalize(bare, status).toUTF8String(out);
    return U_FAILURE(status) ? std::string(text) : out;
}

bool has_non_ascii(std::string_view text) {
    // Eight bytes at a time: called on every block, sentence and word of a document.
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    std::size_t at = 0;
    for (; at + sizeof(std::uint64_t) <= text.size(); at += sizeof(std::uint64_t)) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, text.data() + at, sizeof chunk);
        if ((chunk & kHighBits) != 0) {
            return true;
        }
    }
    return std::any_of(text.begin() + static_cast<std::ptrdiff_t>(at), text.end(),
                       [](char c) { return (static_cast<uint8_t>(c) & 0x80U) != 0; });
}

} // namespace atk::text
