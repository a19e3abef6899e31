#pragma once

#include "event.h"
#include "eventlog.h"
#include "payloadcodec.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QHash>
#include <QIcon>

#include <optional>

namespace SockPlay {

/// The live log as a table, over an EventLog it never copies.
///
/// Rows follow the log's Layout: [events dropped before] [lifecycle and error
/// events kept from before, with a "dropped" row wherever events were dropped
/// between them] [events dropped since] [the ring: every recent event]. Once
/// per batch (the log's coalesced eventsChanged()) the model compares the
/// new layout with the one its views know and removes and inserts exactly the
/// rows that changed: at the top, at the boundary where the ring gave events
/// up, at the bottom. It never resets per packet, and a batch costs the same
/// whatever the log's size. Cells read one event by sequence number (or kept
/// index) through the log.
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
    /// What the side column calls an endpoint from now on, on its old rows
    /// too (a rename: "client 2" becomes "Alice"). Events of endpoints never
    /// named here show the name they were logged with.
    void setEndpointName(int endpointId, const QString &name);

    /// The event shown at row (a Dropped row is an Event of kind Dropped);
    /// empty when the log evicted it meanwhile.
    std::optional<Event> eventAt(int row) const;
    /// The row of an event of the ring (every recent event) by sequence
    /// number, -1 when it is not there. O(1): no read of the log.
    int rowOfSequence(quint64 sequence) const;
    /// The layout the views know now.
    EventLog::Layout layout() const { return m_layout; }

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
    void onEventsChanged();
    void applyLayout(const EventLog::Layout &next);
    QString payloadText(const Event &event, int maxChars) const;
    QString eventText(const Event &event) const;

    EventLog *m_log = nullptr; // outlives the model (the window owns both)
    EventLog::Layout m_layout;
    PayloadMode m_payloadMode = PayloadMode::Text;
    QFont m_payloadFont;
    QFont m_errorFont;
    // A view asks for several roles of several cells of one row in a row:
    // keep the last event read so that each row costs one read of the log.
    QHash<int, QString> m_endpointNames; // by endpoint id: the current name
    mutable QHash<int, QIcon> m_swatches; // by endpoint id: its colour, made once
    mutable int m_cachedRow = -1;
    mutable Event m_cached;
};

} // namespace SockPlay
