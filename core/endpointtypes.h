#pragma once
// The value types that cross the session's seam: what the user asks for
// (EndpointConfig), and what comes back (EndpointSnapshot, ConnectionInfo).

#include "framer.h"
#include "relayspec.h"
#include "rules.h"
#include "serialspec.h"
#include "simlink.h"
#include "tlsspec.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

namespace SockPlay {

/// Tls: TCP with a TLS handshake after connecting; the pipeline sees the decrypted bytes.
/// WebSocket: an HTTP upgrade, then whole messages (text or binary).
/// Serial: a serial port (a device, not the network), one connection while it is open.
/// Relay: listens (TCP or TLS) and forwards each client to a target (TCP or
/// TLS), both directions through the pipeline (see RelaySpec).
/// Dtls: UDP with a DTLS handshake per peer; each datagram is one message, decrypted.
enum class Transport : quint8 { Tcp, Udp, Tls, WebSocket, Serial, Relay, Dtls };
/// A byte stream with connections (TCP, TLS over it, a serial line, a
/// relay's two sides), not datagrams or whole messages.
constexpr bool isStreamTransport(Transport transport)
{
    return transport == Transport::Tcp || transport == Transport::Tls || transport == Transport::Serial
        || transport == Transport::Relay;
}
/// A server waits for peers; a client reaches out to one target.
enum class Role : quint8 { Server, Client };

/// What the user asked for. A value type: the GUI fills it from its fields,
/// the CLI from its arguments; the session makes an endpoint from it.
struct EndpointConfig
{
    Transport transport = Transport::Tcp;
    Role role = Role::Server;
    /// What the log calls it ("server", "client"); empty: the role's name.
    QString name;
    /// Server: the local address to bind ("127.0.0.1" by default; "0.0.0.0"
    /// or "::" listen on every interface and must be chosen explicitly).
    /// Client: the host name or address to connect or send to.
    QString host = QStringLiteral("127.0.0.1");
    /// Server: the local port (0 lets the OS pick). Client: the peer's port.
    quint16 port = 0;
    /// UDP client: the local address to bind (empty: loopback for a loopback
    /// target, every interface otherwise).
    QString localHost;
    /// Send every received message straight back (the echo responder).
    bool echo = false;
    /// How a TCP stream is cut into messages (UDP: each datagram is one).
    FrameSpec frame;
    /// Automatic replies, tried in order on every message of every connection.
    QList<Rule> rules;
    /// Server: more clients than this are accepted and closed at once (TurnedAway).
    int maxConnections = 1000;
    /// Server: the kernel's accept queue (QTcpServer's default of 50 makes a
    /// storm of connects retry SYNs for minutes).
    int listenBacklog = 4096;
    /// Backpressure for automatic writers: stop reading from a peer while this
    /// many bytes wait to go out to it.
    qint64 maxPendingWriteBytes = 1 << 20;
    /// UDP: the simulated link (loss, duplicates, delay) on sending or receiving.
    SimLinkSpec simLink;
    /// TCP: TCP_NODELAY, Nagle's algorithm off (each small write goes out at once).
    bool noDelay = false;
    /// TCP server: pass each message a client sends on to every other client (a chat relay).
    bool relayToOthers = false;
    /// TLS and DTLS: certificates, verification, SNI and ALPN.
    TlsSpec tls;

    // WebSocket (Transport::WebSocket). A client's URL is ws[s]://host:port/path.
    /// Server: the path it serves (a request for another gets 404). Client:
    /// the path (and query) of the URL it opens.
    QString path = QStringLiteral("/");
    /// wss:// (WebSocket over TLS) instead of ws://. The TLS settings come
    /// from tls, as for a TLS server (its certificate, client verification)
    /// or a TLS client (whom to trust, verify or not, SNI, ALPN, a client
    /// certificate).
    bool secure = false;
    /// Client: the subprotocols offered, in order of preference. Server: the
    /// ones it accepts (the first the client offers is chosen).
    QStringList subprotocols;
    /// Client: extra headers of the HTTP upgrade request ("Authorization", ...).
    QList<QPair<QByteArray, QByteArray>> headers;
    /// What the user's sends are: binary messages, or text messages (UTF-8;
    /// bytes that are not valid UTF-8 go as binary, and the log says so).
    bool binaryMessages = false;
    /// The largest message (and frame) taken in; a bigger one is an error,
    /// and the connection is closed with 1009 (message too big).
    qint64 maxMessageBytes = 1 << 20;

    // UDP multicast and broadcast (see Multicast).
    /// Server: the groups (IPv4 and IPv6) it joins when it binds and leaves
    /// when it stops. With groups it binds every interface of their family
    /// (0.0.0.0, ::) at port, sharing the port as group members do: a member
    /// bound to one address would get only datagrams sent to that address.
    QStringList multicastGroups;
    /// Where groups are joined and multicast goes out: an interface's name as
    /// QNetworkInterface gives it ("lo", "eth0"); empty: the system's choice.
    QString multicastInterface;
    /// TTL of multicast sent (IPv6: the hop limit), 0..255; -1: the system's default (1).
    int multicastTtl = -1;
    /// Multicast sent is also delivered to this host's own members (IP_MULTICAST_LOOP).
    bool multicastLoopback = true;
    /// May send to a broadcast address (SO_BROADCAST); without it such a send
    /// is refused by the kernel with EACCES and logged as an error.
    bool broadcast = false;
    /// Serial (Transport::Serial): the device and its settings (host and port do not apply).
    SerialSpec serial;
    /// Relay (Transport::Relay, a server): the target and how each side talks.
    RelaySpec relay;

    QString displayName() const;
    /// A relay whose sides are UDP (RelaySpec::udp): a UdpRelayEndpoint.
    bool isUdpRelay() const { return transport == Transport::Relay && relay.udp; }
    /// simLink applies: a UDP socket, or a UDP relay (on its side to the target).
    bool usesSimLink() const { return transport == Transport::Udp || isUdpRelay(); }
    /// tls applies: a TLS or DTLS endpoint, or a wss:// server or client.
    bool usesTlsSpec() const
    {
        return transport == Transport::Tls || transport == Transport::Dtls
            || (transport == Transport::WebSocket && secure);
    }
    bool operator==(const EndpointConfig &) const = default;
};

/// What an endpoint of a transport and role can do, so that ui/ never names
/// a transport class.
struct EndpointCapabilities
{
    bool hasConnections = false; ///< connections open and close (TCP); else peers are only seen (UDP)
    bool canHalfClose = false;   ///< can say "done sending" and keep receiving
    bool datagram = false;       ///< each send is one datagram, each read one datagram
    bool hasTarget = false;      ///< a client: it talks to one host and port
    bool listens = false;        ///< a server: it waits for peers on a local port
    /// Datagram: the most peers remembered (the oldest is forgotten for a new one); 0: no such bound.
    int peersRemembered = 0;
    /// Each read is one whole message (WebSocket): framing does not apply,
    /// as for a datagram, but there are connections.
    bool wholeMessages = false;
    /// Joins and leaves multicast groups, sets TTL, loopback and interface,
    /// may send to a broadcast address (UDP).
    bool multicast = false;
};

enum class EndpointState : quint8 {
    Idle,       ///< not started, or stopped
    LookingUp,  ///< client: resolving the host
    Connecting, ///< client: handshake in progress
    Active,     ///< server listening, client connected, UDP bound
    Closing,    ///< client: closing, waiting for pending data to go out
};

QString endpointStateName(EndpointState state);

/// One peer conversation as a snapshot: a TCP connection, or a UDP peer seen.
struct ConnectionInfo
{
    int id = 0;
    bool isPeer = false; ///< a UDP peer (seen, never connected)
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    /// A peer that has no address: a serial port's device ("/dev/ttyUSB0").
    QString peerName;
    QHostAddress localAddress;
    quint16 localPort = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    qint64 messagesIn = 0; ///< reads (TCP) or datagrams (UDP)
    qint64 messagesOut = 0;
    qint64 pendingWriteBytes = 0;
    /// The change of the counters over the last second (see RateWindow),
    /// as of the last stats tick; exactly 0 once nothing moved for a second.
    double bytesInPerSecond = 0;
    double bytesOutPerSecond = 0;
    double messagesInPerSecond = 0;
    double messagesOutPerSecond = 0;
    QDateTime connectedSince; ///< TCP: connected; UDP: first seen
    /// UDP peer: where its last datagram was sent when that was not simply
    /// to us: "to group 239.255.0.1", "to broadcast 192.168.1.255" (empty otherwise).
    QString sentTo;
    QString peerText() const;
};

/// Counters and rates of an endpoint, computed once in core.
struct EndpointStats
{
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    qint64 messagesIn = 0;
    qint64 messagesOut = 0;
    double bytesInPerSecond = 0;
    double bytesOutPerSecond = 0;
    double messagesInPerSecond = 0;
    double messagesOutPerSecond = 0;
};

/// An endpoint as a value: what the UI shows and the CLI prints.
struct EndpointSnapshot
{
    int id = 0;
    QString name;
    EndpointConfig config;
    EndpointCapabilities capabilities;
    EndpointState state = EndpointState::Idle;
    QHostAddress localAddress;
    quint16 localPort = 0;
    QString localText;    ///< "127.0.0.1:5000"
    QString peerText;     ///< TCP client: the server it is connected to (or will be)
    QString errorString;  ///< the last error since the last start
    int connectionCount = 0; ///< open connections, or UDP peers seen
    qint64 pendingWriteBytes = 0;
    EndpointStats stats;

    bool isActive() const { return state == EndpointState::Active; }
    bool isRunning() const { return state != EndpointState::Idle; }
};

} // namespace SockPlay

Q_DECLARE_METATYPE(SockPlay::EndpointState)
Q_DECLARE_METATYPE(SockPlay::EndpointSnapshot)
Q_DECLARE_METATYPE(SockPlay::ConnectionInfo)
