// The message library as a user meets it: a model kept in a file (injected
// path in a temporary folder), and the view driven by real clicks, double
// clicks and keys, offscreen. Drags are driven through the model's
// mimeData/dropMimeData, as a list view does on a drop.
#include "errorlabel.h"
#include "messagelibrarymodel.h"
#include "messagelibraryview.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

using namespace SockPlay;

namespace {

SavedMessage message(const char *name, PayloadMode mode = PayloadMode::Text, const char *payload = "x",
                     LineEnding ending = LineEnding::Lf)
{
    return {QString::fromUtf8(name), mode, QString::fromUtf8(payload), ending};
}

/// The names a view shows, in order: "b c a".
QString names(const MessageLibraryModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row).data().toString());
    return list.join(u' ');
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

const QByteArray BrokenLibrary = R"({"format": "sockplay-messages", "version": 1, "messages": [
    {"name": "fine", "mode": "text", "payload": "ok", "lineEnding": "lf"},
    {"name": "bad", "mode": "hex", "payload": "4g", "lineEnding": "none"}]})";

} // namespace

class TestUiMessageLibrary : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addedMessagesPersist();
    void saveCurrentAsksANameAndKeepsTheEditorsMessage();
    void saveCurrentRefusesAPayloadThatDoesNotParse();
    void dragDataReordersAndPersists();
    void dropCannotLoseAMessage();
    void ctrlDownAndCtrlUpMoveTheSelectedMessage();
    void clickLoadsAndDoubleClickSends();
    void enterLoadsCtrlEnterSendsDeleteRemoves();
    void f2RenamesAndARefusedNameSaysWhy();
    void brokenImportShowsTheErrorAndChangesNothing();
    void importButtonAppendsAndExportWritesALibrary();
    void brokenLibraryAtStartIsReportedAndNotOverwritten();
    void unwritableLibraryRefusesTheChange();
    void oneModelManyViewsAndEveryControlNamed();

private:
    /// A view on m_model in a small shown window, as a pane holds it.
    MessageLibraryView *showView();
    QListView *list() const { return m_view->listView(); }
    void clickRow(int row, bool twice = false);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<MessageLibraryModel> m_model;
    std::unique_ptr<QWidget> m_window;
    MessageLibraryView *m_view = nullptr;
};

void TestUiMessageLibrary::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("app/messages.json"));
    m_model = std::make_unique<MessageLibraryModel>(m_path);
}

void TestUiMessageLibrary::cleanup()
{
    m_window.reset();
    m_view = nullptr;
    m_model.reset();
    m_dir.reset();
}

MessageLibraryView *TestUiMessageLibrary::showView()
{
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    auto *before = new QLineEdit(m_window.get());
    before->setObjectName(QStringLiteral("before"));
    layout->addWidget(before);
    m_view = new MessageLibraryView(m_model.get(), QStringLiteral("server"), m_window.get());
    layout->addWidget(m_view);
    m_window->resize(420, 360);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    return m_view;
}

void TestUiMessageLibrary::clickRow(int row, bool twice)
{
    const QPoint at = list()->visualRect(m_model->index(row)).center();
    // A double click arrives as press, release, double-click, release:
    // QTest::mouseDClick sends the last two only.
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, at);
    if (twice)
        QTest::mouseDClick(list()->viewport(), Qt::LeftButton, {}, at);
}

void TestUiMessageLibrary::addedMessagesPersist()
{
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->loadError().isEmpty()); // no file yet is no error
    const QList<SavedMessage> kept{message("ping", PayloadMode::Text, "PING", LineEnding::CrLf),
                                   message("bytes", PayloadMode::Hex, "de ad", LineEnding::None),
                                   message("b64", PayloadMode::Base64, "SGk=", LineEnding::None)};
    for (const SavedMessage &m : kept)
        QVERIFY(m_model->add(m).ok);
    QVERIFY(QFile::exists(m_path)); // the folder was made
    QCOMPARE(MessageLibraryModel(m_path).messages(), kept);
    QVERIFY(m_model->rename(1, QStringLiteral("dead")).ok);

    MessageLibraryModel reloaded(m_path);
    QVERIFY(reloaded.loadError().isEmpty());
    QList<SavedMessage> expected = kept;
    expected[1].name = QStringLiteral("dead");
    QCOMPARE(reloaded.messages(), expected);
    QVERIFY(reloaded.index(0).data(Qt::ToolTipRole).toString().contains(QLatin1String("6 bytes")));
}

void TestUiMessageLibrary::saveCurrentAsksANameAndKeepsTheEditorsMessage()
{
    showView();
    auto *save = m_view->findChild<QPushButton *>(QStringLiteral("serverLibrarySaveButton"));
    QVERIFY(save);
    QVERIFY(!save->isEnabled()); // nothing to save from yet
    m_view->setCurrentMessageProvider([] { return message("", PayloadMode::Hex, "48 69", LineEnding::None); });
    QVERIFY(save->isEnabled());

    QString offered;
    QTimer::singleShot(0, this, [&offered] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("serverLibraryNameDialog"));
        offered = dialog->textValue();
        dialog->setTextValue(QStringLiteral("  greeting  "));
        dialog->accept();
    });
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(offered, QStringLiteral("48 69"));
    QCOMPARE(m_model->messages(), QList<SavedMessage>{message("greeting", PayloadMode::Hex, "48 69", LineEnding::None)});
    QCOMPARE(list()->currentIndex().row(), 0);
    QCOMPARE(MessageLibraryModel(m_path).messages(), m_model->messages());
}

void TestUiMessageLibrary::saveCurrentRefusesAPayloadThatDoesNotParse()
{
    showView();
    m_view->setCurrentMessageProvider([] { return message("", PayloadMode::Hex, "4g"); });
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            asked = true;
            dialog->reject();
        }
    });
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("serverLibrarySaveButton")), Qt::LeftButton);
    QVERIFY(!asked);
    QVERIFY(m_view->errorLabel()->isVisible());
    QVERIFY2(m_view->errorLabel()->text().contains(QLatin1String("invalid hex at character 2")),
             qPrintable(m_view->errorLabel()->text()));
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!QFile::exists(m_path));
}

void TestUiMessageLibrary::dragDataReordersAndPersists()
{
    for (const char *name : {"a", "b", "c", "d"})
        QVERIFY(m_model->add(message(name)).ok);
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    // "a" dropped below "c" (between c and d): row 3 counted before the move.
    std::unique_ptr<QMimeData> data(m_model->mimeData({m_model->index(0)}));
    QVERIFY(data->hasFormat(MessageLibraryModel::MimeType));
    QVERIFY(m_model->canDropMimeData(data.get(), Qt::MoveAction, 3, 0, {}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, 3, 0, {}));
    QCOMPARE(names(*m_model), QStringLiteral("b c a d"));
    QCOMPARE(moved.size(), 1); // a move, not a reset: views keep their selection
    QCOMPARE(reset.size(), 0);

    // Dropped below everything (row -1), then onto its own place (nothing moves).
    data.reset(m_model->mimeData({m_model->index(0)}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, -1, 0, {}));
    QCOMPARE(names(*m_model), QStringLiteral("c a d b"));
    data.reset(m_model->mimeData({m_model->index(1)}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, 2, 0, {}));
    QCOMPARE(names(*m_model), QStringLiteral("c a d b"));

    QCOMPARE(names(MessageLibraryModel(m_path)), QStringLiteral("c a d b"));
}

void TestUiMessageLibrary::dropCannotLoseAMessage()
{
    for (const char *name : {"a", "b", "c"})
        QVERIFY(m_model->add(message(name)).ok);
    // Rows from another model (another window's library) mean nothing here.
    MessageLibraryModel other(m_dir->filePath(QStringLiteral("other.json")));
    QVERIFY(other.add(message("z")).ok);
    std::unique_ptr<QMimeData> foreign(other.mimeData({other.index(0)}));
    QVERIFY(!m_model->canDropMimeData(foreign.get(), Qt::MoveAction, 0, 0, {}));
    QVERIFY(!m_model->dropMimeData(foreign.get(), Qt::MoveAction, 0, 0, {}));
    // Rows out of range, and a copy (the library moves, never duplicates), are refused.
    std::unique_ptr<QMimeData> stale(m_model->mimeData({m_model->index(2)}));
    QVERIFY(m_model->remove(2).ok);
    QVERIFY(!m_model->dropMimeData(stale.get(), Qt::MoveAction, 0, 0, {}));
    std::unique_ptr<QMimeData> data(m_model->mimeData({m_model->index(0)}));
    QVERIFY(!m_model->dropMimeData(data.get(), Qt::CopyAction, 2, 0, {}));
    // After a move drop a view removes the dragged rows unless the model
    // refuses: it must, or the moved message would be deleted.
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, 2, 0, {}));
    QVERIFY(!m_model->removeRows(0, 1));
    QCOMPARE(names(*m_model), QStringLiteral("b a"));
}

void TestUiMessageLibrary::ctrlDownAndCtrlUpMoveTheSelectedMessage()
{
    for (const char *name : {"a", "b", "c"})
        QVERIFY(m_model->add(message(name)).ok);
    showView();
    // Tab from the widget before it reaches the list.
    m_window->findChild<QLineEdit *>(QStringLiteral("before"))->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), list());

    list()->setCurrentIndex(m_model->index(0));
    QTest::keyClick(list(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(names(*m_model), QStringLiteral("b a c"));
    QCOMPARE(list()->currentIndex().row(), 1); // the moved message stays selected
    QTest::keyClick(list(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(names(*m_model), QStringLiteral("b c a"));
    QTest::keyClick(list(), Qt::Key_Down, Qt::ControlModifier); // already last
    QCOMPARE(names(*m_model), QStringLiteral("b c a"));
    QTest::keyClick(list(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(names(*m_model), QStringLiteral("b a c"));
    QCOMPARE(list()->currentIndex().row(), 1);
    QCOMPARE(names(MessageLibraryModel(m_path)), QStringLiteral("b a c"));
}

void TestUiMessageLibrary::clickLoadsAndDoubleClickSends()
{
    QVERIFY(m_model->add(message("first")).ok);
    QVERIFY(m_model->add(message("second", PayloadMode::Hex, "02", LineEnding::None)).ok);
    showView();
    QSignalSpy loads(m_view, &MessageLibraryView::loadRequested);
    QSignalSpy sends(m_view, &MessageLibraryView::sendRequested);

    clickRow(1);
    QCOMPARE(loads.size(), 1);
    QCOMPARE(loads.last().at(0).value<SavedMessage>(), message("second", PayloadMode::Hex, "02", LineEnding::None));
    QCOMPARE(sends.size(), 0); // a click never sends

    clickRow(0, true);
    QCOMPARE(sends.size(), 1);
    QCOMPARE(sends.last().at(0).value<SavedMessage>(), message("first"));
    // Its first click loaded the message the double-click sends.
    QCOMPARE(loads.size(), 2);
    QCOMPARE(loads.last().at(0).value<SavedMessage>(), message("first"));
}

void TestUiMessageLibrary::enterLoadsCtrlEnterSendsDeleteRemoves()
{
    for (const char *name : {"a", "b", "c"})
        QVERIFY(m_model->add(message(name)).ok);
    showView();
    QSignalSpy loads(m_view, &MessageLibraryView::loadRequested);
    QSignalSpy sends(m_view, &MessageLibraryView::sendRequested);
    list()->setFocus();
    list()->setCurrentIndex(m_model->index(1));

    QTest::keyClick(list(), Qt::Key_Return);
    QCOMPARE(loads.size(), 1);
    QCOMPARE(loads.last().at(0).value<SavedMessage>().name, QStringLiteral("b"));
    QCOMPARE(sends.size(), 0);
    QTest::keyClick(list(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(sends.size(), 1);
    QCOMPARE(sends.last().at(0).value<SavedMessage>().name, QStringLiteral("b"));
    QCOMPARE(loads.size(), 1);

    QTest::keyClick(list(), Qt::Key_Delete);
    QCOMPARE(names(*m_model), QStringLiteral("a c"));
    QCOMPARE(list()->currentIndex().row(), 1); // the next message is ready for the next Delete
    QCOMPARE(names(MessageLibraryModel(m_path)), QStringLiteral("a c"));
}

void TestUiMessageLibrary::f2RenamesAndARefusedNameSaysWhy()
{
    QVERIFY(m_model->add(message("old")).ok);
    showView();
    list()->setFocus();
    list()->setCurrentIndex(m_model->index(0));

    QTest::keyClick(list(), Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("old"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("new name"));
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next pass of the event loop
    QTRY_COMPARE(names(*m_model), QStringLiteral("new name"));
    QCOMPARE(names(MessageLibraryModel(m_path)), QStringLiteral("new name"));

    QTRY_COMPARE(QApplication::focusWidget(), list());
    QTest::keyClick(list(), Qt::Key_F2);
    editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(m_view->errorLabel()->isVisible());
    QCOMPARE(names(*m_model), QStringLiteral("new name"));
    QVERIFY2(m_view->errorLabel()->text().contains(QLatin1String("\"name\" is empty")),
             qPrintable(m_view->errorLabel()->text()));
}

void TestUiMessageLibrary::brokenImportShowsTheErrorAndChangesNothing()
{
    QVERIFY(m_model->add(message("mine")).ok);
    const QByteArray before = contents(m_path);
    showView();
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const QString broken = m_dir->filePath(QStringLiteral("broken.json"));
    write(broken, BrokenLibrary);

    QVERIFY(!m_view->importFile(broken));
    QVERIFY(m_view->errorLabel()->isVisible());
    const QString error = m_view->errorLabel()->text();
    QVERIFY2(error.contains(broken) && error.contains(QLatin1String("message 2 (\"bad\"): \"payload\" is not valid hex")),
             qPrintable(error));
    QCOMPARE(names(*m_model), QStringLiteral("mine")); // not even "fine", the good entry before it
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(contents(m_path), before);

    // The next thing that works clears the error.
    QVERIFY(m_view->exportFile(m_dir->filePath(QStringLiteral("out.json"))));
    QVERIFY(!m_view->errorLabel()->isVisible());
}

void TestUiMessageLibrary::importButtonAppendsAndExportWritesALibrary()
{
    QVERIFY(m_model->add(message("one")).ok);
    QVERIFY(m_model->add(message("two")).ok);
    showView();
    const QString exported = m_dir->filePath(QStringLiteral("exported.json"));
    const auto answerFileDialog = [this](const QString &path) {
        QTimer::singleShot(0, this, [path] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("serverLibraryFileDialog"));
            SockPlay::Test::chooseInFileDialog(dialog, path);
        });
    };
    answerFileDialog(exported);
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("serverLibraryExportButton")), Qt::LeftButton);
    const MessageLibraryRead read = MessageLibrary::readFile(exported);
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.messages, m_model->messages());

    answerFileDialog(exported);
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("serverLibraryImportButton")), Qt::LeftButton);
    QCOMPARE(names(*m_model), QStringLiteral("one two one two")); // appended, nothing replaced
    QCOMPARE(list()->currentIndex().row(), 2); // the first imported message
    QVERIFY(!m_view->errorLabel()->isVisible());
    QCOMPARE(names(MessageLibraryModel(m_path)), names(*m_model));
}

void TestUiMessageLibrary::brokenLibraryAtStartIsReportedAndNotOverwritten()
{
    const QString path = m_dir->filePath(QStringLiteral("messages.json"));
    write(path, BrokenLibrary);
    MessageLibraryModel model(path);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY2(model.loadError().contains(QLatin1String("message 2 (\"bad\")")), qPrintable(model.loadError()));
    QVERIFY(model.loadError().contains(path));

    MessageLibraryView view(&model, QStringLiteral("client"));
    view.show();
    QVERIFY(view.errorLabel()->isVisible());
    QCOMPARE(view.errorLabel()->text(), model.loadError());
    QCOMPARE(contents(path), BrokenLibrary); // loading and showing wrote nothing

    // The user's first change writes a new library and keeps the old file aside.
    QVERIFY(model.add(message("new")).ok);
    QCOMPARE(contents(path + QStringLiteral(".broken")), BrokenLibrary);
    QCOMPARE(names(MessageLibraryModel(path)), QStringLiteral("new"));
}

void TestUiMessageLibrary::unwritableLibraryRefusesTheChange()
{
    // A file where the library's folder should be: nothing can be written there.
    write(m_dir->filePath(QStringLiteral("blocked")), "a file, not a folder");
    MessageLibraryModel model(m_dir->filePath(QStringLiteral("blocked/messages.json")));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const Result added = model.add(message("lost?"));
    QVERIFY(!added.ok);
    QVERIFY2(added.error.contains(QLatin1String("Cannot save the message library")), qPrintable(added.error));
    QCOMPARE(model.rowCount(), 0); // the rows say what the file says
    QCOMPARE(inserted.size(), 0);
}

void TestUiMessageLibrary::oneModelManyViewsAndEveryControlNamed()
{
    QVERIFY(m_model->add(message("shared")).ok);
    MessageLibraryView server(m_model.get(), QStringLiteral("server"));
    MessageLibraryView client(m_model.get(), QStringLiteral("client"));
    QVERIFY(m_model->add(message("added later")).ok);
    QCOMPARE(server.listView()->model()->rowCount(), 2);
    QCOMPARE(client.listView()->model()->rowCount(), 2);
    QCOMPARE(client.listView()->objectName(), QStringLiteral("clientLibraryList"));
    QCOMPARE(client.listView()->accessibleName(), QStringLiteral("Client message library"));
    QCOMPARE(server.listView()->accessibleName(), QStringLiteral("Server message library"));
    for (const char *name : {"LibraryList", "LibrarySaveButton", "LibraryRemoveButton", "LibraryImportButton",
                             "LibraryExportButton", "LibraryErrorLabel"}) {
        auto *widget = client.findChild<QWidget *>(QStringLiteral("client") + QLatin1String(name));
        QVERIFY2(widget, name);
        QVERIFY2(!widget->accessibleName().isEmpty(), name);
    }
    for (const auto *button : client.findChildren<QPushButton *>())
        QVERIFY2(!button->objectName().isEmpty() && !button->accessibleName().isEmpty(), qPrintable(button->text()));
}

QTEST_MAIN(TestUiMessageLibrary)
#include "tst_ui_messagelibrary.moc"
