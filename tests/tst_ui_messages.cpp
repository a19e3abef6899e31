// The window's message tools driven as a user drives them: the payload
// editor (live validation, base64, macros, history), the Auto-reply tab
// (rules, framing), repeat and file sends. Real sockets on 127.0.0.1, offscreen.
#include "clientpane.h"
#include "event.h"
#include "logmodel.h"
#include "mainwindow.h"
#include "messagelibrarymodel.h"
#include "payloadeditor.h"
#include "ruledialog.h"
#include "rulespanel.h"
#include "serverpane.h"
#include "session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QPointer>
#include <QProgressBar>
#include <QTest>

#include <memory>

using namespace SockPlay;

class TestUiMessages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void mistakesAreSaidUnderTheFieldAsYouType_data();
    void mistakesAreSaidUnderTheFieldAsYouType();
    void base64SendsExactBytes();
    void macrosExpandAtEachSend();
    void upAndDownWalkTheHistory();
    void welcomeRuleAddedInTheWindowGreetsEveryClient();
    void ruleSwitchedOffAndRemovedStopsAnswering();
    void switchingFramingMakesMessages();
    void clientRulesAnswerTheServer();
    void keyboardReachesRulesAndDetails();
    void libraryLoadsOnClickAndSendsOnDoubleClick();
    void repeatEveryMillisecondIsCountedAndStopAnswersAtOnce();
    void fileSendStreamsWithProgress();

private:
    template<typename T>
    T *widget(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    Session *session() const { return m_window->session(); }
    /// Events of this side and kind in the log, as the model shows them.
    QList<Event> events(const QString &side, EventKind kind) const;
    bool startServer();
    bool startServerAndConnectClient();
    /// A note with this text is in the log.
    bool noted(const QString &text) const;
    quint16 serverPort() const { return widget<ServerPane>("serverPane")->port(); }
    void chooseMode(const char *comboName, const QString &mode);

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_settingsDir;
};

void TestUiMessages::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_messages"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    // The message library lives in a test folder, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/messages.json"));
}

void TestUiMessages::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUiMessages::cleanup()
{
    m_window.reset();
}

QList<Event> TestUiMessages::events(const QString &side, EventKind kind) const
{
    QList<Event> found;
    const LogModel *model = qobject_cast<LogModel *>(widget<QTableView>("logView")->model());
    for (int row = 0; row < model->rowCount(); ++row) {
        const std::optional<Event> event = model->eventAt(row);
        if (event && event->kind == kind && event->endpointName() == side)
            found.append(*event);
    }
    return found;
}

bool TestUiMessages::noted(const QString &text) const
{
    const QList<Event> notes = events(QStringLiteral("server"), EventKind::Note);
    return std::any_of(notes.cbegin(), notes.cend(), [&](const Event &note) { return note.detail == text; });
}

bool TestUiMessages::startServer()
{
    QTest::mouseClick(widget<QPushButton>("serverStartButton"), Qt::LeftButton);
    return QTest::qWaitFor([&] { return widget<ServerPane>("serverPane")->snapshot().isActive(); });
}

bool TestUiMessages::startServerAndConnectClient()
{
    if (!startServer())
        return false;
    QTest::mouseClick(widget<QPushButton>("clientConnectButton"), Qt::LeftButton);
    return QTest::qWaitFor([&] {
        return widget<QTableView>("serverConnectionsTable")->model()->rowCount() == 1
            && widget<ClientPane>("clientPane")->snapshot().isActive();
    });
}

void TestUiMessages::chooseMode(const char *comboName, const QString &mode)
{
    auto *combo = widget<QComboBox>(comboName);
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findText(mode));
    QCOMPARE(combo->currentText(), mode);
}

void TestUiMessages::mistakesAreSaidUnderTheFieldAsYouType_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("caret");
    QTest::newRow("hex") << QStringLiteral("Hex") << QStringLiteral("48 6g") << QStringLiteral("invalid hex at character 5") << 4;
    QTest::newRow("base64") << QStringLiteral("Base64") << QStringLiteral("SG*k") << QStringLiteral("invalid base64 at character 3") << 2;
    QTest::newRow("text escape") << QStringLiteral("Text") << QStringLiteral("ab\\q") << QStringLiteral("invalid text at character 3") << 2;
    QTest::newRow("macro") << QStringLiteral("Text") << QStringLiteral("x {{nope}}") << QStringLiteral("invalid text at character 3: unknown macro") << 2;
    QTest::newRow("capture outside a rule") << QStringLiteral("Text") << QStringLiteral("a\\1") << QStringLiteral("character 2: \\1 stands for a regex group") << 1;
}

void TestUiMessages::mistakesAreSaidUnderTheFieldAsYouType()
{
    QFETCH(QString, mode);
    QFETCH(QString, typed);
    QFETCH(QString, message);
    QFETCH(int, caret);
    QVERIFY(startServerAndConnectClient());
    chooseMode("clientPayloadModeCombo", mode);
    auto *edit = widget<QLineEdit>("clientPayloadEdit");
    auto *error = widget<QLabel>("clientPayloadErrorLabel");
    QVERIFY(edit && error);
    QVERIFY(!error->isVisible());
    QTest::keyClicks(edit, typed);
    // No Enter pressed: the message is already there, under the field, and the field is marked.
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(!edit->styleSheet().isEmpty());
    QCOMPARE(edit->accessibleDescription(), error->text());
    // The error line sits right under the field.
    const QPoint editBottom = edit->mapTo(m_window.get(), QPoint(0, edit->height()));
    const QPoint errorTop = error->mapTo(m_window.get(), QPoint(0, 0));
    QVERIFY2(errorTop.y() - editBottom.y() < edit->height(), "the error is not right under the field");
    // Sending anyway puts the caret on the mistake, and nothing is sent.
    edit->setCursorPosition(0);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(edit->cursorPosition(), caret);
    QCOMPARE(events(QStringLiteral("client"), EventKind::Sent).size(), 0);
    QTRY_COMPARE(events(QStringLiteral("client"), EventKind::Error).size(), 1);
    // Mended: the mark and the message go.
    edit->clear();
    QVERIFY(!error->isVisible());
    QVERIFY(edit->styleSheet().isEmpty());
}

void TestUiMessages::base64SendsExactBytes()
{
    QVERIFY(startServerAndConnectClient());
    chooseMode("clientPayloadModeCombo", QStringLiteral("Base64"));
    QVERIFY(!widget<QComboBox>("clientLineEndingCombo")->isEnabled());
    auto *edit = widget<QLineEdit>("clientPayloadEdit");
    QTest::keyClicks(edit, QStringLiteral("AP9IaQ=="));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(events(QStringLiteral("server"), EventKind::Received).size(), 1);
    QCOMPARE(events(QStringLiteral("server"), EventKind::Received).constFirst().payload, QByteArray("\x00\xffHi", 4));
}

void TestUiMessages::macrosExpandAtEachSend()
{
    QVERIFY(startServerAndConnectClient());
    auto *edit = widget<QLineEdit>("clientPayloadEdit");
    QTest::keyClicks(edit, QStringLiteral("n={{counter}} {{hex:41 42}}"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(events(QStringLiteral("client"), EventKind::Sent).size(), 1);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(events(QStringLiteral("client"), EventKind::Sent).size(), 2);
    const QList<Event> sent = events(QStringLiteral("client"), EventKind::Sent);
    QCOMPARE(sent.at(0).payload, QByteArray("n=1 AB\n"));
    QCOMPARE(sent.at(1).payload, QByteArray("n=2 AB\n"));
}

void TestUiMessages::upAndDownWalkTheHistory()
{
    QVERIFY(startServerAndConnectClient());
    auto *edit = widget<QLineEdit>("clientPayloadEdit");
    for (const char *text : {"one", "two"}) {
        edit->clear();
        QTest::keyClicks(edit, QString::fromLatin1(text));
        QTest::keyClick(edit, Qt::Key_Return);
    }
    QTRY_COMPARE(events(QStringLiteral("client"), EventKind::Sent).size(), 2);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("draft"));
    QTest::keyClick(edit, Qt::Key_Up);
    QCOMPARE(edit->text(), QStringLiteral("two"));
    QTest::keyClick(edit, Qt::Key_Up);
    QCOMPARE(edit->text(), QStringLiteral("one"));
    QTest::keyClick(edit, Qt::Key_Up); // the oldest stays
    QCOMPARE(edit->text(), QStringLiteral("one"));
    QTest::keyClick(edit, Qt::Key_Down);
    QCOMPARE(edit->text(), QStringLiteral("two"));
    QTest::keyClick(edit, Qt::Key_Down);
    QCOMPARE(edit->text(), QStringLiteral("draft"));
    // A hex entry comes back in hex mode.
    chooseMode("clientPayloadModeCombo", QStringLiteral("Hex"));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("41 42"));
    QTest::keyClick(edit, Qt::Key_Return);
    chooseMode("clientPayloadModeCombo", QStringLiteral("Text"));
    edit->clear();
    QTest::keyClick(edit, Qt::Key_Up);
    QCOMPARE(edit->text(), QStringLiteral("41 42"));
    QCOMPARE(widget<QComboBox>("clientPayloadModeCombo")->currentText(), QStringLiteral("Hex"));
}

void TestUiMessages::welcomeRuleAddedInTheWindowGreetsEveryClient()
{
    auto *tabs = widget<QTabWidget>("serverTabs");
    tabs->setCurrentWidget(widget<RulesPanel>("serverRulesPanel"));
    QTest::mouseClick(widget<QPushButton>("serverRuleAddButton"), Qt::LeftButton);
    auto *dialog = widget<RuleDialog>("serverRuleDialog");
    QVERIFY(dialog && dialog->isVisible());
    // A new rule starts as the tutorial's greeting; the user makes it close too.
    QCOMPARE(dialog->matchCombo()->currentData().toInt(), int(Rule::Match::Connect));
    dialog->replyEdit()->clear();
    QTest::keyClicks(dialog->replyEdit(), QStringLiteral("Welcome to the server!"));
    dialog->closeCheck()->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("serverRuleOkButton")), Qt::LeftButton);
    auto *list = widget<QListWidget>("serverRulesList");
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("connect=>Welcome to the server!;close"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Auto-reply (1)"));

    QVERIFY(startServer());
    for (int i = 0; i < 3; ++i) {
        QTcpSocket client;
        QByteArray received;
        connect(&client, &QTcpSocket::readyRead, &client, [&] { received += client.readAll(); });
        client.connectToHost(QHostAddress::LocalHost, serverPort());
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState); // the server closed it
        QCOMPARE(received, QByteArray("Welcome to the server!"));
    }
}

void TestUiMessages::ruleSwitchedOffAndRemovedStopsAnswering()
{
    widget<QTabWidget>("serverTabs")->setCurrentWidget(widget<RulesPanel>("serverRulesPanel"));
    QTest::mouseClick(widget<QPushButton>("serverRuleAddButton"), Qt::LeftButton);
    auto *dialog = widget<RuleDialog>("serverRuleDialog");
    dialog->matchCombo()->setCurrentIndex(dialog->matchCombo()->findData(int(Rule::Match::Regex)));
    QTest::keyClicks(dialog->patternEdit(), QStringLiteral("^PING (\\d+)$"));
    dialog->replyEdit()->clear();
    QTest::keyClicks(dialog->replyEdit(), QStringLiteral("PONG \\1\\n"));
    // A capture the regex does not have is said at once, and OK waits.
    QTest::keyClicks(dialog->replyEdit(), QStringLiteral("\\2"));
    auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("serverRuleOkButton"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("serverRuleErrorLabel"))->text().contains(QLatin1String("\\2")));
    QTest::keyClick(dialog->replyEdit(), Qt::Key_Backspace);
    QTest::keyClick(dialog->replyEdit(), Qt::Key_Backspace);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    widget<QComboBox>("serverFramingCombo")->setEditText(QStringLiteral("line"));

    QVERIFY(startServer());
    QTcpSocket client;
    QByteArray received;
    connect(&client, &QTcpSocket::readyRead, &client, [&] { received += client.readAll(); });
    client.connectToHost(QHostAddress::LocalHost, serverPort());
    QVERIFY(client.waitForConnected(5000));
    client.write("PING 7\n");
    QTRY_COMPARE(received, QByteArray("PONG 7\n"));
    // Switched off while the connection lives: no answer to the next message.
    auto *list = widget<QListWidget>("serverRulesList");
    list->item(0)->setCheckState(Qt::Unchecked);
    // The change reaches the network thread as a command: the log says when it applies.
    QTRY_VERIFY(noted(QStringLiteral("auto-reply rules: 0 of 1 on")));
    client.write("PING 8\n");
    QTRY_COMPARE(events(QStringLiteral("server"), EventKind::Message).size(), 2);
    client.write("PING 9\n");
    QTRY_COMPARE(events(QStringLiteral("server"), EventKind::Message).size(), 3);
    QCOMPARE(received, QByteArray("PONG 7\n"));
    // On again, then removed with Delete.
    list->item(0)->setCheckState(Qt::Checked);
    QTRY_VERIFY(noted(QStringLiteral("auto-reply rules: 1 of 1 on")));
    client.write("PING 10\n");
    QTRY_COMPARE(received, QByteArray("PONG 7\nPONG 10\n"));
    list->setCurrentRow(0);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(list->count(), 0);
    QTRY_VERIFY(noted(QStringLiteral("auto-reply rules: 0 of 0 on")));
    client.write("PING 11\n");
    QTRY_COMPARE(events(QStringLiteral("server"), EventKind::Message).size(), 5);
    QCOMPARE(received, QByteArray("PONG 7\nPONG 10\n"));
}

void TestUiMessages::switchingFramingMakesMessages()
{
    auto *framing = widget<QComboBox>("serverFramingCombo");
    auto *framingError = widget<QLabel>("serverFramingErrorLabel");
    widget<QTabWidget>("serverTabs")->setCurrentWidget(widget<RulesPanel>("serverRulesPanel"));
    // A typed spec is checked as it is typed.
    framing->setEditText(QStringLiteral("len:3"));
    QVERIFY(framingError->isVisible());
    QVERIFY2(framingError->text().contains(QLatin1String("character")), qPrintable(framingError->text()));
    // The preset's text carries its meaning after the spec.
    framing->setCurrentIndex(framing->findText(QStringLiteral("line"), Qt::MatchStartsWith));
    QVERIFY(!framingError->isVisible());
    QVERIFY(startServer());
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, serverPort());
    QVERIFY(client.waitForConnected(5000));
    client.write("partial ");
    QTRY_COMPARE(events(QStringLiteral("server"), EventKind::Received).size(), 1);
    client.write("rest\nnext\n");
    QTRY_COMPARE(events(QStringLiteral("server"), EventKind::Message).size(), 2);
    QList<Event> messages = events(QStringLiteral("server"), EventKind::Message);
    QCOMPARE(messages.at(0).payload, QByteArray("partial rest\n"));
    QCOMPARE(messages.at(1).streamOffset, 13);
    // Switched while running: 4-byte frames from the next byte on.
    framing->setEditText(QStringLiteral("fixed:4"));
    QTRY_VERIFY(noted(QStringLiteral("framing now fixed:4 for every connection")));
    client.write("abcdefgh");
    QTRY_COMPARE(events(QStringLiteral("server"), EventKind::Message).size(), 4);
    messages = events(QStringLiteral("server"), EventKind::Message);
    QCOMPARE(messages.at(3).payload, QByteArray("efgh"));
}

void TestUiMessages::clientRulesAnswerTheServer()
{
    // The server greets; the client's own rule answers the greeting.
    widget<RulesPanel>("serverRulesPanel")->setRules({*Rule::parse(QStringLiteral("connect=>Welcome!\\n"), nullptr)});
    auto *clientRules = widget<RulesPanel>("clientRulesPanel");
    widget<QTabWidget>("clientTabs")->setCurrentWidget(clientRules);
    clientRules->framingCombo()->setEditText(QStringLiteral("line"));
    clientRules->setRules({*Rule::parse(QStringLiteral("prefix:Welcome=>thanks, {{counter}}\\n"), nullptr)});
    QVERIFY(startServerAndConnectClient());
    QTRY_COMPARE(events(QStringLiteral("server"), EventKind::Received).size(), 1);
    QCOMPARE(events(QStringLiteral("server"), EventKind::Received).constFirst().payload, QByteArray("thanks, 1\n"));
    QCOMPARE(events(QStringLiteral("client"), EventKind::AutoReplied).size(), 1);
}

void TestUiMessages::keyboardReachesRulesAndDetails()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    widget<QTabWidget>("serverTabs")->setCurrentWidget(widget<RulesPanel>("serverRulesPanel"));
    // Alt+R: Add rule (a button's mnemonic clicks it after a short
    // animation); Enter in the rule editor takes the greeting as it is.
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::AltModifier);
    QTRY_VERIFY(widget<RuleDialog>("serverRuleDialog"));
    const QPointer<RuleDialog> dialog = widget<RuleDialog>("serverRuleDialog");
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClick(dialog, Qt::Key_Return);
    QTRY_COMPARE(widget<QListWidget>("serverRulesList")->count(), 1);
    // Alt+B: the log's bytes and details, shown and hidden.
    auto *details = widget<QPushButton>("logDetailsButton");
    const bool shown = details->isChecked();
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::AltModifier);
    QTRY_COMPARE(details->isChecked(), !shown);
    QCOMPARE(widget<QWidget>("logDetailPane")->isVisible(), !shown);
    // The client's tab has its own keys (Qt would count a hidden tab's button as a rival).
    widget<QTabWidget>("clientTabs")->setCurrentWidget(widget<RulesPanel>("clientRulesPanel"));
    QTest::keyClick(m_window.get(), Qt::Key_U, Qt::AltModifier);
    QTRY_VERIFY(widget<RuleDialog>("clientRuleDialog") && widget<RuleDialog>("clientRuleDialog")->isVisible());
    widget<RuleDialog>("clientRuleDialog")->reject();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_G, Qt::AltModifier);
    QTRY_COMPARE(m_window->focusWidget(), widget<QComboBox>("clientFramingCombo"));
}

void TestUiMessages::libraryLoadsOnClickAndSendsOnDoubleClick()
{
    QVERIFY(startServerAndConnectClient());
    auto *library = m_window->findChild<MessageLibraryModel *>();
    QVERIFY(library);
    SavedMessage ping;
    ping.name = QStringLiteral("ping");
    ping.mode = PayloadMode::Hex;
    ping.payload = QStringLiteral("50 49 4e 47");
    ping.lineEnding = LineEnding::None;
    QVERIFY(library->add(ping).ok);
    SavedMessage hello;
    hello.name = QStringLiteral("hello");
    hello.payload = QStringLiteral("hello #{{counter}}");
    QVERIFY(library->add(hello).ok);

    // Both panes show the one library.
    auto *serverList = widget<QListView>("serverLibraryList");
    auto *list = widget<QListView>("clientLibraryList");
    QVERIFY(serverList && list);
    QCOMPARE(serverList->model(), list->model());
    widget<QTabWidget>("clientTabs")->setCurrentIndex(2);
    QVERIFY(list->isVisible());

    // A click loads the message into the editor, mode and all, and sends nothing.
    const QPoint first = list->visualRect(list->model()->index(0, 0)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, first);
    QCOMPARE(widget<QLineEdit>("clientPayloadEdit")->text(), QStringLiteral("50 49 4e 47"));
    QCOMPARE(widget<QComboBox>("clientPayloadModeCombo")->currentText(), QStringLiteral("Hex"));
    // A double-click sends it, through the pane's own Send (macros and all).
    const QPoint second = list->visualRect(list->model()->index(1, 0)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, second);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, second);
    QTRY_COMPARE(events(QStringLiteral("server"), EventKind::Received).size(), 1);
    QCOMPARE(events(QStringLiteral("server"), EventKind::Received).constFirst().payload, QByteArray("hello #1\n"));
    QCOMPARE(widget<QComboBox>("clientPayloadModeCombo")->currentText(), QStringLiteral("Text"));
    QVERIFY(library->remove(0).ok && library->remove(0).ok);
}

void TestUiMessages::repeatEveryMillisecondIsCountedAndStopAnswersAtOnce()
{
    QVERIFY(startServerAndConnectClient());
    auto *edit = widget<QLineEdit>("clientPayloadEdit");
    auto *count = widget<QSpinBox>("clientRepeatCountSpin");
    auto *interval = widget<QSpinBox>("clientRepeatIntervalSpin");
    auto *stop = widget<QPushButton>("clientStopButton");
    auto *progress = widget<QProgressBar>("clientSendProgressBar");
    QVERIFY(count && interval && stop && progress);
    count->setValue(300);
    interval->setValue(1);
    widget<QComboBox>("clientLineEndingCombo")->setCurrentIndex(0); // no line ending: "#1#2#3..."
    QTest::keyClicks(edit, QStringLiteral("#{{counter}}"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(stop->isEnabled());
    QVERIFY(!widget<QPushButton>("clientSendButton")->isEnabled()); // one repeat at a time
    QTRY_COMPARE_WITH_TIMEOUT(progress->format(), QStringLiteral("300 of 300 sent"), 20000);
    QVERIFY(!stop->isEnabled());
    QByteArray expected;
    for (int i = 1; i <= 300; ++i)
        expected += '#' + QByteArray::number(i);
    QByteArray received;
    QTRY_COMPARE_WITH_TIMEOUT(([&] {
        received.clear();
        for (const Event &event : events(QStringLiteral("server"), EventKind::Received))
            received += event.payload;
        return received.size();
    }()), expected.size(), 10000);
    QCOMPARE(received, expected);

    // Until stopped: Stop answers at once, and nothing is sent after it says so.
    count->setValue(0);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(stop->isEnabled());
    QTRY_VERIFY(events(QStringLiteral("client"), EventKind::Sent).size() > 300 + 20);
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_VERIFY(!stop->isEnabled());
    QVERIFY2(progress->format().endsWith(QLatin1String(" sent")), qPrintable(progress->format()));
    // What the window said when it stopped: "N sent".
    const int said = QLocale().toInt(progress->format().section(QLatin1Char(' '), 0, 0));
    QVERIFY(said > 20);
    // One more ordinary send: once it is logged, every earlier send is too.
    count->setValue(1);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("last"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(events(QStringLiteral("client"), EventKind::Sent).constLast().payload, QByteArray("last"));
    // Exactly the sends the window counted went out: none after Stop said so.
    QCOMPARE(events(QStringLiteral("client"), EventKind::Sent).size(), 300 + said + 1);
}

void TestUiMessages::fileSendStreamsWithProgress()
{
    QVERIFY(startServerAndConnectClient());
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray content(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < content.size(); ++i)
        content[i] = char(i * 7 + i / 251);
    QCOMPARE(file.write(content), content.size());
    file.close();

    chooseMode("clientPayloadModeCombo", QStringLiteral("File"));
    QVERIFY(widget<QPushButton>("clientPayloadBrowseButton")->isVisible());
    QVERIFY(!widget<QSpinBox>("clientRepeatCountSpin")->isEnabled());
    auto *edit = widget<QLineEdit>("clientPayloadEdit");
    // A path that is not there is said as it is typed.
    QTest::keyClicks(edit, file.fileName() + QStringLiteral(".missing"));
    QVERIFY(widget<QLabel>("clientPayloadErrorLabel")->text().startsWith(QLatin1String("No such file")));
    edit->setText(file.fileName());
    QVERIFY(!widget<QLabel>("clientPayloadErrorLabel")->isVisible());
    QTest::keyClick(edit, Qt::Key_Return);
    auto *progress = widget<QProgressBar>("clientSendProgressBar");
    QTRY_VERIFY_WITH_TIMEOUT(progress->format().startsWith(QLatin1String("3.00 MiB of 3.00 MiB")), 20000);
    QTRY_VERIFY(!widget<QPushButton>("clientStopButton")->isEnabled());
    // Every byte arrived (the log keeps 16 KiB of each read: the count is the proof here;
    // tst_filesend compares the bytes themselves).
    QTRY_COMPARE_WITH_TIMEOUT(([&] {
        qint64 bytes = 0;
        for (const Event &event : events(QStringLiteral("server"), EventKind::Received))
            bytes += event.byteCount;
        return bytes;
    }()), qint64(content.size()), 10000);
}

QTEST_MAIN(TestUiMessages)
#include "tst_ui_messages.moc"
