#include "wrappedlabel.h"

#include <QEvent>

namespace SockPlay {

WrappedLabel::WrappedLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

WrappedLabel::WrappedLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setWordWrap(true);
}

int WrappedLabel::heightForWidth(int width) const
{
    // Shares its data with text() when unchanged, so the comparison is
    // usually a pointer check.
    const QString current = text();
    const bool sameText = current.data_ptr().data() == m_textOfHeights.data_ptr().data() || current == m_textOfHeights;
    if (!sameText || margin() != m_marginOfHeights || indent() != m_indentOfHeights) {
        for (Remembered &r : m_remembered)
            r = {};
        m_textOfHeights = current;
        m_marginOfHeights = margin();
        m_indentOfHeights = indent();
    }
    for (const Remembered &r : m_remembered)
        if (r.width == width)
            return r.height;
    const int height = QLabel::heightForWidth(width);
    m_remembered[m_next] = {width, height};
    m_next = (m_next + 1) % kRemembered;
    return height;
}

void WrappedLabel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::ContentsRectChange:
    case QEvent::LayoutDirectionChange:
        for (Remembered &r : m_remembered)
            r = {};
        break;
    default:
        break;
    }
    QLabel::changeEvent(event);
}

} // namespace SockPlay
