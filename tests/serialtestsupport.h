#pragma once
// What the serial suites share: a pair of linked pseudo-terminals made by
// socat (no hardware), and the Python program at the far end of the line
// (tests/peers/serial_peer.py).

#include "peers/peerprocess.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <csignal>

namespace SockPlayTest {

/// `socat -d -d pty,raw,echo=0,link=DIR/a pty,raw,echo=0,link=DIR/b`: what
/// is written to one end comes out of the other. Our endpoint opens a(), the
/// far end b(). socat ends when the test does, or at hangUp().
class PtyPair
{
public:
    /// Starts socat and waits until both links exist; false with the reason in error().
    bool start(const QString &socat)
    {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("no temporary folder");
            return false;
        }
        const auto end = [this](const QString &link) -> QString {
            return QStringLiteral("pty,raw,echo=0,link=") + m_dir.filePath(link);
        };
        if (!m_socat.start(socat, {QStringLiteral("-d"), QStringLiteral("-d"), end(QStringLiteral("a")),
                                   end(QStringLiteral("b"))})) {
            m_error = m_socat.errorString();
            return false;
        }
        // socat says so once both pseudo-terminals and their links are made.
        m_socat.waitForMatch(QRegularExpression(QStringLiteral("(starting data transfer loop)")),
                             QProcess::StandardError);
        if (!QFileInfo::exists(a()) || !QFileInfo::exists(b())) {
            m_error = QStringLiteral("socat made no pseudo-terminals: ") + m_socat.errText();
            return false;
        }
        return true;
    }

    QString a() const { return m_dir.filePath(QStringLiteral("a")); }
    QString b() const { return m_dir.filePath(QStringLiteral("b")); }
    QString dir() const { return m_dir.path(); }
    QString error() const { return m_error; }

    /// Ends socat as a terminated program ends: both pseudo-terminals close,
    /// and whoever holds an end sees the line hang up.
    bool hangUp()
    {
        ::kill(pid_t(m_socat.processId()), SIGTERM);
        return m_socat.waitForExit();
    }

private:
    QTemporaryDir m_dir;
    PeerProcess m_socat;
    QString m_error;
};

/// Starts tests/peers/serial_peer.py on device and waits for its "ready" line.
inline bool startSerialPeer(PeerProcess &peer, const QString &python, const QString &device,
                            const QStringList &arguments = {})
{
    return peer.startPython(python, QStringLiteral("serial_peer.py"), QStringList{device} + arguments)
        && !peer.waitForMatch(QRegularExpression(QStringLiteral("^(ready)\\n")), QProcess::StandardOutput).isEmpty();
}

/// What the far end read from the line, after its "ready" line.
inline QByteArray lineBytes(const PeerProcess &peer)
{
    return peer.out().mid(6);
}

/// A python3 that can import pyserial ("serial"): the one on PATH, else
/// Debian's (python3-serial); empty when there is none.
inline QString pythonWithPyserial()
{
    const QStringList candidates{QStandardPaths::findExecutable(QStringLiteral("python3")), QStringLiteral("/usr/bin/python3")};
    for (const QString &python : candidates) {
        if (python.isEmpty())
            continue;
        QProcess probe;
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import serial")});
        if (probe.waitForFinished(15000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return python;
    }
    return {};
}

} // namespace SockPlayTest

/// A python3 with pyserial, or the test ends (skipped; failed with SOCKPLAY_REQUIRE_PEERS=1).
#define SOCKPLAY_REQUIRE_PYSERIAL(variable)                                                        \
    const QString variable = SockPlayTest::pythonWithPyserial();                                  \
    do {                                                                                          \
        if (variable.isEmpty()) {                                                                 \
            if (qEnvironmentVariable("SOCKPLAY_REQUIRE_PEERS") == QLatin1String("1"))             \
                QFAIL("python3 with pyserial is not installed (python3-serial), and "             \
                      "SOCKPLAY_REQUIRE_PEERS=1 requires it");                                    \
            QSKIP("python3 with pyserial is not installed (python3-serial)");                     \
        }                                                                                         \
    } while (false)

/// socat and python3, or the test ends (skipped; failed with SOCKPLAY_REQUIRE_PEERS=1),
/// then a started pair of pseudo-terminals called `pair`.
#define SOCKPLAY_START_PTY_PAIR(pair)                                                             \
    SOCKPLAY_REQUIRE_PROGRAM(socat_, "socat");                                                    \
    SockPlayTest::PtyPair pair;                                                                   \
    QVERIFY2(pair.start(socat_), qPrintable(pair.error()))
