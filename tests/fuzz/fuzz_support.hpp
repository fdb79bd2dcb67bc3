#pragma once
// What the fuzz targets share: invariant checks that stop the run with a message (a libFuzzer
// finding), the data paths, one Checker per process over the build's data, and the checks on
// offsets and alerts that several targets make.
#include "check.hpp"
#include "error.hpp"
#include "text/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

namespace atk::fuzz {

/// Stops the run when `holds` is false, naming the invariant that broke: libFuzzer saves the
/// input as crash-<sha1>.
inline void require(bool holds, std::string_view invariant, std::string_view detail = {}) {
    if (!holds) {
        std::fprintf(stderr, "\nINVARIANT BROKEN: %.*s\n%.*s\n", static_cast<int>(invariant.size()),
                     invariant.data(), static_cast<int>(detail.size()), detail.data());
        std::fflush(stderr);
        std::abort();
    }
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A directory from the environment variable `variable`, or the one compiled in.
inline std::filesystem::path directory_from(const char* variable, const char* compiled_in) {
    const char* value = std::getenv(variable);
    return value != nullptr && *value != '\0' ? value : compiled_in;
}

/// The release build's data (spelling indexes): ATK_FUZZ_DATA_DIR.
inline std::filesystem::path data_directory() {
    return directory_from("ATK_FUZZ_DATA_DIR", ATK_FUZZ_DATA_DIR);
}

/// The rule files (rules/<language>/*.yml): ATK_FUZZ_RULES_DIR.
inline std::filesystem::path rules_directory() {
    return directory_from("ATK_FUZZ_RULES_DIR", ATK_FUZZ_RULES_DIR);
}

/// The Hunspell dictionaries of English alone (en_US, en_GB), linked into a directory of this
/// process's own: for the targets of the HTTP APIs, whose requests may ask for suggestions in
/// any language. The other languages' suggestions come from Nuspell at about a quarter of a
/// second per word in this build: requests for them would stall the run on code that is not
/// ours. With English alone, asking for another language is a bad request, still parsed.
inline std::filesystem::path english_dictionaries() {
    namespace fs = std::filesystem;
    static const fs::path directory = [] {
        const fs::path path =
            fs::temp_directory_path() / ("atk-fuzz-dictionaries-" + std::to_string(::getpid()));
        fs::create_directories(path);
        for (const char* file : {"en_US.aff", "en_US.dic", "en_GB.aff", "en_GB.dic"}) {
            std::error_code ignored;
            fs::create_symlink(fs::path("/usr/share/hunspell") / file, path / file, ignored);
        }
        return path;
    }();
    // Registered once `directory` is built, so that it runs before `directory` is destroyed.
    static const bool removed_at_exit = std::atexit([] {
                                            std::error_code ignored;
                                            fs::remove_all(english_dictionaries(), ignored);
                                        }) == 0;
    (void)removed_at_exit;
    return directory;
}

enum class Dictionaries { installed, english };

/// A Checker as the server has it: every dictionary's words, suggestion data and rules loaded
/// before the first input, so that no input pays for them. No suggestion cache: an input's
/// answer must not depend on the inputs before it.
inline Checker make_checker(Dictionaries dictionaries) {
    CheckerConfig config;
    if (dictionaries == Dictionaries::english) {
        config.dictionary_directories = {english_dictionaries()};
    }
    config.data_directory = data_directory();
    config.rules_directory = rules_directory();
    config.suggestion_cache = 0;
    return Checker(std::move(config));
}

/// The process's Checker, of `dictionaries` (the first call decides).
inline const Checker& shared_checker(Dictionaries dictionaries = Dictionaries::installed) {
    static const Checker checker(make_checker(dictionaries));
    static const bool loaded = [] {
        for (const auto& language : checker.languages()) {
            checker.preload(language.code);
        }
        return true;
    }();
    (void)loaded;
    return checker;
}

/// True when `offset` is a code-point boundary of the valid UTF-8 `text` (its end included).
inline bool on_code_point_boundary(std::string_view text, std::size_t offset) {
    return offset == text.size() ||
           (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0U) != 0x80U);
}

/// The contract of CheckResult::alerts for a check of `text`: each within the text, on
/// code-point boundaries (what OffsetMap requires), begin <= end, ordered by begin; every
/// alert says which rule it comes from and what is wrong.
inline void require_alerts_within(const CheckResult& result, std::string_view text) {
    std::size_t previous_begin = 0;
    for (const auto& alert : result.alerts) {
        require(alert.begin <= alert.end && alert.end <= text.size(),
                "an alert lies within the text, begin <= end");
        require(on_code_point_boundary(text, alert.begin) &&
                    on_code_point_boundary(text, alert.end),
                "an alert's offsets are code-point boundaries");
        require(alert.begin >= previous_begin, "alerts are ordered by position");
        require(!alert.rule_id.empty() && !alert.message.empty(),
                "an alert names its rule and says what is wrong");
        require(!text::find_invalid_utf8(alert.message).has_value(),
                "an alert's message is valid UTF-8");
        for (const auto& replacement : alert.replacements) {
            require(!text::find_invalid_utf8(replacement).has_value(),
                    "a replacement is valid UTF-8");
        }
        previous_begin = alert.begin;
    }
}

} // namespace atk::fuzz
