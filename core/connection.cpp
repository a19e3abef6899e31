#include "connection.h"

#include "endpoint.h"
#include "eventlog.h"
#include "framer.h"
#include "responder.h"

#include <algorithm>

namespace SockPlay {

Connection::Connection(Endpoint *endpoint, int id, bool datagram)
    : QObject(endpoint)
    , m_endpoint(endpoint)
    , m_id(id)
    , m_datagram(datagram)
    , m_framer(std::make_unique<RawFramer>())
{
    m_info.id = id;
    m_info.isPeer = datagram;
    m_source = makeEventSource(endpoint->id(), id, endpoint->name(), {}, 0, {}, 0);
}

Connection::~Connection() = default;

ConnectionInfo Connection::info() const
{
    ConnectionInfo info = m_info;
    info.pendingWriteBytes = pendingWriteBytes();
    return info;
}

void Connection::setResponders(const QList<std::shared_ptr<Responder>> &responders)
{
    m_responders = responders;
}

void Connection::tellRespondersOpened()
{
    // A copy: a responder may close the connection, and setEcho() may
    // replace the list meanwhile.
    const QList<std::shared_ptr<Responder>> responders = m_responders;
    for (const std::shared_ptr<Responder> &responder : responders) {
        if (m_state != State::Open)
            break;
        responder->connectionOpened(*this);
    }
}

QByteArray Connection::payloadOf(const QByteArray &message) const
{
    return m_framer->payload(message);
}

void Connection::setFramer(std::unique_ptr<Framer> framer)
{
    m_framer = std::move(framer);
}

void Connection::changeFraming(const FrameSpec &spec)
{
    if (m_datagram || m_wholeMessages)
        return; // a datagram (a WebSocket message) is always one message
    const qint64 dropped = m_framer->bufferedBytes();
    setFramer(makeFramer(spec));
    m_messageOffset = m_offsetIn;
    logEvent(EventKind::Note, dropped > 0
                                  ? QStringLiteral("framing now %1; the %2 bytes of a partial message were dropped")
                                        .arg(spec.toString()).arg(dropped)
                                  : QStringLiteral("framing now %1").arg(spec.toString()));
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state == State::Open) {
        m_info.connectedSince = QDateTime::currentDateTime();
        tellRespondersOpened();
    }
    if (m_adopted)
        m_endpoint->connectionStateMoved(this, int(state));
}

void Connection::setSource(const EventSourcePtr &source)
{
    m_source = source;
}

void Connection::setAddresses(const QHostAddress &local, quint16 localPort, const QHostAddress &peer,
                              quint16 peerPort)
{
    m_info.localAddress = local;
    m_info.localPort = localPort;
    m_info.peerAddress = peer;
    m_info.peerPort = peerPort;
    m_source = makeEventSource(m_endpoint->id(), m_id, m_endpoint->name(), local, localPort, peer, peerPort);
}

void Connection::logEvent(EventKind kind, const QString &detail)
{
    m_endpoint->log()->append(kind, m_source, {}, 0, -1, detail);
}

void Connection::reportError(const QString &message)
{
    if (m_adopted)
        m_endpoint->connectionFailed(this, message);
    m_endpoint->reportError(message, m_source);
}

void Connection::deliver(const QByteArray &chunk, const QString &detail)
{
    // An empty datagram (WebSocket message) is a message; an empty read is nothing.
    if (chunk.isEmpty() && !m_datagram && !m_wholeMessages)
        return;
    const qint64 size = chunk.size();
    m_info.bytesIn += size;
    ++m_info.messagesIn;
    m_endpoint->countIn(this, size);
    m_endpoint->log()->append(m_datagram ? EventKind::DatagramReceived : EventKind::Received, m_source, chunk,
                              size, m_offsetIn, detail);
    m_offsetIn += size;

    if (m_framer->isRaw()) {
        for (const std::shared_ptr<Responder> &responder : std::as_const(m_responders))
            responder->messageReceived(*this, chunk);
        if (m_wholeMessages && m_adopted)
            m_endpoint->connectionMessage(this, chunk);
    } else {
        QList<QByteArray> messages; // not a member: 10,000 idle connections would each keep one
        m_framer->push(chunk, messages);
        const QString oversized = m_framer->takeError();
        if (!oversized.isEmpty()) {
            reportError(oversized);
        } else {
            // No frame was skipped after these messages: they end where the
            // framer's partial frame begins, one after the other.
            qint64 bytes = 0;
            for (const QByteArray &message : std::as_const(messages))
                bytes += message.size();
            m_messageOffset = m_offsetIn - m_framer->bufferedBytes() - bytes;
        }
        for (const QByteArray &message : std::as_const(messages)) {
            m_endpoint->log()->append(EventKind::Message, m_source, message, message.size(),
                                      m_messageOffset);
            m_messageOffset += message.size();
            // A rule may have closed the connection: later messages are still logged.
            if (m_state == State::Open)
                for (const std::shared_ptr<Responder> &responder : std::as_const(m_responders))
                    responder->messageReceived(*this, message);
            if (m_adopted)
                m_endpoint->connectionMessage(this, m_framer->payload(message));
        }
    }
    if (m_adopted)
        m_endpoint->connectionReceived(this, chunk);
}

void Connection::wrote(qint64 bytes)
{
    if (m_adopted)
        m_endpoint->connectionWrote(this, bytes);
}

bool Connection::isBackpressured() const
{
    if (m_endpointMayHold && m_endpoint->holdsReading(*this))
        return true;
    if (m_responders.isEmpty())
        return false;
    if (pendingWriteBytes() >= m_endpoint->config().maxPendingWriteBytes)
        return true;
    return std::any_of(m_responders.cbegin(), m_responders.cend(),
                       [this](const std::shared_ptr<Responder> &responder) { return responder->holdsReading(*this); });
}

Result Connection::send(const QByteArray &bytes, Origin origin, const QString &detail)
{
    if (m_state != State::Open) {
        const QString message = m_state == State::Closing || m_state == State::Closed
            ? QStringLiteral("connection #%1 is closing; nothing more can be sent").arg(m_id)
            : QStringLiteral("not connected yet — wait for the connection to open");
        reportError(message);
        return Result::failure(message);
    }
    if (divert(bytes, origin, detail))
        return Result::success();
    const qint64 written = transmit(bytes);
    m_endpoint->updateBacklog(this);
    if (written < 0) {
        const QString message = QStringLiteral("cannot send to %1: %2").arg(m_source->peerText, transmitErrorString());
        // A flood of automatic replies that the kernel cannot take is one
        // error until a reply gets through again, not one per datagram.
        if (origin == Origin::Automatic) {
            if (!std::exchange(m_automaticSendFailing, true))
                reportError(message + QStringLiteral(" (automatic replies are dropped until one gets through)"));
        } else {
            reportError(message);
        }
        return Result::failure(message);
    }
    if (origin == Origin::Automatic)
        m_automaticSendFailing = false;
    accountSent(bytes, origin, detail.isEmpty() ? sentDetail() : detail);
    return Result::success();
}

bool Connection::divert(const QByteArray &bytes, Origin origin, const QString &detail)
{
    Q_UNUSED(bytes)
    Q_UNUSED(origin)
    Q_UNUSED(detail)
    return false;
}

void Connection::accountSent(const QByteArray &bytes, Origin origin, const QString &detail)
{
    const qint64 size = bytes.size();
    m_info.bytesOut += size;
    ++m_info.messagesOut;
    m_endpoint->countOut(this, size);
    const EventKind kind = origin == Origin::Automatic ? EventKind::AutoReplied
        : m_datagram                                   ? EventKind::DatagramSent
                                                       : EventKind::Sent;
    m_endpoint->log()->append(kind, m_source, bytes, size, m_offsetOut, detail);
    m_offsetOut += size;
}

Result Connection::halfClose()
{
    const QString message = QStringLiteral("a UDP peer has nothing to half-close");
    reportError(message);
    return Result::failure(message);
}

QString Connection::totalsText() const
{
    return QStringLiteral("%1 bytes in, %2 out").arg(m_info.bytesIn).arg(m_info.bytesOut);
}

void Connection::finish(EventKind kind, const QString &detail)
{
    if (m_finished)
        return;
    logEvent(kind, detail);
    finishQuietly();
}

void Connection::finishQuietly()
{
    if (std::exchange(m_finished, true))
        return;
    m_framer->reset();
    setState(State::Closed);
    if (m_adopted)
        m_endpoint->forget(m_id);
}

} // namespace SockPlay
