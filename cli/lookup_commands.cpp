#include "lookup_commands.hpp"

#include "check.hpp"
#include "checker_config.hpp"
#include "error.hpp"
#include "rules/rule_loader.hpp"

#include <iostream>
#include <memory>

namespace atk::cli {
namespace {

void report_error(const std::string& message) {
    std::cerr << "analyst-toolkit: error: " << message << '\n';
}

/// "(adj) speedy, fast (similar term)" per meaning.
int print_synonyms(const Checker& checker, const std::vector<std::string>& words,
                   const std::string& language) {
    int exit_code = 0;
    for (const auto& word : words) {
        const auto meanings = checker.synonyms(word, language);
        if (words.size() > 1) {
            std::cout << word << '\n';
        }
        if (meanings.empty()) {
            std::cerr << "analyst-toolkit: the " << language << " thesaurus does not know '" << word
                      << "'\n";
            exit_code = 1;
        }
        for (const auto& meaning : meanings) {
            std::cout << (words.size() > 1 ? "  " : "") << '(' << meaning.part_of_speech << ')';
            for (std::size_t i = 0; i < meaning.synonyms.size(); ++i) {
                const auto& synonym = meaning.synonyms[i];
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
    auto words = std::make_shared<std::vector<std::string>>();
    auto language = std::make_shared<std::string>("en-US");
    CLI::App* command =
        app.add_subcommand("synonyms", "Meanings and synonyms of words, from the thesaurus");
    command->add_option("words", *words, "One or more words")->required();
    command->add_option("-l,--language", *language, "Language code (default en-US)");
    command->callback([words, language, &exit_code] {
        try {
            const Checker checker(checker_config());
            exit_code = print_synonyms(checker, *words, *language);
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
