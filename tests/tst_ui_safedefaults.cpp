// Safe defaults in the window (issue 12): the server pane listens on (TCP)
// and binds (UDP) 127.0.0.1 unless the user picks another address; an address
// that other machines can reach (0.0.0.0, ::, a network address) shows a
// warning under the address before and while it listens, and the log says it
// when the server starts; the warning goes away for 127.0.0.1 and ::1.
#include "eventlog.h"
#include "mainwindow.h"
#include "serverpane.h"
#include "session.h"

#include <QComboBox>
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

class TestUiSafeDefaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void serverPaneListensOnLoopbackByDefault_data();
    void serverPaneListensOnLoopbackByDefault();
    void typedAddressShowsOrHidesTheWarning_data();
    void typedAddressShowsOrHidesTheWarning();
    void warningStaysWhileListeningOnEveryInterface_data();
    void warningStaysWhileListeningOnEveryInterface();
    void warningFitsThePane();
    void warningTextFollowsTheZoom();

private:
    template <typename T> T *widget(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    QLabel *warning() const { return widget<QLabel>("serverAllInterfacesWarning"); }
    void chooseTransport(const QString &name);
    /// Types into the address field as a user does: select all, delete, type.
    void typeAddress(const QString &text);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiSafeDefaults::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_safedefaults"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiSafeDefaults::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(warning());
}

void TestUiSafeDefaults::cleanup()
{
    m_window.reset();
}

void TestUiSafeDefaults::chooseTransport(const QString &name)
{
    auto *combo = widget<QComboBox>("serverTransportCombo");
    QVERIFY(combo);
    combo->setFocus();
    const int index = combo->findText(name);
    QVERIFY(index >= 0);
    while (combo->currentIndex() != index)
        QTest::keyClick(combo, combo->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
}

void TestUiSafeDefaults::typeAddress(const QString &text)
{
    auto *edit = widget<QLineEdit>("serverAddressEdit");
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    // The list completes inline ("::" becomes "::1 (this machine only, IPv6)",
    // the rest selected): Delete keeps what was typed.
    QTest::keyClick(edit, Qt::Key_Delete);
    QCOMPARE(edit->text(), text);
}

void TestUiSafeDefaults::serverPaneListensOnLoopbackByDefault_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("TCP") << QStringLiteral("TCP");
    QTest::newRow("UDP") << QStringLiteral("UDP");
}

void TestUiSafeDefaults::serverPaneListensOnLoopbackByDefault()
{
    QFETCH(QString, transport);
    chooseTransport(transport);
    ServerPane *pane = m_window->serverPane();
    QCOMPARE(pane->bindAddress(), QStringLiteral("127.0.0.1"));
    QVERIFY(!warning()->isVisible());
    QTest::mouseClick(widget<QPushButton>("serverStartButton"), Qt::LeftButton);
    QTRY_VERIFY(pane->snapshot().isActive());
    // The socket really bound: the endpoint's own local address.
    QCOMPARE(pane->snapshot().localAddress, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(!warning()->isVisible());
}

void TestUiSafeDefaults::typedAddressShowsOrHidesTheWarning_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("text"); // empty: hidden
    const QString everyTcp = QStringLiteral("Listening on every interface: other machines on the network can connect.");
    const QString everyUdp = QStringLiteral("Bound to every interface: other machines on the network can send to it.");
    QTest::newRow("TCP 0.0.0.0") << QStringLiteral("TCP") << QStringLiteral("0.0.0.0") << everyTcp;
    QTest::newRow("TCP ::") << QStringLiteral("TCP") << QStringLiteral("::") << everyTcp;
    QTest::newRow("TCP any") << QStringLiteral("TCP") << QStringLiteral("any") << everyTcp;
    QTest::newRow("TCP a network address")
        << QStringLiteral("TCP") << QStringLiteral("192.0.2.10")
        << QStringLiteral("Listening on 192.0.2.10, an address of the network: other machines can connect.");
    QTest::newRow("UDP 0.0.0.0") << QStringLiteral("UDP") << QStringLiteral("0.0.0.0") << everyUdp;
    QTest::newRow("UDP a network address")
        << QStringLiteral("UDP") << QStringLiteral("2001:db8::1")
        << QStringLiteral("Bound to 2001:db8::1, an address of the network: other machines can send to it.");
    QTest::newRow("TCP 127.0.0.1: hidden") << QStringLiteral("TCP") << QStringLiteral("127.0.0.1") << QString();
    QTest::newRow("TCP ::1: hidden") << QStringLiteral("TCP") << QStringLiteral("::1") << QString();
    QTest::newRow("UDP localhost: hidden") << QStringLiteral("UDP") << QStringLiteral("localhost") << QString();
    QTest::newRow("TCP not an address: hidden (Start says why)") << QStringLiteral("TCP") << QStringLiteral("example.org") << QString();
}

void TestUiSafeDefaults::typedAddressShowsOrHidesTheWarning()
{
    QFETCH(QString, transport);
    QFETCH(QString, address);
    QFETCH(QString, text);
    chooseTransport(transport);
    // From every interface back to loopback: the warning follows each keystroke.
    typeAddress(QStringLiteral("0.0.0.0"));
    QVERIFY(warning()->isVisible());
    typeAddress(address);
    QCOMPARE(warning()->isVisible(), !text.isEmpty());
    if (text.isEmpty())
        return;
    QCOMPARE(warning()->text(), text);
    QCOMPARE(warning()->accessibleName(), QStringLiteral("Warning: reachable from the network"));
    QCOMPARE(warning()->accessibleDescription(), text);
}

void TestUiSafeDefaults::warningStaysWhileListeningOnEveryInterface_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<int>("item");
    QTest::addColumn<QString>("note");
    const QString tcp = QStringLiteral("listening on every interface: other machines on the network can connect");
    const QString udp = QStringLiteral("bound to every interface: other machines on the network can send to it");
    QTest::newRow("TCP, 0.0.0.0 picked from the list") << QStringLiteral("TCP") << 2 << tcp;
    QTest::newRow("TCP, :: picked from the list") << QStringLiteral("TCP") << 3 << tcp;
    QTest::newRow("UDP, 0.0.0.0 picked from the list") << QStringLiteral("UDP") << 2 << udp;
}

void TestUiSafeDefaults::warningStaysWhileListeningOnEveryInterface()
{
    QFETCH(QString, transport);
    QFETCH(int, item);
    QFETCH(QString, note);
    chooseTransport(transport);
    auto *address = widget<QComboBox>("serverAddressCombo");
    address->setFocus();
    while (address->currentIndex() < item)
        QTest::keyClick(address, Qt::Key_Down);
    QVERIFY(warning()->isVisible());
    auto *port = widget<QSpinBox>("serverPortSpin");
    port->setValue(0); // any free port: this machine's other programs keep theirs

    QTest::mouseClick(widget<QPushButton>("serverStartButton"), Qt::LeftButton);
    ServerPane *pane = m_window->serverPane();
    QTRY_VERIFY(pane->snapshot().isActive());
    QVERIFY(!pane->snapshot().localAddress.isLoopback());
    QVERIFY(warning()->isVisible());
    // The log says it too, as the server starts.
    QTRY_VERIFY([&] {
        m_window->log()->flush();
        for (const Event &e : m_window->log()->snapshot())
            if (e.kind == EventKind::Note && e.endpointId() == pane->endpointId() && e.detail == note)
                return true;
        return false;
    }());

    QTest::mouseClick(widget<QPushButton>("serverStartButton"), Qt::LeftButton);
    QTRY_VERIFY(!pane->snapshot().isRunning());
    address->setFocus();
    while (address->currentIndex() > 0)
        QTest::keyClick(address, Qt::Key_Up);
    QVERIFY(!warning()->isVisible());
}

void TestUiSafeDefaults::warningFitsThePane()
{
    // The window as narrow as it goes, tall enough for the pane's own minimum:
    // the warning wraps instead of widening the window, and shows whole.
    m_window->resize(m_window->minimumSizeHint().width(), qMax(m_window->minimumSizeHint().height(), 900));
    QTRY_COMPARE(m_window->width(), m_window->minimumSizeHint().width());
    ServerPane *pane = m_window->serverPane();
    QTRY_VERIFY(pane->height() >= pane->minimumSizeHint().height());
    const QSize before = m_window->size();
    typeAddress(QStringLiteral("0.0.0.0"));
    QLabel *label = warning();
    QTRY_VERIFY(label->isVisible());
    // As tall as its text needs at its width, and nothing of it cut off by the
    // pane, a splitter or the window's edge.
    QTRY_VERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(QStringLiteral("%1 px for %2 px of text").arg(label->height()).arg(label->heightForWidth(label->width()))));
    const QRect visible = label->visibleRegion().boundingRect();
    QVERIFY2(visible == label->rect(), qPrintable(QStringLiteral("%1x%2 of %3x%4 visible").arg(visible.width())
                                                      .arg(visible.height()).arg(label->width()).arg(label->height())));
    QCOMPARE(m_window->width(), before.width());
}

void TestUiSafeDefaults::warningTextFollowsTheZoom()
{
    typeAddress(QStringLiteral("0.0.0.0"));
    QVERIFY(warning()->isVisible());
    QVERIFY(warning()->font().bold());
    for (const int zoom : {200, 100, 150}) {
        m_window->setZoom(zoom);
        QTRY_COMPARE(warning()->font().pointSizeF(), m_window->serverPane()->font().pointSizeF());
    }
}

QTEST_MAIN(TestUiSafeDefaults)
#include "tst_ui_safedefaults.moc"
