#include "messagelibrarymodel.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QLoggingCategory>
#include <QMimeData>
#include <QPersistentModelIndex>

#include <algorithm>

namespace SockPlay {

Q_LOGGING_CATEGORY(lcLibrary, "sockplay.ui.library")

namespace {

QString modeTitle(PayloadMode mode)
{
    switch (mode) {
    case PayloadMode::Text: return MessageLibraryModel::tr("Text");
    case PayloadMode::Hex: return MessageLibraryModel::tr("Hex");
    case PayloadMode::Base64: return MessageLibraryModel::tr("Base64");
    }
    Q_UNREACHABLE();
}

QString lineEndingTitle(LineEnding ending)
{
    switch (ending) {
    case LineEnding::None: return MessageLibraryModel::tr("no line ending");
    case LineEnding::Lf: return MessageLibraryModel::tr("LF");
    case LineEnding::CrLf: return MessageLibraryModel::tr("CRLF");
    }
    Q_UNREACHABLE();
}

/// The payload as typed, in a few lines of at most 64 characters, so that a
/// tooltip stays the size of a tooltip whatever the payload.
QString preview(const QString &payload)
{
    constexpr int Width = 64;
    constexpr int Lines = 4;
    QStringList lines;
    for (int i = 0; i < Lines && i * Width < payload.size(); ++i)
        lines.append(payload.mid(i * Width, Width));
    if (payload.size() > Width * Lines)
        lines.last() += QStringLiteral("…");
    return lines.join(u'\n');
}

} // namespace

MessageLibraryModel::MessageLibraryModel(QObject *parent)
    : MessageLibraryModel(MessageLibrary::standardPath(), parent)
{
}

MessageLibraryModel::MessageLibraryModel(const QString &path, QObject *parent)
    : QAbstractListModel(parent)
    , m_path(path)
{
    load();
}

void MessageLibraryModel::load()
{
    if (!QFile::exists(m_path))
        return; // no library yet: the first message saved makes one
    MessageLibraryRead read = MessageLibrary::readFile(m_path);
    if (!read.ok) {
        m_keepBrokenFile = true;
        m_loadError = tr("The message library could not be loaded (%1). It starts empty; the file stays as it is "
                         "until you change the library, then it is kept as %2.")
                          .arg(read.error, QDir::toNativeSeparators(m_path + QStringLiteral(".broken")));
        qCWarning(lcLibrary, "%s", qPrintable(read.error));
        return;
    }
    m_messages = std::move(read.messages);
}

Result MessageLibraryModel::store(const QList<SavedMessage> &messages)
{
    // Disk first: the rows change only once the file says what they say.
    if (m_keepBrokenFile && QFile::exists(m_path)) {
        const QString aside = m_path + QStringLiteral(".broken");
        QFile::remove(aside);
        QFile broken(m_path);
        if (!broken.rename(aside)) {
            const QString error = tr("Cannot keep the unreadable library as %1: %2")
                                      .arg(QDir::toNativeSeparators(aside), broken.errorString());
            qCWarning(lcLibrary, "%s", qPrintable(error));
            return Result::failure(error);
        }
    }
    const Result written = MessageLibrary::writeFile(m_path, messages);
    if (!written) {
        const QString error = tr("Cannot save the message library: %1").arg(written.error);
        qCWarning(lcLibrary, "%s", qPrintable(error));
        return Result::failure(error);
    }
    m_keepBrokenFile = false;
    return Result::success();
}

SavedMessage MessageLibraryModel::message(int row) const
{
    return row >= 0 && row < m_messages.size() ? m_messages.at(row) : SavedMessage{};
}

Result MessageLibraryModel::add(const SavedMessage &message)
{
    if (const Result valid = MessageLibrary::validate(message); !valid)
        return valid;
    if (m_messages.size() >= MessageLibrary::MaxMessages)
        return Result::failure(tr("The library is full (%1 messages).").arg(MessageLibrary::MaxMessages));
    QList<SavedMessage> next = m_messages;
    next.append(message);
    if (const Result stored = store(next); !stored)
        return stored;
    beginInsertRows({}, int(m_messages.size()), int(m_messages.size()));
    m_messages = std::move(next);
    endInsertRows();
    return Result::success();
}

Result MessageLibraryModel::remove(int row)
{
    if (row < 0 || row >= m_messages.size())
        return Result::failure(tr("There is no message %1 to remove.").arg(row + 1));
    QList<SavedMessage> next = m_messages;
    next.removeAt(row);
    if (const Result stored = store(next); !stored)
        return stored;
    beginRemoveRows({}, row, row);
    m_messages = std::move(next);
    endRemoveRows();
    return Result::success();
}

Result MessageLibraryModel::rename(int row, const QString &name)
{
    if (row < 0 || row >= m_messages.size())
        return Result::failure(tr("There is no message %1 to rename.").arg(row + 1));
    if (m_messages.at(row).name == name)
        return Result::success();
    QList<SavedMessage> next = m_messages;
    next[row].name = name;
    if (const Result valid = MessageLibrary::validate(next.at(row)); !valid)
        return valid;
    if (const Result stored = store(next); !stored)
        return stored;
    m_messages = std::move(next);
    emit dataChanged(index(row), index(row));
    return Result::success();
}

bool MessageLibraryModel::moveMessage(int from, int to)
{
    // moveRows counts the destination before the move: one further down.
    return moveRows({}, from, 1, {}, to > from ? to + 1 : to);
}

Result MessageLibraryModel::replaceAll(const QList<SavedMessage> &messages)
{
    if (const Result stored = store(messages); !stored)
        return stored;
    beginResetModel();
    m_messages = messages;
    endResetModel();
    return Result::success();
}

Result MessageLibraryModel::importFile(const QString &path)
{
    const MessageLibraryRead read = MessageLibrary::readFile(path);
    if (!read.ok)
        return Result::failure(tr("Cannot import %1").arg(read.error));
    if (read.messages.isEmpty())
        return Result::success();
    if (m_messages.size() + read.messages.size() > MessageLibrary::MaxMessages)
        return Result::failure(tr("Cannot import %1: its %2 messages and the %3 in the library are more than %4.")
                                   .arg(QDir::toNativeSeparators(path))
                                   .arg(read.messages.size())
                                   .arg(m_messages.size())
                                   .arg(MessageLibrary::MaxMessages));
    const QList<SavedMessage> next = m_messages + read.messages;
    if (const Result stored = store(next); !stored)
        return stored;
    beginInsertRows({}, int(m_messages.size()), int(next.size() - 1));
    m_messages = next;
    endInsertRows();
    return Result::success();
}

Result MessageLibraryModel::exportFile(const QString &path) const
{
    const Result written = MessageLibrary::writeFile(path, m_messages);
    if (!written)
        return Result::failure(tr("Cannot export: %1").arg(written.error));
    return Result::success();
}

int MessageLibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant MessageLibraryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SavedMessage &message = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return message.name;
    case Qt::ToolTipRole: {
        const ParseResult bytes = message.bytes();
        QString title = modeTitle(message.mode);
        if (message.mode == PayloadMode::Text)
            title += QStringLiteral(" + ") + lineEndingTitle(message.lineEnding);
        title += QStringLiteral(", ") + (!bytes.ok                     ? bytes.error
                                  : bytes.bytes.size() == 1 ? tr("1 byte")
                                                            : tr("%1 bytes").arg(bytes.bytes.size()));
        return message.payload.isEmpty() ? title : title + u'\n' + preview(message.payload);
    }
    default:
        return {};
    }
}

bool MessageLibraryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Result renamed = rename(index.row(), value.toString());
    if (!renamed)
        emit changeRefused(renamed.error);
    return renamed.ok;
}

Qt::ItemFlags MessageLibraryModel::flags(const QModelIndex &index) const
{
    // Drops land between rows (the root accepts them), never on a row.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemIsDragEnabled
           | Qt::ItemNeverHasChildren;
}

Qt::DropActions MessageLibraryModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions MessageLibraryModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList MessageLibraryModel::mimeTypes() const
{
    return {MimeType};
}

QMimeData *MessageLibraryModel::mimeData(const QModelIndexList &indexes) const
{
    // The model's address says "these rows are mine": rows mean nothing to another model.
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << quint64(quintptr(this));
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this && !rows.contains(index.row()))
            rows.append(index.row());
    }
    stream << rows;
    auto *data = new QMimeData;
    data->setData(MimeType, encoded);
    return data;
}

QList<int> MessageLibraryModel::decodeRows(const QMimeData *data) const
{
    if (!data || !data->hasFormat(MimeType))
        return {};
    QDataStream stream(data->data(MimeType));
    quint64 owner = 0;
    QList<int> rows;
    stream >> owner >> rows;
    if (stream.status() != QDataStream::Ok || owner != quint64(quintptr(this)))
        return {};
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.isEmpty() || rows.first() < 0 || rows.last() >= m_messages.size())
        return {};
    return rows;
}

bool MessageLibraryModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int column,
                                          const QModelIndex &) const
{
    return action == Qt::MoveAction && column <= 0 && !decodeRows(data).isEmpty();
}

bool MessageLibraryModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                       const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // Dropped on a row rather than between two: in front of it.
    int destination = parent.isValid() ? parent.row() : (row < 0 || row > m_messages.size() ? int(m_messages.size()) : row);
    QList<QPersistentModelIndex> moving;
    for (int source : decodeRows(data))
        moving.append(QPersistentModelIndex(index(source)));
    // One row at a time, as QListView does: the dropped rows end up together, in their order.
    for (const QPersistentModelIndex &source : std::as_const(moving)) {
        const int from = source.row();
        if (destination != from && destination != from + 1 && !moveRows({}, from, 1, {}, destination))
            return false;
        destination = source.row() + 1;
    }
    return true;
}

bool MessageLibraryModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                   const QModelIndex &destinationParent, int destinationChild)
{
    const int size = int(m_messages.size());
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0
        || sourceRow + count > size || destinationChild < 0 || destinationChild > size)
        return false;
    if (destinationChild >= sourceRow && destinationChild <= sourceRow + count)
        return false; // onto itself: nothing moves
    QList<SavedMessage> next = m_messages;
    const QList<SavedMessage> block = next.mid(sourceRow, count);
    next.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        next.insert(insertAt + i, block.at(i));
    if (const Result stored = store(next); !stored) {
        emit changeRefused(stored.error);
        return false;
    }
    beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild);
    m_messages = std::move(next);
    endMoveRows();
    return true;
}

} // namespace SockPlay
