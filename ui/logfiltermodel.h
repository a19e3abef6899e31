#pragma once

#include "logscanner.h"

#include <QAbstractProxyModel>

namespace SockPlay {

class LogModel;

/// The live log narrowed to the events a LogScanner matches: a proxy over a
/// LogModel that holds no rows of its own (the scanner's sorted list of
/// matching sequence numbers is the mapping), so that filtering a million
/// events never copies one. Rows appear as the scanner finds them and follow
/// the log batch by batch.
class LogFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterModel)
public:
    /// The scanner must work on the model's log; the proxy keeps it advancing
    /// with the model's layout.
    LogFilterModel(LogModel *model, LogScanner *scanner, QObject *parent = nullptr);

    LogModel *logModel() const { return m_model; }
    LogScanner *scanner() const { return m_scanner; }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// The model's headers, whether or not a row matches.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// The source row of a match (-1 when the model does not show it).
    int sourceRowOfMatch(int match) const;
    /// The row of model that shows a match (-1 when it does not show it).
    static int sourceRowOf(const LogModel *model, const LogScanner::Match &match);

private:
    LogModel *m_model = nullptr;
    LogScanner *m_scanner = nullptr;
};

} // namespace SockPlay
