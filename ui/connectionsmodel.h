#pragma once

#include "endpointtypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace SockPlay {

class Session;

/// One endpoint's connections (TCP clients, or UDP peers seen), one row each:
/// id, peer address:port, bytes in and out per second, messages per second
/// (in / out), bytes in, bytes out, connected since (first seen). The rates
/// come first: at the window's default width they stay in sight.
///
/// Fed by the session's signals, never by reading an endpoint: rows are
/// inserted and removed as connections open and close (so the view keeps its
/// selection), and counters change once per stats tick (connectionsUpdated).
class ConnectionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        PeerColumn,
        InRateColumn,      ///< bytes in per second ("1.2 KiB/s")
        OutRateColumn,     ///< bytes out per second
        MessageRateColumn, ///< messages per second, "in / out"
        BytesInColumn,
        BytesOutColumn,
        SinceColumn,
        ColumnCount
    };
    /// Qt::UserRole on any column: the connection id (an int).
    static constexpr int ConnectionIdRole = Qt::UserRole;
    /// What a sorting proxy should compare: numbers where the text is a
    /// formatted number (rates, counters, ids), so "900 bytes/s" sorts below
    /// "1.2 KiB/s". Messages per second sort by in + out.
    static constexpr int SortRole = Qt::UserRole + 1;

    ConnectionsModel(Session *session, int endpointId, QObject *parent = nullptr);

    /// Peers (UDP) rather than connections (TCP): only the headers differ.
    void setPeers(bool peers);
    /// Forgets every row (a new start).
    void clear();

    int connectionIdAt(int row) const;
    int rowOfConnection(int connectionId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void add(const ConnectionInfo &connection);
    void remove(int connectionId);
    void update(const QList<ConnectionInfo> &connections);
    static QVariant sortValue(const ConnectionInfo &info, int column);

    const int m_endpointId;
    bool m_peers = false;
    QList<ConnectionInfo> m_rows;
};

} // namespace SockPlay
