#include "democounterstable.h"

#include <QHeaderView>
#include <QLocale>

#include <algorithm>

namespace SockPlay {

DemoCountersTable::DemoCountersTable(QWidget *parent)
    : QTableWidget(parent)
{
    setObjectName(QStringLiteral("demoCounters"));
    setAccessibleName(tr("Demo counters"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void DemoCountersTable::setBaseFont(const QFont &base)
{
    QFont digits = base;
    digits.setBold(true);
    if (base.pointSizeF() > 0)
        digits.setPointSizeF(base.pointSizeF() * CounterScale);
    else
        digits.setPixelSize(qRound(base.pixelSize() * CounterScale));
    setFont(digits);
    // The headers name what the digits count: the surrounding size, the
    // groups bold.
    QFont header = base;
    header.setBold(true);
    horizontalHeader()->setFont(header);
    verticalHeader()->setFont(base);
    fitHeight();
}

void DemoCountersTable::setCounters(const QList<DemoCounter> &counters)
{
    // Columns: the groups, rows: the labels, each in the order first seen.
    QStringList groups;
    QStringList labels;
    for (const DemoCounter &counter : counters) {
        if (!groups.contains(counter.group))
            groups.append(counter.group);
        if (!labels.contains(counter.label))
            labels.append(counter.label);
    }
    // Same shape: the cells change in place (no reset, the selection stays).
    if (columnCount() != groups.size() || rowCount() != labels.size()) {
        setColumnCount(int(groups.size()));
        setRowCount(int(labels.size()));
    }
    QStringList headers;
    for (const QString &group : std::as_const(groups))
        headers.append(group.isEmpty() ? tr("Count") : group);
    setHorizontalHeaderLabels(headers);
    setVerticalHeaderLabels(labels);
    const QLocale locale;
    for (int row = 0; row < labels.size(); ++row) {
        for (int column = 0; column < groups.size(); ++column) {
            QTableWidgetItem *cell = item(row, column);
            if (!cell) {
                cell = new QTableWidgetItem;
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                setItem(row, column, cell);
            }
            const auto it = std::find_if(counters.cbegin(), counters.cend(), [&](const DemoCounter &counter) {
                return counter.label == labels.at(row) && counter.group == groups.at(column);
            });
            const bool counted = it != counters.cend();
            const QString value = counted ? locale.toString(it->value) : QStringLiteral("—");
            const QString spoken = counted ? tr("%1, %2: %3").arg(headers.at(column), labels.at(row), value)
                                           : tr("%1, %2: not counted").arg(headers.at(column), labels.at(row));
            if (cell->text() != value)
                cell->setText(value);
            cell->setData(Qt::AccessibleTextRole, spoken);
            cell->setData(CounterKeyRole, counted ? it->key : QString());
            cell->setToolTip(spoken);
        }
    }
    fitHeight();
}

void DemoCountersTable::fitHeight()
{
    // Every row in sight and no scroll bar: the table is as tall as its rows.
    resizeRowsToContents();
    int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
    for (int row = 0; row < rowCount(); ++row)
        height += rowHeight(row);
    setFixedHeight(height);
}

} // namespace SockPlay
