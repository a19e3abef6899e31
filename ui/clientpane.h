#pragma once

#include "endpointpane.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace SockPlay {

class ConnectionsModel;
class ConnectionsView;
class PayloadEditor;
class Session;

/// The client side: transport, the server's host and port, Connect/Disconnect
/// (TCP) or Open/Close (UDP, a serial port), and a payload editor.
///
/// The pane drives one session endpoint named "client" (role Client): TCP
/// connects to host:port; UDP binds a port the system picks (on loopback when
/// the target is loopback) and each Send is a datagram to host:port (a
/// group or a broadcast address too: see MulticastOptionsPanel). A serial
/// port has no host and port: its panel names the device and the line's
/// settings (SerialOptionsPanel), and Open opens it.
///
/// While "Follow the server's address" is checked, host, port and transport
/// follow the server pane; editing the host or port by hand unchecks it.
///
/// A TCP client can hold several connections to the same server ("Open
/// another connection"): a table lists them as the server pane does, and
/// Send goes to the selected one (the first is selected as it opens), Send
/// to all to every one. Enter in the host or port field connects; once
/// connected (or open), the keyboard moves to the payload.
class ClientPane final : public EndpointPane
{
    Q_OBJECT
public:
    /// The window's first client: named "client", its children "client…".
    explicit ClientPane(Session *session, QWidget *parent = nullptr);
    /// Another client: name is the endpoint's, objectPrefix the children's ("client2").
    ClientPane(Session *session, const QString &name, const QString &objectPrefix, QWidget *parent = nullptr);

    Transport transport() const;
    bool isFollowingServer() const;
    void setFollowingServer(bool follow);
    /// The endpoint as the fields describe it: what Connect/Open starts.
    EndpointConfig settings() const override;
    /// Fills the fields from a config (a session opened, the last run's
    /// settings) and stops following the server; it applies at the next start.
    void applySettings(const EndpointConfig &config) override;

    /// Where the server can be reached. Applied now if following, and again
    /// when the user turns following back on. Port 0 (not known before the
    /// server starts) keeps the current port.
    /// path: a WebSocket server's ("/").
    void setServerTarget(Transport transport, const QString &host, quint16 port, const QString &path = QString(),
                         bool secure = false);

private:
    void toggleConnect();
    void start();
    void send();
    void sendToAll();
    void sendCurrent() override { send(); }
    void openAnotherConnection();
    /// Connect (or Open) succeeded after the user asked: type next.
    void focusPayloadAfterStart();
    void applyServerTarget();
    void snapshotChanged(const EndpointSnapshot &previous) override;
    void updateCounters();
    void updateControls();
    void updateState();
    /// What runs while running; otherwise what is picked.
    bool isTcp() const;
    bool isSerial() const;
    /// The state line of a serial port: its device and settings.
    void showSerialState();
    void updateUrl();

    QComboBox *m_transportCombo = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QPushButton *m_connectButton = nullptr;
    QCheckBox *m_followCheck = nullptr;
    QLabel *m_countersLabel = nullptr;
    ConnectionsModel *m_connections = nullptr;
    ConnectionsView *m_connectionsView = nullptr;
    QPushButton *m_openConnectionButton = nullptr;
    PayloadEditor *m_payload = nullptr;
    QPushButton *m_sendAllButton = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLabel *m_portLabel = nullptr;
    bool m_startRequested = false; // the user pressed Connect/Open: focus the payload when it is up

    Transport m_serverTransport = Transport::Tcp;
    QString m_serverHost;
    QString m_serverPath;
    bool m_serverSecure = false; // the server serves wss://
    quint16 m_serverPort = 0;
    bool m_applyingServerTarget = false;
};

} // namespace SockPlay
