// ServerPane's controls, listen warning and state line as the snapshot or
// the picked transport has them (another translation unit of ServerPane).
#include "serverpane.h"

#include "address.h"
#include "connectionsmodel.h"
#include "connectionsview.h"
#include "lifecyclelabel.h"
#include "listenwarning.h"
#include "multicast.h"
#include "multicastoptionspanel.h"
#include "payloadeditor.h"
#include "relayoptionspanel.h"
#include "rulespanel.h"
#include "session.h"
#include "websocketoptionspanel.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include "simlinkpanel.h"

#include <QSpinBox>

namespace SockPlay {

namespace {

QString plural(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace

void ServerPane::updateControls()
{
    const bool running = isRunning();
    const bool active = snapshot().isActive();
    const bool tcp = capabilities().hasConnections;
    // A relay counts its clients (conversations, or a UDP relay's associations).
    const bool counted = tcp || transport() == Transport::Relay;
    const bool anyConnection = m_connections->rowCount() > 0;
    const bool selected = m_connectionsView->selectedConnectionId() != 0;

    m_transportCombo->setEnabled(!running);
    m_addressCombo->setEnabled(!running);
    m_portSpin->setEnabled(!running);
    m_maxClientsSpin->setEnabled(!running && counted);
    m_maxClientsLabel->setEnabled(!running && counted);
    updateOptionsPanels(running ? snapshot().config.transport : transport());
    m_relayOptions->setVisible(transport() == Transport::Relay);
    // A UDP relay's simulated link: the UDP panes' controls, on the side to the target.
    if (transport() == Transport::Relay)
        simLinkPanel()->setVisible(running ? snapshot().config.isUdpRelay() : m_relayOptions->isUdp());
    m_relayOptions->setEnabled(!running);

    m_startButton->setText(running ? tr("S&top") : tr("&Start"));
    m_startButton->setAccessibleName(running ? tr("Stop server") : tr("Start server"));

    m_payload->setSendEnabled(active && selected);
    m_sendAllButton->setEnabled(active && anyConnection);
    m_disconnectButton->setEnabled(active && selected);
    m_disconnectButton->setText(tcp ? tr("&Kick selected") : tr("&Forget selected"));
    m_disconnectButton->setAccessibleName(tcp ? tr("Disconnect selected connection")
                                              : tr("Forget selected peer"));
    m_disconnectButton->setToolTip(tcp ? tr("Close the selected connection from the server side")
                                       : tr("UDP has nothing to close: forget the peer"));
    m_connectionsLabel->setText(tcp ? tr("Connections") : tr("Peers seen"));
}

void ServerPane::updateListenWarning()
{
    // While it runs, where it really is (a group member: every interface);
    // before, where Start will bind it.
    QHostAddress address = parseBindAddress(bindAddress());
    if (snapshot().isActive()) {
        address = snapshot().localAddress;
    } else if (transport() == Transport::Udp) {
        QString error;
        if (const QList<QHostAddress> groups = Multicast::parseGroups(multicastOptions()->groups(), &error); !groups.isEmpty())
            address = Multicast::receiverBindAddress(groups);
    }
    m_listenWarning->setAddress(address, capabilities().datagram);
}

Transport ServerPane::transportForClients() const
{
    if (transport() != Transport::Relay)
        return transport();
    if (m_relayOptions->isUdp())
        return Transport::Udp;
    return m_relayOptions->spec().listenTls ? Transport::Tls : Transport::Tcp;
}

bool ServerPane::webSocketSecure() const
{
    return webSocketOptions()->isSecure();
}

EndpointCapabilities ServerPane::capabilities() const
{
    if (isRunning())
        return snapshot().capabilities;
    EndpointConfig config;
    config.transport = transport();
    config.relay.udp = transport() == Transport::Relay && m_relayOptions->isUdp();
    return Session::capabilitiesOf(config);
}

void ServerPane::updateState()
{
    const bool tcp = capabilities().hasConnections;
    updateListenWarning();
    // Before Start, the flow of the transport chosen (a relay's, wss://'s); once started, the tracker's.
    const Transport shown = isRunning() ? snapshot().config.transport : transport();
    const bool udpRelay = shown == Transport::Relay
        && (isRunning() ? snapshot().config.relay.udp : transportForClients() == Transport::Udp);
    if (shown == Transport::Relay && !udpRelay) {
        const bool listenTls = isRunning() ? snapshot().config.relay.listenTls.has_value()
                                           : transportForClients() == Transport::Tls;
        lifecycleLabel()->setKind(LifecycleLabel::Kind::Relay,
                                  listenTls ? LifecycleFlow::Layer::Tls : LifecycleFlow::Layer::None);
    } else if (udpRelay) {
        lifecycleLabel()->setKind(LifecycleLabel::Kind::UdpRelay);
    } else if (shown == Transport::Dtls) {
        lifecycleLabel()->setKind(LifecycleLabel::Kind::DtlsServer);
    } else {
        const bool secure = isRunning() ? snapshot().config.secure : webSocketSecure();
        lifecycleLabel()->setKind(tcp ? LifecycleLabel::Kind::TcpServer : LifecycleLabel::Kind::UdpServer,
                                  LifecycleFlow::layerOf(shown, secure));
    }
    rulesPanel()->setUnit(RulesPanel::unitOf(capabilities()));
    m_connections->setPeers(!tcp);

    if (!snapshot().isActive()) {
        showState(Tone::Idle, tcp ? tr("stopped — press Start to listen")
                                  : tr("stopped — press Start to bind"));
        lifecycleLabel()->setReached(-1);
        return;
    }
    const QString where = snapshot().localText;
    const qsizetype n = m_connections->rowCount();
    if (tcp) {
        showState(Tone::Active, tr("listening on %1 — %2")
                                    .arg(where, plural(n, tr("1 client"), tr("%1 clients"))));
        lifecycleLabel()->setReached(n > 0 ? 4 : 2);
    } else if (const int most = capabilities().peersRemembered; most > 0 && n >= most) {
        // A flood of senders: the table is full and forgets the oldest (the log says so too).
        showState(Tone::Active, tr("bound to %1 — %2 peers, the most remembered: the oldest is forgotten for each new one")
                                    .arg(where).arg(n));
        lifecycleLabel()->setReached(2);
    } else {
        showState(Tone::Active, tr("bound to %1 — %2")
                                    .arg(where, plural(n, tr("1 peer seen"), tr("%1 peers seen"))));
        lifecycleLabel()->setReached(2);
    }
}

} // namespace SockPlay
