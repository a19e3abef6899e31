#include "clientpane.h"

#include "errorlabel.h"
#include "eventlog.h"
#include "lifecyclelabel.h"
#include "payloadeditor.h"
#include "tcpclientendpoint.h"
#include "udpendpoint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

/// "127.0.0.1:5000", "[::1]:5000", "example.org:80".
QString hostPortText(const QString &host, quint16 port)
{
    const QHostAddress literal(host);
    return literal.isNull() ? host + QLatin1Char(':') + QString::number(port)
                            : formatAddress(literal, port);
}

} // namespace

ClientPane::ClientPane(EventLog *log, QWidget *parent)
    : EndpointPane(QStringLiteral("client"), tr("Client"), log, parent)
{
    m_transportCombo = new QComboBox(this);
    m_transportCombo->setObjectName(QStringLiteral("clientTransportCombo"));
    m_transportCombo->setAccessibleName(tr("Client transport"));
    m_transportCombo->addItem(tr("TCP"), QVariant::fromValue(int(Transport::Tcp)));
    m_transportCombo->addItem(tr("UDP"), QVariant::fromValue(int(Transport::Udp)));

    m_hostEdit = new QLineEdit(QStringLiteral("127.0.0.1"), this);
    m_hostEdit->setObjectName(QStringLiteral("clientHostEdit"));
    m_hostEdit->setAccessibleName(tr("Client host"));
    m_hostEdit->setToolTip(tr("The server's host name or address"));
    m_hostEdit->setPlaceholderText(tr("host name or address"));

    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(QStringLiteral("clientPortSpin"));
    m_portSpin->setAccessibleName(tr("Client port"));
    m_portSpin->setRange(1, 65535);
    m_portSpin->setToolTip(tr("The server's port"));

    m_connectButton = new QPushButton(this);
    m_connectButton->setObjectName(QStringLiteral("clientConnectButton"));
    m_connectButton->setAutoDefault(false);

    m_followCheck = new QCheckBox(tr("Follo&w the server's address"), this);
    m_followCheck->setObjectName(QStringLiteral("clientFollowServerCheck"));
    m_followCheck->setAccessibleName(tr("Client follows the server's address"));
    m_followCheck->setToolTip(tr("Keep host, port and transport in step with the server pane.\n"
                                 "Editing the host or port by hand turns this off."));
    m_followCheck->setChecked(true);

    m_countersLabel = new QLabel(this);
    m_countersLabel->setObjectName(QStringLiteral("clientCountersLabel"));

    m_payload = new PayloadEditor(name(), tr("S&end"), this);

    auto *transportLabel = new QLabel(tr("Transport"), this);
    transportLabel->setBuddy(m_transportCombo);
    auto *hostLabel = new QLabel(tr("Host"), this);
    hostLabel->setBuddy(m_hostEdit);
    auto *portLabel = new QLabel(tr("Port"), this);
    portLabel->setBuddy(m_portSpin);

    auto *form = new QGridLayout;
    form->addWidget(transportLabel, 0, 0);
    form->addWidget(m_transportCombo, 0, 1, Qt::AlignLeft);
    form->addWidget(hostLabel, 1, 0);
    form->addWidget(m_hostEdit, 1, 1);
    form->addWidget(portLabel, 1, 2);
    form->addWidget(m_portSpin, 1, 3);
    auto *connectRow = new QHBoxLayout;
    connectRow->addWidget(m_connectButton);
    connectRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    connectRow->addWidget(m_followCheck);
    connectRow->addStretch(1);
    form->addLayout(connectRow, 2, 1, 1, 3);
    form->setColumnStretch(1, 1);

    paneLayout()->addLayout(form);
    addStatusLines();
    paneLayout()->addWidget(m_countersLabel);
    paneLayout()->addStretch(1);
    paneLayout()->addWidget(m_payload);

    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        updateState();
    });
    // Only edits by the user unlink the client from the server's address.
    connect(m_hostEdit, &QLineEdit::textEdited, this, [this] { m_followCheck->setChecked(false); });
    connect(m_portSpin, &QSpinBox::valueChanged, this, [this] {
        if (!m_applyingServerTarget)
            m_followCheck->setChecked(false);
    });
    connect(m_followCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            applyServerTarget();
    });
    connect(m_hostEdit, &QLineEdit::returnPressed, this, &ClientPane::toggleConnect);
    connect(m_connectButton, &QPushButton::clicked, this, &ClientPane::toggleConnect);
    connect(m_payload, &PayloadEditor::sendRequested, this, &ClientPane::send);
    connect(log, &EventLog::eventsChanged, this, &ClientPane::onLogBatch);

    updateControls();
    updateState();
    onLogBatch();
}

Transport ClientPane::transport() const
{
    return Transport(m_transportCombo->currentData().toInt());
}

bool ClientPane::isFollowingServer() const
{
    return m_followCheck->isChecked();
}

bool ClientPane::isTcp() const
{
    // While running, what runs; otherwise what is picked.
    return isRunning() ? endpoint()->config().transport == Transport::Tcp
                       : transport() == Transport::Tcp;
}

void ClientPane::setServerTarget(Transport transport, const QString &host, quint16 port)
{
    m_serverTransport = transport;
    m_serverHost = host;
    if (port != 0)
        m_serverPort = port;
    if (isFollowingServer())
        applyServerTarget();
}

void ClientPane::applyServerTarget()
{
    m_applyingServerTarget = true;
    m_transportCombo->setCurrentIndex(m_transportCombo->findData(int(m_serverTransport)));
    if (!m_serverHost.isEmpty())
        m_hostEdit->setText(m_serverHost);
    if (m_serverPort != 0)
        m_portSpin->setValue(m_serverPort);
    m_applyingServerTarget = false;
}

void ClientPane::toggleConnect()
{
    if (isRunning())
        endpoint()->stop();
    else
        start();
}

void ClientPane::start()
{
    errorLabel()->clearError();
    const QString host = m_hostEdit->text().trimmed();
    if (host.isEmpty()) {
        reportUiError(tr("Enter the server's host name or address first."));
        m_hostEdit->setFocus(Qt::OtherFocusReason);
        return;
    }

    EndpointConfig config;
    config.transport = transport();
    Endpoint *client = nullptr;
    if (config.transport == Transport::Tcp) {
        config.host = host;
        config.port = quint16(m_portSpin->value());
        client = new TcpClientEndpoint(name(), eventLog(), this);
    } else {
        // A UDP client is a socket bound to a port the system picks; each
        // datagram names its target.
        config.host = udpBindAddressFor(host);
        config.port = 0;
        m_udpTargetHost = host;
        m_udpTargetPort = quint16(m_portSpin->value());
        client = new UdpEndpoint(name(), eventLog(), this);
    }
    replaceEndpoint(client);

    connect(client, &Endpoint::stateChanged, this, [this] {
        updateControls();
        updateState();
    });
    connect(client, &Endpoint::errorOccurred, errorLabel(), &ErrorLabel::showError);
    connect(client, &Endpoint::connectionOpened, this, &ClientPane::updateState);

    const Result result = client->start(config);
    if (!result)
        errorLabel()->showError(result.error);
    updateControls();
    updateState();
}

void ClientPane::send()
{
    if (!endpoint() || !endpoint()->isActive()) {
        reportUiError(isTcp() ? tr("Cannot send: not connected — press Connect first.")
                              : tr("Cannot send: the UDP socket is not open — press Open first."));
        return;
    }
    const std::optional<QByteArray> bytes = takePayload(m_payload);
    if (!bytes)
        return;
    auto *udp = qobject_cast<UdpEndpoint *>(endpoint());
    finishSend(udp ? udp->sendTo(m_udpTargetHost, m_udpTargetPort, *bytes)
                   : endpoint()->send(Endpoint::AllConnections, *bytes),
               m_payload);
}

void ClientPane::onLogBatch()
{
    const qint64 out = endpoint() ? endpoint()->bytesOut() : 0;
    const qint64 in = endpoint() ? endpoint()->bytesIn() : 0;
    const QLocale locale;
    m_countersLabel->setText(tr("Sent %1 bytes · received %2 bytes")
                                 .arg(locale.toString(out), locale.toString(in)));
}

void ClientPane::updateControls()
{
    const bool running = isRunning();
    m_transportCombo->setEnabled(!running);
    m_hostEdit->setEnabled(!running);
    m_portSpin->setEnabled(!running);

    if (isTcp()) {
        m_connectButton->setText(running ? tr("&Disconnect") : tr("&Connect"));
        m_connectButton->setAccessibleName(running ? tr("Disconnect client") : tr("Connect client"));
    } else {
        m_connectButton->setText(running ? tr("&Close") : tr("&Open"));
        m_connectButton->setAccessibleName(running ? tr("Close client socket") : tr("Open client socket"));
    }
    m_payload->setSendEnabled(endpoint() && endpoint()->isActive());
}

void ClientPane::updateState()
{
    const bool tcp = isTcp();
    lifecycleLabel()->setKind(tcp ? LifecycleLabel::Kind::TcpClient : LifecycleLabel::Kind::UdpClient);

    const EndpointState state = endpoint() ? endpoint()->state() : EndpointState::Idle;
    const EndpointConfig config = endpoint() ? endpoint()->config() : EndpointConfig{};
    switch (state) {
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
        const QString local = formatAddress(endpoint()->localAddress(), endpoint()->localPort());
        if (tcp) {
            const QList<ConnectionInfo> connections = endpoint()->connections();
            const QString peer = connections.isEmpty() ? hostPortText(config.host, config.port)
                                                       : connections.first().peerText();
            showState(Tone::Active, tr("connected %1 → %2").arg(local, peer));
        } else {
            showState(Tone::Active, tr("open on %1, sends to %2")
                                        .arg(local, hostPortText(m_udpTargetHost, m_udpTargetPort)));
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

QString ClientPane::udpBindAddressFor(const QString &host)
{
    // Bind where the answer will come from: loopback for a loopback target (so
    // the socket is not reachable from the network), any address otherwise;
    // a host name may resolve to IPv6 or IPv4, and "::" takes both.
    const QHostAddress address(host);
    if (address.isNull())
        return QStringLiteral("::");
    bool v4 = false;
    address.toIPv4Address(&v4);
    if (address.isLoopback())
        return v4 ? QStringLiteral("127.0.0.1") : QStringLiteral("::1");
    return v4 ? QStringLiteral("0.0.0.0") : QStringLiteral("::");
}

} // namespace SockPlay
