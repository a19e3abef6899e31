#include "focusring.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QEvent>
#include <QFontInfo>
#include <QPainter>

namespace SockPlay {

FocusRing::FocusRing(QWidget *home)
    : QWidget(home)
    , m_home(home)
{
    setObjectName(QStringLiteral("focusRing"));
    setAccessibleName(tr("Focus ring"));
    // Only paint: clicks, the focus and screen readers go to what is under it.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (m_active)
            follow(now);
    });
}

void FocusRing::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active) {
        follow(QApplication::focusWidget());
    } else {
        unwatch();
        m_target.clear();
        hide();
    }
}

void FocusRing::setColor(const QColor &color)
{
    m_color = color;
    update();
}

int FocusRing::thickness() const
{
    // 3 px at 15 px text (11 pt at 96 dpi, the window's 100%), in proportion above.
    const QWidget *sized = m_target ? m_target->window() : m_home.data();
    const int pixels = sized ? QFontInfo(sized->font()).pixelSize() : 15;
    return qMax(3, (pixels * 3 + 7) / 15);
}

bool FocusRing::serves(const QWidget *widget) const
{
    // The home window, or a window whose parent chain leads to it (a floating dock).
    for (const QWidget *window = widget ? widget->window() : nullptr; window;
         window = window->parentWidget() ? window->parentWidget()->window() : nullptr) {
        if (window == m_home)
            return true;
    }
    return false;
}

void FocusRing::follow(QWidget *focused)
{
    // A popup (a menu, a combo box's list) is gone in a moment: the ring stays
    // where the focus comes back to.
    if (focused && focused->window()->windowType() == Qt::Popup)
        return;
    unwatch();
    m_target = serves(focused) && focused != this ? focused : nullptr;
    if (!m_target) {
        // Home again: a floating dock that lost the focus may be on its way out, and us with it.
        if (parentWidget() != m_home)
            setParent(m_home);
        hide();
        return;
    }
    QWidget *window = m_target->window();
    for (QWidget *widget = m_target; widget && widget != window; widget = widget->parentWidget()) {
        widget->installEventFilter(this);
        m_watched.append(widget);
    }
    if (parentWidget() != window)
        setParent(window); // hides it: place() shows it again
    place();
}

void FocusRing::unwatch()
{
    for (const QPointer<QWidget> &widget : std::as_const(m_watched)) {
        if (widget)
            widget->removeEventFilter(this);
    }
    m_watched.clear();
}

void FocusRing::place()
{
    QWidget *window = parentWidget();
    if (!m_target || !window || !m_target->isVisible()) {
        hide();
        return;
    }
    // Just outside the widget, so that it frames the widget without hiding its text.
    const int width = thickness();
    const QRect ring = QRect(m_target->mapTo(window, QPoint(0, 0)), m_target->size()).adjusted(-width, -width, width, width);
    // Clipped to the window and to every scroll area's viewport on the way:
    // a field scrolled half out of view has half a ring.
    QRect visible = window->rect();
    for (QWidget *widget = m_target->parentWidget(); widget && widget != window; widget = widget->parentWidget()) {
        const auto *area = qobject_cast<QAbstractScrollArea *>(widget->parentWidget());
        if (area && area->viewport() == widget)
            visible &= QRect(widget->mapTo(window, QPoint(0, 0)), widget->size());
    }
    const QRect shown = ring & visible;
    if (shown.isEmpty()) {
        hide();
        return;
    }
    m_ring = ring.translated(-shown.topLeft());
    setGeometry(shown);
    raise();
    show();
    update();
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::FontChange:
        if (m_active)
            place();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::paintEvent(QPaintEvent *)
{
    const int width = thickness();
    QPainter painter(this);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_color);
    // The frame between the outer edge and the widget: four bars, no antialiasing to blur it.
    QRegion frame(m_ring);
    frame -= QRegion(m_ring.adjusted(width, width, -width, -width));
    painter.setClipRegion(frame);
    painter.drawRect(rect());
}

FocusRing::~FocusRing()
{
    // Focus moves while the children go: the application's focusChanged
    // must not reach this half-destroyed widget (UBSan saw it).
    disconnect(qApp, nullptr, this, nullptr);
}

} // namespace SockPlay
