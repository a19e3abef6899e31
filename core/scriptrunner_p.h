#pragma once
// ScriptRunner's helper on the session's side; shared by its two translation
// units (scriptrunner.cpp, scriptsteprunner.cpp). Not part of the core's API.

#include <QObject>

namespace SockPlay {

/// Lives on the session's thread. A ping queued there behind the session's
/// commands comes back as pong once every command before it has run, and
/// after every signal those commands sent the runner: a send was carried out
/// (or refused: errorOccurred came first) without polling.
class SessionFence final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionFence)
public:
    SessionFence() = default;
    void ping(quint64 token) { emit pong(token); }

signals:
    void pong(quint64 token);
};

} // namespace SockPlay
