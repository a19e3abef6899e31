#pragma once

#include <QList>
#include <QTableView>

namespace SockPlay {

class ConnectionsModel;

/// The server's table of connections: one selectable row per connection,
/// fixed row heights and column widths measured in the current font.
///
/// Its columns fit its width (no horizontal scroll bar at any zoom): ID and
/// Peer keep what they need as long as they can, the rates and counts
/// shrink first, Since takes the rest; long text is elided.
class ConnectionsView : public QTableView
{
    Q_OBJECT
public:
    explicit ConnectionsView(ConnectionsModel *model, QWidget *parent = nullptr);

    /// The selected connection's id, 0 when none is selected.
    int selectedConnectionId() const;
    /// Selects this connection unless another one is selected already.
    void selectIfNoneSelected(int connectionId);

    /// A few rows tall: the pane grows it when there is room, the log gets the rest.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void applyFontMetrics();
    void fitColumns();

    ConnectionsModel *m_model = nullptr;
    QList<int> m_wanted; // per column before Since
    bool m_fitting = false;
};

} // namespace SockPlay
