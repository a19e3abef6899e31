#pragma once

#include "ladder.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QRectF>

#include <deque>
#include <functional>

class QPainter;

namespace SockPlay {

/// Lays a Ladder out (lanes across, time down) and paints it, for the
/// sequence diagram on screen and for its SVG and PNG exports alike.
///
/// The time axis: each arrow starts one row below the one before, plus the
/// time between them at timeScale() pixels per millisecond. With idle
/// compression on, that extra is capped at a few rows and the pause is
/// written on the axis ("2.4 s idle"), so a demo with long pauses stays
/// short. Laying out a new arrow is O(1); a zoom re-lays all (bounded by the
/// ladder's bound).
class SequenceRenderer final
{
public:
    explicit SequenceRenderer(const Ladder *ladder);

    void setFont(const QFont &font);
    void setPalette(const QPalette &palette) { m_palette = palette; }
    /// Colours of endpoints (by id); empty: the built-in palette.
    void setColorFunction(std::function<QColor(int)> colorOf) { m_colorOf = std::move(colorOf); }
    QColor laneColor(int lane) const;

    double timeScale() const { return m_pixelsPerMs; }
    void setTimeScale(double pixelsPerMs);
    bool compressIdleTime() const { return m_compressIdle; }
    void setCompressIdleTime(bool on);

    /// Follows the ladder: drops the rows of arrows it dropped, lays out new ones.
    void sync();
    /// Lays every arrow out again (zoom, font).
    void relayout();

    int headerHeight() const { return m_headerHeight; }
    int contentWidth() const;
    int contentHeight() const;
    /// The middle of a lane, in content coordinates.
    qreal laneX(int lane) const;
    /// Where arrow `index` starts and ends, in content coordinates.
    qreal arrowY(qsizetype index) const;
    qreal arrowEndY(qsizetype index) const;
    /// What arrow `index` covers (its line and its label), in content coordinates.
    QRectF arrowRect(qsizetype index) const;
    /// The arrows whose rows lie between content y top and bottom: [first, last).
    std::pair<qsizetype, qsizetype> arrowsBetween(qreal top, qreal bottom) const;
    /// The arrow under a content point, or -1.
    qsizetype arrowAt(const QPointF &point) const;

    /// Paints the part of the content `view` shows, the lane headers pinned
    /// at the top. The painter's origin is view's top left.
    void paint(QPainter &painter, const QRectF &view, qsizetype selected) const;

private:
    void layOut(qsizetype index);
    void paintArrow(QPainter &painter, qsizetype index, bool selected) const;
    void paintHeader(QPainter &painter, const QRectF &view) const;
    QString drawnLabel(const Ladder::Arrow &arrow) const;

    const Ladder *m_ladder = nullptr;
    QFont m_font;
    QPalette m_palette;
    std::function<QColor(int)> m_colorOf;
    double m_pixelsPerMs = 2.0;
    bool m_compressIdle = true;

    int m_line = 16;        // a line of text
    int m_row = 40;         // the least space between two arrows
    int m_laneWidth = 220;
    int m_timeColumn = 100;
    int m_headerHeight = 60;
    int m_noteHeight = 24;  // "N earlier arrows not shown"

    quint64 m_base = 0;       // the ladder's dropped count when m_y.front() was its first arrow
    std::deque<double> m_y;   // start of each arrow, growing; m_y[i] is ladder arrow i
    std::deque<qint64> m_idle; // ns of idle time compressed before each arrow (0: none)
};

} // namespace SockPlay
