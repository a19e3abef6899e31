// The ladder's arrows for the layers above TCP: the TLS handshake and the
// WebSocket upgrade. Neither is logged message by message (Qt does them), so
// each arrow is drawn from the one event that says the step is done, at its
// time; the comments say which.

#include "ladder_p.h"

#include "websockettext.h"

namespace SockPlay {

using namespace LadderDetail;

void Ladder::onSecured(const Event &event)
{
    if (event.connectionId() == 0)
        return;
    // Drawn from the Secured event of the side that logged it, into its
    // lane: the last handshake message that side waited for (a client: the
    // server's Finished; a server: the client's) arrived then. With both
    // sides ours the two arrows are the exchange, client first (TLS 1.3).
    // The earlier messages (ClientHello, ServerHello, the certificate) are
    // not logged one by one: they are this arrow.
    Conn &conn = connOf(event);
    Arrow arrow = arrivedAt(ArrowKind::Tls, farLane(conn), conn.lane, relative(event), event);
    arrow.preview = event.detail.section(u',', 0, 1).toUtf8(); // "TLSv1.3, TLS_AES_256_GCM_SHA384"
    addArrow(std::move(arrow));
}

void Ladder::onUpgrade(const Event &event)
{
    const QLatin1String prefix = WebSocketText::upgradeNotePrefix();
    if (event.connectionId() == 0 || !event.detail.startsWith(prefix))
        return;
    Conn &conn = connOf(event);
    const qint64 t = relative(event);
    const bool server = m_servers.contains(event.endpointId());
    if (!server && conn.mirror && conn.mirror->upgradeSerial) {
        // Our server drew the exchange when it answered: its 101 ends here,
        // where our client read it (the client logs its upgrade then).
        if (Arrow *answer = arrowBySerial(std::exchange(conn.mirror->upgradeSerial, 0))) {
            answer->to = conn.lane;
            answer->endNs = std::max(answer->endNs, t);
            answer->endSequence = event.sequence;
            answer->flags &= ~InFlight;
        }
        return;
    }
    // "HTTP upgrade: GET /chat HTTP/1.1 → 101 Switching Protocols; ...": the request line.
    const QString request = event.detail.mid(prefix.size()).section(QStringLiteral(" → "), 0, 0);
    const int far = farLane(conn);
    // A server logs its note once Qt has read the request and sent the 101
    // (nothing is logged in between): both arrows at the note. A client
    // whose server is not ours logs it once the 101 arrived; its GET went
    // out after the TCP (and TLS) handshake, unlogged: both at the note too.
    Arrow get = arrivedAt(ArrowKind::Upgrade, server ? far : conn.lane, server ? conn.lane : far, t, event);
    get.preview = request.toUtf8();
    addArrow(std::move(get));
    Arrow answer = arrivedAt(ArrowKind::Upgrade, server ? conn.lane : far, server ? far : conn.lane, t, event);
    answer.preview = QByteArrayLiteral("101 Switching Protocols");
    if (server && conn.mirror) {
        // Our client: in flight until it logs its own upgrade note.
        answer.flags |= InFlight;
        answer.endSequence = 0;
        conn.upgradeSerial = addArrow(std::move(answer));
        return;
    }
    addArrow(std::move(answer));
}

} // namespace SockPlay
