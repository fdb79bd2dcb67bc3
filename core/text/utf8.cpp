#include "text/utf8.hpp"

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

} // namespace atk::text
