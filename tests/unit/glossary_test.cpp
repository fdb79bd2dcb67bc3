#include "error.hpp"
#include "spell/glossary.hpp"

#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

using atk::spell::Glossary;
using testing::ElementsAre;
using testing::HasSubstr;

namespace {

std::filesystem::path write_temp(const std::string& name, const std::string& content) {
    const auto path = std::filesystem::temp_directory_path() / ("atk-glossary-test-" + name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

} // namespace

TEST(Glossary, LowerCaseTermsAcceptCapitalisedAndUpperCaseForms) {
    Glossary glossary;
    glossary.add("  kubectl ");
    EXPECT_TRUE(glossary.accepts("kubectl"));
    EXPECT_TRUE(glossary.accepts("Kubectl"));
    EXPECT_TRUE(glossary.accepts("KUBECTL"));
    EXPECT_FALSE(glossary.accepts("kubectll"));
}

TEST(Glossary, TermsWithCapitalsAreAcceptedOnlyAsWritten) {
    Glossary glossary;
    glossary.add("iOS");
    glossary.add("Acmezon");
    EXPECT_TRUE(glossary.accepts("iOS"));
    EXPECT_FALSE(glossary.accepts("ios"));
    EXPECT_TRUE(glossary.accepts("Acmezon"));
    EXPECT_FALSE(glossary.accepts("acmezon"));
}

TEST(Glossary, PhrasesMatchAtWordBoundariesOnly) {
    Glossary glossary;
    glossary.add("Zorbo Cloud");
    const std::string text = "Deploy to Zorbo Cloud, not Zorbo Clouds.";
    EXPECT_THAT(glossary.phrase_matches(text), ElementsAre(atk::text::Span{10, 21}));
}

TEST(Glossary, OffersCloseTermsAsCorrectionsClosestFirst) {
    Glossary glossary;
    glossary.add("Kubernetes");
    glossary.add("Kubernetas");
    glossary.add("kubectl");
    EXPECT_THAT(glossary.near("Kubernetis"), ElementsAre("Kubernetes", "Kubernetas"));
    EXPECT_THAT(glossary.near("kubetcl"), ElementsAre("kubectl")); // a transposition is one edit
    EXPECT_TRUE(glossary.near("Docker").empty());
}

TEST(Glossary, IgnoresEmptyAndDuplicateTerms) {
    Glossary glossary;
    glossary.add("");
    glossary.add("   ");
    glossary.add("Acme");
    glossary.add("Acme");
    EXPECT_THAT(glossary.terms(), ElementsAre("Acme"));
}

TEST(GlossaryFile, ReadsOneTermPerLineWithComments) {
    const auto path =
        write_temp("ok.txt", "# product names\nAcmezon\n\n  Zorbo Cloud  \r\nkubectl\n");
    const Glossary glossary = atk::spell::load_glossary_file(path);
    EXPECT_THAT(glossary.terms(), ElementsAre("Acmezon", "Zorbo Cloud", "kubectl"));
}

TEST(GlossaryFile, MissingFileIsAnInputErrorNamingIt) {
    try {
        atk::spell::load_glossary_file("/nonexistent/terms.txt");
        FAIL() << "expected an InputError";
    } catch (const atk::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("/nonexistent/terms.txt"));
        EXPECT_THAT(e.what(), HasSubstr("--glossary"));
    }
}

TEST(GlossaryFile, DirectoryAndInvalidUtf8AreInputErrors) {
    EXPECT_THROW(atk::spell::load_glossary_file(std::filesystem::temp_directory_path()),
                 atk::InputError);
    const auto path = write_temp("bad.txt", "good\nb\xFF"
                                            "d\n");
    try {
        atk::spell::load_glossary_file(path);
        FAIL() << "expected an InputError";
    } catch (const atk::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr(":2: invalid UTF-8 at byte 6"));
    }
}
