#pragma once

#include "endpointtypes.h"
#include "event.h"
#include "ratewindow.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <memory>

namespace SockPlay {

class Endpoint;
class Framer;
class Responder;
class TlsHandshake;

/// One peer conversation: a TCP connection, or a UDP peer seen by a UDP
/// socket. It owns its socket (or its peer's address), its counters and
/// stream offsets, a framer and the responders, and runs the one pipeline
/// every transport shares:
///
///   read → counters → framer → event → responders → writes (with backpressure)
///
/// A transport subclass only moves bytes: it calls deliver() with what one
/// read (one datagram) returned, and implements transmit(). Ids are per
/// endpoint and start at 1.
class Connection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)
public:
    enum class Origin : quint8 {
        User,      ///< the user (or the CLI's input) asked for it: Sent / DatagramSent
        Automatic, ///< a responder wrote it: AutoReplied, subject to backpressure
    };
    enum class State : quint8 { LookingUp, Connecting, Open, Closing, Closed };

    ~Connection() override;

    int id() const { return m_id; }
    Endpoint *endpoint() const { return m_endpoint; }
    bool isDatagram() const { return m_datagram; }
    /// A UDP peer: seen, never connected, listed from its first datagram on
    /// (a DTLS association is a datagram connection that opens and closes).
    bool isPeerOnly() const { return m_info.isPeer; }
    /// Each read is one whole message (a WebSocket message): no framer applies.
    bool hasWholeMessages() const { return m_wholeMessages; }
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    const EventSourcePtr &source() const { return m_source; }
    ConnectionInfo info() const;

    /// Counts, logs (with the stream offset) and writes. A refusal or failure
    /// is logged as an error and returned. detail goes on the Sent event
    /// ("relayed from #1"); empty: the transport's own (sentDetail()).
    Result send(const QByteArray &bytes, Origin origin = Origin::User, const QString &detail = {});
    /// Closes from our side: TCP sends what is queued, then FIN; a UDP peer is forgotten.
    virtual Result close() = 0;
    /// The endpoint stops: the last event is logged and finished() emitted now;
    /// what the transport still flushes (queued bytes, FIN) goes on without us.
    virtual void closeNow() = 0;
    /// Done sending, still receiving (TCP). Refused where there is no such thing.
    virtual Result halfClose();
    /// Bytes accepted by send() that have not reached the kernel yet.
    virtual qint64 pendingWriteBytes() const { return 0; }
    /// A queue elsewhere drained (a relay's other clients): reading paused
    /// for backpressure may go on.
    virtual void resumeReading() {}

    /// What a message carries, without its framing (a line without its LF,
    /// a frame without its length prefix); rules match on this.
    QByteArray payloadOf(const QByteArray &message) const;
    /// An automatic writer failed (a reply's file cannot be read): logged as an error.
    void reportAutomaticError(const QString &message) { reportError(message); }

    /// The automatic writers (shared, stateless ones may serve many connections).
    void setResponders(const QList<std::shared_ptr<Responder>> &responders);
    void setFramer(std::unique_ptr<Framer> framer);
    /// A new framing while bytes flow: messages start afresh at the next byte
    /// read; a partial message the old framing held is dropped (and logged).
    void changeFraming(const FrameSpec &spec);

    // A connection tells its endpoint what happened (state changes, what a
    // read returned, bytes written, finished) by calling it directly, once
    // adopted: 10,000 connections then cost no signal connections at all.

protected:
    Connection(Endpoint *endpoint, int id, bool datagram);

    /// The pipeline, for what one read (or one datagram) returned; detail
    /// goes on its Received event ("delayed 20 ms by the simulated link").
    void deliver(const QByteArray &chunk, const QString &detail = {});
    /// Takes an open connection's send before it is written: true when the
    /// transport owns it now (the simulated link holds or drops it, and logs
    /// what becomes of it, with detail). Default: nothing is taken.
    virtual bool divert(const QByteArray &bytes, Origin origin, const QString &detail);
    /// Writes to the socket; -1 on failure (then transmitErrorString() says why).
    virtual qint64 transmit(const QByteArray &bytes) = 0;
    virtual QString transmitErrorString() const = 0;
    /// The detail of the Sent (AutoReplied) event of what transmit() just
    /// wrote ("text", "binary"); none by default.
    virtual QString sentDetail() const { return {}; }
    /// Each read is one whole message from now on (call before the endpoint
    /// adopts it): framing never applies, and each is also a messageReceived().
    void setWholeMessages() { m_wholeMessages = true; }
    /// A datagram connection that opens and closes (DTLS), not a peer only seen.
    void setHasConnection() { m_info.isPeer = false; }
    /// Automatic writers are present and the outgoing queue is over its bound
    /// (or a responder holds reading): the transport must not read until
    /// bytes drain (see resumeReading()).
    bool isBackpressured() const;

    void setState(State state);
    void setSource(const EventSourcePtr &source);
    void setAddresses(const QHostAddress &local, quint16 localPort, const QHostAddress &peer, quint16 peerPort);
    /// A UDP peer's last destination (ConnectionInfo::sentTo).
    void setSentTo(const QString &text) { m_info.sentTo = text; }
    /// A peer with no address: what the connections table names it by (ConnectionInfo::peerName).
    void setPeerName(const QString &name) { m_info.peerName = name; }
    void logEvent(EventKind kind, const QString &detail = {});
    /// Logs an error of this connection and tells the endpoint's listeners.
    void reportError(const QString &message);
    /// The last event (Closed, PeerClosed, ...) and finished(), once.
    void finish(EventKind kind, const QString &detail);
    /// finished() with no last event (a connect that failed: its error is logged).
    void finishQuietly();
    /// "12 bytes in, 5 out": for the closing event.
    QString totalsText() const;

    /// Counts and logs bytes that went out (send() calls it after transmit()).
    void accountSent(const QByteArray &bytes, Origin origin, const QString &detail = {});
    /// Bytes left our queue for the kernel: the transport calls it.
    void wrote(qint64 bytes);

private:
    friend class Endpoint; // adopt() and forget() set m_adopted; it samples the rates
    friend class TlsHandshake; // logs the handshake of a TLS connection as its events
    /// Each responder's connectionOpened() (greetings), while it stays open.
    void tellRespondersOpened();
    Endpoint *const m_endpoint;
    const int m_id;
    const bool m_datagram;
    bool m_wholeMessages = false;
    State m_state = State::Connecting;
    bool m_finished = false;
    bool m_automaticSendFailing = false;
    bool m_adopted = false; // the endpoint lists it and hears from it
    bool m_endpointMayHold = false; // the endpoint is asked too whether to read (a relay's sides)
    EventSourcePtr m_source;
    ConnectionInfo m_info;
    qint64 m_offsetIn = 0;
    qint64 m_offsetOut = 0;
    qint64 m_messageOffset = 0; // stream offset of the next whole message (a guess after a skipped oversized one)
    std::unique_ptr<Framer> m_framer;
    QList<std::shared_ptr<Responder>> m_responders;
    RateWindow m_rates;       // fills m_info's rates, once per stats tick while they move
    bool m_ratesMoving = false; // listed in the endpoint's connections to sample
};

} // namespace SockPlay

Q_DECLARE_METATYPE(SockPlay::Connection::State)
