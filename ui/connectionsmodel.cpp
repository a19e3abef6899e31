#include "connectionsmodel.h"

#include "address.h"
#include "rateformat.h"
#include "session.h"

namespace SockPlay {

ConnectionsModel::ConnectionsModel(Session *session, int endpointId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_endpointId(endpointId)
{
    connect(session, &Session::connectionOpened, this, [this](int endpointId, const ConnectionInfo &connection) {
        if (endpointId == m_endpointId)
            add(connection);
    });
    connect(session, &Session::connectionClosed, this, [this](int endpointId, int connectionId) {
        if (endpointId == m_endpointId)
            remove(connectionId);
    });
    connect(session, &Session::connectionsUpdated, this,
            [this](int endpointId, const QList<ConnectionInfo> &connections) {
                if (endpointId == m_endpointId)
                    update(connections);
            });
}

void ConnectionsModel::setPeers(bool peers)
{
    if (peers == m_peers)
        return;
    m_peers = peers;
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void ConnectionsModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void ConnectionsModel::add(const ConnectionInfo &connection)
{
    if (rowOfConnection(connection.id) >= 0)
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(connection);
    endInsertRows();
}

void ConnectionsModel::remove(int connectionId)
{
    const int row = rowOfConnection(connectionId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ConnectionsModel::update(const QList<ConnectionInfo> &connections)
{
    // Counters only: rows come and go with connectionOpened/connectionClosed.
    QHash<int, const ConnectionInfo *> byId;
    byId.reserve(connections.size());
    for (const ConnectionInfo &info : connections)
        byId.insert(info.id, &info);
    for (ConnectionInfo &row : m_rows) {
        if (const ConnectionInfo *now = byId.value(row.id))
            row = *now;
    }
    if (!m_rows.isEmpty())
        // The peer column too: a UDP peer's last destination (a group) may have changed.
        emit dataChanged(index(0, PeerColumn), index(int(m_rows.size()) - 1, BytesOutColumn),
                         {Qt::DisplayRole, SortRole, Qt::ToolTipRole});
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
    if (role == SortRole)
        return sortValue(info, index.column());
    if (role == Qt::TextAlignmentRole) {
        if (index.column() != PeerColumn && index.column() != SinceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        return QString((m_peers ? tr("Peer %1: %2 → %3\nIn: %4, %5 messages/s\nOut: %6, %7 messages/s")
                        : tr("Connection %1: %2 → %3\nIn: %4, %5 messages/s\nOut: %6, %7 messages/s"))
            .arg(info.id)
            .arg(info.peerText(), formatAddress(info.localAddress, info.localPort),
                 formatByteRate(info.bytesInPerSecond), formatMessageRate(info.messagesInPerSecond),
                 formatByteRate(info.bytesOutPerSecond), formatMessageRate(info.messagesOutPerSecond))
            + (info.sentTo.isEmpty() ? QString() : u'\n' + tr("Its last datagram was sent %1.").arg(info.sentTo)));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return info.id;
    case PeerColumn:
        // A sender to a group (or a broadcast address) says so: "10.0.0.7:5000 (to group 239.255.0.1)".
        return info.sentTo.isEmpty() ? info.peerText() : tr("%1 (%2)").arg(info.peerText(), info.sentTo);
    case InRateColumn:
        return formatByteRate(info.bytesInPerSecond);
    case OutRateColumn:
        return formatByteRate(info.bytesOutPerSecond);
    case MessageRateColumn:
        return tr("%1 / %2").arg(formatMessageRate(info.messagesInPerSecond),
                                 formatMessageRate(info.messagesOutPerSecond));
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

QVariant ConnectionsModel::sortValue(const ConnectionInfo &info, int column)
{
    switch (column) {
    case IdColumn: return info.id;
    case PeerColumn: return info.peerText();
    case InRateColumn: return info.bytesInPerSecond;
    case OutRateColumn: return info.bytesOutPerSecond;
    case MessageRateColumn: return info.messagesInPerSecond + info.messagesOutPerSecond;
    case BytesInColumn: return info.bytesIn;
    case BytesOutColumn: return info.bytesOut;
    case SinceColumn: return info.connectedSince;
    default: return {};
    }
}

QVariant ConnectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("ID");
    case PeerColumn: return tr("Peer");
    case InRateColumn: return tr("In/s");
    case OutRateColumn: return tr("Out/s");
    case MessageRateColumn: return tr("Msgs/s in/out");
    case BytesInColumn: return tr("Bytes in");
    case BytesOutColumn: return tr("Bytes out");
    case SinceColumn: return m_peers ? tr("First seen") : tr("Connected since");
    default: return {};
    }
}

} // namespace SockPlay
