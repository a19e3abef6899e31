#pragma once

#include "demo.h"

#include <QTableWidget>

namespace SockPlay {

/// A demo's counters as a table ("demoCounters"): a row per label
/// ("Received", "Lost"), a column per group ("TCP", "UDP"), in bold digits
/// CounterScale times the table's surroundings' text, so that the back of a
/// classroom reads them. As tall as its rows (no scroll bar); the cells
/// change in place as the counts move.
///
/// Each cell's accessible text says what it counts ("UDP, Lost: 9"); its
/// CounterKeyRole holds the counter's key ("udp.lost"), for harnesses.
class DemoCountersTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoCountersTable)
public:
    explicit DemoCountersTable(QWidget *parent = nullptr);

    void setCounters(const QList<DemoCounter> &counters);
    /// The digits' size from the text around the table (the panel's font).
    void setBaseFont(const QFont &font);

    static constexpr qreal CounterScale = 1.4;
    static constexpr int CounterKeyRole = Qt::UserRole;

private:
    void fitHeight();
};

} // namespace SockPlay
