#include "lifecycleview.h"

#include "endpointcolors.h"
#include "lifecyclediagram.h"
#include "lifecycletracker.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace SockPlay {

LifecycleView::LifecycleView(LifecycleTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
{
    setObjectName(QStringLiteral("lifecycleView"));
    setAccessibleName(tr("Lifecycle diagrams"));

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("lifecycleViewContent"));
    m_column = new QVBoxLayout(content);
    m_placeholder = new QLabel(tr("Start a server or a client: its socket calls light up here as the real "
                                  "events arrive."),
                               content);
    m_placeholder->setObjectName(QStringLiteral("lifecyclePlaceholder"));
    m_placeholder->setWordWrap(true);
    m_column->addWidget(m_placeholder);
    m_column->addStretch(1);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("lifecycleScrollArea"));
    m_scroll->setAccessibleName(tr("Lifecycle diagrams"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    connect(tracker, &LifecycleTracker::endpointAdded, this, &LifecycleView::addEndpoint);
    connect(tracker, &LifecycleTracker::endpointForgotten, this, &LifecycleView::removeEndpoint);
    connect(tracker, &LifecycleTracker::changed, this, &LifecycleView::updateEndpoint);
    for (int id : tracker->endpointIds())
        addEndpoint(id);
    updatePlaceholder();
}

LifecycleDiagram *LifecycleView::diagram(int endpointId) const
{
    return m_entries.value(endpointId).diagram;
}

void LifecycleView::addEndpoint(int endpointId)
{
    if (m_entries.contains(endpointId))
        return;
    QWidget *content = m_scroll->widget();
    Entry entry;
    entry.title = new QLabel(content);
    entry.title->setObjectName(QStringLiteral("lifecycleTitle%1").arg(endpointId));
    QFont bold; // only the weight: the size follows the zoom
    bold.setBold(true);
    entry.title->setFont(bold);
    entry.title->setTextFormat(Qt::RichText);
    entry.diagram = new LifecycleDiagram(content);
    entry.diagram->setObjectName(QStringLiteral("lifecycleDiagram%1").arg(endpointId));
    entry.title->setBuddy(entry.diagram);
    connect(entry.diagram, &LifecycleDiagram::eventActivated, this, &LifecycleView::eventActivated);
    // In the order the endpoints appeared, before the stretch.
    m_column->insertWidget(m_column->count() - 1, entry.title);
    m_column->insertWidget(m_column->count() - 1, entry.diagram);
    m_entries.insert(endpointId, entry);
    updateEndpoint(endpointId);
    updatePlaceholder();
}

void LifecycleView::removeEndpoint(int endpointId)
{
    const Entry entry = m_entries.take(endpointId);
    delete entry.title;
    delete entry.diagram;
    updatePlaceholder();
}

void LifecycleView::updateEndpoint(int endpointId)
{
    const auto it = m_entries.constFind(endpointId);
    if (it == m_entries.cend())
        return;
    const LifecycleFlow flow = m_tracker->flow(endpointId);
    const QString name = flow.name.isEmpty() ? tr("endpoint %1").arg(endpointId) : flow.name;
    const QString text = tr("%1 — %2").arg(name, flow.title());
    // The endpoint's colour, as in its tab, the log and the sequence diagram.
    it->title->setText(QStringLiteral("<span style=\"color:%1\">&#9632;</span> %2")
                           .arg(EndpointColors::colorFor(endpointId).name(), text.toHtmlEscaped()));
    it->title->setAccessibleName(text);
    it->diagram->setAccessibleName(tr("%1 lifecycle").arg(name));
    it->diagram->setAccessibleDescription(
        flow.olderBranches > 0 ? tr("%n older connection(s) not shown", nullptr, int(std::min<qint64>(flow.olderBranches, INT_MAX)))
                               : QString());
    it->diagram->setFlow(flow);
}

void LifecycleView::updatePlaceholder()
{
    m_placeholder->setVisible(m_entries.isEmpty());
}

} // namespace SockPlay
