#pragma once
// Built-in vocabulary: everyday terms of the trade that dictionaries lack, per language.
// The lists are data files (core/spell/vocabulary/<language>.txt) compiled into the binary.
#include "spell/glossary.hpp"
#include "spell/languages.hpp"

namespace atk::spell {

/// The built-in vocabulary for `language` (empty when there is none). Built once; shared.
const Glossary& builtin_vocabulary(const Language& language);

} // namespace atk::spell
