#include "serverpane.h"

#include "connectionsmodel.h"
#include "connectionsview.h"
#include "errorlabel.h"
#include "eventlog.h"
#include "lifecyclelabel.h"
#include "payloadeditor.h"
#include "tcpserverendpoint.h"
#include "udpendpoint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

const QString serverName = QStringLiteral("server");

QString plural(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace

ServerPane::ServerPane(EventLog *log, QWidget *parent)
    : QFrame(parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("serverPane"));
    setAccessibleName(tr("Server"));
    setFrameShape(QFrame::StyledPanel);

    m_transportCombo = new QComboBox(this);
    m_transportCombo->setObjectName(QStringLiteral("serverTransportCombo"));
    m_transportCombo->setAccessibleName(tr("Server transport"));
    m_transportCombo->addItem(tr("TCP"), QVariant::fromValue(int(Transport::Tcp)));
    m_transportCombo->addItem(tr("UDP"), QVariant::fromValue(int(Transport::Udp)));
    m_transportCombo->setToolTip(tr("TCP: connections and a byte stream. UDP: single datagrams, no connection."));

    // Listening on every interface is a visible, explicit choice; the default
    // accepts this machine only.
    m_addressCombo = new QComboBox(this);
    m_addressCombo->setObjectName(QStringLiteral("serverAddressCombo"));
    m_addressCombo->setAccessibleName(tr("Server address"));
    m_addressCombo->setEditable(true);
    m_addressCombo->setInsertPolicy(QComboBox::NoInsert);
    m_addressCombo->addItem(tr("127.0.0.1 (this machine only)"));
    m_addressCombo->addItem(tr("::1 (this machine only, IPv6)"));
    m_addressCombo->addItem(tr("0.0.0.0 (all IPv4 interfaces)"));
    m_addressCombo->addItem(tr(":: (all interfaces, IPv6 and IPv4)"));
    m_addressCombo->setToolTip(tr("The local address to listen on.\n"
                                  "127.0.0.1 and ::1 accept this machine only;\n"
                                  "0.0.0.0 and :: accept connections from the network."));

    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(QStringLiteral("serverPortSpin"));
    m_portSpin->setAccessibleName(tr("Server port"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setSpecialValueText(tr("any free port"));
    m_portSpin->setValue(findFreeTcpPort());
    m_portSpin->setToolTip(tr("The local port; 0 lets the system pick a free one."));

    m_startButton = new QPushButton(this);
    m_startButton->setObjectName(QStringLiteral("serverStartButton"));
    m_startButton->setAutoDefault(false);

    m_echoCheck = new QCheckBox(tr("Ec&ho received bytes back"), this);
    m_echoCheck->setObjectName(QStringLiteral("serverEchoCheck"));
    m_echoCheck->setAccessibleName(tr("Server echo"));
    m_echoCheck->setToolTip(tr("Send every chunk the server receives straight back to its sender.\n"
                               "Applies from the next Start."));

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("serverStateLabel"));
    m_stateLabel->setTextFormat(Qt::RichText);
    m_lifecycleLabel = new LifecycleLabel(this);
    m_lifecycleLabel->setObjectName(QStringLiteral("serverLifecycleLabel"));
    m_errorLabel = new ErrorLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("serverErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Server error"));

    m_connectionsLabel = new QLabel(this);
    QFont bold = m_connectionsLabel->font();
    bold.setBold(true);
    m_connectionsLabel->setFont(bold);

    m_connections = new ConnectionsModel(this);
    m_connectionsView = new ConnectionsView(m_connections, this);
    m_connectionsView->setObjectName(QStringLiteral("serverConnectionsTable"));
    m_connectionsView->setAccessibleName(tr("Server connections"));

    m_disconnectButton = new QPushButton(this);
    m_disconnectButton->setObjectName(QStringLiteral("serverDisconnectButton"));
    m_disconnectButton->setAutoDefault(false);

    m_payload = new PayloadEditor(serverName, tr("Se&nd to selected"), this);
    m_sendAllButton = new QPushButton(tr("Send to &all"), this);
    m_sendAllButton->setObjectName(QStringLiteral("serverSendAllButton"));
    m_sendAllButton->setAccessibleName(tr("Server send to all"));
    m_payload->addButton(m_sendAllButton);

    auto *form = new QGridLayout;
    auto *transportLabel = new QLabel(tr("Transport"), this);
    transportLabel->setBuddy(m_transportCombo);
    auto *portLabel = new QLabel(tr("Port"), this);
    portLabel->setBuddy(m_portSpin);
    auto *addressLabel = new QLabel(tr("Address"), this);
    addressLabel->setBuddy(m_addressCombo);
    form->addWidget(transportLabel, 0, 0);
    form->addWidget(m_transportCombo, 0, 1, Qt::AlignLeft);
    form->addWidget(addressLabel, 1, 0);
    form->addWidget(m_addressCombo, 1, 1);
    form->addWidget(portLabel, 1, 2);
    form->addWidget(m_portSpin, 1, 3);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_startButton);
    startRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    startRow->addWidget(m_echoCheck);
    startRow->addStretch(1);
    form->addLayout(startRow, 2, 1, 1, 3);
    form->setColumnStretch(1, 1);

    auto *tableHeader = new QHBoxLayout;
    tableHeader->addWidget(m_connectionsLabel);
    tableHeader->addStretch(1);
    tableHeader->addWidget(m_disconnectButton);

    // The title and the state side by side: what this is, and what it does now.
    auto *title = new QLabel(tr("Server"), this);
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
    layout->addLayout(tableHeader);
    layout->addWidget(m_connectionsView, 1);
    layout->addWidget(m_payload);

    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        updateStateLine();
        emit targetChanged();
    });
    connect(m_addressCombo, &QComboBox::currentTextChanged, this, &ServerPane::targetChanged);
    connect(m_portSpin, &QSpinBox::valueChanged, this, &ServerPane::targetChanged);
    connect(m_startButton, &QPushButton::clicked, this, &ServerPane::toggleStart);
    connect(m_disconnectButton, &QPushButton::clicked, this, &ServerPane::disconnectSelected);
    connect(m_payload, &PayloadEditor::sendRequested, this, &ServerPane::sendToSelected);
    connect(m_sendAllButton, &QPushButton::clicked, this, &ServerPane::sendToAll);
    connect(m_connectionsView->selectionModel(), &QItemSelectionModel::selectionChanged,
            this, &ServerPane::updateControls);
    connect(m_log, &EventLog::eventsChanged, this, &ServerPane::onLogBatch);

    updateControls();
    updateStateLine();
}

Transport ServerPane::transport() const
{
    return Transport(m_transportCombo->currentData().toInt());
}

QString ServerPane::bindAddress() const
{
    // The items carry a description after the address: "0.0.0.0 (all IPv4 interfaces)".
    return m_addressCombo->currentText().trimmed().section(QLatin1Char(' '), 0, 0);
}

quint16 ServerPane::port() const
{
    if (m_endpoint && m_endpoint->isActive())
        return m_endpoint->localPort();
    return quint16(m_portSpin->value());
}

QString ServerPane::hostForClients() const
{
    QString address = bindAddress();
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    if (address.isEmpty() || address == QLatin1String("0.0.0.0")
        || address.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("127.0.0.1");
    if (address == QLatin1String("::"))
        return QStringLiteral("::1");
    return address;
}

void ServerPane::toggleStart()
{
    if (m_endpoint && m_endpoint->state() != EndpointState::Idle)
        m_endpoint->stop();
    else
        start();
}

void ServerPane::start()
{
    m_errorLabel->clearError();

    EndpointConfig config;
    config.transport = transport();
    config.host = bindAddress();
    config.port = quint16(m_portSpin->value());
    config.echo = m_echoCheck->isChecked();

    // A fresh endpoint per start: the transport may have changed, and the
    // counters and connection ids start from scratch.
    Endpoint *previous = m_endpoint;
    if (config.transport == Transport::Tcp)
        m_endpoint = new TcpServerEndpoint(serverName, m_log, this);
    else
        m_endpoint = new UdpEndpoint(serverName, m_log, this);
    m_connections->setEndpoint(m_endpoint); // connects first, so the model updates before the pane
    delete previous;

    connect(m_endpoint, &Endpoint::stateChanged, this, &ServerPane::onStateChanged);
    connect(m_endpoint, &Endpoint::errorOccurred, this, &ServerPane::onErrorOccurred);
    connect(m_endpoint, &Endpoint::connectionOpened, this, [this](int connectionId) {
        m_connectionsView->selectIfNoneSelected(connectionId);
        updateControls();
        updateStateLine();
    });
    connect(m_endpoint, &Endpoint::connectionClosed, this, [this] {
        updateControls();
        updateStateLine();
    });

    const Result result = m_endpoint->start(config);
    if (!result)
        m_errorLabel->showError(result.error);
    updateControls();
    updateStateLine();
    if (result)
        emit targetChanged(); // the OS may have picked the port
}

void ServerPane::sendToSelected()
{
    if (!m_endpoint || !m_endpoint->isActive()) {
        logUiError(tr("Cannot send: the server is not started — press Start first."));
        return;
    }
    if (m_connections->rowCount() == 0) {
        logUiError(transport() == Transport::Tcp
                       ? tr("Cannot send: no client is connected yet — connect the client first.")
                       : tr("Cannot send: no peer has sent a datagram yet, so there is nobody to answer."));
        return;
    }
    const int connectionId = m_connectionsView->selectedConnectionId();
    if (connectionId == 0) {
        logUiError(tr("Cannot send: select a connection in the table first (or use Send to all)."));
        return;
    }
    send(connectionId);
}

void ServerPane::sendToAll()
{
    if (!m_endpoint || !m_endpoint->isActive()) {
        logUiError(tr("Cannot send: the server is not started — press Start first."));
        return;
    }
    send(Endpoint::AllConnections);
}

void ServerPane::send(int connectionId)
{
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
    const Result result = m_endpoint->send(connectionId, parsed.bytes);
    if (!result) {
        m_errorLabel->showError(result.error);
        return;
    }
    m_errorLabel->clearError();
    m_payload->markSent();
}

void ServerPane::disconnectSelected()
{
    const int connectionId = m_connectionsView->selectedConnectionId();
    if (!m_endpoint || connectionId == 0)
        return;
    const Result result = m_endpoint->disconnectConnection(connectionId);
    if (!result)
        m_errorLabel->showError(result.error);
    else
        m_errorLabel->clearError();
}

void ServerPane::onStateChanged()
{
    if (m_endpoint && m_endpoint->state() == EndpointState::Idle)
        m_connections->refresh();
    updateControls();
    updateStateLine();
}

void ServerPane::onErrorOccurred(const QString &message)
{
    // The endpoint has logged it already; show it next to the controls.
    m_errorLabel->showError(message);
}

void ServerPane::onLogBatch()
{
    // Counters change with every packet; the table follows once per batch.
    if (m_endpoint)
        m_connections->refresh();
}

void ServerPane::updateControls()
{
    const bool running = m_endpoint && m_endpoint->state() != EndpointState::Idle;
    const bool active = m_endpoint && m_endpoint->isActive();
    const bool tcp = running ? m_endpoint->config().transport == Transport::Tcp
                             : transport() == Transport::Tcp;
    const bool anyConnection = m_connections->rowCount() > 0;
    const bool selected = m_connectionsView->selectedConnectionId() != 0;

    m_transportCombo->setEnabled(!running);
    m_addressCombo->setEnabled(!running);
    m_portSpin->setEnabled(!running);
    m_echoCheck->setEnabled(!running);

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

void ServerPane::updateStateLine()
{
    const bool tcp = m_endpoint && m_endpoint->state() != EndpointState::Idle
        ? m_endpoint->config().transport == Transport::Tcp
        : transport() == Transport::Tcp;
    m_lifecycleLabel->setKind(tcp ? LifecycleLabel::Kind::TcpServer : LifecycleLabel::Kind::UdpServer);

    QString dot = QStringLiteral("#80868b");
    QString text;
    int reached = -1;
    if (m_endpoint && m_endpoint->isActive()) {
        dot = QStringLiteral("#2e7d32");
        const QString where = formatAddress(m_endpoint->localAddress(), m_endpoint->localPort());
        const qsizetype n = m_connections->rowCount();
        if (tcp) {
            text = tr("Listening on %1 — %2").arg(where,
                                                 plural(n, tr("1 client"), tr("%1 clients")));
            reached = n > 0 ? 4 : 2;
        } else {
            text = tr("Bound to %1 — %2").arg(where,
                                             plural(n, tr("1 peer seen"), tr("%1 peers seen")));
            reached = 2;
        }
    } else {
        text = tcp ? tr("Stopped — press Start to listen") : tr("Stopped — press Start to bind");
    }
    m_stateLabel->setText(QStringLiteral("<span style=\"color:%1\">●</span> ").arg(dot)
                          + text.toHtmlEscaped());
    m_stateLabel->setAccessibleName(text);
    m_lifecycleLabel->setReached(reached);
}

void ServerPane::logUiError(const QString &message)
{
    // No endpoint reports these (they never reach a socket): log them here.
    m_errorLabel->showError(message);
    Event event;
    event.kind = EventKind::Error;
    event.endpointId = m_endpoint ? m_endpoint->id() : 0;
    event.endpointName = serverName;
    event.detail = message;
    m_log->append(event);
}

} // namespace SockPlay
