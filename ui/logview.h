#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace SockPlay {

class EventDetailView;
class LogModel;
class Session;

/// The live log pane: a header row (title, event count, payload as Text/Hex,
/// Limits…, Clear) above a table of every event, shared by every endpoint,
/// and beside it the detail pane of the table's current row.
///
/// The table uses fixed row heights so that a million rows cost no more than
/// a hundred, and it follows new rows unless the user scrolled up to read.
/// The detail pane follows the current row (mouse or keyboard), never the
/// newest event: it reads the log when the current row changes, not per batch.
class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(Session *session, QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    QTableView *tableView() const { return m_view; }
    EventDetailView *detailView() const { return m_detail; }
    /// Shows or hides the detail pane (as the Details button does).
    QPushButton *detailsButton() const { return m_detailsButton; }
    /// Makes the event with this sequence number the current row, if the log still has it.
    bool selectSequence(quint64 sequence);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyFontMetrics();
    void updateCount();
    bool isScrolledToBottom() const;
    void showRow(int row);
    void applyDefaultSplit();

    void editLimits();

    Session *m_session = nullptr;
    LogModel *m_model = nullptr;
    QPushButton *m_limitsButton = nullptr;
    QTableView *m_view = nullptr;
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
};

} // namespace SockPlay
