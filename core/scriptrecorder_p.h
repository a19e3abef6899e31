#pragma once
// ScriptRecorder's workings (scriptrecorder.cpp reads the events,
// scriptrecordersteps.cpp makes the steps): not an API.

#include "framer.h"
#include "scriptrecorder.h"

#include <QHash>
#include <QSet>

#include <map>
#include <memory>

namespace SockPlay::RecorderDetail {

struct Tracked
{
    EndpointSnapshot snapshot; ///< the latest known (its config)
    QString name;              ///< in the script
    bool open = false;         ///< opened by a step and not closed since
    bool peerClosed = false;   ///< a client whose server closed the connection
    int openStep = -1;         ///< index of its latest open step
    quint16 recordedPort = 0;  ///< a server: the port it used while recording
    QSet<int> connections;     ///< a server's connections open now
    std::unique_ptr<Framer> framer; ///< strips a message's framing (payload())

    bool isServer() const { return snapshot.config.role == Role::Server; }
    bool isUdp() const { return snapshot.config.transport == Transport::Udp; }
    bool framed() const { return !isUdp() && snapshot.config.frame.kind != FrameSpec::Kind::Raw; }
};

/// One recording in the making: events go in, in order (add() peeks at the
/// next one), steps and notes come out (take()).
class Builder
{
public:
    Builder(const QList<EndpointSnapshot> &atStart, const QList<EndpointSnapshot> &endpoints);
    void openActiveAtStart(const QList<EndpointSnapshot> &atStart);
    void add(const Event &event, const Event *next);
    ScriptRecorder::Recording take();

private:
    Tracked *track(int endpointId);
    void note(const QString &sentence);
    void open(Tracked &t, quint16 localPort, quint16 targetPort);
    void send(Tracked &t, const Event &event);
    void expect(Tracked &t, const Event &event, const QByteArray &payload);
    void close(Tracked &t);
    /// Every step goes in here, once the previous one is complete.
    void append(const ScriptStep &step);
    /// A client's target: "${server.port}" of a recorded server on that port,
    /// else the variables host and port (the first target outside the script).
    void setTarget(ScriptStep &step, const Tracked &client, quint16 port);

    QHash<int, EndpointSnapshot> m_snapshots;
    std::map<int, std::unique_ptr<Tracked>> m_tracked;
    QSet<QString> m_names;
    ScriptRecorder::Recording m_recording;
    QSet<QString> m_notes;
    QSet<int> m_sendConnections; // connections the last send step reached
    Tracked *m_sendFrom = nullptr; // the endpoint of the last step, if a send
    int m_sendOpenConnections = 0; // its open connections then
    int m_skippedUnknown = 0;
};

} // namespace SockPlay::RecorderDetail
