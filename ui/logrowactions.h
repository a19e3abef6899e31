#pragma once

#include "event.h"

#include <QKeySequence>
#include <QList>
#include <QObject>

#include <optional>

class QAction;
class QMenu;
class QTableView;

namespace SockPlay {

class LogFilterModel;
class LogModel;

/// What a user does with rows of the log table: select, copy (as text and
/// as hex) and the context menu (right-click, the Menu key, Shift+F10).
///
/// The actions live on the table (their shortcuts work while it has the
/// focus) and in its context menu. Copy reads the rows the table shows, in
/// its order, whether it shows the log or its filter. What does not touch
/// the clipboard (details, filter, export) is a signal for the log pane.
class LogRowActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogRowActions)
public:
    /// Rows copied at most at once: a Ctrl+A over a million rows copies the
    /// first ones and says so, instead of freezing the window for seconds.
    static constexpr int MaxCopyRows = 100000;

    /// view shows model, or a LogFilterModel over it.
    LogRowActions(QTableView *view, LogModel *model, QObject *parent = nullptr);

    QMenu *menu() const { return m_menu; }
    /// The selected rows of the table, in its order, each once.
    QList<int> selectedRows() const;

    /// Ctrl+C: one line per selected row, its cells tab-separated as the
    /// table shows them (time, side, connection, event, bytes), then the
    /// whole payload as text (escaped: one line per event).
    void copyText();
    /// Ctrl+Shift+C: the payload bytes of each selected row as hex, one line per row.
    void copyHex();
    /// Opens the context menu at a point of the table's viewport (the
    /// current row when the keyboard asked for it).
    void popup(const QPoint &viewportPos);

signals:
    /// Show the current row's details (the detail pane).
    void detailsRequested();
    /// Narrow the table to one side and connection (-1: every connection).
    void filterRequested(const QString &side, int connectionId);
    void exportSelectedRequested();
    /// What a copy did, for the pane's status line ("Copied 3 rows").
    void copied(const QString &message);

private:
    QAction *addAction(const char *objectName, const QString &text, const QKeySequence &shortcut = {});
    /// The event a table row shows; empty when the log let it go.
    std::optional<Event> eventOfRow(int viewRow) const;
    /// The rows to copy (at most MaxCopyRows), and the message saying how many.
    QList<int> rowsToCopy(bool hex, QString *message) const;
    void updateActions();

    QTableView *m_view = nullptr;
    LogModel *m_model = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_copyHexAction = nullptr;
    QAction *m_detailsAction = nullptr;
    QAction *m_filterConnectionAction = nullptr;
    QAction *m_filterEndpointAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_selectAllAction = nullptr;
};

} // namespace SockPlay
