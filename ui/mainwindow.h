#pragma once

#include "endpointtypes.h"
#include "result.h"
#include "script.h"

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
class PresenterMode;
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
    ServerPane *serverPane() const { return m_serverPane; }
    ClientPane *clientPane() const { return m_clientPane; }
    LogView *logView() const { return m_logView; }
    MessageLibraryModel *library() const { return m_library; }

    /// Fills the panes, the library (messages it lacks are added) and the
    /// script from a session file, stopping what runs; a broken file changes
    /// nothing. Either way the log says what happened.
    Result openSession(const QString &path);
    /// The panes' settings, the library and the script, to a session file.
    Result saveSession(const QString &path);

    /// Reads what the last run remembered (QSettings): the window's size and
    /// splitters, zoom, the panes' last endpoints and options. From then on
    /// they are saved when the window closes. The app calls it; tests and
    /// screenshots do not, so they start from the defaults.
    void restoreSettings();
    void saveSettings() const;

    /// The text size in percent of the default (80 … 300; Ctrl+=, Ctrl+-, Ctrl+0).
    int zoom() const { return m_zoom; }
    void setZoom(int percent);
    static constexpr int MinZoom = 80;
    static constexpr int MaxZoom = 300;
    static constexpr int ZoomStep = 10;

    QAction *openSessionAction() const { return m_openSessionAction; }
    QAction *saveSessionAction() const { return m_saveSessionAction; }
    /// Scripted checks: a dock, hidden until asked for.
    ScriptPanel *scriptPanel() const { return m_scriptPanel; }
    /// Shows or hides the script panel (Ctrl+Shift+R), for a menu to list.
    QAction *toggleScriptPanelAction() const;
    /// Presenter mode (View menu, F5): large type, high contrast, a thick focus ring.
    PresenterMode *presenterMode() const { return m_presenter; }

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void chooseSessionToOpen();
    void chooseSessionToSave();
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
    QAction *m_openSessionAction = nullptr;
    QAction *m_saveSessionAction = nullptr;
    qreal m_basePointSize = 0; // the font size at 100%
    int m_zoom = 100;
    bool m_remembers = false; // restoreSettings() was called: save on close
    QString m_sessionFolder;  // where the file dialogs open
    ScriptPanel *m_scriptPanel = nullptr;
    QDockWidget *m_scriptDock = nullptr;
    QToolButton *m_scriptToggleButton = nullptr;
    bool m_scriptDockSized = false; // the first showing made room for it
    PresenterMode *m_presenter = nullptr;
};

} // namespace SockPlay
