#pragma once

#include "demo.h"
#include "endpointtypes.h"
#include "result.h"
#include "script.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QScrollArea;
class QSplitter;
class QToolButton;

namespace SockPlay {

class ClientPane;
class CodeView;
class DemoPanel;
class EndpointPane;
class EventLog;
class LifecycleTracker;
class LifecycleView;
class LogView;
class MessageLibraryModel;
class PresenterMode;
class ScriptPanel;
class SequenceDiagram;
class ServerPane;
class Session;
class SessionHost;
class Workspace;
class WorkspaceDemoStage;

/// The SockPlay window: a workspace of endpoints (servers in tabs on the
/// left, clients in tabs on the right, any number of each), the shared live
/// log below, totals in the status bar. It owns the Session that every pane
/// drives, and talks to nothing else in the core.
///
/// It opens ready to demo: one server preset to 127.0.0.1 and a free port,
/// one client that follows the current server's address until the user
/// edits it. The Endpoints menu adds, renames and closes endpoints.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Session *session() const { return m_session; }
    EventLog *log() const;
    /// The first server and client panes (the ones a new window opens
    /// with), or nullptr when that side has none.
    ServerPane *serverPane() const;
    ClientPane *clientPane() const;
    /// Every server / client pane, in tab order.
    QList<ServerPane *> serverPanes() const;
    QList<ClientPane *> clientPanes() const;
    /// A new pane of that side (name empty: the next free "server 2", …).
    ServerPane *addServerPane(const QString &name = {});
    ClientPane *addClientPane(const QString &name = {});
    /// Stops the pane's endpoint, removes it from the session and the window.
    void closePane(EndpointPane *pane);
    /// Renames the pane's endpoint; an empty or taken name is refused with the reason.
    Result renamePane(EndpointPane *pane, const QString &name);
    Workspace *workspace() const { return m_workspace; }
    LogView *logView() const { return m_logView; }
    MessageLibraryModel *library() const { return m_library; }

    /// Replaces the panes by one per endpoint of a session file (what ran is
    /// stopped and closed), and fills the library (messages it lacks are
    /// added) and the script; a broken file changes nothing. Either way the
    /// log says what happened.
    Result openSession(const QString &path);
    /// Every pane's settings, the library and the script, to a session file.
    Result saveSession(const QString &path);

    /// Reads what the last run remembered (QSettings): the window's size and
    /// splitters, zoom, every pane's last endpoint and options. From then on
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
    /// The Endpoints menu's actions: New server (Ctrl+Shift+N), New client
    /// (Ctrl+Shift+K), Rename endpoint… (F2), Close endpoint (Ctrl+W).
    QAction *newServerAction() const { return m_newServerAction; }
    QAction *newClientAction() const { return m_newClientAction; }
    QAction *renameEndpointAction() const { return m_renameEndpointAction; }
    QAction *closeEndpointAction() const { return m_closeEndpointAction; }
    /// Scripted checks: a dock, hidden until asked for.
    ScriptPanel *scriptPanel() const { return m_scriptPanel; }
    /// Shows or hides the script panel (Ctrl+Shift+R), for a menu to list.
    QAction *toggleScriptPanelAction() const;
    /// Presenter mode (View menu, F5): large type, high contrast, a thick focus ring.
    PresenterMode *presenterMode() const { return m_presenter; }

    /// The teaching views, each in a dock at the right, hidden until asked
    /// for (View menu, the status bar's buttons, presenter mode):
    /// the Lifecycle dock (Ctrl+Shift+L) and the Sequence diagram (Ctrl+Shift+D).
    LifecycleTracker *lifecycleTracker() const { return m_lifecycle; }
    LifecycleView *lifecycleView() const { return m_lifecycleView; }
    SequenceDiagram *sequenceDiagram() const { return m_sequenceDiagram; }
    QDockWidget *lifecycleDock() const { return m_lifecycleDock; }
    QDockWidget *sequenceDock() const { return m_sequenceDock; }
    QAction *toggleLifecycleAction() const { return m_toggleLifecycleAction; }
    QAction *toggleSequenceAction() const { return m_toggleSequenceAction; }
    /// The Code dock (View menu, Ctrl+Shift+G): the current endpoint as a
    /// program in Python, Go or C++, hidden until asked for.
    CodeView *codeView() const { return m_codeView; }
    QDockWidget *codeDock() const { return m_codeDock; }
    QAction *codeAction() const { return m_codeAction; }

    /// The built-in demos (mainwindowdemos.cpp): the Demos menu ("demosMenu")
    /// has an action per DemoRunner::demos() (demoActionName()); each loads
    /// its demo into the Demo dock ("demoDock", at the right), whose panel
    /// drives the runner. A demo's endpoints get panes of their own beside
    /// the user's (WorkspaceDemoStage); Reset closes only those.
    DemoRunner *demoRunner() const { return m_demoRunner; }
    DemoPanel *demoPanel() const { return m_demoPanel; }
    QDockWidget *demoDock() const { return m_demoDock; }
    QMenu *demosMenu() const { return m_demosMenu; }
    /// Loads a demo (the one loaded before is reset: its panes close), shows
    /// the Demo dock with the keyboard on Next, and waits for Next
    /// (Ctrl+Right) or Run all. An unknown id changes nothing; the error
    /// lists the known ones.
    Result loadDemo(const QString &demoId);
    /// The Demos menu's action for a demo: "tcp-vs-udp" → "demoTcpVsUdpAction".
    static QString demoActionName(const QString &demoId);

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createTeachingViews();
    /// A dock of the window, hidden until asked for: titled, named (object
    /// and accessible name), in the window's font even when floating.
    QDockWidget *addHiddenDock(const QString &title, const QString &objectName, QWidget *content,
                               Qt::DockWidgetArea area);
    /// The Code dock and its View menu action (after the menus exist).
    void createCodeView();
    /// Shown the first time: room for about 80 columns of program.
    void makeRoomForCodeDock();
    void createDemos();
    /// Before the panes go: the demo's panel, runner and stage.
    void destroyDemos();
    void showDemoView(SockPlay::DemoStage::View view);
    void makeRoomForDemoDock();
    void balanceDemoColumn();
    /// Presenter mode maximises the window, and puts it back after.
    void presenterToggled(bool on);
    void makeRoomForTeachingDock(QDockWidget *dock);
    /// Once shown on a small screen: the log gets the height of at least
    /// MinimumLogRows rows where the window has it (the panes scroll).
    void giveTheLogItsRows();
    static constexpr int MinimumLogRows = 8;
    void createEndpointsMenu();
    /// Help, the last menu: About SockPlay ("aboutAction").
    void createHelpMenu();
    /// Asks for a new name for the pane (a dialog, "renameDialog"); a
    /// refused name asks again, saying why.
    void askToRename(EndpointPane *pane, const QString &problem = {});
    /// Lets F2 reach a focused widget that uses it itself (the library's Rename).
    void updateRenameShortcut(QWidget *focus);
    /// Replaces every pane by one per config (each named as its config,
    /// made unique), as a session file or the last run holds them.
    void restorePanes(const QList<EndpointConfig> &configs);
    void endpointPublished(const EndpointSnapshot &snapshot);
    void chooseSessionToOpen();
    void chooseSessionToSave();
    void decorate();
    void syncScriptToServer();
    void makeRoomForScriptDock();
    void updateTotals();

    std::unique_ptr<SessionHost> m_host;
    bool m_decorated = false; // the icon and the clear buttons, after the first paint
    bool m_logRowsGiven = false;
    bool m_smallScreen = false; // opened maximised: the log's rows come before the panes' room
    Session *m_session = nullptr;
    QHash<int, EndpointSnapshot> m_snapshots;
    Workspace *m_workspace = nullptr;
    QScrollArea *m_panesScroll = nullptr;
    LifecycleTracker *m_lifecycle = nullptr;
    LifecycleView *m_lifecycleView = nullptr;
    SequenceDiagram *m_sequenceDiagram = nullptr;
    QDockWidget *m_lifecycleDock = nullptr;
    QDockWidget *m_sequenceDock = nullptr;
    QAction *m_toggleLifecycleAction = nullptr;
    QAction *m_toggleSequenceAction = nullptr;
    CodeView *m_codeView = nullptr;
    QDockWidget *m_codeDock = nullptr;
    QAction *m_codeAction = nullptr;
    QSet<QDockWidget *> m_teachingDocksSized; // shown once: the window made room
    QByteArray m_geometryBeforePresenting; // empty: it was maximised (or not presenting)
    LogView *m_logView = nullptr;
    MessageLibraryModel *m_library = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QLabel *m_totalsLabel = nullptr;
    QAction *m_openSessionAction = nullptr;
    QAction *m_saveSessionAction = nullptr;
    QAction *m_newServerAction = nullptr;
    QAction *m_newClientAction = nullptr;
    QAction *m_renameEndpointAction = nullptr;
    QAction *m_closeEndpointAction = nullptr;
    qreal m_basePointSize = 0; // the font size at 100%
    int m_zoom = 100;
    bool m_remembers = false; // restoreSettings() was called: save on close
    QString m_sessionFolder;  // where the file dialogs open
    ScriptPanel *m_scriptPanel = nullptr;
    QDockWidget *m_scriptDock = nullptr;
    QToolButton *m_scriptToggleButton = nullptr;
    bool m_scriptDockSized = false; // the first showing made room for it
    PresenterMode *m_presenter = nullptr;
    WorkspaceDemoStage *m_demoStage = nullptr;
    DemoRunner *m_demoRunner = nullptr;
    DemoPanel *m_demoPanel = nullptr;
    QDockWidget *m_demoDock = nullptr;
    QMenu *m_demosMenu = nullptr;
    bool m_demoDockSized = false; // the first showing made room for it
};

} // namespace SockPlay
