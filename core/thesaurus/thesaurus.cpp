#include "thesaurus/thesaurus.hpp"

#include "error.hpp"
#include "text/casing.hpp"

#include <algorithm>
#include <cstdio> // mythes.hxx uses FILE without including it
#include <mythes.hxx>

namespace atk::thesaurus {
namespace {

/// "fast (similar term)" -> {"fast", "similar term"}.
Synonym parse_synonym(std::string_view entry) {
    if (entry.size() > 2 && entry.back() == ')') {
        const auto open = entry.rfind(" (");
        if (open != std::string_view::npos) {
            return {std::string(entry.substr(0, open)),
                    std::string(entry.substr(open + 2, entry.size() - open - 3))};
        }
    }
    return {std::string(entry), ""};
}

/// "(adj) speedy" -> "adj".
std::string part_of_speech(std::string_view definition) {
    if (definition.empty() || definition.front() != '(') {
        return "";
    }
    const auto close = definition.find(')');
    return close == std::string_view::npos ? "" : std::string(definition.substr(1, close - 1));
}

} // namespace

Thesaurus::Thesaurus(const std::filesystem::path& stem) {
    const auto index = std::filesystem::path(stem).concat(".idx");
    const auto data = std::filesystem::path(stem).concat(".dat");
    std::error_code error;
    if (!std::filesystem::is_regular_file(index, error) ||
        !std::filesystem::is_regular_file(data, error)) {
        throw InputError("thesaurus " + stem.string() + ".idx/.dat is missing; run make deps");
    }
    mythes_ = std::make_unique<MyThes>(index.c_str(), data.c_str());
    const char* encoding = mythes_->get_th_encoding();
    if (encoding == nullptr || std::string_view(encoding) != "UTF-8") {
        throw InputError("thesaurus " + data.string() + " is not UTF-8; reinstall it (make deps)");
    }
}

Thesaurus::~Thesaurus() = default;

std::vector<Meaning> Thesaurus::lookup(std::string_view word) const {
    std::vector<Meaning> meanings;
    const std::string lower = text::to_lower(word);
    const std::lock_guard lock(mutex_);
    for (const std::string& key : {std::string(word), lower}) {
        mentry* entries = nullptr;
        const int count = mythes_->Lookup(key.c_str(), static_cast<int>(key.size()), &entries);
        for (int i = 0; i < count; ++i) {
            Meaning meaning{part_of_speech(entries[i].defn ? entries[i].defn : ""), {}};
            for (int j = 0; j < entries[i].count; ++j) {
                meaning.synonyms.push_back(parse_synonym(entries[i].psyns[j]));
            }
            meanings.push_back(std::move(meaning));
        }
        mythes_->CleanUpAfterLookup(&entries, count);
        if (!meanings.empty() || key == lower) {
            break;
        }
    }
    return meanings;
}

std::vector<std::filesystem::path> default_thesaurus_directories() {
    return {"/usr/share/mythes"};
}

std::filesystem::path find_thesaurus(const std::string& dictionary,
                                     const std::vector<std::filesystem::path>& directories) {
    const std::string family = dictionary.substr(0, dictionary.find('_'));
    std::error_code error;
    for (const auto& directory : directories) {
        const auto own = directory / ("th_" + dictionary + "_v2");
        if (std::filesystem::is_regular_file(std::filesystem::path(own).concat(".dat"), error)) {
            return own;
        }
    }
    std::vector<std::filesystem::path> relatives;
    for (const auto& directory : directories) {
        for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind("th_" + family + "_", 0) == 0 && entry.path().extension() == ".dat") {
                relatives.push_back(std::filesystem::path(entry.path()).replace_extension());
            }
        }
    }
    std::sort(relatives.begin(), relatives.end());
    return relatives.empty() ? std::filesystem::path() : relatives.front();
}

} // namespace atk::thesaurus
