// The window as a workspace of endpoints: servers and clients added, named,
// coloured and closed through the Endpoints menu, several connections in one
// client pane, session files with many endpoints, and a window that fits a
// small screen. Real sockets on 127.0.0.1, offscreen, widgets by objectName.
#include "clientpane.h"
#include "endpointcolors.h"
#include "eventlog.h"
#include "logfilterbar.h"
#include "logmodel.h"
#include "logview.h"
#include "mainwindow.h"
#include "serverpane.h"
#include "session.h"
#include "sessionfile.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QComboBox>
#include <QFile>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SockPlay;

class TestUiWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void serverAndThreeClientsExchangeMessages();
    void renamedClientShowsEverywhere();
    void emptyOrTakenNamesAreRefused_data();
    void emptyOrTakenNamesAreRefused();
    void renameDialogAsksAgainWhenRefused();
    void closingAClientPaneClosesItsConnection();
    void clientPaneWithTwoConnectionsSendsToTheSelectedOne();
    void sessionFileOpensAPanePerEndpoint();
    void settingsRememberEveryPane();
    void windowFitsASmallScreen();
    void enterInThePortFieldStarts_data();
    void enterInThePortFieldStarts();
    void focusMovesToThePayloadAfterConnect();

private:
    template <typename T> T *widget(const QString &name) const { return m_window->findChild<T *>(name); }
    LogModel *logModel() const { return m_window->logView()->model(); }
    /// Rows of the log whose side column says side, of this kind, whose
    /// payload is payload (empty: any).
    QList<int> logRows(const QString &side, EventKind kind, const QString &payload = {}) const;
    bool startServer(ServerPane *server);
    bool connectClient(ClientPane *client);
    void typeAndEnter(const QString &editName, const QString &text);

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestUiWorkspace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_workspace"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiWorkspace::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUiWorkspace::cleanup()
{
    m_window.reset();
}

QList<int> TestUiWorkspace::logRows(const QString &side, EventKind kind, const QString &payload) const
{
    m_window->log()->flush();
    QCoreApplication::processEvents();
    const LogModel *model = logModel();
    const QString name = eventKindName(kind);
    QList<int> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString event = model->index(row, LogModel::EventColumn).data().toString();
        if (model->index(row, LogModel::SideColumn).data().toString() != side
            || !(event == name || event.startsWith(name + QLatin1String(": "))))
            continue;
        if (!payload.isEmpty() && model->index(row, LogModel::PayloadColumn).data().toString() != payload)
            continue;
        rows.append(row);
    }
    return rows;
}

bool TestUiWorkspace::startServer(ServerPane *server)
{
    auto *start = widget<QPushButton>(server->objectPrefix() + QStringLiteral("StartButton"));
    if (!start)
        return false;
    QTest::mouseClick(start, Qt::LeftButton);
    return QTest::qWaitFor([server] { return server->snapshot().isActive(); });
}

bool TestUiWorkspace::connectClient(ClientPane *client)
{
    auto *connectButton = widget<QPushButton>(client->objectPrefix() + QStringLiteral("ConnectButton"));
    if (!connectButton)
        return false;
    QTest::mouseClick(connectButton, Qt::LeftButton);
    return QTest::qWaitFor([client] { return client->snapshot().isActive(); });
}

void TestUiWorkspace::typeAndEnter(const QString &editName, const QString &text)
{
    auto *edit = widget<QLineEdit>(editName);
    QVERIFY2(edit, qPrintable(editName));
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void TestUiWorkspace::serverAndThreeClientsExchangeMessages()
{
    // It opens as it always has: one server, one client, the known objectNames.
    QCOMPARE(m_window->serverPanes().size(), 1);
    QCOMPARE(m_window->clientPanes().size(), 1);
    QVERIFY(widget<QPushButton>(QStringLiteral("serverStartButton")));
    QVERIFY(widget<QPushButton>(QStringLiteral("clientConnectButton")));

    // Two more clients through the menu's actions.
    m_window->newClientAction()->trigger();
    m_window->newClientAction()->trigger();
    const QList<ClientPane *> clients = m_window->clientPanes();
    QCOMPARE(clients.size(), 3);
    const QStringList names{QStringLiteral("client"), QStringLiteral("client 2"), QStringLiteral("client 3")};
    QTabWidget *tabs = m_window->workspace()->clientTabs();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(clients[i]->name(), names[i]);
        QCOMPARE(tabs->tabText(i), names[i]);
        QVERIFY(!tabs->tabIcon(i).isNull());
    }
    QCOMPARE(clients[1]->objectPrefix(), QStringLiteral("client2"));
    QVERIFY(widget<QPushButton>(QStringLiteral("client3ConnectButton")));
    QVERIFY(widget<QPushButton>(QStringLiteral("client3OpenConnectionButton")));

    ServerPane *server = m_window->serverPane();
    QVERIFY(startServer(server));
    for (ClientPane *client : clients) {
        m_window->workspace()->showPane(client);
        QVERIFY2(connectClient(client), qPrintable(client->name()));
    }
    auto *table = widget<QTableView>(QStringLiteral("serverConnectionsTable"));
    QTRY_COMPARE(table->model()->rowCount(), 3);
    QTRY_VERIFY(m_window->findChild<QLabel *>(QStringLiteral("totalsLabel"))->text().contains(QStringLiteral("Endpoints: 4 (4 running)")));

    // Each client sends its own line: the log has it once, under its name.
    for (int i = 0; i < 3; ++i) {
        m_window->workspace()->showPane(clients[i]);
        typeAndEnter(clients[i]->objectPrefix() + QStringLiteral("PayloadEdit"), QStringLiteral("hello from %1").arg(i + 1));
    }
    for (int i = 0; i < 3; ++i) {
        const QString line = QStringLiteral("hello from %1\\n").arg(i + 1);
        QTRY_COMPARE(logRows(QStringLiteral("server"), EventKind::Received, line).size(), 1);
        QCOMPARE(logRows(names[i], EventKind::Sent, line).size(), 1);
        for (int j = 0; j < 3; ++j) {
            if (j != i)
                QCOMPARE(logRows(names[j], EventKind::Sent, line).size(), 0);
        }
        // The side column is drawn in the endpoint's colour, with its swatch.
        const QModelIndex side = logModel()->index(logRows(names[i], EventKind::Sent, line).constFirst(), LogModel::SideColumn);
        QCOMPARE(side.data(Qt::ForegroundRole).value<QBrush>().color(), EndpointColors::colorFor(clients[i]->endpointId()));
        QVERIFY(!side.data(Qt::DecorationRole).value<QIcon>().isNull());
    }

    // The server's Send to all reaches all three.
    m_window->workspace()->showPane(server);
    auto *serverEdit = widget<QLineEdit>(QStringLiteral("serverPayloadEdit"));
    serverEdit->setText(QStringLiteral("welcome all"));
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverSendAllButton")), Qt::LeftButton);
    for (const QString &name : names)
        QTRY_COMPARE(logRows(name, EventKind::Received, QStringLiteral("welcome all\\n")).size(), 1);

    // For the README: the window as this test leaves it (run under Xvfb
    // with QT_QPA_PLATFORM=xcb for the size a real screen gives it).
    if (const QString dir = qEnvironmentVariable("SOCKPLAY_SCREENSHOT_DIR"); !dir.isEmpty())
        m_window->grab().save(dir + QStringLiteral("/workspace.png"));
}

void TestUiWorkspace::renamedClientShowsEverywhere()
{
    ServerPane *server = m_window->serverPane();
    ClientPane *client = m_window->clientPane();
    QVERIFY(startServer(server));
    QVERIFY(connectClient(client));
    QTRY_VERIFY(!logRows(QStringLiteral("client"), EventKind::Connected).isEmpty());
    const int oldRow = logRows(QStringLiteral("client"), EventKind::Connected).constFirst();

    const Result renamed = m_window->renamePane(client, QStringLiteral("Alice"));
    QVERIFY2(renamed, qPrintable(renamed.error));
    QCOMPARE(client->name(), QStringLiteral("Alice"));
    QCOMPARE(m_window->workspace()->clientTabs()->tabText(0), QStringLiteral("Alice"));
    // The old row says Alice now, and so do new ones.
    QTRY_COMPARE(logModel()->index(oldRow, LogModel::SideColumn).data().toString(), QStringLiteral("Alice"));
    typeAndEnter(QStringLiteral("clientPayloadEdit"), QStringLiteral("hi"));
    QTRY_COMPARE(logRows(QStringLiteral("Alice"), EventKind::Sent, QStringLiteral("hi\\n")).size(), 1);
    QVERIFY(logRows(QStringLiteral("client"), EventKind::Sent).isEmpty());

    // The log filter lists Alice (not client) and keeps Alice's rows, old ones too.
    auto *sides = widget<QComboBox>(QStringLiteral("logSideFilter"));
    QTRY_VERIFY(sides->findText(QStringLiteral("Alice")) >= 0);
    QCOMPARE(sides->findText(QStringLiteral("client")), -1);
    sides->setCurrentIndex(sides->findText(QStringLiteral("Alice")));
    const LogFilter filter = m_window->logView()->filterBar()->criteria();
    QCOMPARE(filter.endpointId, client->endpointId());
    // The status bar says so, and the session knows the new name.
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Alice")));
    QTRY_COMPARE(m_window->session()->snapshot(client->endpointId()).name, QStringLiteral("Alice"));
}

void TestUiWorkspace::emptyOrTakenNamesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("the server's name") << QStringLiteral("server") << QStringLiteral("taken");
    QTest::newRow("another case") << QStringLiteral("SERVER") << QStringLiteral("taken");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("spaces") << QStringLiteral("   ") << QStringLiteral("empty");
}

void TestUiWorkspace::emptyOrTakenNamesAreRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    ClientPane *client = m_window->clientPane();
    const Result renamed = m_window->renamePane(client, name);
    QVERIFY(!renamed);
    QVERIFY2(renamed.error.contains(reason), qPrintable(renamed.error));
    QCOMPARE(client->name(), QStringLiteral("client"));
    QCOMPARE(m_window->workspace()->clientTabs()->tabText(0), QStringLiteral("client"));
}

void TestUiWorkspace::renameDialogAsksAgainWhenRefused()
{
    // F2, with the keyboard in the client pane.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    widget<QLineEdit>(QStringLiteral("clientHostEdit"))->setFocus();
    QTRY_VERIFY(widget<QLineEdit>(QStringLiteral("clientHostEdit"))->hasFocus());
    QCOMPARE(m_window->renameEndpointAction()->shortcut(), QKeySequence(Qt::Key_F2));
    QTest::keyClick(widget<QLineEdit>(QStringLiteral("clientHostEdit")), Qt::Key_F2);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = widget<QInputDialog>(QStringLiteral("renameDialog"))) && dialog->isVisible());
    dialog->setTextValue(QStringLiteral("server"));
    dialog->accept();
    // Refused: asked again, saying why; the name stays.
    QTRY_VERIFY((dialog = widget<QInputDialog>(QStringLiteral("renameDialog"))) && dialog->isVisible()
                && dialog->labelText().contains(QStringLiteral("taken")));
    QCOMPARE(m_window->clientPane()->name(), QStringLiteral("client"));
    dialog->setTextValue(QStringLiteral("Bob"));
    dialog->accept();
    QTRY_COMPARE(m_window->clientPane()->name(), QStringLiteral("Bob"));
}

void TestUiWorkspace::closingAClientPaneClosesItsConnection()
{
    ServerPane *server = m_window->serverPane();
    ClientPane *client = m_window->clientPane();
    const int clientId = client->endpointId();
    QVERIFY(startServer(server));
    QVERIFY(connectClient(client));
    auto *table = widget<QTableView>(QStringLiteral("serverConnectionsTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);

    // Ctrl+W's action, with the keyboard in the client pane.
    widget<QLineEdit>(QStringLiteral("clientPayloadEdit"))->setFocus();
    QTRY_VERIFY(widget<QLineEdit>(QStringLiteral("clientPayloadEdit"))->hasFocus());
    m_window->closeEndpointAction()->trigger();
    QVERIFY(m_window->clientPanes().isEmpty());
    QVERIFY(!m_window->clientPane());
    QVERIFY(!widget<QPushButton>(QStringLiteral("clientConnectButton")));
    // The endpoint is gone from the session, and the server saw its connection close.
    QTRY_VERIFY(!m_window->session()->endpointIds().contains(clientId));
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QTRY_VERIFY(!logRows(QStringLiteral("server"), EventKind::PeerClosed).isEmpty());
    // The empty side says how to get a client back.
    auto *hint = widget<QLabel>(QStringLiteral("clientSideHint"));
    QVERIFY(hint && hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("Ctrl+Shift+K")));
    QTRY_VERIFY(m_window->findChild<QLabel *>(QStringLiteral("totalsLabel"))->text().contains(QStringLiteral("Endpoints: 1 (1 running)")));
    // And a new one gets the first pane's names back.
    m_window->newClientAction()->trigger();
    QCOMPARE(m_window->clientPane()->objectPrefix(), QStringLiteral("client"));
    QVERIFY(!hint->isVisible());
}

void TestUiWorkspace::clientPaneWithTwoConnectionsSendsToTheSelectedOne()
{
    ServerPane *server = m_window->serverPane();
    ClientPane *client = m_window->clientPane();
    QVERIFY(startServer(server));
    QVERIFY(connectClient(client));
    auto *clientTable = widget<QTableView>(QStringLiteral("clientConnectionsTable"));
    QVERIFY(clientTable);
    QTRY_COMPARE(clientTable->model()->rowCount(), 1);

    auto *another = widget<QPushButton>(QStringLiteral("clientOpenConnectionButton"));
    QVERIFY(another);
    QCOMPARE(another->accessibleName(), QStringLiteral("Open another connection"));
    QTest::mouseClick(another, Qt::LeftButton);
    QTRY_COMPARE(clientTable->model()->rowCount(), 2);
    QTRY_COMPARE(widget<QTableView>(QStringLiteral("serverConnectionsTable"))->model()->rowCount(), 2);

    // The second row selected: Send goes to connection #2 only.
    clientTable->selectRow(1);
    const int second = clientTable->model()->index(1, 0).data(Qt::UserRole).toInt();
    QCOMPARE(second, 2);
    typeAndEnter(QStringLiteral("clientPayloadEdit"), QStringLiteral("to two"));
    QTRY_COMPARE(logRows(QStringLiteral("server"), EventKind::Received, QStringLiteral("to two\\n")).size(), 1);
    const QList<int> sent = logRows(QStringLiteral("client"), EventKind::Sent, QStringLiteral("to two\\n"));
    QCOMPARE(sent.size(), 1);
    QVERIFY(logModel()->index(sent.constFirst(), LogModel::ConnectionColumn).data().toString().startsWith(QStringLiteral("#2 ")));

    // Send to all: both.
    widget<QLineEdit>(QStringLiteral("clientPayloadEdit"))->setText(QStringLiteral("to both"));
    auto *all = widget<QPushButton>(QStringLiteral("clientSendAllButton"));
    QTRY_VERIFY(all->isEnabled());
    QTest::mouseClick(all, Qt::LeftButton);
    QTRY_COMPARE(logRows(QStringLiteral("server"), EventKind::Received, QStringLiteral("to both\\n")).size(), 2);
}

void TestUiWorkspace::sessionFileOpensAPanePerEndpoint()
{
    const QString path = m_dir.filePath(QStringLiteral("five.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"format": "sockplay-session", "version": 1, "endpoints": [
        {"name": "chat", "role": "server", "port": 47101},
        {"name": "time", "role": "server", "transport": "udp", "port": 47102},
        {"name": "Alice", "role": "client", "host": "127.0.0.1", "port": 47101},
        {"name": "Bob", "role": "client", "host": "127.0.0.1", "port": 47101},
        {"name": "clock", "role": "client", "transport": "udp", "host": "127.0.0.1", "port": 47102}]})");
    file.close();

    const Result opened = m_window->openSession(path);
    QVERIFY2(opened, qPrintable(opened.error));
    const QList<ServerPane *> servers = m_window->serverPanes();
    const QList<ClientPane *> clients = m_window->clientPanes();
    QCOMPARE(servers.size(), 2);
    QCOMPARE(clients.size(), 3);
    QCOMPARE(servers[0]->name(), QStringLiteral("chat"));
    QCOMPARE(servers[1]->name(), QStringLiteral("time"));
    QCOMPARE(servers[1]->transport(), Transport::Udp);
    QCOMPARE(clients[1]->name(), QStringLiteral("Bob"));
    QCOMPARE(clients[2]->transport(), Transport::Udp);
    QCOMPARE(clients[2]->settings().port, quint16(47102));
    QCOMPARE(m_window->workspace()->serverTabs()->count(), 2);
    QCOMPARE(m_window->workspace()->clientTabs()->count(), 3);
    // The first of each side has the names harnesses know.
    QCOMPARE(servers[0]->objectPrefix(), QStringLiteral("server"));
    QCOMPARE(clients[0]->objectPrefix(), QStringLiteral("client"));
    // The old server and client are gone from the session.
    QTRY_COMPARE(m_window->session()->endpointIds().size(), 5);

    const QString again = m_dir.filePath(QStringLiteral("again.json"));
    QVERIFY(m_window->saveSession(again));
    QString error;
    const std::optional<SessionDocument> saved = SessionFile::readFile(again, &error);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(saved->endpoints.size(), 5);
    QStringList names;
    for (const EndpointConfig &config : saved->endpoints)
        names << config.displayName();
    QCOMPARE(names, QStringList({QStringLiteral("chat"), QStringLiteral("time"), QStringLiteral("Alice"),
                                 QStringLiteral("Bob"), QStringLiteral("clock")}));
}

void TestUiWorkspace::settingsRememberEveryPane()
{
    m_window->restoreSettings(); // nothing saved yet: the defaults stay
    QCOMPARE(m_window->serverPanes().size(), 1);
    m_window->addServerPane(QStringLiteral("backup"));
    ClientPane *bob = m_window->addClientPane(QStringLiteral("Bob"));
    bob->setFollowingServer(false);
    m_window->saveSettings();
    m_window.reset();

    m_window = std::make_unique<MainWindow>();
    m_window->restoreSettings();
    QCOMPARE(m_window->serverPanes().size(), 2);
    QCOMPARE(m_window->clientPanes().size(), 2);
    QCOMPARE(m_window->serverPanes().at(1)->name(), QStringLiteral("backup"));
    QCOMPARE(m_window->clientPanes().at(1)->name(), QStringLiteral("Bob"));
    QVERIFY(m_window->clientPanes().at(0)->isFollowingServer());
    QVERIFY(!m_window->clientPanes().at(1)->isFollowingServer());
    QSettings().clear();
}

void TestUiWorkspace::windowFitsASmallScreen()
{
    // QT_SCALE_FACTOR=2 on 1920x1080 is a 960x540 screen: menu, panes, log
    // and status bar fit in it.
    const QSize minimum = m_window->minimumSizeHint();
    QVERIFY2(minimum.width() <= 940 && minimum.height() <= 480,
             qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
    // With more endpoints too: the panes scroll, the window does not grow.
    m_window->newServerAction()->trigger();
    m_window->newClientAction()->trigger();
    QCoreApplication::processEvents();
    QVERIFY(m_window->minimumSizeHint().height() <= 480);
}

void TestUiWorkspace::enterInThePortFieldStarts_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("client");
    QTest::newRow("server port") << QStringLiteral("serverPortSpin") << false;
    QTest::newRow("client port") << QStringLiteral("clientPortSpin") << true;
    QTest::newRow("client host") << QStringLiteral("clientHostEdit") << true;
}

void TestUiWorkspace::enterInThePortFieldStarts()
{
    QFETCH(QString, field);
    QFETCH(bool, client);
    if (client)
        QVERIFY(startServer(m_window->serverPane()));
    auto *edit = widget<QWidget>(field);
    QVERIFY(edit);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    edit->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    EndpointPane *pane = client ? static_cast<EndpointPane *>(m_window->clientPane()) : m_window->serverPane();
    QTRY_VERIFY(pane->snapshot().isActive());
}

void TestUiWorkspace::focusMovesToThePayloadAfterConnect()
{
    QVERIFY(startServer(m_window->serverPane()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *connectButton = widget<QPushButton>(QStringLiteral("clientConnectButton"));
    connectButton->setFocus(Qt::TabFocusReason);
    QTest::keyClick(connectButton, Qt::Key_Space);
    QTRY_VERIFY(m_window->clientPane()->snapshot().isActive());
    QTRY_COMPARE(QApplication::focusWidget(), widget<QWidget>(QStringLiteral("clientPayloadEdit")));
}

QTEST_MAIN(TestUiWorkspace)
#include "tst_ui_workspace.moc"
