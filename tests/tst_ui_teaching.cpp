// The teaching views in the window: the Lifecycle and Sequence docks follow a
// real exchange, a step or an arrow picked selects its event in the log, a
// row picked in the log selects its arrow, and presenter mode brings both
// docks up front. Real sockets on 127.0.0.1, offscreen.
#include "clientpane.h"
#include "ladder.h"
#include "lifecyclediagram.h"
#include "lifecycletracker.h"
#include "lifecycleview.h"
#include "logmodel.h"
#include "logview.h"
#include "mainwindow.h"
#include "presentermode.h"
#include "sequencediagram.h"
#include "serverpane.h"
#include "session.h"

#include <QAction>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace SockPlay;

class TestUiTeaching : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() { m_window.reset(); }

    void docksAreHiddenUntilAskedFor()
    {
        QVERIFY(m_window->lifecycleDock()->isHidden());
        QVERIFY(m_window->sequenceDock()->isHidden());
        m_window->toggleLifecycleAction()->trigger();
        m_window->toggleSequenceAction()->trigger();
        QVERIFY(m_window->lifecycleDock()->isVisible());
        QVERIFY(m_window->sequenceDock()->isVisible());
        QCOMPARE(m_window->toggleLifecycleAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        QCOMPARE(m_window->toggleSequenceAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
        // Every pane's strip reads the window's one tracker: a new client's too.
        ClientPane *second = m_window->addClientPane();
        QVERIFY(second);
    }

    void presenterModeBringsTheDocksUpFront()
    {
        m_window->presenterMode()->setOn(true);
        QVERIFY(m_window->lifecycleDock()->isVisible());
        QVERIFY(m_window->sequenceDock()->isVisible());
        m_window->presenterMode()->setOn(false);
        QVERIFY(m_window->lifecycleDock()->isHidden());
        QVERIFY(m_window->sequenceDock()->isHidden());
    }

    void arrowsAndStepsSelectTheirLogRows()
    {
        m_window->toggleLifecycleAction()->trigger();
        m_window->toggleSequenceAction()->trigger();
        QVERIFY(startAndConnect());
        auto *payload = m_window->findChild<QLineEdit *>(QStringLiteral("clientPayloadEdit"));
        payload->setText(QStringLiteral("hello"));
        QTest::keyClick(payload, Qt::Key_Return);

        // The message's arrow, drawn from the real exchange.
        SequenceDiagram *diagram = m_window->sequenceDiagram();
        const Ladder *ladder = diagram->ladder();
        const auto dataArrow = [ladder]() -> qsizetype {
            for (qsizetype i = 0; i < ladder->arrowCount(); ++i) {
                if (ladder->arrow(i).kind == Ladder::ArrowKind::Data)
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY(dataArrow() >= 0);
        const qsizetype arrow = dataArrow();
        const quint64 sent = ladder->arrow(arrow).sequence;
        QTRY_VERIFY(m_window->logView()->model()->rowOfSequence(sent) >= 0);

        // Click the arrow: the log's current row is its event.
        diagram->selectSequence(sent); // scrolls it into view
        QTest::mouseClick(diagram->viewport(), Qt::LeftButton, {}, diagram->arrowRectInViewport(arrow).center());
        QCOMPARE(currentLogSequence(), sent);

        // And back: a row picked in the log selects its arrow (the SYN's, then the message's).
        const quint64 syn = ladder->arrow(0).sequence;
        QVERIFY(m_window->logView()->selectSequence(syn));
        QCOMPARE(diagram->selectedArrow(), ladder->indexOfSequence(syn));
        QVERIFY(diagram->selectedArrow() != arrow);
        QVERIFY(m_window->logView()->selectSequence(sent));
        QCOMPARE(diagram->selectedArrow(), arrow);

        // A lifecycle step: Enter on the server's listen() selects the Listening event.
        const int serverId = m_window->serverPane()->endpointId();
        const LifecycleFlow flow = m_window->lifecycleTracker()->flow(serverId);
        const int listen = flow.indexOf(LifecycleStep::Call::Listen);
        QVERIFY(listen >= 0);
        const quint64 listened = flow.steps.at(listen).sequence;
        QVERIFY(listened > 0);
        LifecycleDiagram *steps = m_window->lifecycleView()->diagram(serverId);
        QVERIFY(steps);
        steps->setFocus();
        steps->setCurrentItem(listen);
        QTest::keyClick(steps, Qt::Key_Return);
        QCOMPARE(currentLogSequence(), listened);
    }

    void aPeersResetIsAnRstNotAFin()
    {
        // Python's socket, closed with SO_LINGER 0: the kernel sends an RST.
        // Qt reads it as an end of stream; the network thread's dispatcher
        // tells it apart, and both diagrams and the log say "reset".
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("serverStartButton")), Qt::LeftButton);
        QTRY_VERIFY(m_window->serverPane()->snapshot().isActive());
        const quint16 port = m_window->serverPane()->snapshot().localPort;
        QProcess peer;
        peer.start(QStringLiteral("python3"),
                   {QStringLiteral("-c"),
                    QStringLiteral("import socket, struct, sys\n"
                                   "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
                                   "s.sendall(b'bye')\n"
                                   "s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))\n"
                                   "s.close()\n"),
                    QString::number(port)});
        QVERIFY2(peer.waitForFinished(10000) && peer.exitCode() == 0, peer.readAllStandardError().constData());

        const Ladder *ladder = m_window->sequenceDiagram()->ladder();
        const auto hasArrow = [ladder](Ladder::ArrowKind kind) {
            for (qsizetype i = 0; i < ladder->arrowCount(); ++i) {
                if (ladder->arrow(i).kind == kind)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(hasArrow(Ladder::ArrowKind::Rst));
        QVERIFY(!hasArrow(Ladder::ArrowKind::Fin));
        const int serverId = m_window->serverPane()->endpointId();
        QTRY_COMPARE(m_window->lifecycleTracker()->flow(serverId).branches.size(), 1);
        QTRY_COMPARE(m_window->lifecycleTracker()->flow(serverId).branches.constFirst().ending,
                     LifecycleBranch::Ending::Reset);
    }

private:
    bool startAndConnect()
    {
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("serverStartButton")), Qt::LeftButton);
        if (!QTest::qWaitFor([this] { return m_window->serverPane()->snapshot().isActive(); }))
            return false;
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
        return QTest::qWaitFor([this] { return m_window->clientPane()->snapshot().isActive(); });
    }

    quint64 currentLogSequence() const
    {
        LogView *view = m_window->logView();
        const QModelIndex current = view->tableView()->selectionModel()->currentIndex();
        if (!current.isValid())
            return 0;
        QModelIndex source = current;
        if (view->tableView()->model() != view->model())
            return 0; // filtered: not in these tests
        const std::optional<Event> event = view->model()->eventAt(source.row());
        return event ? event->sequence : 0;
    }

    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestUiTeaching)
#include "tst_ui_teaching.moc"
