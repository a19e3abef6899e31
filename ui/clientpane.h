#pragma once

#include "endpointpane.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace SockPlay {

class PayloadEditor;
class Session;

/// The client side: transport, the server's host and port, Connect/Disconnect
/// (TCP) or Open/Close (UDP), and a payload editor.
///
/// The pane drives one session endpoint named "client" (role Client): TCP
/// connects to host:port; UDP binds a port the system picks (on loopback when
/// the target is loopback) and each Send is a datagram to host:port.
///
/// While "Follow the server's address" is checked, host, port and transport
/// follow the server pane; editing the host or port by hand unchecks it.
class ClientPane : public EndpointPane
{
    Q_OBJECT
public:
    explicit ClientPane(Session *session, QWidget *parent = nullptr);

    Transport transport() const;
    bool isFollowingServer() const;
    void setFollowingServer(bool follow);
    /// The endpoint as the fields describe it: what Connect/Open starts.
    EndpointConfig settings() const;
    /// Fills the fields from a config (a session opened, the last run's
    /// settings) and stops following the server; it applies at the next start.
    void applySettings(const EndpointConfig &config);

    /// Where the server can be reached. Applied now if following, and again
    /// when the user turns following back on. Port 0 (not known before the
    /// server starts) keeps the current port.
    void setServerTarget(Transport transport, const QString &host, quint16 port);

private:
    void toggleConnect();
    void start();
    void send();
    void sendCurrent() override { send(); }
    void applyServerTarget();
    void snapshotChanged(const EndpointSnapshot &previous) override;
    void updateCounters();
    void updateControls();
    void updateState();
    /// What runs while running; otherwise what is picked.
    bool isTcp() const;

    QComboBox *m_transportCombo = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QPushButton *m_connectButton = nullptr;
    QCheckBox *m_followCheck = nullptr;
    QLabel *m_countersLabel = nullptr;
    PayloadEditor *m_payload = nullptr;

    Transport m_serverTransport = Transport::Tcp;
    QString m_serverHost;
    quint16 m_serverPort = 0;
    bool m_applyingServerTarget = false;
};

} // namespace SockPlay
