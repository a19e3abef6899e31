#pragma once
// Running the built CLI to its end from a core test, writing its input files,
// and reading what --json printed.

#include "event.h"
#include "peers/peerprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

/// Every stdout line (of --json) as a JSON object; an error names the first line that is not one.
inline QList<QJsonObject> parseJsonLines(const QByteArray &out, QString *error)
{
    QList<QJsonObject> objects;
    const QList<QByteArray> lines = out.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).isEmpty() && i == lines.size() - 1)
            break; // after the last newline
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            *error = QStringLiteral("line %1 is not a JSON object: %2").arg(i + 1).arg(QString::fromUtf8(lines.at(i)));
            return {};
        }
        objects.append(document.object());
    }
    return objects;
}

/// The "kind" of each --json event, in order.
inline QStringList kindsOf(const QList<QJsonObject> &events)
{
    QStringList kinds;
    for (const QJsonObject &event : events)
        kinds.append(event.value(QStringLiteral("kind")).toString());
    return kinds;
}

/// True when expected appears in kinds in this order (other kinds may come between).
inline bool inOrder(const QStringList &kinds, const QList<SockPlay::EventKind> &expected)
{
    qsizetype from = 0;
    for (SockPlay::EventKind kind : expected) {
        from = kinds.indexOf(SockPlay::eventKindName(kind), from);
        if (from < 0)
            return false;
        ++from;
    }
    return true;
}

} // namespace SockPlayTest
