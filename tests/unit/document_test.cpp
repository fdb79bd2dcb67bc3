#include "text/document.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>

using atk::text::BlockKind;
using atk::text::Document;
using atk::text::Markup;
using atk::text::parse_document;
using testing::ElementsAre;

namespace {

/// Block texts with the stand-in shown as "#", for readable expectations.
std::vector<std::string> prose(const Document& document) {
    std::vector<std::string> out;
    for (const auto& block : document.blocks) {
        std::string text = block.text;
        for (auto pos = text.find(atk::text::kStandIn); pos != std::string::npos;
             pos = text.find(atk::text::kStandIn)) {
            text.replace(pos, atk::text::kStandIn.size(), "#");
        }
        out.push_back(text);
    }
    return out;
}

std::vector<std::string> markdown(std::string_view source) {
    return prose(parse_document(source, Markup::markdown));
}

/// The source text a word of a block maps back to.
std::string_view source_of(const Document& document, std::size_t block, std::string_view word) {
    const auto& b = document.blocks.at(block);
    const auto at = b.text.find(word);
    const auto begin = b.source_offset(at);
    return document.source.substr(begin, b.source_end(at + word.size()) - begin);
}

} // namespace

TEST(MarkdownDocument, KeepsParagraphsHeadingsAndListItems) {
    const Document document = parse_document(
        "# Title\n\nSome text\nwrapped.\n\n- item one\n- item two\n", Markup::markdown);
    EXPECT_THAT(prose(document),
                ElementsAre("Title", "Some text wrapped.", "item one", "item two"));
    EXPECT_EQ(document.blocks[0].kind, BlockKind::heading);
    EXPECT_EQ(document.blocks[1].kind, BlockKind::paragraph);
    EXPECT_EQ(document.blocks[2].kind, BlockKind::list_item);
}

TEST(MarkdownDocument, LeavesOutFencedAndIndentedCode) {
    EXPECT_THAT(markdown("Before.\n\n```js\nconst teh = 1;\n```\n\n    indented codde\n\nAfter.\n"),
                ElementsAre("Before.", "After."));
}

TEST(MarkdownDocument, ReplacesInlineCodeWithAStandInAndTagsWithSpaces) {
    EXPECT_THAT(markdown("Call `recieve()` now, <b>bold</b>ly.\n"),
                ElementsAre("Call # now,  bold ly."));
}

TEST(MarkdownDocument, DecodesEntitiesAndMapsWordsAcrossThem) {
    const Document document = parse_document(
        "Caf&eacute; &amp; 5&nbsp;MB &#x2014; &#233;t&#233; &bogus;.\n", Markup::markdown);
    EXPECT_THAT(prose(document), ElementsAre("Café & 5\u00A0MB \u2014 été  ."));
    EXPECT_EQ(source_of(document, 0, "Café"), "Caf&eacute;");
    EXPECT_EQ(source_of(document, 0, "été"), "&#233;t&#233;");
}

TEST(MarkdownDocument, LeavesOutAutolinksAndBareUrlsButKeepsLinkText) {
    EXPECT_THAT(markdown("See <https://exmaple.com/x>, www.exmaple.com and bob@exmaple.com.\n"),
                ElementsAre("See #, # and #."));
    EXPECT_THAT(markdown("Read [the user gide](https://exmaple.com/guide \"titel\").\n"),
                ElementsAre("Read the user gide."));
    EXPECT_THAT(markdown("A ![flow diagramm](img/flow.png) here.\n"),
                ElementsAre("A flow diagramm here."));
}

TEST(MarkdownDocument, AReferenceLinkKeepsItsTextAndItsTargetIsNotProse) {
    // Found by fuzzing: md4c builds a reference link's href in a buffer it frees before the
    // span ends; the target was read after that (AddressSanitizer: heap-use-after-free).
    const std::string source =
        "Read [the user gide][guide] and [the FAQ][].\n\n[guide]: https://exmaple.com/gide\n"
        "[the FAQ]: <https://exmaple.com/faq> \"titel\"\n";
    const auto document = parse_document(source, Markup::markdown);
    EXPECT_THAT(prose(document), ElementsAre("Read the user gide and the FAQ."));
    EXPECT_EQ(source_of(document, 0, "gide"), "gide");
}

TEST(MarkdownDocument, SkipsYamlFrontMatter) {
    EXPECT_THAT(markdown("---\ntitle: Paymnet spec\nauthor: Zoe\n---\nBody text.\n"),
                ElementsAre("Body text."));
    // An unclosed "---" is a thematic break, not front matter.
    EXPECT_THAT(markdown("---\nBody text.\n"), ElementsAre("Body text."));
}

TEST(MarkdownDocument, SplitsTablesIntoCellsAndReadsTaskLists) {
    const Document document = parse_document(
        "| Name | Value |\n|---|---|\n| speed | fast |\n\n- [ ] write tests\n- [x] done\n",
        Markup::markdown);
    EXPECT_THAT(prose(document),
                ElementsAre("Name", "Value", "speed", "fast", "write tests", "done"));
    EXPECT_EQ(document.blocks[0].kind, BlockKind::table_cell);
    EXPECT_EQ(document.blocks[4].kind, BlockKind::list_item);
}

TEST(MarkdownDocument, JoinsWordsSplitByEmphasisAndMapsThemBack) {
    const Document document = parse_document("A **Re**quirement here.\n", Markup::markdown);
    EXPECT_THAT(prose(document), ElementsAre("A Requirement here."));
    EXPECT_EQ(source_of(document, 0, "Requirement"), "Re**quirement");
    EXPECT_EQ(source_of(document, 0, "here"), "here");
}

TEST(MarkdownDocument, MapsOffsetsPastMultiByteTextAndSoftBreaks) {
    const std::string source = "# \xC3\x89t\xC3\xA9\n\nLe syst\xC3\xA8me\n  doit recevoir.\n";
    const Document document = parse_document(source, Markup::markdown);
    ASSERT_EQ(document.blocks.size(), 2U);
    EXPECT_EQ(source_of(document, 1, "doit"), "doit");
    EXPECT_EQ(document.blocks[1].source_offset(document.blocks[1].text.find("doit")),
              source.find("doit"));
}

TEST(MarkdownDocument, EscapedCharactersMapToTheirSource) {
    const std::string source = "Use \\*stars\\* wisely.\n";
    const Document document = parse_document(source, Markup::markdown);
    EXPECT_THAT(prose(document), ElementsAre("Use *stars* wisely."));
    EXPECT_EQ(source_of(document, 0, "wisely"), "wisely");
    EXPECT_EQ(source_of(document, 0, "stars"), "stars");
}

TEST(PlainTextDocument, SplitsAtBlankLinesAndKeepsEveryByte) {
    const std::string source = "First line\r\nsecond line.\n\n  \nNext `paragraph`.\n";
    const Document document = parse_document(source, Markup::plain_text);
    EXPECT_THAT(prose(document), ElementsAre("First line  second line. ", "Next `paragraph`. "));
    EXPECT_EQ(source_of(document, 1, "paragraph"), "paragraph");
}

TEST(Document, EmptyAndWhitespaceOnlySourcesHaveNoBlocks) {
    EXPECT_TRUE(parse_document("", Markup::markdown).blocks.empty());
    EXPECT_TRUE(parse_document(" \n\n\t\n", Markup::plain_text).blocks.empty());
    EXPECT_TRUE(parse_document("```\ncode only\n```\n", Markup::markdown).blocks.empty());
}
