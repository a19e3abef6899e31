#include "logmodel.h"

#include "eventlog.h"

#include <QBrush>
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
        m_first = m_log->firstSequence();
        m_next = m_first + quint64(m_log->size());
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

void LogModel::onEventsChanged(quint64 firstSequence, quint64 nextSequence)
{
    if (firstSequence == m_first && nextSequence == m_next)
        return;
    emit batchAboutToBeApplied();

    // Evicted (or cleared) events leave from the top.
    if (firstSequence > m_first && m_next > m_first) {
        const quint64 gone = qMin(firstSequence, m_next) - m_first;
        if (gone > 0) {
            beginRemoveRows({}, 0, int(gone - 1));
            m_first += gone;
            endRemoveRows();
        }
    }
    if (m_first == m_next) {
        // Nothing shown: start where the log starts now.
        m_first = m_next = qMax(m_first, firstSequence);
    }
    // New events arrive at the bottom.
    if (nextSequence > m_next) {
        const int firstRow = int(m_next - m_first);
        const int lastRow = int(nextSequence - m_first) - 1;
        beginInsertRows({}, firstRow, lastRow);
        m_next = nextSequence;
        endInsertRows();
    }
    m_cachedSequence = 0;
    emit batchApplied();
}

std::optional<Event> LogModel::eventAt(int row) const
{
    if (!m_log || row < 0 || row >= rowCount())
        return std::nullopt;
    const quint64 sequence = m_first + quint64(row);
    if (sequence == m_cachedSequence)
        return m_cached;
    const quint64 logFirst = m_log->firstSequence();
    if (sequence < logFirst)
        return std::nullopt;
    const quint64 logIndex = sequence - logFirst;
    if (logIndex >= quint64(m_log->size()))
        return std::nullopt;
    Event event = m_log->at(int(logIndex));
    // Another thread may have appended (and evicted) between the two calls.
    if (event.sequence != sequence)
        return std::nullopt;
    m_cachedSequence = sequence;
    m_cached = event;
    return event;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_next - m_first);
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::payloadText(const Event &event, int maxChars) const
{
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
    const QString name = eventKindName(event.kind);
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
        if (index.column() == ConnectionColumn && event->peerAddress.isEmpty())
            return QBrush(QColor(0x80, 0x86, 0x8b)); // the endpoint's own address
        if (index.column() == SideColumn)
            return QBrush(event->endpointName == QLatin1String("server") ? QColor(0x15, 0x65, 0xc0)
                                                                       : QColor(0x2e, 0x7d, 0x32));
        return {};
    case Qt::BackgroundRole:
        return error ? QVariant(QBrush(QColor(0xfd, 0xec, 0xea))) : QVariant();
    case Qt::FontRole:
        if (index.column() == PayloadColumn)
            return error ? QFont(m_payloadFont).resolve(m_errorFont) : m_payloadFont;
        return error ? QVariant(m_errorFont) : QVariant();
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ConnectionColumn:
            if (event->localAddress.isEmpty())
                return event->peerAddress;
            return event->peerAddress.isEmpty()
                ? tr("local %1").arg(event->localAddress)
                : tr("local %1, peer %2").arg(event->localAddress, event->peerAddress);
        case EventColumn:
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
        return event->wallTime.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz"));
    case SideColumn:
        return event->endpointName;
    case ConnectionColumn:
        // Events of the endpoint itself (bound, listening) have no peer: show
        // where it is instead, greyed.
        if (event->peerAddress.isEmpty() && !event->localAddress.isEmpty())
            return tr("local %1").arg(event->localAddress);
        return event->peerAddress;
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
