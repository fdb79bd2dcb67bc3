#include "spell/glossary.hpp"

#include "error.hpp"
#include "text/utf8.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace atk::spell {
namespace {

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::u32string code_points(std::string_view utf8) {
    std::u32string out;
    for (std::size_t pos = 0; pos < utf8.size();) {
        out += static_cast<char32_t>(u_foldCase(
            static_cast<UChar32>(text::next_code_point(utf8, pos)), U_FOLD_CASE_DEFAULT));
    }
    return out;
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

bool has_upper(std::string_view term) {
    for (std::size_t pos = 0; pos < term.size();) {
        if (u_isupper(static_cast<UChar32>(text::next_code_point(term, pos)))) {
            return true;
        }
    }
    return false;
}

/// The forms in which `term` is accepted (see Glossary).
std::vector<std::string> accepted_forms(std::string_view term) {
    std::vector<std::string> forms{std::string(term)};
    if (!has_upper(term)) {
        const auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(term.data(), static_cast<int32_t>(term.size())));
        std::string capitalised;
        std::string upper;
        icu::UnicodeString first = unicode.tempSubString(0, unicode.moveIndex32(0, 1));
        (first.toUpper() + unicode.tempSubString(unicode.moveIndex32(0, 1))).toUTF8String(capitalised);
        icu::UnicodeString(unicode).toUpper().toUTF8String(upper);
        forms.push_back(capitalised);
        forms.push_back(upper);
    }
    return forms;
}

bool is_word_char(std::string_view text, std::size_t pos, bool before) {
    if (before ? pos == 0 : pos >= text.size()) {
        return false;
    }
    const char32_t c = before ? text::previous_code_point(text, pos) : text::next_code_point(text, pos);
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

std::vector<std::string> Glossary::near(std::string_view word) const {
    const std::u32string folded = code_points(word);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& term : terms_) {
        if (term.find(' ') != std::string::npos) {
            continue;
        }
        const std::u32string candidate = code_points(term);
        const std::size_t limit = std::min(folded.size(), candidate.size()) >= 5 ? 2 : 1;
        const std::size_t distance = edit_distance(folded, candidate);
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
        throw InputError("glossary " + path.string() + " is a directory; pass a text file with one term per line");
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
        const auto line = 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        throw InputError("glossary " + path.string() + ":" + std::to_string(line) +
                         ": invalid UTF-8 at byte " + std::to_string(*bad) + "; save the file as UTF-8");
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
