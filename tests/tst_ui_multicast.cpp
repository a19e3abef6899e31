// UDP multicast and broadcast in the window (issue 11): a folded
// "Multicast and broadcast" frame in both panes, for UDP only; a receiver
// joined to a group on lo gets what a Python sender (tests/peers/mcast_peer.py)
// sends to it, the peers table says the datagram went to the group, and the
// listen warning says the member listens on every interface; groups are
// joined and left while it runs; a sender may send to a broadcast address
// only when allowed; bad groups are refused where they were typed; the
// settings go to a config and come back. Where the kernel does not carry
// multicast on lo, the tests that need it are skipped with its reason.
#include "clientpane.h"
#include "connectionsmodel.h"
#include "event.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "multicasttestsupport.h"
#include "peers/peerprocess.h"
#include "serverpane.h"
#include "testsupport.h"
#include "windowtestbase.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;

class TestUiMulticast : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void frameIsFoldedAndForUdpOnly_data();
    void frameIsFoldedAndForUdpOnly();
    void aMemberShowsWhoSentToItsGroup();
    void groupsAreJoinedAndLeftWhileRunning();
    void badGroupsAreRefusedInThePane();
    void broadcastIsSentOnlyWhenAllowed_data();
    void broadcastIsSentOnlyWhenAllowed();
    void settingsRoundTripThroughAConfig();

private:
    /// The server as a UDP member of groups on lo (port: any); true once it runs.
    bool startMember(const QString &groups);
    /// The peers table's texts, one per row.
    QStringList peerTexts() const;

};

void TestUiMulticast::initTestCase()
{
    isolateSettings(QStringLiteral("tst_ui_multicast"));
}

void TestUiMulticast::init()
{
    openWindow();
}

void TestUiMulticast::cleanup()
{
    closeWindow();
}


bool TestUiMulticast::startMember(const QString &groups)
{
    pickTransport(QStringLiteral("server"), QStringLiteral("UDP"));
    auto *frame = widget<QGroupBox>(QStringLiteral("serverMcastOptions"));
    frame->setChecked(true);
    auto *edit = widget<QLineEdit>(QStringLiteral("serverMcastGroupsEdit"));
    edit->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(edit, groups);
    auto *iface = widget<QComboBox>(QStringLiteral("serverMcastInterfaceCombo"));
    iface->setCurrentIndex(iface->findData(QStringLiteral("lo")));
    widget<QSpinBox>(QStringLiteral("serverPortSpin"))->setValue(0);
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    ServerPane *server = m_window->serverPane();
    return QTest::qWaitFor([server] { return server->snapshot().isActive(); }, 10000);
}

QStringList TestUiMulticast::peerTexts() const
{
    auto *table = widget<QAbstractItemView>(QStringLiteral("serverConnectionsTable"));
    QStringList texts;
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, ConnectionsModel::PeerColumn).data().toString());
    return texts;
}

void TestUiMulticast::frameIsFoldedAndForUdpOnly_data()
{
    QTest::addColumn<QString>("side");
    QTest::newRow("server: a receiver joins groups") << QStringLiteral("server");
    QTest::newRow("client: a sender's TTL, loopback, broadcast") << QStringLiteral("client");
}

void TestUiMulticast::frameIsFoldedAndForUdpOnly()
{
    QFETCH(QString, side);
    const bool server = side == QLatin1String("server");
    if (!server)
        m_window->clientPane()->setFollowingServer(false);
    auto *frame = widget<QGroupBox>(side + QStringLiteral("McastOptions"));
    QVERIFY(frame);
    QVERIFY(!frame->isVisible()); // TCP first
    pickTransport(side, QStringLiteral("UDP"));
    QVERIFY(frame->isVisible());
    QVERIFY(frame->isCheckable() && !frame->isChecked());
    QVERIFY(!frame->accessibleName().isEmpty());
    auto *iface = widget<QComboBox>(side + QStringLiteral("McastInterfaceCombo"));
    QVERIFY(!iface->isVisible()); // folded: a plain UDP pane keeps its room
    frame->setChecked(true);
    QVERIFY(iface->isVisible());
    const QStringList fields = server ? QStringList{QStringLiteral("McastGroupsEdit"), QStringLiteral("McastJoinEdit"),
                                                    QStringLiteral("McastJoinButton"), QStringLiteral("McastLeaveButton")}
                                      : QStringList{QStringLiteral("McastTtlSpin"), QStringLiteral("McastLoopbackCheck"),
                                                    QStringLiteral("McastBroadcastCheck")};
    for (const QString &suffix : fields + QStringList{QStringLiteral("McastInterfaceCombo")}) {
        auto *field = widget<QWidget>(side + suffix);
        QVERIFY2(field && !field->accessibleName().isEmpty(), qPrintable(suffix));
        QVERIFY2(field->focusPolicy() & Qt::TabFocus, qPrintable(suffix));
    }
    if (server) { // join and leave are for a running receiver
        QVERIFY(!widget<QPushButton>(QStringLiteral("serverMcastJoinButton"))->isEnabled());
        // A member binds every interface whatever the address says: the
        // warning says so as soon as a group is typed, and goes with it.
        auto *warning = widget<QLabel>(QStringLiteral("serverAllInterfacesWarning"));
        QVERIFY(!warning->isVisible());
        QTest::keyClicks(widget<QLineEdit>(QStringLiteral("serverMcastGroupsEdit")), GroupA);
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().startsWith(QLatin1String("Bound to every interface")), qPrintable(warning->text()));
        frame->setChecked(false);
        QVERIFY(!warning->isVisible());
        frame->setChecked(true);
    }
    pickTransport(side, QStringLiteral("TCP"));
    QVERIFY(!frame->isVisible());
}

void TestUiMulticast::aMemberShowsWhoSentToItsGroup()
{
    SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(GroupA);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    // The address field says 127.0.0.1, but a member binds every interface:
    // the warning says so before Start, and from the snapshot after it.
    auto *warning = widget<QLabel>(QStringLiteral("serverAllInterfacesWarning"));
    pickTransport(QStringLiteral("server"), QStringLiteral("UDP"));
    QVERIFY(!warning->isVisible());
    QVERIFY(startMember(GroupA));
    ServerPane *server = m_window->serverPane();
    QCOMPARE(server->snapshot().localAddress, QHostAddress(QHostAddress::AnyIPv4));
    QVERIFY(warning->isVisible());

    PeerProcess sender;
    QVERIFY2(sender.startPython(python, QStringLiteral("mcast_peer.py"), {QStringLiteral("send")}), qPrintable(sender.errText()));
    QVERIFY(sender.waitForPortLine() != 0);
    sender.write(GroupA.toUtf8() + ' ' + QByteArray::number(server->snapshot().localPort) + " to the group\n");
    QTRY_COMPARE(peerTexts().size(), 1);
    QTRY_VERIFY2(peerTexts().constFirst().endsWith(QStringLiteral("(to group %1)").arg(GroupA)),
                 qPrintable(peerTexts().join(u'|')));
    const QList<Event> received = events(EventKind::DatagramReceived, server->endpointId());
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.constFirst().payload, QByteArray("to the group"));
    QCOMPARE(received.constFirst().detail, QStringLiteral("to group ") + GroupA);
}

void TestUiMulticast::groupsAreJoinedAndLeftWhileRunning()
{
    SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(GroupB);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    QVERIFY(startMember(GroupA));
    ServerPane *server = m_window->serverPane();
    auto *groups = widget<QLineEdit>(QStringLiteral("serverMcastGroupsEdit"));
    QVERIFY(groups->isReadOnly()); // what it is a member of now
    auto *join = widget<QLineEdit>(QStringLiteral("serverMcastJoinEdit"));
    join->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(join, GroupB);
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverMcastJoinButton")), Qt::LeftButton);
    QTRY_COMPARE(server->snapshot().config.multicastGroups, (QStringList{GroupA, GroupB}));
    QTRY_COMPARE(groups->text(), GroupA + QStringLiteral(", ") + GroupB);

    PeerProcess sender;
    QVERIFY(sender.startPython(python, QStringLiteral("mcast_peer.py"), {QStringLiteral("send")}));
    QVERIFY(sender.waitForPortLine() != 0);
    sender.write(GroupB.toUtf8() + ' ' + QByteArray::number(server->snapshot().localPort) + " to B\n");
    QTRY_VERIFY2(!peerTexts().isEmpty() && peerTexts().constFirst().endsWith(QStringLiteral("(to group %1)").arg(GroupB)),
                 qPrintable(peerTexts().join(u'|')));

    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverMcastLeaveButton")), Qt::LeftButton);
    QTRY_COMPARE(server->snapshot().config.multicastGroups, QStringList{GroupA});
    QTRY_COMPARE(groups->text(), GroupA);
    QVERIFY(server->snapshot().isActive());
}

void TestUiMulticast::badGroupsAreRefusedInThePane()
{
    // Before Start: the pane's own check, naming the text.
    pickTransport(QStringLiteral("server"), QStringLiteral("UDP"));
    widget<QGroupBox>(QStringLiteral("serverMcastOptions"))->setChecked(true);
    widget<QLineEdit>(QStringLiteral("serverMcastGroupsEdit"))->setText(QStringLiteral("239.255.0.1, 10.1.2.3"));
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    auto *error = widget<QLabel>(QStringLiteral("serverErrorLabel"));
    QTRY_VERIFY2(error->text().startsWith(QLatin1String("Multicast: ")) && error->text().contains(QLatin1String("10.1.2.3 is not a multicast group address")),
                 qPrintable(error->text()));
    ServerPane *server = m_window->serverPane();
    QVERIFY(!server->isRunning());
    QTRY_VERIFY(!events(EventKind::Error, server->endpointId()).isEmpty());

    // While running: a join of something that is no group is the core's refusal, and it keeps running.
    widget<QLineEdit>(QStringLiteral("serverMcastGroupsEdit"))->clear();
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    QTRY_VERIFY(server->snapshot().isActive());
    widget<QLineEdit>(QStringLiteral("serverMcastJoinEdit"))->setText(QStringLiteral("10.0.0.1"));
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverMcastJoinButton")), Qt::LeftButton);
    QTRY_VERIFY2(error->text().contains(QLatin1String("cannot join a group")), qPrintable(error->text()));
    QVERIFY(server->snapshot().isActive());
    QVERIFY(server->snapshot().config.multicastGroups.isEmpty());
}

void TestUiMulticast::broadcastIsSentOnlyWhenAllowed_data()
{
    QTest::addColumn<bool>("allowed");
    QTest::newRow("allowed: the Python receiver gets it") << true;
    QTest::newRow("not allowed: the system refuses (EACCES)") << false;
}

void TestUiMulticast::broadcastIsSentOnlyWhenAllowed()
{
    QFETCH(bool, allowed);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    const QString address = QStringLiteral("127.255.255.255"); // loopback's broadcast address
    PeerProcess receiver;
    QVERIFY(receiver.startPython(python, QStringLiteral("mcast_peer.py"),
                                 {QStringLiteral("receive-broadcast"), address, QStringLiteral("--count"), QStringLiteral("1")}));
    const quint16 port = receiver.waitForPortLine();
    QVERIFY(port != 0);

    ClientPane *client = m_window->clientPane();
    pickTransport(QStringLiteral("client"), QStringLiteral("UDP"));
    auto *host = widget<QLineEdit>(QStringLiteral("clientHostEdit"));
    host->setFocus(Qt::TabFocusReason);
    host->selectAll();
    QTest::keyClicks(host, address);
    widget<QSpinBox>(QStringLiteral("clientPortSpin"))->setValue(port);
    QVERIFY(!client->isFollowingServer());
    widget<QGroupBox>(QStringLiteral("clientMcastOptions"))->setChecked(true);
    auto *broadcast = widget<QCheckBox>(QStringLiteral("clientMcastBroadcastCheck"));
    QVERIFY(broadcast->isVisible() && broadcast->isEnabled());
    if (allowed) { // from the keyboard, as a user tabbing through the frame does
        broadcast->setFocus(Qt::TabFocusReason);
        QTest::keyClick(broadcast, Qt::Key_Space);
    }
    QCOMPARE(broadcast->isChecked(), allowed);
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
    QTRY_VERIFY(client->snapshot().isActive());
    QCOMPARE(client->snapshot().config.broadcast, allowed);

    auto *payload = widget<QLineEdit>(QStringLiteral("clientPayloadEdit"));
    payload->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(payload, QStringLiteral("to everyone"));
    QTest::keyClick(payload, Qt::Key_Return);
    if (allowed) {
        QVERIFY2(!receiver.waitForMatch(QRegularExpression(QStringLiteral("(from \\S+ ttl=\\S+ to everyone)")),
                                        QProcess::StandardOutput).isEmpty(),
                 receiver.out().constData());
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("clientErrorLabel"))->text().isEmpty());
    } else {
        auto *error = widget<QLabel>(QStringLiteral("clientErrorLabel"));
        QTRY_VERIFY2(error->text().contains(QLatin1String("(EACCES)")), qPrintable(error->text()));
        QVERIFY(!events(EventKind::Error, client->endpointId()).isEmpty());
        QVERIFY(!receiver.out().contains("to everyone"));
    }
}

void TestUiMulticast::settingsRoundTripThroughAConfig()
{
    EndpointConfig server = m_window->serverPane()->settings();
    server.transport = Transport::Udp;
    server.multicastGroups = {GroupA, GroupV6};
    server.multicastInterface = QStringLiteral("lo");
    m_window->serverPane()->applySettings(server);
    QVERIFY(widget<QGroupBox>(QStringLiteral("serverMcastOptions"))->isChecked());
    const EndpointConfig serverBack = m_window->serverPane()->settings();
    QCOMPARE(serverBack.multicastGroups, server.multicastGroups);
    QCOMPARE(serverBack.multicastInterface, server.multicastInterface);

    EndpointConfig client = m_window->clientPane()->settings();
    client.transport = Transport::Udp;
    client.host = GroupA;
    client.multicastTtl = 4;
    client.multicastLoopback = false;
    client.broadcast = true;
    m_window->clientPane()->applySettings(client);
    const EndpointConfig clientBack = m_window->clientPane()->settings();
    QCOMPARE(clientBack.host, GroupA);
    QCOMPARE(clientBack.multicastTtl, 4);
    QCOMPARE(clientBack.multicastLoopback, false);
    QCOMPARE(clientBack.broadcast, true);

    // Plain UDP again: nothing of it goes to the config.
    widget<QGroupBox>(QStringLiteral("clientMcastOptions"))->setChecked(false);
    const EndpointConfig plain = m_window->clientPane()->settings();
    QCOMPARE(plain.multicastTtl, -1);
    QCOMPARE(plain.broadcast, false);
}

QTEST_MAIN(TestUiMulticast)
#include "tst_ui_multicast.moc"
