#pragma once

#include "event.h"
#include "payloadcodec.h"

#include <QAbstractTableModel>
#include <QFont>

#include <optional>

namespace SockPlay {

class EventLog;

/// The live log as a table, over an EventLog it never copies.
///
/// Row r shows the event with sequence number first + r, where [first, next)
/// is the range this model has announced to its views. The model follows the
/// log's coalesced eventsChanged(): once per batch it removes the evicted rows
/// at the top and inserts the new rows at the bottom; it never resets per
/// packet. Cells read the event through EventLog::at(), so the cost of a batch
/// does not depend on the log's size.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        SideColumn,
        ConnectionColumn,
        EventColumn,
        BytesColumn,
        PayloadColumn,
        ColumnCount
    };
    /// Characters of a payload shown in its cell; the tooltip shows more.
    static constexpr int PayloadPreviewChars = 200;

    explicit LogModel(EventLog *log, QObject *parent = nullptr);

    EventLog *log() const { return m_log; }

    PayloadMode payloadMode() const { return m_payloadMode; }
    void setPayloadMode(PayloadMode mode);
    /// The font of the payload column (monospace); unset attributes come from the view.
    void setPayloadFont(const QFont &font);

    /// The event shown at row; empty when the log evicted it meanwhile.
    std::optional<Event> eventAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    /// Around each batch of removals/insertions, so that a view can remember
    /// whether it was scrolled to the bottom before the rows changed.
    void batchAboutToBeApplied();
    void batchApplied();

private:
    void onEventsChanged(quint64 firstSequence, quint64 nextSequence);
    QString payloadText(const Event &event, int maxChars) const;
    QString eventText(const Event &event) const;

    EventLog *m_log = nullptr; // outlives the model (the window owns both)
    quint64 m_first = 1; // sequence shown at row 0
    quint64 m_next = 1;  // one past the sequence shown at the last row
    PayloadMode m_payloadMode = PayloadMode::Text;
    QFont m_payloadFont;
    QFont m_errorFont;
    // A view asks for several roles of several cells of one row in a row:
    // keep the last event read so that each row costs one EventLog::at().
    mutable quint64 m_cachedSequence = 0;
    mutable Event m_cached;
};

} // namespace SockPlay
