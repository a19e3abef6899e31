#include "diagramaccessible.h"

#include <QAccessibleWidget>
#include <QHash>
#include <QPointer>
#include <QWidget>

namespace SockPlay {

namespace {

class DiagramAccessible;

/// One item of a diagram. It holds the diagram's widget, not the parent
/// interface: the accessibility cache may outlive either.
class DiagramItemAccessible final : public QAccessibleInterface
{
public:
    DiagramItemAccessible(QWidget *diagram, int index)
        : m_diagram(diagram)
        , m_index(index)
    {
    }

    bool isValid() const override { return m_diagram && m_index < items()->diagramItemCount(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return parent() ? parent()->window() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_diagram); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessible::Role role() const override { return isValid() ? items()->diagramItemRole() : QAccessible::NoRole; }

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        switch (t) {
        case QAccessible::Name:
            return items()->diagramItemName(m_index);
        case QAccessible::Description:
            return items()->diagramItemDescription(m_index);
        default:
            return {};
        }
    }
    void setText(QAccessible::Text, const QString &) override {}

    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect local = items()->diagramItemRect(m_index);
        if (local.isEmpty())
            return {};
        return QRect(m_diagram->mapToGlobal(local.topLeft()), local.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State state;
        if (!isValid()) {
            state.invalid = true;
            return state;
        }
        state.selectable = true;
        state.focusable = true;
        state.selected = items()->diagramItemSelected(m_index);
        state.focused = m_diagram->hasFocus() && items()->diagramCurrentItem() == m_index;
        state.invisible = items()->diagramItemRect(m_index).isEmpty();
        state.offscreen = !m_diagram->isVisible() || state.invisible;
        return state;
    }

private:
    const DiagramItems *items() const { return dynamic_cast<const DiagramItems *>(m_diagram.data()); }

    QPointer<QWidget> m_diagram;
    int m_index = 0;
};

/// The diagram widget itself: a QAccessibleWidget whose children are its
/// items (and then its child widgets, if any). Item interfaces are cached by
/// index so that a screen reader's ids stay stable until the items change.
class DiagramAccessible final : public QAccessibleWidget
{
public:
    explicit DiagramAccessible(QWidget *widget)
        : QAccessibleWidget(widget, QAccessible::Graphic)
    {
    }
    ~DiagramAccessible() override { forgetItems(); }

    int childCount() const override { return itemCount() + QAccessibleWidget::childCount(); }

    QAccessibleInterface *child(int index) const override
    {
        const int items = itemCount();
        if (index < 0)
            return nullptr;
        if (index >= items)
            return QAccessibleWidget::child(index - items);
        if (const auto it = m_cache.constFind(index); it != m_cache.cend())
            return QAccessible::accessibleInterface(*it);
        auto *item = new DiagramItemAccessible(widget(), index);
        m_cache.insert(index, QAccessible::registerAccessibleInterface(item));
        return item;
    }

    int indexOfChild(const QAccessibleInterface *child) const override
    {
        for (auto it = m_cache.cbegin(); it != m_cache.cend(); ++it) {
            if (QAccessible::accessibleInterface(it.value()) == child)
                return it.key();
        }
        const int widgetIndex = QAccessibleWidget::indexOfChild(child);
        return widgetIndex < 0 ? -1 : itemCount() + widgetIndex;
    }

    QAccessibleInterface *childAt(int x, int y) const override
    {
        const QPoint local = widget()->mapFromGlobal(QPoint(x, y));
        const int items = itemCount();
        for (int i = 0; i < items; ++i) {
            if (diagram()->diagramItemRect(i).contains(local))
                return child(i);
        }
        return QAccessibleWidget::childAt(x, y);
    }

    /// The items changed: ids handed out so far are withdrawn.
    void forgetItems()
    {
        for (const QAccessible::Id id : std::as_const(m_cache))
            QAccessible::deleteAccessibleInterface(id);
        m_cache.clear();
    }

private:
    const DiagramItems *diagram() const { return dynamic_cast<const DiagramItems *>(widget()); }
    int itemCount() const { return diagram() ? diagram()->diagramItemCount() : 0; }

    mutable QHash<int, QAccessible::Id> m_cache;
};

QAccessibleInterface *diagramFactory(const QString &, QObject *object)
{
    auto *widget = qobject_cast<QWidget *>(object);
    if (widget && dynamic_cast<DiagramItems *>(widget))
        return new DiagramAccessible(widget);
    return nullptr;
}

} // namespace

void installDiagramAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(diagramFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

void notifyDiagramItemsChanged(QWidget *diagram)
{
    if (!QAccessible::isActive())
        return;
    if (auto *accessible = dynamic_cast<DiagramAccessible *>(QAccessible::queryAccessibleInterface(diagram)))
        accessible->forgetItems();
    QAccessibleEvent event(diagram, QAccessible::ObjectReorder);
    QAccessible::updateAccessibility(&event);
}

void notifyDiagramFocus(QWidget *diagram, int index)
{
    if (!QAccessible::isActive())
        return;
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(diagram);
    if (!accessible || index < 0 || index >= accessible->childCount())
        return;
    QAccessibleEvent event(accessible->child(index), QAccessible::Focus);
    QAccessible::updateAccessibility(&event);
}

} // namespace SockPlay
