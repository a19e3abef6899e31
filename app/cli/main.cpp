// sockplay-cli: the socket playground's endpoints from a terminal, the way a
// netcat user expects them. One QCommandLineParser per subcommand; this file
// only picks the subcommand, runs it, and turns its outcome into an exit code.

#include "command.h"
#include "console.h"
#include "networkthread.h"
#include "subcommands.h"
#include "version.h"

#include <QAbstractEventDispatcher>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>

using namespace SockPlay::Cli;

namespace {

QString topLevelHelp()
{
    QString description =
        QStringLiteral("Talk TCP and UDP from a terminal, through the same endpoints as the "
                       "SockPlay window.\n\nCommands:\n");
    for (const Subcommand &subcommand : subcommands())
        description += QStringLiteral("  %1  %2\n").arg(subcommand.name, -12).arg(subcommand.summary);
    description +=
        QStringLiteral("\nRun 'sockplay-cli COMMAND --help' for its options.\n"
                       "Exit codes: 0 done, 1 network error (run: a step failed), 2 bad arguments or files.");

    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help and exit.")});
    parser.addOption({QStringLiteral("version"), QStringLiteral("Show the version and exit.")});
    parser.addPositionalArgument(QStringLiteral("COMMAND"), QStringLiteral("One of the commands above."),
                                 QStringLiteral("COMMAND [options] ..."));
    QString text = parser.helpText();
    const QString usagePrefix = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
    if (text.startsWith(usagePrefix))
        text.replace(0, usagePrefix.size(), QStringLiteral("Usage: ") + QCoreApplication::applicationName());
    return text;
}

int usageError(const QString &who, const QString &reason, const QString &helpCommand)
{
    Console::writeErr(QStringLiteral("%1: %2; try '%3 --help'").arg(who, reason, helpCommand));
    return CliCommand::ExitUsage;
}

int runSubcommand(const Subcommand &subcommand, const QStringList &arguments)
{
    std::unique_ptr<CliCommand> command = subcommand.create(subcommand.name, subcommand.summary);
    const QString fullName = QCoreApplication::applicationName() + QLatin1Char(' ') + subcommand.name;
    switch (command->parse(arguments)) {
    case CliOptions::Outcome::ShowHelp:
        Console::writeOut(command->helpText().toUtf8());
        return CliCommand::ExitDone;
    case CliOptions::Outcome::UsageError:
        return usageError(fullName, command->usageError(), fullName);
    case CliOptions::Outcome::Run:
        break;
    }
    // The command, its session and every socket run on the network thread,
    // as in the window; this thread only waits for the exit code.
    SockPlay::NetworkThread::raiseDescriptorLimit(); // a server of 10,000 clients needs as many
    SockPlay::NetworkThread thread;
    CliCommand *running = command.release();
    running->moveToThread(&thread);
    QObject::connect(running, &CliCommand::finished, qApp, &QCoreApplication::exit);
    thread.start();
    QMetaObject::invokeMethod(running, &CliCommand::run, Qt::QueuedConnection);
    const int exitCode = QCoreApplication::exec();
    running->deleteLater(); // on its thread, before the thread ends
    thread.quit();
    thread.wait();
    return exitCode;
}

} // namespace

int main(int argc, char *argv[])
{
    SockPlay::NetworkThread::tuneAllocator(); // before the first large buffer
    // Whatever way main() returns, what was gathered for stdout goes out.
    struct FlushAtExit
    {
        ~FlushAtExit() { Console::flush(); }
    } flushAtExit;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sockplay-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKPLAY_VERSION));
    const QString program = QCoreApplication::applicationName();

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString first = arguments.value(0);
    if (first == QLatin1String("-h") || first == QLatin1String("--help")
        || (first == QLatin1String("help") && arguments.size() == 1)) {
        Console::writeOut(topLevelHelp().toUtf8());
        return CliCommand::ExitDone;
    }
    if (first == QLatin1String("--version")) {
        Console::writeOut(QStringLiteral("%1 %2\nQt %3\n").arg(program, QCoreApplication::applicationVersion(),
                                                               QLatin1String(qVersion())).toUtf8());
        return CliCommand::ExitDone;
    }
    if (arguments.isEmpty())
        return usageError(program, QStringLiteral("missing COMMAND"), program);
    if (first == QLatin1String("help")) {
        // "sockplay-cli help tcp-listen" is "sockplay-cli tcp-listen --help".
        if (const Subcommand *subcommand = findSubcommand(arguments.at(1)))
            return runSubcommand(*subcommand, {QStringLiteral("--help")});
        return usageError(program, QStringLiteral("unknown command '%1'").arg(arguments.at(1)), program);
    }
    if (first.startsWith(QLatin1Char('-')))
        return usageError(program, QStringLiteral("unknown option '%1' (options go after the COMMAND)").arg(first), program);
    if (const Subcommand *subcommand = findSubcommand(first))
        return runSubcommand(*subcommand, arguments.mid(1));
    return usageError(program, QStringLiteral("unknown command '%1'").arg(first), program);
}
