#include "messagelibraryview.h"

#include "errorlabel.h"
#include "messagelibrarymodel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

QString fileFilter()
{
    return MessageLibraryView::tr("SockPlay messages (*.json);;All files (*)");
}

/// A name to offer for a new message: the start of its first line.
QString suggestedName(const SavedMessage &message, int number)
{
    constexpr int Length = 32;
    const QString firstLine = message.payload.section(u'\n', 0, 0).trimmed();
    if (firstLine.isEmpty())
        return MessageLibraryView::tr("Message %1").arg(number);
    return firstLine.size() > Length ? firstLine.left(Length) + QStringLiteral("…") : firstLine;
}

} // namespace

MessageLibraryView::MessageLibraryView(MessageLibraryModel *model, const QString &objectNamePrefix, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_objectNamePrefix(objectNamePrefix)
    , m_side(objectNamePrefix == QLatin1String("server") ? tr("Server") : tr("Client"))
    , m_lastDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    setObjectName(objectNamePrefix + QStringLiteral("LibraryView"));

    auto *hint = new QLabel(tr("Click to load, double-click to send, drag to reorder."), this);
    hint->setWordWrap(true);

    m_list = new QListView(this);
    m_list->setObjectName(objectNamePrefix + QStringLiteral("LibraryList"));
    m_list->setAccessibleName(tr("%1 message library").arg(m_side));
    m_list->setAccessibleDescription(tr("Saved messages. Enter loads, Ctrl+Enter sends, F2 renames, Delete removes, "
                                        "Ctrl+Up and Ctrl+Down move the message."));
    m_list->setModel(model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_list->setUniformItemSizes(true);
    // InternalMove: drops come from this list only, and end in moveRows.
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDropIndicatorShown(true);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_loadAction = addListAction(tr("Load into the editor"), {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_sendAction = addListAction(tr("Send"), {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_renameAction = addListAction(tr("Rename"), {QKeySequence(Qt::Key_F2)});
    m_moveUpAction = addListAction(tr("Move up"), {QKeySequence(Qt::CTRL | Qt::Key_Up)});
    m_moveDownAction = addListAction(tr("Move down"), {QKeySequence(Qt::CTRL | Qt::Key_Down)});
    m_removeAction = addListAction(tr("Remove"), {QKeySequence(QKeySequence::Delete)});

    const auto button = [&](const QString &text, const QString &name, const QString &accessibleName,
                            const QString &toolTip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(objectNamePrefix + name);
        b->setAccessibleName(accessibleName);
        b->setToolTip(toolTip);
        b->setAutoDefault(false);
        return b;
    };
    m_saveButton = button(tr("Save current…"), QStringLiteral("LibrarySaveButton"),
                          tr("%1 library: save the current message").arg(m_side),
                          tr("Keep the message in the editor under a name"));
    m_removeButton = button(tr("Remove"), QStringLiteral("LibraryRemoveButton"),
                            tr("%1 library: remove the selected message").arg(m_side),
                            tr("Remove the selected message from the library (Delete)"));
    m_importButton = button(tr("Import…"), QStringLiteral("LibraryImportButton"),
                            tr("%1 library: import messages").arg(m_side),
                            tr("Add the messages of a library file after these"));
    m_exportButton = button(tr("Export…"), QStringLiteral("LibraryExportButton"),
                            tr("%1 library: export messages").arg(m_side),
                            tr("Write the library to a file"));
    m_saveButton->setEnabled(false);

    m_error = new ErrorLabel(this);
    m_error->setObjectName(objectNamePrefix + QStringLiteral("LibraryErrorLabel"));
    m_error->setAccessibleName(tr("%1 library error").arg(m_side));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        emit loadRequested(m_model->message(index.row()));
    });
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        emit sendRequested(m_model->message(index.row()));
    });
    connect(m_loadAction, &QAction::triggered, this, [this] { emit loadRequested(currentMessage()); });
    connect(m_sendAction, &QAction::triggered, this, [this] { emit sendRequested(currentMessage()); });
    connect(m_renameAction, &QAction::triggered, this, &MessageLibraryView::renameCurrent);
    connect(m_moveUpAction, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_moveDownAction, &QAction::triggered, this, [this] { moveCurrent(+1); });
    connect(m_removeAction, &QAction::triggered, this, &MessageLibraryView::removeCurrent);
    connect(m_saveButton, &QPushButton::clicked, this, &MessageLibraryView::saveCurrent);
    connect(m_removeButton, &QPushButton::clicked, this, &MessageLibraryView::removeCurrent);
    connect(m_importButton, &QPushButton::clicked, this, &MessageLibraryView::chooseImportFile);
    connect(m_exportButton, &QPushButton::clicked, this, &MessageLibraryView::chooseExportFile);

    connect(m_model, &MessageLibraryModel::changeRefused, m_error, &ErrorLabel::showError);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &MessageLibraryView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MessageLibraryView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MessageLibraryView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &MessageLibraryView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MessageLibraryView::updateActions);
    updateActions();

    if (!m_model->loadError().isEmpty())
        m_error->showError(m_model->loadError());
}

QAction *MessageLibraryView::addListAction(const QString &text, const QList<QKeySequence> &shortcuts)
{
    // Shortcuts of the list alone: Enter in another widget is not a load.
    auto *action = new QAction(text, m_list);
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(action);
    return action;
}

void MessageLibraryView::setCurrentMessageProvider(MessageProvider provider)
{
    m_provider = std::move(provider);
    m_saveButton->setEnabled(bool(m_provider));
}

SavedMessage MessageLibraryView::currentMessage() const
{
    return m_model->message(m_list->currentIndex().row());
}

void MessageLibraryView::showResult(const Result &result)
{
    if (result)
        m_error->clearError();
    else
        m_error->showError(result.error);
}

void MessageLibraryView::saveCurrent()
{
    if (!m_provider)
        return;
    SavedMessage message = m_provider();
    // Said before a name is asked for: there is no point naming what cannot be sent.
    if (const ParseResult bytes = message.bytes(); !bytes.ok) {
        m_error->showError(tr("Cannot save the message: %1").arg(bytes.error));
        return;
    }
    QInputDialog dialog(this);
    dialog.setObjectName(m_objectNamePrefix + QStringLiteral("LibraryNameDialog"));
    dialog.setAccessibleName(tr("Name of the message to save"));
    dialog.setWindowTitle(tr("Save message"));
    dialog.setLabelText(tr("Name:"));
    dialog.setTextValue(suggestedName(message, m_model->rowCount() + 1));
    if (dialog.exec() != QDialog::Accepted)
        return;
    message.name = dialog.textValue().trimmed();
    const Result added = m_model->add(message);
    showResult(added);
    if (added)
        m_list->setCurrentIndex(m_model->index(m_model->rowCount() - 1));
}

void MessageLibraryView::removeCurrent()
{
    const int row = m_list->currentIndex().row();
    if (row < 0)
        return;
    const Result removed = m_model->remove(row);
    showResult(removed);
    if (removed && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(qMin(row, m_model->rowCount() - 1)));
}

void MessageLibraryView::renameCurrent()
{
    if (m_list->currentIndex().isValid())
        m_list->edit(m_list->currentIndex());
}

void MessageLibraryView::moveCurrent(int by)
{
    const int row = m_list->currentIndex().row();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return;
    if (m_model->moveMessage(row, to)) {
        m_error->clearError();
        m_list->setCurrentIndex(m_model->index(to));
    }
}

bool MessageLibraryView::importFile(const QString &path)
{
    const int before = m_model->rowCount();
    const Result imported = m_model->importFile(path);
    showResult(imported);
    if (imported && m_model->rowCount() > before)
        m_list->setCurrentIndex(m_model->index(before));
    return imported.ok;
}

bool MessageLibraryView::exportFile(const QString &path)
{
    const Result exported = m_model->exportFile(path);
    showResult(exported);
    return exported.ok;
}

void MessageLibraryView::chooseImportFile()
{
    QFileDialog dialog(this, tr("Import messages"), m_lastDirectory, fileFilter());
    dialog.setObjectName(m_objectNamePrefix + QStringLiteral("LibraryFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    m_lastDirectory = QFileInfo(path).absolutePath();
    importFile(path);
}

void MessageLibraryView::chooseExportFile()
{
    QFileDialog dialog(this, tr("Export messages"), m_lastDirectory, fileFilter());
    dialog.setObjectName(m_objectNamePrefix + QStringLiteral("LibraryFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("json"));
    dialog.selectFile(QStringLiteral("messages.json"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    m_lastDirectory = QFileInfo(path).absolutePath();
    exportFile(path);
}

void MessageLibraryView::updateActions()
{
    const int row = m_list->currentIndex().row();
    const int count = m_model->rowCount();
    const bool current = row >= 0;
    m_loadAction->setEnabled(current);
    m_sendAction->setEnabled(current);
    m_renameAction->setEnabled(current);
    m_removeAction->setEnabled(current);
    m_removeButton->setEnabled(current);
    m_moveUpAction->setEnabled(current && row > 0);
    m_moveDownAction->setEnabled(current && row < count - 1);
    m_exportButton->setEnabled(count > 0);
}

} // namespace SockPlay
