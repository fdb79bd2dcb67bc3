#pragma once
// The native API described in OpenAPI 3.1 (server/openapi.json), served at GET /openapi.json
// and tested against the server's real answers.
#include <string_view>

namespace atk::server {

std::string_view openapi_document();

} // namespace atk::server
