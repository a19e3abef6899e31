#pragma once

#include "endpointtypes.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace SockPlay {

/// One step of the socket API, as a student writes it: "listen()", with one
/// sentence that says what the kernel does there, and whether the real
/// events have reached it yet.
struct LifecycleStep
{
    /// The system calls a flow is made of.
    enum class Call : quint8 {
        Lookup,    ///< getaddrinfo(): a client's host name (only for a name)
        Socket,    ///< socket()
        Bind,      ///< bind()
        Listen,    ///< listen()
        Accept,    ///< accept()
        Connect,   ///< connect(): SYN sent, the kernel does the handshake
        Cookie,    ///< DTLS: the cookie exchange (ClientHello, HelloVerifyRequest, ClientHello again)
        Handshake, ///< TLS: SSL_accept() / SSL_connect(), after the TCP handshake; DTLS: after the cookie
        Upgrade,   ///< WebSocket: the HTTP upgrade (GET … Upgrade: websocket → 101)
        Exchange,  ///< recv()/send() on a TCP stream
        Datagrams, ///< sendto()/recvfrom() on a UDP socket
        Shutdown,  ///< shutdown(SHUT_WR): FIN sent, still receiving
        Close,     ///< close()
        Open,      ///< serial: open() the device
        Configure, ///< serial: tcsetattr() (speed, character format, flow control) and the DTR/RTS ioctls
    };
    enum class State : quint8 {
        NotYet,  ///< no event has reached it
        Done,    ///< reached before the current step
        Current, ///< the step that just happened (one per row)
        Failed,  ///< the call failed: error says why
    };

    Call call = Call::Socket;
    State state = State::NotYet;
    QString name;     ///< "listen()"
    QString sentence; ///< "the kernel now completes handshakes for us and queues them"
    QString error;    ///< Failed: "address already in use"
    qint64 timeNs = 0;     ///< the log's monotonic time of the event that lit it
    quint64 sequence = 0;  ///< the event that lit it last (0: none), to select it in the log

    bool isLit() const { return state != State::NotYet; }
    /// "listen(): the kernel now completes ...", or for a failed step "bind(): address already in use".
    QString text() const;
    /// "not yet", "done", "current", "failed".
    static QString stateName(State state);
};

/// One connection's own row: an accepted client of a server, or one of a
/// client's connections. It tells apart how the conversation ended.
struct LifecycleBranch
{
    enum class Ending : quint8 {
        Open,         ///< still talking
        ClosedByUs,   ///< we called close(): our FIN went first
        ClosedByPeer, ///< recv() returned 0: the peer's FIN came first
        Reset,        ///< the connection was reset (RST): recv()/send() failed
        Failed,       ///< it never connected: the lookup or connect() failed
    };

    int connectionId = 0;
    QString peer; ///< "127.0.0.1:41234" (empty until known)
    Ending ending = Ending::Open;
    bool connected = false; ///< the handshake completed (accepted, or connect() returned)
    QList<LifecycleStep> steps;

    int indexOf(LifecycleStep::Call call) const;
    /// "closed by the peer"; empty while open.
    static QString endingName(Ending ending);
};

/// One endpoint's flow: the main row of steps, and a branch per connection
/// (at most LifecycleFlow::MaxBranches in detail; older ones are counted).
struct LifecycleFlow
{
    /// Serial: a device opened like a file: open() → configure → read()/write() → close().
    /// DtlsServer: socket() → bind() → the cookie exchange → close(), and a
    /// branch per verified client (cookie → handshake → datagrams → close).
    /// DtlsClient: one row, as a UDP socket's with the cookie and the handshake.
    enum class Kind : quint8 { Unknown, TcpServer, TcpClient, Udp, Serial, DtlsServer, DtlsClient };
    /// What runs over a TCP connection: its own steps after accept()/connect().
    enum class Layer : quint8 {
        None,      ///< plain TCP
        Tls,       ///< a TLS handshake, then an encrypted stream (no half-close)
        WebSocket, ///< an HTTP upgrade, then whole messages (no half-close)
        SecureWebSocket, ///< wss://: a TLS handshake, then the upgrade
    };
    static constexpr int MaxBranches = 8;

    int endpointId = 0;
    QString name; ///< the endpoint's name ("server", "Alice")
    Kind kind = Kind::Unknown;
    Layer layer = Layer::None;
    /// A relay (a TCP server): a branch per client it accepted (accept()…)
    /// and one per connection it opened to the target for it (connect()…).
    bool relay = false;
    QList<LifecycleStep> steps;
    QList<LifecycleBranch> branches; ///< oldest first
    qint64 olderBranches = 0;        ///< branches no longer kept in detail

    int indexOf(LifecycleStep::Call call) const;
    /// The index of the Current (or last Failed) step, or -1.
    int currentIndex() const;
    const LifecycleBranch *branch(int connectionId) const;
    /// "TCP server", "TCP client", "UDP socket", "serial port", "DTLS server".
    static QString kindName(Kind kind);
    /// This flow's kind with its layer: "TLS server", "WebSocket client".
    QString title() const;

    /// The steps of a kind before anything happened (every one NotYet).
    static QList<LifecycleStep> blankSteps(Kind kind, Layer layer = Layer::None);
    /// A connection's row before anything happened.
    static LifecycleBranch blankBranch(Kind kind, int connectionId, Layer layer = Layer::None);
    /// The step's call and sentence for a kind, in the main row or a branch.
    static LifecycleStep makeStep(Kind kind, LifecycleStep::Call call, bool branch, Layer layer = Layer::None);
    /// The calls a connection makes after accept()/connect() for a layer, before the exchange.
    static QList<LifecycleStep::Call> layerCalls(Layer layer);
    /// The layer an endpoint of this transport runs (secure: a wss:// client).
    static Layer layerOf(Transport transport, bool secure = false);
    /// The sentence of a close() that ended so (a serial port's: the device's
    /// words; DTLS's: close_notify's).
    static QString closeSentence(LifecycleBranch::Ending ending, Kind kind = Kind::TcpClient);
};

} // namespace SockPlay

Q_DECLARE_METATYPE(SockPlay::LifecycleStep)
