// A storm in the window (issue 12): more UDP senders than the peers table
// keeps. The table stops at UdpEndpoint::MaxPeersRemembered, the server
// pane's state line says that it is full and forgets the oldest, and the log
// says so once. tst_storm runs the 100,000-sender storm against the session
// alone; 5,000 senders are enough to fill the table here.

#include "connectionsmodel.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "peers/peerprocess.h"
#include "serverpane.h"
#include "session.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

#include <memory>

using namespace SockPlay;
using SockPlayTest::PeerProcess;

class TestUiStorm : public QObject
{
    Q_OBJECT
private slots:
    void moreUdpSendersThanThePeersTableKeepsIsSaid();
};

void TestUiStorm::moreUdpSendersThanThePeersTableKeepsIsSaid()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    const int most = Session::capabilitiesOf(Transport::Udp, Role::Server).peersRemembered;
    QVERIFY(most > 0);
    const int senders = most + 904;
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ServerPane *pane = window.serverPane();
    EndpointConfig config = pane->settings();
    config.transport = Transport::Udp;
    config.echo = true; // the senders wait for their echo
    pane->applySettings(config);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    QTRY_VERIFY(pane->snapshot().isActive());
    auto *state = window.findChild<QLabel *>(QStringLiteral("serverStateLabel"));
    QVERIFY(state);
    QVERIFY2(!state->accessibleName().contains(QLatin1String("the most remembered")), qPrintable(state->accessibleName()));

    PeerProcess storm;
    QVERIFY(storm.startPython(python, QStringLiteral("storm.py"),
                              {QStringLiteral("udp"), QStringLiteral("--port"), QString::number(pane->snapshot().localPort),
                               QStringLiteral("--count"), QString::number(senders)}));
    QVERIFY2(storm.waitForExit(50000), storm.out().constData());
    QVERIFY2(storm.exitCode() == 0, qPrintable(QString::fromUtf8(storm.out()) + storm.errText()));

    QTRY_COMPARE(pane->findChild<ConnectionsModel *>()->rowCount(), most); // the server pane's table
    QTRY_VERIFY2(state->accessibleName().contains(
                     QStringLiteral("%1 peers, the most remembered: the oldest is forgotten").arg(most)),
                 qPrintable(state->accessibleName()));
    int notes = 0;
    for (const Event &e : window.log()->snapshot())
        notes += e.kind == EventKind::Note && e.detail.contains(QStringLiteral("only the latest %1 are remembered").arg(most));
    QCOMPARE(notes, 1);
}

QTEST_MAIN(TestUiStorm)
#include "tst_ui_storm.moc"
