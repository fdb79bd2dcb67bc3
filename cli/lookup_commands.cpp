#include "lookup_commands.hpp"

#include "check.hpp"
#include "checker_config.hpp"
#include "error.hpp"
#include "rules/rule_loader.hpp"
#include "text/casing.hpp"

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace atk::cli {
namespace {

void report_error(const std::string& message) {
    std::cerr << "analyst-toolkit: error: " << message << '\n';
}

/// What `synonyms` was asked.
struct SynonymsArguments {
    std::vector<std::string> words;
    std::string language = "en-US";
    std::string context;
    std::optional<std::size_t> offset;
};

/// A sense's label: "(adj)", "(verb, describe)" when it is a sense of the word's lemma, ", in
/// context" added when its part of speech is the word's in the context given.
std::string sense_label(const thesaurus::Sense& sense, const std::string& word) {
    std::string label = sense.part_of_speech.empty() ? "?" : sense.part_of_speech;
    if (text::to_lower(sense.lemma) != text::to_lower(word)) {
        label += ", " + sense.lemma;
    }
    if (sense.matches_context) {
        label += ", in context";
    }
    return "(" + label + ")";
}

/// "(adj) speedy, fast (similar term)" per sense.
int print_synonyms(const Checker& checker, const SynonymsArguments& args) {
    int exit_code = 0;
    const auto& words = args.words;
    for (const auto& word : words) {
        const auto senses = checker.synonyms(word, args.language, {args.context, args.offset});
        if (words.size() > 1) {
            std::cout << word << '\n';
        }
        if (senses.empty()) {
            std::cerr << "analyst-toolkit: the " << args.language << " thesaurus does not know '"
                      << word << "'\n";
            exit_code = 1;
        }
        for (const auto& sense : senses) {
            std::cout << (words.size() > 1 ? "  " : "") << sense_label(sense, word);
            for (std::size_t i = 0; i < sense.synonyms.size(); ++i) {
                const auto& synonym = sense.synonyms[i];
                std::cout << (i == 0 ? " " : ", ") << synonym.word;
                if (!synonym.relation.empty()) {
                    std::cout << " (" << synonym.relation << ')';
                }
            }
            std::cout << '\n';
        }
    }
    return exit_code;
}

int print_rules(const Checker& checker, const std::string& language_name) {
    const auto& config = checker.config();
    if (config.rules_directory.empty()) {
        report_error("no rules directory; set ATK_RULES_DIR or rebuild (make build)");
        return 2;
    }
    std::vector<std::string> families;
    if (language_name.empty()) {
        families = rules::rule_languages(config.rules_directory);
    } else {
        const auto language = checker.resolve_language(language_name);
        families = {language.code.substr(0, language.code.find('-'))};
    }
    for (const auto& family : families) {
        const auto language = spell::find_language(family);
        const rules::Engine* engine = language ? checker.rule_engine(*language) : nullptr;
        if (engine == nullptr) {
            report_error("no rules for " + family + " in " + config.rules_directory.string());
            return 2;
        }
        for (const auto& rule : engine->rule_set().rules) {
            std::cout << family << '\t' << rule.id << '\t' << rule.category << '\t'
                      << to_string(rule.severity) << '\t'
                      << (rule.enabled_by_default ? "on" : "off") << '\t'
                      << (rule.applies == rules::Applies::requirements ? "requirements"
                                                                       : "everywhere")
                      << '\t' << rule.description << '\n';
        }
    }
    return 0;
}

} // namespace

void add_synonyms_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<SynonymsArguments>();
    CLI::App* command =
        app.add_subcommand("synonyms", "Meanings and synonyms of words, from the thesaurus");
    command->add_option("words", args->words, "One or more words")->required();
    command->add_option("-l,--language", args->language, "Language code (default en-US)");
    command->add_option("--context", args->context,
                        "The sentence the word is in: its sense there comes first, and "
                        "synonyms take the word's form");
    command->add_option("--offset", args->offset,
                        "Where the word starts in --context, in UTF-16 code units (default: "
                        "its first occurrence)");
    command->callback([args, &exit_code] {
        if (args->offset && args->words.size() > 1) {
            report_error("--offset places one word; give a single word with it");
            exit_code = 2;
            return;
        }
        try {
            const Checker checker(checker_config());
            exit_code = print_synonyms(checker, *args);
        } catch (const InputError& e) {
            report_error(e.what());
            exit_code = 2;
        }
    });
}

void add_rules_command(CLI::App& app, int& exit_code) {
    auto language = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "rules", "List the vocabulary and requirements-quality rules: language, id, category, "
                 "severity, on/off by default, where it applies, description");
    command->add_option("-l,--language", *language, "Only this language's rules (default: all)");
    command->callback([language, &exit_code] {
        try {
            const Checker checker(checker_config());
            exit_code = print_rules(checker, *language);
        } catch (const InputError& e) {
            report_error(e.what());
            exit_code = 2;
        }
    });
}

} // namespace atk::cli
