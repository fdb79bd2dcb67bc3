#include "translate/modes.hpp"

#include "error.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace atk::translate {

std::vector<Mode> discover_modes(const std::filesystem::path& directory) {
    static const std::regex plain_pair("([a-z]{2,3})-([a-z]{2,3})");
    std::vector<Mode> modes;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        std::smatch match;
        const std::string stem = entry.path().stem().string();
        if (entry.path().extension() == ".mode" && std::regex_match(stem, match, plain_pair)) {
            modes.push_back(
                {stem, two_letter_code(match[1]), two_letter_code(match[2]), entry.path()});
        }
    }
    std::sort(modes.begin(), modes.end(),
              [](const Mode& a, const Mode& b) { return a.name < b.name; });
    return modes;
}

std::string two_letter_code(const std::string& code) {
    if (code.size() != 3) {
        return code;
    }
    // ICU knows the three-letter form of each two-letter code: turn that table around once.
    static const auto by_three = [] {
        std::map<std::string, std::string> table;
        for (const char* const* two = icu::Locale::getISOLanguages(); *two != nullptr; ++two) {
            const icu::Locale locale(*two);
            table.emplace(locale.getISO3Language(), *two);
        }
        return table;
    }();
    const auto found = by_three.find(code);
    return found != by_three.end() ? found->second : code;
}

std::string language_name(const std::string& code) {
    icu::UnicodeString name;
    icu::Locale(code.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), name);
    std::string out;
    name.toUTF8String(out);
    return out;
}

std::string null_flush_command(const Mode& mode) {
    std::string quoted = "'";
    for (const char c : mode.file.string()) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    quoted += "'";
    const std::string command = "apertium-wblank-mode -z " + quoted + " 2>/dev/null";
    const std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string output;
    if (pipe) {
        char chunk[4096];
        for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, pipe.get())) > 0;) {
            output.append(chunk, n);
        }
    }
    while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) {
        output.pop_back();
    }
    if (output.find("lt-proc") == std::string::npos) {
        throw InputError("cannot read the Apertium mode " + mode.file.string() +
                         " with apertium-wblank-mode; install Apertium (make deps)");
    }
    return output;
}

} // namespace atk::translate
