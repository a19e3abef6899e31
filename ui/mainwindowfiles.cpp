// MainWindow's menus, session files, settings and zoom: what the window
// keeps between runs and hands to files (mainwindow.cpp builds the window).

#include "mainwindow.h"

#include "aboutdialog.h"

#include "clientpane.h"
#include "logview.h"
#include "messagelibrarymodel.h"
#include "presentermode.h"
#include "scriptpanel.h"
#include "serverpane.h"
#include "session.h"
#include "workspace.h"
#include "sessionfile.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QPointer>
#include <QJsonDocument>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

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
    m_presenter->setTeachingViews({m_lifecycleDock, m_sequenceDock});
    connect(m_presenter, &PresenterMode::toggled, this, &MainWindow::presenterToggled);
    view->addAction(m_toggleLifecycleAction);
    view->addAction(m_toggleSequenceAction);
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

    createEndpointsMenu();

    // The bar's ">>" button, shown when the menus do not fit.
    if (auto *more = menuBar()->findChild<QWidget *>(QStringLiteral("qt_menubar_ext_button")))
        more->setAccessibleName(tr("More menus"));

    auto *menuKey = new QShortcut(QKeySequence(Qt::Key_F10), this);
    connect(menuKey, &QShortcut::activated, this, [this, file] {
        menuBar()->setActiveAction(file->menuAction());
    });
}

void MainWindow::createEndpointsMenu()
{
    QMenu *endpoints = menuBar()->addMenu(tr("Endpoints"));
    endpoints->setObjectName(QStringLiteral("endpointsMenu"));
    endpoints->setAccessibleName(tr("Endpoints menu"));
    m_newServerAction = addMenuAction(endpoints, QStringLiteral("newServerAction"), tr("New server"),
                                      {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)});
    m_newClientAction = addMenuAction(endpoints, QStringLiteral("newClientAction"), tr("New client"),
                                      {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)});
    endpoints->addSeparator();
    m_renameEndpointAction = addMenuAction(endpoints, QStringLiteral("renameEndpointAction"), tr("Rename endpoint…"),
                                           {QKeySequence(Qt::Key_F2)});
    m_closeEndpointAction = addMenuAction(endpoints, QStringLiteral("closeEndpointAction"), tr("Close endpoint"),
                                          {QKeySequence(Qt::CTRL | Qt::Key_W)});
    connect(m_newServerAction, &QAction::triggered, this, [this] {
        m_workspace->addServerPane()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_newClientAction, &QAction::triggered, this, [this] {
        m_workspace->addClientPane()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_renameEndpointAction, &QAction::triggered, this, [this] {
        if (EndpointPane *pane = m_workspace->currentPane())
            askToRename(pane);
    });
    connect(m_closeEndpointAction, &QAction::triggered, this, [this] {
        if (EndpointPane *pane = m_workspace->currentPane())
            m_workspace->closePane(pane);
    });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { updateRenameShortcut(now); });
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->setAccessibleName(tr("Help menu"));
    QAction *about = help->addAction(tr("About SockPlay"));
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, [this] {
        // Window-modal and not exec(): no nested event loop under the log's updates.
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::updateRenameShortcut(QWidget *focus)
{
    // F2 renames the endpoint whose pane has the keyboard. Elsewhere it
    // stays what it is in lists and tables (edit the item: a script's
    // variable, a library message), and so does a pane's own list that uses
    // it (the message library): two F2s at once would be ambiguous, and Qt
    // would run neither.
    bool ours = focus && m_workspace->isAncestorOf(focus);
    if (ours) {
        const QList<QAction *> actions = focus->actions();
        ours = std::none_of(actions.cbegin(), actions.cend(), [](const QAction *action) {
            return action->isEnabled() && action->shortcuts().contains(QKeySequence(Qt::Key_F2));
        });
    }
    m_renameEndpointAction->setShortcut(ours ? QKeySequence(Qt::Key_F2) : QKeySequence());
}

void MainWindow::askToRename(EndpointPane *pane, const QString &problem)
{
    // Not exec(): the window keeps running (and a test can answer the dialog).
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("renameDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename endpoint"));
    dialog->setLabelText(problem.isEmpty() ? tr("New name for “%1”:").arg(pane->name())
                                           : problem + QLatin1Char('\n') + tr("New name for “%1”:").arg(pane->name()));
    dialog->setTextValue(pane->name());
    dialog->setWindowModality(Qt::WindowModal);
    const QPointer<EndpointPane> target(pane);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, target](const QString &name) {
        if (!target)
            return;
        if (const Result renamed = renamePane(target, name); !renamed) {
            // Asked again, saying why: the name stays the old one meanwhile.
            QTimer::singleShot(0, this, [this, target, renamed] {
                if (target)
                    askToRename(target, renamed.error);
            });
        }
    });
    dialog->open();
}

void MainWindow::restorePanes(const QList<EndpointConfig> &configs)
{
    m_workspace->closeAll();
    for (const EndpointConfig &config : configs) {
        EndpointPane *pane = nullptr;
        if (config.role == Role::Server)
            pane = m_workspace->addServerPane(config.displayName());
        else
            pane = m_workspace->addClientPane(config.displayName());
        pane->applySettings(config);
    }
    if (const QList<ServerPane *> servers = m_workspace->serverPanes(); !servers.isEmpty())
        m_workspace->showPane(servers.constFirst());
    if (const QList<ClientPane *> clients = m_workspace->clientPanes(); !clients.isEmpty())
        m_workspace->clientTabs()->setCurrentWidget(clients.constFirst());
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

    // A pane per endpoint of the file, in its order; what ran is stopped.
    restorePanes(session->endpoints);
    QStringList notes;

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
    for (const EndpointPane *pane : m_workspace->panes())
        session.endpoints.append(pane->settings());
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
    m_workspace->restoreState(settings.value(QStringLiteral("panesSplitter")).toByteArray());
    m_sessionFolder = settings.value(QStringLiteral("sessionFolder")).toString();
    settings.endGroup();

    // The last endpoints, every pane's, as a session file keeps them: a
    // broken list is ignored (the defaults stay), never half applied.
    settings.beginGroup(QStringLiteral("endpoints"));
    const QJsonArray list = QJsonDocument::fromJson(settings.value(QStringLiteral("panes")).toByteArray()).array();
    const QList<QVariant> follows = settings.value(QStringLiteral("clientsFollowServer")).toList();
    settings.endGroup();
    QList<EndpointConfig> configs;
    QString ignored;
    for (const QJsonValue &value : list) {
        const std::optional<EndpointConfig> config = SessionFile::endpointFromJson(value.toObject(), &ignored);
        if (!config) {
            configs.clear();
            break;
        }
        configs.append(*config);
    }
    if (!configs.isEmpty()) {
        restorePanes(configs);
        const QList<ClientPane *> clients = m_workspace->clientPanes();
        for (qsizetype i = 0; i < clients.size(); ++i)
            clients[i]->setFollowingServer(i < follows.size() ? follows[i].toBool() : true);
    }

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
    settings.setValue(QStringLiteral("panesSplitter"), m_workspace->saveState());
    settings.setValue(QStringLiteral("zoom"), m_presenter->userZoom()); // not presenter mode's
    settings.setValue(QStringLiteral("sessionFolder"), m_sessionFolder);
    settings.endGroup();
    settings.beginGroup(QStringLiteral("endpoints"));
    QJsonArray list;
    for (const EndpointPane *pane : m_workspace->panes())
        list.append(SessionFile::endpointToJson(pane->settings()));
    QList<QVariant> follows;
    for (const ClientPane *client : m_workspace->clientPanes())
        follows.append(client->isFollowingServer());
    settings.setValue(QStringLiteral("panes"), QJsonDocument(list).toJson(QJsonDocument::Compact));
    settings.setValue(QStringLiteral("clientsFollowServer"), follows);
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
