// The window fits the screen it opens on. This test runs on a 1920×1080
// screen at QT_SCALE_FACTOR=2 (tests/CMakeLists.txt sets both), which is a
// 960×540 screen to the widgets: a projector with the system's text doubled.
// In English and in German, whose words are the longest of our languages.
#include "connectionsview.h"
#include "logview.h"
#include "mainwindow.h"
#include "session.h"
#include "translations.h"
#include "wrappedlabel.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace SockPlay;

class TestFit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Guards the set-up: without it this test would prove nothing.
        QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(960, 540));
        QCOMPARE(QGuiApplication::primaryScreen()->devicePixelRatio(), 2.0);
    }

    void cleanup()
    {
        installTranslations(*qApp, QLocale(QLocale::English)); // none
    }

    // WrappedLabel remembers its height per width: each change that moves
    // the text gives QLabel's own answer again, never a remembered one.
    void aWrappedLabelsHeightFollowsTextFontAndMargin()
    {
        WrappedLabel wrapped;
        QLabel plain;
        plain.setWordWrap(true);
        const auto same = [&](const char *what) {
            for (int width : {80, 200, 80}) {
                const int expected = plain.heightForWidth(width);
                QVERIFY2(wrapped.heightForWidth(width) == expected,
                         qPrintable(QStringLiteral("%1 at width %2: %3, QLabel says %4")
                                        .arg(QLatin1String(what)).arg(width)
                                        .arg(wrapped.heightForWidth(width)).arg(expected)));
            }
        };
        const QString shortText = QStringLiteral("socket()");
        const QString longText = QStringLiteral("socket() → bind() → listen() → accept() → recv() → send() → close()");
        wrapped.setText(shortText);
        plain.setText(shortText);
        same("short text");
        wrapped.setText(longText);
        plain.setText(longText);
        QVERIFY(plain.heightForWidth(80) > plain.heightForWidth(2000)); // the test can see a stale height
        same("long text");
        QFont big = wrapped.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        wrapped.setFont(big);
        plain.setFont(big);
        same("a font twice as big");
        wrapped.setMargin(20);
        plain.setMargin(20);
        same("a margin");
        wrapped.setText(shortText);
        plain.setText(shortText);
        same("short text again");
    }

    void fitsAProjectorAtScaleFactorTwo_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates) << QString();
        QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << QStringLiteral("de");
    }

    void fitsAProjectorAtScaleFactorTwo()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, language);
        QCOMPARE(installTranslations(*qApp, locale).language, language);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect available = window.screen()->availableGeometry();
        QVERIFY2(available.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("window %1x%2 at %3,%4 on a %5x%6 screen")
                                .arg(window.frameGeometry().width()).arg(window.frameGeometry().height())
                                .arg(window.frameGeometry().x()).arg(window.frameGeometry().y())
                                .arg(available.width()).arg(available.height())));

        // The log shows at least 8 rows.
        for (int i = 0; i < 40; ++i)
            window.session()->logNote(QStringLiteral("window"), QStringLiteral("note %1 with a long text that must be elided, not scrolled to").arg(i));
        QTableView *log = window.logView()->tableView();
        QTRY_COMPARE(log->model()->rowCount(), 40);
        const int rowHeight = log->verticalHeader()->defaultSectionSize();
        QTRY_VERIFY2(log->viewport()->height() >= 8 * rowHeight,
                 qPrintable(QStringLiteral("%1 rows").arg(double(log->viewport()->height()) / rowHeight)));

        // No table needs a horizontal scrollbar for its main columns.
        QTRY_VERIFY(!log->horizontalScrollBar()->isVisible());
        const QList<ConnectionsView *> tables = window.findChildren<ConnectionsView *>();
        QVERIFY(!tables.isEmpty());
        for (ConnectionsView *table : tables) {
            if (table->isVisible())
                QVERIFY2(!table->horizontalScrollBar()->isVisible(), qPrintable(table->objectName()));
        }
    }
};

QTEST_MAIN(TestFit)
#include "tst_ui_fit.moc"
