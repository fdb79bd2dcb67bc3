#pragma once
// The built web UI, served from a folder: GET and HEAD of its files with their MIME types,
// long caching for content-hashed assets, revalidation (ETag) for the rest, the page's own
// content security policy, and index.html for the page's routes (a single-page app).
#include "server/http.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace atk::server {

class StaticFiles {
  public:
    /// Serves the files under `root`. Throws atk::InputError, saying what to do, when `root`
    /// is not a folder holding index.html.
    explicit StaticFiles(const std::filesystem::path& root);

    /// The answer to a GET or HEAD of `request`'s path: the file, 304 when the client's copy
    /// is current, or index.html for a path that names no file and has no extension (a route
    /// of the page). Nothing when no file answers it, nor for paths that try to leave the
    /// folder or reach a hidden file.
    std::optional<Response> answer(const Request& request) const;

    const std::filesystem::path& root() const { return root_; }

  private:
    std::optional<std::filesystem::path> resolve(std::string_view path) const;
    Response file_response(const Request& request, const std::filesystem::path& file) const;

    std::filesystem::path root_; ///< canonical
};

/// The Content-Type for a file name's extension ("application/octet-stream" when unknown).
std::string_view mime_type(std::string_view file_name);

/// Whether `file_name` carries a content hash, as the bundler names its output
/// ("index-4f3a9c2b.js", "logo.Bx1_9a-Q.svg"): such a file never changes, so browsers and
/// CDNs may keep it for a year.
bool is_hashed_asset(std::string_view file_name);

/// The UI page's policy: its own scripts, images and fonts, API calls to its own origin,
/// nothing framed, no plug-ins. Styles may also be inline: the editor (CodeMirror) writes its
/// style sheets at run time, and the same build is served from S3 and CloudFront, where no
/// per-response nonce can be given; scripts, what an injection would need, stay 'self' only.
inline constexpr std::string_view kPageSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

} // namespace atk::server
