#pragma once
#include <stdexcept>

namespace atk {

/// The one exception type core throws at its public boundary: the input (a file, a language
/// code, a configuration) cannot be used. `what()` is a complete sentence for the user:
/// what is wrong and what to do about it.
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

} // namespace atk
