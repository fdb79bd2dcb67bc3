#include "server/form.hpp"

#include <cctype>
#include <stdexcept>

namespace atk::server {

std::string percent_decode(std::string_view raw) {
    std::string value;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '+') {
            value += ' ';
        } else if (raw[i] != '%') {
            value += raw[i];
        } else if (i + 2 < raw.size() && std::isxdigit(static_cast<unsigned char>(raw[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
            value += static_cast<char>(std::stoi(std::string(raw.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            throw std::invalid_argument(
                "a '%' in the request is not followed by two hexadecimal digits");
        }
    }
    return value;
}

std::map<std::string, std::string> form_parameters(std::string_view encoded) {
    std::map<std::string, std::string> parameters;
    while (!encoded.empty()) {
        const auto amp = encoded.find('&');
        const std::string_view pair = encoded.substr(0, amp);
        encoded = amp == std::string_view::npos ? std::string_view{} : encoded.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        const auto equals = pair.find('=');
        parameters.try_emplace(
            percent_decode(pair.substr(0, equals)),
            equals == std::string_view::npos ? "" : percent_decode(pair.substr(equals + 1)));
    }
    return parameters;
}

std::string_view query_of(std::string_view target) {
    const auto question = target.find('?');
    return question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
}

std::optional<std::string> query_parameter(std::string_view target, std::string_view name) {
    const auto parameters = form_parameters(query_of(target));
    const auto found = parameters.find(std::string(name));
    if (found == parameters.end()) {
        return std::nullopt;
    }
    return found->second;
}

} // namespace atk::server
