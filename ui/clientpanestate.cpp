// ClientPane's controls and state line as the snapshot or the picked
// transport has them (another translation unit of ClientPane).
#include "clientpane.h"

#include "address.h"
#include "connectionsmodel.h"
#include "lifecyclelabel.h"
#include "payloadeditor.h"
#include "rateformat.h"
#include "rulespanel.h"
#include "session.h"
#include "websocketoptionspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

namespace SockPlay {

void ClientPane::updateCounters()
{
    const QLocale locale;
    const EndpointStats &stats = snapshot().stats;
    m_countersLabel->setText(tr("Sent %1 bytes (%2) · received %3 bytes (%4)")
                                 .arg(locale.toString(stats.bytesOut), formatByteRate(stats.bytesOutPerSecond),
                                      locale.toString(stats.bytesIn), formatByteRate(stats.bytesInPerSecond)));
}

void ClientPane::updateControls()
{
    const bool running = isRunning();
    m_transportCombo->setEnabled(!running);
    m_hostEdit->setEnabled(!running);
    m_portSpin->setEnabled(!running);
    // A serial port has a device, not a host and a port (its panel names it).
    const bool serial = isSerial();
    for (QWidget *field : std::initializer_list<QWidget *>{m_hostLabel, m_hostEdit, m_portLabel, m_portSpin, m_followCheck})
        field->setVisible(!serial);

    if (serial) {
        m_connectButton->setText(running ? tr("&Close") : tr("&Open"));
        m_connectButton->setAccessibleName(running ? tr("Close serial port") : tr("Open serial port"));
    } else if (isTcp()) {
        m_connectButton->setText(running ? tr("&Disconnect") : tr("&Connect"));
        m_connectButton->setAccessibleName(running ? tr("Disconnect client") : tr("Connect client"));
    } else {
        m_connectButton->setText(running ? tr("&Close") : tr("&Open"));
        m_connectButton->setAccessibleName(running ? tr("Close client socket") : tr("Open client socket"));
    }
    const bool active = snapshot().isActive();
    m_payload->setSendEnabled(active);
    m_openConnectionButton->setVisible(isTcp() && !serial);
    m_openConnectionButton->setEnabled(active);
    m_sendAllButton->setVisible(isTcp() && !serial);
    updateOptionsPanels(running ? snapshot().config.transport : transport());
    m_sendAllButton->setEnabled(active && m_connections->rowCount() > 1);
}

void ClientPane::updateState()
{
    const bool tcp = isTcp();
    const bool serial = isSerial();
    const Transport shown = isRunning() ? snapshot().config.transport : transport();
    const bool secure = isRunning() ? snapshot().config.secure : webSocketOptions()->isSecure();
    lifecycleLabel()->setKind(serial                       ? LifecycleLabel::Kind::SerialPort
                              : shown == Transport::Dtls ? LifecycleLabel::Kind::DtlsClient
                              : tcp                      ? LifecycleLabel::Kind::TcpClient
                                                         : LifecycleLabel::Kind::UdpClient,
                              LifecycleFlow::layerOf(shown, secure));
    rulesPanel()->setUnit(RulesPanel::unitOf(isRunning() ? snapshot().capabilities
                                                        : Session::capabilitiesOf(transport(), Role::Client)));
    m_connections->setPeers(!tcp);

    const EndpointConfig &config = snapshot().config;
    if (serial) {
        showSerialState();
        return;
    }
    switch (snapshot().state) {
    case EndpointState::Idle:
        showState(Tone::Idle, tcp ? tr("not connected — press Connect")
                                  : tr("closed — press Open to create a socket"));
        lifecycleLabel()->setReached(-1);
        break;
    case EndpointState::LookingUp:
        showState(Tone::Busy, tr("looking up %1…").arg(config.host));
        lifecycleLabel()->setReached(1);
        break;
    case EndpointState::Connecting:
        showState(Tone::Busy, tr("connecting to %1…").arg(hostPortText(config.host, config.port)));
        lifecycleLabel()->setReached(1);
        break;
    case EndpointState::Active: {
        const QString local = snapshot().localText;
        if (tcp) {
            const QString peer = snapshot().peerText.isEmpty() ? hostPortText(config.host, config.port)
                                                               : snapshot().peerText;
            showState(Tone::Active, tr("connected %1 → %2").arg(local, peer));
        } else {
            showState(Tone::Active, tr("open on %1, sends to %2").arg(local, hostPortText(config.host, config.port)));
        }
        lifecycleLabel()->setReached(2);
        break;
    }
    case EndpointState::Closing:
        showState(Tone::Busy, tr("closing…"));
        lifecycleLabel()->setReached(3);
        break;
    }
}

void ClientPane::showSerialState()
{
    const SerialSpec &line = snapshot().config.serial;
    switch (snapshot().state) {
    case EndpointState::Idle:
        showState(Tone::Idle, tr("closed — pick a device and press Open"));
        lifecycleLabel()->setReached(-1);
        break;
    case EndpointState::LookingUp:
    case EndpointState::Connecting:
        showState(Tone::Busy, tr("opening %1…").arg(line.device));
        lifecycleLabel()->setReached(0);
        break;
    case EndpointState::Active:
        showState(Tone::Active, tr("open: %1 at %2").arg(line.device, line.settingsText()));
        lifecycleLabel()->setReached(2);
        break;
    case EndpointState::Closing:
        showState(Tone::Busy, tr("closing…"));
        lifecycleLabel()->setReached(3);
        break;
    }
}

} // namespace SockPlay
