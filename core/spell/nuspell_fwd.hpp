#pragma once
// Declares Nuspell's dictionary for headers that only pass it by reference.

namespace nuspell {
inline namespace v5 {
class Dictionary;
}
} // namespace nuspell
