#pragma once

#include <QObject>

class QSocketNotifier;

namespace SockPlay::Cli {

/// Turns SIGINT and SIGTERM into a Qt signal, so that Ctrl-C or `kill` ends
/// the CLI through its event loop (sockets closed, last events printed, exit 0).
///
/// The classic self-pipe: the handler only write()s the signal number to a
/// pipe (async-signal-safe); a QSocketNotifier on the other end emits
/// signalReceived() in the event loop. The handlers are installed with
/// SA_RESETHAND: a second Ctrl-C kills at once if the clean exit hangs.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void signalReceived(int signalNumber);

private:
    static void handleSignal(int signalNumber);
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace SockPlay::Cli
