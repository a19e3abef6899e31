#pragma once

#include "connection.h"

#include <QHostAddress>

class QHostInfo;
class QSocketNotifier;

namespace SockPlay {

class UdpRelayEndpoint;

/// A UDP relay's side to the target for one client: a UDP socket of its
/// own, connected to the target (connect(2): the kernel sends there, takes
/// datagrams from there only, and hands this socket the target's ICMP
/// "port unreachable" as ECONNREFUSED). Open once connected; what it reads
/// goes through the one pipeline (through the simulated link first when the
/// link is on "receive"), what it sends through the link when it is on "send".
///
/// The socket is a plain POSIX one watched by a QSocketNotifier, not a
/// QUdpSocket: Qt peeks at a connected UDP socket before readyRead, which
/// consumes the pending ECONNREFUSED and leaves no trace of the refusal.
class UdpRelayTargetSide final : public Connection
{
    Q_OBJECT
public:
    UdpRelayTargetSide(UdpRelayEndpoint *relay, int id, int clientId, const QHostAddress &clientAddress,
                       quint16 clientPort);
    ~UdpRelayTargetSide() override;

    /// Resolves host (if it is a name), then makes and connects the socket.
    void open(const QString &host, quint16 port);
    /// The client whose side to the target this is (the association's key).
    QHostAddress clientAddress() const { return m_clientAddress; }
    quint16 clientPort() const { return m_clientPort; }
    /// The detail of what the relay forwards here from its client ("relayed from #1").
    const QString &relayedDetail() const { return m_relayedDetail; }

    Result close() override;
    void closeNow() override;

    /// A datagram the simulated link lets out now: written, counted and logged with detail.
    void transmitNow(const QByteArray &datagram, Origin origin, const QString &detail);
    /// A datagram the simulated link lets in now: through the pipeline.
    void receiveNow(const QByteArray &datagram, const QString &detail) { deliver(datagram, detail); }

protected:
    bool divert(const QByteArray &bytes, Origin origin, const QString &detail) override;
    qint64 transmit(const QByteArray &bytes) override;
    QString transmitErrorString() const override;

private:
    void resolved(const QHostInfo &info, quint16 port);
    void connectTo(const QHostAddress &address, quint16 port);
    void onReadable();
    /// The target refused (ICMP port unreachable): an Error, and this side ends.
    void refused(int error);
    void closeSocket();

    UdpRelayEndpoint *const m_relay;
    const QHostAddress m_clientAddress;
    const quint16 m_clientPort;
    const QString m_relayedDetail;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    int m_writeErrno = 0;
    int m_lookupId = -1;
    bool m_refusing = false; // refused() is queued
};

} // namespace SockPlay
