// analyst-toolkit: the command-line front door. Each command lives in its own file.
#include "check.hpp"
#include "check_command.hpp"
#include "checker_config.hpp"
#include "error.hpp"
#include "fast_exit.hpp"
#include "lookup_commands.hpp"
#include "serve_command.hpp"
#include "suggest_command.hpp"
#include "translate_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace {

void add_languages_command(CLI::App& app, int& exit_code) {
    CLI::App* languages = app.add_subcommand("languages", "List the installed languages");
    languages->callback([&exit_code] {
        const atk::Checker checker(atk::cli::checker_config());
        const auto installed = checker.languages();
        for (const auto& language : installed) {
            std::cout << language.code << '\t' << language.name << '\n';
        }
        if (installed.empty()) {
            std::cerr << "analyst-toolkit: error: no dictionaries are installed; run make deps\n";
            exit_code = 2;
        }
    });
}

} // namespace

int main(int argc, char** argv) {
    // The streams buffer on their own (nothing here writes through C's stdio): a report of
    // thousands of lines is not thousands of locked fwrite calls.
    std::ios::sync_with_stdio(false);
    CLI::App app{
        "Analyst Toolkit: spelling, wording and requirements-quality checks for specifications",
        "analyst-toolkit"};
    app.set_version_flag("--version", ATK_VERSION);
    app.require_subcommand(1);
    int exit_code = 0;
    atk::cli::add_check_command(app, exit_code);
    add_languages_command(app, exit_code);
    atk::cli::add_suggest_command(app, exit_code);
    atk::cli::add_synonyms_command(app, exit_code);
    atk::cli::add_rules_command(app, exit_code);
    atk::cli::add_serve_command(app, exit_code);
    atk::cli::add_translate_command(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version arrive as "errors" with exit code 0; real usage errors exit 2.
        if (e.get_exit_code() == 0) {
            return app.exit(e);
        }
        const bool command_missing = argc == 1 || argv[1][0] != '-';
        if (app.get_subcommands().empty() && command_missing) { // name the commands there are
            std::string commands;
            for (const auto* command : app.get_subcommands({})) {
                commands += (commands.empty() ? "" : ", ") + command->get_name();
            }
            std::cerr << "analyst-toolkit: error: "
                      << (argc > 1 ? "unknown command '" + std::string(argv[1]) + "'"
                                   : std::string("no command"))
                      << "; the commands are " << commands << " (see analyst-toolkit --help)\n";
        } else {
            std::cerr << "analyst-toolkit: error: " << e.what() << "; see analyst-toolkit --help\n";
        }
        return 2;
    } catch (const atk::InputError& e) {
        std::cerr << "analyst-toolkit: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "analyst-toolkit: internal error: " << e.what()
                  << "; please report it with the input that caused it\n";
        return 2;
    }
    atk::cli::exit_now(exit_code);
}
