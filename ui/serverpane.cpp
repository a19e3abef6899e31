#include "serverpane.h"

#include "address.h"
#include "connectionsmodel.h"
#include "connectionsview.h"
#include "errorlabel.h"
#include "lifecyclelabel.h"
#include "listenwarning.h"
#include "multicast.h"
#include "multicastoptionspanel.h"
#include "payloadeditor.h"
#include "presentermode.h"
#include "relayoptionspanel.h"
#include "rulespanel.h"
#include "session.h"
#include "simlinkpanel.h"
#include "tlsoptionspanel.h"
#include "websocketoptionspanel.h"

#include <QAction>
#include <QCheckBox>
#include <QInputDialog>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

EndpointConfig serverConfig(const QString &name)
{
    EndpointConfig config;
    config.role = Role::Server;
    config.name = name;
    return config;
}

} // namespace

ServerPane::ServerPane(Session *session, QWidget *parent)
    : ServerPane(session, QStringLiteral("server"), QStringLiteral("server"), parent)
{
}

ServerPane::ServerPane(Session *session, const QString &name, const QString &objectPrefix, QWidget *parent)
    : EndpointPane(serverConfig(name), objectPrefix, tr("Server"), session, parent)
{
    m_transportCombo = new QComboBox(this);
    m_transportCombo->setObjectName(childName("TransportCombo"));
    m_transportCombo->setAccessibleName(tr("Server transport"));
    m_transportCombo->addItem(tr("TCP"), QVariant::fromValue(int(Transport::Tcp)));
    m_transportCombo->addItem(tr("UDP"), QVariant::fromValue(int(Transport::Udp)));
    m_transportCombo->addItem(tr("TLS"), QVariant::fromValue(int(Transport::Tls)));
    m_transportCombo->addItem(tr("WebSocket"), QVariant::fromValue(int(Transport::WebSocket)));
    m_transportCombo->addItem(tr("Relay"), QVariant::fromValue(int(Transport::Relay)));
    m_transportCombo->addItem(tr("DTLS"), QVariant::fromValue(int(Transport::Dtls)));
    m_transportCombo->setToolTip(tr("TCP: connections and a byte stream.\n"
                                    "UDP: single datagrams, no connection.\n"
                                    "TLS: a TCP stream, encrypted after a handshake.\n"
                                    "WebSocket: messages over an HTTP-upgraded TCP connection.\n"
                                    "Relay: forwards each client to a target, logging both directions.\n"
                                    "DTLS: UDP datagrams, encrypted after a handshake with each client."));

    // Listening on every interface is a visible, explicit choice; the default
    // accepts this machine only.
    m_maxClientsSpin = new QSpinBox(this);
    m_maxClientsSpin->setObjectName(childName("MaxClientsSpin"));
    m_maxClientsSpin->setAccessibleName(tr("Server max clients"));
    m_maxClientsSpin->setRange(1, 1'000'000);
    m_maxClientsSpin->setValue(EndpointConfig().maxConnections);
    m_maxClientsSpin->setGroupSeparatorShown(true);
    m_maxClientsSpin->setToolTip(tr("TCP clients served at once; one more is turned away, "
                                    "and the log says why."));

    m_addressCombo = new QComboBox(this);
    m_addressCombo->setObjectName(childName("AddressCombo"));
    m_addressCombo->setAccessibleName(tr("Server address"));
    m_addressCombo->setEditable(true);
    m_addressCombo->setInsertPolicy(QComboBox::NoInsert);
    m_addressCombo->lineEdit()->setObjectName(childName("AddressEdit"));
    m_addressCombo->lineEdit()->setAccessibleName(tr("Server address"));
    // Each item carries its address as data: the text around it is translated.
    const auto addAddress = [this](const QString &text, const QString &address) {
        m_addressCombo->addItem(text.arg(address), address);
    };
    addAddress(tr("%1 (this machine only)"), QStringLiteral("127.0.0.1"));
    addAddress(tr("%1 (this machine only, IPv6)"), QStringLiteral("::1"));
    addAddress(tr("%1 (all IPv4 interfaces)"), QStringLiteral("0.0.0.0"));
    addAddress(tr("%1 (all interfaces, IPv6 and IPv4)"), QStringLiteral("::"));
    m_addressCombo->setToolTip(tr("The local address to listen on.\n"
                                  "127.0.0.1 and ::1 accept this machine only;\n"
                                  "0.0.0.0 and :: accept connections from the network."));

    m_listenWarning = new ListenWarning(this);
    m_listenWarning->setObjectName(childName("AllInterfacesWarning"));

    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(childName("PortSpin"));
    m_portSpin->setAccessibleName(tr("Server port"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setSpecialValueText(tr("any free port"));
    m_portSpin->setValue(findFreeTcpPort());
    m_portSpin->setToolTip(tr("The local port; 0 lets the system pick a free one."));

    m_startButton = new QPushButton(this);
    m_startButton->setObjectName(childName("StartButton"));
    m_startButton->setAutoDefault(false);

    m_echoCheck = new QCheckBox(tr("Ec&ho received bytes back"), this);
    m_echoCheck->setObjectName(childName("EchoCheck"));
    m_echoCheck->setAccessibleName(tr("Server echo"));
    m_echoCheck->setToolTip(tr("Send every chunk the server receives straight back to its sender."));
    // Made here so that Tab reaches them after the server's own fields.
    makeOptionsPanels();
    m_relayOptions = new RelayOptionsPanel(this->objectPrefix(), this);

    m_connectionsLabel = new QLabel(this);
    QFont bold; // only the weight: the size follows the zoom
    bold.setBold(true);
    m_connectionsLabel->setFont(bold);

    m_connections = new ConnectionsModel(session, endpointId(), this);
    m_connectionsView = new ConnectionsView(m_connections, this);
    m_connectionsView->setObjectName(childName("ConnectionsTable"));
    m_connectionsView->setAccessibleName(tr("Server connections"));
    m_connectionsLabel->setBuddy(m_connectionsView);
    // One connection may speak differently from the rest (the menu key or a right click).
    auto *framingAction = new QAction(tr("Framing for this connection…"), m_connectionsView);
    framingAction->setObjectName(childName("ConnectionFramingAction"));
    m_connectionsView->addAction(framingAction);
    m_connectionsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(framingAction, &QAction::triggered, this, &ServerPane::askConnectionFraming);

    m_disconnectButton = new QPushButton(this);
    m_disconnectButton->setObjectName(childName("DisconnectButton"));
    m_disconnectButton->setAutoDefault(false);

    m_payload = new PayloadEditor(this->objectPrefix(), tr("Se&nd to selected"), this);
    m_sendAllButton = new QPushButton(tr("Send to &all"), this);
    m_sendAllButton->setObjectName(childName("SendAllButton"));
    m_sendAllButton->setAccessibleName(tr("Server send to all"));
    m_payload->addButton(m_sendAllButton);

    auto *transportLabel = new QLabel(tr("Transport"), this);
    transportLabel->setBuddy(m_transportCombo);
    auto *addressLabel = new QLabel(tr("Address"), this);
    addressLabel->setBuddy(m_addressCombo);
    auto *portLabel = new QLabel(tr("Port"), this);
    portLabel->setBuddy(m_portSpin);
    m_maxClientsLabel = new QLabel(tr("Ma&x clients"), this);
    m_maxClientsLabel->setBuddy(m_maxClientsSpin);
    PresenterMode::markAdvanced(m_maxClientsLabel);
    PresenterMode::markAdvanced(m_maxClientsSpin);

    auto *form = new QGridLayout;
    form->addWidget(transportLabel, 0, 0);
    form->addWidget(m_transportCombo, 0, 1, Qt::AlignLeft);
    form->addWidget(m_maxClientsLabel, 0, 2);
    form->addWidget(m_maxClientsSpin, 0, 3);
    form->addWidget(addressLabel, 1, 0);
    form->addWidget(m_addressCombo, 1, 1);
    form->addWidget(portLabel, 1, 2);
    form->addWidget(m_portSpin, 1, 3);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_startButton);
    startRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    startRow->addWidget(m_echoCheck);
    startRow->addStretch(1);
    form->addWidget(m_listenWarning, 2, 1, 1, 3);
    form->addLayout(startRow, 3, 1, 1, 3);
    form->setColumnStretch(1, 1);

    auto *tableHeader = new QHBoxLayout;
    tableHeader->addWidget(m_connectionsLabel);
    tableHeader->addStretch(1);
    tableHeader->addWidget(m_disconnectButton);

    paneLayout()->addLayout(form);
    addOptionsPanels();
    paneLayout()->addWidget(m_relayOptions);
    addStatusLines();
    paneLayout()->addLayout(tableHeader);
    paneLayout()->addWidget(m_connectionsView, 1);
    paneLayout()->addWidget(makeMessageTabs(m_payload));

    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        updateState();
        emit targetChanged();
    });
    connect(m_addressCombo, &QComboBox::currentTextChanged, this, [this] {
        updateListenWarning();
        emit targetChanged();
    });
    connect(m_portSpin, &QSpinBox::valueChanged, this, &ServerPane::targetChanged);
    connect(webSocketOptions(), &WebSocketOptionsPanel::pathChanged, this, &ServerPane::targetChanged);
    // wss:// and a relay's TLS for its clients change the flow shown before Start.
    connect(webSocketOptions(), &WebSocketOptionsPanel::secureChanged, this, [this] {
        updateControls();
        updateState();
        emit targetChanged();
    });
    connect(m_relayOptions, &RelayOptionsPanel::clientSideChanged, this, [this] {
        updateState();
        emit targetChanged();
    });
    connect(m_relayOptions, &RelayOptionsPanel::clientSideChanged, this, &ServerPane::targetChanged);
    connect(m_relayOptions, &RelayOptionsPanel::udpChanged, this, &ServerPane::updateControls);
    // A member of a group binds every interface: the warning says so before Start.
    connect(multicastOptions(), &MulticastOptionsPanel::groupsChanged, this, &ServerPane::updateListenWarning);
    // Enter in the port field starts the server (a spin box's Enter reaches
    // its inner line edit as returnPressed).
    if (auto *portEdit = m_portSpin->findChild<QLineEdit *>()) {
        connect(portEdit, &QLineEdit::returnPressed, this, [this] {
            if (!isRunning())
                start();
        });
    }
    connect(m_startButton, &QPushButton::clicked, this, &ServerPane::toggleStart);
    connect(m_echoCheck, &QCheckBox::toggled, this, [this](bool on) { this->session()->setEcho(endpointId(), on); });
    connect(m_disconnectButton, &QPushButton::clicked, this, &ServerPane::disconnectSelected);
    connect(m_payload, &PayloadEditor::sendRequested, this, &ServerPane::sendToSelected);
    connect(m_sendAllButton, &QPushButton::clicked, this, &ServerPane::sendToAll);
    connect(m_connectionsView->selectionModel(), &QItemSelectionModel::selectionChanged,
            this, &ServerPane::updateControls);
    connect(m_connections, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        // The first client gets selected, so that "type, Enter" answers it.
        m_connectionsView->selectIfNoneSelected(m_connections->connectionIdAt(first));
        updateControls();
        updateState();
    });
    connect(m_connections, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateControls();
        updateState();
    });

    updateControls();
    updateState();
}

Transport ServerPane::transport() const
{
    return Transport(m_transportCombo->currentData().toInt());
}

QString ServerPane::bindAddress() const
{
    // A listed item ("0.0.0.0 (all IPv4 interfaces)", in any language) by
    // its address; a typed one up to the first space.
    const QString text = m_addressCombo->currentText().trimmed();
    if (const int item = m_addressCombo->findText(text); item >= 0)
        return m_addressCombo->itemData(item).toString();
    return text.section(QLatin1Char(' '), 0, 0);
}

quint16 ServerPane::port() const
{
    if (snapshot().isActive())
        return snapshot().localPort;
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

QString ServerPane::webSocketPath() const
{
    return webSocketOptions()->path();
}

void ServerPane::toggleStart()
{
    if (isRunning())
        session()->stop(endpointId());
    else
        start();
}

void ServerPane::start()
{
    errorLabel()->clearError();
    QString problem = optionsProblem(transport());
    if (problem.isEmpty() && transport() == Transport::Relay)
        problem = m_relayOptions->problem();
    if (!problem.isEmpty()) {
        reportUiError(problem);
        return;
    }

    const EndpointConfig config = settings();

    // Counters and connection ids start from scratch; the outcome arrives
    // as a snapshot (listening) or an error next to the controls.
    m_connections->clear();
    m_connections->setPeers(!Session::capabilitiesOf(config).hasConnections);
    session()->start(endpointId(), config);
}

EndpointConfig ServerPane::settings() const
{
    EndpointConfig config = snapshot().config;
    config.transport = transport();
    config.host = bindAddress();
    config.port = quint16(m_portSpin->value());
    config.echo = m_echoCheck->isChecked();
    config.maxConnections = m_maxClientsSpin->value();
    if (config.transport == Transport::Relay)
        config.relay = m_relayOptions->spec(); // first: a UDP relay takes the simulated link
    applyTransportOptions(config);
    applyMessageSettings(config);
    return config;
}

void ServerPane::applySettings(const EndpointConfig &config)
{
    m_transportCombo->setCurrentIndex(qMax(0, m_transportCombo->findData(int(config.transport))));
    // A listed address by its item ("127.0.0.1 (this machine only)"), else as typed.
    const int address = m_addressCombo->findData(config.host);
    if (address >= 0)
        m_addressCombo->setCurrentIndex(address);
    else
        m_addressCombo->setEditText(config.host);
    m_portSpin->setValue(config.port);
    m_echoCheck->setChecked(config.echo);
    m_maxClientsSpin->setValue(config.maxConnections);
    showTransportOptions(config);
    m_relayOptions->setSpec(config.relay);
    showMessageSettings(config);
}

void ServerPane::snapshotChanged(const EndpointSnapshot &previous)
{
    updateControls();
    updateState();
    // Listening now (perhaps on a port the system picked): clients can follow.
    if (snapshot().isActive() && (!previous.isActive() || previous.localPort != snapshot().localPort))
        emit targetChanged();
}

void ServerPane::sendToSelected()
{
    if (!snapshot().isActive()) {
        reportUiError(tr("Cannot send: the server is not started — press Start first."));
        return;
    }
    if (m_connections->rowCount() == 0) {
        reportUiError(capabilities().hasConnections
                          ? tr("Cannot send: no client is connected yet — connect the client first.")
                          : tr("Cannot send: no peer has sent a datagram yet, so there is nobody to answer."));
        return;
    }
    const int connectionId = m_connectionsView->selectedConnectionId();
    if (connectionId == 0) {
        reportUiError(tr("Cannot send: select a connection in the table first (or use Send to all)."));
        return;
    }
    sendPayload(connectionId, m_payload);
}

void ServerPane::sendToAll()
{
    if (!snapshot().isActive()) {
        reportUiError(tr("Cannot send: the server is not started — press Start first."));
        return;
    }
    sendPayload(0, m_payload);
}

void ServerPane::askConnectionFraming()
{
    const int connectionId = m_connectionsView->selectedConnectionId();
    if (!snapshot().isActive() || connectionId == 0 || !capabilities().hasConnections)
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Framing for connection #%1").arg(connectionId),
                                               tr("How this connection's stream is cut into messages\n"
                                                  "(raw, line, line+cr, crlf, delim:HEX, fixed:N, len:BYTES[be|le][+incl][@OFFSET]):"),
                                               QLineEdit::Normal, rulesPanel()->framing().toString(), &ok);
    if (!ok)
        return;
    QString error;
    const std::optional<FrameSpec> spec = FrameSpec::parse(text.trimmed(), &error);
    if (!spec) {
        reportUiError(tr("Framing for connection #%1 not changed: %2").arg(connectionId).arg(error));
        return;
    }
    errorLabel()->clearError();
    session()->setFraming(endpointId(), connectionId, *spec);
}

void ServerPane::disconnectSelected()
{
    const int connectionId = m_connectionsView->selectedConnectionId();
    if (!snapshot().isActive() || connectionId == 0)
        return;
    // A refusal is logged by the core and shown through errorOccurred.
    errorLabel()->clearError();
    session()->closeConnection(endpointId(), connectionId);
}

} // namespace SockPlay
