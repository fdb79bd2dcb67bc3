#pragma once
// Where the binary finds its data: ATK_DATA_DIR, else <binary's folder>/../share/analyst-toolkit
// (the layout of both the build tree and an installation); Apertium's modes from
// ATK_APERTIUM_MODES when set; its warnings go to standard error.
#include "check.hpp"

namespace atk::cli {

CheckerConfig checker_config();

} // namespace atk::cli
