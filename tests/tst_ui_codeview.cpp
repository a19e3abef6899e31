// The Code dock as a user drives it, offscreen: Ctrl+Shift+G opens it on the
// server's program, it follows the pane's fields as they are edited and the
// pane the user moves to, it speaks Python, Go and C++, Copy fills the
// clipboard and Save… writes the program (C++: with its CMakeLists.txt).
#include "clientpane.h"
#include "codeview.h"
#include "mainwindow.h"
#include "serverpane.h"
#include "workspace.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace SockPlay;

class TestUiCodeView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup() { m_window.reset(); }

    void ctrlShiftGShowsTheServersPythonProgram();
    void editingThePortAndEchoChangesTheProgram();
    void theLanguageComboSwitchesTheProgram_data();
    void theLanguageComboSwitchesTheProgram();
    void copyPutsTheProgramOnTheClipboard();
    void theViewFollowsTheCurrentPane();
    void saveWritesTheProgramAndItsCMakeLists();

private:
    template <typename T>
    T *widget(const char *name) const { return m_window->findChild<T *>(QLatin1String(name)); }
    QString code() const { return widget<QPlainTextEdit>("codeText")->toPlainText(); }
    /// Opens the dock from the keyboard, as a user would.
    bool openDock();

    std::unique_ptr<MainWindow> m_window;
};

void TestUiCodeView::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

bool TestUiCodeView::openDock()
{
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return false;
    QTest::keyClick(m_window.get(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
    return QTest::qWaitFor([this] { return m_window->codeDock()->isVisible(); });
}

void TestUiCodeView::ctrlShiftGShowsTheServersPythonProgram()
{
    QVERIFY(m_window->codeDock()->isHidden());
    QCOMPARE(m_window->codeDock()->objectName(), QStringLiteral("codeDock"));
    QCOMPARE(m_window->codeAction()->objectName(), QStringLiteral("codeAction"));
    QCOMPARE(m_window->codeAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    auto *viewMenu = m_window->findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(viewMenu && viewMenu->actions().contains(m_window->codeAction()));
    // Hidden, the view has written nothing (the window opens without it); shown, it writes.
    QVERIFY(m_window->codeView()->program().source.isEmpty());
    QVERIFY(openDock());
    QVERIFY(!m_window->codeView()->program().source.isEmpty());

    auto *combo = widget<QComboBox>("codeLanguageCombo");
    QCOMPARE(combo->currentText(), QStringLiteral("Python"));
    const int port = widget<QSpinBox>("serverPortSpin")->value();
    QVERIFY(port != 0);
    QTRY_VERIFY2(code().contains(QStringLiteral("PORT = %1 ").arg(port)), qPrintable(code()));
    QVERIFY(code().contains(QStringLiteral("server_socket.listen(5)")));
    QVERIFY(widget<QLabel>("codeTitleLabel")->text().contains(QStringLiteral("tcp_server.py")));
    // Readable: the text is as large as the window's, in a fixed-width face.
    QPlainTextEdit *text = widget<QPlainTextEdit>("codeText");
    QVERIFY(text->isReadOnly());
    QCOMPARE(text->font().pointSizeF(), m_window->font().pointSizeF());
    QVERIFY(QFontInfo(text->font()).fixedPitch());
    for (const char *name : {"codeLanguageCombo", "codeText", "codeCopyButton", "codeSaveButton"})
        QVERIFY2(!m_window->findChild<QWidget *>(QLatin1String(name))->accessibleName().isEmpty(), name);
}

void TestUiCodeView::editingThePortAndEchoChangesTheProgram()
{
    QVERIFY(openDock());
    auto *port = widget<QSpinBox>("serverPortSpin");
    port->setFocus();
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("40123"));
    QTRY_VERIFY2(code().contains(QStringLiteral("PORT = 40123 ")), qPrintable(code()));

    auto *echo = widget<QCheckBox>("serverEchoCheck");
    QVERIFY(!code().contains(QStringLiteral("conn.sendall(data)")));
    echo->setFocus();
    QTest::keyClick(echo, Qt::Key_Space);
    QVERIFY(echo->isChecked());
    QTRY_VERIFY2(code().contains(QStringLiteral("conn.sendall(data)")), qPrintable(code()));
    QTest::keyClick(echo, Qt::Key_Space);
    QTRY_VERIFY(!code().contains(QStringLiteral("conn.sendall(data)")));
}

void TestUiCodeView::theLanguageComboSwitchesTheProgram_data()
{
    QTest::addColumn<int>("downs");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("call");
    QTest::newRow("Go") << 1 << QStringLiteral("Go") << QStringLiteral("tcp_server.go")
                        << QStringLiteral("net.Listen(\"tcp\", net.JoinHostPort(host, port))");
    QTest::newRow("C++") << 2 << QStringLiteral("C++") << QStringLiteral("tcp_server.cpp")
                         << QStringLiteral("server.listen(host, port)");
}

void TestUiCodeView::theLanguageComboSwitchesTheProgram()
{
    QFETCH(int, downs);
    QFETCH(QString, language);
    QFETCH(QString, fileName);
    QFETCH(QString, call);
    QVERIFY(openDock());
    auto *combo = widget<QComboBox>("codeLanguageCombo");
    combo->setFocus();
    for (int i = 0; i < downs; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentText(), language);
    QTRY_VERIFY2(code().contains(call), qPrintable(code()));
    QCOMPARE(m_window->codeView()->program().fileName, fileName);
    QVERIFY(widget<QLabel>("codeTitleLabel")->text().contains(fileName));
}

void TestUiCodeView::copyPutsTheProgramOnTheClipboard()
{
    QVERIFY(openDock());
    QApplication::clipboard()->clear();
    QTest::mouseClick(widget<QPushButton>("codeCopyButton"), Qt::LeftButton);
    QVERIFY(!code().isEmpty());
    QCOMPARE(QApplication::clipboard()->text(), code());
    QCOMPARE(QApplication::clipboard()->text(), m_window->codeView()->program().source);
}

void TestUiCodeView::theViewFollowsTheCurrentPane()
{
    QVERIFY(openDock());
    QTRY_VERIFY(code().contains(QStringLiteral("server_socket")));

    // The user moves to the client and types a message.
    ClientPane *client = m_window->clientPane();
    m_window->workspace()->showPane(client);
    auto *payload = widget<QLineEdit>("clientPayloadEdit");
    payload->setFocus();
    QTest::keyClicks(payload, QStringLiteral("hello from the pane"));
    QTRY_VERIFY2(code().contains(QStringLiteral("client_socket.connect((HOST, PORT))")), qPrintable(code()));
    QTRY_VERIFY2(code().contains(QStringLiteral("MESSAGE = b\"hello from the pane")), qPrintable(code()));
    QVERIFY(widget<QLabel>("codeTitleLabel")->text().contains(client->name()));

    // A new server pane becomes the current one: the view follows it too.
    ServerPane *second = m_window->addServerPane();
    m_window->workspace()->showPane(second);
    second->findChild<QSpinBox *>(second->objectPrefix() + QStringLiteral("PortSpin"))->setFocus();
    QTRY_VERIFY2(widget<QLabel>("codeTitleLabel")->text().contains(second->name()),
                 qPrintable(widget<QLabel>("codeTitleLabel")->text()));
    QTRY_VERIFY(code().contains(QStringLiteral("server_socket")));
}

void TestUiCodeView::saveWritesTheProgramAndItsCMakeLists()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(openDock());
    widget<QComboBox>("codeLanguageCombo")->setCurrentIndex(2); // C++
    QTRY_COMPARE(m_window->codeView()->program().fileName, QStringLiteral("tcp_server.cpp"));

    // The dialog offers the program's own name; the test picks the folder.
    QString offered;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qApp->activeModalWidget() ? qobject_cast<QFileDialog *>(qApp->activeModalWidget()) : nullptr;
        if (!dialog)
            return;
        offered = dialog->selectedFiles().value(0);
        SockPlay::Test::chooseInFileDialog(dialog, dir.filePath(QStringLiteral("tcp_server.cpp")));
    });
    QTest::mouseClick(widget<QPushButton>("codeSaveButton"), Qt::LeftButton);
    QVERIFY2(offered.endsWith(QStringLiteral("/tcp_server.cpp")), qPrintable(offered));

    QFile source(dir.filePath(QStringLiteral("tcp_server.cpp")));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(source.readAll()), m_window->codeView()->program().source);
    QFile cmake(dir.filePath(QStringLiteral("CMakeLists.txt")));
    QVERIFY(cmake.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(cmake.readAll()), m_window->codeView()->program().cmakeLists);
    QVERIFY(m_window->codeView()->program().cmakeLists.contains(QStringLiteral("add_executable(tcp_server tcp_server.cpp)")));
}

QTEST_MAIN(TestUiCodeView)
#include "tst_ui_codeview.moc"
