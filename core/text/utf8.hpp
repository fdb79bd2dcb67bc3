#pragma once
// UTF-8 validation and the small code-point helpers the text pipeline shares.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atk::text {

/// Byte offset of the first byte that does not start a well-formed UTF-8 sequence
/// (overlong forms, surrogates and code points above U+10FFFF count as ill-formed),
/// or nullopt when the whole input is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

/// Number of UTF-16 code units needed for the valid UTF-8 `bytes`.
std::size_t utf16_length(std::string_view bytes);

/// The byte offset in valid UTF-8 `text` of the code point that starts `units` UTF-16 code
/// units into it (text.size() for all of them); nullopt when `units` is past the end or falls
/// between the two halves of a surrogate pair.
std::optional<std::size_t> byte_offset_of_utf16(std::string_view text, std::size_t units);

/// The code point starting at byte `pos` of valid UTF-8 `text`; advances `pos` past it.
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// The code point ending just before byte `pos` of valid UTF-8 `text`; moves `pos` to its start.
char32_t previous_code_point(std::string_view text, std::size_t& pos);

/// Appends code point `c` to `out` in UTF-8.
void append_utf8(std::string& out, char32_t c);

/// The code points of valid UTF-8 `text`, and back.
std::u32string to_code_points(std::string_view text);
std::string to_utf8(std::u32string_view code_points);

/// `text` with combining marks removed after canonical decomposition (café -> cafe,
/// naïve -> naive); other characters are kept. Precondition: valid UTF-8.
std::string without_diacritics(std::string_view text);

/// True when `text` has a byte outside ASCII.
bool has_non_ascii(std::string_view text);

} // namespace atk::text
