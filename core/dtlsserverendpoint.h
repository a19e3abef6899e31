#pragma once

#include "address.h"
#include "endpoint.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>

#include <memory>

class QDtlsClientVerifier;
class QUdpSocket;

namespace SockPlay {

class DtlsConnection;
struct DtlsRecord;
struct TlsContext;

/// A DTLS server: one UDP socket bound to config.host:config.port, and a
/// DtlsConnection per client that proved its address. A ClientHello from a
/// stranger goes to a QDtlsClientVerifier, which keeps no state: without a
/// valid cookie it answers HelloVerifyRequest (a Note); with one, the client
/// becomes a connection and the handshake goes on (Certificate, Secured as
/// for TLS). So a flood of ClientHellos from forged addresses costs a
/// datagram each and no memory; at most MaxPendingHandshakes handshakes of
/// real addresses run at once (the rest are ignored, and a Note says so), each
/// ended by its timeout, and at most config.maxConnections clients are
/// served. Anything else from a stranger is an Error naming what it was.
/// The certificate comes from config.tls, as for a TLS server.
class DtlsServerEndpoint final : public Endpoint
{
    Q_OBJECT
public:
    /// Handshakes in progress at once, at most.
    static constexpr int MaxPendingHandshakes = 64;
    /// Datagrams read per wake-up, at most (the socket stays readable: the next pass reads on).
    static constexpr int MaxDatagramsPerWakeUp = 1024;

    DtlsServerEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~DtlsServerEndpoint() override;

    EndpointCapabilities capabilities() const override;
    Result start(const EndpointConfig &config) override;
    /// close_notify to every client, then the socket closes.
    void stop() override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;

protected:
    void connectionStateChanged(Connection *connection) override;
    void connectionForgotten(Connection *connection) override;

private:
    void onReadyRead();
    /// A datagram from an address with no connection: a ClientHello goes to
    /// the verifier, anything else is an Error.
    void receiveFromStranger(const QByteArray &datagram, const QHostAddress &address, quint16 port);
    /// Room for one more handshake; else false, and a Note once per burst.
    bool roomForHandshake(const EventSourcePtr &source);
    /// The verifier passed this ClientHello: a connection answers it.
    void acceptVerified(const QByteArray &hello, const DtlsRecord &record, const QHostAddress &address, quint16 port);

    QUdpSocket *m_socket = nullptr;
    QDtlsClientVerifier *m_verifier = nullptr;
    std::shared_ptr<const TlsContext> m_tls;
    QHash<PeerKey, int> m_idByPeer;
    QSet<int> m_handshaking; // connections whose handshake is not done
    bool m_handshakesFull = false; // the note that hellos are ignored is logged
    bool m_clientsFull = false;    // the note that max clients is reached is logged
};

} // namespace SockPlay
