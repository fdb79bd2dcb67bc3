#include "text/utf8.hpp"

#include <gtest/gtest.h>

using atk::text::find_invalid_utf8;
using atk::text::utf16_length;

TEST(Utf8, AcceptsValidTextOfEveryLength) {
    EXPECT_EQ(find_invalid_utf8(""), std::nullopt);
    EXPECT_EQ(find_invalid_utf8("plain ASCII"), std::nullopt);
    EXPECT_EQ(find_invalid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xE4\xB8\xAD"),
              std::nullopt);
}

TEST(Utf8, NamesTheFirstBadByte) {
    EXPECT_EQ(find_invalid_utf8("ab\xFF"
                                "cd"),
              2U);                                        // never valid
    EXPECT_EQ(find_invalid_utf8("abc\x80"), 3U);          // stray continuation byte
    EXPECT_EQ(find_invalid_utf8("ok \xC3"), 3U);          // truncated at the end
    EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0U);         // overlong '/'
    EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1U);    // UTF-16 surrogate
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0U); // above U+10FFFF
    EXPECT_EQ(find_invalid_utf8("\xC3\xA9\xC3"
                                "a"),
              2U); // lead byte without continuation
}

TEST(Utf8, CountsUtf16CodeUnits) {
    EXPECT_EQ(utf16_length("abc"), 3U);
    EXPECT_EQ(utf16_length("\xC3\xA9"), 1U);         // é
    EXPECT_EQ(utf16_length("\xE4\xB8\xAD"), 1U);     // 中
    EXPECT_EQ(utf16_length("\xF0\x9F\x98\x80"), 2U); // 😀 is a surrogate pair
    EXPECT_EQ(utf16_length("e\xCC\x81"), 2U);        // e + combining acute: two code points
}

TEST(Utf8, FindsTheByteOfAUtf16Offset) {
    using atk::text::byte_offset_of_utf16;
    const std::string text = "d\xC3\xA9j\xC3\xA0 \xF0\x9F\x98\x80 fast"; // déjà 😀 fast
    EXPECT_EQ(byte_offset_of_utf16(text, 0), 0U);
    EXPECT_EQ(byte_offset_of_utf16(text, 2), 3U);            // after d and é (two bytes, one unit)
    EXPECT_EQ(byte_offset_of_utf16(text, 5), 7U);            // the emoji
    EXPECT_EQ(byte_offset_of_utf16(text, 6), std::nullopt);  // between its two halves
    EXPECT_EQ(byte_offset_of_utf16(text, 8), 12U);           // "fast"
    EXPECT_EQ(byte_offset_of_utf16(text, 12), text.size());  // the end
    EXPECT_EQ(byte_offset_of_utf16(text, 13), std::nullopt); // past it
    EXPECT_EQ(byte_offset_of_utf16("", 0), 0U);
}

TEST(Utf8, StepsOverCodePointsBothWays) {
    const std::string_view text = "a\xC3\xA9\xF0\x9F\x98\x80z";
    std::size_t pos = 1;
    EXPECT_EQ(atk::text::next_code_point(text, pos), U'\u00E9');
    EXPECT_EQ(pos, 3U);
    EXPECT_EQ(atk::text::next_code_point(text, pos), U'\U0001F600');
    EXPECT_EQ(pos, 7U);
    EXPECT_EQ(atk::text::previous_code_point(text, pos), U'\U0001F600');
    EXPECT_EQ(pos, 3U);
    EXPECT_EQ(atk::text::previous_code_point(text, pos), U'\u00E9');
    EXPECT_EQ(pos, 1U);
}

TEST(Utf8, ConvertsToCodePointsAndBack) {
    const std::string text = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80"; // a é 中 😀
    const std::u32string points = atk::text::to_code_points(text);
    EXPECT_EQ(points, U"a\u00E9\u4E2D\U0001F600");
    EXPECT_EQ(atk::text::to_utf8(points), text);
    std::string out;
    atk::text::append_utf8(out, U'\u00E9');
    EXPECT_EQ(out, "\xC3\xA9");
}
