#include "logmodel.h"

#include "endpointcolors.h"
#include "eventlog.h"
#include "translations.h"

#include <QBrush>
#include <QLocale>

#include <algorithm>
#include <climits>
#include <QColor>
#include <QStringList>

namespace SockPlay {

namespace {

bool isError(const Event &event)
{
    return event.kind == EventKind::Error;
}

} // namespace

LogModel::LogModel(EventLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    m_errorFont.setBold(true);
    if (m_log) {
        m_layout = m_log->layout();
        connect(m_log, &EventLog::eventsChanged, this, &LogModel::onEventsChanged);
    }
}

void LogModel::setPayloadMode(PayloadMode mode)
{
    if (mode == m_payloadMode)
        return;
    m_payloadMode = mode;
    const int rows = rowCount();
    if (rows > 0)
        emit dataChanged(index(0, PayloadColumn), index(rows - 1, PayloadColumn));
    emit headerDataChanged(Qt::Horizontal, PayloadColumn, PayloadColumn);
}

void LogModel::setPayloadFont(const QFont &font)
{
    m_payloadFont = font;
    const int rows = rowCount();
    if (rows > 0)
        emit dataChanged(index(0, PayloadColumn), index(rows - 1, PayloadColumn), {Qt::FontRole});
}

void LogModel::setEndpointName(int endpointId, const QString &name)
{
    if (m_endpointNames.value(endpointId) == name)
        return;
    m_endpointNames.insert(endpointId, name);
    // One signal for the column: the view repaints the rows it shows.
    const int rows = rowCount();
    if (rows > 0)
        emit dataChanged(index(0, SideColumn), index(rows - 1, SideColumn), {Qt::DisplayRole, Qt::ToolTipRole});
}

void LogModel::onEventsChanged()
{
    const EventLog::Layout next = m_log->layout();
    if (next == m_layout)
        return;
    emit batchAboutToBeApplied();
    applyLayout(next);
    m_cachedRow = -1;
    emit batchApplied();
}

void LogModel::applyLayout(const EventLog::Layout &next)
{
    // The rows are [head][kept items][gap][ring]. Everything only moves
    // forward: kept items leave at the front, the ring gives events up at its
    // front (to the kept list, or dropped into the gap), new events arrive at
    // the bottom. Each step below changes one place and keeps m_layout equal
    // to what the views have been told.
    EventLog::Layout &now = m_layout;
    m_cachedRow = -1;

    // 1. The top: the head row and kept items that left.
    const quint64 keptFrom = std::min(std::max(now.keptBegin, next.keptBegin), now.keptEnd);
    const int popped = int(keptFrom - now.keptBegin);
    if (popped == 0 && now.headRows() == 1 && next.headRows() == 1) {
        now.headDropped = next.headDropped;
        emit dataChanged(index(0, 0), index(0, ColumnCount - 1));
    } else {
        const int removeTop = now.headRows() + popped;
        if (removeTop > 0) {
            beginRemoveRows({}, 0, removeTop - 1);
            now.headDropped = 0;
            now.keptBegin = keptFrom;
            endRemoveRows();
        }
        now.keptBegin = keptFrom;
        if (next.headRows() > 0) {
            beginInsertRows({}, 0, 0);
            now.headDropped = next.headDropped;
            endInsertRows();
        }
    }

    // 2. The boundary: the old gap row and the ring's first events give way to
    // the kept items that moved there and the new gap row.
    const int at = now.headRows() + now.keptRows();
    const quint64 ringFrom = std::min(std::max(now.ringBegin, next.ringBegin), now.ringEnd);
    const int ringGone = int(ringFrom - now.ringBegin);
    const quint64 newKeptFrom = std::max(now.keptEnd, next.keptBegin);
    const int newKept = int(next.keptEnd - newKeptFrom);
    if (ringGone == 0 && newKept == 0 && now.gapRows() == 1 && next.gapRows() == 1) {
        now.gapDropped = next.gapDropped;
        emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
    } else {
        const int removeCount = now.gapRows() + ringGone;
        if (removeCount > 0) {
            beginRemoveRows({}, at, at + removeCount - 1);
            now.gapDropped = 0;
            now.ringBegin = ringFrom;
            endRemoveRows();
        }
        now.ringBegin = ringFrom;
        // Kept items that were never shown (they left again) are skipped.
        if (newKeptFrom > now.keptEnd && now.keptRows() == 0)
            now.keptBegin = now.keptEnd = newKeptFrom;
        const int insertCount = newKept + next.gapRows();
        if (insertCount > 0) {
            beginInsertRows({}, at, at + insertCount - 1);
            now.keptEnd = next.keptEnd;
            now.gapDropped = next.gapDropped;
            endInsertRows();
        }
        now.keptEnd = next.keptEnd;
    }

    // 3. The bottom: new events.
    const quint64 ringNewFrom = std::max(now.ringEnd, next.ringBegin);
    if (now.ringRows() == 0)
        now.ringBegin = now.ringEnd = ringNewFrom;
    if (next.ringEnd > ringNewFrom) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(next.ringEnd - ringNewFrom) - 1);
        now.ringEnd = next.ringEnd;
        endInsertRows();
    }
    Q_ASSERT(now == next);
    now = next;
}

std::optional<Event> LogModel::eventAt(int row) const
{
    if (!m_log || row < 0 || row >= rowCount())
        return std::nullopt;
    if (row == m_cachedRow)
        return m_cached;
    const EventLog::Layout &l = m_layout;
    std::optional<Event> event;
    int r = row;
    if (r < l.headRows()) {
        event = Event{};
        event->kind = EventKind::Dropped;
        event->droppedCount = qint64(l.headDropped);
    } else if ((r -= l.headRows()) < l.keptRows()) {
        event = m_log->keptItem(l.keptBegin + quint64(r));
    } else if ((r -= l.keptRows()) < l.gapRows()) {
        event = Event{};
        event->kind = EventKind::Dropped;
        event->droppedCount = qint64(l.gapDropped);
    } else {
        r -= l.gapRows();
        event = m_log->event(l.ringBegin + quint64(r));
    }
    if (event) {
        m_cachedRow = row;
        m_cached = *event;
    }
    return event;
}

int LogModel::rowOfSequence(quint64 sequence) const
{
    const EventLog::Layout &l = m_layout;
    if (sequence < l.ringBegin || sequence >= l.ringEnd)
        return -1;
    return l.headRows() + l.keptRows() + l.gapRows() + int(sequence - l.ringBegin);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_layout.rowCount();
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::payloadText(const Event &event, int maxChars) const
{
    if (event.payloadDropped())
        return tr("(payload dropped: the log's payload budget ran out)");
    if (event.payload.isEmpty())
        return {};
    // Render only what can be shown: at most maxChars bytes give at least
    // maxChars characters in text mode, and three times that in hex.
    const QByteArray head = event.payload.left(maxChars);
    QString text = PayloadCodec::render(head, m_payloadMode);
    const bool cut = head.size() < event.payload.size() || event.payloadTruncated()
        || text.size() > maxChars;
    if (text.size() > maxChars)
        text.truncate(maxChars);
    if (cut)
        text += QChar(0x2026); // …
    return text;
}

QString LogModel::eventText(const Event &event) const
{
    if (event.kind == EventKind::Dropped) {
        const QString count = QLocale().toString(event.droppedCount);
        return event.droppedCount == 1 ? tr("⋯ 1 event dropped here") : tr("⋯ %1 events dropped here").arg(count);
    }
    const QString name = eventKindText(event.kind);
    return event.detail.isEmpty() ? name : name + QStringLiteral(": ") + event.detail;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::ForegroundRole:
    case Qt::BackgroundRole:
    case Qt::FontRole:
    case Qt::TextAlignmentRole:
        break;
    case Qt::DecorationRole:
        if (index.column() == SideColumn)
            break;
        return {};
    default:
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() == BytesColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                             : QVariant();
    }
    const std::optional<Event> event = eventAt(index.row());
    if (!event) {
        if (role == Qt::DisplayRole && index.column() == EventColumn)
            return tr("(no longer kept)");
        return {};
    }
    const bool error = isError(*event);

    switch (role) {
    case Qt::ForegroundRole:
        if (error)
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        if (event->kind == EventKind::Dropped)
            return QBrush(QColor(0x5f, 0x63, 0x68));
        if (index.column() == ConnectionColumn && event->peerText().isEmpty())
            return QBrush(QColor(0x5f, 0x63, 0x68)); // the endpoint's own address
        if (index.column() == SideColumn)
            return QBrush(EndpointColors::colorFor(event->endpointId()));
        return {};
    case Qt::DecorationRole: {
        // The endpoint's colour as a swatch: the same square as its pane's tab.
        const int id = event->endpointId();
        if (id <= 0 || event->kind == EventKind::Dropped)
            return {};
        auto swatch = m_swatches.constFind(id);
        if (swatch == m_swatches.cend())
            swatch = m_swatches.insert(id, EndpointColors::swatch(id));
        return *swatch;
    }
    case Qt::BackgroundRole:
        if (event->kind == EventKind::Dropped)
            return QBrush(QColor(0xfe, 0xf7, 0xe0));
        return error ? QVariant(QBrush(QColor(0xfd, 0xec, 0xea))) : QVariant();
    case Qt::FontRole:
        if (index.column() == PayloadColumn)
            return error ? QFont(m_payloadFont).resolve(m_errorFont) : m_payloadFont;
        return error ? QVariant(m_errorFont) : QVariant();
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ConnectionColumn:
            if (event->localText().isEmpty())
                return event->peerText();
            return event->peerText().isEmpty()
                ? tr("local %1").arg(event->localText())
                : tr("local %1, peer %2").arg(event->localText(), event->peerText());
        case EventColumn:
            if (event->kind == EventKind::Dropped) {
                return tr("%1: the log keeps the newest %2 events, and connections, lifecycle steps and "
                          "errors longer (Limits… changes how many)")
                    .arg(eventText(*event), QLocale().toString(m_log->limits().capacity));
            }
            return eventText(*event);
        case PayloadColumn: {
            // Plain-text tooltips do not wrap: break the longer render into lines.
            const QString text = payloadText(*event, 4 * PayloadPreviewChars);
            QStringList lines;
            for (qsizetype at = 0; at < text.size(); at += 80)
                lines.append(text.mid(at, 80));
            return lines.join(QLatin1Char('\n'));
        }
        default:
            return {};
        }
    default:
        break;
    }

    switch (index.column()) {
    case TimeColumn:
        if (event->kind == EventKind::Dropped)
            return {};
        return event->wallTime().toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz"));
    case SideColumn:
        return m_endpointNames.value(event->endpointId(), event->endpointName());
    case ConnectionColumn:
        // Events of the endpoint itself (bound, listening) have no peer: show
        // where it is instead, greyed.
        if (event->peerText().isEmpty() && !event->localText().isEmpty())
            return tr("local %1").arg(event->localText());
        // The connection's id, as in the connections table: "#2 127.0.0.1:41234".
        if (event->connectionId() > 0)
            return tr("#%1 %2").arg(event->connectionId()).arg(event->peerText());
        return event->peerText();
    case EventColumn:
        return eventText(*event);
    case BytesColumn:
        return event->byteCount > 0 ? QVariant(event->byteCount) : QVariant();
    case PayloadColumn:
        return payloadText(*event, PayloadPreviewChars);
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case SideColumn: return tr("Side");
    case ConnectionColumn: return tr("Connection");
    case EventColumn: return tr("Event");
    case BytesColumn: return tr("Bytes");
    case PayloadColumn:
        return m_payloadMode == PayloadMode::Hex ? tr("Payload (hex)") : tr("Payload (text)");
    default: return {};
    }
}

} // namespace SockPlay
