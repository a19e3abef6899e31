#pragma once

#include <QAccessible>
#include <QRect>
#include <QString>

class QWidget;

namespace SockPlay {

/// What a painted diagram (the lifecycle flow, the sequence ladder) tells
/// screen readers about the items it draws: each item becomes an accessible
/// child of the widget, with a name, a role and a place on the screen, so
/// that AT-SPI and test harnesses find "listen(): done" or "SYN, client to
/// server" without reading pixels.
///
/// A diagram widget inherits QWidget and this class, calls
/// installDiagramAccessibility() once (its constructor may) and
/// notifyDiagramItemsChanged() whenever its items change.
class DiagramItems
{
public:
    virtual ~DiagramItems() = default;

    virtual int diagramItemCount() const = 0;
    /// "listen(): done. The kernel now completes handshakes for us and queues them."
    virtual QString diagramItemName(int index) const = 0;
    virtual QString diagramItemDescription(int index) const
    {
        Q_UNUSED(index);
        return {};
    }
    /// Where the item is drawn, in the widget's coordinates (empty: not shown now).
    virtual QRect diagramItemRect(int index) const = 0;
    virtual QAccessible::Role diagramItemRole() const { return QAccessible::ListItem; }
    virtual bool diagramItemSelected(int index) const
    {
        Q_UNUSED(index);
        return false;
    }
    /// The item the keyboard is on, if any.
    virtual int diagramCurrentItem() const { return -1; }
};

/// Installs (once) the accessibility factory for widgets that are DiagramItems.
void installDiagramAccessibility();
/// The diagram's items changed (count, names or places): its accessible
/// children are built afresh and screen readers are told.
void notifyDiagramItemsChanged(QWidget *diagram);
/// The keyboard moved to item index: screen readers announce it.
void notifyDiagramFocus(QWidget *diagram, int index);

} // namespace SockPlay
