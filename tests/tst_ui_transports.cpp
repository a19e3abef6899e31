// TLS, DTLS and WebSocket in the window (issue 11): each is in both panes'
// transport choice, with its own settings shown for it only; a self-signed
// TLS server and a client talk in one window, and so do a DTLS pair; a verifying client says why a
// self-signed server fails; a WebSocket client follows the server's path and
// shows the URL it opens; bad settings are refused where they were typed;
// the settings go to a config and come back (session files).
#include "clientpane.h"
#include "event.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "serverpane.h"
#include "testsupport.h"
#include "windowtestbase.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SockPlay;
using namespace SockPlay::Test;

class TestUiTransports : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void settingsShownForTheirTransportOnly_data();
    void settingsShownForTheirTransportOnly();
    void selfSignedServerAndClientTalkInOneWindow();
    void dtlsServerAndClientTalkInOneWindow();
    void verifyingClientSaysWhyASelfSignedServerFails();
    void webSocketClientFollowsThePathAndTalks();
    void wssServerTakesItsCertificateFromTheTlsSettings();
    void badSettingsAreRefusedInThePane_data();
    void badSettingsAreRefusedInThePane();
    void settingsRoundTripThroughAConfig();

private:
    /// Starts the server and waits until it listens; its port.
    quint16 startServer();
    /// Types a payload into a side's editor and presses Enter.
    void send(const QString &side, const QString &text);

};

void TestUiTransports::initTestCase()
{
    isolateSettings(QStringLiteral("tst_ui_transports"));
}

void TestUiTransports::init()
{
    openWindow();
}

void TestUiTransports::cleanup()
{
    closeWindow();
}


quint16 TestUiTransports::startServer()
{
    ServerPane *server = m_window->serverPane();
    auto *start = widget<QPushButton>(QStringLiteral("serverStartButton"));
    if (!start)
        return 0;
    QTest::mouseClick(start, Qt::LeftButton);
    if (!QTest::qWaitFor([server] { return server->snapshot().isActive(); }, 10000))
        return 0;
    return server->snapshot().localPort;
}

void TestUiTransports::send(const QString &side, const QString &text)
{
    auto *edit = widget<QLineEdit>(side + QStringLiteral("PayloadEdit"));
    QVERIFY(edit);
    edit->setFocus(Qt::TabFocusReason);
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}


void TestUiTransports::settingsShownForTheirTransportOnly_data()
{
    QTest::addColumn<QString>("side");
    QTest::addColumn<QString>("transport");
    QTest::addColumn<bool>("tlsShown");
    QTest::addColumn<bool>("wsShown");
    for (const QString &side : {QStringLiteral("server"), QStringLiteral("client")}) {
        QTest::addRow("%s TCP", qPrintable(side)) << side << QStringLiteral("TCP") << false << false;
        QTest::addRow("%s UDP", qPrintable(side)) << side << QStringLiteral("UDP") << false << false;
        QTest::addRow("%s TLS", qPrintable(side)) << side << QStringLiteral("TLS") << true << false;
        QTest::addRow("%s WebSocket", qPrintable(side)) << side << QStringLiteral("WebSocket") << false << true;
        QTest::addRow("%s DTLS", qPrintable(side)) << side << QStringLiteral("DTLS") << true << false;
    }
}

void TestUiTransports::settingsShownForTheirTransportOnly()
{
    QFETCH(QString, side);
    QFETCH(QString, transport);
    QFETCH(bool, tlsShown);
    QFETCH(bool, wsShown);
    pickTransport(side, transport);
    auto *tls = widget<QGroupBox>(side + QStringLiteral("TlsOptions"));
    auto *ws = widget<QGroupBox>(side + QStringLiteral("WsOptions"));
    QVERIFY(tls && ws);
    QCOMPARE(tls->isVisible(), tlsShown);
    QCOMPARE(ws->isVisible(), wsShown);
    QVERIFY(!tls->accessibleName().isEmpty());
    QVERIFY(!ws->accessibleName().isEmpty());
    const bool server = side == QLatin1String("server");
    const Transport picked = server ? m_window->serverPane()->settings().transport
                                    : m_window->clientPane()->settings().transport;
    const Transport expected = transport == QLatin1String("DTLS") ? Transport::Dtls
        : tlsShown                                               ? Transport::Tls
        : wsShown                                                ? Transport::WebSocket
        : transport == QLatin1String("UDP")                      ? Transport::Udp
                                                                 : Transport::Tcp;
    QCOMPARE(int(picked), int(expected));
}

void TestUiTransports::selfSignedServerAndClientTalkInOneWindow()
{
    pickTransport(QStringLiteral("server"), QStringLiteral("TLS"));
    QCOMPARE(widget<QComboBox>(QStringLiteral("serverTlsIdentityCombo"))->currentIndex(), 0); // self-signed
    const quint16 port = startServer();
    QVERIFY(port != 0);
    ClientPane *client = m_window->clientPane();
    QCOMPARE(client->transport(), Transport::Tls); // it follows the server
    auto *verify = widget<QCheckBox>(QStringLiteral("clientTlsVerifyCheck"));
    QVERIFY(verify->isChecked());
    verify->setFocus(Qt::TabFocusReason);
    QTest::keyClick(verify, Qt::Key_Space);
    QVERIFY(!verify->isChecked());
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
    const int serverId = m_window->serverPane()->endpointId();
    const int clientId = client->endpointId();
    QTRY_VERIFY_WITH_TIMEOUT(!events(EventKind::Secured, clientId).isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!events(EventKind::Secured, serverId).isEmpty(), 10000);
    QVERIFY(!events(EventKind::Certificate, clientId).isEmpty()); // the server's chain, shown
    QTRY_VERIFY_WITH_TIMEOUT(client->snapshot().isActive(), 10000);
    send(QStringLiteral("client"), QStringLiteral("over TLS"));
    QTRY_COMPARE_WITH_TIMEOUT(bytesOf(*m_window->log(), serverId, EventKind::Received), QByteArray("over TLS\n"), 10000);
}

void TestUiTransports::dtlsServerAndClientTalkInOneWindow()
{
    // The same settings panel, over UDP: a self-signed DTLS server, a client
    // that does not verify and offers ALPN; one datagram a message.
    pickTransport(QStringLiteral("server"), QStringLiteral("DTLS"));
    auto *serverAlpn = widget<QLineEdit>(QStringLiteral("serverTlsAlpnEdit"));
    serverAlpn->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(serverAlpn, QStringLiteral("coap"));
    // The server's strip: its row up to the cookie exchange, then a client's branch.
    const QString strip = widget<QLabel>(QStringLiteral("serverLifecycleLabel"))->accessibleName();
    QVERIFY2(strip.contains(QStringLiteral("socket() → bind() → DTLSv1_listen() → SSL_accept() → "
                                           "SSL_read()/SSL_write() → close()")),
             qPrintable(strip));
    QVERIFY(startServer() != 0);
    ClientPane *client = m_window->clientPane();
    QCOMPARE(client->transport(), Transport::Dtls); // it follows the server
    QVERIFY(widget<QGroupBox>(QStringLiteral("clientTlsOptions"))->isVisible());
    auto *verify = widget<QCheckBox>(QStringLiteral("clientTlsVerifyCheck"));
    verify->setFocus(Qt::TabFocusReason);
    QTest::keyClick(verify, Qt::Key_Space);
    QVERIFY(!verify->isChecked());
    auto *alpn = widget<QLineEdit>(QStringLiteral("clientTlsAlpnEdit"));
    alpn->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(alpn, QStringLiteral("coap"));
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
    const int serverId = m_window->serverPane()->endpointId();
    const int clientId = client->endpointId();
    QTRY_VERIFY_WITH_TIMEOUT(client->snapshot().isActive(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!events(EventKind::Secured, serverId).isEmpty(), 10000);
    QVERIFY2(events(EventKind::Secured, clientId).first().detail.endsWith(QLatin1String(", ALPN coap")),
             qPrintable(events(EventKind::Secured, clientId).first().detail));
    send(QStringLiteral("client"), QStringLiteral("over DTLS"));
    send(QStringLiteral("client"), QStringLiteral("again"));
    QTRY_COMPARE_WITH_TIMEOUT(events(EventKind::DatagramReceived, serverId).size(), 2, 10000);
    QCOMPARE(events(EventKind::DatagramReceived, serverId).first().payload, QByteArray("over DTLS\n"));
}

void TestUiTransports::verifyingClientSaysWhyASelfSignedServerFails()
{
    pickTransport(QStringLiteral("server"), QStringLiteral("TLS"));
    QVERIFY(startServer() != 0);
    QVERIFY(widget<QCheckBox>(QStringLiteral("clientTlsVerifyCheck"))->isChecked());
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
    auto *error = widget<QLabel>(QStringLiteral("clientErrorLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), 10000);
    QVERIFY(events(EventKind::Secured, m_window->clientPane()->endpointId()).isEmpty());
}

void TestUiTransports::webSocketClientFollowsThePathAndTalks()
{
    pickTransport(QStringLiteral("server"), QStringLiteral("WebSocket"));
    auto *serverPath = widget<QLineEdit>(QStringLiteral("serverWsPathEdit"));
    serverPath->setFocus(Qt::TabFocusReason);
    serverPath->selectAll();
    QTest::keyClicks(serverPath, QStringLiteral("/chat"));
    const quint16 port = startServer();
    QVERIFY(port != 0);
    QCOMPARE(m_window->clientPane()->transport(), Transport::WebSocket);
    QCOMPARE(widget<QLineEdit>(QStringLiteral("clientWsPathEdit"))->text(), QStringLiteral("/chat"));
    QCOMPARE(widget<QLabel>(QStringLiteral("clientWsUrlLabel"))->text(),
             QStringLiteral("ws://127.0.0.1:%1/chat").arg(port));
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->clientPane()->snapshot().isActive(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->serverPane()->snapshot().connectionCount > 0, 10000);
    send(QStringLiteral("client"), QStringLiteral("hello ws"));
    const int serverId = m_window->serverPane()->endpointId();
    // One message, whole, as text: no framing cut it.
    QTRY_VERIFY_WITH_TIMEOUT(!events(EventKind::Received, serverId).isEmpty(), 10000);
    const Event got = events(EventKind::Received, serverId).constFirst();
    QCOMPARE(got.payload, QByteArray("hello ws\n"));
    QVERIFY2(got.detail.contains(QStringLiteral("text")), qPrintable(got.detail));
}

void TestUiTransports::wssServerTakesItsCertificateFromTheTlsSettings()
{
    pickTransport(QStringLiteral("server"), QStringLiteral("WebSocket"));
    auto *tls = widget<QGroupBox>(QStringLiteral("serverTlsOptions"));
    QVERIFY(!tls->isVisible());
    // wss:// from the keyboard: the TLS settings' certificate choices appear.
    auto *secure = widget<QCheckBox>(QStringLiteral("serverWsSecureCheck"));
    QVERIFY(!secure->accessibleName().isEmpty());
    secure->setFocus(Qt::TabFocusReason);
    QTest::keyClick(secure, Qt::Key_Space);
    QVERIFY(secure->isChecked());
    QVERIFY(tls->isVisible());
    QCOMPARE(widget<QComboBox>(QStringLiteral("serverTlsIdentityCombo"))->currentIndex(), 0); // self-signed
    const quint16 port = startServer();
    QVERIFY(port != 0);
    const int serverId = m_window->serverPane()->endpointId();
    QVERIFY(m_window->serverPane()->snapshot().config.secure);
    QVERIFY(m_window->serverPane()->snapshot().config.tls.selfSigned);
    QCOMPARE(events(EventKind::Listening, serverId).size(), 1);
    QVERIFY2(events(EventKind::Listening, serverId).first().detail.startsWith(QStringLiteral("serving wss://")),
             qPrintable(events(EventKind::Listening, serverId).first().detail));

    QCOMPARE(m_window->clientPane()->transport(), Transport::WebSocket);
    // The client follows the server to wss:// (the URL says so).
    QVERIFY(widget<QCheckBox>(QStringLiteral("clientWsSecureCheck"))->isChecked());
    QCOMPARE(widget<QLabel>(QStringLiteral("clientWsUrlLabel"))->text(), QStringLiteral("wss://127.0.0.1:%1/").arg(port));
    // A wss:// client shows the TLS client's settings: not verifying, for the self-signed certificate.
    auto *clientTls = widget<QGroupBox>(QStringLiteral("clientTlsOptions"));
    QVERIFY(clientTls->isVisible());
    QVERIFY(widget<QComboBox>(QStringLiteral("clientTlsIdentityCombo"))->isVisible());
    QVERIFY(widget<QLineEdit>(QStringLiteral("clientTlsSniEdit"))->isVisible());
    auto *verify = widget<QCheckBox>(QStringLiteral("clientTlsVerifyCheck"));
    QVERIFY(verify->isChecked());
    verify->setFocus(Qt::TabFocusReason);
    QTest::keyClick(verify, Qt::Key_Space);
    QVERIFY(!verify->isChecked());
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->clientPane()->snapshot().isRunning(), 10000);
    QVERIFY(!m_window->clientPane()->snapshot().config.tls.verifyPeer);
    QTRY_VERIFY_WITH_TIMEOUT(!events(EventKind::Secured, serverId).isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->clientPane()->snapshot().isActive(), 10000);
    send(QStringLiteral("client"), QStringLiteral("over wss"));
    QTRY_COMPARE_WITH_TIMEOUT(bytesOf(*m_window->log(), serverId, EventKind::Received), QByteArray("over wss\n"), 10000);

    // Stopped and back to ws://: the TLS settings go away again.
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->serverPane()->snapshot().isRunning());
    QTest::mouseClick(secure, Qt::LeftButton);
    QVERIFY(!tls->isVisible());
}

void TestUiTransports::badSettingsAreRefusedInThePane_data()
{
    QTest::addColumn<QString>("side");
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("server PEM without a file") << QStringLiteral("server") << QStringLiteral("TLS")
                                               << QStringLiteral("serverTlsIdentityCombo") << QStringLiteral("PEM")
                                               << QStringLiteral("certificate file");
    QTest::newRow("client bad ALPN") << QStringLiteral("client") << QStringLiteral("TLS")
                                     << QStringLiteral("clientTlsAlpnEdit") << QStringLiteral("h2,,")
                                     << QStringLiteral("ALPN");
    QTest::newRow("server path without /") << QStringLiteral("server") << QStringLiteral("WebSocket")
                                           << QStringLiteral("serverWsPathEdit") << QStringLiteral("chat")
                                           << QStringLiteral("must start with /");
    QTest::newRow("client header without a colon") << QStringLiteral("client") << QStringLiteral("WebSocket")
                                                   << QStringLiteral("clientWsHeadersEdit")
                                                   << QStringLiteral("Authorization Bearer x")
                                                   << QStringLiteral("Authorization Bearer x");
}

void TestUiTransports::badSettingsAreRefusedInThePane()
{
    QFETCH(QString, side);
    QFETCH(QString, transport);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    pickTransport(side, transport);
    if (auto *combo = m_window->findChild<QComboBox *>(field)) {
        combo->setCurrentIndex(combo->findText(value, Qt::MatchStartsWith));
    } else if (auto *edit = m_window->findChild<QLineEdit *>(field)) {
        edit->setText(value);
    } else {
        auto *text = widget<QPlainTextEdit>(field);
        QVERIFY(text);
        text->setPlainText(value);
    }
    const bool server = side == QLatin1String("server");
    const auto errorsBefore = events(EventKind::Error, 0).size();
    QTest::mouseClick(widget<QPushButton>(side + (server ? QStringLiteral("StartButton") : QStringLiteral("ConnectButton"))),
                      Qt::LeftButton);
    auto *error = widget<QLabel>(side + QStringLiteral("ErrorLabel"));
    QTRY_VERIFY2(error->text().contains(message), qPrintable(error->text()));
    EndpointPane *pane = server ? static_cast<EndpointPane *>(m_window->serverPane())
                                : static_cast<EndpointPane *>(m_window->clientPane());
    QVERIFY(!pane->isRunning());
    // The refusal is in the log too, on the pane's side.
    QTRY_VERIFY(events(EventKind::Error, pane->endpointId()).size() > 0 || events(EventKind::Error, 0).size() > errorsBefore);
}

void TestUiTransports::settingsRoundTripThroughAConfig()
{
    EndpointConfig server = m_window->serverPane()->settings();
    server.transport = Transport::Tls;
    server.tls.selfSigned = false;
    server.tls.pkcs12File = QStringLiteral("/tmp/server.p12");
    server.tls.passphrase = QStringLiteral("secret");
    server.tls.verifyPeer = true;
    server.tls.caFile = QStringLiteral("/tmp/ca.pem");
    server.tls.alpn = {QStringLiteral("h2"), QStringLiteral("http/1.1")};
    m_window->serverPane()->applySettings(server);
    const EndpointConfig serverBack = m_window->serverPane()->settings();
    QCOMPARE(serverBack.tls, server.tls);

    EndpointConfig client = m_window->clientPane()->settings();
    client.transport = Transport::WebSocket;
    client.path = QStringLiteral("/feed?x=1");
    client.secure = true;
    client.tls.verifyPeer = false;
    client.tls.caFile = QStringLiteral("/tmp/ca.pem");
    client.tls.serverName = QStringLiteral("example.org");
    client.tls.certificateFile = QStringLiteral("/tmp/client.pem");
    client.tls.keyFile = QStringLiteral("/tmp/client.key");
    client.subprotocols = {QStringLiteral("chat"), QStringLiteral("superchat")};
    client.headers = {{QByteArray("Authorization"), QByteArray("Bearer abc")}};
    client.binaryMessages = true;
    m_window->clientPane()->applySettings(client);
    const EndpointConfig clientBack = m_window->clientPane()->settings();
    QCOMPARE(clientBack.path, client.path);
    QCOMPARE(clientBack.secure, true);
    QCOMPARE(clientBack.tls, client.tls);
    QCOMPARE(clientBack.subprotocols, client.subprotocols);
    QCOMPARE(clientBack.headers, client.headers);
    QCOMPARE(clientBack.binaryMessages, true);
    QCOMPARE(widget<QLabel>(QStringLiteral("clientWsUrlLabel"))->text().left(6), QStringLiteral("wss://"));
}

QTEST_MAIN(TestUiTransports)
#include "tst_ui_transports.moc"
