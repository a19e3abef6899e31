#include "connectionsview.h"

#include "connectionsmodel.h"

#include <QEvent>
#include <QHeaderView>

namespace SockPlay {

ConnectionsView::ConnectionsView(ConnectionsModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
{
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setTabKeyNavigation(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    applyFontMetrics();
}

int ConnectionsView::selectedConnectionId() const
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->connectionIdAt(rows.first().row());
}

void ConnectionsView::selectIfNoneSelected(int connectionId)
{
    if (selectedConnectionId() != 0)
        return;
    const int row = m_model->rowOfConnection(connectionId);
    if (row >= 0)
        selectRow(row);
}

QSize ConnectionsView::sizeHint() const
{
    const int height = horizontalHeader()->sizeHint().height()
        + 4 * verticalHeader()->defaultSectionSize() + 2 * frameWidth();
    return {QTableView::sizeHint().width(), height};
}

QSize ConnectionsView::minimumSizeHint() const
{
    const int height = horizontalHeader()->sizeHint().height()
        + 2 * verticalHeader()->defaultSectionSize() + 2 * frameWidth();
    return {QTableView::minimumSizeHint().width(), height};
}

void ConnectionsView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFontMetrics();
}

void ConnectionsView::applyFontMetrics()
{
    const QFontMetrics metrics = fontMetrics();
    verticalHeader()->setDefaultSectionSize(metrics.height() + metrics.height() / 2);
    const int pad = metrics.averageCharWidth() * 3;
    QHeaderView *header = horizontalHeader();
    header->resizeSection(ConnectionsModel::IdColumn, metrics.horizontalAdvance(QStringLiteral("ID 000")) + pad);
    header->resizeSection(ConnectionsModel::PeerColumn, metrics.horizontalAdvance(QStringLiteral("127.000.000.001:65535")) + pad);
    // Rates as wide as their longest usual text, so they never elide while they change.
    const int rate = metrics.horizontalAdvance(QStringLiteral("999.9 KiB/s")) + pad;
    header->resizeSection(ConnectionsModel::InRateColumn, rate);
    header->resizeSection(ConnectionsModel::OutRateColumn, rate);
    header->resizeSection(ConnectionsModel::MessageRateColumn,
                          metrics.horizontalAdvance(QStringLiteral("Msgs/s in/out")) + pad);
    header->resizeSection(ConnectionsModel::BytesInColumn, metrics.horizontalAdvance(QStringLiteral("Bytes in 0")) + pad);
    header->resizeSection(ConnectionsModel::BytesOutColumn, metrics.horizontalAdvance(QStringLiteral("Bytes out 0")) + pad);
}

} // namespace SockPlay
