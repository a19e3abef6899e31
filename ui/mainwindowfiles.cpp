// MainWindow's menus, session files, settings and zoom: what the window
// keeps between runs and hands to files (mainwindow.cpp builds the window).

#include "mainwindow.h"

#include "clientpane.h"
#include "logview.h"
#include "messagelibrarymodel.h"
#include "presentermode.h"
#include "scriptpanel.h"
#include "serverpane.h"
#include "session.h"
#include "sessionfile.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>

namespace SockPlay {

namespace {

QAction *addMenuAction(QMenu *menu, const QString &objectName, const QString &text, const QList<QKeySequence> &keys)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    // Shortcuts work wherever the focus is in the window, menu open or not.
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

} // namespace

void MainWindow::createMenus()
{
    // No Alt-letter mnemonics on the menus: the panes' buttons use almost every
    // letter. F10 opens the menu bar (as in GNOME and KDE); every action has a
    // shortcut of its own.
    menuBar()->setObjectName(QStringLiteral("menuBar"));
    menuBar()->setAccessibleName(tr("Menu bar"));
    QMenu *file = menuBar()->addMenu(tr("File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->setAccessibleName(tr("File menu"));
    m_openSessionAction = addMenuAction(file, QStringLiteral("openSessionAction"), tr("Open session…"), {QKeySequence::Open});
    m_saveSessionAction = addMenuAction(file, QStringLiteral("saveSessionAction"), tr("Save session…"), {QKeySequence::Save});
    file->addSeparator();
    QAction *quit = addMenuAction(file, QStringLiteral("quitAction"), tr("Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)});
    connect(m_openSessionAction, &QAction::triggered, this, &MainWindow::chooseSessionToOpen);
    connect(m_saveSessionAction, &QAction::triggered, this, &MainWindow::chooseSessionToSave);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->setAccessibleName(tr("View menu"));
    // Made once the menus and docks exist: it gives them its palette.
    m_presenter = new PresenterMode(this);
    view->addAction(m_presenter->action());
    view->addAction(toggleScriptPanelAction());
    view->addSeparator();
    QAction *zoomIn = addMenuAction(view, QStringLiteral("zoomInAction"), tr("Zoom in"),
                                {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    QAction *zoomOut = addMenuAction(view, QStringLiteral("zoomOutAction"), tr("Zoom out"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)});
    QAction *zoomReset = addMenuAction(view, QStringLiteral("zoomResetAction"), tr("Actual size"), {QKeySequence(Qt::CTRL | Qt::Key_0)});
    connect(zoomIn, &QAction::triggered, this, [this] { setZoom(m_zoom + ZoomStep); });
    connect(zoomOut, &QAction::triggered, this, [this] { setZoom(m_zoom - ZoomStep); });
    connect(zoomReset, &QAction::triggered, this, [this] { setZoom(100); });
    // Zoom wherever the focus is, a floating dock included.
    for (QAction *zoom : {zoomIn, zoomOut, zoomReset})
        zoom->setShortcutContext(Qt::ApplicationShortcut);

    // The bar's ">>" button, shown when the menus do not fit.
    if (auto *more = menuBar()->findChild<QWidget *>(QStringLiteral("qt_menubar_ext_button")))
        more->setAccessibleName(tr("More menus"));

    auto *menuKey = new QShortcut(QKeySequence(Qt::Key_F10), this);
    connect(menuKey, &QShortcut::activated, this, [this, file] {
        menuBar()->setActiveAction(file->menuAction());
    });
}

void MainWindow::setZoom(int percent)
{
    percent = qBound(MinZoom, percent, MaxZoom);
    if (percent == m_zoom)
        return;
    m_zoom = percent;
    QFont zoomed = font();
    zoomed.setPointSizeF(m_basePointSize * percent / 100.0);
    setFont(zoomed);
    // Docks (floating ones are windows) and menus (popups) do not inherit the
    // window's font. Table headers miss the first change made before the
    // window shows (the log's kept its 100% size when a zoom was restored):
    // they take their table's font again.
    const QList<QWidget *> children = findChildren<QWidget *>();
    for (QWidget *child : children) {
        if (qobject_cast<QDockWidget *>(child) || qobject_cast<QMenu *>(child))
            child->setFont(zoomed);
        else if (qobject_cast<QHeaderView *>(child))
            child->setFont(QFont());
    }
    statusBar()->showMessage(tr("Zoom %1%").arg(percent), 2000);
}

void MainWindow::chooseSessionToOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open session"), m_sessionFolder, tr("SockPlay sessions (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_sessionFolder = QFileInfo(path).absolutePath();
    if (const Result opened = openSession(path); !opened)
        QMessageBox::warning(this, tr("Open session"), opened.error);
}

void MainWindow::chooseSessionToSave()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save session"), m_sessionFolder, tr("SockPlay sessions (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    m_sessionFolder = QFileInfo(path).absolutePath();
    if (const Result saved = saveSession(path); !saved)
        QMessageBox::warning(this, tr("Save session"), saved.error);
}

Result MainWindow::openSession(const QString &path)
{
    const QString who = tr("window");
    QString error;
    const std::optional<SessionDocument> session = SessionFile::readFile(path, &error);
    if (!session) {
        const QString message = tr("Could not open the session: %1").arg(error);
        m_session->logNote(who, message, true);
        return Result::failure(message);
    }

    // One server and one client pane: the first of each role fills it.
    const EndpointConfig *server = nullptr;
    const EndpointConfig *client = nullptr;
    for (const EndpointConfig &config : session->endpoints) {
        if (config.role == Role::Server && !server)
            server = &config;
        else if (config.role == Role::Client && !client)
            client = &config;
    }
    QStringList notes;
    if (server) {
        if (m_serverPane->isRunning())
            m_session->stop(m_serverPane->endpointId());
        m_serverPane->applySettings(*server);
    }
    if (client) {
        if (m_clientPane->isRunning())
            m_session->stop(m_clientPane->endpointId());
        m_clientPane->applySettings(*client);
    }
    const qsizetype shown = (server ? 1 : 0) + (client ? 1 : 0);
    if (session->endpoints.size() > shown)
        notes << tr("%n endpoint(s) not shown: the window has one server and one client pane "
                    "(sockplay-cli run starts them all)", nullptr, int(session->endpoints.size() - shown));

    // The library gains the session's messages it does not hold yet.
    int added = 0;
    const QList<SavedMessage> held = m_library->messages();
    for (const SavedMessage &message : session->library) {
        if (!held.contains(message) && m_library->add(message))
            ++added;
    }
    if (added > 0)
        notes << tr("%n message(s) added to the library", nullptr, added);
    if (session->script) {
        m_scriptPanel->setScript(*session->script, path);
        notes << tr("its script is in the script panel (Ctrl+Shift+R)");
    }

    m_session->logNote(who, tr("Opened session %1%2").arg(QDir::toNativeSeparators(path),
                                                         notes.isEmpty() ? QString() : QStringLiteral("; ") + notes.join(QStringLiteral("; "))));
    return Result::success();
}

Result MainWindow::saveSession(const QString &path)
{
    SessionDocument session;
    session.endpoints = {m_serverPane->settings(), m_clientPane->settings()};
    session.library = m_library->messages();
    if (const Script script = m_scriptPanel->script(); !script.steps.isEmpty())
        session.script = script;
    const Result saved = SessionFile::writeFile(path, session);
    m_session->logNote(tr("window"), saved ? tr("Saved session %1").arg(QDir::toNativeSeparators(path))
                                           : tr("Could not save the session: %1").arg(saved.error),
                       !saved);
    return saved;
}

void MainWindow::restoreSettings()
{
    m_remembers = true;
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    // The zoom first: the size it was saved with is a size at that zoom.
    setZoom(settings.value(QStringLiteral("zoom"), 100).toInt());
    if (const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray(); !geometry.isEmpty())
        restoreGeometry(geometry); // Qt moves it onto a screen that still exists
    m_mainSplitter->restoreState(settings.value(QStringLiteral("mainSplitter")).toByteArray());
    m_panesSplitter->restoreState(settings.value(QStringLiteral("panesSplitter")).toByteArray());
    m_sessionFolder = settings.value(QStringLiteral("sessionFolder")).toString();
    settings.endGroup();

    // The last endpoints, as a session file keeps them: a broken value is
    // ignored (the defaults stay), never half applied.
    settings.beginGroup(QStringLiteral("endpoints"));
    QString ignored;
    const auto restore = [&](const QString &key, Role role) -> std::optional<EndpointConfig> {
        const QJsonDocument json = QJsonDocument::fromJson(settings.value(key).toByteArray());
        std::optional<EndpointConfig> config = SessionFile::endpointFromJson(json.object(), &ignored);
        if (config && config->role != role)
            return std::nullopt;
        return config;
    };
    if (const std::optional<EndpointConfig> server = restore(QStringLiteral("server"), Role::Server))
        m_serverPane->applySettings(*server);
    if (const std::optional<EndpointConfig> client = restore(QStringLiteral("client"), Role::Client))
        m_clientPane->applySettings(*client);
    m_clientPane->setFollowingServer(settings.value(QStringLiteral("clientFollowsServer"), true).toBool());
    settings.endGroup();

    // The log's options: payload as text or hex, and the details pane once
    // the user chose it (else it shows when the window is wide enough).
    const int mode = settings.value(QStringLiteral("logView/payloadMode"), 0).toInt();
    if (mode >= 0 && mode < m_logView->payloadModeCombo()->count())
        m_logView->payloadModeCombo()->setCurrentIndex(mode);
    if (settings.contains(QStringLiteral("logView/details")))
        m_logView->detailsButton()->setChecked(settings.value(QStringLiteral("logView/details")).toBool());
    m_presenter->setOn(settings.value(QStringLiteral("view/presenter"), false).toBool());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("panesSplitter"), m_panesSplitter->saveState());
    settings.setValue(QStringLiteral("zoom"), m_presenter->userZoom()); // not presenter mode's
    settings.setValue(QStringLiteral("sessionFolder"), m_sessionFolder);
    settings.endGroup();
    settings.beginGroup(QStringLiteral("endpoints"));
    const auto json = [](const EndpointConfig &config) {
        return QJsonDocument(SessionFile::endpointToJson(config)).toJson(QJsonDocument::Compact);
    };
    settings.setValue(QStringLiteral("server"), json(m_serverPane->settings()));
    settings.setValue(QStringLiteral("client"), json(m_clientPane->settings()));
    settings.setValue(QStringLiteral("clientFollowsServer"), m_clientPane->isFollowingServer());
    settings.endGroup();
    settings.setValue(QStringLiteral("logView/payloadMode"), m_logView->payloadModeCombo()->currentIndex());
    settings.setValue(QStringLiteral("logView/details"), m_logView->detailsButton()->isChecked());
    settings.setValue(QStringLiteral("view/presenter"), m_presenter->isOn());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_remembers)
        saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace SockPlay
