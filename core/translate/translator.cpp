#include "translate/translator.hpp"

#include "error.hpp"
#include "text/utf8.hpp"
#include "translate/pipeline.hpp"
#include "translate/pipeline_pool.hpp"
#include "translate/stream_format.hpp"

#include <algorithm>
#include <optional>
#include <thread>
#include <tuple>

namespace atk::translate {

/// The pipelines of one direction: a pool whose failures are TranslationUnavailable.
class Translator::ModePool {
  public:
    ModePool(std::vector<std::vector<std::string>> stages, std::size_t limit)
        : pool_(std::move(stages), limit) {}

    std::string translate(const std::string& stream, std::chrono::milliseconds timeout) {
        try {
            return pool_.run(stream, timeout);
        } catch (const PipelineError& error) {
            throw TranslationUnavailable(error.what());
        }
    }

    /// Starts one pipeline now if none runs.
    void warm_up() {
        try {
            pool_.warm_up();
        } catch (const PipelineError& error) {
            throw TranslationUnavailable(error.what());
        }
    }

  private:
    PipelinePool pool_;
};

namespace {

/// The language of a code: "en-US" -> "en", "eng" -> "en".
std::string language_of(const std::string& code) {
    std::string language = code.substr(0, code.find_first_of("-_"));
    std::transform(language.begin(), language.end(), language.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return two_letter_code(language);
}

/// The language a two-mode route passes through.
std::string find_pivot(const Pair& pair, const std::vector<Mode>& modes) {
    const auto mode = std::find_if(modes.begin(), modes.end(),
                                   [&](const Mode& m) { return m.name == pair.route[0]; });
    return mode != modes.end() ? mode->target : std::string();
}

/// Spanish is the hub of Apertium's best-kept pairs: pivot through it where it can, then
/// through the other languages in order.
bool better_pivot(const std::string& candidate, const std::string& current) {
    return candidate == "es" && current != "es";
}

/// Direct pairs, then every pair through one pivot that no direct pair serves.
std::vector<Pair> pairs_of(const std::vector<Mode>& modes) {
    std::vector<Pair> pairs;
    for (const auto& mode : modes) {
        pairs.push_back({mode.source, mode.target, {mode.name}});
    }
    const std::size_t direct = pairs.size();
    const auto find = [&](const std::string& source, const std::string& target) {
        return std::find_if(pairs.begin(), pairs.end(), [&](const Pair& pair) {
            return pair.source == source && pair.target == target;
        });
    };
    for (std::size_t first = 0; first < direct; ++first) {
        for (std::size_t second = 0; second < direct; ++second) {
            const Pair a = pairs[first];
            const Pair b = pairs[second];
            if (a.target != b.source || a.source == b.target) {
                continue;
            }
            const auto served = find(a.source, b.target);
            if (served == pairs.end()) {
                pairs.push_back({a.source, b.target, {a.route[0], b.route[0]}});
            } else if (served->route.size() == 2 &&
                       better_pivot(a.target, find_pivot(*served, modes))) {
                served->route = {a.route[0], b.route[0]};
            }
        }
    }
    const auto by_languages = [](const Pair& a, const Pair& b) {
        return std::tie(a.source, a.target) < std::tie(b.source, b.target);
    };
    std::sort(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(direct), by_languages);
    std::sort(pairs.begin() + static_cast<std::ptrdiff_t>(direct), pairs.end(), by_languages);
    return pairs;
}

/// Adds to `words` those of `more` it does not have yet, in order.
void add_unknown(std::vector<std::string>& words, const std::vector<std::string>& more) {
    for (const auto& word : more) {
        if (std::find(words.begin(), words.end(), word) == words.end()) {
            words.push_back(word);
        }
    }
}

std::string pair_list(const std::vector<Pair>& pairs) {
    std::string list;
    for (const auto& pair : pairs) {
        list += (list.empty() ? "" : ", ") + pair.source + "->" + pair.target;
    }
    return list.empty() ? "none (install Apertium's language pairs: make deps)" : list;
}

} // namespace

Translator::Translator(TranslatorConfig config)
    : config_(std::move(config)), cache_(config_.cache) {
    const std::size_t limit = config_.pipelines_per_mode != 0
                                  ? config_.pipelines_per_mode
                                  : std::max<std::size_t>(1, std::thread::hardware_concurrency());
    const auto modes = discover_modes(config_.modes_directory);
    for (const auto& mode : modes) {
        const std::string command = null_flush_command(mode);
        // $1 is the generator's option: -n writes no marks, -g marks unknown words with *
        // (what `apertium -u` and `apertium` run).
        auto unmarked = parse_pipeline(command, "-n", "");
        auto marked = parse_pipeline(command, "-g", "");
        if (unmarked.size() < 2) {
            throw InputError("the Apertium mode " + mode.file.string() +
                             " has a single stage; reinstall its package (make deps)");
        }
        Direction direction;
        direction.analyser = std::make_unique<ModePool>(
            std::vector<std::vector<std::string>>{unmarked.front()}, limit);
        unmarked.erase(unmarked.begin());
        marked.erase(marked.begin());
        direction.unmarked = std::make_unique<ModePool>(std::move(unmarked), limit);
        direction.marked = std::make_unique<ModePool>(std::move(marked), limit);
        directions_.emplace(mode.name, std::move(direction));
    }
    pairs_ = pairs_of(modes);
}

Translator::~Translator() = default;

const Pair& Translator::find_pair(const std::string& source, const std::string& target) const {
    const std::string from = language_of(source);
    const std::string to = language_of(target);
    const auto found = std::find_if(pairs_.begin(), pairs_.end(), [&](const Pair& pair) {
        return pair.source == from && pair.target == to;
    });
    if (found == pairs_.end()) {
        throw InputError("no translation from '" + source + "' to '" + target +
                         "'; the pairs are: " + pair_list(pairs_));
    }
    return *found;
}

std::chrono::milliseconds Translator::timeout_for(const std::string& stream) const {
    return config_.timeout + std::chrono::milliseconds(stream.size() / 10);
}

Translation Translator::translate(std::string_view text, const TranslateOptions& options) const {
    if (const auto bad = text::find_invalid_utf8(text)) {
        throw InputError("invalid UTF-8 at byte " + std::to_string(*bad) +
                         "; send the text as UTF-8");
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        throw InputError("the text holds a NUL byte at offset " + std::to_string(nul) +
                         "; send text, not binary data");
    }
    const Pair& pair = find_pair(options.source, options.target);
    Translation result;
    result.route = pair.route;
    if (text.empty()) {
        return result;
    }
    const Stream source = options.format == Format::markdown ? deformat_markdown(text, options.keep)
                          : options.format == Format::html   ? deformat_html(text, options.keep)
                                                             : deformat_text(text, options.keep);
    std::string stream;
    if (config_.cache == 0) {
        RouteResult route = run_route(pair, source.text, options.mark_unknown);
        for (const auto& analysis : route.analyses) {
            add_unknown(result.unknown_words, unknown_words(analysis));
        }
        stream = std::move(route.stream);
    } else {
        stream = translate_pieces(pair, source.text, options.mark_unknown, result.unknown_words);
    }
    result.text = reformat(stream, source.hidden);
    return result;
}

Translator::RouteResult Translator::run_route(const Pair& pair, const std::string& stream,
                                              bool marks) const {
    RouteResult result{stream, {}};
    for (std::size_t hop = 0; hop < pair.route.size(); ++hop) {
        const Direction& direction = directions_.at(pair.route[hop]);
        const bool last = hop + 1 == pair.route.size();
        result.analyses.push_back(
            direction.analyser->translate(result.stream, timeout_for(result.stream)));
        const std::string& analysis = result.analyses.back();
        result.stream = (last && marks ? direction.marked : direction.unmarked)
                            ->translate(analysis, timeout_for(analysis));
    }
    return result;
}

std::string Translator::translate_pieces(const Pair& pair, const std::string& stream, bool marks,
                                         std::vector<std::string>& unknown) const {
    const auto pieces = cut_at_sentence_ends(stream);
    std::string prefix;
    for (const auto& mode : pair.route) {
        prefix += mode + "+";
    }
    prefix += marks ? "*\n" : "\n";
    std::vector<std::string> keys;
    std::vector<std::optional<CachedPiece>> found;
    std::vector<std::size_t> missing;
    std::string message;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const auto base = static_cast<long>(first_hidden(pieces[i]));
        keys.push_back(prefix + shift_hidden(pieces[i], -base));
        found.push_back(cache_.find(keys.back()));
        if (found.back()) {
            ++pieces_from_cache_;
        } else {
            missing.push_back(i);
            message += pieces[i];
        }
    }
    if (!missing.empty()) {
        const RouteResult route = run_route(pair, message, marks);
        const auto translated = cut_at_sentence_ends(route.stream);
        std::vector<std::vector<std::string_view>> analyses;
        for (const auto& analysis : route.analyses) {
            analyses.push_back(cut_at_sentence_ends(analysis));
        }
        const bool one_for_one =
            translated.size() == missing.size() &&
            std::all_of(analyses.begin(), analyses.end(),
                        [&](const auto& cut) { return cut.size() == missing.size(); });
        if (!one_for_one) { // the pieces did not come back whole: no cache for this text
            for (const auto& analysis : route.analyses) {
                add_unknown(unknown, unknown_words(analysis));
            }
            return missing.size() == pieces.size() ? route.stream
                                                   : run_route(pair, stream, marks).stream;
        }
        for (std::size_t k = 0; k < missing.size(); ++k) {
            const std::size_t i = missing[k];
            CachedPiece piece{
                shift_hidden(translated[k], -static_cast<long>(first_hidden(pieces[i]))), {}};
            for (const auto& cut : analyses) {
                add_unknown(piece.unknown_words, unknown_words(cut[k]));
            }
            cache_.insert(keys[i], piece);
            found[i] = std::move(piece);
        }
    }
    std::string out;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        out += shift_hidden(found[i]->translation, static_cast<long>(first_hidden(pieces[i])));
        add_unknown(unknown, found[i]->unknown_words);
    }
    return out;
}

void Translator::warm_up(const std::string& source, const std::string& target) const {
    for (const auto& mode : find_pair(source, target).route) {
        directions_.at(mode).analyser->warm_up();
        directions_.at(mode).unmarked->warm_up();
    }
}

} // namespace atk::translate
