// The ladder's DTLS: the cookie exchange and the handshake, drawn from the
// notes and the Secured events of our DTLS endpoints (Qt does the handshake:
// its messages are not logged one by one). A DTLS endpoint has one lane, as
// a UDP socket has; its decrypted datagrams are drawn as UDP's
// (ladderdatagram.cpp), matched on their path from the sender's port.

#include "ladder_p.h"

#include "dtlstext.h"

#include <algorithm>

namespace SockPlay {

using namespace LadderDetail;

namespace {

/// A message of the exchange, arrived at the event that tells of it.
Ladder::Arrow cookieArrow(int from, int to, qint64 t, const Event &event, const char *message)
{
    Ladder::Arrow arrow = arrivedAt(Ladder::ArrowKind::Cookie, from, to, t, event);
    arrow.preview = QByteArray(message);
    return arrow;
}

} // namespace

void Ladder::onDtlsCreated(const Event &event)
{
    const bool server = event.detail == DtlsText::serverSocketDetail();
    if (!server && event.detail != DtlsText::clientSocketDetail()) {
        if (event.connectionId() == 0 || !m_dtlsEndpoints.value(event.endpointId()))
            m_dtlsEndpoints.remove(event.endpointId()); // restarted as another transport
        return;
    }
    m_dtlsEndpoints.insert(event.endpointId(), server);
    m_udpEndpoints.insert(event.endpointId(), true); // a Closed is a socket's, an Error no RST
    endpointLane(event);
}

int Ladder::dtlsPeerLane(const Event &event)
{
    const EventSource *s = event.source.data();
    const int lane = s ? lookUp(m_udpBound, s->peerAddress, s->peerPort) : -1;
    return lane >= 0 && lane != endpointLane(event) ? lane : peerLane(event.peerText());
}

void Ladder::onDtlsNote(const Event &event)
{
    const QString &detail = event.detail;
    const int lane = endpointLane(event);
    const qint64 t = relative(event);
    const bool server = m_dtlsEndpoints.value(event.endpointId());
    if (server && (detail.startsWith(DtlsText::cookieSentPrefix()) || detail.startsWith(DtlsText::cookieRefusedPrefix()))) {
        // The server read a ClientHello without a (valid) cookie and answered at once.
        const int client = dtlsPeerLane(event);
        const bool fresh = detail.startsWith(DtlsText::cookieSentPrefix());
        addArrow(cookieArrow(client, lane, t, event, fresh ? "ClientHello" : "ClientHello (stale cookie)"));
        Arrow answer = cookieArrow(lane, client, t, event, "HelloVerifyRequest (cookie)");
        if (m_lanes.at(client).kind != LaneKind::Peer) {
            // Our client: in flight until it logs the cookie's arrival.
            answer.flags |= InFlight;
            answer.endSequence = 0;
            const quint64 serial = addArrow(std::move(answer));
            // An earlier answer still on its way was lost: the client asked again.
            if (Arrow *earlier = arrowBySerial(m_cookieAnswers.value(client)); earlier && earlier->has(InFlight))
                earlier->flags = quint8((earlier->flags & ~InFlight) | Lost);
            m_cookieAnswers.insert(client, serial);
            return;
        }
        addArrow(std::move(answer));
        return;
    }
    if (server && detail.startsWith(DtlsText::cookieVerifiedPrefix())) {
        addArrow(cookieArrow(dtlsPeerLane(event), lane, t, event, "ClientHello (cookie)"));
        return;
    }
    if (server || !detail.startsWith(DtlsText::cookieReceivedPrefix()))
        return;
    if (Arrow *answer = arrowBySerial(m_cookieAnswers.take(lane))) {
        // Our server drew the exchange; its HelloVerifyRequest ends here.
        answer->to = lane;
        answer->endNs = std::max(answer->endNs, t);
        answer->endSequence = event.sequence;
        answer->flags &= ~InFlight;
        return;
    }
    // A server that is not ours: the exchange as our client saw it, at its note.
    const int far = dtlsPeerLane(event);
    addArrow(cookieArrow(lane, far, t, event, "ClientHello"));
    addArrow(cookieArrow(far, lane, t, event, "HelloVerifyRequest (cookie)"));
    addArrow(cookieArrow(lane, far, t, event, "ClientHello (cookie)"));
}

void Ladder::onDtlsSecured(const Event &event)
{
    // As TLS's (ladderlayers.cpp): the last flight this side waited for
    // arrived then, into the lane that logged it. DTLS 1.2: the server has
    // the client's Finished first, then the client has the server's.
    Arrow arrow = arrivedAt(ArrowKind::Dtls, dtlsPeerLane(event), endpointLane(event), relative(event), event);
    arrow.preview = event.detail.section(u',', 0, 1).toUtf8(); // "DTLSv1.2, ECDHE-RSA-AES256-GCM-SHA384"
    addArrow(std::move(arrow));
}

} // namespace SockPlay
