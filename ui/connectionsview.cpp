#include "connectionsview.h"

#include "connectionsmodel.h"
#include "logtableview.h"

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
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setTextElideMode(Qt::ElideRight);
    setTextElideMode(Qt::ElideRight);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        // The user dragged it: that is what the column wants from now on.
        if (!m_fitting && column < m_wanted.size()) {
            m_wanted[column] = size;
            fitColumns();
        }
    });
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
    const auto wants = [&](const char *sample) { return metrics.horizontalAdvance(QLatin1String(sample)) + pad; };
    // Rates as wide as their longest usual text, so they never elide while they change.
    const int rate = wants("999.9 KiB/s");
    m_wanted.resize(ConnectionsModel::SinceColumn);
    m_wanted[ConnectionsModel::IdColumn] = wants("ID 000");
    m_wanted[ConnectionsModel::PeerColumn] = wants("127.000.000.001:65535");
    m_wanted[ConnectionsModel::InRateColumn] = rate;
    m_wanted[ConnectionsModel::OutRateColumn] = rate;
    m_wanted[ConnectionsModel::MessageRateColumn] = wants("Msgs/s in/out");
    m_wanted[ConnectionsModel::BytesInColumn] = wants("Bytes in 0");
    m_wanted[ConnectionsModel::BytesOutColumn] = wants("Bytes out 0");
    fitColumns();
}

bool ConnectionsView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Resize)
        fitColumns();
    return QTableView::viewportEvent(event);
}

void ConnectionsView::fitColumns()
{
    // ID and Peer first: in a narrow table the peer's address gets three
    // times the part of a rate or a count (the ID is short: it stays whole).
    static const QList<int> weights = {1, 3, 1, 1, 1, 1, 1};
    QHeaderView *header = horizontalHeader();
    if (m_wanted.isEmpty() || header->count() != m_wanted.size() + 1)
        return;
    const int chars = fontMetrics().averageCharWidth();
    // Since takes the rest (at least a few characters).
    QList<int> widths = LogTableView::fitWidths(m_wanted, weights, chars * 3, viewport()->width() - chars * 5);
    int used = 0;
    for (const int width : std::as_const(widths))
        used += width;
    widths.append(qMax(chars * 5, viewport()->width() - used));
    m_fitting = true;
    header->setMinimumSectionSize(chars * 3);
    for (int column = 0; column < widths.size(); ++column) {
        if (header->sectionSize(column) != widths.at(column))
            header->resizeSection(column, widths.at(column));
    }
    m_fitting = false;
}

} // namespace SockPlay
