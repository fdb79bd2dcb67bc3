// build-spelling-index: run at build time to turn a dictionary's expanded word forms (the
// output of Hunspell's unmunch) and a word-frequency list into a SuggestionIndex file.
// Only forms the dictionary itself accepts are kept, so every suggestion is a real word.
//
//   build-spelling-index --aff en_US.aff --forms en_US.forms [--frequencies subtlex.json] --out
//   en-US.index
//
// For a dictionary that unmunch cannot expand (French), it counts instead the words of a
// plain-text corpus that the dictionary accepts, into a WordCounts file:
//
//   build-spelling-index --aff fr_FR.aff --count-words corpus.txt --language fr-FR --out
//   fr-FR.counts
#include "spell/suggestion_index.hpp"
#include "spell/typo_model.hpp"
#include "text/casing.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <nuspell/dictionary.hxx>
#include <unordered_map>

namespace {

/// Counts by folded spelling, from a JSON array of {"word": ..., "count": ...}.
std::unordered_map<std::u32string, double> read_frequencies(const std::string& path) {
    std::unordered_map<std::u32string, double> counts;
    if (path.empty()) {
        return counts;
    }
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read " + path + "; run make deps");
    }
    for (const auto& entry : nlohmann::json::parse(in)) {
        counts[atk::spell::fold(entry.at("word").get<std::string>())] +=
            entry.at("count").get<double>();
    }
    return counts;
}

/// Writes "word<TAB>count" for each word of `corpus` that the dictionary accepts, a capital
/// at the start of a sentence folded when the lower-case word exists.
void count_words(const nuspell::Dictionary& dictionary, const std::string& corpus,
                 const std::string& language, const std::string& out_path) {
    std::ifstream in(corpus);
    if (!in) {
        throw std::runtime_error("cannot read " + corpus);
    }
    atk::text::Segmenter segmenter(language);
    std::map<std::string, std::size_t> counts;
    std::unordered_map<std::string, bool> verdicts;
    for (std::string line; std::getline(in, line);) {
        if (atk::text::find_invalid_utf8(line)) {
            continue;
        }
        for (const auto& word : segmenter.words(line)) {
            if (word.kind != atk::text::WordKind::letters) {
                continue;
            }
            std::string text = line.substr(word.span.begin, word.span.end - word.span.begin);
            if (atk::text::casing_of(text) == atk::text::Casing::capitalised) {
                std::string lower = atk::text::to_lower(text);
                if (dictionary.spell(lower)) {
                    text = std::move(lower);
                }
            }
            auto [verdict, fresh] = verdicts.try_emplace(text, false);
            if (fresh) {
                verdict->second = dictionary.spell(text);
            }
            if (verdict->second) {
                ++counts[text];
            }
        }
    }
    std::ofstream out(out_path + ".tmp");
    for (const auto& [word, count] : counts) {
        out << word << '\t' << count << '\n';
    }
    if (!out.flush()) {
        throw std::runtime_error("cannot write " + out_path);
    }
    out.close();
    std::filesystem::rename(out_path + ".tmp", out_path);
    std::cout << "build-spelling-index: " << counts.size() << " words counted -> " << out_path
              << '\n';
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Builds a spelling-suggestion index from a dictionary's word forms"};
    std::string aff;
    std::string forms_path;
    std::string frequencies_path;
    std::string out;
    app.add_option("--aff", aff, "The dictionary's .aff file (its .dic beside it)")->required();
    auto* forms_option =
        app.add_option("--forms", forms_path, "Word forms, one per line (unmunch output)");
    std::string corpus_path;
    std::string language = "en-US";
    auto* corpus_option = app.add_option(
        "--count-words", corpus_path, "Count the accepted words of this plain-text corpus instead");
    forms_option->excludes(corpus_option);
    app.add_option("--language", language, "Language of the corpus, for word segmentation");
    app.add_option("--frequencies", frequencies_path, "JSON array of {word, count}");
    app.add_option("--out", out, "Index file to write")->required();
    std::string extra_path;
    app.add_option("--extra", extra_path,
                   "Further words, one per line ('#' comments), that the toolkit accepts beyond "
                   "the dictionary");
    CLI11_PARSE(app, argc, argv);
    try {
        nuspell::Dictionary dictionary;
        dictionary.load_aff_dic(aff);
        if (!corpus_path.empty()) {
            count_words(dictionary, corpus_path, language, out);
            return 0;
        }
        if (forms_path.empty()) {
            throw std::runtime_error("give --forms or --count-words");
        }
        const auto counts = read_frequencies(frequencies_path);
        std::ifstream in(forms_path);
        if (!in) {
            throw std::runtime_error("cannot read " + forms_path);
        }
        std::vector<atk::spell::SuggestionIndex::Form> forms;
        std::size_t read = 0;
        for (std::string line; std::getline(in, line);) {
            ++read;
            const auto end = line.find_first_of(" \t\r/");
            line = line.substr(0, end);
            if (line.empty() || atk::text::find_invalid_utf8(line) || !dictionary.spell(line)) {
                continue;
            }
            const auto count = counts.find(atk::spell::fold(line));
            forms.push_back({line, count == counts.end() ? 0.0 : count->second});
        }
        const std::size_t from_dictionary = forms.size();
        if (!extra_path.empty()) {
            std::ifstream extra(extra_path);
            if (!extra) {
                throw std::runtime_error("cannot read " + extra_path);
            }
            for (std::string line; std::getline(extra, line);) {
                if (!line.empty() && line.front() != '#') {
                    const auto count = counts.find(atk::spell::fold(line));
                    // Terms of the trade missing from the frequency list are taken as moderately
                    // rare.
                    forms.push_back({line, count == counts.end() ? 20.0 : count->second});
                }
            }
        }
        atk::spell::SuggestionIndex::write(forms, out);
        std::cout << "build-spelling-index: " << from_dictionary << " of " << read
                  << " dictionary forms and " << forms.size() - from_dictionary
                  << " extra words -> " << out << '\n';
    } catch (const std::exception& e) {
        std::cerr << "build-spelling-index: error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
