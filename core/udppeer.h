#pragma once

#include "connection.h"

namespace SockPlay {

class UdpEndpoint;

/// A UDP peer seen (or sent to) by a UDP socket: a "connection" in the
/// pipeline's sense only. It is open from the first datagram until forgotten;
/// its sends go out through the endpoint's one socket.
class UdpPeer final : public Connection
{
    Q_OBJECT
public:
    UdpPeer(UdpEndpoint *endpoint, int id, const QHostAddress &address, quint16 port);

    QHostAddress address() const { return info().peerAddress; }
    quint16 port() const { return info().peerPort; }

    /// Forgets the peer (UDP has nothing to close): a note in the log.
    Result close() override;
    void closeNow() override;

    /// Datagrams that arrived from this peer go through the pipeline here
    /// (detail: what the simulated link did to it, if anything).
    void receive(const QByteArray &datagram, const QString &detail = {}) { deliver(datagram, detail); }
    /// Where the datagram about to be received was sent ("to group …", "to
    /// broadcast …", empty: to us), for the peers table.
    void setDestination(const QString &detail) { setSentTo(detail); }
    /// A datagram the simulated link lets out now: written, counted and
    /// logged (with detail), or an error naming this peer.
    void transmitNow(const QByteArray &datagram, Origin origin, const QString &detail);
    /// A datagram the endpoint already sent to this peer (its first one).
    void sentByEndpoint(const QByteArray &datagram) { accountSent(datagram, Origin::User); }

protected:
    bool divert(const QByteArray &bytes, Origin origin, const QString &detail) override;
    qint64 transmit(const QByteArray &bytes) override;
    QString transmitErrorString() const override;

private:
    UdpEndpoint *const m_udp;
};

} // namespace SockPlay
