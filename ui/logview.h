#pragma once

#include "logtableview.h"

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;

namespace SockPlay {

class EventDetailView;
class LogExportBar;
class LogFilterBar;
class LogFilterModel;
class LogModel;
class LogRowActions;
class LogScanner;
class Session;

/// The live log pane: a header row (title, event count, payload as Text/Hex,
/// Limits…, Clear) above a table of every event, shared by every endpoint,
/// and beside it the detail pane of the table's current row.
///
/// The table uses fixed row heights so that a million rows cost no more than
/// a hundred, and it follows new rows unless the user scrolled up to read.
/// The detail pane follows the current row (mouse or keyboard), never the
/// newest event: it reads the log when the current row changes, not per batch.
///
/// The filter bar above narrows the table (a LogFilterModel over the same
/// model, fed by a LogScanner) and searches it (a second scanner whose
/// matches Previous/Next select); both scan in slices, so the window stays
/// responsive over a million events, and follow the log batch by batch.
class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(Session *session, QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    LogFilterBar *filterBar() const { return m_filterBar; }
    /// The filtered rows the table shows while a kind, side, connection or direction is chosen.
    LogFilterModel *filterModel() const { return m_filterModel; }
    LogScanner *searchScanner() const { return m_searchScanner; }
    QTableView *tableView() const { return m_view; }
    EventDetailView *detailView() const { return m_detail; }
    /// Shows or hides the detail pane (as the Details button does).
    QPushButton *detailsButton() const { return m_detailsButton; }
    /// Payload as text or hex (the window remembers it).
    QComboBox *payloadModeCombo() const { return m_payloadModeCombo; }
    /// Copy, copy as hex and the table's context menu.
    LogRowActions *rowActions() const { return m_rowActions; }
    /// Export… and Autosave…, with the line that tells how they went.
    LogExportBar *exportBar() const { return m_exportBar; }
    /// Makes the event with this sequence number the current row, if the log still has it.
    bool selectSequence(quint64 sequence);
    /// The height this view needs to show `rows` rows of the table, as it is
    /// laid out now (its controls, the table's header and frame included).
    int heightForRows(int rows) const;

signals:
    /// The current row is this event now (the user moved, or selectSequence()).
    void currentEventChanged(quint64 sequence);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateCount();
    bool isScrolledToBottom() const;
    void showRow(int row);
    void applyDefaultSplit();

    void editLimits();
    void applyCriteria();
    void applySearch();
    void stepSearch(bool forward);
    void updateMatchCount();
    void watchCurrentRow();
    void showModel(QAbstractItemModel *model);
    /// The model's row of a table row (they differ while filtered); -1 when none.
    int sourceRow(int viewRow) const;
    /// The table's row of a model row; -1 when the filter hides it.
    int viewRow(int sourceRow) const;
    bool isFiltered() const;

    Session *m_session = nullptr;
    LogModel *m_model = nullptr;
    LogScanner *m_filterScanner = nullptr;
    LogFilterModel *m_filterModel = nullptr;
    LogScanner *m_searchScanner = nullptr;
    LogFilterBar *m_filterBar = nullptr;
    QPushButton *m_limitsButton = nullptr;
    LogTableView *m_view = nullptr;
    LogRowActions *m_rowActions = nullptr;
    LogExportBar *m_exportBar = nullptr;
    QLabel *m_countLabel = nullptr;
    QComboBox *m_payloadModeCombo = nullptr;
    QPushButton *m_clearButton = nullptr;
    QSplitter *m_splitter = nullptr;
    EventDetailView *m_detail = nullptr;
    bool m_followBottom = true;
    int tableWidthWanted() const;
    QPushButton *m_detailsButton = nullptr;
    bool m_detailsChosen = false; // the user showed or hid the details: that stays
    bool m_userSplit = false; // the user dragged the splitter: their widths stay
    bool m_applyingBatch = false; // rows are being removed and inserted
    bool m_currentMoved = false;  // ... and the current row went with them
    int m_searchPercent = 100;    // how far the search's first scan got
};

} // namespace SockPlay
