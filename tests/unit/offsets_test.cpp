#include "text/offsets.hpp"

#include <gtest/gtest.h>
#include <string>

using atk::text::OffsetMap;

namespace {
std::size_t byte_of(std::string_view text, std::string_view needle) {
    return text.find(needle);
}
} // namespace

TEST(OffsetMap, AsciiOffsetsAreTheSameInEveryUnit) {
    const std::string text = "one\ntwo three\n";
    const OffsetMap map(text);
    EXPECT_EQ(map.to_utf16(8), 8U);
    EXPECT_EQ(map.to_line_column(0).line, 1U);
    EXPECT_EQ(map.to_line_column(0).column, 1U);
    EXPECT_EQ(map.to_line_column(8).line, 2U);
    EXPECT_EQ(map.to_line_column(8).column, 5U);
    EXPECT_EQ(map.to_line_column(text.size()).line, 3U); // end of text, after the last newline
}

TEST(OffsetMap, AccentsCountOneUnitEach) {
    const std::string text = "Th\xC3\xA9r\xC3\xA8se wrote it"; // Thérèse wrote it
    const OffsetMap map(text);
    const auto wrote = byte_of(text, "wrote");
    EXPECT_EQ(wrote, 10U);
    EXPECT_EQ(map.to_utf16(wrote), 8U);
    EXPECT_EQ(map.to_line_column(wrote).column, 9U);
}

TEST(OffsetMap, EmojiCountTwoUnits) {
    const std::string text = "ok \xF0\x9F\x98\x80 teh";
    const OffsetMap map(text);
    EXPECT_EQ(map.to_utf16(byte_of(text, "teh")), 6U); // o k space, 2 units, space
}

TEST(OffsetMap, CjkCountsOneUnitPerCharacter) {
    const std::string text = "\xE4\xB8\xAD\xE6\x96\x87 text"; // 中文 text
    const OffsetMap map(text);
    EXPECT_EQ(map.to_utf16(byte_of(text, "text")), 3U);
}

TEST(OffsetMap, CombiningCharactersAreSeparateCodeUnits) {
    const std::string text = "cafe\xCC\x81 menu"; // café written as e + U+0301
    const OffsetMap map(text);
    EXPECT_EQ(map.to_utf16(byte_of(text, "menu")), 6U);
    EXPECT_EQ(map.to_line_column(byte_of(text, "menu")).column, 7U);
}

TEST(OffsetMap, LinesEndAtLfCrLfAndLoneCr) {
    const std::string text = "a\r\nb\rc\nd";
    const OffsetMap map(text);
    EXPECT_EQ(map.to_line_column(byte_of(text, "b")).line, 2U);
    EXPECT_EQ(map.to_line_column(byte_of(text, "c")).line, 3U);
    EXPECT_EQ(map.to_line_column(byte_of(text, "d")).line, 4U);
    EXPECT_EQ(map.to_line_column(byte_of(text, "d")).column, 1U);
}

TEST(OffsetMap, LongLinesUseCheckpointsCorrectly) {
    // Many multi-byte characters, so that checkpoints fall inside and between them.
    std::string text;
    for (int i = 0; i < 1000; ++i) {
        text += i % 3 == 0 ? "\xF0\x9F\x98\x80" : (i % 3 == 1 ? "\xC3\xA9" : "x");
    }
    const OffsetMap map(text);
    std::size_t bytes = 0;
    std::size_t units = 0;
    for (int i = 0; i < 1000; ++i) {
        ASSERT_EQ(map.to_utf16(bytes), units) << "at character " << i;
        bytes += i % 3 == 0 ? 4 : (i % 3 == 1 ? 2 : 1);
        units += i % 3 == 0 ? 2 : 1;
    }
    EXPECT_EQ(map.to_utf16(text.size()), units);
    EXPECT_EQ(map.to_line_column(text.size()).column, units + 1);
}

TEST(OffsetMap, EmptyText) {
    const OffsetMap map("");
    EXPECT_EQ(map.to_utf16(0), 0U);
    EXPECT_EQ(map.to_line_column(0).line, 1U);
    EXPECT_EQ(map.to_line_column(0).column, 1U);
}
