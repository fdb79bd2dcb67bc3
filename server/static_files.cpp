#include "server/static_files.hpp"

#include "error.hpp"
#include "server/form.hpp"
#include "server/router.hpp"

#include <array>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

namespace atk::server {
namespace {

namespace fs = std::filesystem;

/// `path` (a URL path) with its %-escapes decoded; '+' is itself in a path, not a space.
std::string decode_path(std::string_view path) {
    std::string escaped;
    for (const char c : path) {
        escaped += c == '+' ? std::string_view("%2B") : std::string_view(&c, 1);
    }
    return percent_decode(escaped);
}

/// Whether each segment of `path` ("/assets/app.js") is an ordinary name: none empty in the
/// middle, none "." or "..", none hidden (".env"), no NUL or backslash.
bool plain_segments(std::string_view path) {
    if (path.empty() || path.front() != '/' || path.find('\0') != std::string_view::npos ||
        path.find('\\') != std::string_view::npos) {
        return false;
    }
    std::size_t begin = 1;
    while (begin < path.size()) {
        const std::size_t end = std::min(path.find('/', begin), path.size());
        const std::string_view segment = path.substr(begin, end - begin);
        if (segment.empty() || segment.front() == '.') {
            return false;
        }
        begin = end + 1;
    }
    return true;
}

bool has_extension(std::string_view path) {
    const std::string_view name = path.substr(path.rfind('/') + 1);
    return name.find('.') != std::string_view::npos;
}

/// Paths that belong to the APIs: a miss there is the API's 404, never the page.
bool api_path(std::string_view path) {
    return path.starts_with("/api/") || path.starts_with("/v2/");
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
        throw std::runtime_error("cannot read " + file.string());
    }
    return std::move(content).str();
}

/// A validator that changes whenever the file is replaced: its size and modification time.
std::string entity_tag(const fs::path& file) {
    const auto size = fs::file_size(file);
    const auto modified = fs::last_write_time(file).time_since_epoch();
    std::ostringstream tag;
    tag << "W/\"" << std::hex << size << '-'
        << std::chrono::duration_cast<std::chrono::nanoseconds>(modified).count() << '"';
    return tag.str();
}

bool is_hash_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

/// Whether `hash` looks like a bundler's content hash: base64url characters with a digit or a
/// capital among them, not all digits (so "settings" and "20240115" are not taken for one; a
/// random hash fails this one time in 700).
bool looks_like_hash(std::string_view hash) {
    bool digit_or_capital = false;
    bool all_digits = true;
    for (const char c : hash) {
        if (!is_hash_char(c)) {
            return false;
        }
        const bool digit = c >= '0' && c <= '9';
        digit_or_capital = digit_or_capital || digit || (c >= 'A' && c <= 'Z');
        all_digits = all_digits && digit;
    }
    return digit_or_capital && !all_digits;
}

} // namespace

StaticFiles::StaticFiles(const fs::path& root) {
    std::error_code error;
    root_ = fs::canonical(root, error);
    if (error || !fs::is_directory(root_)) {
        throw InputError("the web UI folder " + root.string() +
                         " does not exist; build the UI (make build) or point --static-dir at "
                         "the folder that holds its index.html");
    }
    if (!fs::is_regular_file(root_ / "index.html")) {
        throw InputError("the web UI folder " + root.string() +
                         " has no index.html; point --static-dir at the UI's build output");
    }
}

std::optional<fs::path> StaticFiles::resolve(std::string_view raw_path) const {
    std::string path;
    try {
        path = decode_path(raw_path);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    if (!plain_segments(path)) {
        return std::nullopt;
    }
    std::error_code error;
    fs::path file = fs::canonical(root_ / fs::path(path).relative_path(), error);
    if (!error && fs::is_directory(file)) {
        file /= "index.html";
    }
    // A symbolic link may point anywhere: what it resolves to must still be inside the root.
    const auto [inside, _] = std::mismatch(root_.begin(), root_.end(), file.begin(), file.end());
    if (error || inside != root_.end() || !fs::is_regular_file(file)) {
        if (has_extension(path) || api_path(path)) {
            return std::nullopt;
        }
        return root_ / "index.html"; // a route of the page, which its own script draws
    }
    return file;
}

std::optional<Response> StaticFiles::answer(const Request& request) const {
    const auto file = resolve(path_of(request));
    if (!file) {
        return std::nullopt;
    }
    try {
        return file_response(request, *file);
    } catch (const std::exception&) {
        return std::nullopt; // vanished or unreadable since resolve: as if absent
    }
}

Response StaticFiles::file_response(const Request& request, const fs::path& file) const {
    const std::string tag = entity_tag(file);
    const std::string name = file.filename().string();
    const bool fresh = request[http::field::if_none_match] == tag;
    Response response{fresh ? http::status::not_modified : http::status::ok, request.version()};
    response.set(http::field::etag, tag);
    response.set(http::field::cache_control,
                 is_hashed_asset(name) ? "public, max-age=31536000, immutable" : "no-cache");
    response.set("Content-Security-Policy", kPageSecurityPolicy);
    response.keep_alive(request.keep_alive());
    if (fresh) {
        return response;
    }
    response.set(http::field::content_type, mime_type(name));
    response.body() = read_file(file);
    response.prepare_payload();
    return response;
}

std::string_view mime_type(std::string_view file_name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".txt", "text/plain; charset=utf-8"},
        {".md", "text/markdown; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".ttf", "font/ttf"},
        {".wasm", "application/wasm"},
    }};
    for (const auto& [extension, type] : kTypes) {
        if (file_name.ends_with(extension)) {
            return type;
        }
    }
    return "application/octet-stream";
}

bool is_hashed_asset(std::string_view file_name) {
    // Vite (Rollup) names its output name-HASH.ext with an 8-character base64url hash, which
    // may itself hold '-' or '_': the hash is the 8 characters before the extension.
    constexpr std::size_t kHashLength = 8;
    const std::size_t extension = file_name.rfind('.');
    if (extension == std::string_view::npos || extension < kHashLength + 1) {
        return false;
    }
    const char separator = file_name[extension - kHashLength - 1];
    return (separator == '-' || separator == '.') &&
           looks_like_hash(file_name.substr(extension - kHashLength, kHashLength));
}

} // namespace atk::server
