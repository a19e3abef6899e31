#include "clientpane.h"

#include "address.h"
#include "connectionsmodel.h"
#include "connectionsview.h"
#include "errorlabel.h"
#include "wrappedlabel.h"
#include "lifecyclelabel.h"
#include "payloadeditor.h"
#include "rulespanel.h"
#include "session.h"
#include "simlinkpanel.h"
#include "websocketoptionspanel.h"
#include "websockettext.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTextEdit>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

EndpointConfig clientConfig(const QString &name)
{
    EndpointConfig config;
    config.role = Role::Client;
    config.name = name;
    return config;
}

} // namespace

ClientPane::ClientPane(Session *session, QWidget *parent)
    : ClientPane(session, QStringLiteral("client"), QStringLiteral("client"), parent)
{
}

ClientPane::ClientPane(Session *session, const QString &name, const QString &objectPrefix, QWidget *parent)
    : EndpointPane(clientConfig(name), objectPrefix, tr("Client"), session, parent)
{
    m_transportCombo = new QComboBox(this);
    m_transportCombo->setObjectName(childName("TransportCombo"));
    m_transportCombo->setAccessibleName(tr("Client transport"));
    m_transportCombo->addItem(tr("TCP"), QVariant::fromValue(int(Transport::Tcp)));
    m_transportCombo->addItem(tr("UDP"), QVariant::fromValue(int(Transport::Udp)));
    m_transportCombo->addItem(tr("TLS"), QVariant::fromValue(int(Transport::Tls)));
    m_transportCombo->addItem(tr("WebSocket"), QVariant::fromValue(int(Transport::WebSocket)));
    m_transportCombo->addItem(tr("DTLS"), QVariant::fromValue(int(Transport::Dtls)));
    m_transportCombo->addItem(tr("Serial port"), QVariant::fromValue(int(Transport::Serial)));
    m_transportCombo->setToolTip(tr("TCP: connections and a byte stream.\n"
                                    "UDP: single datagrams, to one address, a multicast group or a broadcast address.\n"
                                    "TLS: a TCP stream, encrypted after a handshake.\n"
                                    "WebSocket: messages over an HTTP-upgraded TCP connection.\n"
                                    "DTLS: UDP datagrams, encrypted after a handshake.\n"
                                    "Serial port: a byte stream over a device such as /dev/ttyUSB0."));

    m_hostEdit = new QLineEdit(QStringLiteral("127.0.0.1"), this);
    m_hostEdit->setObjectName(childName("HostEdit"));
    m_hostEdit->setAccessibleName(tr("Client host"));
    m_hostEdit->setToolTip(tr("The server's host name or address"));
    m_hostEdit->setPlaceholderText(tr("host name or address"));

    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(childName("PortSpin"));
    m_portSpin->setAccessibleName(tr("Client port"));
    m_portSpin->setRange(1, 65535);
    m_portSpin->setToolTip(tr("The server's port"));

    m_connectButton = new QPushButton(this);
    m_connectButton->setObjectName(childName("ConnectButton"));
    m_connectButton->setAutoDefault(false);

    m_followCheck = new QCheckBox(tr("Follo&w the server's address"), this);
    m_followCheck->setObjectName(childName("FollowServerCheck"));
    m_followCheck->setAccessibleName(tr("Client follows the server's address"));
    m_followCheck->setToolTip(tr("Keep host, port and transport in step with the server pane.\n"
                                 "Editing the host or port by hand turns this off."));
    m_followCheck->setChecked(true);
    // Made here so that Tab reaches them after the client's own fields.
    makeOptionsPanels();

    m_countersLabel = new WrappedLabel(this);
    m_countersLabel->setObjectName(childName("CountersLabel"));
    m_countersLabel->setWordWrap(true); // beside a button: wraps rather than widening the pane

    // Several connections to the same server: a row each, as in the server pane.
    m_connections = new ConnectionsModel(session, endpointId(), this);
    m_connectionsView = new ConnectionsView(m_connections, this);
    m_connectionsView->setObjectName(childName("ConnectionsTable"));
    m_connectionsView->setAccessibleName(tr("Client connections"));
    m_openConnectionButton = new QPushButton(tr("Another co&nnection"), this);
    m_openConnectionButton->setObjectName(childName("OpenConnectionButton"));
    m_openConnectionButton->setAccessibleName(tr("Open another connection"));
    m_openConnectionButton->setToolTip(tr("One more connection from this client to the same server, "
                                          "with its own row and counters"));
    m_openConnectionButton->setAutoDefault(false);

    m_payload = new PayloadEditor(this->objectPrefix(), tr("S&end"), this);
    m_sendAllButton = new QPushButton(tr("Send to a&ll"), this);
    m_sendAllButton->setObjectName(childName("SendAllButton"));
    m_sendAllButton->setAccessibleName(tr("Client send to all connections"));
    m_sendAllButton->setToolTip(tr("Send on every connection of this client"));
    m_payload->addButton(m_sendAllButton);

    auto *transportLabel = new QLabel(tr("Transport"), this);
    transportLabel->setBuddy(m_transportCombo);
    m_hostLabel = new QLabel(tr("Host"), this);
    m_hostLabel->setBuddy(m_hostEdit);
    m_portLabel = new QLabel(tr("Port"), this);
    m_portLabel->setBuddy(m_portSpin);

    auto *form = new QGridLayout;
    form->addWidget(transportLabel, 0, 0);
    form->addWidget(m_transportCombo, 0, 1, Qt::AlignLeft);
    form->addWidget(m_hostLabel, 1, 0);
    form->addWidget(m_hostEdit, 1, 1);
    form->addWidget(m_portLabel, 1, 2);
    form->addWidget(m_portSpin, 1, 3);
    auto *connectRow = new QHBoxLayout;
    connectRow->addWidget(m_connectButton);
    connectRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    connectRow->addWidget(m_followCheck);
    connectRow->addStretch(1);
    form->addLayout(connectRow, 2, 1, 1, 3);
    form->setColumnStretch(1, 1);

    paneLayout()->addLayout(form);
    addOptionsPanels();
    addStatusLines();
    auto *countersRow = new QHBoxLayout;
    countersRow->addWidget(m_countersLabel, 1);
    countersRow->addWidget(m_openConnectionButton);
    paneLayout()->addLayout(countersRow);
    paneLayout()->addWidget(m_connectionsView, 1);
    paneLayout()->addWidget(makeMessageTabs(m_payload));

    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, [this] {
        // A serial port is nothing a server has: picking it stops following the server.
        if (!m_applyingServerTarget && transport() == Transport::Serial)
            m_followCheck->setChecked(false);
        updateControls();
        updateState();
    });
    // Only edits by the user unlink the client from the server's address.
    connect(m_hostEdit, &QLineEdit::textEdited, this, [this] { m_followCheck->setChecked(false); });
    connect(m_portSpin, &QSpinBox::valueChanged, this, [this] {
        if (!m_applyingServerTarget)
            m_followCheck->setChecked(false);
    });
    connect(m_hostEdit, &QLineEdit::textChanged, this, &ClientPane::updateUrl);
    connect(m_portSpin, &QSpinBox::valueChanged, this, &ClientPane::updateUrl);
    connect(webSocketOptions(), &WebSocketOptionsPanel::pathChanged, this, [this] { m_followCheck->setChecked(false); });
    // wss:// shows the TLS settings (and the TLS step in the lifecycle strip).
    connect(webSocketOptions(), &WebSocketOptionsPanel::secureChanged, this, [this] {
        updateControls();
        updateState();
    });
    connect(m_followCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            applyServerTarget();
    });
    // Enter in the host or the port field connects (a spin box's Enter
    // reaches its inner line edit as returnPressed).
    const auto connectOnEnter = [this] {
        if (!isRunning())
            start();
    };
    connect(m_hostEdit, &QLineEdit::returnPressed, this, connectOnEnter);
    if (auto *portEdit = m_portSpin->findChild<QLineEdit *>())
        connect(portEdit, &QLineEdit::returnPressed, this, connectOnEnter);
    connect(m_connectButton, &QPushButton::clicked, this, &ClientPane::toggleConnect);
    connect(m_openConnectionButton, &QPushButton::clicked, this, &ClientPane::openAnotherConnection);
    connect(m_payload, &PayloadEditor::sendRequested, this, &ClientPane::send);
    connect(m_sendAllButton, &QPushButton::clicked, this, &ClientPane::sendToAll);
    connect(m_connectionsView->selectionModel(), &QItemSelectionModel::selectionChanged,
            this, &ClientPane::updateControls);
    connect(m_connections, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        m_connectionsView->selectIfNoneSelected(m_connections->connectionIdAt(first));
        updateControls();
    });
    connect(m_connections, &QAbstractItemModel::rowsRemoved, this, &ClientPane::updateControls);

    updateControls();
    updateState();
    updateCounters();
}

Transport ClientPane::transport() const
{
    return Transport(m_transportCombo->currentData().toInt());
}

bool ClientPane::isFollowingServer() const
{
    return m_followCheck->isChecked();
}

bool ClientPane::isSerial() const
{
    return (isRunning() ? snapshot().config.transport : transport()) == Transport::Serial;
}

bool ClientPane::isTcp() const
{
    const EndpointCapabilities capabilities = isRunning() ? snapshot().capabilities
                                                          : Session::capabilitiesOf(transport(), Role::Client);
    return capabilities.hasConnections;
}

void ClientPane::setServerTarget(Transport transport, const QString &host, quint16 port, const QString &path,
                                 bool secure)
{
    m_serverTransport = transport;
    m_serverHost = host;
    m_serverPath = path;
    m_serverSecure = secure;
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
    if (!m_serverPath.isEmpty())
        webSocketOptions()->setPath(m_serverPath);
    if (m_serverTransport == Transport::WebSocket)
        webSocketOptions()->setSecure(m_serverSecure);
    m_applyingServerTarget = false;
    updateUrl();
}

void ClientPane::toggleConnect()
{
    if (isRunning())
        session()->stop(endpointId());
    else
        start();
}

void ClientPane::start()
{
    errorLabel()->clearError();
    const QString host = m_hostEdit->text().trimmed();
    if (host.isEmpty() && transport() != Transport::Serial) {
        reportUiError(tr("Enter the server's host name or address first."));
        m_hostEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (const QString problem = optionsProblem(transport()); !problem.isEmpty()) {
        reportUiError(problem);
        return;
    }
    m_connections->clear();
    m_startRequested = true;
    session()->start(endpointId(), settings());
}

void ClientPane::openAnotherConnection()
{
    if (!snapshot().isActive()) {
        reportUiError(tr("Cannot open another connection: connect first."));
        return;
    }
    errorLabel()->clearError();
    session()->openConnection(endpointId());
}

void ClientPane::focusPayloadAfterStart()
{
    // Unless the user went on typing elsewhere meanwhile (a field of
    // another pane, the log's search): that wins. A button elsewhere does
    // not (Alt+C pressed from the server pane leaves the focus there).
    const QWidget *focus = QApplication::focusWidget();
    const bool typingElsewhere = focus && focus != this && !isAncestorOf(focus)
                                 && (qobject_cast<const QLineEdit *>(focus) || qobject_cast<const QAbstractSpinBox *>(focus)
                                     || qobject_cast<const QPlainTextEdit *>(focus) || qobject_cast<const QTextEdit *>(focus));
    if (!typingElsewhere)
        m_payload->lineEdit()->setFocus(Qt::OtherFocusReason);
}

EndpointConfig ClientPane::settings() const
{
    EndpointConfig config = snapshot().config;
    config.transport = transport();
    config.host = m_hostEdit->text().trimmed();
    config.port = quint16(m_portSpin->value());
    applyTransportOptions(config);
    applyMessageSettings(config);
    return config;
}

void ClientPane::applySettings(const EndpointConfig &config)
{
    // Values from a file are the user's own: they stop following the server.
    m_followCheck->setChecked(false);
    m_transportCombo->setCurrentIndex(qMax(0, m_transportCombo->findData(int(config.transport))));
    m_hostEdit->setText(config.host);
    m_portSpin->setValue(config.port);
    showTransportOptions(config);
    showMessageSettings(config);
}

void ClientPane::updateUrl()
{
    webSocketOptions()->setTarget(m_hostEdit->text().trimmed(), quint16(m_portSpin->value()));
}

void ClientPane::setFollowingServer(bool follow)
{
    m_followCheck->setChecked(follow);
}

void ClientPane::send()
{
    if (!snapshot().isActive()) {
        reportUiError(isSerial() ? tr("Cannot send: the serial port is not open — press Open first.")
                      : isTcp()  ? tr("Cannot send: not connected — press Connect first.")
                                 : tr("Cannot send: the UDP socket is not open — press Open first."));
        return;
    }
    // The selected connection; none selected (or UDP): the connection or the target.
    sendPayload(isTcp() ? m_connectionsView->selectedConnectionId() : 0, m_payload);
}

void ClientPane::sendToAll()
{
    if (!snapshot().isActive()) {
        reportUiError(tr("Cannot send: not connected — press Connect first."));
        return;
    }
    sendPayload(0, m_payload);
}

void ClientPane::snapshotChanged(const EndpointSnapshot &previous)
{
    if (m_startRequested && snapshot().isActive() && !previous.isActive()) {
        m_startRequested = false;
        focusPayloadAfterStart();
    } else if (previous.isRunning() && !snapshot().isRunning()) {
        m_startRequested = false; // it failed: the error line says why
    }
    updateControls();
    updateState();
    updateCounters();
}

} // namespace SockPlay
