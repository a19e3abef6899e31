#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace SockPlay::Cli {

/// Reads standard input line by line without blocking the event loop: a
/// QSocketNotifier wakes us when fd 0 is readable, one ::read() takes what is
/// there. Works for pipes, terminals, regular files and /dev/null (poll()
/// reports files as always readable; read() returns 0 at their end).
///
/// The reader starts disabled: a command enables it once there is someone to
/// send to, so that what a script pipes in waits in the pipe until then (as
/// with `echo hi | nc -l 5000`).
class StdinReader : public QObject
{
    Q_OBJECT
public:
    explicit StdinReader(QObject *parent = nullptr);
    ~StdinReader() override;

    /// Start or pause reading. Ignored after the end of input.
    void setEnabled(bool enabled);
    bool atEnd() const { return m_atEnd; }

signals:
    /// One line with its '\n'; the last line may have none.
    void lineRead(const QByteArray &line);
    /// The input ended (EOF, or stdin is closed or unreadable). Emitted once.
    void endOfInput();

private:
    void readAvailable();
    void finish();
    bool isBackgroundTerminal() const;

    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_partialLine;
    bool m_atEnd = false;
};

} // namespace SockPlay::Cli
