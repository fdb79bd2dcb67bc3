#include "spell/word_counts.hpp"

#include "error.hpp"

#include <charconv>
#include <fstream>

namespace atk::spell {

WordCounts WordCounts::load(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        throw InputError("word counts " + path.string() +
                         " cannot be read; rebuild them (make build)");
    }
    WordCounts counts;
    std::size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        const auto tab = line.find('\t');
        std::size_t count = 0;
        const char* end = line.data() + line.size();
        if (tab == std::string::npos || tab == 0 ||
            std::from_chars(line.data() + tab + 1, end, count).ptr != end) {
            throw InputError("word counts " + path.string() + ":" + std::to_string(line_number) +
                             ": expected WORD<TAB>COUNT; rebuild them (make build)");
        }
        counts.counts_[line.substr(0, tab)] += count;
    }
    return counts;
}

std::size_t WordCounts::count(std::string_view word) const {
    const auto found = counts_.find(word);
    return found == counts_.end() ? 0 : found->second;
}

} // namespace atk::spell
