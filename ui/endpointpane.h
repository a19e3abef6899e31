#pragma once

#include "endpoint.h"

#include <QFrame>

#include <optional>

class QLabel;
class QVBoxLayout;

namespace SockPlay {

class ErrorLabel;
class EventLog;
class LifecycleLabel;
class PayloadEditor;

/// What the server and the client pane share: a title with a state line, a
/// lifecycle line, the error line under the controls, the endpoint the pane
/// created, and the path from the payload editor to the log.
class EndpointPane : public QFrame
{
    Q_OBJECT
public:
    Endpoint *endpoint() const { return m_endpoint; }
    /// Started and not yet stopped (listening, connecting, connected, bound, closing).
    bool isRunning() const;

protected:
    /// How the state line's dot is coloured.
    enum class Tone { Idle, Busy, Active };

    /// name ("server", "client") names the endpoint, the log's side, and
    /// prefixes the children's objectNames.
    EndpointPane(const QString &name, const QString &title, EventLog *log, QWidget *parent);

    QString name() const { return m_name; }
    EventLog *eventLog() const { return m_log; }
    QVBoxLayout *paneLayout() const { return m_layout; }
    LifecycleLabel *lifecycleLabel() const { return m_lifecycleLabel; }
    ErrorLabel *errorLabel() const { return m_errorLabel; }

    /// Adds the lifecycle and the error line: call right after the controls.
    void addStatusLines();
    void showState(Tone tone, const QString &text);

    /// Takes ownership of a new endpoint and deletes the previous one.
    void replaceEndpoint(Endpoint *endpoint);

    /// Shows the message and logs it as an Error of this side: for errors
    /// that never reach an endpoint (bad payload, send while not connected).
    void reportUiError(const QString &message);
    /// The editor's bytes, or nothing after reporting why (the cursor goes to
    /// a parse error's position).
    std::optional<QByteArray> takePayload(PayloadEditor *editor);
    /// After Endpoint::send: shows a failure (the endpoint logged it), or
    /// clears the error line and readies the editor for the next one.
    void finishSend(const Result &result, PayloadEditor *editor);

private:
    const QString m_name;
    EventLog *m_log = nullptr;
    Endpoint *m_endpoint = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_stateLabel = nullptr;
    LifecycleLabel *m_lifecycleLabel = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
};

} // namespace SockPlay
