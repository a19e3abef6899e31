#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace SockPlay {

class LifecycleDiagram;
class LifecycleTracker;

/// The lifecycle dock's content: a diagram per endpoint the tracker knows
/// (titled with the endpoint's name and kind), in one scroll area, added and
/// removed as the tracker learns and forgets endpoints. The window owns the
/// tracker; the view only reads it.
class LifecycleView final : public QWidget
{
    Q_OBJECT
public:
    explicit LifecycleView(LifecycleTracker *tracker, QWidget *parent = nullptr);

    /// The diagram of an endpoint, or nullptr.
    LifecycleDiagram *diagram(int endpointId) const;

signals:
    /// The user chose a step of a diagram: the event that lit it.
    void eventActivated(quint64 sequence);

private:
    struct Entry
    {
        QLabel *title = nullptr;
        LifecycleDiagram *diagram = nullptr;
    };

    void addEndpoint(int endpointId);
    void removeEndpoint(int endpointId);
    void updateEndpoint(int endpointId);
    void updatePlaceholder();

    LifecycleTracker *m_tracker = nullptr;
    QScrollArea *m_scroll = nullptr;
    QVBoxLayout *m_column = nullptr;
    QLabel *m_placeholder = nullptr;
    QHash<int, Entry> m_entries;
};

} // namespace SockPlay
