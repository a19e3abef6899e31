#include "lifecyclediagram.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace SockPlay {

using Call = LifecycleStep::Call;
using State = LifecycleStep::State;

namespace {

// Sizes follow the font (zoom, presenter mode): everything is in units of
// the font's height and average character width.
struct Metrics
{
    explicit Metrics(const QWidget *widget)
        : fm(widget->font())
    {
        unit = std::max(4, fm.height() / 2);
        arrow = fm.averageCharWidth() * 4;
        sentenceWidth = fm.averageCharWidth() * 20;
        margin = unit;
    }
    QFontMetrics fm;
    int unit = 8;
    int arrow = 28;
    int sentenceWidth = 140;
    int margin = 8;
};

void drawArrow(QPainter &p, QPointF from, QPointF to, qreal head)
{
    p.drawLine(from, to);
    const qreal angle = std::atan2(to.y() - from.y(), to.x() - from.x());
    QPainterPath tip;
    tip.moveTo(to);
    tip.lineTo(to - QPointF(std::cos(angle - 0.45) * head, std::sin(angle - 0.45) * head));
    tip.lineTo(to - QPointF(std::cos(angle + 0.45) * head, std::sin(angle + 0.45) * head));
    tip.closeSubpath();
    p.fillPath(tip, p.pen().color());
}

QString textUnder(const LifecycleStep &step)
{
    return step.state == State::Failed ? LifecycleDiagram::tr("failed: %1").arg(step.error) : step.sentence;
}

} // namespace

LifecycleDiagram::LifecycleDiagram(QWidget *parent)
    : QWidget(parent)
{
    installDiagramAccessibility();
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    layoutItems();
}

void LifecycleDiagram::setFlow(const LifecycleFlow &flow)
{
    QStringList before;
    for (int i = 0; i < diagramItemCount(); ++i)
        before.append(diagramItemName(i));
    m_flow = flow;
    layoutItems();
    if (m_focus >= diagramItemCount())
        m_focus = diagramItemCount() - 1;
    updateGeometry();
    update();
    QStringList after;
    for (int i = 0; i < diagramItemCount(); ++i)
        after.append(diagramItemName(i));
    // A data flood moves sequence numbers, not names: screen readers hear of real changes only.
    if (before != after)
        notifyDiagramItemsChanged(this);
}

void LifecycleDiagram::setCurrentItem(int index)
{
    if (index < 0 || index >= diagramItemCount() || index == m_focus)
        return;
    m_focus = index;
    update();
    notifyDiagramFocus(this, index);
}

QSize LifecycleDiagram::sizeHint() const
{
    return m_extent;
}

QSize LifecycleDiagram::minimumSizeHint() const
{
    return m_extent;
}

QFont LifecycleDiagram::callFont() const
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QFont base = font();
    if (base.pointSizeF() > 0)
        mono.setPointSizeF(base.pointSizeF() * 1.4);
    else
        mono.setPixelSize(int(base.pixelSize() * 1.4));
    return mono;
}

bool LifecycleDiagram::showsBranches() const
{
    if (m_flow.kind == LifecycleFlow::Kind::TcpClient)
        return m_flow.branches.size() + m_flow.olderBranches > 1;
    return m_flow.kind == LifecycleFlow::Kind::TcpServer;
}

const LifecycleStep &LifecycleDiagram::stepOf(const Item &item) const
{
    return item.row < 0 ? m_flow.steps.at(item.column) : m_flow.branches.at(item.row).steps.at(item.column);
}

void LifecycleDiagram::layoutItems()
{
    const Metrics m(this);
    const QFontMetrics cm(callFont());
    m_items.clear();
    m_captions.clear();
    m_moreText.clear();
    m_moreRect = {};

    // Lays out one row of boxes from x at y; returns its height.
    const auto layoutRow = [&](int row, const QList<LifecycleStep> &steps, int x, int y) {
        int textHeight = 0;
        QList<int> widths;
        for (const LifecycleStep &step : steps) {
            const int w = std::max(cm.horizontalAdvance(step.name), m.sentenceWidth);
            widths.append(w);
            textHeight = std::max(textHeight,
                                  m.fm.boundingRect(QRect(0, 0, w, 10000), Qt::TextWordWrap, textUnder(step)).height());
        }
        const int height = m.unit + cm.height() + m.unit / 2 + textHeight + m.unit;
        for (int i = 0; i < steps.size(); ++i) {
            const int w = widths.at(i) + 2 * m.unit;
            m_items.append(Item{row, i, QRect(x, y, w, height)});
            x += w + m.arrow;
        }
        return height;
    };

    int y = m.margin;
    int right = m.margin;
    y += layoutRow(-1, m_flow.steps, m.margin, y) + m.unit * 2;
    if (showsBranches() && !m_flow.branches.isEmpty()) {
        const int anchor = m_flow.indexOf(m_flow.kind == LifecycleFlow::Kind::TcpClient ? Call::Connect : Call::Accept);
        const int x = (anchor >= 0 && anchor < m_items.size() ? m_items.at(anchor).box.left() : m.margin) + m.arrow;
        for (int b = 0; b < m_flow.branches.size(); ++b) {
            const LifecycleBranch &branch = m_flow.branches.at(b);
            QString caption = tr("#%1").arg(branch.connectionId);
            if (!branch.peer.isEmpty())
                caption += u' ' + branch.peer;
            if (branch.ending != LifecycleBranch::Ending::Open)
                caption += QStringLiteral(" — ") + LifecycleBranch::endingName(branch.ending);
            m_captions.append(Caption{caption, QRect(x, y, m.fm.horizontalAdvance(caption) + m.unit, m.fm.height())});
            y += m.fm.height() + m.unit / 2;
            y += layoutRow(b, branch.steps, x, y) + m.unit * 2;
        }
    }
    if (showsBranches() && m_flow.olderBranches > 0) {
        m_moreText = m_flow.kind == LifecycleFlow::Kind::TcpClient
            ? tr("and %n more connection(s)", nullptr, int(std::min<qint64>(m_flow.olderBranches, INT_MAX)))
            : tr("and %n more client(s)", nullptr, int(std::min<qint64>(m_flow.olderBranches, INT_MAX)));
        m_moreRect = QRect(m.margin, y, m.fm.horizontalAdvance(m_moreText) + m.unit, m.fm.height());
        y += m.fm.height() + m.unit;
    }
    for (const Item &item : std::as_const(m_items))
        right = std::max(right, item.box.right());
    for (const Caption &caption : std::as_const(m_captions))
        right = std::max(right, caption.rect.right());
    right = std::max(right, m_moreRect.right());
    m_extent = QSize(right + m.margin, y);
}

QString LifecycleDiagram::diagramItemName(int index) const
{
    if (index < 0 || index >= m_items.size())
        return {};
    const Item &item = m_items.at(index);
    const LifecycleStep &step = stepOf(item);
    QString name = step.name + QStringLiteral(": ") + LifecycleStep::stateName(step.state) + QStringLiteral(" — ")
        + (step.state == State::Failed ? step.error : step.sentence);
    if (item.row >= 0)
        name = tr("connection #%1: ").arg(m_flow.branches.at(item.row).connectionId) + name;
    return name;
}

QRect LifecycleDiagram::diagramItemRect(int index) const
{
    return index >= 0 && index < m_items.size() ? m_items.at(index).box : QRect();
}

void LifecycleDiagram::paintEvent(QPaintEvent *)
{
    const Metrics m(this);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QColor red = QColor::fromRgba(FailedRed);
    const QColor grey = pal.color(QPalette::PlaceholderText);
    const qreal thin = std::max(1.0, m.fm.height() / 16.0);
    const qreal thick = thin * 2.5;
    QFont call = callFont();
    QFont callBold = call;
    callBold.setBold(true);

    // Arrows first, boxes over them.
    for (int i = 0; i + 1 < m_items.size(); ++i) {
        const Item &a = m_items.at(i);
        const Item &b = m_items.at(i + 1);
        if (a.row != b.row)
            continue;
        p.setPen(QPen(stepOf(b).isLit() ? pal.color(QPalette::WindowText) : grey, thin));
        drawArrow(p, QPointF(a.box.right() + 2, a.box.center().y()), QPointF(b.box.left() - 2, b.box.center().y()),
                  m.unit);
    }
    // Each branch hangs from accept() (connect() for a client's connections).
    if (!m_captions.isEmpty()) {
        const int anchor = m_flow.indexOf(m_flow.kind == LifecycleFlow::Kind::TcpClient ? Call::Connect : Call::Accept);
        if (anchor >= 0 && anchor < m_items.size()) {
            const QRect from = m_items.at(anchor).box;
            const qreal x = from.left() + m.arrow / 2.0;
            p.setPen(QPen(pal.color(QPalette::WindowText), thin));
            qreal lastY = from.bottom();
            for (const Item &item : std::as_const(m_items)) {
                if (item.row >= 0 && item.column == 0) {
                    lastY = item.box.center().y();
                    drawArrow(p, QPointF(x, lastY), QPointF(item.box.left() - 2, lastY), m.unit);
                }
            }
            p.drawLine(QPointF(x, from.bottom() + 1), QPointF(x, lastY));
        }
    }

    for (int i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        const LifecycleStep &step = stepOf(item);
        QColor border = grey;
        QColor text = grey;
        QColor fill = Qt::transparent;
        qreal width = thin;
        Qt::PenStyle style = Qt::DashLine;
        switch (step.state) {
        case State::NotYet: break;
        case State::Done:
            border = text = pal.color(QPalette::WindowText);
            style = Qt::SolidLine;
            break;
        case State::Current:
            border = fill = pal.color(QPalette::Highlight);
            text = pal.color(QPalette::HighlightedText);
            width = thick;
            style = Qt::SolidLine;
            break;
        case State::Failed:
            border = text = red;
            width = thick;
            style = Qt::SolidLine;
            break;
        }
        const QRectF box = QRectF(item.box).adjusted(width / 2, width / 2, -width / 2, -width / 2);
        p.setPen(QPen(border, width, style));
        p.setBrush(fill);
        p.drawRoundedRect(box, m.unit / 2.0, m.unit / 2.0);
        const QRect inner = item.box.adjusted(m.unit, m.unit / 2, -m.unit, -m.unit / 2);
        const bool strong = step.state == State::Current || step.state == State::Failed;
        p.setPen(text);
        p.setFont(strong ? callBold : call);
        const QFontMetrics cm(p.font());
        p.drawText(QRect(inner.left(), inner.top(), inner.width(), cm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   step.name);
        p.setFont(font());
        p.drawText(inner.adjusted(0, cm.height() + m.unit / 2, 0, 0), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                   textUnder(step));
        if (i == m_focus && hasFocus()) {
            // A thick ring outside the box, clear of a Highlight fill.
            const qreal ring = std::max(2.0, thick);
            p.setPen(QPen(pal.color(QPalette::Highlight), ring));
            p.setBrush(Qt::NoBrush);
            const qreal out = ring + 2;
            p.drawRoundedRect(QRectF(item.box).adjusted(-out, -out, out, out), m.unit / 2.0, m.unit / 2.0);
        }
    }
    p.setPen(pal.color(QPalette::WindowText));
    for (const Caption &caption : std::as_const(m_captions))
        p.drawText(caption.rect, Qt::AlignLeft | Qt::AlignVCenter, caption.text);
    if (!m_moreText.isEmpty())
        p.drawText(m_moreRect, Qt::AlignLeft | Qt::AlignVCenter, m_moreText);
}

int LifecycleDiagram::itemAt(const QPoint &point) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).box.contains(point))
            return i;
    return -1;
}

int LifecycleDiagram::itemInRow(int row, int column) const
{
    // Nearest by position: branch rows start under accept(), not under socket().
    const int from = m_focus >= 0 ? m_items.at(m_focus).box.center().x() : 0;
    int best = -1;
    int bestDistance = INT_MAX;
    for (int i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        if (item.row != row)
            continue;
        const int distance = m_focus >= 0 ? std::abs(item.box.center().x() - from) : std::abs(item.column - column);
        if (distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void LifecycleDiagram::activate(int index)
{
    if (index < 0 || index >= m_items.size())
        return;
    const quint64 sequence = stepOf(m_items.at(index)).sequence;
    if (sequence != 0)
        emit eventActivated(sequence);
}

void LifecycleDiagram::keyPressEvent(QKeyEvent *event)
{
    if (m_items.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int focus = m_focus < 0 ? 0 : m_focus;
    const Item &item = m_items.at(focus);
    int next = -1;
    switch (event->key()) {
    case Qt::Key_Left:
        next = item.column > 0 ? focus - 1 : focus;
        break;
    case Qt::Key_Right:
        next = focus + 1 < m_items.size() && m_items.at(focus + 1).row == item.row ? focus + 1 : focus;
        break;
    case Qt::Key_Up:
        next = item.row >= 0 ? itemInRow(item.row - 1, item.column) : focus;
        break;
    case Qt::Key_Down:
        next = itemInRow(item.row + 1, item.column);
        if (next < 0)
            next = focus;
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = int(m_items.size()) - 1;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activate(m_focus);
        event->accept();
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
    setCurrentItem(next);
}

void LifecycleDiagram::mousePressEvent(QMouseEvent *event)
{
    const int index = itemAt(event->position().toPoint());
    if (index < 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    setCurrentItem(index);
    activate(index);
}

void LifecycleDiagram::focusInEvent(QFocusEvent *event)
{
    if (m_focus < 0 && !m_items.isEmpty()) {
        // Where the story is now: the main row's current step.
        m_focus = std::max(0, m_flow.currentIndex());
        notifyDiagramFocus(this, m_focus);
    }
    update();
    QWidget::focusInEvent(event);
}

void LifecycleDiagram::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

void LifecycleDiagram::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        layoutItems();
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace SockPlay
