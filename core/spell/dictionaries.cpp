#include "spell/dictionaries.hpp"

#include "error.hpp"

#include <fstream>
#include <nuspell/dictionary.hxx>
#include <sstream>

namespace atk::spell {
namespace {

/// Loads a dictionary with Hunspell's n-gram suggestion pass switched off (MAXNGRAMSUGS 0
/// appended to the affix file, where the last setting wins). That pass scans the whole word
/// list for every misspelling: about 40 ms a word against 1 ms for the edit-based passes,
/// measured on en_US. Spell checking itself is unaffected.
void load_without_ngram_suggestions(nuspell::Dictionary& dictionary,
                                    const std::filesystem::path& aff_path) {
    std::ifstream aff_file(aff_path, std::ios::binary);
    std::ifstream dic_file(std::filesystem::path(aff_path).replace_extension(".dic"),
                           std::ios::binary);
    if (!aff_file || !dic_file) {
        throw std::runtime_error("cannot open the .aff or .dic file");
    }
    std::stringstream aff;
    aff << aff_file.rdbuf() << "\nMAXNGRAMSUGS 0\n";
    dictionary.load_aff_dic(aff, dic_file);
}

/// The .aff file of `language` in the first of `directories` that holds its .aff and .dic,
/// or an empty path.
std::filesystem::path find_aff(const std::vector<std::filesystem::path>& directories,
                               const Language& language) {
    for (const auto& directory : directories) {
        auto aff = directory / (language.dictionary + ".aff");
        std::error_code ignored;
        if (std::filesystem::exists(aff, ignored) &&
            std::filesystem::exists(directory / (language.dictionary + ".dic"), ignored)) {
            return aff;
        }
    }
    return {};
}

} // namespace

DictionaryCatalog::DictionaryCatalog(std::vector<std::filesystem::path> directories,
                                     std::filesystem::path data_directory)
    : directories_(std::move(directories)), data_directory_(std::move(data_directory)) {
    for (const Language& language : known_languages()) {
        slots_[language.code].aff =
            find_aff(directories_, language); // the map never changes shape after this
    }
}

DictionaryCatalog::~DictionaryCatalog() = default;

std::vector<Language> DictionaryCatalog::installed() const {
    std::vector<Language> out;
    for (const Language& language : known_languages()) {
        if (!slots_.at(language.code).aff.empty()) {
            out.push_back(language);
        }
    }
    return out;
}

const nuspell::Dictionary& DictionaryCatalog::get(const Language& language) const {
    Slot& slot = slots_.at(language.code);
    std::call_once(slot.once, [&] {
        const auto& aff = slot.aff;
        if (aff.empty()) {
            slot.error = "no dictionary for " + language.code + " (" + language.dictionary +
                         ".aff/.dic) is installed; install it (make deps) or choose another "
                         "language (analyst-toolkit languages)";
            return;
        }
        try {
            auto dictionary = std::make_unique<nuspell::Dictionary>();
            load_without_ngram_suggestions(*dictionary, aff);
            const auto index_path = data_directory_ / "spelling" / (language.code + ".index");
            std::error_code ignored;
            if (std::filesystem::exists(index_path, ignored)) {
                slot.index = SuggestionIndex::open(index_path);
            }
            const auto counts_path = data_directory_ / "spelling" / (language.code + ".counts");
            if (std::filesystem::exists(counts_path, ignored)) {
                slot.counts = std::make_unique<WordCounts>(WordCounts::load(counts_path));
            }
            slot.dictionary = std::move(dictionary);
            slot.ready = true;
        } catch (const InputError& e) {
            slot.error = e.what();
        } catch (const std::exception& e) {
            slot.error = "the " + language.code + " dictionary " + aff.string() +
                         " failed to load: " + e.what() + "; reinstall it (make deps)";
        }
    });
    if (!slot.dictionary) {
        throw InputError(slot.error);
    }
    return *slot.dictionary;
}

const SuggestionIndex* DictionaryCatalog::index(const Language& language) const {
    get(language);
    return slots_.at(language.code).index.get();
}

const WordCounts* DictionaryCatalog::counts(const Language& language) const {
    get(language);
    return slots_.at(language.code).counts.get();
}

bool DictionaryCatalog::loaded(const Language& language) const {
    return slots_.at(language.code).ready;
}

std::vector<std::filesystem::path> default_dictionary_directories() {
    return {"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"};
}

} // namespace atk::spell
