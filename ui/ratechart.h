#pragma once

#include "endpointtypes.h"

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <QWidget>

namespace SockPlay {

/// A small live chart of an endpoint's rates: bytes in per second (a solid
/// line) and out per second (a dashed line, so the two differ without
/// colour) over the last HistorySeconds, the y axis scaled to the largest
/// value shown, a legend with the current values.
///
/// Fed with the snapshots the pane already gets (addSample(), once per stats
/// tick while bytes move, and once more when the rates reach 0). When nothing
/// moves, no snapshot comes: a slow timer, running only while the chart is
/// visible, scrolls it. The current values are also its accessible
/// description, so a screen reader can tell them; the chart takes the focus
/// by Tab for that.
class RateChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateChart)
public:
    static constexpr int HistorySeconds = 60;

    explicit RateChart(QWidget *parent = nullptr);

    /// The endpoint's counters and rates now: one more point on each line.
    void addSample(const EndpointStats &stats);
    /// Points kept (the last HistorySeconds, plus the one just before).
    int pointCount() const { return int(m_points.size()); }
    /// The current rates in words: "In 1.2 KiB/s (3 messages/s), out 0 bytes/s (0 messages/s)".
    QString currentText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Point
    {
        qint64 ms = 0; // on m_clock
        double in = 0;
        double out = 0;
    };
    /// The top of the y axis: the largest rate shown, rounded up to 1, 2 or 5 times a power of ten.
    double scaleTop(qint64 fromMs) const;
    void drawLegend(QPainter &painter, const QRect &area) const;
    void drawLine(QPainter &painter, const QRect &plot, qint64 nowMs, double top, bool in) const;

    QList<Point> m_points;
    EndpointStats m_current;
    QElapsedTimer m_clock;
    QTimer m_scrollTimer{this};
};

} // namespace SockPlay
