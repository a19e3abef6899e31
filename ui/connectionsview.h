#pragma once

#include <QTableView>

namespace SockPlay {

class ConnectionsModel;

/// The server's table of connections: one selectable row per connection,
/// fixed row heights and column widths measured in the current font.
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

private:
    void applyFontMetrics();

    ConnectionsModel *m_model = nullptr;
};

} // namespace SockPlay
