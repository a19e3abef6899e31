#pragma once

#include "diagramaccessible.h"
#include "lifecycleflow.h"

#include <QList>
#include <QRect>
#include <QWidget>

namespace SockPlay {

/// One endpoint's lifecycle, painted: a box per system call (the call in a
/// large monospace font, its sentence under it), arrows between them, and a
/// row per connection under the main row. The step that just happened is
/// drawn strong in the palette's Highlight, done steps in WindowText, steps
/// not reached yet in PlaceholderText, a failed step in red with the reason.
/// Only palette roles (and that red) are used: presenter mode changes the
/// palette, and the diagram follows.
///
/// Every step is an accessible child ("listen(): done — the kernel now ...").
/// The arrow keys move between steps (Up/Down between rows); Enter, or a
/// click on a step, emits eventActivated() with the event that lit it.
class LifecycleDiagram final : public QWidget, public DiagramItems
{
    Q_OBJECT
public:
    /// A failed step's red: 5.9:1 on white.
    static constexpr QRgb FailedRed = 0xffb00020;

    explicit LifecycleDiagram(QWidget *parent = nullptr);

    void setFlow(const LifecycleFlow &flow);
    const LifecycleFlow &flow() const { return m_flow; }

    /// The step the keyboard is on (an index of the accessible items), or -1.
    int currentItem() const { return m_focus; }
    void setCurrentItem(int index);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // DiagramItems
    int diagramItemCount() const override { return int(m_items.size()); }
    QString diagramItemName(int index) const override;
    QRect diagramItemRect(int index) const override;
    bool diagramItemSelected(int index) const override { return index == m_focus; }
    int diagramCurrentItem() const override { return m_focus; }

signals:
    /// The user chose a step (Enter or a click): the event that lit it.
    void eventActivated(quint64 sequence);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    /// A drawn step: its row (-1: the main row; else a branch's index) and
    /// where it is in that row.
    struct Item
    {
        int row = -1;
        int column = 0;
        QRect box;
    };
    /// A branch row's caption ("#3 127.0.0.1:41234 — closed by the peer") and where it goes.
    struct Caption
    {
        QString text;
        QRect rect;
    };

    const LifecycleStep &stepOf(const Item &item) const;
    QFont callFont() const;
    /// Where each box goes, for the current flow and fonts.
    void layoutItems();
    /// Whether the branches get rows (a client with one connection: its main row says it all).
    bool showsBranches() const;
    void activate(int index);
    int itemAt(const QPoint &point) const;
    /// The item in row `row` nearest to column `column` (-1: no such row).
    int itemInRow(int row, int column) const;

    LifecycleFlow m_flow;
    QList<Item> m_items;
    QList<Caption> m_captions;
    QString m_moreText;
    QRect m_moreRect;
    QSize m_extent;
    int m_focus = -1;
};

} // namespace SockPlay
