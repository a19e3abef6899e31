#include "sequencediagram.h"

#include <QCheckBox>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolButton>
#include <QWheelEvent>

#include <algorithm>

namespace SockPlay {

namespace {

// Pixels per millisecond of the time axis: from "one row per arrow, whatever
// the time" up to a millisecond as a couple of rows.
constexpr double Scales[] = {0, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

} // namespace

SequenceDiagram::SequenceDiagram(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    installDiagramAccessibility();
    setObjectName(QStringLiteral("sequenceDiagram"));
    setAccessibleName(tr("Sequence diagram"));
    setAccessibleDescription(tr("The conversation as a ladder: a lane per endpoint and connection, time going down"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setFocusProxy(this);
    m_renderer.setFont(font());
    m_renderer.setPalette(palette());
    buildToolBar();
    connect(&m_ladder, &Ladder::changed, this, &SequenceDiagram::onLadderChanged);
    connect(&m_ladder, &Ladder::cleared, this, &SequenceDiagram::onLadderCleared);
    updateScrollBars();
}

void SequenceDiagram::buildToolBar()
{
    m_toolBar = new QWidget(this);
    m_toolBar->setObjectName(QStringLiteral("sequenceToolBar"));
    auto *layout = new QHBoxLayout(m_toolBar);
    layout->setContentsMargins(2, 2, 2, 2);
    const auto button = [this, layout](const QString &name, const QString &text, const QString &accessible, auto slot) {
        auto *b = new QToolButton(m_toolBar);
        b->setObjectName(name);
        b->setText(text);
        b->setAccessibleName(accessible);
        b->setToolTip(accessible);
        b->setFocusPolicy(Qt::TabFocus);
        connect(b, &QToolButton::clicked, this, slot);
        layout->addWidget(b);
        return b;
    };
    m_zoomOut = button(QStringLiteral("sequenceZoomOutButton"), tr("−"), tr("Zoom out the time axis"), &SequenceDiagram::zoomOut);
    m_zoomIn = button(QStringLiteral("sequenceZoomInButton"), tr("+"), tr("Zoom in the time axis"), &SequenceDiagram::zoomIn);
    m_compress = new QCheckBox(tr("Compress idle time"), m_toolBar);
    m_compress->setObjectName(QStringLiteral("sequenceCompressIdleCheck"));
    m_compress->setAccessibleName(tr("Compress idle time"));
    m_compress->setChecked(compressIdleTime());
    connect(m_compress, &QCheckBox::toggled, this, &SequenceDiagram::setCompressIdleTime);
    layout->addWidget(m_compress);
    layout->addStretch(1);
    m_exportSvg = button(QStringLiteral("sequenceExportSvgButton"), tr("Export SVG…"), tr("Export the diagram as SVG"),
                         [this] { chooseExportFile(true); });
    m_exportPng = button(QStringLiteral("sequenceExportPngButton"), tr("Export PNG…"), tr("Export the diagram as PNG"),
                         [this] { chooseExportFile(false); });
    setViewportMargins(0, m_toolBar->sizeHint().height(), 0, 0);
}

void SequenceDiagram::setLog(EventLog *log)
{
    m_ladder.follow(log);
}

void SequenceDiagram::setColorFunction(std::function<QColor(int)> colorOf)
{
    m_renderer.setColorFunction(std::move(colorOf));
    viewport()->update();
}

void SequenceDiagram::setTimeScale(double pixelsPerMs)
{
    // The arrow at the top of the view (or the selected one) stays where it is.
    const qsizetype anchor = selectedArrow() >= 0 ? selectedArrow() : visibleArrows().first;
    const bool haveAnchor = anchor >= 0 && anchor < m_ladder.arrowCount();
    const qreal offset = haveAnchor ? m_renderer.arrowY(anchor) - verticalScrollBar()->value() : 0;
    m_renderer.setTimeScale(pixelsPerMs);
    updateScrollBars();
    if (haveAnchor && !m_follow) {
        m_scrolling = true;
        verticalScrollBar()->setValue(int(m_renderer.arrowY(anchor) - offset));
        m_scrolling = false;
    }
    viewport()->update();
    notifyDiagramItemsChanged(this);
}

void SequenceDiagram::zoomIn()
{
    for (double scale : Scales) {
        if (scale > timeScale() * 1.0001) {
            setTimeScale(scale);
            return;
        }
    }
}

void SequenceDiagram::zoomOut()
{
    for (auto it = std::rbegin(Scales); it != std::rend(Scales); ++it) {
        if (*it < timeScale() * 0.9999) {
            setTimeScale(*it);
            return;
        }
    }
}

void SequenceDiagram::setCompressIdleTime(bool on)
{
    m_renderer.setCompressIdleTime(on);
    if (m_compress->isChecked() != on)
        m_compress->setChecked(on);
    updateScrollBars();
    viewport()->update();
    notifyDiagramItemsChanged(this);
}

void SequenceDiagram::onLadderChanged()
{
    m_renderer.sync();
    updateScrollBars();
    viewport()->update();
    notifyDiagramItemsChanged(this);
}

void SequenceDiagram::onLadderCleared()
{
    m_selected = 0;
    m_follow = true;
    m_renderer.relayout();
    onLadderChanged();
}

void SequenceDiagram::updateScrollBars()
{
    m_scrolling = true;
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, m_renderer.contentWidth() - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    horizontalScrollBar()->setSingleStep(fontMetrics().height() * 2);
    verticalScrollBar()->setRange(0, std::max(0, m_renderer.contentHeight() - view.height()));
    verticalScrollBar()->setPageStep(std::max(1, view.height() - m_renderer.headerHeight()));
    verticalScrollBar()->setSingleStep(fontMetrics().height() * 2);
    if (m_follow)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_scrolling = false;
}

void SequenceDiagram::scrollContentsBy(int, int)
{
    if (!m_scrolling)
        m_follow = verticalScrollBar()->value() >= verticalScrollBar()->maximum();
    viewport()->update();
    notifyDiagramItemsChanged(this);
}

QRectF SequenceDiagram::viewRect() const
{
    return QRectF(horizontalScrollBar()->value(), verticalScrollBar()->value(), viewport()->width(),
                  viewport()->height());
}

std::pair<qsizetype, qsizetype> SequenceDiagram::visibleArrows() const
{
    const QRectF view = viewRect();
    // Arrows under the pinned lane headers are out of view.
    auto [first, last] = m_renderer.arrowsBetween(view.top() + m_renderer.headerHeight(), view.bottom());
    while (first < last && m_renderer.arrowY(first) < view.top() + m_renderer.headerHeight() + fontMetrics().height())
        ++first;
    while (last > first && m_renderer.arrowY(last - 1) > view.bottom())
        --last;
    return {first, last};
}

QRect SequenceDiagram::arrowRectInViewport(qsizetype index) const
{
    if (index < 0 || index >= m_ladder.arrowCount())
        return {};
    return m_renderer.arrowRect(index).translated(-viewRect().topLeft()).toAlignedRect();
}

qsizetype SequenceDiagram::selectedArrow() const
{
    const quint64 dropped = m_ladder.droppedArrows();
    if (m_selected == 0 || m_selected <= dropped)
        return -1;
    const qsizetype index = qsizetype(m_selected - 1 - dropped);
    return index < m_ladder.arrowCount() ? index : -1;
}

void SequenceDiagram::select(qsizetype index, bool activate)
{
    if (index < 0 || index >= m_ladder.arrowCount())
        return;
    m_selected = m_ladder.droppedArrows() + quint64(index) + 1;
    ensureVisible(index);
    viewport()->update();
    const auto [first, last] = visibleArrows();
    if (index >= first && index < last)
        notifyDiagramFocus(this, int(index - first));
    if (activate)
        emit eventActivated(m_ladder.arrow(index).sequence);
}

bool SequenceDiagram::selectSequence(quint64 sequence)
{
    const qsizetype index = m_ladder.indexOfSequence(sequence);
    if (index < 0)
        return false;
    select(index, false);
    return true;
}

void SequenceDiagram::ensureVisible(qsizetype index)
{
    const QRectF rect = m_renderer.arrowRect(index);
    const QRectF view = viewRect();
    const int header = m_renderer.headerHeight();
    const int margin = fontMetrics().height();
    m_scrolling = true;
    if (rect.top() < view.top() + header + margin)
        verticalScrollBar()->setValue(int(rect.top() - header - margin));
    else if (rect.bottom() > view.bottom() - margin)
        verticalScrollBar()->setValue(int(rect.bottom() - view.height() + margin));
    if (rect.left() < view.left() || rect.right() > view.right())
        horizontalScrollBar()->setValue(int(rect.center().x() - view.width() / 2));
    m_scrolling = false;
    m_follow = verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

void SequenceDiagram::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    m_renderer.paint(painter, viewRect(), selectedArrow());
    if (hasFocus()) {
        // A thick ring: the diagram has the keyboard (presenter mode reads it from a distance).
        painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
        painter.drawRect(QRectF(viewport()->rect()).adjusted(1.5, 1.5, -1.5, -1.5));
    }
}

void SequenceDiagram::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const int frame = frameWidth();
    m_toolBar->setGeometry(frame, frame, width() - 2 * frame, m_toolBar->sizeHint().height());
    updateScrollBars();
    notifyDiagramItemsChanged(this);
}

void SequenceDiagram::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton || event->position().y() < m_renderer.headerHeight())
        return QAbstractScrollArea::mousePressEvent(event);
    const qsizetype index = m_renderer.arrowAt(event->position() + viewRect().topLeft());
    if (index >= 0)
        select(index, true);
    event->accept();
}

void SequenceDiagram::keyPressEvent(QKeyEvent *event)
{
    const qsizetype count = m_ladder.arrowCount();
    const qsizetype current = selectedArrow();
    switch (event->key()) {
    case Qt::Key_Down:
        if (count > 0)
            select(current < 0 ? visibleArrows().first : std::min(current + 1, count - 1), true);
        break;
    case Qt::Key_Up:
        if (count > 0)
            select(current < 0 ? std::max<qsizetype>(0, visibleArrows().second - 1) : std::max<qsizetype>(current - 1, 0), true);
        break;
    case Qt::Key_Home:
        if (count > 0)
            select(0, true);
        break;
    case Qt::Key_End:
        if (count > 0)
            select(count - 1, true);
        m_follow = true;
        updateScrollBars();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (current >= 0)
            emit eventActivated(m_ladder.arrow(current).sequence);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void SequenceDiagram::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->angleDelta().y() > 0)
            zoomIn();
        else if (event->angleDelta().y() < 0)
            zoomOut();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void SequenceDiagram::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("sequenceContextMenu"));
    menu.addAction(tr("Export SVG…"), this, [this] { chooseExportFile(true); });
    menu.addAction(tr("Export PNG…"), this, [this] { chooseExportFile(false); });
    menu.addSeparator();
    menu.addAction(tr("Zoom in"), this, &SequenceDiagram::zoomIn);
    menu.addAction(tr("Zoom out"), this, &SequenceDiagram::zoomOut);
    QAction *compress = menu.addAction(tr("Compress idle time"));
    compress->setCheckable(true);
    compress->setChecked(compressIdleTime());
    connect(compress, &QAction::toggled, this, &SequenceDiagram::setCompressIdleTime);
    menu.exec(event->globalPos());
}

void SequenceDiagram::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        m_renderer.setFont(font());
        updateScrollBars();
    } else if (event->type() == QEvent::PaletteChange) {
        m_renderer.setPalette(palette());
    }
    QAbstractScrollArea::changeEvent(event);
}

int SequenceDiagram::diagramItemCount() const
{
    const auto [first, last] = visibleArrows();
    return int(last - first);
}

QString SequenceDiagram::diagramItemName(int index) const
{
    const qsizetype arrow = visibleArrows().first + index;
    return arrow < m_ladder.arrowCount() ? m_ladder.describe(m_ladder.arrow(arrow)) : QString();
}

QRect SequenceDiagram::diagramItemRect(int index) const
{
    const QRect inViewport = arrowRectInViewport(visibleArrows().first + index) & viewport()->rect();
    return inViewport.translated(viewport()->pos());
}

bool SequenceDiagram::diagramItemSelected(int index) const
{
    return selectedArrow() >= 0 && visibleArrows().first + index == selectedArrow();
}

int SequenceDiagram::diagramCurrentItem() const
{
    const auto [first, last] = visibleArrows();
    const qsizetype selected = selectedArrow();
    return selected >= first && selected < last ? int(selected - first) : -1;
}

} // namespace SockPlay
