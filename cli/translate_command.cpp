#include "translate_command.hpp"

#include "error.hpp"
#include "input.hpp"
#include "spell/glossary.hpp"
#include "translate/translator.hpp"

#include <iostream>
#include <memory>

namespace atk::cli {
namespace {

struct TranslateArguments {
    std::string from;
    std::string to;
    std::string format = "auto";
    std::string glossary_path;
    bool mark_unknown = false;
    bool list_pairs = false;
    std::string path = "-";
    std::size_t max_file_bytes = 8 << 20;
};

void print_pairs(const translate::Translator& translator) {
    for (const auto& pair : translator.pairs()) {
        std::cout << pair.source << '\t' << pair.target << '\t';
        for (std::size_t i = 0; i < pair.route.size(); ++i) {
            std::cout << (i ? "+" : "") << pair.route[i];
        }
        std::cout << '\n';
    }
}

int run_translate(const TranslateArguments& args) {
    const translate::Translator translator;
    if (args.list_pairs) {
        print_pairs(translator);
        return translator.pairs().empty() ? 2 : 0;
    }
    if (args.from.empty() || args.to.empty()) {
        throw InputError("say which languages: --from CODE --to CODE (--pairs lists them)");
    }
    const MarkupChoice markup = args.format == "markdown" ? MarkupChoice::markdown
                                : args.format == "text"   ? MarkupChoice::plain_text
                                                          : MarkupChoice::automatic;
    auto read = read_input(args.path, args.max_file_bytes, markup, true);
    if (const auto* error = std::get_if<std::string>(&read)) {
        throw InputError(*error);
    }
    const auto& document = std::get<InputDocument>(read);
    spell::Glossary keep;
    if (!args.glossary_path.empty()) {
        keep = spell::load_glossary_file(args.glossary_path);
    }
    translate::TranslateOptions options;
    options.source = args.from;
    options.target = args.to;
    options.format = document.markup == text::Markup::markdown ? translate::Format::markdown
                                                               : translate::Format::text;
    options.keep = &keep;
    options.mark_unknown = args.mark_unknown;
    const auto translation = translator.translate(document.text, options);
    std::cout << translation.text << std::flush;
    if (!translation.unknown_words.empty()) {
        std::cerr << "analyst-toolkit: untranslated:";
        for (const auto& word : translation.unknown_words) {
            std::cerr << ' ' << word;
        }
        std::cerr << '\n';
    }
    return 0;
}

} // namespace

void add_translate_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<TranslateArguments>();
    CLI::App* command = app.add_subcommand(
        "translate", "Translate a document with the installed Apertium language pairs");
    command->add_option("--from", args->from, "Source language code (en, es, fr, ca...)");
    command->add_option("--to", args->to, "Target language code");
    command
        ->add_option("--format", args->format,
                     "auto (by extension: .txt is text), markdown or text")
        ->check(CLI::IsMember({"auto", "markdown", "text"}))
        ->capture_default_str();
    command->add_option("--glossary", args->glossary_path,
                        "Terms never translated, one per line (product names...)");
    command->add_flag("--mark-unknown", args->mark_unknown,
                      "Keep Apertium's * before words it could not translate");
    command->add_flag("--pairs", args->list_pairs,
                      "List the language pairs (source, target, modes chained) and exit");
    command->add_option("file", args->path, "The document, or - for standard input")
        ->capture_default_str();
    command->callback([args, &exit_code] {
        try {
            exit_code = run_translate(*args);
        } catch (const InputError& e) {
            std::cerr << "analyst-toolkit: error: " << e.what() << '\n';
            exit_code = 2;
        } catch (const translate::TranslationUnavailable& e) {
            std::cerr << "analyst-toolkit: error: " << e.what() << '\n';
            exit_code = 3;
        }
    });
}

} // namespace atk::cli
