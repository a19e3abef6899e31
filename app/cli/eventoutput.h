#pragma once

#include "result.h"

#include <QtGlobal>

class QObject;

namespace SockPlay {
class CaptureFile;
struct Event;
class EventLog;
class LifecycleTracker;
struct LifecycleStep;
}

namespace SockPlay::Cli {

class CliOptions;

/// What every subcommand does with the log's events: --capture FILE keeps
/// them, --json prints each as a JSON line on stdout, -v describes each on
/// stderr and ends with the log's totals, --lifecycle prints each step of the
/// socket API on stderr as it lights ("[server] listen(): ..."). One place,
/// so that tcp-listen and run write the same captures and lines.
class EventOutput final
{
public:
    /// Declares --capture and --lifecycle (--json and -v are every command's already).
    static void addOptions(CliOptions &options);

    /// Reads the options; a --capture file is created (its header written)
    /// now, before anything starts: a failure is a usage error. parent owns the file.
    Result open(const CliOptions &options, QObject *parent);
    /// Whether anything reads events (the log skips building them otherwise).
    bool wantsEvents() const { return m_json || m_verbose || m_capture || m_lifecycle; }
    /// The capture file, if any (for its failedWriting signal).
    CaptureFile *capture() const { return m_capture; }

    void write(const SockPlay::Event &event);
    /// Every event is in: closes the capture; -v prints the log's totals.
    void finish(const EventLog *log);

private:
    void writeStep(int endpointId, int connectionId, const SockPlay::LifecycleStep &step);

    bool m_json = false;
    bool m_verbose = false;
    CaptureFile *m_capture = nullptr;
    LifecycleTracker *m_lifecycle = nullptr;
    // The last step printed: a client's connection and its main row light
    // the same call from the same event, said once.
    quint64 m_lastSequence = 0;
    int m_lastCall = -1;
};

} // namespace SockPlay::Cli
