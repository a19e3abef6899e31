#include "logrowactions.h"

#include "logfiltermodel.h"
#include "logmodel.h"
#include "payloadcodec.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QShortcut>
#include <QTableView>

#include <algorithm>

namespace SockPlay {

LogRowActions::LogRowActions(QTableView *view, LogModel *model, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
{
    m_menu = new QMenu(view);
    m_menu->setObjectName(QStringLiteral("logContextMenu"));
    m_menu->setAccessibleName(tr("Log row actions"));

    m_copyAction = addAction("logCopyAction", tr("&Copy"), QKeySequence::Copy);
    m_copyHexAction = addAction("logCopyHexAction", tr("Copy as &hex"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_menu->addSeparator();
    m_detailsAction = addAction("logShowDetailsAction", tr("Show &details"));
    m_filterConnectionAction = addAction("logFilterConnectionAction", tr("Filter to this co&nnection"));
    m_filterEndpointAction = addAction("logFilterEndpointAction", tr("Filter to this &endpoint"));
    m_menu->addSeparator();
    m_exportAction = addAction("logExportSelectedAction", tr("E&xport selected rows…"));
    m_selectAllAction = addAction("logSelectAllAction", tr("Select &all"), QKeySequence::SelectAll);

    connect(m_copyAction, &QAction::triggered, this, &LogRowActions::copyText);
    connect(m_copyHexAction, &QAction::triggered, this, &LogRowActions::copyHex);
    connect(m_detailsAction, &QAction::triggered, this, &LogRowActions::detailsRequested);
    connect(m_exportAction, &QAction::triggered, this, &LogRowActions::exportSelectedRequested);
    connect(m_selectAllAction, &QAction::triggered, m_view, &QAbstractItemView::selectAll);
    const auto filterTo = [this](bool connection) {
        const std::optional<Event> event = eventOfRow(m_view->currentIndex().row());
        if (event && !event->endpointName().isEmpty())
            emit filterRequested(event->endpointName(), connection ? event->connectionId() : -1);
    };
    connect(m_filterConnectionAction, &QAction::triggered, this, [filterTo] { filterTo(true); });
    connect(m_filterEndpointAction, &QAction::triggered, this, [filterTo] { filterTo(false); });

    // The mouse: at the pointer. The keyboard (the Menu key, Shift+F10): at
    // the current row, through shortcuts that come before the table's keys.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &LogRowActions::popup);
    for (const QKeySequence &keys : {QKeySequence(Qt::Key_Menu), QKeySequence(Qt::SHIFT | Qt::Key_F10)}) {
        auto *shortcut = new QShortcut(keys, m_view, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] {
            const QRect rect = m_view->visualRect(m_view->currentIndex());
            popup(rect.isValid() ? rect.bottomLeft() : QPoint(0, 0));
        });
    }
    connect(m_menu, &QMenu::aboutToShow, this, &LogRowActions::updateActions);
    // The menu greys out what does not apply to the rows under it; the
    // shortcuts stay live (the table's selection changes without the menu).
    connect(m_menu, &QMenu::aboutToHide, this, [this] {
        for (QAction *action : m_menu->actions())
            action->setEnabled(true);
    });
}

QAction *LogRowActions::addAction(const char *objectName, const QString &text, const QKeySequence &shortcut)
{
    auto *action = new QAction(text, m_view);
    action->setObjectName(QLatin1String(objectName));
    action->setShortcut(shortcut);
    // On the table, not the window: Ctrl+C in a line edit still copies its text.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(action);
    m_menu->addAction(action);
    return action;
}

void LogRowActions::popup(const QPoint &viewportPos)
{
    updateActions();
    m_menu->popup(m_view->viewport()->mapToGlobal(viewportPos));
}

void LogRowActions::updateActions()
{
    const bool selected = m_view->selectionModel() && m_view->selectionModel()->hasSelection();
    const std::optional<Event> current = eventOfRow(m_view->currentIndex().row());
    m_copyAction->setEnabled(selected);
    m_copyHexAction->setEnabled(selected);
    m_exportAction->setEnabled(selected);
    m_detailsAction->setEnabled(current.has_value());
    m_filterEndpointAction->setEnabled(current && !current->endpointName().isEmpty());
    m_filterConnectionAction->setEnabled(current && !current->endpointName().isEmpty() && current->connectionId() > 0);
}

QList<int> LogRowActions::selectedRows() const
{
    // Ranges, not selectedRows(): Ctrl+A over a million rows is one range.
    QList<std::pair<int, int>> ranges;
    if (m_view->selectionModel()) {
        for (const QItemSelectionRange &range : m_view->selectionModel()->selection())
            ranges.append({range.top(), range.bottom()});
    }
    std::sort(ranges.begin(), ranges.end());
    QList<int> rows;
    int next = 0;
    for (const auto &[top, bottom] : std::as_const(ranges)) {
        for (int row = std::max(top, next); row <= bottom; ++row)
            rows.append(row);
        next = std::max(next, bottom + 1);
    }
    return rows;
}

std::optional<Event> LogRowActions::eventOfRow(int viewRow) const
{
    if (viewRow < 0)
        return std::nullopt;
    if (const auto *filtered = qobject_cast<const LogFilterModel *>(m_view->model()))
        return m_model->eventAt(filtered->sourceRowOfMatch(viewRow));
    return m_model->eventAt(viewRow);
}

QList<int> LogRowActions::rowsToCopy(bool hex, QString *message) const
{
    QList<int> rows = selectedRows();
    const QLocale locale;
    const QString what = hex ? tr("payloads as hex") : tr("rows");
    if (rows.size() > MaxCopyRows) {
        *message = tr("Copied the first %1 of %2 selected %3 (at most %1 at once: export the rest)")
                       .arg(locale.toString(MaxCopyRows), locale.toString(rows.size()), what);
        rows.resize(MaxCopyRows);
    } else {
        *message = tr("Copied %1 %2").arg(locale.toString(rows.size()), what);
    }
    return rows;
}

void LogRowActions::copyText()
{
    QString message;
    const QList<int> rows = rowsToCopy(false, &message);
    if (rows.isEmpty())
        return;
    const QAbstractItemModel *shown = m_view->model();
    QString text;
    for (int row : rows) {
        for (int column = LogModel::TimeColumn; column < LogModel::PayloadColumn; ++column)
            text += shown->index(row, column).data().toString() + QLatin1Char('\t');
        // The whole payload, not the cell's preview; escaped, so one event stays one line.
        const std::optional<Event> event = eventOfRow(row);
        if (event && !event->payloadDropped())
            text += PayloadCodec::renderText(event->payload);
        else
            text += shown->index(row, LogModel::PayloadColumn).data().toString();
        text += QLatin1Char('\n');
    }
    QGuiApplication::clipboard()->setText(text);
    emit copied(message);
}

void LogRowActions::copyHex()
{
    QString message;
    const QList<int> rows = rowsToCopy(true, &message);
    if (rows.isEmpty())
        return;
    QByteArray hex;
    for (int row : rows) {
        if (const std::optional<Event> event = eventOfRow(row))
            hex += event->payload.toHex(' ');
        hex += '\n';
    }
    QGuiApplication::clipboard()->setText(QString::fromLatin1(hex));
    emit copied(message);
}

} // namespace SockPlay
