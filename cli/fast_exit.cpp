#include "fast_exit.hpp"

#include <cstdlib>
#include <iostream>

namespace atk::cli {

void exit_now(int code) {
    std::cout.flush();
    std::cerr.flush();
#ifdef ATK_FULL_TEARDOWN
    std::exit(code);
#else
    std::_Exit(code);
#endif
}

} // namespace atk::cli
