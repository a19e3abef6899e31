// The log's detail pane, driven as a user drives it: a real session with a
// line-framed TCP server, a client that sends a message in two reads, real
// clicks and keys in the log table, offscreen.
#include "eventdetailview.h"
#include "eventlog.h"
#include "framer.h"
#include "logmodel.h"
#include "logview.h"
#include "session.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace SockPlay;

class TestEventDetail : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void emptyUntilARowIsSelected();
    void messageShowsItsChunksDumpAndMicroseconds();
    void copyPutsEverythingOnTheClipboard();
    void followsTheSelectionNotTheNewestEvent();
    void keyboardMovesTheDetailAndActivatesAChunk();
    void dumpHas16BytesPerLineWhenTheyFitElse8();
    void evictedEventStaysShownAndSaysSo();
    void largePayloadShowsItsStartAndCopiesAll();

private:
    template<typename T>
    T *widget(const char *name) const
    {
        return m_view->findChild<T *>(QString::fromLatin1(name));
    }
    /// Row of the first event of this kind (and these payload bytes, when given), or -1.
    int findRow(EventKind kind, const QByteArray &payload = {}) const;
    void clickRow(int row);
    /// Starts the server, connects, sends "partial " and (once logged) "rest\n".
    void sendMessageInTwoReads();
    int messageRow() const { return findRow(EventKind::Message, "partial rest\n"); }

    std::unique_ptr<Session> m_session;
    std::unique_ptr<LogView> m_view;
    std::unique_ptr<QTcpSocket> m_client;
    int m_server = 0;
};

void TestEventDetail::init()
{
    m_session = std::make_unique<Session>();
    EndpointConfig config;
    config.transport = Transport::Tcp;
    config.role = Role::Server;
    config.name = QStringLiteral("server");
    config.host = QStringLiteral("127.0.0.1");
    config.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    m_server = m_session->addEndpoint(config);
    m_session->start(m_server, config);
    QTRY_VERIFY(m_session->snapshot(m_server).isActive());

    m_view = std::make_unique<LogView>(m_session.get());
    m_view->resize(1200, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    // 1200 px leave no room for the payload column beside the details: they
    // start hidden, and the Details button shows them.
    QVERIFY(!widget<EventDetailView>("logDetailPane")->isVisible());
    QTest::mouseClick(m_view->detailsButton(), Qt::LeftButton);
    QVERIFY(widget<EventDetailView>("logDetailPane")->isVisible());
    // Room for 16 bytes per line (dumpHas16BytesPerLineWhenTheyFitElse8 tries both).
    widget<QSplitter>("logSplitter")->setSizes({400, 800});
}

void TestEventDetail::cleanup()
{
    m_client.reset();
    m_view.reset();
    m_session.reset();
}

int TestEventDetail::findRow(EventKind kind, const QByteArray &payload) const
{
    const LogModel *model = m_view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const std::optional<Event> event = model->eventAt(row);
        if (event && event->kind == kind && (payload.isEmpty() || event->payload == payload))
            return row;
    }
    return -1;
}

void TestEventDetail::clickRow(int row)
{
    QTableView *table = m_view->tableView();
    const QModelIndex index = m_view->model()->index(row, LogModel::EventColumn);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
}

void TestEventDetail::sendMessageInTwoReads()
{
    m_client = std::make_unique<QTcpSocket>();
    m_client->connectToHost(QHostAddress::LocalHost, m_session->snapshot(m_server).localPort);
    QTRY_COMPARE(m_client->state(), QAbstractSocket::ConnectedState);
    m_client->write("partial ");
    m_session->log()->flush();
    QTRY_VERIFY(findRow(EventKind::Received, "partial ") >= 0);
    m_client->write("rest\n");
    QTRY_VERIFY(messageRow() >= 0);
}

void TestEventDetail::emptyUntilARowIsSelected()
{
    auto *pane = widget<EventDetailView>("logDetailPane");
    QVERIFY(pane);
    QCOMPARE(pane->accessibleName(), QStringLiteral("Event details"));
    auto *empty = widget<QLabel>("logDetailEmptyLabel");
    QVERIFY(empty && empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("Select an event in the log to see its bytes."));
    QVERIFY(!widget<QPlainTextEdit>("logDetailDump")->isVisible());
    QVERIFY(!widget<QPushButton>("logDetailCopyButton")->isEnabled());
    // Beside the table, in one splitter.
    auto *splitter = widget<QSplitter>("logSplitter");
    QVERIFY(splitter);
    QCOMPARE(splitter->indexOf(m_view->tableView()), 0);
    QCOMPARE(splitter->indexOf(pane), 1);
}

void TestEventDetail::messageShowsItsChunksDumpAndMicroseconds()
{
    sendMessageInTwoReads();
    clickRow(messageRow());

    auto *pane = widget<EventDetailView>("logDetailPane");
    QVERIFY(pane->event());
    QCOMPARE(pane->event()->kind, EventKind::Message);
    QVERIFY(!widget<QLabel>("logDetailEmptyLabel")->isVisible());

    // Both reads, at stream offsets 0 and 8.
    auto *chunks = widget<QTreeWidget>("logDetailChunks");
    QVERIFY(chunks && chunks->isVisible());
    QCOMPARE(chunks->topLevelItemCount(), 2);
    QCOMPARE(chunks->topLevelItem(0)->text(2), QStringLiteral("0"));
    QCOMPARE(chunks->topLevelItem(0)->text(3), QStringLiteral("8"));
    QCOMPARE(chunks->topLevelItem(1)->text(2), QStringLiteral("8"));
    QCOMPARE(chunks->topLevelItem(1)->text(3), QStringLiteral("5"));
    QCOMPARE(widget<QLabel>("logDetailChunksLabel")->text(), QStringLiteral("Came in 2 reads:"));

    // The hex dump of the frame as it was on the wire, offsets from the stream.
    auto *dump = widget<QPlainTextEdit>("logDetailDump");
    QVERIFY(dump->isVisible() && dump->isReadOnly());
    QCOMPARE(dump->toPlainText(),
             QStringLiteral("00000000  70 61 72 74 69 61 6c 20  72 65 73 74 0a           |partial rest.|\n"));
    QVERIFY(dump->textInteractionFlags() & Qt::TextSelectableByKeyboard);

    // The time to the microsecond, from the log's epoch and its ns clock.
    const Event &event = *pane->event();
    const qint64 us = event.epochMs * 1000 + event.timeNs / 1000;
    const QString expectedTime = QDateTime::fromMSecsSinceEpoch(us / 1000).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"))
        + QStringLiteral(".%1").arg(us % 1000000, 6, 10, QChar(u'0'));
    auto *text = widget<QLabel>("logDetailText");
    QVERIFY(text->text().contains(expectedTime));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}$"))
                .match(EventDetailView::wallTimeText(event)).hasMatch());
    QVERIFY(text->text().contains(QLatin1String("server, connection #1")));
    QVERIFY(text->text().contains(m_client->localAddress().toString() + QLatin1Char(':')
                                  + QString::number(m_client->localPort())));
    QVERIFY(text->text().contains(QLatin1String("0 (0x0), incoming")));
    QVERIFY(text->text().contains(QStringLiteral("#%1").arg(event.sequence)));
    // However much it shows, the pane asks for little height: the window must fit 1280x720.
    QVERIFY(pane->minimumSizeHint().height() <= 8 * pane->fontMetrics().height());
}

void TestEventDetail::copyPutsEverythingOnTheClipboard()
{
    sendMessageInTwoReads();
    clickRow(messageRow());
    QApplication::clipboard()->clear();
    auto *copy = widget<QPushButton>("logDetailCopyButton");
    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(EventDetailView::wallTimeText(*widget<EventDetailView>("logDetailPane")->event())),
             qPrintable(copied));
    QVERIFY2(copied.contains(QLatin1String("Came in 2 reads:")), qPrintable(copied));
    QVERIFY2(copied.contains(QLatin1String("offset 0  8 bytes")), qPrintable(copied));
    QVERIFY2(copied.contains(QLatin1String("offset 8  5 bytes")), qPrintable(copied));
    QVERIFY2(copied.contains(QLatin1String("70 61 72 74 69 61 6c 20  72 65 73 74 0a           |partial rest.|")),
             qPrintable(copied));
}

void TestEventDetail::followsTheSelectionNotTheNewestEvent()
{
    sendMessageInTwoReads();
    clickRow(messageRow());
    const quint64 shown = widget<EventDetailView>("logDetailPane")->event()->sequence;
    const int rowsBefore = m_view->model()->rowCount();
    m_client->write("newer\n");
    QTRY_VERIFY(findRow(EventKind::Message, "newer\n") >= 0);
    QVERIFY(m_view->model()->rowCount() > rowsBefore);
    QVERIFY(widget<EventDetailView>("logDetailPane")->event());
    QCOMPARE(widget<EventDetailView>("logDetailPane")->event()->sequence, shown);
    QVERIFY(widget<QPlainTextEdit>("logDetailDump")->toPlainText().contains(QLatin1String("|partial rest.|")));
}

void TestEventDetail::keyboardMovesTheDetailAndActivatesAChunk()
{
    sendMessageInTwoReads();
    clickRow(messageRow());
    auto *pane = widget<EventDetailView>("logDetailPane");
    // Up: the row before the message is the read that completed it.
    QTest::keyClick(m_view->tableView(), Qt::Key_Up);
    QCOMPARE(pane->event()->kind, EventKind::Received);
    QCOMPARE(pane->event()->payload, QByteArray("rest\n"));
    QCOMPARE(widget<QLabel>("logDetailChunksLabel")->text(), QStringLiteral("Fed 1 message:"));
    QVERIFY(widget<QPlainTextEdit>("logDetailDump")->toPlainText().startsWith(QLatin1String("00000008  72 65 73 74 0a")));
    QTest::keyClick(m_view->tableView(), Qt::Key_Down);
    QCOMPARE(pane->event()->kind, EventKind::Message);

    // Enter on the first chunk selects that read in the log, and the pane follows.
    auto *chunks = widget<QTreeWidget>("logDetailChunks");
    chunks->setFocus();
    chunks->setCurrentItem(chunks->topLevelItem(0));
    QTest::keyClick(chunks, Qt::Key_Return);
    QCOMPARE(pane->event()->payload, QByteArray("partial "));
    QCOMPARE(m_view->tableView()->currentIndex().row(), findRow(EventKind::Received, "partial "));
    QVERIFY(m_view->tableView()->hasFocus());
}

void TestEventDetail::dumpHas16BytesPerLineWhenTheyFitElse8()
{
    sendMessageInTwoReads();
    clickRow(messageRow());
    auto *pane = widget<EventDetailView>("logDetailPane");
    auto *dump = widget<QPlainTextEdit>("logDetailDump");
    auto *splitter = widget<QSplitter>("logSplitter");
    const int total = splitter->width();

    splitter->setSizes({total / 5, total - total / 5});
    QTRY_COMPARE(pane->bytesPerLine(), 16);
    QCOMPARE(dump->toPlainText().count(u'\n'), 1);

    splitter->setSizes({total - pane->minimumSizeHint().width(), pane->minimumSizeHint().width()});
    QTRY_COMPARE(pane->bytesPerLine(), 8);
    QCOMPARE(dump->toPlainText(), QStringLiteral("00000000  70 61 72 74  69 61 6c 20  |partial |\n"
                                                 "00000008  72 65 73 74  0a           |rest.|\n"));
}

void TestEventDetail::evictedEventStaysShownAndSaysSo()
{
    sendMessageInTwoReads();
    clickRow(messageRow());
    auto *pane = widget<EventDetailView>("logDetailPane");
    const quint64 shown = pane->event()->sequence;
    m_session->clearLog();
    QTRY_COMPARE(m_view->model()->rowCount(), 0);
    QVERIFY(pane->event());
    QCOMPARE(pane->event()->sequence, shown);
    QVERIFY(widget<QLabel>("logDetailTitle")->text().contains(QLatin1String("no longer in the log")));
    QVERIFY(widget<QPlainTextEdit>("logDetailDump")->toPlainText().contains(QLatin1String("|partial rest.|")));
}

void TestEventDetail::largePayloadShowsItsStartAndCopiesAll()
{
    // An event as the log hands it out, with more bytes than the dump shows.
    auto *pane = widget<EventDetailView>("logDetailPane");
    Event event;
    event.sequence = 42;
    event.kind = EventKind::Received;
    event.payload = QByteArray(EventDetailView::MaxDumpBytes + 1000, 'x');
    event.byteCount = event.payload.size();
    event.streamOffset = 0;
    pane->setEvent(event);
    const int perLine = pane->bytesPerLine();
    auto *dump = widget<QPlainTextEdit>("logDetailDump");
    QCOMPARE(dump->toPlainText().count(u'\n'), EventDetailView::MaxDumpBytes / perLine);
    QVERIFY(widget<QLabel>("logDetailDumpLabel")->text().contains(QLatin1String("Copy details copies all")));
    QTest::mouseClick(widget<QPushButton>("logDetailCopyButton"), Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    const qsizetype dumpLines = (event.payload.size() + perLine - 1) / perLine;
    QCOMPARE(copied.count(QLatin1String("|xxxx")), dumpLines);
}

QTEST_MAIN(TestEventDetail)
#include "tst_ui_eventdetail.moc"
