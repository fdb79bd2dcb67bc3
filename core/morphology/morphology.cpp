#include "morphology/morphology.hpp"

#include "error.hpp"
#include "translate/modes.hpp"
#include "translate/pipeline.hpp"
#include "translate/stream_format.hpp"

#include <algorithm>

namespace atk::morphology {
namespace {

// Superblanks around the word analysed: every stage passes them through in place, so the
// unit between them in the tagger's output is the word's. User text cannot forge them: its
// brackets reach the pipeline escaped.
constexpr std::string_view kWordStart = "[atk-word]";
constexpr std::string_view kWordEnd = "[atk-word-end]";
/// Ends every message: lt-proc writes a unit only once it has read the character after it,
/// so a message ending with one (^depict<vblex>$ for the generator) would never be answered.
constexpr char kMessageEnd = '\n';

/// `text` without the stream format's backslash escapes.
std::string unescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            ++i;
        }
        out += text[i];
    }
    return out;
}

/// The parts of `text` between unescaped `separator`s (escapes kept).
std::vector<std::string_view> split_unescaped(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == separator) {
            parts.push_back(text.substr(begin, i - begin));
            begin = i + 1;
        }
    }
    parts.push_back(text.substr(begin));
    return parts;
}

/// "take<vblex><pri># out" -> {"take out", {"vblex", "pri"}}; nullopt for a reading the
/// thesaurus cannot use (unknown, joined with '+', or malformed).
std::optional<Reading> parse_reading(std::string_view text) {
    if (text.empty() || text.front() == '*' || split_unescaped(text, '+').size() > 1) {
        return std::nullopt;
    }
    const auto tags_begin = text.find('<');
    Reading reading{unescape(text.substr(0, tags_begin)), {}};
    std::size_t i = tags_begin;
    while (i != std::string_view::npos && i < text.size() && text[i] == '<') {
        const auto close = text.find('>', i);
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        reading.tags.emplace_back(text.substr(i + 1, close - i - 1));
        i = close + 1;
    }
    if (i != std::string_view::npos && i < text.size()) {
        if (text[i] != '#') {
            return std::nullopt;
        }
        reading.lemma += unescape(text.substr(i + 1));
    }
    if (reading.lemma.empty()) {
        return std::nullopt;
    }
    return reading;
}

/// The preferred of `candidates` (each with its partner language): Spanish, then English,
/// then the first (they come sorted by name).
const translate::Mode*
preferred(const std::vector<std::pair<const translate::Mode*, std::string>>& candidates) {
    for (const std::string partner : {"es", "en"}) {
        for (const auto& [mode, language] : candidates) {
            if (language == partner) {
                return mode;
            }
        }
    }
    return candidates.empty() ? nullptr : candidates.front().first;
}

/// The stages of `mode` up to its tagger, the analyser in dictionary case and the tagger
/// giving every reading (chosen first) with the surface form; empty when it has no tagger.
std::vector<std::vector<std::string>> analyser_stages(const translate::Mode& mode) {
    auto stages = translate::parse_pipeline(translate::null_flush_command(mode), "-g", "");
    const auto tagger = std::find_if(stages.begin(), stages.end(), [](const auto& stage) {
        return stage.front() == "apertium-tagger";
    });
    if (tagger == stages.end() || stages.front().front() != "lt-proc") {
        return {};
    }
    tagger->insert(tagger->begin() + 1, {"-f", "-p"});
    stages.erase(tagger + 1, stages.end());
    stages.front().insert(stages.front().begin() + 1, "-w");
    return stages;
}

/// The generator stage of `mode` (lt-proc with the generator's option, -g: unknown forms
/// come out as #lemma); empty when it has none.
std::vector<std::string> generator_stage(const translate::Mode& mode) {
    const auto stages = translate::parse_pipeline(translate::null_flush_command(mode), "-g", "");
    for (const auto& stage : stages) {
        if (stage.front() == "lt-proc" &&
            std::find(stage.begin(), stage.end(), "-g") != stage.end()) {
            return stage;
        }
    }
    return {};
}

/// The mode into `family` to generate with, in the variant of `region` when installed.
std::optional<translate::Mode> generator_mode(const std::vector<translate::Mode>& modes,
                                              const std::string& family,
                                              const std::string& region) {
    std::vector<std::pair<const translate::Mode*, std::string>> into;
    for (const auto& mode : modes) {
        if (mode.target == family) {
            into.emplace_back(&mode, mode.source);
        }
    }
    const translate::Mode* chosen = preferred(into);
    if (chosen == nullptr) {
        return std::nullopt;
    }
    translate::Mode mode = *chosen;
    const auto variant = mode.file.parent_path() / (mode.name + "_" + region + ".mode");
    std::error_code error;
    if (!region.empty() && std::filesystem::is_regular_file(variant, error)) {
        mode.name += "_" + region;
        mode.file = variant;
    }
    return mode;
}

/// `forms` as the generator reads them, one lexical unit per line.
std::string join_stream(const std::vector<Reading>& forms) {
    std::string message;
    for (const auto& form : forms) {
        if (!message.empty()) {
            message += '\n';
        }
        message += '^';
        message += translate::escape_for_stream(form.lemma);
        for (const auto& tag : form.tags) {
            message += "<" + tag + ">";
        }
        message += "$";
    }
    return message + kMessageEnd;
}

} // namespace

LexicalUnit parse_lexical_unit(std::string_view unit) {
    const auto parts = split_unescaped(unit, '/');
    LexicalUnit parsed{unescape(parts.front()), {}};
    for (std::size_t i = 1; i < parts.size(); ++i) {
        if (auto reading = parse_reading(parts[i])) {
            parsed.readings.push_back(std::move(*reading));
        }
    }
    return parsed;
}

std::optional<Modes> find_modes(std::string_view language, const std::filesystem::path& directory,
                                std::string& why) {
    const std::string code(language);
    const std::string family = code.substr(0, code.find('-'));
    const std::string region =
        code.find('-') == std::string::npos ? "" : code.substr(code.find('-') + 1);
    const auto modes = translate::discover_modes(directory);
    std::vector<std::pair<const translate::Mode*, std::string>> from;
    for (const auto& mode : modes) {
        if (mode.source == family) {
            from.emplace_back(&mode, mode.target);
        }
    }
    const translate::Mode* analyser = preferred(from);
    const auto generator = generator_mode(modes, family, region);
    if (analyser == nullptr || !generator) {
        why = "no Apertium pair " + std::string(analyser == nullptr ? "from " : "into ") +
              translate::language_name(family) + " in " + directory.string();
        return std::nullopt;
    }
    try {
        Modes found{analyser->name, generator->name, analyser_stages(*analyser),
                    generator_stage(*generator)};
        if (found.analyser.empty() || found.generator.empty()) {
            why = "the Apertium mode " +
                  (found.analyser.empty() ? analyser->file : generator->file).string() +
                  " has no " + (found.analyser.empty() ? "tagger" : "generator");
            return std::nullopt;
        }
        return found;
    } catch (const InputError& error) {
        why = error.what();
    } catch (const std::invalid_argument& error) {
        why = error.what();
    }
    return std::nullopt;
}

Morphology::Morphology(const Modes& modes, std::chrono::milliseconds timeout, std::size_t pipelines)
    : timeout_(timeout), analyser_(modes.analyser, pipelines),
      generator_({modes.generator}, pipelines) {}

std::vector<Reading> Morphology::analyse(std::string_view sentence, std::size_t begin,
                                         std::size_t end) const {
    std::string message = translate::escape_for_stream(sentence.substr(0, begin));
    message += kWordStart;
    message += translate::escape_for_stream(sentence.substr(begin, end - begin));
    message += kWordEnd;
    message += translate::escape_for_stream(sentence.substr(end));
    message += kMessageEnd;
    std::string tagged;
    try {
        tagged = analyser_.run(message, timeout_);
    } catch (const translate::PipelineError& error) {
        throw MorphologyUnavailable(std::string("the analyser failed: ") + error.what());
    }
    const auto start = tagged.find(kWordStart);
    const auto stop = tagged.find(kWordEnd, start == std::string::npos ? 0 : start);
    if (start == std::string::npos || stop == std::string::npos) {
        throw MorphologyUnavailable("the analyser lost the word's place in its answer");
    }
    const std::string_view word = std::string_view(tagged).substr(start + kWordStart.size(),
                                                                  stop - start - kWordStart.size());
    // One lexical unit, ^...$, and nothing else: a word the analyser cut in two (or joined
    // with its neighbour) has no reading of its own.
    if (word.size() < 2 || word.front() != '^' || word.back() != '$' ||
        split_unescaped(word.substr(1, word.size() - 2), '$').size() > 1) {
        return {};
    }
    return parse_lexical_unit(word.substr(1, word.size() - 2)).readings;
}

std::vector<std::string> Morphology::generated_lines(const std::string& message) const {
    std::string answer;
    try {
        answer = generator_.run(message, timeout_);
    } catch (const translate::PipelineError& error) {
        throw MorphologyUnavailable(std::string("the generator failed: ") + error.what());
    }
    if (answer.ends_with(kMessageEnd)) {
        answer.pop_back();
    }
    std::vector<std::string> lines;
    for (std::size_t begin = 0;;) {
        const auto end = answer.find('\n', begin);
        lines.push_back(answer.substr(begin, end - begin));
        if (end == std::string::npos) {
            return lines;
        }
        begin = end + 1;
    }
}

std::vector<std::optional<std::string>>
Morphology::generate(const std::vector<Reading>& forms) const {
    std::vector<std::optional<std::string>> generated(forms.size());
    std::vector<Reading> sent;
    std::vector<std::size_t> sent_index;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        // One form per line: a lemma with a line break in it would shift every answer after it.
        if (!forms[i].lemma.empty() && forms[i].lemma.find('\n') == std::string::npos) {
            sent.push_back(forms[i]);
            sent_index.push_back(i);
        }
    }
    if (sent.empty()) {
        return generated;
    }
    const auto lines = generated_lines(join_stream(sent));
    if (lines.size() != sent.size()) {
        throw MorphologyUnavailable("the generator answered " + std::to_string(lines.size()) +
                                    " forms for " + std::to_string(sent.size()));
    }
    for (std::size_t k = 0; k < sent.size(); ++k) {
        // -g writes a form it cannot generate as #lemma (or with its tags when it cannot
        // even read them).
        const bool failed = lines[k].empty() || lines[k].find('#') != std::string::npos ||
                            lines[k].find('<') != std::string::npos;
        if (!failed) {
            generated[sent_index[k]] = unescape(lines[k]);
        }
    }
    return generated;
}

} // namespace atk::morphology
