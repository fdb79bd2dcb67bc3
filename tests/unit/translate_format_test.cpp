// Apertium's stream format, as our deformatter writes it and our reformatter reads it; and
// the parsing of a mode's pipeline.
#include "command_output.hpp"
#include "translate/pipeline.hpp"
#include "translate/stream_format.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <memory>
#include <unistd.h>

using atk::translate::deformat_html;
using atk::translate::deformat_markdown;
using atk::translate::deformat_text;
using atk::translate::parse_pipeline;
using atk::translate::reformat;
using testing::ElementsAre;

namespace {

/// What Apertium's own txt deformatter makes of `text`.
std::string apertium_destxt(const std::string& text) {
    char path[] = "/tmp/atk-destxt-XXXXXX";
    const int fd = ::mkstemp(path);
    ::write(fd, text.data(), text.size());
    ::close(fd);
    const std::string out = atk::test::command_output(std::string("apertium-destxt < ") + path);
    ::unlink(path);
    return out;
}

} // namespace

TEST(StreamFormat, PlainTextIsWhatApertiumDestxtWrites) {
    for (const std::string text :
         {"The system shall send an e-mail.", "a  b", "a\tb", "a\nb", "a\n\nb", "a.\n\nb",
          "trail  ", "   lead", "a\n\n\nb\n", "\n\nabc", "a~b x~~y", "a \n\n b", "a\r\nb", "",
          "Escapes: [x] ^y$ a/b @c <d> {e} \\f 50%.", "Accents: été, niño, €5 🚀."}) {
        EXPECT_EQ(deformat_text(text).text, apertium_destxt(text)) << text;
    }
}

TEST(StreamFormat, TheTranslationTestSentencesAreWhatApertiumDestxtWrites) {
    for (const std::string language : {"en", "es", "fr", "ca"}) {
        std::ifstream in(std::string(ATK_TEST_DATA) + "/translate/" + language + ".txt");
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        ASSERT_FALSE(text.empty()) << language;
        EXPECT_EQ(deformat_text(text).text, apertium_destxt(text)) << language;
    }
}

TEST(StreamFormat, ReformattingGivesTheTextBack) {
    for (const std::string text :
         {"Plain words.", "a  b\tc\n\nd\n", "[x] ^y$ a/b @c <d> {e} \\f ~ *p* #h 50%", "  x  ",
          "été\n\n\nniño 🚀", ""}) {
        const auto stream = deformat_text(text);
        EXPECT_EQ(reformat(stream.text, stream.hidden), text) << text;
    }
}

TEST(StreamFormat, ReformatReadsTheStreamAsApertiumRetxtDoes) {
    EXPECT_EQ(reformat("a[]b", {}), "ab");
    EXPECT_EQ(reformat("a.[]b", {}), "ab");
    EXPECT_EQ(reformat("a\\*b", {}), "a\\*b"); // a backslash it did not add stays
    EXPECT_EQ(reformat("a..[]", {}), "a.");
    EXPECT_EQ(reformat("a.[ ]b", {}), "a. b");
    EXPECT_EQ(reformat("[[w]]x", {}), "wx");
    EXPECT_EQ(reformat("[atk:0]x[atk:9]", {"<"}), "<x"); // an index out of range: nothing
}

TEST(StreamFormat, KeptTermsAreHiddenAsWholeWords) {
    atk::spell::Glossary keep;
    keep.add("Acme Cloud");
    keep.add("SSO");
    const auto stream = deformat_text("Acme Cloud uses SSO, not SSOs.", &keep);
    EXPECT_EQ(stream.text, "[atk:0] uses [atk:1], not SSOs..[]");
    EXPECT_THAT(stream.hidden, ElementsAre("Acme Cloud", "SSO"));
}

TEST(StreamFormat, MarkdownHidesEverythingButProse) {
    const std::string markdown = "# Title\n\nSee [the guide](https://x.org/a_b) and `code`.\n\n"
                                 "```\nfn()\n```\n";
    const auto stream = deformat_markdown(markdown);
    EXPECT_EQ(stream.text,
              "[atk:0]Title.[][atk:1]See [atk:2]the guide[atk:3] and [atk:4]..[][atk:5].[]");
    EXPECT_THAT(stream.hidden, ElementsAre("# ", "\n\n", "[", "](https://x.org/a_b)", "`code`",
                                           "\n\n```\nfn()\n```\n"));
    EXPECT_EQ(reformat(stream.text, stream.hidden), markdown);
}

TEST(StreamFormat, EmphasisIsBoundToItsWordsAndJoinedAgain) {
    const auto stream = deformat_markdown("The **red car** is _here_.");
    EXPECT_EQ(stream.text, "The [[atk:0]]red car[[/]] is [[atk:1]]here[[/]]..[]");
    // Each bound piece holds its opening and its closing markup, NUL between.
    EXPECT_THAT(stream.hidden, ElementsAre(std::string("**\0**", 5), std::string("_\0_", 3)));
    // The pipeline reorders the words, each carrying its blank:
    EXPECT_EQ(
        reformat("El [[atk:0]]coche[[/]] [[atk:0]]rojo[[/]] es [[atk:1]]aquí[[/]].", stream.hidden),
        "El **coche rojo** es _aquí_.");
    EXPECT_EQ(reformat("[[atk:0]]a[[/]] y [[atk:0]]b[[/]]", stream.hidden), "**a** y **b**");
}

TEST(StreamFormat, HtmlHidesTagsBindsInlineElementsAndEndsSentencesAtBlocks) {
    const auto stream = deformat_html(
        "<h1>Title</h1><p>The <b>red car</b> &amp; <code>x()</code>.</p><script>a<b;</script>");
    EXPECT_EQ(stream.text, "[atk:0]Title.[][atk:1][atk:2]The [[atk:3]]red car[[/]] [atk:4] "
                           "[atk:5]..[][atk:6][atk:7].[]");
    EXPECT_EQ(stream.hidden[3], std::string("<b>\0</b>", 8));
    EXPECT_EQ(stream.hidden[5], "<code>x()</code>");
    EXPECT_EQ(stream.hidden[7], "<script>a<b;</script>");
    EXPECT_EQ(reformat("[atk:2]El [[atk:3]]coche[[/]] [[atk:3]]rojo[[/]] [atk:4]", stream.hidden),
              "<p>El <b>coche rojo</b> &amp;");
    const std::string html = "<p>a &lt; b, 1 < 2 &bogus</p>";
    const auto round = deformat_html(html);
    EXPECT_EQ(reformat(round.text, round.hidden), html);
}

TEST(StreamFormat, NeighbouringEqualElementsStayApartAndTagsHoldingNulAreHidden) {
    // Found by fuzzing: <em>a</em><em>b</em> came back as one element, and a NUL inside a tag
    // was taken for the separator of a bound piece's two tags.
    const std::string html = "<p><em>a</em><em>b</em> c</p>";
    const auto stream = deformat_html(html);
    EXPECT_EQ(reformat(stream.text, stream.hidden), html);
    const std::string nul_tag = std::string("<p>x <b t=\"") + '\0' + "\">y</b> z</p>";
    const auto hidden = deformat_html(nul_tag);
    EXPECT_EQ(reformat(hidden.text, hidden.hidden), nul_tag);
}

TEST(StreamFormat, UnknownWordsAreThoseTheAnalyserMarks) {
    const std::string analysis =
        "^The/The<det><def><sp>$ ^frobnicator/*frobnicator$ ^works/work<vblex><pres><p3><sg>$ "
        "[atk:0]^a\\/b/*a/b$ ^frobnicator/*frobnicator$ ^l'/*l'$^x/x<n>/*y$.[]";
    EXPECT_THAT(atk::translate::unknown_words(analysis), ElementsAre("frobnicator", "a/b", "l'"));
}

TEST(Pipeline, AModesCommandIsSplitIntoStages) {
    const auto stages = parse_pipeline(
        "lt-proc -z '/usr/share/a b/x.bin' | apertium-tagger -z -g $2 'p.prob' | lt-proc -z $1 "
        "'gen.bin'",
        "-g", "");
    ASSERT_EQ(stages.size(), 3U);
    EXPECT_THAT(stages[0], ElementsAre("lt-proc", "-z", "/usr/share/a b/x.bin"));
    EXPECT_THAT(stages[1], ElementsAre("apertium-tagger", "-z", "-g", "p.prob"));
    EXPECT_THAT(stages[2], ElementsAre("lt-proc", "-z", "-g", "gen.bin"));
    EXPECT_THROW(parse_pipeline("lt-proc 'unclosed", "", ""), std::invalid_argument);
    EXPECT_THROW(parse_pipeline("a | | b", "", ""), std::invalid_argument);
    EXPECT_THROW(parse_pipeline("a $HOME", "", ""), std::invalid_argument);
}

TEST(Pipeline, AnswersEachMessageAndDiesLoudly) {
    const std::vector<std::vector<std::string>> stages{{"cat"}};
    atk::translate::Pipeline pipeline(stages);
    EXPECT_EQ(pipeline.translate("one", std::chrono::seconds(5)), "one");
    const std::string big(300'000, 'x'); // larger than a pipe's buffer both ways
    EXPECT_EQ(pipeline.translate(big, std::chrono::seconds(5)), big);
    ::kill(-pipeline.process_group(), SIGKILL);
    EXPECT_THROW(pipeline.translate("two", std::chrono::seconds(5)), atk::translate::PipelineError);
}

TEST(Pipeline, AHungPipelineTimesOut) {
    const std::vector<std::vector<std::string>> stages{{"sleep", "30"}};
    atk::translate::Pipeline pipeline(stages);
    EXPECT_THROW(pipeline.translate("x", std::chrono::milliseconds(200)),
                 atk::translate::PipelineError);
}

TEST(Pipeline, AProgramThatIsNotThereIsSaid) {
    try {
        const std::vector<std::vector<std::string>> stages{{"cat"}, {"no-such-apertium-program"}};
        atk::translate::Pipeline pipeline(stages);
        FAIL() << "started";
    } catch (const atk::translate::PipelineError& error) {
        EXPECT_THAT(error.what(), testing::HasSubstr("no-such-apertium-program"));
    }
}
