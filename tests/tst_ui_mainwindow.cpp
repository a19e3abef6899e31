// The main window driven as a user drives it: widgets found by objectName,
// real clicks and key presses, real sockets on 127.0.0.1, offscreen.
#include "address.h"
#include "clientpane.h"
#include "connectionsmodel.h"
#include "event.h"
#include "eventlog.h"
#include "logmodel.h"
#include "mainwindow.h"
#include "ratechart.h"
#include "serverpane.h"
#include "session.h"
#include "version.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace SockPlay;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensReadyToDemo();
    void tcpRoundTripIsLoggedAndListed();
    void serverSendsToSelectedAndToAll();
    void echoSendsTheClientsBytesBack();
    void invalidHexShowsPositionAndLogsError();
    void sendWhileNotConnectedShowsErrorAndLogsIt();
    void connectionRefusedShowsErrorNextToClient();
    void portInUseShowsErrorNextToServer();
    void udpRoundTrip();
    void kickingTheSelectedConnectionClosesTheClient();
    void maxClientsTurnsTheNextClientAway();
    void clientFollowsServerUntilEdited();
    void serverOnAnyPortUpdatesLinkedClient();
    void mnemonicsStartAndConnect();
    void logNeverResetsAndFollowsBottomUnlessScrolledUp();
    void logPayloadToggleAndClear();
    void restartedServerListsNoClientOfThePreviousRun();
    void udpPeersAreCountedAsPeers();
    void logLimitsAreASetting();
    void everyControlHasObjectAndAccessibleName();
    void tabOrderFollowsTheLayout();
    void aboutShowsTheVersionQtAndTheLicence();

private:
    template<typename T>
    T *widget(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    LogModel *logModel() const;
    /// Row of the first event of this side and kind (and byte count, when
    /// given) in the log model, or -1.
    int findLogRow(const QString &side, EventKind kind, qint64 bytes = -1) const;
    bool startServerAndConnectClient();
    void click(const char *buttonName);
    void typeAndEnter(const char *editName, const QString &text);

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_settingsDir;
};

void TestMainWindow::initTestCase()
{
    // The window remembers settings: in a scratch place, never the user's.
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_mainwindow"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true); // the message library too
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

LogModel *TestMainWindow::logModel() const
{
    auto *view = widget<QTableView>("logView");
    return view ? qobject_cast<LogModel *>(view->model()) : nullptr;
}

int TestMainWindow::findLogRow(const QString &side, EventKind kind, qint64 bytes) const
{
    const LogModel *model = logModel();
    if (!model)
        return -1;
    const QString name = eventKindName(kind);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString rowSide = model->index(row, LogModel::SideColumn).data().toString();
        const QString event = model->index(row, LogModel::EventColumn).data().toString();
        if (rowSide != side || !(event == name || event.startsWith(name + QLatin1String(": "))))
            continue;
        if (bytes >= 0 && model->index(row, LogModel::BytesColumn).data().toLongLong() != bytes)
            continue;
        return row;
    }
    return -1;
}

void TestMainWindow::click(const char *buttonName)
{
    auto *button = widget<QAbstractButton>(buttonName);
    QVERIFY2(button, buttonName);
    QVERIFY2(button->isEnabled(), buttonName);
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestMainWindow::typeAndEnter(const char *editName, const QString &text)
{
    auto *edit = widget<QLineEdit>(editName);
    QVERIFY2(edit, editName);
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

bool TestMainWindow::startServerAndConnectClient()
{
    auto *start = widget<QPushButton>("serverStartButton");
    auto *connectButton = widget<QPushButton>("clientConnectButton");
    auto *table = widget<QTableView>("serverConnectionsTable");
    if (!start || !connectButton || !table)
        return false;
    QTest::mouseClick(start, Qt::LeftButton);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    return QTest::qWaitFor([&] {
        auto *client = widget<ClientPane>("clientPane");
        return table->model()->rowCount() == 1 && client->snapshot().isActive();
    });
}

void TestMainWindow::opensReadyToDemo()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("SockPlay"));
    QVERIFY(QFile::exists(QStringLiteral(":/sockplay/sockplay.svg")));
    QVERIFY(m_window->font().pointSizeF() >= 11.0);

    auto *serverAddress = widget<QComboBox>("serverAddressCombo");
    auto *serverPort = widget<QSpinBox>("serverPortSpin");
    auto *clientHost = widget<QLineEdit>("clientHostEdit");
    auto *clientPort = widget<QSpinBox>("clientPortSpin");
    QVERIFY(serverAddress && serverPort && clientHost && clientPort);
    QVERIFY(serverAddress->currentText().startsWith(QLatin1String("127.0.0.1")));
    QVERIFY(serverPort->value() > 0);
    QCOMPARE(clientHost->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(clientPort->value(), serverPort->value());
    QCOMPARE(widget<QComboBox>("serverLineEndingCombo")->currentIndex(), 1); // LF
    QVERIFY(!widget<QPushButton>("clientSendButton")->isEnabled());
    QVERIFY(!widget<QLabel>("serverErrorLabel")->isVisible());
}

void TestMainWindow::tcpRoundTripIsLoggedAndListed()
{
    QSignalSpy resets(logModel(), &QAbstractItemModel::modelReset);
    QVERIFY(startServerAndConnectClient());
    QCOMPARE(widget<QPushButton>("serverStartButton")->text(), QStringLiteral("S&top"));
    QCOMPARE(widget<QPushButton>("clientConnectButton")->text(), QStringLiteral("&Disconnect"));
    QVERIFY(!widget<QSpinBox>("serverPortSpin")->isEnabled());
    QVERIFY(widget<QPushButton>("clientSendButton")->isEnabled());

    typeAndEnter("clientPayloadEdit", QStringLiteral("hello"));

    const qint64 size = 6; // "hello" and LF
    QTRY_VERIFY(findLogRow(QStringLiteral("server"), EventKind::Received, size) >= 0);
    QVERIFY(findLogRow(QStringLiteral("server"), EventKind::Listening) >= 0);
    QVERIFY(findLogRow(QStringLiteral("server"), EventKind::Accepted) >= 0);
    QVERIFY(findLogRow(QStringLiteral("client"), EventKind::Connected) >= 0);
    const int sentRow = findLogRow(QStringLiteral("client"), EventKind::Sent, size);
    QVERIFY(sentRow >= 0);
    QCOMPARE(logModel()->index(sentRow, LogModel::PayloadColumn).data().toString(),
             QStringLiteral("hello\\n"));
    QVERIFY(QTime::fromString(logModel()->index(sentRow, LogModel::TimeColumn).data().toString(),
                              QStringLiteral("hh:mm:ss.zzz")).isValid());

    // The connections table lists the client by the address it connected from.
    auto *client = widget<ClientPane>("clientPane");
    auto *table = widget<QTableView>("serverConnectionsTable");
    const QString clientAddress = client->snapshot().localText;
    QCOMPARE(table->model()->index(0, ConnectionsModel::PeerColumn).data().toString(), clientAddress);
    QTRY_COMPARE(table->model()->index(0, ConnectionsModel::BytesInColumn).data().toLongLong(), size);
    QVERIFY(widget<QLabel>("serverStateLabel")->accessibleName().contains(QLatin1String("1 client")));
    QTRY_VERIFY(widget<QLabel>("totalsLabel")->text().contains(QLatin1String("In: 6 bytes")));
    QCOMPARE(resets.count(), 0);
}

void TestMainWindow::serverSendsToSelectedAndToAll()
{
    QVERIFY(startServerAndConnectClient());
    auto *table = widget<QTableView>("serverConnectionsTable");
    // Select the connection with a real click on its row.
    const QRect rowRect = table->visualRect(table->model()->index(0, ConnectionsModel::PeerColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rowRect.center());
    QVERIFY(widget<QPushButton>("serverSendButton")->isEnabled());

    auto *edit = widget<QLineEdit>("serverPayloadEdit");
    QTest::keyClicks(edit, QStringLiteral("one"));
    click("serverSendButton");
    QTRY_VERIFY(findLogRow(QStringLiteral("client"), EventKind::Received, 4) >= 0);

    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("to everyone"));
    click("serverSendAllButton");
    QTRY_VERIFY(findLogRow(QStringLiteral("client"), EventKind::Received, 12) >= 0);
    QVERIFY(findLogRow(QStringLiteral("server"), EventKind::Sent, 12) >= 0);
}

void TestMainWindow::echoSendsTheClientsBytesBack()
{
    // Echo is switched on while the server runs, as a teacher would mid-demo.
    QVERIFY(startServerAndConnectClient());
    QVERIFY(widget<QCheckBox>("serverEchoCheck")->isEnabled());
    click("serverEchoCheck");
    QVERIFY(widget<QCheckBox>("serverEchoCheck")->isChecked());
    typeAndEnter("clientPayloadEdit", QStringLiteral("ping"));
    QTRY_VERIFY(findLogRow(QStringLiteral("client"), EventKind::Received, 5) >= 0);
    const int row = findLogRow(QStringLiteral("client"), EventKind::Received, 5);
    QCOMPARE(logModel()->index(row, LogModel::PayloadColumn).data().toString(), QStringLiteral("ping\\n"));
}

void TestMainWindow::invalidHexShowsPositionAndLogsError()
{
    QVERIFY(startServerAndConnectClient());
    auto *mode = widget<QComboBox>("clientPayloadModeCombo");
    QTest::keyClick(mode, Qt::Key_Down); // Text -> Hex
    QCOMPARE(mode->currentText(), QStringLiteral("Hex"));
    QVERIFY(!widget<QComboBox>("clientLineEndingCombo")->isEnabled());

    typeAndEnter("clientPayloadEdit", QStringLiteral("4g"));
    auto *error = widget<QLabel>("clientErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("at character 2")), qPrintable(error->text())); // counted from 1
    QCOMPARE(widget<QLineEdit>("clientPayloadEdit")->cursorPosition(), 1);
    QTRY_VERIFY(findLogRow(QStringLiteral("client"), EventKind::Error) >= 0);
    const int row = findLogRow(QStringLiteral("client"), EventKind::Error);
    QVERIFY(logModel()->index(row, LogModel::EventColumn).data().toString().contains(QLatin1String("at character 2")));
    QVERIFY(logModel()->index(row, LogModel::EventColumn).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(findLogRow(QStringLiteral("client"), EventKind::Sent), -1);

    // The next good send clears the error.
    typeAndEnter("clientPayloadEdit", QStringLiteral("4f 4b"));
    QTRY_VERIFY(findLogRow(QStringLiteral("server"), EventKind::Received, 2) >= 0);
    QVERIFY(!error->isVisible());
}

void TestMainWindow::sendWhileNotConnectedShowsErrorAndLogsIt()
{
    typeAndEnter("clientPayloadEdit", QStringLiteral("nobody listens"));
    auto *error = widget<QLabel>("clientErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("not connected")), qPrintable(error->text()));
    QTRY_VERIFY(findLogRow(QStringLiteral("client"), EventKind::Error) >= 0);

    typeAndEnter("serverPayloadEdit", QStringLiteral("nobody here"));
    QVERIFY(widget<QLabel>("serverErrorLabel")->isVisible());
    QTRY_VERIFY(findLogRow(QStringLiteral("server"), EventKind::Error) >= 0);
}

void TestMainWindow::connectionRefusedShowsErrorNextToClient()
{
    // The server is not started: nothing listens on the preset port.
    click("clientConnectButton");
    auto *error = widget<QLabel>("clientErrorLabel");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(error->text()));
    QTRY_VERIFY(findLogRow(QStringLiteral("client"), EventKind::Error) >= 0);
    QTRY_COMPARE(widget<QPushButton>("clientConnectButton")->text(), QStringLiteral("&Connect"));
    QVERIFY(!widget<QLabel>("serverErrorLabel")->isVisible());
}

void TestMainWindow::portInUseShowsErrorNextToServer()
{
    QTcpServer squatter;
    const auto port = quint16(widget<QSpinBox>("serverPortSpin")->value());
    QVERIFY(squatter.listen(QHostAddress::LocalHost, port));
    click("serverStartButton");
    auto *error = widget<QLabel>("serverErrorLabel");
    QTRY_VERIFY(error->isVisible()); // the session answers from its thread
    QVERIFY2(error->text().contains(QString::number(port)), qPrintable(error->text()));
    QTRY_COMPARE(widget<QPushButton>("serverStartButton")->text(), QStringLiteral("&Start"));
    QTRY_VERIFY(findLogRow(QStringLiteral("server"), EventKind::Error) >= 0);

    // Free the port, try again: the error goes away.
    squatter.close();
    click("serverStartButton");
    QTRY_COMPARE(widget<QPushButton>("serverStartButton")->text(), QStringLiteral("S&top"));
    QVERIFY(!error->isVisible());
}

void TestMainWindow::udpRoundTrip()
{
    QTest::keyClick(widget<QComboBox>("serverTransportCombo"), Qt::Key_Down); // TCP -> UDP
    // The client follows the server's transport; its button says Open.
    QCOMPARE(widget<QComboBox>("clientTransportCombo")->currentText(), QStringLiteral("UDP"));
    QCOMPARE(widget<QPushButton>("clientConnectButton")->text(), QStringLiteral("&Open"));
    QCOMPARE(widget<QPushButton>("serverDisconnectButton")->text(), QStringLiteral("&Forget selected"));

    click("serverStartButton");
    click("clientConnectButton");
    QTRY_VERIFY(widget<QPushButton>("clientSendButton")->isEnabled());
    QCOMPARE(widget<QPushButton>("clientConnectButton")->text(), QStringLiteral("&Close"));

    typeAndEnter("clientPayloadEdit", QStringLiteral("datagram"));
    QTRY_VERIFY(findLogRow(QStringLiteral("server"), EventKind::DatagramReceived, 9) >= 0);
    QVERIFY(findLogRow(QStringLiteral("client"), EventKind::DatagramSent, 9) >= 0);

    // The sender shows up as a peer, selected, and the server answers it.
    auto *table = widget<QTableView>("serverConnectionsTable");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    auto *client = widget<ClientPane>("clientPane");
    QCOMPARE(table->model()->index(0, ConnectionsModel::PeerColumn).data().toString(),
             client->snapshot().localText);
    typeAndEnter("serverPayloadEdit", QStringLiteral("reply"));
    QTRY_VERIFY(findLogRow(QStringLiteral("client"), EventKind::DatagramReceived, 6) >= 0);
}

void TestMainWindow::kickingTheSelectedConnectionClosesTheClient()
{
    QVERIFY(startServerAndConnectClient());
    // The first connection is selected on arrival.
    QVERIFY(widget<QPushButton>("serverDisconnectButton")->isEnabled());
    click("serverDisconnectButton");
    QTRY_VERIFY(findLogRow(QStringLiteral("client"), EventKind::PeerClosed) >= 0);
    QTRY_COMPARE(widget<QPushButton>("clientConnectButton")->text(), QStringLiteral("&Connect"));
    QTRY_COMPARE(widget<QTableView>("serverConnectionsTable")->model()->rowCount(), 0);
    QVERIFY(!widget<QPushButton>("serverDisconnectButton")->isEnabled());
}

void TestMainWindow::maxClientsTurnsTheNextClientAway()
{
    // The session (and every socket) lives on the network thread.
    QVERIFY(m_window->session()->thread() != QThread::currentThread());
    QCOMPARE(m_window->session()->thread()->objectName(), QStringLiteral("sockplay-net"));

    auto *maxClients = widget<QSpinBox>("serverMaxClientsSpin");
    maxClients->selectAll();
    QTest::keyClicks(maxClients, QStringLiteral("1"));
    QCOMPARE(maxClients->value(), 1);
    QVERIFY(startServerAndConnectClient()); // the window's client is the one allowed
    QVERIFY(!maxClients->isEnabled()); // fixed while the server runs

    QTcpSocket extra;
    extra.connectToHost(QHostAddress::LocalHost, quint16(widget<QSpinBox>("serverPortSpin")->value()));
    QTRY_VERIFY(extra.state() == QAbstractSocket::UnconnectedState);
    QTRY_VERIFY(findLogRow(QStringLiteral("server"), EventKind::TurnedAway) >= 0);
    QCOMPARE(widget<QTableView>("serverConnectionsTable")->model()->rowCount(), 1);
}

void TestMainWindow::clientFollowsServerUntilEdited()
{
    auto *serverPort = widget<QSpinBox>("serverPortSpin");
    auto *clientPort = widget<QSpinBox>("clientPortSpin");
    auto *follow = widget<QCheckBox>("clientFollowServerCheck");
    QVERIFY(follow->isChecked());

    QTest::keyClick(serverPort, Qt::Key_Up);
    QCOMPARE(clientPort->value(), serverPort->value());

    QTest::keyClick(widget<QComboBox>("serverAddressCombo"), Qt::Key_Down); // ::1
    QCOMPARE(widget<QLineEdit>("clientHostEdit")->text(), QStringLiteral("::1"));
    QTest::keyClick(widget<QComboBox>("serverAddressCombo"), Qt::Key_Down); // 0.0.0.0
    QCOMPARE(widget<QLineEdit>("clientHostEdit")->text(), QStringLiteral("127.0.0.1"));

    // The user types a host: the client no longer follows.
    auto *host = widget<QLineEdit>("clientHostEdit");
    host->selectAll();
    QTest::keyClicks(host, QStringLiteral("localhost"));
    QVERIFY(!follow->isChecked());
    const int before = clientPort->value();
    QTest::keyClick(serverPort, Qt::Key_Up);
    QCOMPARE(clientPort->value(), before);
    QCOMPARE(host->text(), QStringLiteral("localhost"));

    // Following again catches up at once.
    click("clientFollowServerCheck");
    QCOMPARE(clientPort->value(), serverPort->value());
    QCOMPARE(host->text(), QStringLiteral("127.0.0.1"));
}

void TestMainWindow::serverOnAnyPortUpdatesLinkedClient()
{
    auto *serverPort = widget<QSpinBox>("serverPortSpin");
    serverPort->setFocus();
    QTest::keyClick(serverPort, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(serverPort, QStringLiteral("0"));
    QCOMPARE(serverPort->value(), 0);
    QCOMPARE(serverPort->specialValueText(), QStringLiteral("any free port"));

    click("serverStartButton");
    auto *server = widget<ServerPane>("serverPane");
    QTRY_VERIFY(server->snapshot().isActive());
    const quint16 actual = server->snapshot().localPort;
    QVERIFY(actual != 0);
    QCOMPARE(widget<QSpinBox>("clientPortSpin")->value(), int(actual));
    QVERIFY(widget<QLabel>("serverStateLabel")->accessibleName().contains(QString::number(actual)));

    click("clientConnectButton");
    QTRY_COMPARE(widget<QTableView>("serverConnectionsTable")->model()->rowCount(), 1);
}

void TestMainWindow::mnemonicsStartAndConnect()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE(widget<QPushButton>("serverStartButton")->text(), QStringLiteral("S&top"));
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::AltModifier);
    QTRY_COMPARE(widget<QTableView>("serverConnectionsTable")->model()->rowCount(), 1);
}

void TestMainWindow::logNeverResetsAndFollowsBottomUnlessScrolledUp()
{
    LogModel *model = logModel();
    EventLog *log = m_window->log();
    auto *view = widget<QTableView>("logView");
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);

    const EventSourcePtr server = makeEventSource(1, 0, QStringLiteral("server"), {}, 0, {}, 0);
    auto appendMany = [log, server](int count) {
        for (int i = 0; i < count; ++i)
            log->append(EventKind::Note, server, {}, 0, -1, QStringLiteral("note %1").arg(i));
        log->flush();
    };

    appendMany(500);
    QCOMPARE(model->rowCount(), 500);
    QCOMPARE(inserted.count(), 1); // one batch, one insertion
    QScrollBar *bar = view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());

    appendMany(10);
    QCOMPARE(bar->value(), bar->maximum()); // followed the new rows

    bar->setValue(0); // the user scrolls up to read
    appendMany(10);
    QCOMPARE(bar->value(), 0);
    QCOMPARE(model->rowCount(), 520);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(view->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
}

void TestMainWindow::logPayloadToggleAndClear()
{
    m_window->log()->append(EventKind::Received, makeEventSource(2, 1, QStringLiteral("client"), {}, 0, {}, 0),
                            QByteArrayLiteral("Hi\n"));
    m_window->log()->flush();
    LogModel *model = logModel();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, LogModel::PayloadColumn).data().toString(), QStringLiteral("Hi\\n"));

    QTest::keyClick(widget<QComboBox>("logPayloadModeCombo"), Qt::Key_Down); // Hex
    QCOMPARE(model->index(0, LogModel::PayloadColumn).data().toString(), QStringLiteral("48 69 0a"));

    click("logClearButton");
    QTRY_COMPARE(model->rowCount(), 0);
}

void TestMainWindow::restartedServerListsNoClientOfThePreviousRun()
{
    QVERIFY(startServerAndConnectClient());
    auto *table = widget<QTableView>("serverConnectionsTable");
    QCOMPARE(table->model()->rowCount(), 1);
    click("serverStartButton"); // Stop
    QTRY_COMPARE(widget<QPushButton>("serverStartButton")->text(), QStringLiteral("&Start"));
    QCOMPARE(table->model()->rowCount(), 0);
    click("serverStartButton"); // Start again
    QTRY_COMPARE(widget<QPushButton>("serverStartButton")->text(), QStringLiteral("S&top"));
    QCOMPARE(table->model()->rowCount(), 0);
    // The old client heard that the server went away.
    QTRY_VERIFY(findLogRow(QStringLiteral("client"), EventKind::PeerClosed) >= 0);
    QTRY_COMPARE(widget<QPushButton>("clientConnectButton")->text(), QStringLiteral("&Connect"));
    QCOMPARE(table->model()->rowCount(), 0);
    // A new connection is #1 again: ids are per endpoint and per start.
    click("clientConnectButton");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, ConnectionsModel::IdColumn).data().toInt(), 1);
}

void TestMainWindow::udpPeersAreCountedAsPeers()
{
    QTest::keyClick(widget<QComboBox>("serverTransportCombo"), Qt::Key_Down); // TCP -> UDP
    click("serverStartButton");
    click("clientConnectButton");
    QTRY_VERIFY(widget<QPushButton>("clientSendButton")->isEnabled());
    typeAndEnter("clientPayloadEdit", QStringLiteral("datagram"));
    auto *table = widget<QTableView>("serverConnectionsTable");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->headerData(ConnectionsModel::SinceColumn, Qt::Horizontal).toString(),
             QStringLiteral("First seen"));
    auto *totals = widget<QLabel>("totalsLabel");
    // Two peers: the client seen by the server, the server sent to by the client.
    QTRY_VERIFY2(totals->text().contains(QLatin1String("UDP peers: 2")), qPrintable(totals->text()));
    QVERIFY2(totals->text().contains(QLatin1String("TCP connections: 0")), qPrintable(totals->text()));
}

void TestMainWindow::logLimitsAreASetting()
{
    QCOMPARE(m_window->log()->limits().capacity, 1000000);
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *capacity = dialog->findChild<QSpinBox *>(QStringLiteral("logCapacitySpin"));
        QVERIFY(capacity);
        QVERIFY(!capacity->accessibleName().isEmpty());
        capacity->setValue(5000);
        dialog->accept();
    });
    click("logLimitsButton");
    QTRY_COMPARE(m_window->log()->limits().capacity, 5000);
    // Remembered for the next run; put the default back for the other tests.
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("log/capacity")).toInt(), 5000);
    settings.remove(QStringLiteral("log"));
}

void TestMainWindow::everyControlHasObjectAndAccessibleName()
{
    // The clear buttons and the icon come right after the first paint.
    QTRY_VERIFY(m_window->findChild<QToolButton *>(QStringLiteral("serverPayloadClearButton")));
    QVERIFY(m_window->findChild<QToolButton *>(QStringLiteral("clientPayloadClearButton")));
    QVERIFY(!m_window->windowIcon().isNull());
    auto isControl = [](const QWidget *w) {
        return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QComboBox *>(w)
            || qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractSpinBox *>(w)
            || qobject_cast<const QAbstractItemView *>(w)
            || qobject_cast<const RateChart *>(w); // a screen reader lands on it to hear the rates
    };
    int checked = 0;
    const QList<QWidget *> children = m_window->findChildren<QWidget *>();
    for (QWidget *w : children) {
        if (!isControl(w))
            continue;
        // Parts that screen readers see through their owner (a spin box's
        // line edit, a table's headers, a combo's popup list) are named by it.
        // An editable combo's line edit and a line edit's clear button are
        // separate to AT-SPI, so they need names of their own.
        bool part = false;
        for (QWidget *p = w->parentWidget(); p && p != m_window.get(); p = p->parentWidget())
            part = part || qobject_cast<const QAbstractSpinBox *>(p) || qobject_cast<const QAbstractItemView *>(p)
                || (qobject_cast<const QComboBox *>(p) && qobject_cast<const QAbstractItemView *>(w));
        if (part)
            continue;
        ++checked;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    // Each pane: its own controls, the editor's nine (edit, clear button,
    // mode, line ending, file, send, repeat, interval, stop), the tab bar, the
    // Auto-reply tab's eight (framing combo and its edit, rules list, five
    // buttons) and the Library tab's five (list, save, remove, import,
    // export), the Rates tab's chart: 9 + 1 (send to all) + 9 + 1 + 8 + 5 + 1
    // in the server pane, 5 + 3 (its connections table, Another connection,
    // Send to all) + 9 + 1 + 8 + 5 + 1 in the client pane, 3 for each side's
    // tab bar (the pane's close button, the bar's two scroll buttons), 7 in the log pane (with the
    // Details button, the detail pane's Copy button and its list of chunks),
    // 9 in the log's filter bar (search edit and mode, Previous, Next,
    // kind, side, connection, direction, Follow), 3 in its export bar
    // (Export…, Autosave…, Cancel export), the menu bar's ">>" button
    // (shown when the menus do not fit), and the script dock, hidden: its
    // float and close buttons, the panel's six (Open, Save as, Run, Record,
    // variables table, steps list), and the status bar's button that shows it;
    // the Lifecycle and Sequence docks, hidden: each dock's float and close
    // buttons, the lifecycle view, the sequence diagram and its toolbar's
    // five (zoom out, zoom in, compress idle time, export SVG, export PNG),
    // and the status bar's two buttons that show them. Each pane's simulated
    // link (shown for UDP only): its toggle, five spin boxes and the side
    // combo, 2 x 7. The Code dock, hidden: its float and close buttons, the
    // language combo, Copy and Save…. The Demo dock, hidden: its float and
    // close buttons, the panel's steps list, its four buttons (Next, Run all,
    // Stop, Reset) and its counters table. Each pane's TLS settings (shown
    // for TLS only): the certificate combo, three file edits with their
    // Browse buttons, the passphrase, the verify check, the CA edit and its
    // Browse button, ALPN, and the client's SNI: 12 + 13. Each pane's
    // WebSocket settings (for WebSocket only): path, subprotocols, binary,
    // the wss check: 4 + 4. The server pane's
    // relay settings (for Relay only): target host and port, TLS for the
    // clients, TLS to the target, verify, the two delays, UDP and the idle
    // timeout: 9. Each pane's
    // multicast frame (UDP only): the interface combo and its edit, and the
    // server's groups, join edit, Join and Leave, the client's TTL, loopback
    // and broadcast: 6 + 5. The client's serial port (Serial only): the device
    // combo and its edit, Refresh, the speed combo and its edit, data bits,
    // parity, stop bits, flow control, DTR, RTS: 11.
    QCOMPARE(checked, 141 + 12 + 13 + 4 + 4 + 9 + 6 + 5 + 11);
}

void TestMainWindow::tabOrderFollowsTheLayout()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    widget<QWidget>("serverTransportCombo")->setFocus(Qt::TabFocusReason);

    // The named control that has the focus (a combo's or spin box's inner line edit counts as it).
    auto focused = [this]() -> QString {
        for (QWidget *w = m_window->focusWidget(); w; w = w->parentWidget()) {
            if (w->objectName().startsWith(QLatin1String("server"))
                || w->objectName().startsWith(QLatin1String("client"))
                || w->objectName().startsWith(QLatin1String("log"))
                || w->objectName().startsWith(QLatin1String("script"))
                || w->objectName().startsWith(QLatin1String("lifecycle"))
                || w->objectName().startsWith(QLatin1String("sequence")))
                return w->objectName();
        }
        return {};
    };
    QStringList order{focused()};
    for (int i = 0; i < 44; ++i) {
        QTest::keyClick(m_window->focusWidget(), Qt::Key_Tab);
        order.append(focused());
    }
    // Disabled buttons (Kick, Send before anything is connected) are skipped.
    const QStringList expected{
        QStringLiteral("serverTransportCombo"), QStringLiteral("serverMaxClientsSpin"),
        QStringLiteral("serverAddressCombo"),
        QStringLiteral("serverPortSpin"), QStringLiteral("serverStartButton"),
        QStringLiteral("serverEchoCheck"), QStringLiteral("serverConnectionsTable"),
        QStringLiteral("serverTabBar"), QStringLiteral("serverPayloadEdit"), QStringLiteral("serverPayloadModeCombo"),
        QStringLiteral("serverLineEndingCombo"), QStringLiteral("serverRepeatCountSpin"),
        QStringLiteral("serverRepeatIntervalSpin"), QStringLiteral("clientTransportCombo"),
        QStringLiteral("clientHostEdit"), QStringLiteral("clientPortSpin"),
        QStringLiteral("clientConnectButton"), QStringLiteral("clientFollowServerCheck"),
        QStringLiteral("clientConnectionsTable"), QStringLiteral("clientTabBar"), QStringLiteral("clientPayloadEdit"), QStringLiteral("clientPayloadModeCombo"),
        QStringLiteral("clientLineEndingCombo"), QStringLiteral("clientRepeatCountSpin"),
        QStringLiteral("clientRepeatIntervalSpin"), QStringLiteral("logPayloadModeCombo"),
        QStringLiteral("logDetailsButton"),
        // Export and Autosave (Cancel export shows only while an export runs).
        QStringLiteral("logExportButton"), QStringLiteral("logAutosaveButton"),
        QStringLiteral("logLimitsButton"), QStringLiteral("logClearButton"),
        // The filter bar (Previous and Next stay disabled until there is a query).
        QStringLiteral("logSearchEdit"), QStringLiteral("logSearchModeCombo"), QStringLiteral("logKindFilter"),
        QStringLiteral("logSideFilter"), QStringLiteral("logConnectionFilter"), QStringLiteral("logDirectionFilter"),
        QStringLiteral("logFollowButton"), QStringLiteral("logView"),
        // The script panel and the teaching docks are hidden: only the status
        // bar's buttons that show them.
        QStringLiteral("scriptPanelToggleButton"), QStringLiteral("lifecycleToggleButton"),
        QStringLiteral("sequenceToggleButton"), QStringLiteral("serverTransportCombo")};
    QCOMPARE(order.mid(0, expected.size()), expected);
}

void TestMainWindow::aboutShowsTheVersionQtAndTheLicence()
{
    auto *help = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
    QVERIFY(help);
    // Help is the last menu of the bar.
    QCOMPARE(m_window->menuBar()->actions().constLast(), help->menuAction());
    auto *about = help->findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    about->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(QStringLiteral("aboutDialog"))) && dialog->isVisible());
    QVERIFY(!dialog->accessibleName().isEmpty());
    QString text;
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        QVERIFY2(!label->objectName().isEmpty() && !label->accessibleName().isEmpty(), qPrintable(label->text()));
        text += label->text() + QLatin1Char('\n');
    }
    QVERIFY2(text.contains(QStringLiteral(SOCKPLAY_VERSION)), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("GNU General Public License")), qPrintable(text));
    for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
        QVERIFY2(!button->objectName().isEmpty() && !button->accessibleName().isEmpty(), qPrintable(button->text()));
    // Escape closes it, and it goes away rather than piling up hidden.
    QPointer<QDialog> watched(dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(watched.isNull());
}

QTEST_MAIN(TestMainWindow)
#include "tst_ui_mainwindow.moc"
