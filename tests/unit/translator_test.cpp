// Translation with the installed Apertium pairs: the same words as the `apertium` command,
// structure kept, terms kept, pipelines that die replaced.
#include "command_output.hpp"
#include "error.hpp"
#include "translate/translator.hpp"

#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <memory>
#include <sstream>
#include <thread>
#include <unistd.h>

using atk::translate::TranslateOptions;
using atk::translate::Translator;
using testing::Contains;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::Not;

namespace {

const Translator& translator() {
    static const Translator instance;
    return instance;
}

TranslateOptions from_to(std::string source, std::string target) {
    TranslateOptions options;
    options.source = std::move(source);
    options.target = std::move(target);
    return options;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

/// What `apertium [-u] mode file` prints.
std::string apertium(const std::string& mode, const std::filesystem::path& file, bool marks) {
    return atk::test::command_output(std::string("apertium ") + (marks ? "" : "-u ") + mode + " '" +
                                     file.string() + "'");
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

/// The source file of a language: 60 varied sentences, one per line.
std::filesystem::path sentences(const std::string& language) {
    return std::filesystem::path(ATK_TEST_DATA) / "translate" / (language + ".txt");
}

} // namespace

TEST(Translator, EveryInstalledDirectionAnswersAsTheApertiumCommand) {
    std::size_t directions = 0;
    for (const auto& pair : translator().pairs()) {
        if (pair.route.size() != 1) {
            continue;
        }
        ++directions;
        const auto file = sentences(pair.source);
        ASSERT_TRUE(std::filesystem::exists(file)) << file;
        const std::string text = read_file(file);
        for (const bool marks : {false, true}) {
            auto options = from_to(pair.source, pair.target);
            options.mark_unknown = marks;
            const auto ours = lines(translator().translate(text, options).text);
            const auto theirs = lines(apertium(pair.route[0], file, marks));
            ASSERT_EQ(ours.size(), theirs.size()) << pair.route[0];
            EXPECT_GE(ours.size(), 50U);
            for (std::size_t i = 0; i < ours.size(); ++i) {
                EXPECT_EQ(ours[i], theirs[i])
                    << pair.route[0] << (marks ? "" : " -u") << ", sentence " << i + 1;
            }
        }
    }
    EXPECT_GE(directions, 10U) << "make deps installs five pairs, both ways";
}

TEST(Translator, PairsWithoutAModeGoThroughSpanish) {
    const auto& pairs = translator().pairs();
    const auto en_fr = std::find_if(pairs.begin(), pairs.end(), [](const auto& pair) {
        return pair.source == "en" && pair.target == "fr";
    });
    ASSERT_NE(en_fr, pairs.end());
    EXPECT_THAT(en_fr->route, ElementsAre("eng-spa", "es-fr"));
    const auto translation =
        translator().translate("The user shall download the report.", from_to("en", "fr"));
    EXPECT_THAT(translation.route, ElementsAre("eng-spa", "es-fr"));
    EXPECT_THAT(translation.text, HasSubstr("rapport"));
}

TEST(Translator, CodesAreReadAsLanguages) {
    for (const auto& [source, target] : std::vector<std::pair<std::string, std::string>>{
             {"en", "es"}, {"eng", "spa"}, {"en-US", "es-ES"}, {"EN", "ES"}}) {
        EXPECT_EQ(translator().translate("The house.", from_to(source, target)).text, "La casa.")
            << source << " -> " << target;
    }
}

TEST(Translator, UnknownWordsAreListedAndUnmarkedUnlessAsked) {
    auto options = from_to("en", "es");
    auto translation =
        translator().translate("The frobnicator works with the zorbulator.", options);
    EXPECT_THAT(translation.unknown_words, ElementsAre("frobnicator", "zorbulator"));
    EXPECT_THAT(translation.text, Not(HasSubstr("*")));
    options.mark_unknown = true;
    translation = translator().translate("The frobnicator works.", options);
    EXPECT_THAT(translation.text, HasSubstr("*frobnicator"));
}

TEST(Translator, MarkdownKeepsItsStructureCodeAndUrls) {
    const std::string markdown = "# Password reset\n\n"
                                 "The system shall send a link to the **registered** address.\n\n"
                                 "- The link expires after 24 hours.\n"
                                 "- Store it in the `reset_token` field; see "
                                 "[the guide](https://example.com/reset-guide).\n\n"
                                 "| Field | Rule |\n|-------|------|\n| email | must be valid |\n\n"
                                 "```js\nconst token = createToken();\n```\n";
    auto options = from_to("en", "es");
    options.format = atk::translate::Format::markdown;
    const auto text = translator().translate(markdown, options).text;
    EXPECT_THAT(text, testing::StartsWith("# Reinicialización de contraseña\n\n"));
    EXPECT_THAT(text, HasSubstr("**registrada**"));
    EXPECT_THAT(text, HasSubstr("\n- El enlace expira"));
    EXPECT_THAT(text, HasSubstr("`reset_token`"));
    EXPECT_THAT(text, HasSubstr("[la guía](https://example.com/reset-guide)"));
    EXPECT_THAT(text, HasSubstr("| Campo | Regla |\n|-------|------|\n"));
    EXPECT_THAT(text, HasSubstr("```js\nconst token = createToken();\n```\n"));
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'),
              std::count(markdown.begin(), markdown.end(), '\n'));
}

TEST(Translator, KeptTermsComeOutAsWritten) {
    atk::spell::Glossary keep;
    keep.add("Order Service");
    auto options = from_to("en", "es");
    options.keep = &keep;
    const auto text =
        translator().translate("The Order Service shall record each order.", options).text;
    EXPECT_THAT(text, HasSubstr("Order Service"));
    EXPECT_THAT(text, HasSubstr("cada orden"));
}

TEST(Translator, CachedPiecesTranslateAsWithoutTheCache) {
    atk::translate::TranslatorConfig config;
    config.cache = 1000;
    const Translator cached(config);
    const std::string text = read_file(sentences("en")) + "\n\nA second paragraph.\n";
    const auto plain = translator().translate(text, from_to("en", "es"));
    const auto first = cached.translate(text, from_to("en", "es"));
    EXPECT_EQ(first.text, plain.text);
    EXPECT_EQ(first.unknown_words, plain.unknown_words);
    EXPECT_EQ(cached.pieces_from_cache(), 0U);
    const auto again = cached.translate(text, from_to("en", "es"));
    EXPECT_EQ(again.text, plain.text);
    EXPECT_EQ(again.unknown_words, plain.unknown_words);
    EXPECT_GE(cached.pieces_from_cache(), 2U);
}

TEST(Translator, AnEditedDocumentRetranslatesOnlyWhatChanged) {
    atk::translate::TranslatorConfig config;
    config.cache = 1000;
    const Translator cached(config);
    auto options = from_to("en", "es");
    options.format = atk::translate::Format::markdown;
    const std::string before = "# The house\n\nThe **red car** is `big`.\n\n- The frobnicator.\n";
    const std::string after = "# The house\n\nThe **red car** is `big`.\n\n- The garden.\n\n"
                              "The **red car** is `big`.\n";
    cached.translate(before, options);
    const std::size_t hits = cached.pieces_from_cache();
    const auto edited = cached.translate(after, options);
    EXPECT_GE(cached.pieces_from_cache(), hits + 3); // the heading and the paragraph, twice
    EXPECT_EQ(edited.text, translator().translate(after, options).text);
    EXPECT_TRUE(edited.unknown_words.empty()) << "the frobnicator is gone";
}

TEST(Translator, BadRequestsSayWhatIsWrong) {
    EXPECT_EQ(translator().translate("", from_to("en", "es")).text, "");
    try {
        translator().translate("Hello.", from_to("en", "de"));
        FAIL() << "translated to German";
    } catch (const atk::InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("no translation from 'en' to 'de'"));
        EXPECT_THAT(error.what(), HasSubstr("en->es"));
    }
    EXPECT_THROW(translator().translate("bad \xff byte", from_to("en", "es")), atk::InputError);
    EXPECT_THROW(translator().translate(std::string("nul \0 byte", 10), from_to("en", "es")),
                 atk::InputError);
}

namespace {

/// The processes this test process started (the pipelines' stages).
std::vector<pid_t> children() {
    std::vector<pid_t> pids;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream in(task.path() / "children");
        for (pid_t pid = 0; in >> pid;) {
            pids.push_back(pid);
        }
    }
    return pids;
}

/// The stages a translator started since `before`.
std::vector<pid_t> started_since(const std::vector<pid_t>& before) {
    std::vector<pid_t> started;
    for (const pid_t pid : children()) {
        if (std::find(before.begin(), before.end(), pid) == before.end()) {
            started.push_back(pid);
        }
    }
    return started;
}

/// Kills `pid` and waits until it has exited (a zombie, for its parent to reap).
void kill_and_wait(pid_t pid) {
    ::kill(pid, SIGKILL);
    for (int i = 0; i < 500; ++i) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string line;
        std::getline(stat, line);
        const auto state = line.rfind(')');
        if (line.empty() || (state != std::string::npos && line[state + 2] == 'Z')) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

} // namespace

/// A translator of its own with one pipeline per direction, es-ca started: its stages in
/// `started`.
class OnePipeline : public testing::Test {
  protected:
    OnePipeline() : own(one_per_direction()) {}

    void SetUp() override {
        const auto before = children();
        EXPECT_EQ(own.translate("La casa.", from_to("es", "ca")).text, "La casa.");
        started = started_since(before);
        ASSERT_GE(started.size(), 5U) << "a pipeline of several stages";
    }

    static atk::translate::TranslatorConfig one_per_direction() {
        atk::translate::TranslatorConfig config;
        config.pipelines_per_mode = 1;
        return config;
    }

    const Translator own;
    std::vector<pid_t> started;
};

TEST_F(OnePipeline, APipelineThatDiedWhileIdleIsReplacedUnseen) {
    kill_and_wait(started[started.size() / 2]);
    EXPECT_EQ(own.translate("La casa.", from_to("es", "ca")).text, "La casa.");
}

TEST_F(OnePipeline, APipelineKilledMidTranslationFailsThatTranslationOnly) {
    std::string long_text;
    for (int i = 0; i < 6000; ++i) {
        long_text += "El sistema registrará cada pedido del cliente en la base de datos. ";
    }
    std::exception_ptr failure;
    std::thread translating([&] {
        try {
            own.translate(long_text, from_to("es", "ca"));
        } catch (...) {
            failure = std::current_exception();
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // well into it
    for (const pid_t stage : started) { // the analyser and the rest: whichever is at work
        ::kill(stage, SIGKILL);
    }
    translating.join();
    ASSERT_TRUE(failure) << "the translation outran the kill: make the text longer";
    EXPECT_THROW(std::rethrow_exception(failure), atk::translate::TranslationUnavailable);
    EXPECT_EQ(own.translate("La casa.", from_to("es", "ca")).text, "La casa.");
}

TEST(Translator, APipelineThatHangsIsCutOffAtItsTimeout) {
    // A mode whose stages after the analyser never answer.
    const auto modes = std::filesystem::temp_directory_path() / "atk-hanging-modes";
    std::filesystem::create_directories(modes);
    std::ofstream(modes / "eng-spa.mode")
        << "lt-proc '/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin' | "
           "tail -f /dev/null\n";
    atk::translate::TranslatorConfig config;
    config.modes_directory = modes;
    config.timeout = std::chrono::milliseconds(300);
    const Translator hanging(config);
    ASSERT_EQ(hanging.pairs().size(), 1U);
    for (int attempt = 0; attempt < 2; ++attempt) { // restarted, and cut off again
        try {
            hanging.translate("The house.", from_to("en", "es"));
            FAIL() << "a hung pipeline answered";
        } catch (const atk::translate::TranslationUnavailable& error) {
            EXPECT_THAT(error.what(), HasSubstr("did not answer in time"));
        }
    }
    std::filesystem::remove_all(modes);
}

TEST(Translator, AMissingModesFolderMeansNoPairs) {
    atk::translate::TranslatorConfig config;
    config.modes_directory = "/nonexistent/apertium/modes";
    const Translator none(config);
    EXPECT_TRUE(none.pairs().empty());
    try {
        none.translate("Hello.", from_to("en", "es"));
        FAIL() << "translated without pairs";
    } catch (const atk::InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("install Apertium's language pairs"));
    }
}
