#include "connectionsmodel.h"

#include <QSet>

namespace SockPlay {

ConnectionsModel::ConnectionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ConnectionsModel::setEndpoint(Endpoint *endpoint)
{
    if (m_endpoint)
        m_endpoint->disconnect(this);
    beginResetModel();
    m_endpoint = endpoint;
    m_rows.clear();
    if (m_endpoint)
        m_rows = m_endpoint->connections();
    endResetModel();
    if (m_endpoint) {
        connect(m_endpoint, &Endpoint::connectionOpened, this, &ConnectionsModel::refresh);
        connect(m_endpoint, &Endpoint::connectionClosed, this, &ConnectionsModel::refresh);
    }
}

void ConnectionsModel::refresh()
{
    const QList<ConnectionInfo> now = m_endpoint ? m_endpoint->connections() : QList<ConnectionInfo>{};

    QSet<int> nowIds;
    nowIds.reserve(now.size());
    for (const ConnectionInfo &info : now)
        nowIds.insert(info.id);

    // Remove the rows of closed connections, from the bottom up so that row
    // numbers stay valid; contiguous runs go in one call.
    for (int row = m_rows.size() - 1; row >= 0;) {
        if (nowIds.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !nowIds.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // What is left is in the endpoint's order; new connections come after it.
    QSet<int> keptIds;
    keptIds.reserve(m_rows.size());
    for (const ConnectionInfo &info : std::as_const(m_rows))
        keptIds.insert(info.id);
    QList<ConnectionInfo> added;
    QList<ConnectionInfo> kept;
    for (const ConnectionInfo &info : now) {
        if (keptIds.contains(info.id))
            kept.append(info);
        else
            added.append(info);
    }

    bool sameOrder = kept.size() == m_rows.size();
    for (int i = 0; sameOrder && i < kept.size(); ++i)
        sameOrder = kept.at(i).id == m_rows.at(i).id;
    if (!sameOrder) {
        beginResetModel();
        m_rows = now;
        endResetModel();
        return;
    }

    m_rows = kept;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, BytesInColumn), index(m_rows.size() - 1, BytesOutColumn),
                         {Qt::DisplayRole});
    if (!added.isEmpty()) {
        beginInsertRows({}, m_rows.size(), m_rows.size() + added.size() - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

int ConnectionsModel::connectionIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ConnectionsModel::rowOfConnection(int connectionId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == connectionId)
            return row;
    }
    return -1;
}

int ConnectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ConnectionInfo &info = m_rows.at(index.row());
    if (role == ConnectionIdRole)
        return info.id;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == IdColumn || index.column() == BytesInColumn
            || index.column() == BytesOutColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        return tr("Connection %1: %2 → %3").arg(info.id)
            .arg(info.peerText(), formatAddress(info.localAddress, info.localPort));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return info.id;
    case PeerColumn:
        return info.peerText();
    case BytesInColumn:
        return info.bytesIn;
    case BytesOutColumn:
        return info.bytesOut;
    case SinceColumn:
        return info.connectedSince.toLocalTime().toString(QStringLiteral("hh:mm:ss"));
    default:
        return {};
    }
}

QVariant ConnectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("ID");
    case PeerColumn: return tr("Peer");
    case BytesInColumn: return tr("Bytes in");
    case BytesOutColumn: return tr("Bytes out");
    case SinceColumn: return tr("Connected since");
    default: return {};
    }
}

} // namespace SockPlay
