#pragma once

#include <optional>

#include "event.h"
#include "lifecycleflow.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace SockPlay {

class EventLog;
class LogFollower;

/// Folds the log's events into the steps of the socket API, per endpoint:
/// socket() → bind() → listen() → accept() → … close() for a TCP server (a
/// branch per accepted client), [getaddrinfo() →] socket() → connect() →
/// send()/recv() → shutdown() → close() for a TCP client (a branch per
/// connection), socket() → bind() → sendto()/recvfrom() → close() for UDP;
/// a DTLS server's verified clients are branches too (lifecycletrackerdtls.cpp).
/// The lifecycle diagram, the panes' strips and the CLI's --lifecycle read it.
///
/// A step lights when its real event arrives (the step that just happened is
/// Current); an error lights its step as Failed with the reason (a port in
/// use fails bind(), a refused connect fails connect(), a reset fails the
/// branch's recv()/send()). A new socket() of an endpoint (a restart) starts
/// its flow afresh. Memory is bounded whatever a flood does: a flow keeps its
/// LifecycleFlow::MaxBranches newest branches and counts the others.
///
/// No widgets: the CLI and the tests use it as the window does.
class LifecycleTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LifecycleTracker)
public:
    explicit LifecycleTracker(QObject *parent = nullptr);
    ~LifecycleTracker() override;

    /// Folds these events (oldest first) in; changed() once per endpoint touched.
    void feed(const QList<SockPlay::Event> &events);
    /// Forgets every flow (endpointForgotten for each).
    void reset();
    /// Reads the log from its first event on, batch by batch, through a
    /// LogFollower this tracker owns (a previous one is dropped). A cleared
    /// log keeps the flows: the sockets it told about still exist.
    void follow(EventLog *log);
    /// Reads what a follower shared with other views reads (not owned).
    void follow(LogFollower *follower);
    /// The endpoint is gone (the window removed it): its flow goes too.
    void forget(int endpointId);

    /// The endpoints with a flow, in the order they were first seen.
    QList<int> endpointIds() const { return m_order; }
    bool contains(int endpointId) const { return m_flows.contains(endpointId); }
    /// A copy of the endpoint's flow (an empty one, Kind::Unknown, if unknown).
    LifecycleFlow flow(int endpointId) const;

signals:
    /// The endpoint's flow changed (a step lit, failed, a branch came or went).
    void changed(int endpointId);
    /// The first event of an endpoint arrived: it has a flow now.
    void endpointAdded(int endpointId);
    void endpointForgotten(int endpointId);
    /// A step changed state: lit (Current) or Failed. connectionId 0: the
    /// main row; else that connection's branch. For a one-line-per-step
    /// trace (the CLI's --lifecycle).
    void stepLit(int endpointId, int connectionId, const SockPlay::LifecycleStep &step);

private:
    struct Tracked;

    /// Folds one event in; true if its flow changed.
    bool apply(const Event &event);
    Tracked &tracked(const Event &event);
    /// A new start: the flow of this kind, every step NotYet.
    void restart(Tracked &t, LifecycleFlow::Kind kind, LifecycleFlow::Layer layer = LifecycleFlow::Layer::None);
    /// A client connection's first event: a new branch, or a restart.
    LifecycleBranch *beginClientConnection(Tracked &t, const Event &event);
    /// A client's socket() says what runs over it (TLS, WebSocket): its rows get the layer's steps.
    void setClientLayer(Tracked &t, LifecycleBranch *b, LifecycleFlow::Layer layer);
    /// A connection's layer step happened (TLS handshake, HTTP upgrade).
    bool lightLayerStep(Tracked &t, const Event &event, LifecycleStep::Call call);
    LifecycleBranch *branch(Tracked &t, int connectionId);
    /// A branch of the flow's kind and layer (or, for a relay's side to its
    /// target, a client's connection of that side's layer).
    LifecycleBranch *addBranch(Tracked &t, int connectionId, const QString &peer,
                               std::optional<LifecycleFlow::Layer> clientLayer = std::nullopt);
    /// Makes the step of call Current (the row's previous Current is Done).
    bool light(Tracked &t, int connectionId, QList<LifecycleStep> &steps, LifecycleStep::Call call,
               const Event &event);
    bool fail(Tracked &t, int connectionId, QList<LifecycleStep> &steps, LifecycleStep::Call call,
              const Event &event);
    /// close() of a branch (and of a client's main row), ended as told.
    bool closeBranch(Tracked &t, const Event &event, LifecycleBranch::Ending ending);
    bool applyError(Tracked &t, const Event &event);
    /// A serial port's event (lifecycleserial.cpp): its Connected, its open's
    /// and its lines' errors, or any of its connection's once its flow is a serial one.
    static bool isSerialEvent(const Tracked &t, const Event &event);
    /// A note that is a serial port's step: a DTR or RTS change.
    static bool isSerialLineNote(const Event &event);
    /// open() → configure → read()/write() → close(), from a serial port's events.
    bool applySerial(Tracked &t, const Event &event);
    /// A DTLS client's one row (cookie exchange, handshake, datagrams,
    /// close_notify), or a DTLS server's row (socket, bind, the cookie exchange, close).
    bool applyDtls(Tracked &t, const Event &event);
    /// A DTLS server's verified client: its branch (cookie, handshake, datagrams, close).
    bool applyDtlsClientOfServer(Tracked &t, const Event &event);
    static bool isDtlsKind(LifecycleFlow::Kind kind);
    /// A DTLS note that is the cookie exchange's step.
    static bool isCookieNote(const Event &event);

    QHash<int, Tracked *> m_flows;
    QList<int> m_order;
    LogFollower *m_follower = nullptr;
};

} // namespace SockPlay
