#include "logtableview.h"

#include "logmodel.h"

#include <QFontDatabase>
#include <QHeaderView>

namespace SockPlay {

LogTableView::LogTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("logView"));
    setAccessibleName(tr("Live log table"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setCornerButtonEnabled(false);
    setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->setVisible(false);
    // Fixed, uniform rows: the view never measures a row, so a million rows are
    // as fast as a hundred.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void LogTableView::applyFontMetrics(LogModel *model)
{
    // Everything is measured in the current font: no pixel sizes that break
    // with scaling or a projector's larger font.
    const QFontMetrics metrics = fontMetrics();
    verticalHeader()->setDefaultSectionSize(metrics.height() + metrics.height() / 2);
    verticalHeader()->setMinimumSectionSize(metrics.height());

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont payloadFont;
    payloadFont.setFamilies(mono.families());
    payloadFont.setStyleHint(QFont::Monospace);
    model->setPayloadFont(payloadFont);

    const int pad = metrics.averageCharWidth() * 3;
    QHeaderView *header = horizontalHeader();
    header->resizeSection(LogModel::TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + pad);
    header->resizeSection(LogModel::SideColumn, metrics.horizontalAdvance(QStringLiteral("server")) + pad);
    header->resizeSection(LogModel::ConnectionColumn, metrics.horizontalAdvance(QStringLiteral("#1000 127.000.000.001:65535")) + pad);
    header->resizeSection(LogModel::EventColumn, metrics.horizontalAdvance(QStringLiteral("listening: backlog 4096, up to 1000 clients, echo")) + pad);
    header->resizeSection(LogModel::BytesColumn, metrics.horizontalAdvance(QStringLiteral("Bytes 000000")) + pad);
}

} // namespace SockPlay
