#pragma once

#include "endpoint.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace SockPlay {

/// The server's connections (TCP clients, or UDP peers seen), one row each:
/// id, peer address:port, bytes in, bytes out, connected since.
///
/// Rows are inserted and removed as connections open and close, so the view
/// keeps its selection; counters are refreshed by refresh(), which the server
/// pane calls once per log batch rather than once per packet.
class ConnectionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, PeerColumn, BytesInColumn, BytesOutColumn, SinceColumn, ColumnCount };
    /// Qt::UserRole on any column: the connection id (an int).
    static constexpr int ConnectionIdRole = Qt::UserRole;

    explicit ConnectionsModel(QObject *parent = nullptr);

    /// Shows this endpoint's connections (nullptr shows none).
    void setEndpoint(Endpoint *endpoint);
    Endpoint *endpoint() const { return m_endpoint; }

    /// Re-reads the endpoint's connections: inserts new rows, removes gone
    /// ones, updates counters.
    void refresh();

    int connectionIdAt(int row) const;
    int rowOfConnection(int connectionId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QPointer<Endpoint> m_endpoint;
    QList<ConnectionInfo> m_rows;
};

} // namespace SockPlay
