// The script panel driven as a user drives it: the dock shown with its
// shortcut, the panes' real buttons recorded, scripts run against the
// window's session (on its network thread) with real sockets on 127.0.0.1.
#include "clientpane.h"
#include "mainwindow.h"
#include "rules.h"
#include "rulespanel.h"
#include "scriptpanel.h"
#include "scriptstepsmodel.h"
#include "serverpane.h"
#include "session.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SockPlay;

class TestUiScriptPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void hiddenUntilAskedThenReachableByKeyboard();
    void recordThenReplayPasses();
    void failedStepSaysWhatArrived_data();
    void failedStepSaysWhatArrived();
    void stopEndsTheRunAndSkipsTheRest();
    void hostAndPortFollowTheServerUntilEdited();
    void openErrorsAreShown_data();
    void openErrorsAreShown();
    void saveAsWritesWhatOpensAgain();

private:
    template<typename T>
    T *widget(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    ScriptPanel *panel() const { return m_window->scriptPanel(); }
    void showPanel();
    void click(const char *buttonName);
    /// Writes a script file in the scratch directory.
    QString writeScript(const QString &name, const QByteArray &json);
    /// Every step's status word, in order.
    QStringList statuses() const;
    bool logHas(const QString &side, EventKind kind, const QByteArray &payload) const;

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestUiScriptPanel::initTestCase()
{
    // The window remembers settings: in a scratch place, never the user's.
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_scriptpanel"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QStandardPaths::setTestModeEnabled(true);
    // A desktop with small fonts: the window raises its own to 11 points,
    // and the panel must have that too, docked or floating.
    QFont small = QApplication::font();
    small.setPointSizeF(9);
    QApplication::setFont(small);
}

void TestUiScriptPanel::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUiScriptPanel::cleanup()
{
    // A picture of the end of each test, to look at (not compared).
    if (const QByteArray dir = qgetenv("SOCKPLAY_SCREENSHOT_DIR"); !dir.isEmpty())
        m_window->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/')
                              + QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".png"));
    m_window.reset();
}

void TestUiScriptPanel::showPanel()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(widget<QDockWidget>("scriptDock")->isVisible());
}

void TestUiScriptPanel::click(const char *buttonName)
{
    auto *button = widget<QAbstractButton>(buttonName);
    QVERIFY2(button, buttonName);
    QVERIFY2(button->isEnabled(), buttonName);
    QTest::mouseClick(button, Qt::LeftButton);
}

QString TestUiScriptPanel::writeScript(const QString &name, const QByteArray &json)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        return {};
    return path;
}

QStringList TestUiScriptPanel::statuses() const
{
    QStringList list;
    const ScriptStepsModel *model = panel()->stepsModel();
    for (int row = 0; row < model->rowCount(); ++row)
        list.append(model->index(row).data(ScriptStepsModel::StatusTextRole).toString());
    return list;
}

bool TestUiScriptPanel::logHas(const QString &side, EventKind kind, const QByteArray &payload) const
{
    const QList<Event> events = m_window->log()->snapshot();
    return std::any_of(events.cbegin(), events.cend(), [&](const Event &e) {
        return e.endpointName() == side && e.kind == kind && e.payload == payload;
    });
}

void TestUiScriptPanel::hiddenUntilAskedThenReachableByKeyboard()
{
    auto *dock = widget<QDockWidget>("scriptDock");
    QVERIFY(dock);
    QVERIFY(!dock->isVisible());
    QAction *toggle = m_window->toggleScriptPanelAction();
    QCOMPARE(toggle->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    QVERIFY(!toggle->text().isEmpty());

    showPanel();
    // On the screen: docked beside the panes where the window still fits,
    // floating over the window where it would not (the offscreen screen is small).
    const QRect screen = m_window->screen()->availableGeometry();
    const auto panelRect = [this] { return QRect(panel()->mapToGlobal(QPoint(0, 0)), panel()->size()); };
    QTRY_VERIFY2(screen.contains(panelRect()) && (dock->isFloating() || screen.contains(m_window->frameGeometry())),
                 qPrintable(QStringLiteral("panel at %1,%2 %3x%4, window %5 wide, screen %6x%7")
                                .arg(panelRect().x()).arg(panelRect().y()).arg(panelRect().width())
                                .arg(panelRect().height()).arg(m_window->frameGeometry().width())
                                .arg(screen.width()).arg(screen.height())));
    QVERIFY(panel()->font().pointSizeF() >= 11.0); // the window's font, readable (also floating)
    QCOMPARE(panel()->font(), m_window->font());
    // Shown by the keyboard, the focus goes into it: Open (nothing to run yet).
    QTRY_COMPARE(QApplication::focusWidget(), widget<QWidget>("scriptOpenButton"));
    QVERIFY(!widget<QPushButton>("scriptRunButton")->isEnabled());
    QVERIFY(!widget<QPushButton>("scriptSaveButton")->isEnabled());

    // Tab goes through the panel's controls in the order they are shown
    // (Save as and Run are disabled without a script; the variables table
    // is empty but can take the focus).
    QStringList order;
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        order.append(QApplication::focusWidget()->objectName());
    }
    // Then, docked, on to the status bar's button; floating, round its own window.
    QCOMPARE(order, (QStringList{QStringLiteral("scriptRecordButton"), QStringLiteral("scriptVariablesTable"),
                                 QStringLiteral("scriptStepsView"),
                                 dock->isFloating() ? QStringLiteral("scriptOpenButton")
                                                    : QStringLiteral("scriptPanelToggleButton")}));

    // The status bar's button hides it again.
    click("scriptPanelToggleButton");
    QTRY_VERIFY(!dock->isVisible());
}

void TestUiScriptPanel::recordThenReplayPasses()
{
    showPanel();
    // The server answers PING n with PONG n; both panes cut lines.
    auto *serverRules = widget<RulesPanel>("serverRulesPanel");
    serverRules->framingCombo()->setEditText(QStringLiteral("line"));
    serverRules->setRules({*Rule::parse(QStringLiteral("regex:^PING (\\d+)$=>PONG \\1\\n"), nullptr)});
    widget<RulesPanel>("clientRulesPanel")->framingCombo()->setEditText(QStringLiteral("line"));

    click("scriptRecordButton");
    QCOMPARE(widget<QPushButton>("scriptRecordButton")->text(), QStringLiteral("Stop recording"));
    QVERIFY(!widget<QPushButton>("scriptOpenButton")->isEnabled());

    // What a user does: start, connect, send a line, read the reply.
    click("serverStartButton");
    QTRY_VERIFY(widget<ServerPane>("serverPane")->snapshot().isActive());
    click("clientConnectButton");
    QTRY_VERIFY(widget<ClientPane>("clientPane")->snapshot().isActive());
    auto *payload = widget<QLineEdit>("clientPayloadEdit");
    QTest::keyClicks(payload, QStringLiteral("PING 1"));
    QTest::keyClick(payload, Qt::Key_Return);
    QTRY_VERIFY(logHas(QStringLiteral("client"), EventKind::Message, QByteArrayLiteral("PONG 1\n")));

    click("scriptRecordButton");
    QCOMPARE(widget<QPushButton>("scriptRecordButton")->text(), QStringLiteral("Record"));
    const ScriptStepsModel *model = panel()->stepsModel();
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(statuses(), QStringList(5, QStringLiteral("Pending")));
    const QString open = model->index(1).data().toString();
    QVERIFY2(open.contains(QStringLiteral("○ 2  Pending  open client (tcp connect 127.0.0.1:${server.port}")), qPrintable(open));
    QVERIFY2(model->index(2).data().toString().contains(QLatin1String("send \"PING 1\\n\" to client")),
             qPrintable(model->index(2).data().toString()));
    QVERIFY(!widget<QLabel>("scriptNotesLabel")->isVisible()); // nothing left out

    // Replayed while the panes' endpoints still run: the script's server
    // takes another port, its endpoints come and go in the session.
    const int paneEndpoints = int(m_window->session()->endpointIds().size());
    click("scriptRunButton");
    QTRY_COMPARE(statuses(), QStringList(5, QStringLiteral("Passed")));
    QTRY_VERIFY(!panel()->isRunning());
    const QString summary = widget<QLabel>("scriptSummaryLabel")->text();
    QVERIFY2(summary.contains(QLatin1String("5 passed")) && !summary.contains(QLatin1String("failed")),
             qPrintable(summary));
    QVERIFY(model->index(4).data().toString().startsWith(QStringLiteral("✓ 5  Passed  expect /^PONG 1$/ on client")));
    QTRY_COMPARE(int(m_window->session()->endpointIds().size()), paneEndpoints);
    QVERIFY(logHas(QStringLiteral("server"), EventKind::Message, QByteArrayLiteral("PING 1\n")));
}

void TestUiScriptPanel::failedStepSaysWhatArrived_data()
{
    QTest::addColumn<QByteArray>("reply");    // what the script's server answers
    QTest::addColumn<QString>("expectation"); // what the variable "wanted" is edited to, if not empty
    QTest::addColumn<QString>("arrived");
    QTest::newRow("the server answers something else") << QByteArray("PONX 1") << QString() << QStringLiteral("PONX 1");
    QTest::newRow("a variable edited to what never comes")
        << QByteArray("PONG 1") << QStringLiteral("PONZ 1") << QStringLiteral("PONG 1");
}

void TestUiScriptPanel::failedStepSaysWhatArrived()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, expectation);
    QFETCH(QString, arrived);
    showPanel();
    const QString path = writeScript(QStringLiteral("fails.json"), R"({"format": "sockplay-script", "version": 1,
        "name": "fails", "variables": {"wanted": "PONG 1"}, "steps": [
        {"open": "server", "listen": "127.0.0.1:0", "rules": ["prefix:PING=>)" + reply + R"(\\n"]},
        {"open": "client", "connect": "127.0.0.1:${server.port}"},
        {"send": "PING 1\n", "to": "client"},
        {"expect": "^${wanted}$", "as": "regex", "on": "client", "within": 3000},
        {"close": "client"}]})");
    QVERIFY(panel()->openFile(path));
    QVERIFY(widget<QLabel>("scriptTitleLabel")->text().contains(QLatin1String("fails.json")));

    auto *variables = widget<QTableWidget>("scriptVariablesTable");
    QCOMPARE(variables->rowCount(), 1);
    QCOMPARE(variables->item(0, 1)->text(), QStringLiteral("PONG 1"));
    if (!expectation.isEmpty()) {
        // As a user types it: select the value, type over it, Enter.
        variables->setFocus();
        variables->setCurrentCell(0, 1);
        QTest::keyClick(variables, Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, expectation);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(variables->item(0, 1)->text(), expectation); // the delegate commits from the event loop
    }

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier); // Run
    QTRY_VERIFY(!panel()->isRunning() && statuses().constFirst() != QLatin1String("Pending"));
    QTRY_COMPARE(statuses(), (QStringList{QStringLiteral("Passed"), QStringLiteral("Passed"), QStringLiteral("Passed"),
                                          QStringLiteral("Failed"), QStringLiteral("Skipped")}));
    const ScriptStepsModel *model = panel()->stepsModel();
    const QString failed = model->index(3).data().toString();
    QVERIFY2(failed.startsWith(QStringLiteral("✗ 4  Failed  expect /^${wanted}$/ on client")), qPrintable(failed));
    QVERIFY2(failed.section(QLatin1Char('\n'), 1).contains(arrived), qPrintable(failed)); // under it
    QVERIFY(model->index(3).data(Qt::AccessibleTextRole).toString().contains(QLatin1String("Failed")));
    const QString detail = widget<QLabel>("scriptDetailLabel")->text();
    QVERIFY2(detail.contains(QLatin1String("Step 4 failed")) && detail.contains(arrived), qPrintable(detail));
    const QString summary = widget<QLabel>("scriptSummaryLabel")->text();
    QVERIFY2(summary.contains(QLatin1String("3 passed, 1 failed, 1 skipped")), qPrintable(summary));
    QCOMPARE(widget<QListView>("scriptStepsView")->currentIndex().row(), 3);
}

void TestUiScriptPanel::stopEndsTheRunAndSkipsTheRest()
{
    showPanel();
    QVERIFY(panel()->openFile(writeScript(QStringLiteral("long.json"), R"({"format": "sockplay-script", "version": 1,
        "name": "long", "steps": [{"open": "server", "listen": "127.0.0.1:0"}, {"wait": 60000}, {"close": "server"}]})")));
    click("scriptRunButton");
    QTRY_COMPARE(statuses().value(1), QStringLiteral("Running"));
    // Ticked as it ran, not at the end: the run is not over.
    QCOMPARE(statuses(), (QStringList{QStringLiteral("Passed"), QStringLiteral("Running"), QStringLiteral("Pending")}));
    QVERIFY(panel()->isRunning());
    QVERIFY(widget<QLabel>("scriptSummaryLabel")->text().contains(QLatin1String("step 2 of 3")));
    auto *run = widget<QPushButton>("scriptRunButton");
    QCOMPARE(run->accessibleName(), QStringLiteral("Stop the script"));
    QVERIFY(!widget<QPushButton>("scriptOpenButton")->isEnabled());
    QVERIFY(!widget<QPushButton>("scriptRecordButton")->isEnabled());
    click("scriptRunButton"); // Stop
    QTRY_COMPARE(statuses(), (QStringList{QStringLiteral("Passed"), QStringLiteral("Failed"), QStringLiteral("Skipped")}));
    QVERIFY(panel()->stepsModel()->result(1).message.contains(QLatin1String("stopped")));
    QTRY_COMPARE(run->accessibleName(), QStringLiteral("Run the script"));
    QVERIFY(widget<QLabel>("scriptSummaryLabel")->text().contains(QLatin1String("1 passed, 1 failed, 1 skipped")));
}

void TestUiScriptPanel::hostAndPortFollowTheServerUntilEdited()
{
    showPanel();
    const QString path = writeScript(QStringLiteral("ping.json"), R"({"format": "sockplay-script", "version": 1,
        "name": "ping", "variables": {"host": "127.0.0.1", "port": "7000"}, "steps": [
        {"open": "client", "connect": "${host}:${port}", "frame": "line"},
        {"send": "PING 1\n", "to": "client"},
        {"expect": "^PONG 1$", "as": "regex", "on": "client"},
        {"close": "client"}]})");
    QVERIFY(panel()->openFile(path));
    auto *variables = widget<QTableWidget>("scriptVariablesTable");
    QCOMPARE(variables->item(1, 0)->text(), QStringLiteral("port"));
    // The window's server does not listen: the file's defaults.
    QCOMPARE(variables->item(1, 1)->text(), QStringLiteral("7000"));
    QVERIFY(!widget<QLabel>("scriptFollowLabel")->isVisible());

    // It listens: host and port are where it is, and the script passes against it.
    auto *serverRules = widget<RulesPanel>("serverRulesPanel");
    serverRules->framingCombo()->setEditText(QStringLiteral("line"));
    serverRules->setRules({*Rule::parse(QStringLiteral("exact:PING 1=>PONG 1\\n"), nullptr)});
    click("serverStartButton");
    auto *server = widget<ServerPane>("serverPane");
    QTRY_VERIFY(server->snapshot().isActive());
    QTRY_COMPARE(variables->item(1, 1)->text(), QString::number(server->snapshot().localPort));
    QCOMPARE(variables->item(0, 1)->text(), QStringLiteral("127.0.0.1"));
    QVERIFY(variables->item(1, 1)->font().italic());
    QVERIFY(widget<QLabel>("scriptFollowLabel")->isVisible());
    click("scriptRunButton");
    QTRY_COMPARE(statuses(), QStringList(4, QStringLiteral("Passed")));

    // Edited, a value stays; the other still follows, and back to the default when the server stops.
    variables->item(1, 1)->setText(QStringLiteral("7001"));
    QVERIFY(!variables->item(1, 1)->font().italic());
    click("serverStartButton"); // Stop
    QTRY_VERIFY(!server->snapshot().isRunning());
    QTRY_VERIFY(!widget<QLabel>("scriptFollowLabel")->isVisible());
    QCOMPARE(variables->item(1, 1)->text(), QStringLiteral("7001"));
    QCOMPARE(panel()->script().variables.value(1), qMakePair(QStringLiteral("port"), QStringLiteral("7001")));
}

void TestUiScriptPanel::openErrorsAreShown_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QStringLiteral("bad.json");
    QTest::newRow("a typo in a key")
        << QByteArray(R"({"format": "sockplay-script", "version": 1, "name": "x", "steps": [{"wait": 1, "withn": 2}]})")
        << QStringLiteral("withn");
    QTest::newRow("a broken session file")
        << QByteArray(R"({"format": "sockplay-session", "version": 1, "script": {"steps": [{"wait": 1}]}})")
        << QStringLiteral("\"endpoints\" is missing");
    QTest::newRow("a session file without a script")
        << QByteArray(R"({"format": "sockplay-session", "version": 1, "endpoints": []})")
        << QStringLiteral("session file without a script");
}

void TestUiScriptPanel::openErrorsAreShown()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, error);
    showPanel();
    QVERIFY(panel()->openFile(writeScript(QStringLiteral("good.json"), R"({"format": "sockplay-script",
        "version": 1, "name": "good", "steps": [{"wait": 10}]})")));
    QCOMPARE(panel()->stepsModel()->rowCount(), 1);

    QVERIFY(!panel()->openFile(writeScript(QStringLiteral("bad.json"), contents)));
    auto *label = widget<QLabel>("scriptErrorLabel");
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(error), qPrintable(label->text()));
    // Nothing changed: the script shown is still the good one.
    QCOMPARE(panel()->stepsModel()->rowCount(), 1);
    QCOMPARE(panel()->script().name, QStringLiteral("good"));
}

void TestUiScriptPanel::saveAsWritesWhatOpensAgain()
{
    showPanel();
    const QString path = writeScript(QStringLiteral("vars.json"), R"({"format": "sockplay-script", "version": 1,
        "name": "vars", "variables": {"a": "1", "b": "2"}, "steps": [{"wait": 10}]})");
    QVERIFY(panel()->openFile(path));
    widget<QTableWidget>("scriptVariablesTable")->item(1, 1)->setText(QStringLiteral("two"));
    const QString saved = m_dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(panel()->saveFile(saved));
    QString error;
    const std::optional<Script> read = Script::readFile(saved, &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(*read == panel()->script());
    QCOMPARE(read->variables, (QList<QPair<QString, QString>>{{QStringLiteral("a"), QStringLiteral("1")},
                                                             {QStringLiteral("b"), QStringLiteral("two")}}));
    QVERIFY(widget<QLabel>("scriptTitleLabel")->text().contains(QLatin1String("saved.json")));
}

QTEST_MAIN(TestUiScriptPanel)
#include "tst_ui_scriptpanel.moc"
