#include "logtableview.h"

#include "logmodel.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>

namespace SockPlay {

namespace {

// How a narrow table shares its width: the event (what happened) gets twice
// what the time, side, connection and byte count get.
const QList<int> logWeights = {1, 1, 1, 2, 1};

} // namespace

LogTableView::LogTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("logView"));
    setAccessibleName(tr("Live log table"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
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
    // Not the header's stretching: fitColumns() gives the payload the rest, so
    // that it never pushes the other columns past the edge.
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setTextElideMode(Qt::ElideRight);
    connect(header, &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        // The user dragged it: that is what the column wants from now on.
        if (!m_fitting && column < m_wanted.size()) {
            m_wanted[column] = size;
            fitColumns();
        }
    });
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
    const auto wants = [&](const char *sample) { return metrics.horizontalAdvance(QLatin1String(sample)) + pad; };
    // The side: a name as a workspace gives them, after its colour swatch.
    m_wanted = {wants("00:00:00.000"), wants("client 10") + metrics.height(), wants("#1000 127.000.000.001:65535"),
                wants("listening: backlog 4096, up to 1000 clients, echo"), wants("Bytes 000000")};
    fitColumns();
}

void LogTableView::setModel(QAbstractItemModel *model)
{
    // A new model (the filtered rows or all) resets the sections: they fit again.
    QTableView::setModel(model);
    fitColumns();
}

int LogTableView::wantedWidth() const
{
    int total = 0;
    for (const int width : m_wanted)
        total += width;
    return total;
}

bool LogTableView::viewportEvent(QEvent *event)
{
    // The viewport's width changes with the table's and with the vertical scroll bar.
    if (event->type() == QEvent::Resize)
        fitColumns();
    return QTableView::viewportEvent(event);
}

void LogTableView::fitColumns()
{
    QHeaderView *header = horizontalHeader();
    if (m_wanted.isEmpty() || header->count() != m_wanted.size() + 1)
        return;
    const int chars = fontMetrics().averageCharWidth();
    // The payload (the last section) keeps a third of the width, and at least a few characters.
    const int payloadMinimum = qMax(chars * 6, viewport()->width() / 3);
    const int available = viewport()->width() - payloadMinimum;
    QList<int> widths = fitWidths(m_wanted, logWeights, chars * 3 + chars / 2, available);
    int used = 0;
    for (const int width : std::as_const(widths))
        used += width;
    widths.append(qMax(payloadMinimum, viewport()->width() - used));
    m_fitting = true;
    header->setMinimumSectionSize(chars * 3);
    for (int column = 0; column < widths.size(); ++column) {
        if (header->sectionSize(column) != widths.at(column))
            header->resizeSection(column, widths.at(column));
    }
    m_fitting = false;
}

QList<int> LogTableView::fitWidths(const QList<int> &wanted, const QList<int> &weights, int minimum, int available)
{
    // Max-min fairness ("water filling"): a column that wants less than its
    // weight's part of what is left gets all it wants, and the others share
    // the rest by weight. Short columns (a time, a side) stay whole; long ones
    // (an event's detail, an address) are elided.
    QList<int> widths(wanted.size(), -1);
    qint64 left = qMax(0, available);
    bool settled = false;
    while (!settled) {
        settled = true;
        qint64 weight = 0;
        for (qsizetype column = 0; column < wanted.size(); ++column) {
            if (widths.at(column) < 0)
                weight += qMax(1, weights.value(column, 1));
        }
        if (weight == 0)
            break;
        for (qsizetype column = 0; column < wanted.size(); ++column) {
            if (widths.at(column) < 0 && wanted.at(column) * weight <= left * qMax(1, weights.value(column, 1))) {
                widths[column] = wanted.at(column);
                left -= wanted.at(column);
                settled = false;
            }
        }
        if (settled) {
            for (qsizetype column = 0; column < wanted.size(); ++column) {
                if (widths.at(column) < 0)
                    widths[column] = int(left * qMax(1, weights.value(column, 1)) / weight);
            }
        }
    }
    // Never below a few characters; if that is too wide, every column gives up
    // the same fraction of what it has above the minimum.
    int total = 0;
    int above = 0;
    for (int &width : widths) {
        width = qMax(minimum, width);
        total += width;
        above += width - minimum;
    }
    if (total <= available || above <= 0)
        return widths;
    const qint64 keep = qMax(0, above - (total - available));
    for (int &width : widths)
        width = minimum + int((width - minimum) * keep / above);
    return widths;
}

} // namespace SockPlay
