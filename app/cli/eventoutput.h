#pragma once

#include "result.h"

class QObject;

namespace SockPlay {
struct Event;
class EventLog;
}

namespace SockPlay::Cli {

class CaptureFile;
class CliOptions;

/// What every subcommand does with the log's events: --capture FILE keeps
/// them, --json prints each as a JSON line on stdout, -v describes each on
/// stderr and ends with the log's totals. One place, so that tcp-listen and
/// run write the same captures and lines.
class EventOutput final
{
public:
    /// Declares --capture (--json and -v are every command's already).
    static void addOptions(CliOptions &options);

    /// Reads the options; a --capture file is created (its header written)
    /// now, before anything starts: a failure is a usage error. parent owns the file.
    Result open(const CliOptions &options, QObject *parent);
    /// Whether anything reads events (the log skips building them otherwise).
    bool wantsEvents() const { return m_json || m_verbose || m_capture; }
    /// The capture file, if any (for its failedWriting signal).
    CaptureFile *capture() const { return m_capture; }

    void write(const SockPlay::Event &event);
    /// Every event is in: closes the capture; -v prints the log's totals.
    void finish(const EventLog *log);

private:
    bool m_json = false;
    bool m_verbose = false;
    CaptureFile *m_capture = nullptr;
};

} // namespace SockPlay::Cli
