#pragma once

#include "event.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

namespace SockPlay {

class EventLog;

enum class Transport : quint8 { Tcp, Udp };

/// What the user asked for. A value type: the GUI fills it from its fields, the
/// CLI from its arguments, and the endpoint keeps a copy when started.
struct EndpointConfig
{
    Transport transport = Transport::Tcp;
    /// Server/UDP: the local address to bind ("127.0.0.1" by default; "0.0.0.0"
    /// or "::" listen on every interface and must be chosen explicitly).
    /// TCP client: the host name or address to connect to.
    QString host = QStringLiteral("127.0.0.1");
    /// Server/UDP: the local port (0 lets the OS pick). Client: the peer port.
    quint16 port = 0;
    /// Send every received chunk/datagram straight back to where it came from.
    bool echo = false;
    /// Server: more clients than this are accepted and closed at once, with an event.
    int maxConnections = 1000;
    /// Server: the kernel's accept queue (QTcpServer's default of 50 makes a
    /// storm of connects retry SYNs for minutes).
    int listenBacklog = 4096;
    /// Echo backpressure: stop reading from a peer while this many bytes wait to go out.
    qint64 maxPendingWriteBytes = 1 << 20;
};

enum class EndpointState : quint8 {
    Idle,       ///< not started, or stopped
    LookingUp,  ///< client: resolving the host
    Connecting, ///< client: handshake in progress
    Active,     ///< server listening, client connected, UDP bound
    Closing,    ///< client: closing, waiting for pending data to go out
};

QString endpointStateName(EndpointState state);

/// One peer conversation: a TCP connection, or a UDP peer address seen.
struct ConnectionInfo
{
    int id = 0;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    QHostAddress localAddress;
    quint16 localPort = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    qint64 messagesIn = 0;  ///< reads (TCP) or datagrams (UDP)
    qint64 messagesOut = 0;
    QDateTime connectedSince;

    QString peerText() const;
};

/// "127.0.0.1:80", "[::1]:80".
QString formatAddress(const QHostAddress &address, quint16 port);

/// Result of an operation that can fail: false plus a message for the user.
struct Result
{
    bool ok = true;
    QString error;

    static Result success() { return {}; }
    static Result failure(const QString &message) { return {false, message}; }
    explicit operator bool() const { return ok; }
};

/// The interface every transport shares, so that the UI and the CLI drive a
/// TCP server, a TCP client and a UDP socket the same way (and a TLS or
/// WebSocket endpoint later, as a new class rather than a new code path).
///
/// Every step and every byte is appended to the EventLog given at construction.
/// Endpoints never block and make no assumption about living on the GUI thread.
class Endpoint : public QObject
{
    Q_OBJECT
public:
    /// Target meaning "every connection" for send().
    static constexpr int AllConnections = 0;

    Endpoint(const QString &name, EventLog *log, QObject *parent = nullptr);
    ~Endpoint() override;

    int id() const { return m_id; }
    QString name() const { return m_name; }
    EventLog *log() const { return m_log; }
    EndpointState state() const { return m_state; }
    bool isActive() const { return m_state == EndpointState::Active; }
    EndpointConfig config() const { return m_config; }

    /// Turn echo on or off, also while running (logged as an info event).
    void setEcho(bool echo);

    /// The last error's text (empty when none since the last start).
    QString errorString() const { return m_errorString; }

    /// Start with this config. A synchronous failure (port in use, bad address)
    /// returns false with the reason; asynchronous ones (refused, host not
    /// found) arrive through errorOccurred(). Both are logged.
    virtual Result start(const EndpointConfig &config) = 0;
    /// Stop: close every connection and the listening/bound socket.
    virtual void stop() = 0;
    /// Send to one connection or to AllConnections. Returns the error when
    /// nothing could be sent (not started, unknown connection, ...).
    virtual Result send(int connectionId, const QByteArray &bytes) = 0;
    /// Close one connection (the server "kicks" a client; UDP forgets the peer).
    virtual Result disconnectConnection(int connectionId) = 0;

    /// The bound/listening local address, valid while active.
    virtual QHostAddress localAddress() const = 0;
    virtual quint16 localPort() const = 0;

    /// Bytes accepted by send() that have not reached the kernel yet, over
    /// every connection. A producer (the CLI reading a file into a socket)
    /// pauses while this is high and resumes on bytesWritten().
    virtual qint64 pendingWriteBytes() const { return 0; }

    /// Connections now, in the order they appeared.
    virtual QList<ConnectionInfo> connections() const = 0;
    int connectionCount() const { return connections().size(); }

    /// Totals since the last start.
    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesOut() const { return m_bytesOut; }

signals:
    void stateChanged(SockPlay::EndpointState state);
    /// An error the user should see next to the control that caused it.
    void errorOccurred(const QString &message);
    void connectionOpened(int connectionId);
    void connectionClosed(int connectionId);
    /// Bytes left our queue for the kernel (see pendingWriteBytes()).
    void bytesWritten(int connectionId, qint64 bytes);
    /// Bytes arrived on a connection (after they were logged).
    void dataReceived(int connectionId, const QByteArray &bytes);

protected:
    /// Appends an event stamped with this endpoint's id and name.
    void logEvent(EventKind kind, int connectionId, const QString &peer,
                  const QByteArray &payload = {}, qint64 byteCount = -1,
                  const QString &detail = {});
    void setState(EndpointState state);
    /// Records the error, logs it as an Error event and emits errorOccurred.
    void reportError(const QString &message, int connectionId = 0, const QString &peer = {});
    /// reportError() and return the failure: every refusal reaches the log too.
    Result refuse(const QString &message, int connectionId = 0, const QString &peer = {});
    void resetCounters();
    void countIn(qint64 bytes) { m_bytesIn += bytes; }
    void countOut(qint64 bytes) { m_bytesOut += bytes; }
    void setConfig(const EndpointConfig &config) { m_config = config; }
    void clearError() { m_errorString.clear(); }
    /// formatAddress(localAddress(), localPort()), cached.
    QString localText();
    static int nextConnectionId();

private:
    const int m_id;
    const QString m_name;
    EventLog *m_log = nullptr;
    EndpointConfig m_config;
    EndpointState m_state = EndpointState::Idle;
    QString m_errorString;
    QHostAddress m_localTextAddress;
    quint16 m_localTextPort = 0;
    QString m_localText;
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
};

/// A friendly hint for a socket error, to go after the system's reason
/// ("port 80 needs privileges; pick a port above 1023"). Empty when none.
QString socketErrorHint(int socketError, quint16 port);

/// Parses "127.0.0.1", "::1", "[::1]", "localhost", "0.0.0.0", "::", "any".
/// "::" and "any" mean every interface, IPv6 and IPv4 (QHostAddress::Any).
/// Returns a null address when the text is not an address.
QHostAddress parseBindAddress(const QString &text);

/// A port that is free right now on 127.0.0.1 (for presets; 0 if none found).
quint16 findFreeTcpPort();

} // namespace SockPlay

Q_DECLARE_METATYPE(SockPlay::EndpointState)

namespace SockPlay {
/// "Connection refused — nothing is listening there ..." : the system's reason, then a hint.
QString describeSocketError(const QString &systemReason, int socketError, quint16 port);
} // namespace SockPlay
