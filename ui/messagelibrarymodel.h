#pragma once

#include "messagelibrary.h"
#include "result.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace SockPlay {

/// The message library as a list model, one row per SavedMessage, kept on
/// disk: every change is written at once (QSaveFile) to the file it was
/// loaded from. One model is shared by every view of the library (the server
/// and the client pane each show it).
///
/// Every change is written before the rows change: when the file cannot be
/// written, the change is refused with the reason and the rows stay as the
/// file has them.
///
/// A file that cannot be read at start leaves the library empty and the file
/// untouched, with the reason in loadError(); only when the user changes the
/// library is the broken file moved aside (to "<path>.broken") and a new one
/// written, so nothing the user made is lost silently.
///
/// Rows reorder by drag and drop within a view (moveRows; mime data carries
/// the rows) and by moveMessage(). The model has no insertRows/removeRows on
/// purpose: a view that finishes a move drag by removing the source rows
/// finds nothing to remove, so a drop can never lose a message.
class MessageLibraryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageLibraryModel)
public:
    /// The mime type of dragged rows (only this model accepts them back).
    static constexpr QLatin1String MimeType{"application/x-sockplay-message-rows"};

    /// The library at MessageLibrary::standardPath().
    explicit MessageLibraryModel(QObject *parent = nullptr);
    /// The library at path (tests, or a portable setup).
    explicit MessageLibraryModel(const QString &path, QObject *parent = nullptr);

    QString path() const { return m_path; }
    /// Why the file could not be loaded at start, as a sentence for the user
    /// (empty: it loaded, or there was none yet).
    QString loadError() const { return m_loadError; }

    QList<SavedMessage> messages() const { return m_messages; }
    /// The message in a row (an empty one outside the rows).
    SavedMessage message(int row) const;

    /// Appends a message; refuses one that MessageLibrary::validate() refuses
    /// (the library unchanged) or when the library is full.
    Result add(const SavedMessage &message);
    Result remove(int row);
    Result rename(int row, const QString &name);
    /// Moves the message at row from to row to (counted after the move).
    bool moveMessage(int from, int to);
    /// Every message at once; refuses the whole list if one message is refused.
    Result replaceAll(const QList<SavedMessage> &messages);
    /// Appends every message of a library file after the ones there are (an
    /// import never loses what the user has). A file that does not read, or
    /// one that would overfill the library, changes nothing.
    Result importFile(const QString &path);
    /// Writes the library to another file.
    Result exportFile(const QString &path) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    /// DisplayRole and EditRole: the name. ToolTipRole: mode, line ending,
    /// size and the payload as typed (shortened).
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// EditRole renames (an editor's F2).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    /// Moves the dragged rows to row (-1: the end), in their order.
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

signals:
    /// A change through the item-model API (a rename by an editor, a drag) was
    /// refused: a bad name, or the file could not be written. Those calls
    /// return only a bool; this carries the reason, for the user.
    void changeRefused(const QString &error);

private:
    void load();
    /// Writes messages to the file (moving an unreadable one aside first).
    /// Every change goes through here before the rows change, so the rows
    /// always say what the file says.
    Result store(const QList<SavedMessage> &messages);
    QList<int> decodeRows(const QMimeData *data) const;

    const QString m_path;
    QList<SavedMessage> m_messages;
    QString m_loadError;
    /// The file at m_path did not load: move it aside before writing over it.
    bool m_keepBrokenFile = false;
};

} // namespace SockPlay
