#include "ratechart.h"

#include "rateformat.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionFocusRect>
#include <QStylePainter>

#include <cmath>

namespace SockPlay {

namespace {

constexpr qint64 HistoryMs = RateChart::HistorySeconds * 1000;
// Dark enough on white and on a washed-out projector, and told apart by the
// dash pattern as well.
const QColor InColour(0x15, 0x65, 0xc0);
const QColor OutColour(0xc6, 0x28, 0x28);

} // namespace

RateChart::RateChart(QWidget *parent)
    : QWidget(parent)
{
    m_clock.start();
    setFocusPolicy(Qt::TabFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleDescription(currentText());
    // Scrolls while nothing moves (then no snapshot arrives); twice a second
    // is smooth enough for a minute on a few hundred pixels.
    m_scrollTimer.setInterval(500);
    m_scrollTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_scrollTimer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.elapsed();
        while (m_points.size() >= 2 && m_points.at(1).ms <= now - HistoryMs)
            m_points.removeFirst();
        if (!m_points.isEmpty())
            update();
    });
}

void RateChart::addSample(const EndpointStats &stats)
{
    const qint64 now = m_clock.elapsed();
    // One point before the window stays, so the lines enter from the left edge.
    while (m_points.size() >= 2 && m_points.at(1).ms <= now - HistoryMs)
        m_points.removeFirst();
    m_points.append({now, stats.bytesInPerSecond, stats.bytesOutPerSecond});
    m_current = stats;
    const QString text = currentText();
    if (text != accessibleDescription())
        setAccessibleDescription(text);
    update();
}

QString RateChart::currentText() const
{
    return tr("In %1 (%2 messages/s), out %3 (%4 messages/s)")
        .arg(formatByteRate(m_current.bytesInPerSecond), formatMessageRate(m_current.messagesInPerSecond),
             formatByteRate(m_current.bytesOutPerSecond), formatMessageRate(m_current.messagesOutPerSecond));
}

QSize RateChart::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {metrics.averageCharWidth() * 48, metrics.height() * 8};
}

QSize RateChart::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {metrics.averageCharWidth() * 30, metrics.height() * 6};
}

void RateChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_scrollTimer.start();
}

void RateChart::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_scrollTimer.stop();
}

void RateChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGeometry();
}

double RateChart::scaleTop(qint64 fromMs) const
{
    double largest = 0;
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        const bool shown = m_points.at(i).ms >= fromMs
            || (i + 1 < m_points.size() && m_points.at(i + 1).ms >= fromMs);
        if (shown)
            largest = qMax(largest, qMax(m_points.at(i).in, m_points.at(i).out));
    }
    // 1, 2 or 5 times a power of ten in units of 1024^n, so the label reads
    // "500 KiB/s" or "2 MiB/s", never "1.95 KiB/s". At least 1 KiB/s: a flat
    // line at 0 needs an axis too.
    double unit = 1;
    while (largest > unit * 1024)
        unit *= 1024;
    for (const double step : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0}) {
        if (largest <= step * unit && step * unit >= 1024)
            return step * unit;
    }
    return unit * 1024;
}

void RateChart::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QStylePainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    const int gap = metrics.averageCharWidth();
    const qint64 now = m_clock.elapsed();
    const double top = scaleTop(now - HistoryMs);
    // The top is a whole number of its unit: "50 KiB/s", not "50.0 KiB/s".
    const QString topText = tr("%1/s").arg(QLocale().formattedDataSize(qint64(top), 0));
    const QString zeroText = formatByteRate(0);

    painter.fillRect(rect(), palette().base());
    const QRect legend(gap, gap / 2, width() - 2 * gap, line);
    drawLegend(painter, legend);

    const int labels = qMax(metrics.horizontalAdvance(topText), metrics.horizontalAdvance(zeroText)) + gap;
    const QRect plot(QPoint(gap + labels, legend.bottom() + line), QPoint(width() - 2 * gap, height() - line - gap));
    if (plot.width() < 2 * gap || plot.height() < line)
        return; // too small to say anything: the legend still does

    // The axes' labels, and grid lines at 0, half and the top.
    painter.setPen(palette().color(QPalette::Text));
    const QRect leftLabels(gap, 0, labels - gap, height());
    painter.drawText(QRect(leftLabels.left(), plot.top() - line / 2, leftLabels.width(), line),
                     Qt::AlignRight | Qt::AlignVCenter, topText);
    painter.drawText(QRect(leftLabels.left(), plot.bottom() - line / 2, leftLabels.width(), line),
                     Qt::AlignRight | Qt::AlignVCenter, zeroText);
    painter.drawText(QRect(plot.left(), plot.bottom() + 1, plot.width(), line), Qt::AlignLeft | Qt::AlignTop,
                     tr("%1 s ago").arg(HistorySeconds));
    painter.drawText(QRect(plot.left(), plot.bottom() + 1, plot.width(), line), Qt::AlignRight | Qt::AlignTop,
                     tr("now"));
    QColor grid = palette().color(QPalette::Text);
    grid.setAlpha(60);
    painter.setPen(QPen(grid, 1));
    for (const int y : {plot.top(), plot.center().y(), plot.bottom()})
        painter.drawLine(plot.left(), y, plot.right(), y);

    painter.setClipRect(plot.adjusted(0, -line / 4, 0, line / 4));
    // Out's dashes over In's solid line: where they are equal (an echo), both show.
    drawLine(painter, plot, now, top, true);
    drawLine(painter, plot, now, top, false);
    painter.setClipping(false);

    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.backgroundColor = palette().color(QPalette::Base);
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, option);
    }
}

void RateChart::drawLegend(QPainter &painter, const QRect &area) const
{
    const QFontMetrics metrics = fontMetrics();
    const int sample = metrics.averageCharWidth() * 3;
    const int penWidth = qMax(2, metrics.height() / 8);
    const int y = area.center().y();
    int x = area.left();
    const auto entry = [&](const QColor &colour, Qt::PenStyle style, const QString &text) {
        painter.setPen(QPen(colour, penWidth, style, Qt::FlatCap));
        painter.drawLine(x, y, x + sample, y);
        x += sample + metrics.averageCharWidth();
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(x, area.top(), area.right() - x, area.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += metrics.horizontalAdvance(text) + metrics.averageCharWidth() * 3;
    };
    entry(InColour, Qt::SolidLine,
          tr("In %1 · %2 msg/s").arg(formatByteRate(m_current.bytesInPerSecond),
                                     formatMessageRate(m_current.messagesInPerSecond)));
    entry(OutColour, Qt::DashLine,
          tr("Out %1 · %2 msg/s").arg(formatByteRate(m_current.bytesOutPerSecond),
                                      formatMessageRate(m_current.messagesOutPerSecond)));
}

void RateChart::drawLine(QPainter &painter, const QRect &plot, qint64 nowMs, double top, bool in) const
{
    if (m_points.isEmpty())
        return;
    const auto xOf = [&](qint64 ms) {
        return plot.right() - double(nowMs - ms) * plot.width() / double(HistoryMs);
    };
    const auto yOf = [&](double value) { return plot.bottom() - value * plot.height() / top; };
    QPainterPath path;
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        const Point &p = m_points.at(i);
        const QPointF point(xOf(p.ms), yOf(in ? p.in : p.out));
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    // No snapshot since the last point: the rates have not changed since.
    const Point &last = m_points.constLast();
    path.lineTo(QPointF(plot.right(), yOf(in ? last.in : last.out)));
    painter.setPen(QPen(in ? InColour : OutColour, qMax(2, fontMetrics().height() / 8), in ? Qt::SolidLine : Qt::DashLine,
                        Qt::FlatCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
}

} // namespace SockPlay
