#pragma once

#include "clioptions.h"

#include <QObject>

namespace SockPlay::Cli {

/// A subcommand as main() runs it: its arguments are parsed on the main
/// thread; then it is moved to the network thread, run() there, and it ends
/// by emitting finished() with the process's exit code. Command (one
/// endpoint: tcp-listen, udp-send, …) and RunCommand (a script) are the two kinds.
class CliCommand : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliCommand)
public:
    static constexpr int ExitDone = 0;
    static constexpr int ExitNetworkError = 1;
    static constexpr int ExitUsage = 2;

    using QObject::QObject;

    /// Parses the arguments that follow the subcommand's name.
    virtual CliOptions::Outcome parse(const QStringList &arguments) = 0;
    virtual QString helpText() const = 0;
    /// Why parse() said UsageError.
    virtual QString usageError() const = 0;
    /// Starts; the command ends by emitting finished() from the event loop.
    virtual void run() = 0;

signals:
    void finished(int exitCode);
};

} // namespace SockPlay::Cli
