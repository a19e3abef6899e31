#include "sequencerenderer.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <climits>
#include <cmath>

namespace SockPlay {

namespace {

// The texts drawn on the diagram (SequenceRenderer is not a QObject).
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(SockPlay::SequenceRenderer)
};

constexpr int IdleCapRows = 2; // a pause never takes more than this many rows beyond its own

// Dark enough on white and on a washed-out projector; told apart by hue.
const QColor FallbackColours[] = {QColor(0x15, 0x65, 0xc0), QColor(0xc6, 0x28, 0x28), QColor(0x2e, 0x7d, 0x32),
                                  QColor(0x6a, 0x1b, 0x9a), QColor(0xe6, 0x51, 0x00), QColor(0x00, 0x83, 0x8f),
                                  QColor(0xad, 0x14, 0x57), QColor(0x4e, 0x34, 0x2e)};

double distanceToSegment(const QPointF &p, const QLineF &line)
{
    const QPointF d = line.p2() - line.p1();
    const double length2 = d.x() * d.x() + d.y() * d.y();
    double t = length2 > 0 ? ((p.x() - line.x1()) * d.x() + (p.y() - line.y1()) * d.y()) / length2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF nearest = line.p1() + t * d;
    return QLineF(p, nearest).length();
}

} // namespace

SequenceRenderer::SequenceRenderer(const Ladder *ladder)
    : m_ladder(ladder)
{
    setFont(QFont());
}

void SequenceRenderer::setFont(const QFont &font)
{
    m_font = font;
    const QFontMetrics metrics(font);
    m_line = metrics.height();
    m_row = m_line * 2 + m_line / 2;
    m_laneWidth = std::max(metrics.horizontalAdvance(QLatin1Char('x')) * 30, 12 * m_line);
    m_timeColumn = metrics.horizontalAdvance(QStringLiteral("0000.000 ms")) + m_line;
    m_headerHeight = m_line * 2 + m_line;
    m_noteHeight = m_line + m_line / 2;
    relayout();
}

QColor SequenceRenderer::laneColor(int lane) const
{
    if (lane < 0 || lane >= m_ladder->lanes().size())
        return m_palette.color(QPalette::PlaceholderText);
    const Ladder::Lane &l = m_ladder->lanes().at(lane);
    if (l.kind == Ladder::LaneKind::Peer || l.endpointId <= 0)
        return m_palette.color(QPalette::PlaceholderText);
    if (m_colorOf) {
        const QColor colour = m_colorOf(l.endpointId);
        if (colour.isValid())
            return colour;
    }
    return FallbackColours[(l.endpointId - 1) % int(std::size(FallbackColours))];
}

void SequenceRenderer::setTimeScale(double pixelsPerMs)
{
    m_pixelsPerMs = std::max(0.0, pixelsPerMs);
    relayout();
}

void SequenceRenderer::setCompressIdleTime(bool on)
{
    m_compressIdle = on;
    relayout();
}

void SequenceRenderer::relayout()
{
    m_y.clear();
    m_idle.clear();
    m_base = m_ladder->droppedArrows();
    sync();
}

void SequenceRenderer::sync()
{
    const quint64 dropped = m_ladder->droppedArrows();
    if (dropped < m_base || m_ladder->arrowCount() + qsizetype(dropped - m_base) < qsizetype(m_y.size())) {
        // Cleared (and perhaps refilled) since the last look.
        m_y.clear();
        m_idle.clear();
        m_base = dropped;
    }
    for (quint64 gone = dropped - m_base; gone > 0 && !m_y.empty(); --gone) {
        m_y.pop_front();
        m_idle.pop_front();
    }
    m_base = dropped;
    for (qsizetype i = qsizetype(m_y.size()); i < m_ladder->arrowCount(); ++i)
        layOut(i);
}

void SequenceRenderer::layOut(qsizetype index)
{
    if (index == 0) {
        m_y.push_back(0);
        m_idle.push_back(0);
        return;
    }
    const qint64 gapNs = std::max<qint64>(0, m_ladder->arrow(index).startNs - m_ladder->arrow(index - 1).startNs);
    double extra = double(gapNs) / 1e6 * m_pixelsPerMs;
    qint64 idle = 0;
    const double cap = double(IdleCapRows * m_row);
    if (m_compressIdle && extra > cap) {
        extra = cap;
        idle = gapNs;
    }
    m_y.push_back(m_y.back() + m_row + extra);
    m_idle.push_back(idle);
}

int SequenceRenderer::contentWidth() const
{
    return m_timeColumn + int(m_ladder->lanes().size()) * m_laneWidth;
}

int SequenceRenderer::contentHeight() const
{
    const double arrows = m_y.empty() ? 0 : m_y.back() - m_y.front();
    return m_headerHeight + m_noteHeight + m_row + int(std::ceil(arrows)) + m_row;
}

qreal SequenceRenderer::laneX(int lane) const
{
    return m_timeColumn + lane * m_laneWidth + m_laneWidth / 2.0;
}

qreal SequenceRenderer::arrowY(qsizetype index) const
{
    return m_headerHeight + m_noteHeight + m_row + (m_y[size_t(index)] - m_y.front());
}

qreal SequenceRenderer::arrowEndY(qsizetype index) const
{
    const Ladder::Arrow &arrow = m_ladder->arrow(index);
    if (arrow.endNs <= arrow.startNs)
        return arrowY(index);
    // The last arrow that started before this one ended, and the time between it and the next.
    qsizetype lo = index, hi = m_ladder->arrowCount() - 1;
    while (lo < hi) {
        const qsizetype mid = (lo + hi + 1) / 2;
        if (m_ladder->arrow(mid).startNs <= arrow.endNs)
            lo = mid;
        else
            hi = mid - 1;
    }
    const qreal y = arrowY(lo);
    if (lo + 1 >= m_ladder->arrowCount())
        return y + std::min<qreal>(m_row / 2.0, double(arrow.endNs - m_ladder->arrow(lo).startNs) / 1e6 * m_pixelsPerMs);
    const qint64 span = m_ladder->arrow(lo + 1).startNs - m_ladder->arrow(lo).startNs;
    const qreal next = arrowY(lo + 1);
    if (span <= 0)
        return y;
    return y + (next - y) * double(arrow.endNs - m_ladder->arrow(lo).startNs) / double(span);
}

QRectF SequenceRenderer::arrowRect(qsizetype index) const
{
    const Ladder::Arrow &arrow = m_ladder->arrow(index);
    const qreal x1 = laneX(arrow.from);
    const qreal x2 = arrow.from == arrow.to ? x1 + m_laneWidth / 3.0 : laneX(arrow.to);
    const qreal y1 = arrowY(index);
    const qreal y2 = std::max(arrowEndY(index), y1 + m_line / 2.0);
    const qreal left = std::min(x1, x2);
    const qreal width = std::max<qreal>(std::abs(x2 - x1), m_laneWidth * 0.8);
    const qreal centre = (x1 + x2) / 2;
    return QRectF(std::min(left, centre - width / 2), y1 - m_line - 4, width, y2 - y1 + m_line + 8);
}

std::pair<qsizetype, qsizetype> SequenceRenderer::arrowsBetween(qreal top, qreal bottom) const
{
    // Rows only grow: two binary searches (a slanted arrow may reach a row or two further).
    const auto rowAt = [this](qreal y) {
        const double relative = y - (m_headerHeight + m_noteHeight + m_row) + (m_y.empty() ? 0 : m_y.front());
        return qsizetype(std::lower_bound(m_y.cbegin(), m_y.cend(), relative) - m_y.cbegin());
    };
    const qsizetype first = std::max<qsizetype>(0, rowAt(top - m_row) - 1);
    const qsizetype last = std::min<qsizetype>(qsizetype(m_y.size()), rowAt(bottom + m_row + m_line));
    return {first, std::max(first, last)};
}

qsizetype SequenceRenderer::arrowAt(const QPointF &point) const
{
    const auto [first, last] = arrowsBetween(point.y() - m_row, point.y() + m_row);
    qsizetype best = -1;
    double bestDistance = m_line * 0.75;
    for (qsizetype i = first; i < last; ++i) {
        const Ladder::Arrow &arrow = m_ladder->arrow(i);
        const QLineF line(laneX(arrow.from), arrowY(i), laneX(arrow.to), arrowEndY(i));
        double distance = distanceToSegment(point, line);
        // The label above the line counts as the arrow too.
        const QRectF label(std::min(line.x1(), line.x2()), line.y1() - m_line - 2, std::abs(line.dx()), m_line + 2);
        if (label.contains(point) || (arrow.from == arrow.to && arrowRect(i).contains(point)))
            distance = 0;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

QString SequenceRenderer::drawnLabel(const Ladder::Arrow &arrow) const
{
    const QString text = Ladder::label(arrow);
    if (arrow.has(Ladder::Kernel))
        return text + QStringLiteral(" · ") + Texts::tr("kernel");
    if (arrow.has(Ladder::InFlight))
        return text + QStringLiteral(" …");
    return text;
}

void SequenceRenderer::paint(QPainter &painter, const QRectF &view, qsizetype selected) const
{
    painter.save();
    painter.setFont(m_font);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), view.size()), m_palette.color(QPalette::Base));
    painter.translate(-view.topLeft());

    // Lifelines.
    const QColor placeholder = m_palette.color(QPalette::PlaceholderText);
    for (int lane = 0; lane < m_ladder->lanes().size(); ++lane) {
        const qreal x = laneX(lane);
        if (x < view.left() - m_laneWidth || x > view.right() + m_laneWidth)
            continue;
        QPen pen(laneColor(lane), 1, Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(x, std::max<qreal>(view.top(), m_headerHeight)), QPointF(x, view.bottom()));
    }

    painter.setPen(placeholder);
    const qreal noteTop = m_headerHeight;
    const QRectF note(view.left() + m_line / 2.0, noteTop, view.width() - m_line, m_noteHeight);
    QStringList notes;
    if (m_ladder->droppedArrows() > 0)
        notes << Texts::tr("%n earlier arrows not shown", nullptr, int(std::min<quint64>(m_ladder->droppedArrows(), INT_MAX)));
    if (m_ladder->skippedEvents() > 0)
        notes << Texts::tr("%n events not read (the log moved faster)", nullptr, int(std::min<quint64>(m_ladder->skippedEvents(), INT_MAX)));
    if (!notes.isEmpty())
        painter.drawText(note, Qt::AlignLeft | Qt::AlignVCenter, notes.join(QStringLiteral("; ")));

    const auto [first, last] = arrowsBetween(view.top(), view.bottom());
    for (qsizetype i = first; i < last; ++i) {
        const qreal y = arrowY(i);
        // The time axis: each arrow's start, and the pauses compressed before it.
        painter.setPen(placeholder);
        const QRectF timeBox(view.left(), y - m_line, m_timeColumn - m_line / 2.0, m_line);
        painter.drawText(timeBox, Qt::AlignRight | Qt::AlignVCenter, Ladder::timeText(m_ladder->arrow(i).startNs));
        if (m_idle[size_t(i)] > 0) {
            const qreal mid = y - m_row * (IdleCapRows + 1) / 2.0;
            QPen idlePen(placeholder, 1, Qt::DotLine);
            painter.setPen(idlePen);
            painter.drawLine(QPointF(view.left() + m_timeColumn, mid), QPointF(view.right(), mid));
            const QString idleText = Texts::tr("⋯ %1 idle").arg(Ladder::timeText(m_idle[size_t(i)]));
            const QRectF idleBox(view.left() + m_line / 2.0, mid - m_line / 2.0 - 1,
                                 QFontMetrics(m_font).horizontalAdvance(idleText) + 8, m_line + 2);
            painter.fillRect(idleBox, m_palette.color(QPalette::Base));
            painter.setPen(placeholder);
            painter.drawText(idleBox, Qt::AlignCenter, idleText);
        }
        paintArrow(painter, i, i == selected);
    }

    painter.translate(view.topLeft());
    paintHeader(painter, view);
    painter.restore();
}

void SequenceRenderer::paintArrow(QPainter &painter, qsizetype index, bool selected) const
{
    const Ladder::Arrow &arrow = m_ladder->arrow(index);
    const QColor highlight = m_palette.color(QPalette::Highlight);
    QColor colour = arrow.has(Ladder::Kernel) ? m_palette.color(QPalette::PlaceholderText) : laneColor(arrow.from);
    if (arrow.from >= 0 && m_ladder->lanes().value(arrow.from).kind == Ladder::LaneKind::Peer)
        colour = laneColor(arrow.to);
    Qt::PenStyle style = Qt::SolidLine;
    if (arrow.has(Ladder::Kernel))
        style = Qt::DotLine;
    else if (arrow.kind == Ladder::ArrowKind::Datagram || arrow.kind == Ladder::ArrowKind::Cookie
             || arrow.kind == Ladder::ArrowKind::Dtls)
        style = Qt::DashLine; // UDP: DTLS's records are datagrams too
    QPen pen(selected ? highlight : colour, selected ? 3.5 : 2, style, Qt::RoundCap);
    painter.setPen(pen);

    const qreal x1 = laneX(arrow.from);
    const qreal y1 = arrowY(index);
    QPointF end(laneX(arrow.to), arrowEndY(index));
    if (arrow.from == arrow.to) {
        // To itself (a socket sending to its own address): a small loop.
        const qreal w = m_laneWidth / 3.0;
        QPainterPath loop(QPointF(x1, y1));
        loop.cubicTo(QPointF(x1 + w, y1), QPointF(x1 + w, y1 + m_line), QPointF(x1, y1 + m_line));
        painter.drawPath(loop);
        end = QPointF(x1, y1 + m_line);
    } else if (arrow.has(Ladder::Lost)) {
        // It never arrived: it stops two thirds of the way, at a cross.
        end = QPointF(x1 + (end.x() - x1) * 2 / 3, y1 + (end.y() - y1) * 2 / 3);
        painter.drawLine(QPointF(x1, y1), end);
        const qreal r = m_line / 3.0;
        painter.setPen(QPen(pen.color(), 2.5));
        painter.drawLine(end + QPointF(-r, -r), end + QPointF(r, r));
        painter.drawLine(end + QPointF(-r, r), end + QPointF(r, -r));
    } else {
        painter.drawLine(QPointF(x1, y1), end);
    }
    if (!arrow.has(Ladder::Lost)) {
        const QLineF shaft = arrow.from == arrow.to ? QLineF(end + QPointF(m_line, 0), end) : QLineF(QPointF(x1, y1), end);
        const double angle = std::atan2(-shaft.dy(), shaft.dx());
        const qreal size = m_line / 2.0 + 2;
        QPolygonF head;
        head << end << end - QPointF(std::cos(angle - M_PI / 7) * size, -std::sin(angle - M_PI / 7) * size)
             << end - QPointF(std::cos(angle + M_PI / 7) * size, -std::sin(angle + M_PI / 7) * size);
        painter.setPen(Qt::NoPen);
        painter.setBrush(pen.color());
        painter.drawPolygon(head);
        painter.setBrush(Qt::NoBrush);
    }

    // The label above the line, between the lanes (elided, the full text is its accessible name).
    const qreal x2 = arrow.from == arrow.to ? x1 + m_laneWidth / 3.0 : laneX(arrow.to);
    const qreal span = std::max<qreal>(std::abs(x2 - x1) - m_line, m_laneWidth * 0.8);
    const QFontMetrics metrics(m_font);
    const QString text = metrics.elidedText(drawnLabel(arrow), Qt::ElideRight, int(span));
    const qreal width = metrics.horizontalAdvance(text);
    const QRectF box((x1 + x2) / 2 - width / 2 - 3, y1 - m_line - 3, width + 6, m_line + 1);
    // On a backing of the page's colour: a line passing behind never strikes the text through.
    QColor backing = selected ? highlight : m_palette.color(QPalette::Base);
    if (!selected)
        backing.setAlphaF(0.85f);
    painter.setPen(Qt::NoPen);
    painter.setBrush(backing);
    painter.drawRoundedRect(box, 3, 3);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(m_palette.color(selected ? QPalette::HighlightedText : QPalette::WindowText));
    painter.drawText(box, Qt::AlignCenter, text);
}

void SequenceRenderer::paintHeader(QPainter &painter, const QRectF &view) const
{
    painter.fillRect(QRectF(0, 0, view.width(), m_headerHeight), m_palette.color(QPalette::Window));
    painter.setPen(m_palette.color(QPalette::PlaceholderText));
    painter.drawText(QRectF(0, 0, m_timeColumn - m_line / 2.0, m_headerHeight), Qt::AlignRight | Qt::AlignVCenter,
                     Texts::tr("time"));
    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetrics metrics(m_font);
    for (int lane = 0; lane < m_ladder->lanes().size(); ++lane) {
        const qreal x = laneX(lane) - view.left();
        if (x < -m_laneWidth || x > view.width() + m_laneWidth)
            continue;
        const Ladder::Lane &l = m_ladder->lanes().at(lane);
        const QRectF box(x - m_laneWidth / 2.0 + 4, 4, m_laneWidth - 8, m_headerHeight - 8);
        const QColor colour = laneColor(lane);
        painter.setPen(QPen(colour, 2));
        painter.setBrush(m_palette.color(QPalette::Base));
        painter.drawRoundedRect(box, 4, 4);
        painter.setBrush(Qt::NoBrush);
        painter.setFont(bold);
        painter.setPen(m_palette.color(QPalette::WindowText));
        const QRectF nameBox = box.adjusted(4, 2, -4, -box.height() / 2);
        painter.drawText(nameBox, Qt::AlignCenter, QFontMetrics(bold).elidedText(l.name, Qt::ElideMiddle, int(nameBox.width())));
        painter.setFont(m_font);
        const QRectF addressBox = box.adjusted(4, box.height() / 2, -4, -2);
        painter.drawText(addressBox, Qt::AlignCenter, metrics.elidedText(l.address, Qt::ElideMiddle, int(addressBox.width())));
    }
}

} // namespace SockPlay
