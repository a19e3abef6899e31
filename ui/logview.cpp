#include "logview.h"

#include "eventdetailview.h"
#include "eventlog.h"
#include "logfilterbar.h"
#include "logexportbar.h"
#include "logfiltermodel.h"
#include "loglimitsdialog.h"
#include "logmodel.h"
#include "logrowactions.h"
#include "logscanner.h"
#include "logtableview.h"
#include "presentermode.h"
#include "session.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace SockPlay {

LogView::LogView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("logPane"));
    setAccessibleName(tr("Live log"));

    auto *title = new QLabel(tr("Live log"), this);
    title->setObjectName(QStringLiteral("logTitleLabel"));
    // Bold and nothing else: its size follows the window's zoom.
    QFont titleFont;
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("logCountLabel"));
    m_countLabel->setAccessibleName(tr("Events in the log"));

    auto *modeLabel = new QLabel(tr("Pa&yload as"), this);
    m_payloadModeCombo = new QComboBox(this);
    m_payloadModeCombo->setObjectName(QStringLiteral("logPayloadModeCombo"));
    m_payloadModeCombo->setAccessibleName(tr("Log payload display"));
    m_payloadModeCombo->addItem(tr("Text"), QVariant::fromValue(int(PayloadMode::Text)));
    m_payloadModeCombo->addItem(tr("Hex"), QVariant::fromValue(int(PayloadMode::Hex)));
    modeLabel->setBuddy(m_payloadModeCombo);

    m_detailsButton = new QPushButton(tr("&Bytes && details"), this);
    m_detailsButton->setObjectName(QStringLiteral("logDetailsButton"));
    m_detailsButton->setAccessibleName(tr("Show event details"));
    m_detailsButton->setToolTip(tr("The selected event's bytes as a hex dump, its metadata, and the reads a message came in.\n"
                                   "Enter or a double-click on a row shows them too."));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoDefault(false);

    m_limitsButton = new QPushButton(tr("Li&mits…"), this);
    m_limitsButton->setObjectName(QStringLiteral("logLimitsButton"));
    m_limitsButton->setAccessibleName(tr("Log limits"));
    m_limitsButton->setToolTip(tr("How many events the log keeps, and how many payload bytes"));
    m_limitsButton->setAutoDefault(false);

    m_clearButton = new QPushButton(tr("C&lear log"), this);
    m_clearButton->setObjectName(QStringLiteral("logClearButton"));
    m_clearButton->setAccessibleName(tr("Clear log"));
    m_clearButton->setAutoDefault(false);

    // A class watches the table: presenter mode hides the tools around it
    // (Clear stays, to start a demo afresh).
    for (QWidget *advanced : std::initializer_list<QWidget *>{modeLabel, m_payloadModeCombo, m_detailsButton, m_limitsButton})
        PresenterMode::markAdvanced(advanced);

    m_model = new LogModel(session->log(), this);
    // Made before the connections below: after a batch, the filtered rows
    // follow the model first, then the view scrolls to the newest.
    m_filterScanner = new LogScanner(session->log(), this);
    m_filterModel = new LogFilterModel(m_model, m_filterScanner, this);
    m_searchScanner = new LogScanner(session->log(), this);
    m_filterBar = new LogFilterBar(this);
    connect(session, &Session::endpointAdded, m_filterBar,
            [this](const EndpointSnapshot &snapshot) { m_filterBar->addEndpointName(snapshot.name); });

    m_view = new LogTableView(this);
    m_view->setModel(m_model);
    m_rowActions = new LogRowActions(m_view, m_model, this);
    m_exportBar = new LogExportBar(session, m_model, m_filterModel, m_view, this);
    m_exportBar->followInTabOrder(m_detailsButton);

    m_detail = new EventDetailView(session->log(), this);

    // Beside the table, not under it: the log is wide and short between the
    // panes and the status bar, and rows are what a user scans.
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("logSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addSpacing(fontMetrics().averageCharWidth() * 2);
    top->addWidget(m_countLabel);
    top->addStretch(1);
    top->addWidget(modeLabel);
    top->addWidget(m_payloadModeCombo);
    top->addWidget(m_detailsButton);
    top->addWidget(m_exportBar);
    top->addWidget(m_limitsButton);
    top->addWidget(m_clearButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_exportBar->messageLine());
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);

    connect(m_payloadModeCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setPayloadMode(PayloadMode(m_payloadModeCombo->currentData().toInt()));
    });
    connect(m_clearButton, &QPushButton::clicked, m_session, &Session::clearLog);
    connect(m_limitsButton, &QPushButton::clicked, this, &LogView::editLimits);
    connect(m_model, &LogModel::batchAboutToBeApplied, this, [this] {
        m_followBottom = !m_filterBar->isFollowPaused() && isScrolledToBottom();
        m_applyingBatch = true;
    });
    connect(m_model, &LogModel::batchApplied, this, [this] {
        m_applyingBatch = false;
        // The current row left with evicted rows (the selection moved to a
        // neighbour): the pane keeps the event it shows and says it is gone.
        if (std::exchange(m_currentMoved, false))
            m_detail->markEvicted();
        m_searchScanner->advance(m_model->layout());
        if (m_followBottom)
            m_view->scrollToBottom();
        updateCount();
    });
    watchCurrentRow();
    connect(m_filterBar, &LogFilterBar::criteriaChanged, this, &LogView::applyCriteria);
    connect(m_filterBar, &LogFilterBar::searchChanged, this, &LogView::applySearch);
    connect(m_filterBar, &LogFilterBar::nextRequested, this, [this] { stepSearch(true); });
    connect(m_filterBar, &LogFilterBar::previousRequested, this, [this] { stepSearch(false); });
    connect(m_filterBar, &LogFilterBar::jumpToNewestRequested, m_view, &QTableView::scrollToBottom);
    connect(m_searchScanner, &LogScanner::progress, this, [this](qint64 done, qint64 total) {
        m_searchPercent = total > 0 ? int(done * 100 / total) : 100;
        updateMatchCount();
    });
    for (auto signal : {&LogScanner::matchesInserted, &LogScanner::matchesRemoved, &LogScanner::matchesReset,
                        &LogScanner::finished})
        connect(m_searchScanner, signal, this, &LogView::updateMatchCount);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_userSplit = true; });
    connect(m_detailsButton, &QPushButton::toggled, this, [this](bool on) {
        m_detailsChosen = true;
        m_detail->setVisible(on);
        if (on && !m_userSplit)
            applyDefaultSplit();
    });
    // Enter or a double-click on a row: "tell me more" shows the details.
    connect(m_view, &QAbstractItemView::activated, this, [this] { m_detailsButton->setChecked(true); });
    connect(m_rowActions, &LogRowActions::detailsRequested, this, [this] { m_detailsButton->setChecked(true); });
    connect(m_rowActions, &LogRowActions::filterRequested, m_filterBar, &LogFilterBar::showOnly);
    connect(m_rowActions, &LogRowActions::exportSelectedRequested, this,
            [this] { m_exportBar->chooseFileAndExport(LogExportBar::Scope::Selected); });
    connect(m_rowActions, &LogRowActions::copied, m_exportBar, &LogExportBar::showStatus);
    connect(m_detail, &EventDetailView::eventActivated, this, [this](quint64 sequence) {
        if (selectSequence(sequence))
            m_view->setFocus(Qt::OtherFocusReason);
    });

    m_view->applyFontMetrics(m_model);
    updateCount();
}

void LogView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        m_view->applyFontMetrics(m_model);
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Until the user says otherwise, the details show only where the table
    // keeps its payload column beside them (a wide window, a projector).
    if (!m_detailsChosen) {
        const bool wide = width() >= m_detail->widthFor(8) + tableWidthWanted();
        const QSignalBlocker blocker(m_detailsButton);
        m_detailsButton->setChecked(wide);
        m_detail->setVisible(wide);
    }
    if (!m_userSplit)
        applyDefaultSplit();
}

int LogView::tableWidthWanted() const
{
    // Every column but the payload as wide as it wants (not as the table
    // squeezed it), and room for some payload.
    return m_view->wantedWidth() + m_view->fontMetrics().averageCharWidth() * 30;
}

void LogView::applyDefaultSplit()
{
    // The table keeps most of the width; the dump gets 16 bytes per line
    // where 45% of the width holds them (a maximised window, a projector), else 8.
    const int total = m_splitter->width() - m_splitter->handleWidth();
    const int wide = m_detail->widthFor(16);
    const int detail = wide <= total * 45 / 100 ? wide : std::min(m_detail->widthFor(8), total / 2);
    m_splitter->setSizes({total - detail, detail});
}

void LogView::updateCount()
{
    const EventLog::Totals totals = m_session->log()->totals();
    const QLocale locale;
    QString text = totals.kept == 1 ? tr("1 event") : tr("%1 events").arg(locale.toString(totals.kept));
    if (totals.dropped > 0)
        text += tr(" (%1 dropped)").arg(locale.toString(totals.dropped));
    m_countLabel->setText(text);
    m_countLabel->setAccessibleName(tr("Events in the log: %1").arg(text));
}

void LogView::editLimits()
{
    LogLimitsDialog dialog(m_session->log()->limits(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const EventLog::Limits limits = dialog.limits();
    LogLimitsDialog::save(limits);
    m_session->setLogLimits(limits);
}

void LogView::watchCurrentRow()
{
    // A new model (filtered or not) comes with a new selection model.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_applyingBatch)
                    m_currentMoved = true;
                else
                    showRow(current.isValid() ? current.row() : -1);
                updateMatchCount();
            });
}

bool LogView::isFiltered() const
{
    return m_view->model() == m_filterModel;
}

int LogView::sourceRow(int viewRow) const
{
    if (viewRow < 0 || !isFiltered())
        return viewRow;
    return m_filterModel->sourceRowOfMatch(viewRow);
}

int LogView::viewRow(int sourceRow) const
{
    if (sourceRow < 0 || !isFiltered())
        return sourceRow;
    return m_filterModel->mapFromSource(m_model->index(sourceRow, 0)).row();
}

void LogView::applyCriteria()
{
    const LogFilter criteria = m_filterBar->criteria();
    if (criteria.hasCriteria()) {
        m_filterScanner->start(criteria);
        if (!isFiltered())
            showModel(m_filterModel);
    } else if (isFiltered()) {
        showModel(m_model);
        m_filterScanner->cancel();
    }
    applySearch();
}

void LogView::showModel(QAbstractItemModel *model)
{
    // The table fits its columns again, the user's widths as they wanted them.
    m_view->setModel(model);
    watchCurrentRow();
}

void LogView::applySearch()
{
    const LogFilter search = m_filterBar->search();
    m_searchPercent = 0;
    if (search.hasQuery() && search.isValid())
        m_searchScanner->start(search);
    else
        m_searchScanner->cancel();
    updateMatchCount();
}

void LogView::stepSearch(bool forward)
{
    const QList<LogScanner::Match> &matches = m_searchScanner->matches();
    if (!m_searchScanner->isActive() || matches.isEmpty())
        return;
    const int current = sourceRow(m_view->currentIndex().row());
    const std::optional<Event> event = current >= 0 ? m_model->eventAt(current) : std::nullopt;
    const bool from = event && event->sequence > 0;
    int match = forward ? (from ? m_searchScanner->nextMatch(event->sequence) : 0)
                        : (from ? m_searchScanner->previousMatch(event->sequence) : int(matches.size()) - 1);
    if (match < 0) // past the last (before the first): wrap around
        match = forward ? 0 : int(matches.size()) - 1;
    const int row = viewRow(LogFilterModel::sourceRowOf(m_model, matches.at(match)));
    if (row < 0)
        return;
    // Stay on the match: new events must not scroll it away.
    m_filterBar->setFollowPaused(true);
    const QModelIndex index = m_view->model()->index(row, LogModel::EventColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void LogView::updateMatchCount()
{
    const qsizetype count = m_searchScanner->matches().size();
    int at = -1; // the current row's match
    if (m_searchScanner->isActive() && !m_searchScanner->isScanning() && count > 0) {
        const int current = sourceRow(m_view->currentIndex().row());
        const std::optional<Event> event = current >= 0 ? m_model->eventAt(current) : std::nullopt;
        at = event ? m_searchScanner->previousMatch(event->sequence + 1) : -1;
        if (at >= 0 && m_searchScanner->matches().at(at).sequence != event->sequence)
            at = -1;
    }
    m_filterBar->showMatches(m_searchScanner->isActive(), count, at,
                             m_searchScanner->isScanning() ? m_searchPercent : -1);
}

void LogView::showRow(int viewRow)
{
    const int row = sourceRow(viewRow);
    const std::optional<Event> event = row >= 0 ? m_model->eventAt(row) : std::nullopt;
    if (event) {
        m_detail->setEvent(*event);
        if (event->sequence > 0)
            emit currentEventChanged(event->sequence);
    } else if (viewRow < 0)
        m_detail->clear();
    else
        m_detail->markEvicted();
}

bool LogView::selectSequence(quint64 sequence)
{
    const int row = viewRow(m_model->rowOfSequence(sequence));
    if (row < 0)
        return false;
    const QModelIndex index = m_view->model()->index(row, LogModel::EventColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

int LogView::heightForRows(int rows) const
{
    return height() - m_view->viewport()->height() + rows * m_view->verticalHeader()->defaultSectionSize();
}

bool LogView::isScrolledToBottom() const
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

} // namespace SockPlay
