#include "endpoint.h"

#include "eventlog.h"

#include <QAbstractSocket>
#include <QAtomicInt>
#include <QTcpServer>

namespace SockPlay {

namespace {
QAtomicInt s_nextEndpointId = 1;
QAtomicInt s_nextConnectionId = 1;
} // namespace

QString endpointStateName(EndpointState state)
{
    switch (state) {
    case EndpointState::Idle: return QStringLiteral("idle");
    case EndpointState::LookingUp: return QStringLiteral("looking up");
    case EndpointState::Connecting: return QStringLiteral("connecting");
    case EndpointState::Active: return QStringLiteral("active");
    case EndpointState::Closing: return QStringLiteral("closing");
    }
    return QStringLiteral("unknown");
}

QString formatAddress(const QHostAddress &address, quint16 port)
{
    if (address.isNull())
        return QString();
    const QString portText = QString::number(port);
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return address.toString() + u':' + portText;
    if (address.protocol() == QAbstractSocket::AnyIPProtocol)
        return u"[::]:" + portText; // every interface, IPv6 and IPv4 (dual-stack)
    // An IPv4 peer on a dual-stack socket shows as itself, not ::ffff:a.b.c.d
    // (but "::" stays "::": it is not an IPv4 address).
    if (address.toString().startsWith(u"::ffff:", Qt::CaseInsensitive)) {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4)
            return QHostAddress(v4).toString() + u':' + portText;
    }
    return u'[' + address.toString() + u"]:" + portText;
}

QString ConnectionInfo::peerText() const
{
    return formatAddress(peerAddress, peerPort);
}

Endpoint::Endpoint(const QString &name, EventLog *log, QObject *parent)
    : QObject(parent)
    , m_id(s_nextEndpointId.fetchAndAddRelaxed(1))
    , m_name(name)
    , m_log(log)
{
    qRegisterMetaType<SockPlay::EndpointState>();
}

Endpoint::~Endpoint() = default;

int Endpoint::nextConnectionId()
{
    return s_nextConnectionId.fetchAndAddRelaxed(1);
}

QString Endpoint::localText()
{
    // Every event carries it: format once per local address, not per packet.
    const QHostAddress address = localAddress();
    const quint16 port = localPort();
    if (address != m_localTextAddress || port != m_localTextPort) {
        m_localTextAddress = address;
        m_localTextPort = port;
        m_localText = formatAddress(address, port);
    }
    return m_localText;
}

void Endpoint::logEvent(EventKind kind, int connectionId, const QString &peer,
                        const QByteArray &payload, qint64 byteCount, const QString &detail)
{
    if (!m_log)
        return;
    Event event;
    event.endpointId = m_id;
    event.endpointName = m_name;
    event.connectionId = connectionId;
    event.kind = kind;
    event.localAddress = localText();
    event.peerAddress = peer;
    event.payload = payload;
    event.byteCount = byteCount >= 0 ? byteCount : payload.size();
    event.detail = detail;
    m_log->append(std::move(event));
}

void Endpoint::setState(EndpointState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Endpoint::reportError(const QString &message, int connectionId, const QString &peer)
{
    m_errorString = message;
    logEvent(EventKind::Error, connectionId, peer, {}, 0, message);
    emit errorOccurred(message);
}

Result Endpoint::refuse(const QString &message, int connectionId, const QString &peer)
{
    reportError(message, connectionId, peer);
    return Result::failure(message);
}

void Endpoint::setEcho(bool echo)
{
    if (m_config.echo == echo)
        return;
    m_config.echo = echo;
    if (m_state != EndpointState::Idle)
        logEvent(EventKind::Info, 0, {}, {}, 0, echo ? QStringLiteral("echo on") : QStringLiteral("echo off"));
}

void Endpoint::resetCounters()
{
    m_bytesIn = 0;
    m_bytesOut = 0;
}

QString socketErrorHint(int socketError, quint16 port)
{
    switch (QAbstractSocket::SocketError(socketError)) {
    case QAbstractSocket::ConnectionRefusedError:
        return QStringLiteral("nothing is listening there (is the server started, and is the port right?)");
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("the name does not resolve (check the spelling, or use an address like 127.0.0.1)");
    case QAbstractSocket::AddressInUseError:
        return QStringLiteral("another program holds port %1; pick another port, or 0 for any free port").arg(port);
    case QAbstractSocket::SocketAccessError:
        if (port > 0 && port < 1024)
            return QStringLiteral("port %1 needs privileges; pick a port above 1023").arg(port);
        return QStringLiteral("the system refused access to this socket");
    case QAbstractSocket::SocketAddressNotAvailableError:
        return QStringLiteral("this machine has no such address; use 127.0.0.1, ::1 or one of its own addresses");
    case QAbstractSocket::SocketTimeoutError:
        return QStringLiteral("the peer did not answer in time");
    case QAbstractSocket::NetworkError:
        return QStringLiteral("the network is unreachable from here");
    default:
        return QString();
    }
}

QHostAddress parseBindAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    // Qt binds "::" IPv6-only; a user who types it means what Linux means by
    // default: every interface, IPv6 and IPv4 (dual-stack).
    if (trimmed.compare(u"any", Qt::CaseInsensitive) == 0 || trimmed == u"*" || trimmed == u"::"
        || trimmed == u"[::]")
        return QHostAddress(QHostAddress::Any);
    if (trimmed.startsWith(u'[') && trimmed.endsWith(u']'))
        return QHostAddress(trimmed.mid(1, trimmed.size() - 2));
    return QHostAddress(trimmed);
}

quint16 findFreeTcpPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace SockPlay

namespace SockPlay {

QString describeSocketError(const QString &systemReason, int socketError, quint16 port)
{
    const QString hint = socketErrorHint(socketError, port);
    return hint.isEmpty() ? systemReason : systemReason + u" — " + hint;
}

} // namespace SockPlay
