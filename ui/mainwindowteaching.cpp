// The window's teaching views: the lifecycle diagrams and the sequence
// diagram, each in a dock, both following the session's log, and both
// linked to the log's current row.
#include "mainwindow.h"

#include "endpointcolors.h"
#include "endpointpane.h"
#include "lifecycletracker.h"
#include "lifecycleview.h"
#include "logfollower.h"
#include "logview.h"
#include "sequencediagram.h"
#include "session.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace SockPlay {

QDockWidget *MainWindow::addHiddenDock(const QString &title, const QString &objectName, QWidget *content,
                                       Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setAccessibleName(title);
    dock->setFont(font()); // a floating dock is a window: fonts do not reach it on their own
    dock->setWidget(content);
    addDockWidget(area, dock);
    dock->hide();
    return dock;
}

void MainWindow::createTeachingViews()
{
    // One tracker for the window: the panes' strips and the Lifecycle dock read it.
    // One pass over the log per batch feeds both teaching views.
    auto *follower = new LogFollower(m_session->log(), true, this);
    m_lifecycle = new LifecycleTracker(this);
    m_lifecycle->follow(follower);
    connect(m_session, &Session::endpointRemoved, m_lifecycle, &LifecycleTracker::forget);
    for (EndpointPane *pane : m_workspace->panes())
        pane->setLifecycleTracker(m_lifecycle);
    connect(m_workspace, &Workspace::paneAdded, this,
            [this](EndpointPane *pane) { pane->setLifecycleTracker(m_lifecycle); });

    m_lifecycleView = new LifecycleView(m_lifecycle, this);
    // The flows run left to right: the lifecycle takes the window's width,
    // under the log; the ladder runs down: it takes the right side.
    m_lifecycleDock = addHiddenDock(tr("Lifecycle"), QStringLiteral("lifecycleDock"), m_lifecycleView,
                               Qt::BottomDockWidgetArea);

    m_sequenceDiagram = new SequenceDiagram(this);
    m_sequenceDiagram->setColorFunction(&EndpointColors::colorFor);
    m_sequenceDiagram->setFollower(follower);
    m_sequenceDock = addHiddenDock(tr("Sequence diagram"), QStringLiteral("sequenceDock"), m_sequenceDiagram,
                              Qt::RightDockWidgetArea);
    for (QDockWidget *dock : {m_lifecycleDock, m_sequenceDock}) {
        connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
            if (visible && !m_teachingDocksSized.contains(dock))
                QTimer::singleShot(0, this, [this, dock] { makeRoomForTeachingDock(dock); });
        });
    }

    // A step or an arrow picked shows its event in the log; a row picked in
    // the log shows its arrow.
    connect(m_lifecycleView, &LifecycleView::eventActivated, m_logView, &LogView::selectSequence);
    connect(m_sequenceDiagram, &SequenceDiagram::eventActivated, m_logView, &LogView::selectSequence);
    connect(m_logView, &LogView::currentEventChanged, m_sequenceDiagram, &SequenceDiagram::selectSequence);

    const auto toggle = [this](QDockWidget *dock, const QString &objectName, const QString &text,
                               const QKeySequence &key, const QString &buttonName) {
        QAction *action = dock->toggleViewAction();
        action->setText(text);
        action->setObjectName(objectName);
        action->setShortcut(key);
        action->setShortcutContext(Qt::ApplicationShortcut);
        action->setToolTip(tr("Show or hide: %1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        addAction(action); // the shortcut works while the dock is hidden
        auto *button = new QToolButton(this);
        button->setObjectName(buttonName);
        button->setDefaultAction(action);
        button->setAccessibleName(tr("Show or hide: %1").arg(text));
        button->setAutoRaise(true);
        statusBar()->addPermanentWidget(button);
        // Asked for by the user: the keyboard goes there (presenter mode
        // showing the dock leaves the focus where it is).
        connect(action, &QAction::triggered, dock, [dock](bool on) {
            if (on)
                dock->widget()->setFocus(Qt::ShortcutFocusReason);
        });
        return action;
    };
    m_toggleLifecycleAction = toggle(m_lifecycleDock, QStringLiteral("toggleLifecycleAction"), tr("Lifecycle"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                                     QStringLiteral("lifecycleToggleButton"));
    m_toggleSequenceAction = toggle(m_sequenceDock, QStringLiteral("toggleSequenceAction"), tr("Sequence diagram"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                    QStringLiteral("sequenceToggleButton"));

    // The keyboard reaches controls below the panes' visible part: the
    // panes scroll to show the widget that has the focus.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && m_panesScroll->widget() && m_panesScroll->widget()->isAncestorOf(now))
            m_panesScroll->ensureWidgetVisible(now);
    });
}

void MainWindow::makeRoomForTeachingDock(QDockWidget *dock)
{
    // Shown the first time, a dock gets only its minimum size and squeezes
    // the panes; where the screen has room, the window grows instead (up to
    // what the dock would like). Later the user's choices stand.
    if (m_teachingDocksSized.contains(dock) || !dock->isVisible() || dock->isFloating())
        return;
    m_teachingDocksSized.insert(dock);
    const QScreen *screen = this->screen();
    if (!screen || isMaximized() || isFullScreen())
        return;
    const QRect available = screen->availableGeometry();
    const QRect frame = frameGeometry();
    const bool wide = dockWidgetArea(dock) == Qt::LeftDockWidgetArea || dockWidgetArea(dock) == Qt::RightDockWidgetArea;
    const QSize wanted(fontMetrics().averageCharWidth() * 70, fontMetrics().height() * 16);
    if (wide) {
        const int grow = qMin(wanted.width() - dock->width(), available.right() - frame.right());
        if (grow > 0) {
            resize(width() + grow, height());
            if (frame.left() + frame.width() + grow > available.right())
                move(qMax(available.left(), available.right() - frame.width() - grow), frame.top());
        }
        resizeDocks({dock}, {wanted.width()}, Qt::Horizontal);
    } else {
        const int grow = qMin(wanted.height() - dock->height(), available.bottom() - frame.bottom());
        if (grow > 0)
            resize(width(), height() + grow);
        resizeDocks({dock}, {wanted.height()}, Qt::Vertical);
    }
}

void MainWindow::presenterToggled(bool on)
{
    // A projector wants the whole screen; off, the window goes back to
    // where and how big it was.
    if (on) {
        m_geometryBeforePresenting = isMaximized() || isFullScreen() ? QByteArray() : saveGeometry();
        if (isVisible()) {
            // The whole screen also where no window manager maximises.
            if (const QScreen *screen = this->screen())
                setGeometry(screen->availableGeometry());
            showMaximized();
        }
    } else if (!m_geometryBeforePresenting.isEmpty()) {
        showNormal();
        restoreGeometry(m_geometryBeforePresenting);
        m_geometryBeforePresenting.clear();
    }
    // Larger text moves everything: the control with the focus stays in view,
    // and the teaching views get a real share of the screen (a third of its
    // width for the ladder, a third of its height for the lifecycle).
    QTimer::singleShot(0, this, [this, on] {
        if (on && m_sequenceDock->isVisible() && !m_sequenceDock->isFloating())
            resizeDocks({m_sequenceDock}, {width() / 3}, Qt::Horizontal);
        if (on && m_lifecycleDock->isVisible() && !m_lifecycleDock->isFloating())
            resizeDocks({m_lifecycleDock}, {height() / 3}, Qt::Vertical);
        // Once the docks' new sizes are laid out.
        QTimer::singleShot(0, this, [this] {
            QWidget *focus = QApplication::focusWidget();
            if (focus && m_panesScroll->widget() && m_panesScroll->widget()->isAncestorOf(focus))
                m_panesScroll->ensureWidgetVisible(focus);
        });
    });
}

} // namespace SockPlay
