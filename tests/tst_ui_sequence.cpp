// The sequence diagram widget: clicking and keys select arrows and say which
// event they stand for, the log selects arrows back, arrows in view are
// accessible children, the time axis zooms and compresses pauses, SVG and
// PNG exports are what they claim. Offscreen, made-up exchanges.
#include "sequencediagram.h"
#include "session.h"
#include "testsupport.h"

#include <QAccessible>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QXmlStreamReader>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

constexpr qint64 Ms = 1000000;

Event event(EventKind kind, const EventSourcePtr &source, qint64 timeNs, const QByteArray &payload = {},
            qint64 offset = -1)
{
    static quint64 sequence = 0;
    Event e;
    e.sequence = ++sequence;
    e.kind = kind;
    e.timeNs = timeNs;
    e.source = source;
    e.payload = payload;
    e.byteCount = payload.size();
    e.streamOffset = offset;
    return e;
}

/// A client (endpoint 2) connects to a server (endpoint 1, echo on), says
/// hello, gets it back, half-closes; the server closes: 7 arrows
/// (SYN, SYN-ACK, ACK, hello, its echo, FIN, FIN), then `more` messages
/// of the client, each `gapMs` after the one before.
QList<Event> exchange(int more = 0, qint64 gapMs = 1)
{
    const EventSourcePtr listening = makeEventSource(1, 0, QStringLiteral("server"), QHostAddress::LocalHost, 5000, {}, 0);
    const EventSourcePtr connecting = makeEventSource(2, 1, QStringLiteral("client"), {}, 0, QHostAddress::LocalHost, 5000);
    QList<Event> events;
    qint64 t = 0;
    events << event(EventKind::Listening, listening, t);
    events << event(EventKind::Connecting, connecting, t += Ms);
    events << event(EventKind::Connected, clientSource(), t += Ms);
    events << event(EventKind::Accepted, serverSource(1), t += Ms / 10);
    events << event(EventKind::Sent, clientSource(), t += Ms, "hello\n", 0);
    events << event(EventKind::Received, serverSource(1), t += Ms / 10, "hello\n", 0);
    events << event(EventKind::AutoReplied, serverSource(1), t += Ms / 10, "hello\n", 0);
    events << event(EventKind::Received, clientSource(), t += Ms / 10, "hello\n", 0);
    qint64 offset = 6;
    for (int i = 0; i < more; ++i) {
        const QByteArray bytes = "more " + QByteArray::number(i) + '\n';
        events << event(EventKind::Sent, clientSource(), t += gapMs * Ms, bytes, offset);
        events << event(EventKind::Received, serverSource(1), t += Ms / 10, bytes, offset);
        offset += bytes.size();
    }
    events << event(EventKind::HalfClosed, clientSource(), t += Ms);
    events << event(EventKind::PeerClosed, serverSource(1), t += Ms / 10);
    events << event(EventKind::PeerClosed, clientSource(), t += Ms / 10);
    return events;
}

void showDiagram(SequenceDiagram &diagram, QSize size = {1000, 700})
{
    diagram.resize(size);
    diagram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diagram));
}

/// Every text element of an SVG file, or the parse error.
QStringList svgTexts(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    if (xml.hasError())
        *error = xml.errorString();
    return texts;
}

} // namespace

class TestUiSequence : public QObject
{
    Q_OBJECT
private slots:
    void namedForUsersAndHarnesses()
    {
        SequenceDiagram diagram;
        QCOMPARE(diagram.objectName(), QStringLiteral("sequenceDiagram"));
        QCOMPARE(diagram.accessibleName(), QStringLiteral("Sequence diagram"));
        for (const char *name : {"sequenceZoomInButton", "sequenceZoomOutButton", "sequenceExportSvgButton",
                                 "sequenceExportPngButton"}) {
            auto *button = diagram.findChild<QToolButton *>(QLatin1String(name));
            QVERIFY2(button, name);
            QVERIFY2(!button->accessibleName().isEmpty(), name);
        }
    }

    void clickingAnArrowEmitsItsEvent()
    {
        SequenceDiagram diagram;
        const QList<Event> events = exchange();
        diagram.addEvents(events);
        showDiagram(diagram);
        QSignalSpy activated(&diagram, &SequenceDiagram::eventActivated);
        // Arrow 3 is the client's hello (event 5 of the exchange).
        const QRect hello = diagram.arrowRectInViewport(3);
        QVERIFY(diagram.viewport()->rect().contains(hello));
        QTest::mouseClick(diagram.viewport(), Qt::LeftButton, {}, hello.center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toULongLong(), events.at(4).sequence);
        QCOMPARE(diagram.selectedArrow(), 3);
        QCOMPARE(events.at(4).kind, EventKind::Sent);
    }

    void selectSequenceSelectsTheArrowAndScrollsToIt()
    {
        SequenceDiagram diagram;
        const QList<Event> events = exchange(200);
        diagram.addEvents(events);
        showDiagram(diagram, {900, 400});
        QSignalSpy activated(&diagram, &SequenceDiagram::eventActivated);
        diagram.verticalScrollBar()->setValue(0);
        QVERIFY(!diagram.followsLive());
        // The server's read of "more 150" (not the write): its arrow is the write's.
        const Event &read = events.at(8 + 2 * 150 + 1);
        QCOMPARE(read.kind, EventKind::Received);
        QVERIFY(diagram.selectSequence(read.sequence));
        const qsizetype selected = diagram.selectedArrow();
        QCOMPARE(selected, 5 + 150);
        QCOMPARE(diagram.ladder()->arrow(selected).endSequence, read.sequence);
        QVERIFY(diagram.viewport()->rect().intersects(diagram.arrowRectInViewport(selected)));
        QVERIFY(diagram.verticalScrollBar()->value() > 0);
        QCOMPARE(activated.count(), 0); // the log asked: nothing to tell it back
        QVERIFY(!diagram.selectSequence(events.first().sequence)); // "listening" has no arrow
    }

    void keysMoveBetweenArrows()
    {
        SequenceDiagram diagram;
        diagram.addEvents(exchange(3));
        showDiagram(diagram);
        diagram.setFocus();
        QSignalSpy activated(&diagram, &SequenceDiagram::eventActivated);
        const Ladder &ladder = *diagram.ladder();
        QTest::keyClick(&diagram, Qt::Key_Home);
        QCOMPARE(diagram.selectedArrow(), 0);
        QTest::keyClick(&diagram, Qt::Key_Down);
        QTest::keyClick(&diagram, Qt::Key_Down);
        QCOMPARE(diagram.selectedArrow(), 2);
        QTest::keyClick(&diagram, Qt::Key_Up);
        QCOMPARE(diagram.selectedArrow(), 1);
        QTest::keyClick(&diagram, Qt::Key_End);
        QCOMPARE(diagram.selectedArrow(), ladder.arrowCount() - 1);
        QTest::keyClick(&diagram, Qt::Key_Down); // stays on the last
        QCOMPARE(diagram.selectedArrow(), ladder.arrowCount() - 1);
        QCOMPARE(activated.count(), 6);
        QCOMPARE(activated.at(1).at(0).toULongLong(), ladder.arrow(1).sequence);
        QCOMPARE(activated.last().at(0).toULongLong(), ladder.arrow(ladder.arrowCount() - 1).sequence);
    }

    void arrowsInViewAreAccessibleChildren()
    {
        SequenceDiagram diagram;
        diagram.addEvents(exchange());
        showDiagram(diagram);
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&diagram);
        QVERIFY(accessible);
        QCOMPARE(accessible->text(QAccessible::Name), QStringLiteral("Sequence diagram"));
        QCOMPARE(diagram.diagramItemCount(), 7);
        QVERIFY(accessible->childCount() >= 7);
        QAccessibleInterface *syn = accessible->child(0);
        QCOMPARE(syn->text(QAccessible::Name), QStringLiteral("SYN, client to server, at 1.000 ms, by the kernel"));
        QAccessibleInterface *hello = accessible->child(3);
        QCOMPARE(hello->text(QAccessible::Name),
                 QStringLiteral("message, client to server #1 (127.0.0.1:40001), 6 bytes: hello\\n, at 3.100 ms"));
        QVERIFY(!hello->state().selected);
        diagram.selectSequence(diagram.ladder()->arrow(3).sequence);
        QVERIFY(hello->state().selected);
        QVERIFY(!syn->state().selected);
        QVERIFY(!hello->rect().isEmpty());
    }

    void zoomAndIdleCompressionShapeTheTimeAxis()
    {
        SequenceDiagram diagram;
        // Ten messages 5 s apart: a classroom's pace.
        diagram.addEvents(exchange(10, 5000));
        showDiagram(diagram);
        const int compressed = diagram.exportSize().height();
        QVERIFY(compressed < 120 * diagram.fontMetrics().height()); // no kilometres of empty space
        diagram.setCompressIdleTime(false);
        QVERIFY(diagram.exportSize().height() > 10 * compressed);
        diagram.setCompressIdleTime(true);
        QCOMPARE(diagram.exportSize().height(), compressed);

        const double scale = diagram.timeScale();
        diagram.setFocus();
        QTest::keyClick(&diagram, Qt::Key_Plus);
        QVERIFY(diagram.timeScale() > scale);
        QTest::keyClick(&diagram, Qt::Key_Minus);
        QCOMPARE(diagram.timeScale(), scale);
        diagram.findChild<QToolButton *>(QStringLiteral("sequenceZoomOutButton"))->click();
        QVERIFY(diagram.timeScale() < scale);
        diagram.setTimeScale(0); // one row per arrow, whatever the time
        diagram.setCompressIdleTime(false);
        QVERIFY(diagram.exportSize().height() <= compressed);
    }

    void followsTheNewestUnlessScrolledUp()
    {
        SequenceDiagram diagram;
        showDiagram(diagram, {900, 400});
        const QList<Event> events = exchange(100);
        diagram.addEvents(events.mid(0, 150));
        QScrollBar *bar = diagram.verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        bar->setValue(0); // the user scrolls up to read
        diagram.addEvents(events.mid(150));
        QCOMPARE(bar->value(), 0);
        diagram.setFocus();
        QTest::keyClick(&diagram, Qt::Key_End);
        QVERIFY(diagram.followsLive());
        QCOMPARE(bar->value(), bar->maximum());
    }

    void svgExportParsesBackWithTheLabels()
    {
        SequenceDiagram diagram;
        diagram.addEvents(exchange());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ladder.svg"));
        const Result result = diagram.exportSvg(path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QString error;
        const QStringList texts = svgTexts(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &label : {u"SYN · kernel"_qs, u"SYN-ACK · kernel"_qs, u"ACK · kernel"_qs,
                                     u"6 bytes: hello\\n"_qs, u"reply 6 bytes: hello\\n"_qs, u"FIN"_qs, u"client"_qs,
                                     u"server #1 (127.0.0.1:40001)"_qs})
            QVERIFY2(texts.contains(label), qPrintable(label + u" not in: " + texts.join(u" | ")));
        QCOMPARE(texts.count(u"FIN"_qs), 2);

        const Result refused = diagram.exportSvg(dir.filePath(QStringLiteral("no/such/dir/ladder.svg")));
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("no/such/dir")), qPrintable(refused.error));
    }

    void pngExportIsTwiceTheDiagram()
    {
        SequenceDiagram diagram;
        diagram.addEvents(exchange(5));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ladder.png"));
        const Result result = diagram.exportPng(path);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(diagram.exportSize().width() > 300);
        QCOMPARE(image.size(), diagram.exportSize() * 2);
    }

    void followsARealExchangeAndExportsIt()
    {
        // A TCP client and an echo server, a UDP pair, through a Session. Set
        // SOCKPLAY_SEQUENCE_EXPORT_DIR to keep the PNG and SVG (docs, slides).
        Session session;
        SequenceDiagram diagram;
        diagram.setLog(session.log());
        showDiagram(diagram, {1200, 800});
        EndpointConfig server;
        server.name = QStringLiteral("server");
        server.echo = true;
        const int serverId = session.addEndpoint(server);
        session.start(serverId, server);
        QTRY_VERIFY(session.snapshot(serverId).localPort != 0);
        EndpointConfig client;
        client.role = Role::Client;
        client.name = QStringLiteral("client");
        client.port = session.snapshot(serverId).localPort;
        const int clientId = session.addEndpoint(client);
        session.start(clientId, client);
        QTRY_VERIFY(session.snapshot(clientId).isActive());
        session.send(clientId, 0, "hello\n");
        QTRY_COMPARE(diagram.ladder()->arrowCount(), 5);
        session.send(clientId, 0, "how are you?\n");
        QTRY_COMPARE(diagram.ladder()->arrowCount(), 7);
        EndpointConfig udp;
        udp.transport = Transport::Udp;
        udp.name = QStringLiteral("udp");
        udp.echo = true;
        const int udpId = session.addEndpoint(udp);
        session.start(udpId, udp);
        QTRY_VERIFY(session.snapshot(udpId).localPort != 0);
        EndpointConfig udpClient = udp;
        udpClient.role = Role::Client;
        udpClient.name = QStringLiteral("udp client");
        udpClient.echo = false;
        udpClient.port = session.snapshot(udpId).localPort;
        const int udpClientId = session.addEndpoint(udpClient);
        session.start(udpClientId, udpClient);
        QTRY_VERIFY(session.snapshot(udpClientId).isActive());
        session.send(udpClientId, 0, "ping");
        QTRY_COMPARE(diagram.ladder()->arrowCount(), 9);
        session.halfClose(clientId);
        QTRY_COMPARE(diagram.ladder()->arrowCount(), 11);
        QCOMPARE(diagram.diagramItemCount(), 11);

        QTemporaryDir temporary;
        const QString dir = qEnvironmentVariable("SOCKPLAY_SEQUENCE_EXPORT_DIR", temporary.path());
        const Result png = diagram.exportPng(dir + QStringLiteral("/sequence.png"));
        QVERIFY2(png.ok, qPrintable(png.error));
        QCOMPARE(QImage(dir + QStringLiteral("/sequence.png")).size(), diagram.exportSize() * 2);
        const Result svg = diagram.exportSvg(dir + QStringLiteral("/sequence.svg"));
        QVERIFY2(svg.ok, qPrintable(svg.error));
        QString error;
        QVERIFY(svgTexts(dir + QStringLiteral("/sequence.svg"), &error).contains(u"datagram 4 bytes: ping"_qs));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        diagram.grab().save(dir + QStringLiteral("/sequence-window.png"));
    }

    void wssExchangeShowsTheTlsHandshakeAndTheUpgrade()
    {
        // Our wss:// client and server: TCP, TLS, the upgrade, then a message,
        // each labelled in the exported SVG (SOCKPLAY_SEQUENCE_EXPORT_DIR keeps it).
        Session session;
        SequenceDiagram diagram;
        diagram.setLog(session.log());
        showDiagram(diagram, {1200, 800});
        EndpointConfig server;
        server.transport = Transport::WebSocket;
        server.name = QStringLiteral("server");
        server.echo = true;
        server.secure = true;
        server.tls.selfSigned = true;
        server.tls.verifyPeer = false;
        const int serverId = session.addEndpoint(server);
        session.start(serverId, server);
        QTRY_VERIFY(session.snapshot(serverId).localPort != 0);
        EndpointConfig client;
        client.transport = Transport::WebSocket;
        client.role = Role::Client;
        client.name = QStringLiteral("client");
        client.port = session.snapshot(serverId).localPort;
        client.secure = true;
        client.tls.verifyPeer = false;
        const int clientId = session.addEndpoint(client);
        session.start(clientId, client);
        QTRY_VERIFY_WITH_TIMEOUT(session.snapshot(clientId).isActive(), 10000);
        session.send(clientId, 0, "hello");
        QTRY_COMPARE_WITH_TIMEOUT(diagram.ladder()->arrowCount(), 9, 10000); // 3 TCP, 2 TLS, 2 upgrade, 2 data

        QTemporaryDir temporary;
        const QString dir = qEnvironmentVariable("SOCKPLAY_SEQUENCE_EXPORT_DIR", temporary.path());
        QVERIFY(diagram.exportSvg(dir + QStringLiteral("/sequence-wss.svg")).ok);
        QVERIFY(diagram.exportPng(dir + QStringLiteral("/sequence-wss.png")).ok);
        QString error;
        const QStringList texts = svgTexts(dir + QStringLiteral("/sequence-wss.svg"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &label : {u"GET / HTTP/1.1"_qs, u"101 Switching Protocols"_qs, u"5 bytes: hello"_qs})
            QVERIFY2(texts.contains(label), qPrintable(label + u" not in: " + texts.join(u" | ")));
        const auto tls = std::count_if(texts.cbegin(), texts.cend(), [](const QString &text) {
            return text.startsWith(u"TLS handshake (TLSv1.3, TLS_"_qs);
        });
        QVERIFY2(tls == 2, qPrintable(texts.join(u" | ")));
    }
};

QTEST_MAIN(TestUiSequence)
#include "tst_ui_sequence.moc"
