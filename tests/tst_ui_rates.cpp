// Rates in the window, driven as a user drives it (offscreen, real sockets on
// 127.0.0.1): the connections table's rate columns, the panes' rate charts
// (what a screen reader hears, what they paint, how the keyboard reaches
// them) and the totals in the status bar.
#include "connectionsmodel.h"
#include "mainwindow.h"
#include "ratechart.h"
#include "rateformat.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SockPlay;

class TestUiRates : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void ratesRiseWithTrafficAndFallBackToZero();
    void chartsAreNamedAndReachedByKeyboard_data();
    void chartsAreNamedAndReachedByKeyboard();
    void rateColumnsSortAsNumbers();

private:
    template<typename T>
    T *widget(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    bool startServerAndConnectClient();
    /// The client sends "hello" count times, every intervalMs (the editor's repeat).
    void clientRepeats(int count, int intervalMs);

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_settingsDir;
};

void TestUiRates::initTestCase()
{
    // The window remembers settings: in a scratch place, never the user's.
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_rates"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiRates::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUiRates::cleanup()
{
    m_window.reset();
}

bool TestUiRates::startServerAndConnectClient()
{
    auto *table = widget<QTableView>("serverConnectionsTable");
    QTest::mouseClick(widget<QPushButton>("serverStartButton"), Qt::LeftButton);
    QTest::mouseClick(widget<QPushButton>("clientConnectButton"), Qt::LeftButton);
    return QTest::qWaitFor([table] { return table->model()->rowCount() == 1; });
}

void TestUiRates::clientRepeats(int count, int intervalMs)
{
    widget<QSpinBox>("clientRepeatCountSpin")->setValue(count);
    widget<QSpinBox>("clientRepeatIntervalSpin")->setValue(intervalMs);
    auto *edit = widget<QLineEdit>("clientPayloadEdit");
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("hello"));
    QTest::keyClick(edit, Qt::Key_Return);
}

void TestUiRates::ratesRiseWithTrafficAndFallBackToZero()
{
    QVERIFY(startServerAndConnectClient());
    auto *table = widget<QTableView>("serverConnectionsTable");
    auto *serverChart = widget<RateChart>("serverRateChart");
    auto *clientChart = widget<RateChart>("clientRateChart");
    auto *totals = widget<QLabel>("totalsLabel");
    QVERIFY(table && serverChart && clientChart && totals);
    const QString zero = formatByteRate(0);
    const QString quiet = serverChart->currentText();
    QVERIFY(quiet.contains(zero));
    const int pointsBefore = serverChart->pointCount();

    // The view repaints what the model says changed: the rate columns too.
    bool rateCellsChanged = false;
    connect(table->model(), &QAbstractItemModel::dataChanged, this,
            [&rateCellsChanged](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                rateCellsChanged = rateCellsChanged
                    || (topLeft.column() <= ConnectionsModel::InRateColumn
                        && bottomRight.column() >= ConnectionsModel::MessageRateColumn);
            });

    // About a second and a half of traffic: 30 lines, one every 50 ms.
    clientRepeats(30, 50);
    const auto cell = [table](int column, int role = Qt::DisplayRole) {
        return table->model()->index(0, column).data(role);
    };
    QTRY_VERIFY_WITH_TIMEOUT(cell(ConnectionsModel::InRateColumn, ConnectionsModel::SortRole).toDouble() > 0, 10000);
    QVERIFY(cell(ConnectionsModel::InRateColumn).toString() != zero);
    QVERIFY(cell(ConnectionsModel::InRateColumn).toString().endsWith(QLatin1String("/s")));
    QVERIFY(cell(ConnectionsModel::MessageRateColumn, ConnectionsModel::SortRole).toDouble() > 0);
    QVERIFY(rateCellsChanged);
    // The server's chart tells a screen reader that bytes come in; the
    // client's that they go out.
    QTRY_VERIFY(serverChart->accessibleDescription() != quiet);
    QVERIFY(!serverChart->accessibleDescription().startsWith(tr("In %1").arg(zero)));
    QTRY_VERIFY(!clientChart->accessibleDescription().contains(tr("out %1").arg(zero)));
    QVERIFY(serverChart->pointCount() > pointsBefore);
    // The status bar: bytes and messages per second, in (the server) and out (the client).
    QTRY_VERIFY(!totals->text().contains(QLatin1String(" 0 msg/s)")));
    QVERIFY(!totals->text().contains(QStringLiteral("(%1,").arg(zero)));

    // The Rates tab shows it painted: lines, legend and axes.
    auto *tabs = widget<QTabWidget>("serverTabs");
    tabs->setCurrentWidget(serverChart);
    QVERIFY(serverChart->isVisible());
    const QImage image = serverChart->grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), serverChart->size() * serverChart->devicePixelRatioF());

    // Traffic over, every rate falls back to exactly 0.
    QTRY_COMPARE_WITH_TIMEOUT(cell(ConnectionsModel::InRateColumn, ConnectionsModel::SortRole).toDouble(), 0.0, 15000);
    QCOMPARE(cell(ConnectionsModel::InRateColumn).toString(), zero);
    QCOMPARE(cell(ConnectionsModel::BytesInColumn).toLongLong(), 30 * 6);
    QTRY_COMPARE_WITH_TIMEOUT(serverChart->accessibleDescription(), quiet, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(clientChart->accessibleDescription(), quiet, 15000);
    QTRY_VERIFY(totals->text().contains(QStringLiteral("(%1, 0 msg/s)").arg(zero)));
}

void TestUiRates::chartsAreNamedAndReachedByKeyboard_data()
{
    QTest::addColumn<QString>("side");
    QTest::addColumn<QString>("accessibleName");
    QTest::newRow("server pane") << QStringLiteral("server") << QStringLiteral("Server rates");
    QTest::newRow("client pane") << QStringLiteral("client") << QStringLiteral("Client rates");
}

void TestUiRates::chartsAreNamedAndReachedByKeyboard()
{
    QFETCH(QString, side);
    QFETCH(QString, accessibleName);
    auto *chart = m_window->findChild<RateChart *>(side + QStringLiteral("RateChart"));
    QVERIFY(chart);
    QCOMPARE(chart->accessibleName(), accessibleName);
    QVERIFY(!chart->accessibleDescription().isEmpty());

    // The tab bar's arrow keys open Rates (the last tab); Tab then reaches the chart.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *bar = m_window->findChild<QTabBar *>(side + QStringLiteral("TabBar"));
    QVERIFY(bar);
    bar->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < bar->count() && bar->tabText(bar->currentIndex()) != tr("Rates"); ++i)
        QTest::keyClick(bar, Qt::Key_Right);
    QCOMPARE(bar->tabText(bar->currentIndex()), tr("Rates"));
    QCOMPARE(bar->currentIndex(), bar->count() - 1);
    QVERIFY(chart->isVisible());
    QTest::keyClick(bar, Qt::Key_Tab);
    QCOMPARE(m_window->focusWidget(), chart);
    // As tall as a few lines of the window's font, and no taller than the Send tab.
    QVERIFY(chart->height() >= chart->fontMetrics().height() * 5);
}

void TestUiRates::rateColumnsSortAsNumbers()
{
    QVERIFY(startServerAndConnectClient());
    const QAbstractItemModel *model = widget<QTableView>("serverConnectionsTable")->model();
    for (const int column : {ConnectionsModel::InRateColumn, ConnectionsModel::OutRateColumn,
                             ConnectionsModel::MessageRateColumn}) {
        const QVariant value = model->index(0, column).data(ConnectionsModel::SortRole);
        QCOMPARE(value.typeId(), QMetaType::Double);
        QVERIFY(!model->headerData(column, Qt::Horizontal).toString().isEmpty());
    }
    QCOMPARE(model->index(0, ConnectionsModel::BytesInColumn).data(ConnectionsModel::SortRole).typeId(),
             QMetaType::LongLong);
    QCOMPARE(model->headerData(ConnectionsModel::InRateColumn, Qt::Horizontal).toString(), tr("In/s"));
    QCOMPARE(model->headerData(ConnectionsModel::OutRateColumn, Qt::Horizontal).toString(), tr("Out/s"));
}

QTEST_MAIN(TestUiRates)
#include "tst_ui_rates.moc"
