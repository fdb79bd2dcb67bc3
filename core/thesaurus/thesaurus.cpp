#include "thesaurus/thesaurus.hpp"

#include "error.hpp"
#include "text/casing.hpp"

#include <algorithm>
#include <cstdio> // mythes.hxx uses FILE without including it
#include <cstring>
#include <mythes.hxx>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

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

Thesaurus::Thesaurus(const std::filesystem::path& stem) : converter_(nullptr, ucnv_close) {
    const auto index = std::filesystem::path(stem).concat(".idx");
    const auto data = std::filesystem::path(stem).concat(".dat");
    std::error_code error;
    if (!std::filesystem::is_regular_file(index, error) ||
        !std::filesystem::is_regular_file(data, error)) {
        throw InputError("thesaurus " + stem.string() + ".idx/.dat is missing; run make deps");
    }
    mythes_ = std::make_unique<MyThes>(index.c_str(), data.c_str());
    const char* encoding = mythes_->get_th_encoding();
    if (encoding == nullptr) {
        throw InputError("thesaurus " + data.string() +
                         " names no encoding; reinstall it (make deps)");
    }
    if (std::string_view(encoding) != "UTF-8") {
        UErrorCode status = U_ZERO_ERROR;
        converter_.reset(ucnv_open(encoding, &status));
        if (U_SUCCESS(status)) {
            // A word the encoding cannot write is not in the thesaurus: no lookup, rather than
            // one of a word with '?' in its place.
            ucnv_setFromUCallBack(converter_.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr,
                                  nullptr, &status);
        }
        if (U_FAILURE(status)) {
            throw InputError("thesaurus " + data.string() + " is in " + encoding +
                             ", an encoding ICU does not know; reinstall it (make deps)");
        }
    }
}

Thesaurus::~Thesaurus() = default;

std::vector<Meaning> Thesaurus::lookup(std::string_view word) const {
    const std::lock_guard lock(mutex_);
    const std::string lower = text::to_lower(word);
    for (const std::string& key : {std::string(word), lower}) {
        auto meanings = lookup_exact(key);
        if (!meanings.empty() || key == lower) {
            return meanings;
        }
    }
    return {};
}

std::vector<Meaning> Thesaurus::lookup_exact(const std::string& key) const {
    const auto encoded = encode(key);
    if (!encoded || encoded->empty()) {
        return {};
    }
    std::vector<Meaning> meanings;
    mentry* entries = nullptr;
    const int count =
        mythes_->Lookup(encoded->c_str(), static_cast<int>(encoded->size()), &entries);
    for (int i = 0; i < count; ++i) {
        Meaning meaning{part_of_speech(decode(entries[i].defn ? entries[i].defn : "")), {}};
        for (int j = 0; j < entries[i].count; ++j) {
            meaning.synonyms.push_back(parse_synonym(decode(entries[i].psyns[j])));
        }
        meanings.push_back(std::move(meaning));
    }
    mythes_->CleanUpAfterLookup(&entries, count);
    return meanings;
}

std::optional<std::string> Thesaurus::encode(std::string_view utf8) const {
    if (!converter_) {
        return std::string(utf8);
    }
    const auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string out(static_cast<std::size_t>(text.length()) * 4 + 1, '\0');
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetFromUnicode(converter_.get());
    const int32_t length =
        text.extract(out.data(), static_cast<int32_t>(out.size()), converter_.get(), status);
    if (U_FAILURE(status)) {
        return std::nullopt;
    }
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string Thesaurus::decode(const char* text) const {
    if (!converter_) {
        return text;
    }
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetToUnicode(converter_.get());
    const icu::UnicodeString decoded(text, static_cast<int32_t>(std::strlen(text)),
                                     converter_.get(), status);
    std::string out;
    decoded.toUTF8String(out);
    return out;
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
