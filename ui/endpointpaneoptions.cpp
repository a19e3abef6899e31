// EndpointPane's transport options: the TLS, WebSocket, multicast and
// serial port panels, owned and laid out here for both panes (another
// translation unit of EndpointPane).
#include "endpointpane.h"

#include "multicastoptionspanel.h"
#include "serialoptionspanel.h"
#include "session.h"
#include "simlinkpanel.h"
#include "tlsoptionspanel.h"
#include "websocketoptionspanel.h"

#include <QVBoxLayout>

namespace SockPlay {

void EndpointPane::makeOptionsPanels()
{
    const QString side = accessibleName();
    makeSimLinkPanel();
    m_tlsOptions = new TlsOptionsPanel(m_role, m_prefix, side, this);
    m_wsOptions = new WebSocketOptionsPanel(m_role, m_prefix, side, this);
    m_multicastOptions = new MulticastOptionsPanel(m_role, m_prefix, side, this);
    connect(m_multicastOptions, &MulticastOptionsPanel::joinRequested, this,
            [this](const QString &group, const QString &iface) { m_session->joinGroup(m_endpointId, group, iface); });
    connect(m_multicastOptions, &MulticastOptionsPanel::leaveRequested, this,
            [this](const QString &group, const QString &iface) { m_session->leaveGroup(m_endpointId, group, iface); });
    if (m_role == Role::Client) {
        m_serialOptions = new SerialOptionsPanel(m_prefix, side, this);
        // While open the line changes at once; the snapshot that follows
        // shows what the port holds (a refused change flips back).
        connect(m_serialOptions, &SerialOptionsPanel::lineToggled, this, [this](SerialSpec::Line line, bool on) {
            if (m_snapshot.isRunning() && m_snapshot.config.transport == Transport::Serial)
                m_session->setSerialLine(m_endpointId, line, on);
        });
    }
}

void EndpointPane::addOptionsPanels()
{
    m_layout->addWidget(m_simLinkPanel);
    m_layout->addWidget(m_multicastOptions);
    m_layout->addWidget(m_tlsOptions);
    m_layout->addWidget(m_wsOptions);
    if (m_serialOptions)
        m_layout->addWidget(m_serialOptions);
}

QString EndpointPane::optionsProblem(Transport transport) const
{
    switch (transport) {
    case Transport::Tls:
    case Transport::Dtls: return m_tlsOptions->problem();
    case Transport::WebSocket:
        // wss://: the TLS settings are the TLS panel's.
        if (const QString problem = m_wsOptions->problem(); !problem.isEmpty() || !m_wsOptions->isSecure())
            return problem;
        return m_tlsOptions->problem();
    case Transport::Udp: return m_multicastOptions->problem();
    case Transport::Serial: return m_serialOptions ? m_serialOptions->problem() : QString();
    case Transport::Tcp:
    case Transport::Relay: break;
    }
    return {};
}

void EndpointPane::applyTransportOptions(EndpointConfig &config) const
{
    if (config.transport == Transport::WebSocket)
        m_wsOptions->apply(config);
    if (config.usesTlsSpec()) // TLS, DTLS, or wss://
        config.tls = m_tlsOptions->spec();
    if (config.transport == Transport::Udp)
        m_multicastOptions->apply(config);
    if (config.transport == Transport::Serial && m_serialOptions)
        config.serial = m_serialOptions->spec();
    applySimLinkSettings(config);
}

void EndpointPane::showTransportOptions(const EndpointConfig &config)
{
    m_tlsOptions->setSpec(config.tls);
    m_wsOptions->showConfig(config);
    m_multicastOptions->showConfig(config);
    if (m_serialOptions)
        m_serialOptions->setSpec(config.serial);
    m_simLinkPanel->setSpec(config.simLink);
}

void EndpointPane::updateOptionsPanels(Transport transport)
{
    const bool running = m_snapshot.isRunning();
    m_simLinkPanel->setVisible(transport == Transport::Udp);
    m_tlsOptions->setVisible(transport == Transport::Tls || transport == Transport::Dtls
                             || (transport == Transport::WebSocket && m_wsOptions->isSecure()));
    m_wsOptions->setVisible(transport == Transport::WebSocket);
    m_multicastOptions->setVisible(transport == Transport::Udp);
    m_tlsOptions->setEnabled(!running);
    m_wsOptions->setEnabled(!running);
    m_multicastOptions->setRunning(running, m_snapshot.config.multicastGroups);
    if (m_serialOptions) {
        m_serialOptions->setVisible(transport == Transport::Serial);
        m_serialOptions->setOpen(running);
        if (running && m_snapshot.config.transport == Transport::Serial)
            m_serialOptions->setLines(m_snapshot.config.serial.dtr, m_snapshot.config.serial.rts);
    }
}

} // namespace SockPlay
