// The live log's filter bar, driven as a user drives it (offscreen): the kind,
// side, connection and direction narrow the table, the search counts matches
// and Previous/Next select them, a bad regex or hex says why under the field,
// and following the newest events pauses and resumes.
#include "eventlog.h"
#include "testsupport.h"
#include "logfiltermodel.h"
#include "logmodel.h"
#include "logview.h"
#include "session.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace SockPlay;

class TestLogFilter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void everyControlIsNamed();
    void criteriaNarrowTheTable_data();
    void criteriaNarrowTheTable();
    void lifecycleKindsHoldTheTlsHandshake();
    void filteredTableFollowsNewEvents();
    void searchCountsAndSteps();
    void searchStaysWithinTheFilter();
    void badQuerySaysWhyUnderTheField_data();
    void badQuerySaysWhyUnderTheField();
    void pauseFollowingThenJumpToNewest();
    void endpointsOfAnyNameCanBeShownAlone();

private:
    template<typename T>
    T *widget(const char *name) const
    {
        T *found = m_view->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no widget %s", name);
        return found;
    }
    /// The payloads (or, without one, the kinds) of the rows the table shows.
    QStringList shownRows() const;
    /// The payload of the table's current row.
    QString currentPayload() const;
    QString countText() const { return widget<QLabel>("logMatchCountLabel")->text(); }

    std::unique_ptr<Session> m_session;
    std::unique_ptr<LogView> m_view;
};

void TestLogFilter::init()
{
    m_session = std::make_unique<Session>();
    EventLog *log = m_session->log();
    log->append(EventKind::Accepted, Test::serverSource(1));
    log->append(EventKind::Received, Test::serverSource(1), "hello");
    log->append(EventKind::Sent, Test::serverSource(1), "hello back");
    log->append(EventKind::Received, Test::clientSource(), "world");
    log->append(EventKind::Error, Test::serverSource(2), {}, -1, -1, QStringLiteral("connection reset by peer"));
    log->append(EventKind::Sent, Test::clientSource(), "HELLO again");
    log->flush();

    m_view = std::make_unique<LogView>(m_session.get());
    m_view->resize(1400, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 6);
}

void TestLogFilter::cleanup()
{
    m_view.reset();
    m_session.reset();
}

QStringList TestLogFilter::shownRows() const
{
    QStringList rows;
    const QAbstractItemModel *model = m_view->tableView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString payload = model->index(row, LogModel::PayloadColumn).data().toString();
        rows.append(payload.isEmpty() ? model->index(row, LogModel::EventColumn).data().toString() : payload);
    }
    return rows;
}

QString TestLogFilter::currentPayload() const
{
    const QModelIndex current = m_view->tableView()->currentIndex();
    return current.siblingAtColumn(LogModel::PayloadColumn).data().toString();
}

void TestLogFilter::everyControlIsNamed()
{
    for (const char *name : {"logSearchEdit", "logSearchModeCombo", "logKindFilter", "logSideFilter",
                             "logConnectionFilter", "logDirectionFilter", "logSearchPrevButton",
                             "logSearchNextButton", "logMatchCountLabel", "logFollowButton"}) {
        QWidget *control = widget<QWidget>(name);
        QVERIFY2(control, name);
        QVERIFY2(!control->accessibleName().isEmpty(), name);
    }
}

void TestLogFilter::criteriaNarrowTheTable_data()
{
    QTest::addColumn<QString>("control");
    QTest::addColumn<int>("value");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("side: client") << QStringLiteral("logSideFilter") << 2
                                  << QStringList{QStringLiteral("world"), QStringLiteral("HELLO again")};
    QTest::newRow("kind: errors") << QStringLiteral("logKindFilter") << 4
                                  << QStringList{QStringLiteral("error: connection reset by peer")};
    QTest::newRow("direction: in") << QStringLiteral("logDirectionFilter") << 1
                                   << QStringList{QStringLiteral("hello"), QStringLiteral("world")};
    QTest::newRow("connection #2") << QStringLiteral("logConnectionFilter") << 2
                                   << QStringList{QStringLiteral("error: connection reset by peer")};
}

void TestLogFilter::criteriaNarrowTheTable()
{
    QFETCH(QString, control);
    QFETCH(int, value);
    QFETCH(QStringList, expected);

    QWidget *w = m_view->findChild<QWidget *>(control);
    QVERIFY(w);
    if (auto *combo = qobject_cast<QComboBox *>(w))
        combo->setCurrentIndex(value);
    else
        qobject_cast<QSpinBox *>(w)->setValue(value);
    QTRY_COMPARE(shownRows(), expected);
    QCOMPARE(m_view->tableView()->model(), m_view->filterModel());

    // Back to everything: the whole log again.
    if (auto *combo = qobject_cast<QComboBox *>(w))
        combo->setCurrentIndex(0);
    else
        qobject_cast<QSpinBox *>(w)->setValue(-1);
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 6);
}

void TestLogFilter::lifecycleKindsHoldTheTlsHandshake()
{
    // A TLS connection's steps: its handshake and the peer's certificates
    // belong with accepted and closed, not only under "All events".
    m_session->log()->append(EventKind::Secured, Test::serverSource(1), {}, -1, -1,
                             QStringLiteral("TLSv1.3, TLS_AES_256_GCM_SHA384"));
    m_session->log()->append(EventKind::Certificate, Test::clientSource(), {}, -1, -1,
                             QStringLiteral("CN=localhost, issued by CN=localhost"));
    m_session->log()->flush();
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 8);
    auto *kinds = widget<QComboBox>("logKindFilter");
    kinds->setCurrentIndex(kinds->findText(QStringLiteral("Lifecycle")));
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 3);
    const QAbstractItemModel *model = m_view->tableView()->model();
    const QList<EventKind> expected{EventKind::Accepted, EventKind::Secured, EventKind::Certificate};
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString text = model->index(row, LogModel::EventColumn).data().toString();
        QVERIFY2(text.startsWith(eventKindName(expected.at(row))), qPrintable(text));
    }
}

void TestLogFilter::filteredTableFollowsNewEvents()
{
    widget<QComboBox>("logSideFilter")->setCurrentIndex(2); // client
    QTRY_COMPARE(shownRows().size(), 2);
    m_session->log()->append(EventKind::Received, Test::serverSource(1), "not shown");
    m_session->log()->append(EventKind::Received, Test::clientSource(), "shown");
    m_session->log()->flush();
    QTRY_COMPARE(shownRows(), (QStringList{QStringLiteral("world"), QStringLiteral("HELLO again"),
                                           QStringLiteral("shown")}));
}

void TestLogFilter::searchCountsAndSteps()
{
    auto *next = widget<QPushButton>("logSearchNextButton");
    auto *previous = widget<QPushButton>("logSearchPrevButton");
    QVERIFY(!next->isEnabled());
    QTest::keyClicks(widget<QLineEdit>("logSearchEdit"), QStringLiteral("hello"));
    QTRY_COMPARE(countText(), QStringLiteral("3 matches"));
    QVERIFY(next->isEnabled());

    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(currentPayload(), QStringLiteral("hello"));
    QCOMPARE(countText(), QStringLiteral("1 of 3 matches"));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(currentPayload(), QStringLiteral("hello back"));
    QTest::keyClick(widget<QLineEdit>("logSearchEdit"), Qt::Key_Return); // Enter: next
    QCOMPARE(currentPayload(), QStringLiteral("HELLO again"));
    QCOMPARE(countText(), QStringLiteral("3 of 3 matches"));
    QTest::mouseClick(next, Qt::LeftButton); // past the last: the first again
    QCOMPARE(currentPayload(), QStringLiteral("hello"));
    QTest::mouseClick(previous, Qt::LeftButton); // before the first: the last
    QCOMPARE(currentPayload(), QStringLiteral("HELLO again"));
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(currentPayload(), QStringLiteral("hello back"));

    // Hex bytes: "wor".
    widget<QComboBox>("logSearchModeCombo")->setCurrentIndex(2);
    widget<QLineEdit>("logSearchEdit")->setText(QStringLiteral("77 6f 72"));
    QTRY_COMPARE(countText(), QStringLiteral("1 match"));

    widget<QLineEdit>("logSearchEdit")->setText(QStringLiteral("ff"));
    QTRY_COMPARE(countText(), QStringLiteral("no matches"));
}

void TestLogFilter::searchStaysWithinTheFilter()
{
    widget<QComboBox>("logSideFilter")->setCurrentIndex(2); // client
    QTest::keyClicks(widget<QLineEdit>("logSearchEdit"), QStringLiteral("hello"));
    QTRY_COMPARE(countText(), QStringLiteral("1 match"));
    QTest::mouseClick(widget<QPushButton>("logSearchNextButton"), Qt::LeftButton);
    QCOMPARE(currentPayload(), QStringLiteral("HELLO again"));
    QCOMPARE(m_view->tableView()->currentIndex().row(), 1); // the filtered table's row
}

void TestLogFilter::badQuerySaysWhyUnderTheField_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("fixed");
    QTest::addColumn<QString>("fixedCount");

    QTest::newRow("regex: unclosed group") << 1 << QStringLiteral("(hel") << QStringLiteral("invalid regex at character")
                                           << QStringLiteral("(hel)") << QStringLiteral("3 matches");
    QTest::newRow("hex: not a digit") << 2 << QStringLiteral("68 6g") << QStringLiteral("invalid hex at character")
                                      << QStringLiteral("68 65") << QStringLiteral("2 matches");
}

void TestLogFilter::badQuerySaysWhyUnderTheField()
{
    QFETCH(int, mode);
    QFETCH(QString, query);
    QFETCH(QString, error);
    QFETCH(QString, fixed);
    QFETCH(QString, fixedCount);

    auto *edit = widget<QLineEdit>("logSearchEdit");
    auto *errorLabel = widget<QLabel>("logSearchErrorLabel");
    widget<QComboBox>("logSearchModeCombo")->setCurrentIndex(mode);
    QTest::keyClicks(edit, query);
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().startsWith(error), qPrintable(errorLabel->text()));
    QCOMPARE(edit->accessibleDescription(), errorLabel->text());
    QVERIFY(!widget<QPushButton>("logSearchNextButton")->isEnabled());
    QCOMPARE(countText(), QString());

    edit->setText(fixed);
    QVERIFY(!errorLabel->isVisible());
    QTRY_COMPARE(countText(), fixedCount);
}

void TestLogFilter::pauseFollowingThenJumpToNewest()
{
    EventLog *log = m_session->log();
    for (int i = 0; i < 300; ++i)
        log->append(EventKind::Received, Test::clientSource(), "more");
    log->flush();
    QScrollBar *bar = m_view->tableView()->verticalScrollBar();
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 306);
    QTRY_VERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum()); // following

    auto *follow = widget<QPushButton>("logFollowButton");
    QCOMPARE(follow->text(), QStringLiteral("Pause following"));
    QTest::mouseClick(follow, Qt::LeftButton);
    QCOMPARE(follow->text(), QStringLiteral("Jump to newest"));
    QCOMPARE(follow->accessibleName(), QStringLiteral("Jump to newest"));
    const int before = bar->value();
    for (int i = 0; i < 300; ++i)
        log->append(EventKind::Received, Test::clientSource(), "more");
    log->flush();
    QTRY_COMPARE(m_view->tableView()->model()->rowCount(), 606);
    // The view lays the new rows out later: wait for the scroll range to grow.
    QTRY_VERIFY(bar->maximum() > before);
    QCOMPARE(bar->value(), before); // it stayed where it was

    QTest::mouseClick(follow, Qt::LeftButton);
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(follow->text(), QStringLiteral("Pause following"));
}

void TestLogFilter::endpointsOfAnyNameCanBeShownAlone()
{
    // A script's endpoint (or a session file's): the side filter lists it by name.
    EndpointConfig config;
    config.name = QStringLiteral("probe");
    config.role = Role::Client;
    const int id = m_session->addEndpoint(config);
    auto *sides = widget<QComboBox>("logSideFilter");
    QTRY_VERIFY(sides->findData(QStringLiteral("probe")) >= 0);
    m_session->log()->append(EventKind::Sent, makeEventSource(id, 1, QStringLiteral("probe"), QHostAddress::LocalHost, 40100,
                                                              QHostAddress::LocalHost, 5000), "probing");
    m_session->log()->flush();
    sides->setCurrentIndex(sides->findData(QStringLiteral("probe")));
    QTRY_COMPARE(shownRows(), QStringList{QStringLiteral("probing")});
}

QTEST_MAIN(TestLogFilter)
#include "tst_ui_logfilter.moc"
