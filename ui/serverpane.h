#pragma once

#include "endpointpane.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace SockPlay {

class ConnectionsModel;
class ConnectionsView;
class ListenWarning;
class PayloadEditor;
class RelayOptionsPanel;
class Session;

/// The server side: transport, local address and port, Start/Stop, echo, the
/// table of connections (TCP clients or UDP peers seen), and a payload editor
/// that sends to the selected connection or to all.
///
/// The pane drives one session endpoint (role Server), named "server" unless
/// the window gives it another name; Start (re)configures it from the fields,
/// so switching TCP/UDP keeps its id. Enter in the port field starts it.
class ServerPane final : public EndpointPane
{
    Q_OBJECT
public:
    /// The window's first server: named "server", its children "server…".
    explicit ServerPane(Session *session, QWidget *parent = nullptr);
    /// Another server: name is the endpoint's, objectPrefix the children's ("server2").
    ServerPane(Session *session, const QString &name, const QString &objectPrefix, QWidget *parent = nullptr);

    Transport transport() const;
    /// The address typed or picked (the first word of the combo's text: "0.0.0.0").
    QString bindAddress() const;
    /// The port it listens on now, or the port it will ask for (0 = any).
    quint16 port() const;
    /// Where a client on this machine reaches it: 127.0.0.1 for 0.0.0.0, ::1 for ::.
    QString hostForClients() const;
    /// WebSocket: the path the server answers ("/").
    QString webSocketPath() const;
    /// What a client speaks to reach it: a relay's clients speak TCP (TLS
    /// when it listens with TLS); the others, its transport.
    Transport transportForClients() const;
    /// The WebSocket server serves wss:// (a following client opens wss://).
    bool webSocketSecure() const;
    /// The endpoint as the fields describe it: what Start starts.
    EndpointConfig settings() const override;
    /// Fills the fields from a config (a session opened, the last run's
    /// settings); it applies at the next Start.
    void applySettings(const EndpointConfig &config) override;

signals:
    /// Transport, address or port changed, or the server started (perhaps on
    /// a port the system picked).
    void targetChanged();

private:
    void toggleStart();
    void start();
    void sendToSelected();
    void sendCurrent() override { sendToSelected(); }
    void sendToAll();
    void disconnectSelected();
    /// Asks for a framing that only the selected connection uses.
    void askConnectionFraming();
    void snapshotChanged(const EndpointSnapshot &previous) override;
    void updateControls();
    void updateState();
    /// The warning under the address: shown while it is (or would be) reachable from other machines.
    void updateListenWarning();
    /// What runs while running; otherwise what is picked.
    EndpointCapabilities capabilities() const;

    ConnectionsModel *m_connections = nullptr;

    QComboBox *m_transportCombo = nullptr;
    QComboBox *m_addressCombo = nullptr;
    ListenWarning *m_listenWarning = nullptr;
    QSpinBox *m_maxClientsSpin = nullptr;
    QLabel *m_maxClientsLabel = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QPushButton *m_startButton = nullptr;
    QCheckBox *m_echoCheck = nullptr;
    QLabel *m_connectionsLabel = nullptr;
    ConnectionsView *m_connectionsView = nullptr;
    QPushButton *m_disconnectButton = nullptr;
    PayloadEditor *m_payload = nullptr;
    QPushButton *m_sendAllButton = nullptr;
    RelayOptionsPanel *m_relayOptions = nullptr;
};

} // namespace SockPlay
