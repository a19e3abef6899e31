// The simulated link's controls in a UDP pane, driven from the keyboard
// offscreen: named for a screen reader, shown for UDP only, and what they say
// reaches the endpoint at its start (and while it runs); the badge says the
// link is simulated whenever it does anything.
#include "clientpane.h"
#include "event.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "serverpane.h"
#include "session.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QScreen>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace SockPlay;

class TestUiSimLink : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void controlsAreNamedAndShownForUdpOnly_data();
    void controlsAreNamedAndShownForUdpOnly();
    void setThenStartGivesTheEndpointTheLink();
    void aChangeWhileRunningAppliesAtOnce();
    void openFieldsKeepTheServerAndClientSideBySide();

private:
    template <typename T> T *widget(const QString &name) const { return m_window->findChild<T *>(name); }
    /// Types into a spin box as a user does (select all, type, Enter).
    void type(QAbstractSpinBox *spin, const QString &text);
    /// A note that starts with this text is in the log.
    bool logHasNote(const QString &start) const;

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_settingsDir;
};

void TestUiSimLink::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_simlink"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiSimLink::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUiSimLink::cleanup()
{
    m_window.reset();
}

void TestUiSimLink::type(QAbstractSpinBox *spin, const QString &text)
{
    spin->setFocus(Qt::TabFocusReason);
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

bool TestUiSimLink::logHasNote(const QString &start) const
{
    m_window->log()->flush();
    for (const Event &event : m_window->log()->snapshot()) {
        if (event.kind == EventKind::Note && event.detail.startsWith(start))
            return true;
    }
    return false;
}

void TestUiSimLink::controlsAreNamedAndShownForUdpOnly_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("server pane") << QStringLiteral("server");
    QTest::newRow("client pane") << QStringLiteral("client");
}

void TestUiSimLink::controlsAreNamedAndShownForUdpOnly()
{
    QFETCH(QString, prefix);
    const QStringList controls{QStringLiteral("SimLinkToggle"), QStringLiteral("SimLossSpin"), QStringLiteral("SimDupSpin"),
                               QStringLiteral("SimDelaySpin"), QStringLiteral("SimJitterSpin"),
                               QStringLiteral("SimSeedSpin"), QStringLiteral("SimDirectionCombo"),
                               QStringLiteral("SimLinkBadge")};
    for (const QString &control : controls) {
        const QWidget *w = widget<QWidget>(prefix + control);
        QVERIFY2(w, qPrintable(prefix + control));
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(prefix + control));
    }
    auto *panel = widget<QWidget>(prefix + QStringLiteral("SimLinkPanel"));
    auto *toggle = widget<QToolButton>(prefix + QStringLiteral("SimLinkToggle"));
    QVERIFY(toggle->text().contains(QStringLiteral("not a real network")));
    // TCP (the default): nothing to simulate. The client follows the server's transport.
    QVERIFY(!panel->isVisible());
    QTest::keyClick(widget<QComboBox>(QStringLiteral("serverTransportCombo")), Qt::Key_Down); // TCP -> UDP
    QTRY_VERIFY(panel->isVisible());
    // Collapsed: one line; the keyboard opens it.
    auto *loss = widget<QDoubleSpinBox>(prefix + QStringLiteral("SimLossSpin"));
    QVERIFY(!loss->isVisible());
    toggle->setFocus(Qt::TabFocusReason);
    QTest::keyClick(toggle, Qt::Key_Space);
    QVERIFY(loss->isVisible());
    QVERIFY(!widget<QLabel>(prefix + QStringLiteral("SimLinkBadge"))->isVisible());
}

void TestUiSimLink::setThenStartGivesTheEndpointTheLink()
{
    QTest::keyClick(widget<QComboBox>(QStringLiteral("serverTransportCombo")), Qt::Key_Down); // TCP -> UDP
    auto *toggle = widget<QToolButton>(QStringLiteral("serverSimLinkToggle"));
    toggle->setFocus(Qt::TabFocusReason);
    QTest::keyClick(toggle, Qt::Key_Space);
    type(widget<QDoubleSpinBox>(QStringLiteral("serverSimLossSpin")), QStringLiteral("25"));
    type(widget<QDoubleSpinBox>(QStringLiteral("serverSimDupSpin")), QStringLiteral("5"));
    type(widget<QSpinBox>(QStringLiteral("serverSimDelaySpin")), QStringLiteral("20"));
    type(widget<QSpinBox>(QStringLiteral("serverSimJitterSpin")), QStringLiteral("15"));
    type(widget<QSpinBox>(QStringLiteral("serverSimSeedSpin")), QStringLiteral("7"));
    auto *direction = widget<QComboBox>(QStringLiteral("serverSimDirectionCombo"));
    direction->setFocus(Qt::TabFocusReason);
    QTest::keyClick(direction, Qt::Key_Down); // on send -> on receive
    auto *badge = widget<QLabel>(QStringLiteral("serverSimLinkBadge"));
    QVERIFY(badge->isVisible());
    QVERIFY(badge->text().contains(QStringLiteral("SIMULATED LINK")));

    SimLinkSpec expected;
    expected.lossPercent = 25;
    expected.duplicatePercent = 5;
    expected.delayMs = 20;
    expected.jitterMs = 15;
    expected.seed = 7;
    expected.direction = SimLinkSpec::Direction::Receive;
    QCOMPARE(badge->accessibleName(), expected.describe());

    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    auto *server = widget<ServerPane>(QStringLiteral("serverPane"));
    QTRY_VERIFY(server->snapshot().isActive());
    QCOMPARE(server->snapshot().config.simLink, expected);
    QTRY_VERIFY(logHasNote(expected.describe()));
    QVERIFY(badge->isVisible());
}

void TestUiSimLink::aChangeWhileRunningAppliesAtOnce()
{
    QTest::keyClick(widget<QComboBox>(QStringLiteral("serverTransportCombo")), Qt::Key_Down); // TCP -> UDP
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("serverStartButton")), Qt::LeftButton);
    auto *server = widget<ServerPane>(QStringLiteral("serverPane"));
    QTRY_VERIFY(server->snapshot().isActive());
    QVERIFY(!server->snapshot().config.simLink.isActive());
    auto *badge = widget<QLabel>(QStringLiteral("serverSimLinkBadge"));
    QVERIFY(!badge->isVisible());

    auto *toggle = widget<QToolButton>(QStringLiteral("serverSimLinkToggle"));
    toggle->setFocus(Qt::TabFocusReason);
    QTest::keyClick(toggle, Qt::Key_Space);
    type(widget<QDoubleSpinBox>(QStringLiteral("serverSimLossSpin")), QStringLiteral("40"));
    QTRY_COMPARE(server->snapshot().config.simLink.lossPercent, 40.0);
    QVERIFY(badge->isVisible());
    // The seed field says "random": the note names the one picked.
    QTRY_VERIFY(logHasNote(QStringLiteral("simulated link on send: 40% loss, seed ")));

    type(widget<QDoubleSpinBox>(QStringLiteral("serverSimLossSpin")), QStringLiteral("0"));
    QTRY_VERIFY(!server->snapshot().config.simLink.isActive());
    QVERIFY(!badge->isVisible());
    QTRY_VERIFY(logHasNote(QStringLiteral("simulated link off")));
}

void TestUiSimLink::openFieldsKeepTheServerAndClientSideBySide()
{
    // A classroom's UDP loss demo: both panes' simulated links open, on a
    // 1080p screen (tests/CMakeLists.txt) at the window's own size. The
    // server and the client stay side by side, not one under the other.
    QCOMPARE(m_window->screen()->geometry().width(), 1920);
    auto *panes = widget<QSplitter>(QStringLiteral("panesSplitter"));
    QCOMPARE(panes->orientation(), Qt::Horizontal);
    QTest::keyClick(widget<QComboBox>(QStringLiteral("serverTransportCombo")), Qt::Key_Down); // TCP -> UDP
    for (const QString &prefix : {QStringLiteral("server"), QStringLiteral("client")}) {
        auto *toggle = widget<QToolButton>(prefix + QStringLiteral("SimLinkToggle"));
        QTRY_VERIFY(toggle->isVisible());
        toggle->setFocus(Qt::TabFocusReason);
        QTest::keyClick(toggle, Qt::Key_Space);
        QTRY_VERIFY(widget<QDoubleSpinBox>(prefix + QStringLiteral("SimLossSpin"))->isVisible());
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QTRY_COMPARE(panes->orientation(), Qt::Horizontal);
    QVERIFY(!widget<QWidget>(QStringLiteral("serverSimLinkFields"))->geometry().isEmpty());
}

QTEST_MAIN(TestUiSimLink)
#include "tst_ui_simlink.moc"
