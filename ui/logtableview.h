#pragma once

#include <QTableView>

namespace SockPlay {

class LogModel;

/// The live log's table: whole rows selected (click, Shift/Ctrl+click,
/// Shift+arrows, Ctrl+A), read-only, and rows of one fixed height so that a
/// million rows cost no more than a hundred. Sizes follow the font.
class LogTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogTableView)
public:
    explicit LogTableView(QWidget *parent = nullptr);

    /// Row height and column widths from the current font; the payload
    /// column's monospace font to model.
    void applyFontMetrics(LogModel *model);
};

} // namespace SockPlay
