#pragma once

#include "endpointtypes.h"

#include <QFrame>

#include <optional>

class QLabel;
class QTabWidget;
class QVBoxLayout;

namespace SockPlay {

class ErrorLabel;
class LifecycleLabel;
class LifecycleTracker;
class MessageLibraryModel;
class MulticastOptionsPanel;
class PayloadEditor;
class RateChart;
class RulesPanel;
class SerialOptionsPanel;
class Session;
class SimLinkPanel;
class TlsOptionsPanel;
class WebSocketOptionsPanel;

/// What the server and the client pane share: a title with a state line, a
/// lifecycle line, the error line under the controls, the session endpoint
/// the pane drives, and the path from the payload editor to the session.
///
/// A pane talks to its endpoint only through the Session: commands go in,
/// snapshots (endpointChanged) and errors come back as signals. It never
/// reads a socket-owning object.
class EndpointPane : public QFrame
{
    Q_OBJECT
public:
    /// The endpoint this pane drives (stays the same across transports).
    int endpointId() const { return m_endpointId; }
    /// The endpoint's name as the user sees it ("server", "client 2", "Alice").
    QString name() const { return m_name; }
    /// Renames the endpoint (the session, the log, the tab follow). The
    /// window checks that the name is unique and not empty.
    void setName(const QString &name);
    /// What prefixes the children's objectNames: "server", "client" for the
    /// first pane of each side, "server2", "client3" for later ones. It never
    /// changes, whatever the endpoint is called.
    QString objectPrefix() const { return m_prefix; }
    /// Server or client.
    Role role() const { return m_role; }
    /// The endpoint as the fields describe it: what Start / Connect starts.
    virtual EndpointConfig settings() const = 0;
    /// Fills the fields from a config (a session opened, the last run's
    /// settings); it applies at the next start.
    virtual void applySettings(const EndpointConfig &config) = 0;
    /// The endpoint as last published by the session.
    const EndpointSnapshot &snapshot() const { return m_snapshot; }
    /// Started and not yet stopped (listening, connecting, connected, bound, closing).
    bool isRunning() const { return m_snapshot.isRunning(); }
    /// The lifecycle strip shows this endpoint's flow as the tracker folds
    /// it from the log (nullptr: the static steps of its kind).
    void setLifecycleTracker(LifecycleTracker *tracker);

protected:
    /// How the state line's dot is coloured.
    enum class Tone { Idle, Busy, Active };

    /// config names the endpoint (and the log's side); objectPrefix prefixes
    /// the children's objectNames.
    EndpointPane(const EndpointConfig &config, const QString &objectPrefix, const QString &title,
                 Session *session, QWidget *parent);

    /// prefix + suffix: "server" + "StartButton".
    QString childName(const char *suffix) const { return m_prefix + QLatin1String(suffix); }
    Session *session() const { return m_session; }
    QVBoxLayout *paneLayout() const { return m_layout; }
    LifecycleLabel *lifecycleLabel() const { return m_lifecycleLabel; }
    ErrorLabel *errorLabel() const { return m_errorLabel; }

    /// Adds the lifecycle and the error line: call right after the controls.
    void addStatusLines();
    void showState(Tone tone, const QString &text);

    /// A new snapshot of this pane's endpoint arrived (previous: the one before).
    virtual void snapshotChanged(const EndpointSnapshot &previous) = 0;

    /// Shows the message and logs it as an Error of this side: for errors
    /// that never reach an endpoint (bad payload, send while not connected).
    void reportUiError(const QString &message);
    /// Asks the session to send what the editor holds: once, repeated, or a
    /// file streamed; a mistake in it is reported where it is (the caret goes
    /// there), a refusal comes back through errorOccurred.
    void sendPayload(int connectionId, PayloadEditor *editor);
    /// What the pane's Send does (a library message double-clicked is sent so).
    virtual void sendCurrent() = 0;
    /// The tabs under a pane's controls: Send (the editor), Auto-reply (framing
    /// and rules), Rates (a live chart of the endpoint's bytes per second).
    /// The pane adds them to its layout.
    QTabWidget *makeMessageTabs(PayloadEditor *editor);
    RulesPanel *rulesPanel() const { return m_rulesPanel; }
public:
    /// The Library tab (before Rates): the window's one library, shown in
    /// this pane; a click loads a message into the editor, a double-click sends it.
    void addLibraryTab(MessageLibraryModel *library);
protected:
    /// The framing and the rules the user set up, into a config about to start.
    void applyMessageSettings(EndpointConfig &config) const;
    /// The other way: the panel shows (and applies) a config's framing and rules.
    void showMessageSettings(const EndpointConfig &config);
    void updateRulesTab();
    /// The simulated link's fields (UDP): make them right after the pane's
    /// own fields, so that Tab reaches them next. A change applies at once
    /// to a running UDP endpoint (Session::setSimLink), else at the next start.
    SimLinkPanel *makeSimLinkPanel();
    SimLinkPanel *simLinkPanel() const { return m_simLinkPanel; }
    /// Into a config about to start: the link's fields for UDP, none for TCP.
    void applySimLinkSettings(EndpointConfig &config) const;

    // The transports' own settings (endpointpaneoptions.cpp): TLS, WebSocket,
    // multicast (UDP), and for a client the serial port, each panel shown for
    // its transport only. Make them right after the pane's own fields, so
    // that Tab reaches them next; addOptionsPanels() lays them out (with the
    // simulated link's) under those fields.
    void makeOptionsPanels();
    void addOptionsPanels();
    /// Why the transport's settings would not start (empty: they would).
    QString optionsProblem(Transport transport) const;
    /// Into a config about to start: the options of its transport (and the simulated link's).
    void applyTransportOptions(EndpointConfig &config) const;
    /// Every panel shows a config's options (a session opened).
    void showTransportOptions(const EndpointConfig &config);
    /// Shows the panels of the transport (picked, or running), their settings
    /// fixed while running; a serial port's DTR and RTS and a receiver's
    /// join and leave stay live.
    void updateOptionsPanels(Transport transport);
    TlsOptionsPanel *tlsOptions() const { return m_tlsOptions; }
    WebSocketOptionsPanel *webSocketOptions() const { return m_wsOptions; }
    MulticastOptionsPanel *multicastOptions() const { return m_multicastOptions; }
    /// A client's only (nullptr in a server pane).
    SerialOptionsPanel *serialOptions() const { return m_serialOptions; }

signals:
    void nameChanged(const QString &name);

private:
    const QString m_prefix;
    const Role m_role;
    QString m_name;
    Session *m_session = nullptr;
    int m_endpointId = 0;
    EndpointSnapshot m_snapshot;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_stateLabel = nullptr;
    LifecycleLabel *m_lifecycleLabel = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
    RulesPanel *m_rulesPanel = nullptr;
    SimLinkPanel *m_simLinkPanel = nullptr;
    TlsOptionsPanel *m_tlsOptions = nullptr;
    WebSocketOptionsPanel *m_wsOptions = nullptr;
    MulticastOptionsPanel *m_multicastOptions = nullptr;
    SerialOptionsPanel *m_serialOptions = nullptr;
    RateChart *m_rateChart = nullptr;
    QTabWidget *m_tabs = nullptr;
    PayloadEditor *m_editor = nullptr;
};

} // namespace SockPlay
