#pragma once

#include "diagramaccessible.h"
#include "ladder.h"
#include "result.h"
#include "sequencerenderer.h"

#include <QAbstractScrollArea>

#include <functional>

class QToolButton;
class QCheckBox;

namespace SockPlay {

class EventLog;

/// The conversation as a ladder diagram: a lane per endpoint and per accepted
/// connection across the top, time going down, an arrow per handshake step,
/// write, datagram, FIN and RST (see Ladder). It follows the log live and
/// keeps the newest arrow in view unless the user scrolled up.
///
/// Keyboard: Up/Down move between arrows, Home/End to the first and last,
/// `+`/`-` zoom the time axis (Ctrl+wheel too), Enter activates. Clicking or
/// moving to an arrow emits eventActivated() with the event it stands for;
/// selectSequence() is the way back from the log. Each arrow in view is an
/// accessible child named like "message, client to server #1, 6 bytes:
/// hello\n, at 12.3 ms".
class SequenceDiagram final : public QAbstractScrollArea, public DiagramItems
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceDiagram)
public:
    explicit SequenceDiagram(QWidget *parent = nullptr);

    /// Follows this log from its first event (the diagram's own Ladder reads it).
    void setLog(EventLog *log);
    /// Reads what a follower shared with other views reads (not owned).
    void setFollower(LogFollower *follower) { m_ladder.follow(follower); }
    const Ladder *ladder() const { return &m_ladder; }
    /// Folds events in directly (a diagram without a log: tests, a saved log).
    void addEvents(const QList<Event> &events) { m_ladder.addEvents(events); }

    /// The endpoints' colours (EndpointColors::colorFor); without one, a built-in palette.
    void setColorFunction(std::function<QColor(int)> colorOf);

    /// Pixels per millisecond of the time axis, on top of one row per arrow.
    double timeScale() const { return m_renderer.timeScale(); }
    void setTimeScale(double pixelsPerMs);
    void zoomIn();
    void zoomOut();
    /// Pauses longer than a couple of rows are drawn as two rows and their length written (on by default).
    bool compressIdleTime() const { return m_renderer.compressIdleTime(); }
    void setCompressIdleTime(bool on);

    /// The arrow selected (an index into ladder()), or -1.
    qsizetype selectedArrow() const;
    /// Selects the arrow of event `sequence` and scrolls to it; false if no arrow stands for it.
    bool selectSequence(quint64 sequence);
    /// Whether the view follows the newest arrow.
    bool followsLive() const { return m_follow; }
    /// Where arrow `index` is drawn, in the viewport's coordinates.
    QRect arrowRectInViewport(qsizetype index) const;

    /// The whole diagram (up to MaxExportHeight pixels of the newest arrows) as SVG, the labels as text.
    Result exportSvg(const QString &path) const;
    /// The same at twice the size (for slides).
    Result exportPng(const QString &path) const;
    /// The exported diagram's size in pixels at 1x.
    QSize exportSize() const;
    static constexpr int MaxExportHeight = 16000;

    // DiagramItems: the arrows in view.
    int diagramItemCount() const override;
    QString diagramItemName(int index) const override;
    QRect diagramItemRect(int index) const override;
    QAccessible::Role diagramItemRole() const override { return QAccessible::ListItem; }
    bool diagramItemSelected(int index) const override;
    int diagramCurrentItem() const override;

signals:
    /// The user picked the arrow standing for this event (click, keys).
    void eventActivated(quint64 sequence);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void onLadderChanged();
    void onLadderCleared();
    void updateScrollBars();
    void select(qsizetype index, bool activate);
    void ensureVisible(qsizetype index);
    void chooseExportFile(bool svg);
    void buildToolBar();
    QRectF viewRect() const;
    std::pair<qsizetype, qsizetype> visibleArrows() const;

    Ladder m_ladder;
    SequenceRenderer m_renderer{&m_ladder};
    quint64 m_selected = 0; // 1 + the selected arrow's position since the last clear (0: none)
    bool m_follow = true;
    bool m_scrolling = false; // we move the scroll bars, not the user
    QWidget *m_toolBar = nullptr;
    QToolButton *m_zoomIn = nullptr;
    QToolButton *m_zoomOut = nullptr;
    QToolButton *m_exportSvg = nullptr;
    QToolButton *m_exportPng = nullptr;
    QCheckBox *m_compress = nullptr;
};

} // namespace SockPlay
