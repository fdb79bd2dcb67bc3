#pragma once
// Form-encoded parameters ("a=1&b=x%20y", '+' for a space), of a body or a query string.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace atk::server {

/// `raw` with its %-escapes and '+' decoded. Throws std::invalid_argument on a bad escape.
std::string percent_decode(std::string_view raw);

/// The parameters of `encoded`, decoded; the first of a repeated name wins. Throws
/// std::invalid_argument on a bad %-escape.
std::map<std::string, std::string> form_parameters(std::string_view encoded);

/// The query string of `target` ("/path?a=1" -> "a=1"), empty when it has none.
std::string_view query_of(std::string_view target);

/// The value of query parameter `name` in `target` ("/path?a=1&b=x%20y"), decoded; nullopt
/// when absent. Throws std::invalid_argument on a bad escape.
std::optional<std::string> query_parameter(std::string_view target, std::string_view name);

} // namespace atk::server
