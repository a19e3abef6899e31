#pragma once
// Running the built CLI to its end from a core test, and writing its input files.

#include "peers/peerprocess.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

namespace SockPlayTest {

inline QString cliPath()
{
    return QStringLiteral(SOCKPLAY_CLI_PATH);
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// sockplay-cli run to its end: exit code, stdout, stderr.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {}, const QString &workingDirectory = {},
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(cliPath(), arguments);
    CliRun run;
    if (!process.waitForStarted(PeerTimeoutMs))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(PeerTimeoutMs * 2)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace SockPlayTest
