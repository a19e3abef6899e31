#include "logfiltermodel.h"

#include "logmodel.h"
#include "logscanner.h"

namespace SockPlay {

LogFilterModel::LogFilterModel(LogModel *model, LogScanner *scanner, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_model(model)
    , m_scanner(scanner)
{
    QAbstractProxyModel::setSourceModel(model);
    // The scanner's list is the proxy's rows: its changes are row changes.
    connect(m_scanner, &LogScanner::matchesAboutToBeRemoved, this,
            [this](int first, int count) { beginRemoveRows({}, first, first + count - 1); });
    connect(m_scanner, &LogScanner::matchesRemoved, this, [this] { endRemoveRows(); });
    connect(m_scanner, &LogScanner::matchesAboutToBeInserted, this,
            [this](int first, int count) { beginInsertRows({}, first, first + count - 1); });
    connect(m_scanner, &LogScanner::matchesInserted, this, [this] { endInsertRows(); });
    connect(m_scanner, &LogScanner::matchesAboutToBeReset, this, [this] { beginResetModel(); });
    connect(m_scanner, &LogScanner::matchesReset, this, [this] { endResetModel(); });
    // After the model applied a batch, the scanner drops what left and scans what came.
    connect(m_model, &LogModel::batchApplied, this, [this] { m_scanner->advance(m_model->layout()); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
}

int LogFilterModel::sourceRowOfMatch(int match) const
{
    if (match < 0 || match >= m_scanner->matches().size())
        return -1;
    return sourceRowOf(m_model, m_scanner->matches().at(match));
}

int LogFilterModel::sourceRowOf(const LogModel *model, const LogScanner::Match &m)
{
    const EventLog::Layout layout = model->layout();
    if (!m.isKept())
        return model->rowOfSequence(m.sequence);
    if (m.keptIndex < layout.keptBegin || m.keptIndex >= layout.keptEnd)
        return -1;
    return layout.headRows() + int(m.keptIndex - layout.keptBegin);
}

QModelIndex LogFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid())
        return {};
    const int row = sourceRowOfMatch(proxyIndex.row());
    return row < 0 ? QModelIndex() : m_model->index(row, proxyIndex.column());
}

QModelIndex LogFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid())
        return {};
    const EventLog::Layout layout = m_model->layout();
    int r = sourceIndex.row() - layout.headRows();
    int match = -1;
    if (r >= 0 && r < layout.keptRows()) {
        match = m_scanner->indexOfKept(layout.keptBegin + quint64(r));
    } else {
        r -= layout.keptRows() + layout.gapRows();
        if (r >= 0 && r < layout.ringRows())
            match = m_scanner->indexOfSequence(layout.ringBegin + quint64(r));
    }
    return match < 0 ? QModelIndex() : index(match, sourceIndex.column());
}

QModelIndex LogFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex LogFilterModel::parent(const QModelIndex &) const
{
    return {};
}

int LogFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_scanner->matches().size());
}

int LogFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_model->columnCount();
}

QVariant LogFilterModel::data(const QModelIndex &index, int role) const
{
    const QModelIndex source = mapToSource(index);
    if (!source.isValid())
        return {};
    return m_model->data(source, role);
}

QVariant LogFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // QAbstractProxyModel maps a section through row 0, which an empty filter lacks.
    return m_model->headerData(section, orientation, role);
}

} // namespace SockPlay
