#pragma once

#include "endpointtypes.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QSplitter;
class QToolButton;

namespace SockPlay {

class ClientPane;
class EventLog;
class LogView;
class MessageLibraryModel;
class ScriptPanel;
class ServerPane;
class Session;
class SessionHost;

/// The SockPlay window: the server pane and the client pane side by side, the
/// shared live log below, totals in the status bar. It owns the Session that
/// every pane drives, and talks to nothing else in the core.
///
/// It opens ready to demo: the server is preset to 127.0.0.1 and a free port,
/// and the client follows the server's address until the user edits it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Session *session() const { return m_session; }
    EventLog *log() const;
    /// Scripted checks: a dock, hidden until asked for.
    ScriptPanel *scriptPanel() const { return m_scriptPanel; }
    /// Shows or hides the script panel (Ctrl+Shift+R), for a menu to list.
    QAction *toggleScriptPanelAction() const;

protected:
    bool event(QEvent *event) override;

private:
    void decorate();
    void syncClientToServer();
    void syncScriptToServer();
    void makeRoomForScriptDock();
    void updateTotals();

    std::unique_ptr<SessionHost> m_host;
    bool m_decorated = false; // the icon and the clear buttons, after the first paint
    Session *m_session = nullptr;
    QHash<int, EndpointSnapshot> m_snapshots;
    ServerPane *m_serverPane = nullptr;
    ClientPane *m_clientPane = nullptr;
    LogView *m_logView = nullptr;
    MessageLibraryModel *m_library = nullptr;
    QSplitter *m_panesSplitter = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QLabel *m_totalsLabel = nullptr;
    ScriptPanel *m_scriptPanel = nullptr;
    QDockWidget *m_scriptDock = nullptr;
    QToolButton *m_scriptToggleButton = nullptr;
    bool m_scriptDockSized = false; // the first showing made room for it
};

} // namespace SockPlay
