#pragma once

#include <QList>
#include <QTableView>

namespace SockPlay {

class LogModel;

/// The live log's table: whole rows selected (click, Shift/Ctrl+click,
/// Shift+arrows, Ctrl+A), read-only, and rows of one fixed height so that a
/// million rows cost no more than a hundred. Sizes follow the font.
///
/// Its columns fit its width: no horizontal scroll bar for Time, Side,
/// Connection, Event and Bytes, whatever the width and the zoom. Each gets
/// the width its usual text needs, or in a narrow table its fair part (short
/// columns whole, long ones sharing the rest); the payload takes the rest,
/// at least a third. Long text is elided (the detail pane has it all).
/// A width the user drags stays what that column wants.
class LogTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogTableView)
public:
    explicit LogTableView(QWidget *parent = nullptr);

    /// Row height and column widths from the current font; the payload
    /// column's monospace font to model.
    void applyFontMetrics(LogModel *model);
    void setModel(QAbstractItemModel *model) override;

    /// What the columns before the payload want together (their widths in a wide table).
    int wantedWidth() const;

    /// Widths for columns that want `wanted` pixels and share `available`:
    /// all they want where it fits; else max-min fair by weight (a column
    /// that wants less than its part gets it all, the others share the
    /// rest by weight), and never below `minimum` (if that is too wide, each
    /// gives up the same fraction of what it has above the minimum).
    static QList<int> fitWidths(const QList<int> &wanted, const QList<int> &weights, int minimum, int available);

protected:
    bool viewportEvent(QEvent *event) override;

private:
    void fitColumns();

    QList<int> m_wanted; // per column before the payload
    bool m_fitting = false;
};

} // namespace SockPlay
