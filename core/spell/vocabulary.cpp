#include "spell/vocabulary.hpp"

#include <sstream>

namespace atk::spell {

// Generated from vocabulary/<language>.txt by CMake (see core/CMakeLists.txt).
extern const char* const kEnglishVocabulary;

namespace {

Glossary parse(const char* list) {
    Glossary glossary;
    std::istringstream lines(list);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.front() != '#') {
            glossary.add(line);
        }
    }
    return glossary;
}

} // namespace

const Glossary& builtin_vocabulary(const Language& language) {
    static const Glossary english = parse(kEnglishVocabulary);
    static const Glossary none;
    return language.code.starts_with("en") ? english : none;
}

} // namespace atk::spell
