#pragma once

#include "endpointtypes.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace SockPlay {

/// A WebSocket pane's settings, under a "WebSocket" frame: the path (and,
/// for a client, the URL it makes with the host and port), wss:// and
/// whether to verify its certificate, the subprotocols, the request's extra
/// headers (client), and whether the user's sends go as binary messages.
///
/// Children are named <prefix>WsPathEdit, <prefix>WsSecureCheck and
/// <prefix>WsInsecureCheck (client), <prefix>WsSubprotocolsEdit,
/// <prefix>WsHeadersEdit (client), <prefix>WsBinaryCheck, <prefix>WsUrlLabel (client).
class WebSocketOptionsPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketOptionsPanel)
public:
    WebSocketOptionsPanel(Role role, const QString &objectNamePrefix, const QString &side, QWidget *parent = nullptr);

    /// The fields into a config about to start (path, secure, insecure,
    /// subprotocols, headers, binaryMessages).
    void apply(EndpointConfig &config) const;
    /// Shows a config's WebSocket settings.
    void showConfig(const EndpointConfig &config);
    /// Why Start would fail with these fields (a header line without a
    /// colon, a path without a leading /); empty when they are fine.
    QString problem() const;
    /// Client: the host and port the URL shown is made of.
    void setTarget(const QString &host, quint16 port);
    /// Client: "ws://127.0.0.1:8080/chat", as the fields make it.
    QString url() const;
    /// Client: wss:// is checked.
    bool isSecure() const;
    /// The path as typed ("/" when empty).
    QString path() const;
    /// Shows a path (the client following the server's).
    void setPath(const QString &path);

signals:
    /// The user edited the path.
    void pathChanged();

private:
    void updateUrl();

    const Role m_role;
    QLineEdit *m_pathEdit = nullptr;
    QCheckBox *m_secureCheck = nullptr;
    QCheckBox *m_insecureCheck = nullptr;
    QLineEdit *m_subprotocolsEdit = nullptr;
    QPlainTextEdit *m_headersEdit = nullptr;
    QCheckBox *m_binaryCheck = nullptr;
    QLabel *m_urlLabel = nullptr;
    QString m_host;
    quint16 m_port = 0;
};

} // namespace SockPlay
