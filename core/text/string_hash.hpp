#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace atk::text {

/// A hash that lets unordered containers of std::string be searched with a string_view,
/// without building a string (use with std::equal_to<>).
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

} // namespace atk::text
