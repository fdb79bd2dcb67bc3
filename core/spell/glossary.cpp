#include "spell/glossary.hpp"

#include "error.hpp"
#include "spell/typo_model.hpp"
#include "text/casing.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unicode/uchar.h>

namespace atk::spell {
namespace {

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

/// The forms in which `term` is accepted (see Glossary).
std::vector<std::string> accepted_forms(std::string_view term) {
    std::vector<std::string> forms{std::string(term)};
    if (text::casing_of(term) == text::Casing::lower) {
        forms.push_back(text::capitalise(term));
        forms.push_back(text::to_upper(term));
    }
    return forms;
}

bool is_word_char(std::string_view text, std::size_t pos, bool before) {
    if (before ? pos == 0 : pos >= text.size()) {
        return false;
    }
    const char32_t c =
        before ? text::previous_code_point(text, pos) : text::next_code_point(text, pos);
    return u_isalnum(static_cast<UChar32>(c)) || c == U'_';
}

} // namespace

void Glossary::add(std::string_view raw_term) {
    const std::string_view term = trim(raw_term);
    if (term.empty() || std::find(terms_.begin(), terms_.end(), term) != terms_.end()) {
        return;
    }
    terms_.emplace_back(term);
    const bool phrase = term.find_first_of(" \t") != std::string_view::npos;
    for (auto& form : accepted_forms(term)) {
        if (phrase) {
            phrase_forms_.push_back(std::move(form));
        } else {
            accepted_words_.insert(std::move(form));
        }
    }
}

void Glossary::merge(const Glossary& other) {
    for (const auto& term : other.terms_) {
        add(term);
    }
}

bool Glossary::accepts(std::string_view word) const {
    return accepted_words_.contains(std::string(word));
}

std::vector<text::Span> Glossary::phrase_matches(std::string_view text) const {
    std::vector<text::Span> out;
    for (const auto& phrase : phrase_forms_) {
        for (auto pos = text.find(phrase); pos != std::string_view::npos;
             pos = text.find(phrase, pos + 1)) {
            const std::size_t end = pos + phrase.size();
            if (!is_word_char(text, pos, true) && !is_word_char(text, end, false)) {
                out.push_back({pos, end});
            }
        }
    }
    return out;
}

std::vector<std::string> Glossary::near(std::string_view word, int max_distance) const {
    const std::u32string folded = fold(word);
    std::vector<std::pair<int, std::string>> scored;
    for (const auto& term : terms_) {
        if (term.find(' ') != std::string::npos) {
            continue;
        }
        const std::u32string candidate = fold(term);
        const int limit =
            std::min(max_distance, std::min(folded.size(), candidate.size()) >= 5 ? 2 : 1);
        const int distance = edit_distance(folded, candidate, limit);
        if (distance <= limit && candidate != folded) {
            scored.emplace_back(distance, term);
        }
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    out.reserve(scored.size());
    for (auto& [distance, term] : scored) {
        out.push_back(std::move(term));
    }
    return out;
}

Glossary load_glossary_file(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw InputError("glossary " + path.string() +
                         " is a directory; pass a text file with one term per line");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("cannot read glossary " + path.string() +
                         ": no such file or permission denied; check the path given to --glossary");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string content = buffer.str();
    if (const auto bad = text::find_invalid_utf8(content)) {
        const auto line = 1 + std::count(content.begin(),
                                         content.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        throw InputError("glossary " + path.string() + ":" + std::to_string(line) +
                         ": invalid UTF-8 at byte " + std::to_string(*bad) +
                         "; save the file as UTF-8");
    }
    Glossary glossary;
    std::istringstream lines(content);
    for (std::string line; std::getline(lines, line);) {
        const std::string_view term = trim(line);
        if (!term.empty() && term.front() != '#') {
            glossary.add(term);
        }
    }
    return glossary;
}

} // namespace atk::spell
