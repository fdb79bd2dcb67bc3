#pragma once
// The HTTP types the server speaks: Beast's requests and responses with string bodies.
#include <boost/beast/http.hpp>

namespace atk::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

} // namespace atk::server
