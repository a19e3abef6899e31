#pragma once

#include "clioptions.h"
#include "serialspec.h"

namespace SockPlay::Cli::SerialOptions {

// A serial line's settings as options, declared and read in one place for
// `serial` and `code … serial-port`: --baud, --mode or --data-bits/--parity/
// --stop-bits, --flow, --dtr, --rts.

/// Declares them.
void declare(CliOptions &options);
/// The names declare() adds, without the dashes.
QStringList names();
/// Reads them into spec (its device is the caller's); a bad value is a
/// usage error naming the option. --baud is required.
void read(CliOptions &options, SerialSpec *spec);

} // namespace SockPlay::Cli::SerialOptions
