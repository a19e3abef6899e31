// The live log as a tool, driven as a user drives it (offscreen): rows
// selected and copied as text and hex, the context menu's actions, Export…
// (every event, the filtered rows, the selected rows) read back as CSV, JSON
// Lines and (by tshark) pcapng, a large export in slices while the event loop
// runs, Autosave… on and off, and errors shown next to the controls and logged.
#include "eventdetailview.h"
#include "eventlog.h"
#include "testsupport.h"
#include "logautosave.h"
#include "logexportbar.h"
#include "logexporter.h"
#include "logfilterbar.h"
#include "logmodel.h"
#include "logrowactions.h"
#include "logview.h"
#include "networkthread.h"
#include "session.h"
#include "peers/peerprocess.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace SockPlay;

namespace {

EventSourcePtr udpClient()
{
    return makeEventSource(3, 2, QStringLiteral("client"), QHostAddress::LocalHost, 40100,
                           QHostAddress::LocalHost, 5001);
}

/// The lines of a file, without empty ones.
QList<QByteArray> linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    lines.removeAll(QByteArray());
    lines.removeAll(QByteArray("\r"));
    return lines;
}

/// The JSON Lines of a file, each parsed (an unparsable line fails the count).
QList<QJsonObject> jsonLinesOf(const QString &path)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : linesOf(path)) {
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject())
            return {};
        objects.append(document.object());
    }
    return objects;
}

} // namespace

class TestLogTools : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void copiesSelectedRowsAsTextAndHex_data();
    void copiesSelectedRowsAsTextAndHex();
    void copyFollowsTheFilter();
    void copyOfAHugeSelectionIsCapped();
    void contextMenuActions_data();
    void contextMenuActions();
    void contextMenuOpensFromTheKeyboard();
    void exportsReadBack_data();
    void exportsReadBack();
    void pcapngExportIsReadByTshark_data();
    void pcapngExportIsReadByTshark();
    void largeExportRunsInSlices();
    void cancelledExportLeavesNoFile();
    void autosaveHoldsExactlyTheEventsWhileOn();
    void autosaveFollowsRealTrafficAcrossThreads();
    void errorsShowAndAreLogged_data();
    void errorsShowAndAreLogged();
    void autosaveWriteFailureTurnsItOff();

private:
    template<typename T>
    T *widget(const char *name) const
    {
        T *found = m_view->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no widget %s", name);
        return found;
    }
    void makeView();
    /// Clicks a table row, with modifiers (Ctrl, Shift) as a user would.
    void clickRow(int row, Qt::KeyboardModifiers modifiers = {});
    /// Answers the next file dialog with path.
    void answerFileDialog(const QString &path, const char *objectName);
    QStringList shownRows() const;
    QString path(const QString &name) const { return m_dir->filePath(name); }
    /// Starts an export of scope to path through the window and waits for it.
    bool exportAndWait(LogExportBar::Scope scope, const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir; // one per test: no file dialog asks to overwrite
    std::unique_ptr<Session> m_session;
    std::unique_ptr<LogView> m_view;
};

void TestLogTools::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = std::make_unique<Session>();
    EventLog *log = m_session->log();
    log->append(EventKind::Accepted, Test::serverSource(1));
    log->append(EventKind::Received, Test::serverSource(1), "hello", -1, 0);
    log->append(EventKind::Sent, Test::serverSource(1), "hello back", -1, 0);
    log->append(EventKind::Received, Test::clientSource(), "world", -1, 0);
    log->append(EventKind::Error, Test::serverSource(2), {}, -1, -1, QStringLiteral("connection reset by peer"));
    log->append(EventKind::Sent, Test::clientSource(), "HELLO again", -1, 5);
    log->append(EventKind::DatagramSent, udpClient(), "ping");
    log->append(EventKind::DatagramReceived, udpClient(), "pong\n");
    log->flush();
    makeView();
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 8);
}

void TestLogTools::makeView()
{
    m_view = std::make_unique<LogView>(m_session.get());
    m_view->resize(1400, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->activateWindow();
    m_view->tableView()->setFocus();
}

void TestLogTools::cleanup()
{
    m_view.reset();
    m_session.reset();
}

void TestLogTools::clickRow(int row, Qt::KeyboardModifiers modifiers)
{
    QTableView *table = m_view->tableView();
    const QModelIndex index = table->model()->index(row, LogModel::EventColumn);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, table->visualRect(index).center());
}

void TestLogTools::answerFileDialog(const QString &path, const char *objectName)
{
    QTimer::singleShot(0, this, [path, objectName] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QLatin1String(objectName));
        SockPlay::Test::chooseInFileDialog(dialog, path);
    });
}

QStringList TestLogTools::shownRows() const
{
    QStringList rows;
    const QAbstractItemModel *model = m_view->tableView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString payload = model->index(row, LogModel::PayloadColumn).data().toString();
        rows.append(payload.isEmpty() ? model->index(row, LogModel::EventColumn).data().toString() : payload);
    }
    return rows;
}

bool TestLogTools::exportAndWait(LogExportBar::Scope scope, const QString &file)
{
    QSignalSpy finished(m_view->exportBar()->exporter(), &LogExporter::finished);
    if (!m_view->exportBar()->exportTo(scope, file))
        return false;
    return finished.wait(30000);
}

void TestLogTools::copiesSelectedRowsAsTextAndHex_data()
{
    QTest::addColumn<QList<int>>("clicks"); // a row: click; -1 - row: Ctrl+click; -100 - row: Shift+click
    QTest::addColumn<int>("shiftDowns");
    QTest::addColumn<bool>("selectAll");
    QTest::addColumn<QStringList>("payloads");

    QTest::newRow("one row") << QList<int>{1} << 0 << false << QStringList{QStringLiteral("hello")};
    QTest::newRow("ctrl+click two rows") << QList<int>{1, -1 - 3} << 0 << false
                                         << QStringList{QStringLiteral("hello"), QStringLiteral("world")};
    QTest::newRow("ctrl+click backwards: the table's order")
        << QList<int>{3, -1 - 1} << 0 << false << QStringList{QStringLiteral("hello"), QStringLiteral("world")};
    QTest::newRow("shift+click a range") << QList<int>{1, -100 - 3} << 0 << false
                                         << QStringList{QStringLiteral("hello"), QStringLiteral("hello back"),
                                                        QStringLiteral("world")};
    QTest::newRow("shift+down") << QList<int>{6} << 1 << false
                                << QStringList{QStringLiteral("ping"), QStringLiteral("pong\\n")};
    QTest::newRow("ctrl+a") << QList<int>{} << 0 << true
                            << QStringList{QString(), QStringLiteral("hello"), QStringLiteral("hello back"),
                                           QStringLiteral("world"), QString(), QStringLiteral("HELLO again"),
                                           QStringLiteral("ping"), QStringLiteral("pong\\n")};
}

void TestLogTools::copiesSelectedRowsAsTextAndHex()
{
    QFETCH(QList<int>, clicks);
    QFETCH(int, shiftDowns);
    QFETCH(bool, selectAll);
    QFETCH(QStringList, payloads);
    QTableView *table = m_view->tableView();
    for (int click : clicks) {
        if (click <= -100)
            clickRow(-100 - click, Qt::ShiftModifier);
        else if (click < 0)
            clickRow(-1 - click, Qt::ControlModifier);
        else
            clickRow(click);
    }
    for (int i = 0; i < shiftDowns; ++i)
        QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    if (selectAll)
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);

    QApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), payloads.size());
    QStringList hexLines;
    for (int i = 0; i < lines.size(); ++i) {
        // Time, side, connection, event, bytes as the table shows them, then the payload.
        const QStringList cells = lines.at(i).split(QLatin1Char('\t'));
        QCOMPARE(cells.size(), 6);
        QCOMPARE(cells.last(), payloads.at(i));
        QVERIFY2(cells.at(1) == QLatin1String("server") || cells.at(1) == QLatin1String("client"), qPrintable(lines.at(i)));
        QString raw = payloads.at(i);
        hexLines.append(QString::fromLatin1(raw.replace(QLatin1String("\\n"), QLatin1String("\n")).toUtf8().toHex(' ')));
    }
    QVERIFY(widget<QLabel>("logExportStatusLabel")->text().contains(QString::number(payloads.size())));

    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), hexLines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void TestLogTools::copyFollowsTheFilter()
{
    m_view->filterBar()->showOnly(QStringLiteral("client"), 1);
    QTRY_COMPARE(shownRows(), (QStringList{QStringLiteral("world"), QStringLiteral("HELLO again")}));
    QTest::keyClick(m_view->tableView(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(m_view->tableView(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("77 6f 72 6c 64\n48 45 4c 4c 4f 20 61 67 61 69 6e\n"));
}

void TestLogTools::copyOfAHugeSelectionIsCapped()
{
    EventLog *log = m_session->log();
    for (int i = 0; i < LogRowActions::MaxCopyRows; ++i)
        log->append(EventKind::Received, Test::serverSource(1), "x", -1, i);
    log->flush();
    const int rows = LogRowActions::MaxCopyRows + 8;
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), rows);
    QTest::keyClick(m_view->tableView(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(m_view->tableView(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text().count(QLatin1Char('\n')), LogRowActions::MaxCopyRows);
    const QString status = widget<QLabel>("logExportStatusLabel")->text();
    QVERIFY2(status.contains(QLocale().toString(LogRowActions::MaxCopyRows))
                 && status.contains(QLocale().toString(rows)), qPrintable(status));
}

void TestLogTools::contextMenuActions_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("row");
    QTest::addColumn<QStringList>("shown"); // the rows shown after it (empty: unchanged)
    QTest::addColumn<QString>("clipboard"); // how it ends


    const QStringList all{QStringLiteral("accepted"), QStringLiteral("hello"), QStringLiteral("hello back"),
                          QStringLiteral("world"), QStringLiteral("error: connection reset by peer"),
                          QStringLiteral("HELLO again"), QStringLiteral("ping"), QStringLiteral("pong\\n")};
    QTest::newRow("copy") << QStringLiteral("logCopyAction") << 6 << all << QStringLiteral("\tping\n");
    QTest::newRow("copy as hex") << QStringLiteral("logCopyHexAction") << 7 << all << QStringLiteral("70 6f 6e 67 0a\n");
    QTest::newRow("filter to this connection")
        << QStringLiteral("logFilterConnectionAction") << 3
        << QStringList{QStringLiteral("world"), QStringLiteral("HELLO again")} << QString();
    QTest::newRow("filter to this endpoint")
        << QStringLiteral("logFilterEndpointAction") << 6
        << QStringList{QStringLiteral("world"), QStringLiteral("HELLO again"), QStringLiteral("ping"),
                       QStringLiteral("pong\\n")}
        << QString();
    QTest::newRow("filter to a server connection")
        << QStringLiteral("logFilterConnectionAction") << 1
        << QStringList{QStringLiteral("accepted"), QStringLiteral("hello"), QStringLiteral("hello back")} << QString();
    QTest::newRow("show details") << QStringLiteral("logShowDetailsAction") << 1 << all << QString();
    QTest::newRow("select all") << QStringLiteral("logSelectAllAction") << 1 << all << QString();
}

void TestLogTools::contextMenuActions()
{
    QFETCH(QString, action);
    QFETCH(int, row);
    QFETCH(QStringList, shown);
    QFETCH(QString, clipboard);
    QStringList all = shownRows();
    QCOMPARE(all.first(), QStringLiteral("accepted"));
    m_view->detailsButton()->setChecked(false);
    clickRow(row);
    auto *menu = widget<QMenu>("logContextMenu");
    QVERIFY(menu);
    QAction *a = m_view->findChild<QAction *>(action);
    QVERIFY(a);
    QVERIFY(menu->actions().contains(a));
    QApplication::clipboard()->clear();
    a->trigger();
    QTRY_COMPARE(shownRows(), shown);
    if (!clipboard.isEmpty())
        QVERIFY2(QApplication::clipboard()->text().endsWith(clipboard), qPrintable(QApplication::clipboard()->text()));
    if (action == QLatin1String("logShowDetailsAction"))
        QVERIFY(m_view->detailsButton()->isChecked() && m_view->detailView()->isVisible());
    if (action == QLatin1String("logSelectAllAction"))
        QCOMPARE(m_view->rowActions()->selectedRows().size(), 8);
}

void TestLogTools::contextMenuOpensFromTheKeyboard()
{
    clickRow(2);
    auto *menu = widget<QMenu>("logContextMenu");
    for (const QKeyCombination keys : {QKeyCombination(Qt::Key_Menu), QKeyCombination(Qt::SHIFT, Qt::Key_F10)}) {
        QVERIFY(!menu->isVisible());
        QTest::keyClick(m_view->tableView(), keys.key(), keys.keyboardModifiers());
        QTRY_VERIFY(menu->isVisible());
        QCOMPARE(menu->actions().size(), 9); // seven actions, two separators
        menu->hide();
    }
}

void TestLogTools::exportsReadBack_data()
{
    QTest::addColumn<QString>("scope"); // the action that starts it
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("payloads");

    const QStringList all{QString(), QStringLiteral("hello"), QStringLiteral("hello back"), QStringLiteral("world"),
                          QString(), QStringLiteral("HELLO again"), QStringLiteral("ping"), QStringLiteral("pong\\n")};
    const QStringList client{QStringLiteral("world"), QStringLiteral("HELLO again"), QStringLiteral("ping"),
                             QStringLiteral("pong\\n")};
    const QStringList selected{QStringLiteral("hello back"), QStringLiteral("ping")};
    for (const QString &file : {QStringLiteral("log.jsonl"), QStringLiteral("log.csv")}) {
        QTest::addRow("all events, %s", qPrintable(file)) << QStringLiteral("logExportAllAction") << file << all;
        QTest::addRow("filtered rows, %s", qPrintable(file)) << QStringLiteral("logExportFilteredAction") << file << client;
        QTest::addRow("selected rows, %s", qPrintable(file)) << QStringLiteral("logExportSelectedAction") << file << selected;
    }
}

void TestLogTools::exportsReadBack()
{
    QFETCH(QString, scope);
    QFETCH(QString, file);
    QFETCH(QStringList, payloads);
    if (scope == QLatin1String("logExportFilteredAction")) {
        m_view->filterBar()->showOnly(QStringLiteral("client"), -1);
        QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 4);
    }
    clickRow(2);
    clickRow(6, Qt::ControlModifier);
    // Through the menus and the file dialog, as a user does.
    QSignalSpy finished(m_view->exportBar()->exporter(), &LogExporter::finished);
    answerFileDialog(path(file), "logExportFileDialog");
    QAction *start = m_view->findChild<QAction *>(scope);
    QVERIFY(start);
    start->trigger();
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toLongLong(), payloads.size());
    QCOMPARE(widget<QLabel>("logExportStatusLabel")->text(),
             QStringLiteral("Exported %1 events to %2").arg(payloads.size()).arg(QDir::toNativeSeparators(path(file))));

    QStringList read;
    if (file.endsWith(QLatin1String(".jsonl"))) {
        const QList<QJsonObject> objects = jsonLinesOf(path(file));
        for (const QJsonObject &object : objects)
            read.append(object.value(QStringLiteral("payload_text")).toString());
        if (scope == QLatin1String("logExportFilteredAction")) {
            for (const QJsonObject &object : objects)
                QCOMPARE(object.value(QStringLiteral("endpoint")).toString(), QStringLiteral("client"));
        }
    } else {
        const QList<QByteArray> lines = linesOf(path(file));
        QVERIFY(!lines.isEmpty());
        QVERIFY(lines.first().startsWith("seq,time,endpoint"));
        // payload_text is the 11th of 12 fields; these payloads need no quotes.
        for (const QByteArray &line : lines.mid(1))
            read.append(QString::fromUtf8(line.split(',').value(10)));
    }
    QCOMPARE(read, payloads);
}

void TestLogTools::pcapngExportIsReadByTshark_data()
{
    QTest::addColumn<int>("scope");
    QTest::addColumn<int>("udpPackets");
    QTest::newRow("all events") << int(LogExportBar::Scope::All) << 2;
    QTest::newRow("filtered rows (datagrams received)") << int(LogExportBar::Scope::Filtered) << 1;
    QTest::newRow("selected rows") << int(LogExportBar::Scope::Selected) << 1;
}

void TestLogTools::pcapngExportIsReadByTshark()
{
    QFETCH(int, scope);
    QFETCH(int, udpPackets);
    SOCKPLAY_REQUIRE_PROGRAM(program, "tshark");
    if (LogExportBar::Scope(scope) == LogExportBar::Scope::Filtered) {
        m_view->filterBar()->showOnly(QStringLiteral("client"), 2);
        QTRY_COMPARE(shownRows(), (QStringList{QStringLiteral("ping"), QStringLiteral("pong\\n")}));
        clickRow(1); // the filtered table's rows
        QVERIFY(exportAndWait(LogExportBar::Scope::Selected, path(QStringLiteral("log.pcapng"))));
    } else {
        clickRow(6);
        QVERIFY(exportAndWait(LogExportBar::Scope(scope), path(QStringLiteral("log.pcapng"))));
    }
    QProcess tshark;
    tshark.start(program, {QStringLiteral("-r"), path(QStringLiteral("log.pcapng")), QStringLiteral("-Y"),
                           QStringLiteral("udp"), QStringLiteral("-T"), QStringLiteral("fields"),
                           QStringLiteral("-e"), QStringLiteral("udp.length")});
    QVERIFY(tshark.waitForFinished(SockPlayTest::PeerTimeoutMs));
    QCOMPARE(tshark.exitCode(), 0);
    const QList<QByteArray> packets = tshark.readAllStandardOutput().split('\n');
    QCOMPARE(packets.count(QByteArray()), 1); // the last newline
    QCOMPARE(packets.size() - 1, udpPackets);
}

void TestLogTools::largeExportRunsInSlices()
{
    constexpr int Events = 16 * LogExporter::ExportSliceEvents + 123; // 16 slices and a part
    EventLog *log = m_session->log();
    m_session->clearLog();
    for (int i = 0; i < Events; ++i)
        log->append(EventKind::Received, Test::serverSource(1), "0123456789", -1, qint64(i) * 10);
    log->flush();
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), Events);

    // The event loop keeps turning while it writes: a zero timer ticks between slices.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start();
    QSignalSpy progress(m_view->exportBar()->exporter(), &LogExporter::progress);
    QSignalSpy finished(m_view->exportBar()->exporter(), &LogExporter::finished);
    QVERIFY(m_view->exportBar()->exportTo(LogExportBar::Scope::All, path(QStringLiteral("big.jsonl"))));
    QVERIFY(widget<QWidget>("logExportProgress")->isVisible());
    QVERIFY(widget<QPushButton>("logExportCancelButton")->isVisible());
    QCOMPARE(ticks, 0);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.at(0).at(0).toLongLong(), Events);
    QVERIFY(progress.size() >= Events / LogExporter::ExportSliceEvents);
    QVERIFY2(ticks >= progress.size() - 1, qPrintable(QStringLiteral("%1 ticks, %2 slices").arg(ticks).arg(progress.size())));
    QCOMPARE(progress.last().at(0).toLongLong(), Events);
    QVERIFY(!widget<QWidget>("logExportProgress")->isVisible());
    QCOMPARE(linesOf(path(QStringLiteral("big.jsonl"))).size(), Events);
}

void TestLogTools::cancelledExportLeavesNoFile()
{
    EventLog *log = m_session->log();
    for (int i = 0; i < 4 * LogExporter::ExportSliceEvents; ++i)
        log->append(EventKind::Received, Test::serverSource(1), "x", -1, i);
    log->flush();
    QSignalSpy progress(m_view->exportBar()->exporter(), &LogExporter::progress);
    QSignalSpy cancelled(m_view->exportBar()->exporter(), &LogExporter::cancelled);
    QSignalSpy finished(m_view->exportBar()->exporter(), &LogExporter::finished);
    QVERIFY(m_view->exportBar()->exportTo(LogExportBar::Scope::All, path(QStringLiteral("cancelled.csv"))));
    QVERIFY(progress.wait());
    QTest::mouseClick(widget<QPushButton>("logExportCancelButton"), Qt::LeftButton);
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!QFile::exists(path(QStringLiteral("cancelled.csv"))));
    QVERIFY(widget<QPushButton>("logExportButton")->isEnabled());
    QVERIFY(!finished.wait(200));
}

void TestLogTools::autosaveHoldsExactlyTheEventsWhileOn()
{
    EventLog *log = m_session->log();
    auto *button = widget<QPushButton>("logAutosaveButton");
    const QString file = path(QStringLiteral("auto.jsonl"));
    answerFileDialog(file, "logAutosaveFileDialog");
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(button->isChecked());
    QCOMPARE(button->text(), QStringLiteral("Autosave: auto.jsonl"));
    QVERIFY(button->toolTip().contains(QDir::toNativeSeparators(file)));

    const quint64 first = log->nextSequence();
    for (int i = 0; i < 5; ++i)
        log->append(EventKind::Received, Test::serverSource(1), QByteArray::number(i), -1, i);
    log->flush();
    QTRY_COMPARE(m_view->exportBar()->autosave()->written(), 5);
    for (int i = 5; i < 7; ++i) // not yet batched when it goes off: written all the same
        log->append(EventKind::Received, Test::serverSource(1), QByteArray::number(i), -1, i);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isChecked());
    QCOMPARE(button->text(), QStringLiteral("Autosave…"));
    log->append(EventKind::Received, Test::serverSource(1), "after");
    log->flush();
    QTest::qWait(0);

    const QList<QJsonObject> objects = jsonLinesOf(file);
    QCOMPARE(objects.size(), 7);
    for (int i = 0; i < objects.size(); ++i) {
        QCOMPARE(objects.at(i).value(QStringLiteral("seq")).toInteger(), qint64(first) + i);
        QCOMPARE(objects.at(i).value(QStringLiteral("payload_text")).toString(), QString::number(i));
    }
}

void TestLogTools::autosaveFollowsRealTrafficAcrossThreads()
{
    // The window's set-up: the session and its log on the network thread.
    m_view.reset();
    m_session.reset();
    SessionHost host;
    Session *session = host.session();
    LogView view(session);
    view.show();
    LogAutosave *autosave = view.exportBar()->autosave();
    const QString file = path(QStringLiteral("traffic.jsonl"));
    QVERIFY(view.exportBar()->startAutosave(file));

    EndpointConfig serverConfig;
    serverConfig.transport = Transport::Tcp;
    serverConfig.role = Role::Server;
    serverConfig.name = QStringLiteral("server");
    serverConfig.host = QStringLiteral("127.0.0.1");
    serverConfig.echo = true;
    const int serverId = session->addEndpoint(serverConfig);
    QSignalSpy changed(session, &Session::endpointChanged);
    session->start(serverId, serverConfig);
    QTRY_VERIFY(session->snapshot(serverId).isActive());
    EndpointConfig clientConfig;
    clientConfig.transport = Transport::Tcp;
    clientConfig.role = Role::Client;
    clientConfig.name = QStringLiteral("client");
    clientConfig.host = QStringLiteral("127.0.0.1");
    clientConfig.port = session->snapshot(serverId).localPort;
    const int clientId = session->addEndpoint(clientConfig);
    session->start(clientId, clientConfig);
    QTRY_VERIFY(session->snapshot(clientId).isActive());
    session->send(clientId, 0, "ping\n");
    QTRY_VERIFY(autosave->written() >= 1 && session->snapshot(clientId).stats.bytesIn == 5);
    view.exportBar()->stopAutosave();
    const quint64 end = session->log()->nextSequence();
    session->stop(clientId);

    // Every event of the log from the first written on, in order, none missing.
    const QList<QJsonObject> objects = jsonLinesOf(file);
    QVERIFY(!objects.isEmpty());
    const qint64 first = objects.first().value(QStringLiteral("seq")).toInteger();
    QVERIFY(quint64(first + objects.size()) <= end);
    QStringList kinds;
    for (int i = 0; i < objects.size(); ++i) {
        QCOMPARE(objects.at(i).value(QStringLiteral("seq")).toInteger(), first + i);
        kinds.append(objects.at(i).value(QStringLiteral("kind")).toString());
    }
    QVERIFY2(kinds.contains(QStringLiteral("received")) && kinds.contains(QStringLiteral("sent")), qPrintable(kinds.join(QLatin1Char(' '))));
}

void TestLogTools::errorsShowAndAreLogged_data()
{
    QTest::addColumn<bool>("autosave");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("export: no such directory") << false << QStringLiteral("/nonexistent-sockplay-dir/x.csv")
                                               << QStringLiteral("No such file or directory");
    QTest::newRow("export: unknown extension") << false << QStringLiteral("x.txt")
                                               << QStringLiteral("unknown capture format \".txt\"");
    QTest::newRow("autosave: no such directory") << true << QStringLiteral("/nonexistent-sockplay-dir/x.pcapng")
                                                 << QStringLiteral("No such file or directory");
    // (A name without an extension gets the dialog's default one: .pcapng.)
    QTest::newRow("autosave: unknown extension") << true << QStringLiteral("capture.pcap")
                                                 << QStringLiteral("unknown capture format \".pcap\"");
}

void TestLogTools::errorsShowAndAreLogged()
{
    QFETCH(bool, autosave);
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const QString target = QFileInfo(file).isAbsolute() ? file : path(file);
    if (autosave) {
        answerFileDialog(target, "logAutosaveFileDialog");
        QTest::mouseClick(widget<QPushButton>("logAutosaveButton"), Qt::LeftButton);
        QVERIFY(!widget<QPushButton>("logAutosaveButton")->isChecked());
        QCOMPARE(widget<QPushButton>("logAutosaveButton")->text(), QStringLiteral("Autosave…"));
    } else {
        // From the keyboard: Ctrl+E opens the menu, Down and Enter pick "All events…".
        auto *menu = widget<QMenu>("logExportMenu");
        QTimer::singleShot(0, this, [this, menu, target] {
            QVERIFY(menu->isVisible());
            answerFileDialog(target, "logExportFileDialog");
            QTest::keyClick(menu, Qt::Key_Down);
            QTest::keyClick(menu, Qt::Key_Return);
        });
        QTest::keyClick(m_view->tableView(), Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(!menu->isVisible());
    }
    auto *error = widget<QLabel>("logExportErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(reason), qPrintable(error->text()));
    // Logged too, as an error.
    m_session->log()->flush();
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 9);
    const QList<Event> events = m_session->log()->snapshot();
    QCOMPARE(events.last().kind, EventKind::Error);
    QCOMPARE(events.last().detail, error->text());
    QVERIFY(!QFile::exists(target));
}

void TestLogTools::autosaveWriteFailureTurnsItOff()
{
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    const QString file = path(QStringLiteral("full.jsonl"));
    QVERIFY(QFile::link(QStringLiteral("/dev/full"), file));
    QSignalSpy failed(m_view->exportBar()->autosave(), &LogAutosave::failed);
    QVERIFY(m_view->exportBar()->startAutosave(file));
    QVERIFY(widget<QPushButton>("logAutosaveButton")->isChecked());
    // More than QFile buffers: the disk is full at the first write that reaches it.
    EventLog *log = m_session->log();
    for (int i = 0; i < 1000; ++i)
        log->append(EventKind::Received, Test::serverSource(1), QByteArray(100, 'x'), -1, i * 100);
    log->flush();
    QVERIFY(failed.wait());
    QVERIFY(!widget<QPushButton>("logAutosaveButton")->isChecked());
    auto *error = widget<QLabel>("logExportErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("No space left on device")), qPrintable(error->text()));
    log->flush();
    QTRY_VERIFY(m_session->log()->snapshot().last().kind == EventKind::Error);
}

QTEST_MAIN(TestLogTools)
#include "tst_ui_logtools.moc"
