#pragma once

#include "endpoint.h"

#include <QFrame>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace SockPlay {

class ConnectionsModel;
class ConnectionsView;
class ErrorLabel;
class EventLog;
class LifecycleLabel;
class PayloadEditor;

/// The server side: transport, local address and port, Start/Stop, echo, the
/// table of connections (TCP clients or UDP peers seen), and a payload editor
/// that sends to the selected connection or to all.
///
/// The endpoint is created when the user starts it (a TcpServerEndpoint or a
/// bound UdpEndpoint, named "server"), so the pane never touches a socket.
class ServerPane : public QFrame
{
    Q_OBJECT
public:
    explicit ServerPane(EventLog *log, QWidget *parent = nullptr);

    Endpoint *endpoint() const { return m_endpoint; }
    Transport transport() const;
    /// The address typed or picked (first word of the combo's text: "0.0.0.0").
    QString bindAddress() const;
    /// The port it listens on now, or the port it will ask for (0 = any).
    quint16 port() const;
    /// Where a client on this machine reaches it: 127.0.0.1 for 0.0.0.0, ::1 for ::.
    QString hostForClients() const;

signals:
    /// Transport, address or port changed, or the server started on an OS-picked port.
    void targetChanged();

private:
    void toggleStart();
    void start();
    void sendToSelected();
    void sendToAll();
    void send(int connectionId);
    void disconnectSelected();
    void onStateChanged();
    void onErrorOccurred(const QString &message);
    void onLogBatch();
    void updateControls();
    void updateStateLine();
    void logUiError(const QString &message);

    EventLog *m_log = nullptr;
    Endpoint *m_endpoint = nullptr;
    ConnectionsModel *m_connections = nullptr;

    QComboBox *m_transportCombo = nullptr;
    QComboBox *m_addressCombo = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QPushButton *m_startButton = nullptr;
    QCheckBox *m_echoCheck = nullptr;
    QLabel *m_stateLabel = nullptr;
    LifecycleLabel *m_lifecycleLabel = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
    QLabel *m_connectionsLabel = nullptr;
    ConnectionsView *m_connectionsView = nullptr;
    QPushButton *m_disconnectButton = nullptr;
    PayloadEditor *m_payload = nullptr;
    QPushButton *m_sendAllButton = nullptr;
};

} // namespace SockPlay
