#pragma once
#include <CLI/CLI.hpp>

namespace atk::cli {

/// Adds `synonyms`: the senses and synonyms of one or more words, from the language's
/// thesaurus, in the sentence --context when given (--offset: where the word starts in it);
/// exit 1 when a word is unknown to it, 2 on bad input.
void add_synonyms_command(CLI::App& app, int& exit_code);

/// Adds `rules`: the vocabulary and requirements-quality rules of each language, one per line
/// (id, category, severity, on or off by default, where it applies, description).
void add_rules_command(CLI::App& app, int& exit_code);

} // namespace atk::cli
