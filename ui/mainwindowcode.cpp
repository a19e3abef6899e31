// The window's Code dock: the program equivalent to the current endpoint,
// in Python, Go or C++ (CodeView), at the right beside the teaching docks,
// hidden until the View menu's Code (Ctrl+Shift+G) asks for it.
#include "mainwindow.h"

#include "codeview.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollBar>
#include <QStyle>
#include <QTimer>

namespace SockPlay {

void MainWindow::createCodeView()
{
    m_codeView = new CodeView(m_workspace, this);
    m_codeDock = addHiddenDock(tr("Code"), QStringLiteral("codeDock"), m_codeView, Qt::RightDockWidgetArea);
    connect(m_codeDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_teachingDocksSized.contains(m_codeDock))
            QTimer::singleShot(0, this, &MainWindow::makeRoomForCodeDock);
    });

    m_codeAction = m_codeDock->toggleViewAction();
    m_codeAction->setText(tr("Code"));
    m_codeAction->setObjectName(QStringLiteral("codeAction"));
    const QKeySequence key(Qt::CTRL | Qt::SHIFT | Qt::Key_G);
    m_codeAction->setShortcut(key);
    m_codeAction->setShortcutContext(Qt::ApplicationShortcut);
    m_codeAction->setToolTip(tr("Show or hide: the program in Python, Go or C++ (%1)")
                                 .arg(key.toString(QKeySequence::NativeText)));
    addAction(m_codeAction); // the shortcut works while the dock is hidden
    // Asked for by the user: the keyboard goes there.
    connect(m_codeAction, &QAction::triggered, m_codeDock, [this](bool on) {
        if (on)
            m_codeView->setFocus(Qt::ShortcutFocusReason);
    });
    // After the teaching views in the View menu.
    if (auto *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        QAction *before = nullptr;
        const QList<QAction *> actions = view->actions();
        const qsizetype sequence = actions.indexOf(m_toggleSequenceAction);
        if (sequence >= 0 && sequence + 1 < actions.size())
            before = actions.at(sequence + 1);
        view->insertAction(before, m_codeAction);
    }
}

void MainWindow::makeRoomForCodeDock()
{
    if (m_teachingDocksSized.contains(m_codeDock) || !m_codeDock->isVisible() || m_codeDock->isFloating())
        return;
    makeRoomForTeachingDock(m_codeDock);
    // A program's lines run longer than a diagram needs: 80 columns of it
    // where the screen has them (the panes give way only down to their minimum).
    const QPlainTextEdit *text = m_codeView->textEdit();
    const int wanted = QFontMetrics(text->font()).horizontalAdvance(QString(80, QLatin1Char('m')))
        + text->verticalScrollBar()->sizeHint().width() + 4 * text->frameWidth()
        + 2 * style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    const int missing = wanted - m_codeDock->width();
    if (missing <= 0)
        return;
    if (const QScreen *screen = this->screen(); screen && !isMaximized() && !isFullScreen()) {
        const int grow = qMin(missing, screen->availableGeometry().right() - frameGeometry().right());
        if (grow > 0)
            resize(width() + grow, height());
    }
    resizeDocks({m_codeDock}, {wanted}, Qt::Horizontal);
}

} // namespace SockPlay
