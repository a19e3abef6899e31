#pragma once

#include "endpointtypes.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace SockPlay {

/// A WebSocket pane's settings, under a "WebSocket" frame: the path (and,
/// for a client, the URL it makes with the host and port), wss:// (its TLS
/// settings, a server's certificate or a client's verification and client
/// certificate, are the pane's TLS settings, shown while wss:// is on), the
/// subprotocols, the request's extra headers (client), and whether the
/// user's sends go as binary messages.
///
/// Children are named <prefix>WsPathEdit, <prefix>WsSecureCheck,
/// <prefix>WsSubprotocolsEdit, <prefix>WsHeadersEdit (client),
/// <prefix>WsBinaryCheck, <prefix>WsUrlLabel (client).
class WebSocketOptionsPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketOptionsPanel)
public:
    WebSocketOptionsPanel(Role role, const QString &objectNamePrefix, const QString &side, QWidget *parent = nullptr);

    /// The fields into a config about to start (path, secure,
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
    /// wss:// is chosen.
    bool isSecure() const;
    /// Chooses wss:// or ws:// (a client following its server).
    void setSecure(bool secure);
    /// The path as typed ("/" when empty).
    QString path() const;
    /// Shows a path (the client following the server's).
    void setPath(const QString &path);

signals:
    /// The user edited the path.
    void pathChanged();
    /// wss:// was turned on or off (the pane then shows or hides its TLS settings).
    void secureChanged(bool secure);

private:
    void updateUrl();

    const Role m_role;
    QLineEdit *m_pathEdit = nullptr;
    QCheckBox *m_secureCheck = nullptr;
    QLineEdit *m_subprotocolsEdit = nullptr;
    QPlainTextEdit *m_headersEdit = nullptr;
    QCheckBox *m_binaryCheck = nullptr;
    QLabel *m_urlLabel = nullptr;
    QString m_host;
    quint16 m_port = 0;
};

} // namespace SockPlay
