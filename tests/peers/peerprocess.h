#pragma once

// Running programs that no one here wrote (python3 with the tutorial peers in
// this folder, socat, nc) and the built CLI, from Qt Test suites.
//
// PeerProcess keeps everything the program printed, waits by running the
// event loop (so our own endpoints keep working meanwhile), and kills the
// program when the test ends, whichever way it ends.

#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTest>

/// Finds a program on PATH, or ends the test: skipped normally, failed when
/// SOCKPLAY_REQUIRE_PEERS=1 (CI installs every peer, so none may go missing).
#define SOCKPLAY_REQUIRE_PROGRAM(variable, name)                                                  \
    const QString variable = QStandardPaths::findExecutable(QStringLiteral(name));                \
    do {                                                                                          \
        if (variable.isEmpty()) {                                                                 \
            if (qEnvironmentVariable("SOCKPLAY_REQUIRE_PEERS") == QLatin1String("1"))             \
                QFAIL(name " is not installed, and SOCKPLAY_REQUIRE_PEERS=1 requires it");        \
            QSKIP(name " is not installed (with SOCKPLAY_REQUIRE_PEERS=1 this is a failure)");    \
        }                                                                                         \
    } while (false)

namespace SockPlayTest {

/// Generous: CI machines are slow; a passing test never waits this long.
constexpr int PeerTimeoutMs = 15000;

/// What the tutorial's TCP server (welcome_server.py) sends each client.
inline const QByteArray TutorialWelcome = QByteArrayLiteral("Welcome to the server!");

/// A tutorial peer program in tests/peers.
inline QString peerScript(const QString &fileName)
{
    return QStringLiteral(SOCKPLAY_PEERS_DIR "/") + fileName;
}

class PeerProcess
{
public:
    PeerProcess()
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { m_out += m_process.readAllStandardOutput(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_err += m_process.readAllStandardError(); });
        QObject::connect(&m_process, &QProcess::finished, &m_process, [this] {
            m_out += m_process.readAllStandardOutput();
            m_err += m_process.readAllStandardError();
            m_finished = true;
        });
    }

    ~PeerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(PeerTimeoutMs);
        }
    }

    PeerProcess(const PeerProcess &) = delete;
    PeerProcess &operator=(const PeerProcess &) = delete;

    /// Starts the program; false (with the reason in errorString()) if it could not.
    bool start(const QString &program, const QStringList &arguments)
    {
        m_process.start(program, arguments);
        return m_process.waitForStarted(PeerTimeoutMs);
    }

    /// A tutorial peer with python3 (unbuffered, so each print arrives at once).
    bool startPython(const QString &python, const QString &script, const QStringList &arguments = {})
    {
        return start(python, QStringList{QStringLiteral("-u"), peerScript(script)} + arguments);
    }

    void write(const QByteArray &bytes) { m_process.write(bytes); }
    void closeInput() { m_process.closeWriteChannel(); }

    QByteArray out() const { return m_out; }
    QByteArray err() const { return m_err; }
    QString errText() const { return QString::fromUtf8(m_err); }
    QString errorString() const { return m_process.errorString(); }
    qint64 processId() const { return m_process.processId(); }

    /// Runs the event loop until the program printed a match of pattern on
    /// stdout (or stderr); returns its first capture, empty on timeout.
    QString waitForMatch(const QRegularExpression &pattern, QProcess::ProcessChannel channel)
    {
        QString captured;
        [[maybe_unused]] const bool done = QTest::qWaitFor([&] {
            const QRegularExpressionMatch match =
                pattern.match(QString::fromUtf8(channel == QProcess::StandardOutput ? m_out : m_err));
            if (match.hasMatch())
                captured = match.captured(1);
            return match.hasMatch() || m_finished;
        }, PeerTimeoutMs);
        return captured;
    }

    /// Starts a tutorial server with python3 and waits for the port it prints
    /// first; 0 when it did not start or print one (see errText()).
    quint16 startPythonServer(const QString &python, const QString &script, const QStringList &arguments = {})
    {
        return startPython(python, script, arguments) ? waitForPortLine() : 0;
    }

    /// The port a tutorial peer prints on its first line (0 on timeout).
    quint16 waitForPortLine()
    {
        return quint16(waitForMatch(QRegularExpression(QStringLiteral("^(\\d+)\\n")),
                                    QProcess::StandardOutput).toUInt());
    }

    /// The port in sockplay-cli's "listening on 127.0.0.1:PORT" / "bound to ..." line.
    quint16 waitForCliPort()
    {
        return quint16(waitForMatch(QRegularExpression(QStringLiteral("(?:listening on|bound to) \\S+:(\\d+)\\n")),
                                    QProcess::StandardError).toUInt());
    }

    /// Runs the event loop until stdout holds at least this many bytes.
    bool waitForOutput(qsizetype bytes)
    {
        return QTest::qWaitFor([&] { return m_out.size() >= bytes || m_finished; }, PeerTimeoutMs)
            && m_out.size() >= bytes;
    }

    /// Runs the event loop until the program ended by itself.
    bool waitForExit(int timeoutMs = PeerTimeoutMs)
    {
        return QTest::qWaitFor([&] { return m_finished; }, timeoutMs);
    }

    bool hasExited() const { return m_finished; }
    /// The exit code of a normal exit; -1 while running or after a crash or kill.
    int exitCode() const
    {
        if (!m_finished || m_process.exitStatus() != QProcess::NormalExit)
            return -1;
        return m_process.exitCode();
    }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    bool m_finished = false;
};

} // namespace SockPlayTest
