#pragma once
// Restoring missing accents (evenement -> événement, developpement -> développement,
// aplicacion -> aplicación): the commonest slip of people typing French or Spanish on a
// keyboard without dead keys.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace atk::spell {

/// The accented letters of a language, grouped by base letter, groups separated by spaces:
/// "eéèêë aàâ ..." (each group starts with the unaccented letter).
using AccentTable = std::string_view;

/// Every way of writing `word` (lower-case letters only are varied) with letters of
/// `accents` in place of their base letters, that `accepts` takes: fewest changes first.
/// Tries at most `max_tries` spellings, so long words cost bounded time.
std::vector<std::string> accent_variants(std::string_view word, AccentTable accents,
                                         const std::function<bool(const std::string&)>& accepts,
                                         std::size_t max_tries = 4096);

} // namespace atk::spell
