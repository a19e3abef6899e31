#pragma once

#include "messagelibrary.h"

#include <QWidget>

#include <functional>

class QAction;
class QListView;
class QPushButton;

namespace SockPlay {

class ErrorLabel;
class MessageLibraryModel;

/// One pane's view of the shared message library: the list of named messages
/// and the buttons "Save current…", "Remove", "Import…", "Export…", with an
/// error line under them.
///
/// Mouse: a click loads a message (loadRequested), a double-click sends it
/// (sendRequested; the click before it loads it first), a drag reorders.
/// Keyboard (the list has focus): Enter loads, Ctrl+Enter sends, F2 renames,
/// Delete removes, Ctrl+Up / Ctrl+Down move the message. The same commands
/// are in the list's context menu.
class MessageLibraryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageLibraryView)
public:
    /// What "Save current…" saves: the pane's message as typed (its name is
    /// asked for and set here).
    using MessageProvider = std::function<SavedMessage()>;

    /// objectNamePrefix ("server", "client") names the children:
    /// <prefix>LibraryList, <prefix>LibrarySaveButton, <prefix>LibraryRemoveButton,
    /// <prefix>LibraryImportButton, <prefix>LibraryExportButton,
    /// <prefix>LibraryErrorLabel, <prefix>LibraryNameDialog (while it asks).
    MessageLibraryView(MessageLibraryModel *model, const QString &objectNamePrefix, QWidget *parent = nullptr);

    /// Enables "Save current…". Without a provider there is nothing to save.
    void setCurrentMessageProvider(MessageProvider provider);

    MessageLibraryModel *model() const { return m_model; }
    QListView *listView() const { return m_list; }
    ErrorLabel *errorLabel() const { return m_error; }

    /// The message in the current row (an empty one when there is none).
    SavedMessage currentMessage() const;

    /// What the buttons do once a file is chosen (also for a window's menu):
    /// a failure shows in the error line and changes nothing.
    bool importFile(const QString &path);
    bool exportFile(const QString &path);

signals:
    /// A click (or Enter): put this message into the editor.
    void loadRequested(const SavedMessage &message);
    /// A double-click (or Ctrl+Enter): send this message.
    void sendRequested(const SavedMessage &message);

private:
    QAction *addListAction(const QString &text, const QList<QKeySequence> &shortcuts);
    void saveCurrent();
    void removeCurrent();
    void renameCurrent();
    void moveCurrent(int by);
    void chooseImportFile();
    void chooseExportFile();
    void updateActions();
    void showResult(const Result &result);

    MessageLibraryModel *m_model = nullptr;
    MessageProvider m_provider;
    QString m_objectNamePrefix;
    QString m_side;
    QString m_lastDirectory;

    QListView *m_list = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    ErrorLabel *m_error = nullptr;

    QAction *m_loadAction = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_moveUpAction = nullptr;
    QAction *m_moveDownAction = nullptr;
    QAction *m_removeAction = nullptr;
};

} // namespace SockPlay
