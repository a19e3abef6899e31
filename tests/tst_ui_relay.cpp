// The relay in the window (issue 11): the server pane's transport choice
// offers Relay, with its settings (target, TLS on either side, delays)
// shown for it only; a relay started in the window carries a Python
// client's conversation with a Python server (tests/peers/relay_peer.py),
// both directions in the log; a relay without a target port is refused in
// the pane; its settings go to a config and come back. A UDP relay, its
// simulated link set in the controls the UDP panes have, carries a Python
// UDP client's datagrams to a Python UDP server (tests/peers/udp_relay_peer.py).
#include "clientpane.h"
#include "event.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "peers/peerprocess.h"
#include "serverpane.h"
#include "testsupport.h"
#include "windowtestbase.h"

#include <QAbstractSpinBox>
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

class TestUiRelay : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void relaySettingsShownForRelayOnly();
    void lifecycleStripFollowsTheChosenTransportBeforeStart();
    void relayStartedInTheWindowCarriesAPythonConversation();
    void aRelayWithoutATargetPortIsRefusedInThePane();
    void relaySettingsRoundTripThroughAConfig();
    void aUdpRelayInTheWindowWithItsSimulatedLink();

private:

};

void TestUiRelay::initTestCase()
{
    isolateSettings(QStringLiteral("tst_ui_relay"));
}

void TestUiRelay::init()
{
    openWindow();
}

void TestUiRelay::cleanup()
{
    closeWindow();
}


void TestUiRelay::relaySettingsShownForRelayOnly()
{
    auto *relay = widget<QGroupBox>(QStringLiteral("serverRelayOptions"));
    QVERIFY(relay);
    QVERIFY(!relay->isVisible()); // TCP by default
    pickTransport(QStringLiteral("server"), QStringLiteral("Relay"));
    QVERIFY(relay->isVisible());
    QVERIFY(!widget<QGroupBox>(QStringLiteral("serverTlsOptions"))->isVisible());
    // Every control is named for tests and for screen readers.
    for (const char *name : {"serverRelayTargetHostEdit", "serverRelayTargetPortSpin", "serverRelayListenTlsCheck",
                             "serverRelayTargetTlsCheck", "serverRelayVerifyCheck", "serverRelayDelayToTargetSpin",
                             "serverRelayDelayToClientSpin"}) {
        auto *control = widget<QWidget>(QString::fromLatin1(name));
        QVERIFY2(control, name);
        QVERIFY2(!control->accessibleName().isEmpty(), name);
        QVERIFY2(control->focusPolicy() & Qt::TabFocus, name);
    }
    // A relay's clients speak TCP: the client pane follows with TCP, and TLS
    // once the relay listens with TLS.
    QCOMPARE(m_window->clientPane()->transport(), Transport::Tcp);
    auto *listenTls = widget<QCheckBox>(QStringLiteral("serverRelayListenTlsCheck"));
    listenTls->setFocus(Qt::TabFocusReason);
    QTest::keyClick(listenTls, Qt::Key_Space);
    QCOMPARE(m_window->clientPane()->transport(), Transport::Tls);
}

void TestUiRelay::lifecycleStripFollowsTheChosenTransportBeforeStart()
{
    auto *strip = widget<QLabel>(QStringLiteral("serverLifecycleLabel"));
    QVERIFY(strip->accessibleName().startsWith(QLatin1String("TCP server: socket()")));
    // Before Start: the relay's flow, not a TCP server's: it connects to the target for each client.
    pickTransport(QStringLiteral("server"), QStringLiteral("Relay"));
    QCOMPARE(strip->accessibleName(),
             QStringLiteral("Relay: socket() → bind() → listen() → accept() → connect() → recv()/send() → close()"));
    auto *listenTls = widget<QCheckBox>(QStringLiteral("serverRelayListenTlsCheck"));
    listenTls->setFocus(Qt::TabFocusReason);
    QTest::keyClick(listenTls, Qt::Key_Space);
    QCOMPARE(strip->accessibleName(), QStringLiteral("Relay (TLS for its clients): socket() → bind() → listen() → "
                                                     "accept() → SSL_accept() → connect() → SSL_read()/SSL_write() → "
                                                     "close()"));
    QTest::keyClick(listenTls, Qt::Key_Space);
    QVERIFY(strip->accessibleName().startsWith(QLatin1String("Relay: ")));
    // A UDP relay: the row its running socket will have, named as the relay,
    // not a plain UDP socket's.
    auto *udp = widget<QCheckBox>(QStringLiteral("serverRelayUdpCheck"));
    udp->setFocus(Qt::TabFocusReason);
    QTest::keyClick(udp, Qt::Key_Space);
    QCOMPARE(strip->accessibleName(), QStringLiteral("Relay (UDP): socket() → bind() → sendto()/recvfrom() → close()"));
    QTest::keyClick(udp, Qt::Key_Space);
    QVERIFY(strip->accessibleName().startsWith(QLatin1String("Relay: ")));
    // And back to TCP.
    auto *combo = widget<QComboBox>(QStringLiteral("serverTransportCombo"));
    combo->setCurrentIndex(combo->findText(QStringLiteral("TCP")));
    QVERIFY(strip->accessibleName().startsWith(QLatin1String("TCP server: socket()")));
}

void TestUiRelay::relayStartedInTheWindowCarriesAPythonConversation()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 targetPort = server.startPythonServer(python, QStringLiteral("relay_peer.py"), {QStringLiteral("server")});
    QVERIFY2(targetPort, qPrintable(server.errText()));

    pickTransport(QStringLiteral("server"), QStringLiteral("Relay"));
    auto *host = widget<QLineEdit>(QStringLiteral("serverRelayTargetHostEdit"));
    host->setFocus(Qt::TabFocusReason);
    host->selectAll();
    QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
    auto *port = widget<QSpinBox>(QStringLiteral("serverRelayTargetPortSpin"));
    port->setFocus(Qt::TabFocusReason);
    port->selectAll();
    QTest::keyClicks(port, QString::number(targetPort));
    QCOMPARE(port->value(), int(targetPort));
    ServerPane *pane = m_window->serverPane();
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pane->snapshot().isActive(), 10000);
    QCOMPARE(pane->snapshot().config.transport, Transport::Relay);

    PeerProcess client;
    QVERIFY(client.startPython(python, QStringLiteral("relay_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"),
                                QString::number(pane->snapshot().localPort), QStringLiteral("--send"),
                                QStringLiteral("from the window"), QStringLiteral("--send"), QStringLiteral("bye")}));
    QVERIFY2(client.waitForExit(), qPrintable(client.errText()));
    QCOMPARE(client.out(), QByteArray("connected\nreply echo: from the window\nreply bye\n"));
    const int id = pane->endpointId();
    QTRY_COMPARE(bytesOf(*m_window->log(), id, EventKind::Received, 1), QByteArray("from the window\nbye\n"));
    QTRY_COMPARE(bytesOf(*m_window->log(), id, EventKind::Sent, 2), QByteArray("from the window\nbye\n"));
    QTRY_COMPARE(bytesOf(*m_window->log(), id, EventKind::Received, 2), QByteArray("echo: from the window\nbye\n"));
    QTRY_COMPARE(bytesOf(*m_window->log(), id, EventKind::Sent, 1), QByteArray("echo: from the window\nbye\n"));
}

void TestUiRelay::aRelayWithoutATargetPortIsRefusedInThePane()
{
    pickTransport(QStringLiteral("server"), QStringLiteral("Relay"));
    QCOMPARE(widget<QSpinBox>(QStringLiteral("serverRelayTargetPortSpin"))->value(), 0);
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    auto *error = widget<QLabel>(QStringLiteral("serverErrorLabel"));
    QTRY_VERIFY2(error->text().contains(QLatin1String("target's port")), qPrintable(error->text()));
    QVERIFY(!m_window->serverPane()->isRunning());
}

void TestUiRelay::relaySettingsRoundTripThroughAConfig()
{
    EndpointConfig config = m_window->serverPane()->settings();
    config.transport = Transport::Relay;
    config.relay.targetHost = QStringLiteral("example.org");
    config.relay.targetPort = 443;
    TlsSpec toTarget;
    toTarget.verifyPeer = false;
    toTarget.caFile = QStringLiteral("/tmp/ca.pem"); // no field for it: kept as it came
    config.relay.targetTls = toTarget;
    TlsSpec listen;
    listen.selfSigned = true;
    listen.verifyPeer = false;
    config.relay.listenTls = listen;
    config.relay.delayToTargetMs = 100;
    config.relay.delayToClientMs = 250;
    m_window->serverPane()->applySettings(config);
    QCOMPARE(m_window->serverPane()->settings().relay, config.relay);
    QVERIFY(!widget<QCheckBox>(QStringLiteral("serverRelayVerifyCheck"))->isChecked());
}

void TestUiRelay::aUdpRelayInTheWindowWithItsSimulatedLink()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 targetPort = server.startPythonServer(python, QStringLiteral("udp_relay_peer.py"), {QStringLiteral("server")});
    QVERIFY2(targetPort, qPrintable(server.errText()));
    pickTransport(QStringLiteral("server"), QStringLiteral("Relay"));
    auto *simLink = widget<QWidget>(QStringLiteral("serverSimLinkToggle"));
    QVERIFY(simLink && !simLink->isVisible()); // a TCP relay has no simulated link
    for (const char *name : {"serverRelayUdpCheck", "serverRelayIdleTimeoutSpin"}) {
        auto *control = widget<QWidget>(QString::fromLatin1(name));
        QVERIFY2(control && !control->accessibleName().isEmpty(), name);
        QVERIFY2(control->focusPolicy() & Qt::TabFocus, name);
    }
    auto *udp = widget<QCheckBox>(QStringLiteral("serverRelayUdpCheck"));
    udp->setFocus(Qt::TabFocusReason);
    QTest::keyClick(udp, Qt::Key_Space);
    QVERIFY(udp->isChecked());
    // UDP: the simulated link's controls appear, TLS goes, clients speak UDP.
    QVERIFY(simLink->isVisible());
    QVERIFY(!widget<QCheckBox>(QStringLiteral("serverRelayListenTlsCheck"))->isEnabled());
    QCOMPARE(m_window->clientPane()->transport(), Transport::Udp);

    auto *port = widget<QSpinBox>(QStringLiteral("serverRelayTargetPortSpin"));
    port->setFocus(Qt::TabFocusReason);
    port->selectAll();
    QTest::keyClicks(port, QString::number(targetPort));
    QTest::mouseClick(simLink, Qt::LeftButton); // unfolds the fields
    auto *dup = widget<QAbstractSpinBox>(QStringLiteral("serverSimDupSpin"));
    QTRY_VERIFY(dup->isVisible());
    dup->setFocus(Qt::TabFocusReason);
    dup->selectAll();
    QTest::keyClicks(dup, QStringLiteral("100"));
    QTest::keyClick(dup, Qt::Key_Enter);
    ServerPane *pane = m_window->serverPane();
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pane->snapshot().isActive(), 10000);
    QVERIFY(pane->snapshot().config.isUdpRelay());
    QCOMPARE(pane->snapshot().config.simLink.duplicatePercent, 100.0);
    QVERIFY(pane->snapshot().capabilities.datagram);

    // One datagram in, two to the target (the simulated link), two answers back.
    PeerProcess client;
    QVERIFY(client.startPython(python, QStringLiteral("udp_relay_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"),
                                QString::number(pane->snapshot().localPort), QStringLiteral("--send"),
                                QStringLiteral("from the window"), QStringLiteral("--extra"), QStringLiteral("1")}));
    QVERIFY2(client.waitForExit(), qPrintable(client.errText()));
    QCOMPARE(client.out(), QByteArray("reply echo: from the window\nreply echo: from the window\n"));
    const int id = pane->endpointId();
    QTRY_COMPARE(bytesOf(*m_window->log(), id, EventKind::DatagramReceived, 1), QByteArray("from the window"));
    QTRY_COMPARE(bytesOf(*m_window->log(), id, EventKind::DatagramSent, 2), QByteArray("from the windowfrom the window"));
    QTRY_COMPARE(bytesOf(*m_window->log(), id, EventKind::DatagramSent, 1),
                 QByteArray("echo: from the windowecho: from the window"));
}

QTEST_MAIN(TestUiRelay)
#include "tst_ui_relay.moc"
