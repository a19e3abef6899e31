#pragma once

#include "endpoint.h"

#include <QFrame>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace SockPlay {

class ErrorLabel;
class EventLog;
class LifecycleLabel;
class PayloadEditor;

/// The client side: transport, the server's host and port, Connect/Disconnect
/// (TCP) or Open/Close (UDP), and a payload editor.
///
/// TCP creates a TcpClientEndpoint named "client". UDP creates a UdpEndpoint
/// named "client" bound to an OS-picked port (on loopback when the target is
/// loopback), and Send calls sendTo(host, port).
///
/// While "Follow the server" is checked, the host, port and transport follow
/// the server pane; editing the host or port by hand unchecks it.
class ClientPane : public QFrame
{
    Q_OBJECT
public:
    explicit ClientPane(EventLog *log, QWidget *parent = nullptr);

    Endpoint *endpoint() const { return m_endpoint; }
    Transport transport() const;
    bool isFollowingServer() const;

    /// Where the server can be reached. Applied now if following, and again
    /// when the user turns following back on. port 0 (not known yet) keeps
    /// the current port.
    void setServerTarget(Transport transport, const QString &host, quint16 port);

private:
    void toggleConnect();
    void start();
    void send();
    void applyServerTarget();
    void onUserEditedTarget();
    void onLogBatch();
    void updateControls();
    void updateStateLine();
    void logUiError(const QString &message);
    static QString udpBindAddressFor(const QString &host);

    EventLog *m_log = nullptr;
    Endpoint *m_endpoint = nullptr;

    QComboBox *m_transportCombo = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QPushButton *m_connectButton = nullptr;
    QCheckBox *m_followCheck = nullptr;
    QLabel *m_stateLabel = nullptr;
    LifecycleLabel *m_lifecycleLabel = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
    QLabel *m_countersLabel = nullptr;
    PayloadEditor *m_payload = nullptr;

    Transport m_serverTransport = Transport::Tcp;
    QString m_serverHost;
    quint16 m_serverPort = 0;
    bool m_applyingServerTarget = false;
    // Where a UDP client sends, fixed when it is opened.
    QString m_udpTargetHost;
    quint16 m_udpTargetPort = 0;
};

} // namespace SockPlay
