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

const QString clientName = QStringLiteral("client");

/// "127.0.0.1:5000", "[::1]:5000", "example.org:80".
QString hostPortText(const QString &host, quint16 port)
{
    const QHostAddress literal(host);
    return literal.isNull() ? host + QLatin1Char(':') + QString::number(port)
                            : formatAddress(literal, port);
}

} // namespace

ClientPane::ClientPane(EventLog *log, QWidget *parent)
    : QFrame(parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("clientPane"));
    setAccessibleName(tr("Client"));
    setFrameShape(QFrame::StyledPanel);

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

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("clientStateLabel"));
    m_stateLabel->setTextFormat(Qt::RichText);
    m_lifecycleLabel = new LifecycleLabel(this);
    m_lifecycleLabel->setObjectName(QStringLiteral("clientLifecycleLabel"));
    m_errorLabel = new ErrorLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("clientErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Client error"));
    m_countersLabel = new QLabel(this);
    m_countersLabel->setObjectName(QStringLiteral("clientCountersLabel"));

    m_payload = new PayloadEditor(clientName, tr("S&end"), this);

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

    // The title and the state side by side: what this is, and what it does now.
    auto *title = new QLabel(tr("Client"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    titleRow->addWidget(m_stateLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addLayout(form);
    layout->addWidget(m_lifecycleLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_countersLabel);
    layout->addStretch(1);
    layout->addWidget(m_payload);

    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        updateStateLine();
    });
    connect(m_hostEdit, &QLineEdit::textEdited, this, &ClientPane::onUserEditedTarget);
    connect(m_portSpin, &QSpinBox::valueChanged, this, [this] {
        if (!m_applyingServerTarget)
            onUserEditedTarget();
    });
    connect(m_followCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            applyServerTarget();
    });
    connect(m_hostEdit, &QLineEdit::returnPressed, this, &ClientPane::toggleConnect);
    connect(m_connectButton, &QPushButton::clicked, this, &ClientPane::toggleConnect);
    connect(m_payload, &PayloadEditor::sendRequested, this, &ClientPane::send);
    connect(m_log, &EventLog::eventsChanged, this, &ClientPane::onLogBatch);

    updateControls();
    updateStateLine();
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

void ClientPane::onUserEditedTarget()
{
    m_followCheck->setChecked(false);
}

void ClientPane::toggleConnect()
{
    if (m_endpoint && m_endpoint->state() != EndpointState::Idle)
        m_endpoint->stop();
    else
        start();
}

void ClientPane::start()
{
    m_errorLabel->clearError();
    const QString host = m_hostEdit->text().trimmed();
    if (host.isEmpty()) {
        logUiError(tr("Enter the server's host name or address first."));
        m_hostEdit->setFocus(Qt::OtherFocusReason);
        return;
    }

    EndpointConfig config;
    config.transport = transport();
    Endpoint *previous = m_endpoint;
    if (config.transport == Transport::Tcp) {
        config.host = host;
        config.port = quint16(m_portSpin->value());
        m_endpoint = new TcpClientEndpoint(clientName, m_log, this);
    } else {
        // A UDP client is a socket bound to any free port; each Send names the target.
        config.host = udpBindAddressFor(host);
        config.port = 0;
        m_udpTargetHost = host;
        m_udpTargetPort = quint16(m_portSpin->value());
        m_endpoint = new UdpEndpoint(clientName, m_log, this);
    }
    delete previous;

    connect(m_endpoint, &Endpoint::stateChanged, this, [this] {
        updateControls();
        updateStateLine();
    });
    connect(m_endpoint, &Endpoint::errorOccurred, m_errorLabel, &ErrorLabel::showError);
    connect(m_endpoint, &Endpoint::connectionOpened, this, &ClientPane::updateStateLine);

    const Result result = m_endpoint->start(config);
    if (!result)
        m_errorLabel->showError(result.error);
    updateControls();
    updateStateLine();
}

void ClientPane::send()
{
    const bool tcp = m_endpoint ? m_endpoint->config().transport == Transport::Tcp
                                : transport() == Transport::Tcp;
    if (!m_endpoint || !m_endpoint->isActive()) {
        logUiError(tcp ? tr("Cannot send: not connected — press Connect first.")
                       : tr("Cannot send: the UDP socket is not open — press Open first."));
        return;
    }
    const ParseResult parsed = m_payload->payload();
    if (!parsed.ok) {
        logUiError(parsed.error);
        m_payload->showErrorAt(parsed.errorPosition);
        return;
    }
    if (parsed.bytes.isEmpty()) {
        logUiError(tr("Nothing to send: the payload is empty."));
        return;
    }
    auto *udp = qobject_cast<UdpEndpoint *>(m_endpoint);
    const Result result = udp ? udp->sendTo(m_udpTargetHost, m_udpTargetPort, parsed.bytes)
                              : m_endpoint->send(Endpoint::AllConnections, parsed.bytes);
    if (!result) {
        m_errorLabel->showError(result.error);
        return;
    }
    m_errorLabel->clearError();
    m_payload->markSent();
}

void ClientPane::onLogBatch()
{
    const qint64 out = m_endpoint ? m_endpoint->bytesOut() : 0;
    const qint64 in = m_endpoint ? m_endpoint->bytesIn() : 0;
    const QLocale locale;
    m_countersLabel->setText(tr("Sent %1 bytes · received %2 bytes")
                                 .arg(locale.toString(out), locale.toString(in)));
}

void ClientPane::updateControls()
{
    const EndpointState state = m_endpoint ? m_endpoint->state() : EndpointState::Idle;
    const bool running = state != EndpointState::Idle;
    const bool tcp = running ? m_endpoint->config().transport == Transport::Tcp
                             : transport() == Transport::Tcp;

    m_transportCombo->setEnabled(!running);
    m_hostEdit->setEnabled(!running);
    m_portSpin->setEnabled(!running);

    if (tcp) {
        m_connectButton->setText(running ? tr("&Disconnect") : tr("&Connect"));
        m_connectButton->setAccessibleName(running ? tr("Disconnect client") : tr("Connect client"));
    } else {
        m_connectButton->setText(running ? tr("&Close") : tr("&Open"));
        m_connectButton->setAccessibleName(running ? tr("Close client socket") : tr("Open client socket"));
    }
    m_payload->setSendEnabled(state == EndpointState::Active);
}

void ClientPane::updateStateLine()
{
    const EndpointState state = m_endpoint ? m_endpoint->state() : EndpointState::Idle;
    const bool running = state != EndpointState::Idle;
    const bool tcp = running ? m_endpoint->config().transport == Transport::Tcp
                             : transport() == Transport::Tcp;
    m_lifecycleLabel->setKind(tcp ? LifecycleLabel::Kind::TcpClient : LifecycleLabel::Kind::UdpClient);

    QString dot = QStringLiteral("#80868b");
    QString text;
    int reached = -1;
    switch (state) {
    case EndpointState::Idle:
        text = tcp ? tr("Not connected — press Connect") : tr("Closed — press Open to create the socket");
        break;
    case EndpointState::LookingUp:
        dot = QStringLiteral("#ef6c00");
        text = tr("Looking up %1…").arg(m_endpoint->config().host);
        reached = 1;
        break;
    case EndpointState::Connecting:
        dot = QStringLiteral("#ef6c00");
        text = tr("Connecting to %1…").arg(hostPortText(m_endpoint->config().host,
                                                         m_endpoint->config().port));
        reached = 1;
        break;
    case EndpointState::Active: {
        dot = QStringLiteral("#2e7d32");
        const QString local = formatAddress(m_endpoint->localAddress(), m_endpoint->localPort());
        if (tcp) {
            const QList<ConnectionInfo> connections = m_endpoint->connections();
            const QString peer = connections.isEmpty()
                ? hostPortText(m_endpoint->config().host, m_endpoint->config().port)
                : connections.first().peerText();
            text = tr("Connected %1 → %2").arg(local, peer);
        } else {
            text = tr("Open on %1 — sends to %2")
                       .arg(local, hostPortText(m_udpTargetHost, m_udpTargetPort));
        }
        reached = 2;
        break;
    }
    case EndpointState::Closing:
        dot = QStringLiteral("#ef6c00");
        text = tr("Closing…");
        reached = 3;
        break;
    }
    m_stateLabel->setText(QStringLiteral("<span style=\"color:%1\">●</span> ").arg(dot)
                          + text.toHtmlEscaped());
    m_stateLabel->setAccessibleName(text);
    m_lifecycleLabel->setReached(reached);
}

void ClientPane::logUiError(const QString &message)
{
    // No endpoint reports these (they never reach a socket): log them here.
    m_errorLabel->showError(message);
    Event event;
    event.kind = EventKind::Error;
    event.endpointId = m_endpoint ? m_endpoint->id() : 0;
    event.endpointName = clientName;
    event.detail = message;
    m_log->append(event);
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
