#include "suggest_command.hpp"

#include "check.hpp"
#include "checker_config.hpp"
#include "error.hpp"
#include "fast_exit.hpp"
#include "spell/glossary.hpp"

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>

namespace atk::cli {
namespace {

struct SuggestArguments {
    std::string language = "en-US";
    std::size_t max = 5;
    std::string glossary_path;
    bool with_confidence = false;
    bool stats = false;
};

/// Per-word latency summary for --stats, on standard error.
void print_stats(std::vector<double> microseconds) {
    if (microseconds.empty()) {
        return;
    }
    std::sort(microseconds.begin(), microseconds.end());
    double total = 0;
    for (const double us : microseconds) {
        total += us;
    }
    auto percentile = [&](double p) {
        return microseconds[std::min(
            microseconds.size() - 1,
            static_cast<std::size_t>(p * static_cast<double>(microseconds.size())))];
    };
    std::cerr << std::fixed << std::setprecision(0) << "suggest: " << microseconds.size()
              << " words, " << 1e6 * static_cast<double>(microseconds.size()) / total
              << " words/s; per word p50 " << percentile(0.5) << " us, p99 " << percentile(0.99)
              << " us, max " << microseconds.back() << " us\n";
}

int run_suggest(const SuggestArguments& args) {
    const Checker& checker = keep_until_exit(std::make_unique<Checker>(checker_config()));
    spell::Glossary glossary;
    try {
        if (!args.glossary_path.empty()) {
            glossary = spell::load_glossary_file(args.glossary_path);
        }
        checker.preload(args.language); // an unknown language or damaged data: said once, up front
    } catch (const InputError& e) {
        std::cerr << "analyst-toolkit: error: " << e.what() << '\n';
        return 2;
    }
    std::size_t line_number = 0;
    std::vector<double> latencies;
    for (std::string line; std::getline(std::cin, line);) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        try {
            const auto started = std::chrono::steady_clock::now();
            const auto found = checker.suggest(line, args.language, &glossary, args.max);
            latencies.push_back(std::chrono::duration<double, std::micro>(
                                    std::chrono::steady_clock::now() - started)
                                    .count());
            std::cout << line << '\t';
            if (args.with_confidence) {
                std::cout << std::fixed << std::setprecision(3) << found.confidence << '\t';
            }
            for (std::size_t i = 0; i < found.words.size(); ++i) {
                std::cout << (i ? "\t" : "") << found.words[i];
            }
            std::cout << '\n';
        } catch (const InputError& e) {
            std::cerr << "analyst-toolkit: error: <stdin>:" << line_number << ": " << e.what()
                      << '\n';
            return 2;
        }
    }
    if (args.stats) {
        print_stats(std::move(latencies));
    }
    return 0;
}

} // namespace

void add_suggest_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<SuggestArguments>();
    CLI::App* suggest = app.add_subcommand(
        "suggest", "Suggest corrections for words read one per line on standard input");
    suggest->add_option("-l,--language", args->language, "Language code (default en-US)");
    suggest->add_option("--max", args->max, "Suggestions per word (default 5)");
    suggest->add_option("-g,--glossary", args->glossary_path,
                        "File of accepted words and phrases, one per line");
    suggest->add_flag(
        "--confidence", args->with_confidence,
        "Print, after the word, the estimated probability that the first suggestion is right");
    suggest->add_flag(
        "--stats", args->stats,
        "Print the words per second and the per-word latency (p50, p99) on standard error");
    suggest->callback([args, &exit_code] { exit_code = run_suggest(*args); });
}

} // namespace atk::cli
