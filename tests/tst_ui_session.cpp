// What the window keeps: a session saved and opened again fills the panes,
// the library and the script identically (a broken file changes nothing and
// says why in the log); settings survive a restart (size, zoom, the last
// endpoints); zoom and the menu bar work from the keyboard.
#include "clientpane.h"
#include "eventlog.h"
#include "logview.h"
#include "mainwindow.h"
#include "messagelibrarymodel.h"
#include "scriptpanel.h"
#include "serverpane.h"
#include "session.h"
#include "sessionfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SockPlay;

namespace {

Rule rule(const char *text)
{
    return *Rule::parse(QString::fromUtf8(text), nullptr);
}

/// The last event the window's log holds.
Event lastEvent(MainWindow &window)
{
    EventLog *log = window.log();
    log->flush();
    return log->event(log->nextSequence() - 1).value_or(Event{});
}

} // namespace

class TestUiSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void savedSessionOpensIdentically();
    void brokenSessionChangesNothing_data();
    void brokenSessionChangesNothing();
    void settingsSurviveARestart();
    void zoomFromTheKeyboard();
    void f10OpensTheMenuBar();

private:
    std::unique_ptr<MainWindow> newWindow(bool remember = false)
    {
        auto window = std::make_unique<MainWindow>();
        if (remember)
            window->restoreSettings();
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        return window;
    }

    QTemporaryDir m_dir;
};

void TestUiSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_session"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiSession::init()
{
    // Every test starts with no settings and an empty library.
    QSettings().clear();
    QFile::remove(MessageLibrary::standardPath());
}

void TestUiSession::savedSessionOpensIdentically()
{
    const std::unique_ptr<MainWindow> first = newWindow();
    QVERIFY(first);
    EndpointConfig server = first->serverPane()->settings();
    server.host = QStringLiteral("::1");
    server.port = 47011;
    server.echo = true;
    server.maxConnections = 7;
    server.frame = *FrameSpec::parse(QStringLiteral("crlf"), nullptr);
    server.rules = {rule("prefix:PING=>PONG\\n"), rule("connect=>hi;delay:5")};
    server.rules[1].enabled = false;
    first->serverPane()->applySettings(server);
    EndpointConfig client = first->clientPane()->settings();
    client.host = QStringLiteral("localhost");
    client.port = 47012;
    client.frame = *FrameSpec::parse(QStringLiteral("delim:00"), nullptr);
    first->clientPane()->applySettings(client);
    QVERIFY(first->library()->add({QStringLiteral("greeting"), PayloadMode::Text, QStringLiteral("hello"), LineEnding::Lf}));
    QString scriptError;
    const std::optional<Script> script = Script::fromJson(QJsonDocument::fromJson(R"({"name": "check",
        "steps": [{"send": "PING 1\n", "to": "server"}, {"expect": "PONG", "on": "server"}]})").object(), &scriptError);
    QVERIFY2(script, qPrintable(scriptError));
    first->scriptPanel()->setScript(*script);

    const QString path = m_dir.filePath(QStringLiteral("demo.json"));
    const Result saved = first->saveSession(path);
    QVERIFY2(saved, qPrintable(saved.error));
    QVERIFY(lastEvent(*first).detail.contains(QStringLiteral("Saved session")));
    const EndpointConfig savedServer = first->serverPane()->settings();
    const EndpointConfig savedClient = first->clientPane()->settings();
    QCOMPARE(savedServer.rules, server.rules);
    QCOMPARE(savedServer.port, quint16(47011));

    // A fresh window with an empty library opens it.
    QFile::remove(MessageLibrary::standardPath());
    const std::unique_ptr<MainWindow> second = newWindow();
    QVERIFY(second);
    QVERIFY(second->library()->messages().isEmpty());
    const Result opened = second->openSession(path);
    QVERIFY2(opened, qPrintable(opened.error));
    QVERIFY(second->serverPane()->settings() == savedServer);
    QVERIFY(second->clientPane()->settings() == savedClient);
    QVERIFY(!second->clientPane()->isFollowingServer());
    QCOMPARE(second->library()->messages(), first->library()->messages());
    QVERIFY(second->scriptPanel()->script() == *script);
    QVERIFY(lastEvent(*second).detail.contains(QStringLiteral("Opened session")));
    // The file written again is the same file.
    const QString again = m_dir.filePath(QStringLiteral("again.json"));
    QVERIFY(second->saveSession(again));
    QFile a(path), b(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), a.readAll());
}

void TestUiSession::brokenSessionChangesNothing_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::newRow("newer") << QByteArray(R"({"format": "sockplay-session", "version": 9, "endpoints": []})")
                           << QStringLiteral("newer SockPlay");
    QTest::newRow("half broken") << QByteArray(R"({"format": "sockplay-session", "version": 1, "endpoints": [
        {"name": "server", "role": "server", "port": 5555},
        {"name": "client", "role": "client", "port": 0}]})")
                                 << QStringLiteral("endpoint 2 (\"client\")");
    QTest::newRow("not JSON") << QByteArray("{{") << QStringLiteral("not valid JSON");
}

void TestUiSession::brokenSessionChangesNothing()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    const EndpointConfig server = window->serverPane()->settings();
    const EndpointConfig client = window->clientPane()->settings();
    const QString path = m_dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
    file.close();

    const Result opened = window->openSession(path);
    QVERIFY(!opened);
    QVERIFY2(opened.error.contains(error), qPrintable(opened.error));
    QVERIFY(window->serverPane()->settings() == server);
    QVERIFY(window->clientPane()->settings() == client);
    const Event event = lastEvent(*window);
    QCOMPARE(event.kind, EventKind::Error);
    QVERIFY2(event.detail.contains(error), qPrintable(event.detail));
}

void TestUiSession::settingsSurviveARestart()
{
    QSize size;
    {
        const std::unique_ptr<MainWindow> window = newWindow(true);
        QVERIFY(window);
        window->setZoom(130);
        QCoreApplication::sendPostedEvents(); // the layouts take the zoomed fonts' sizes
        // Not the size a new window gets, and one the zoomed text fits in.
        window->resize(window->size().expandedTo(window->minimumSizeHint()) + QSize(40, 30));
        size = window->size();
        EndpointConfig server = window->serverPane()->settings();
        server.port = 47020;
        server.rules = {rule("any=>ok")};
        window->serverPane()->applySettings(server);
        window->clientPane()->setFollowingServer(false);
        window->findChild<QComboBox *>(QStringLiteral("logPayloadModeCombo"))->setCurrentIndex(1); // hex
        window->logView()->detailsButton()->setChecked(true);
        window->close();
    }
    const std::unique_ptr<MainWindow> window = newWindow(true);
    QVERIFY(window);
    QCOMPARE(window->zoom(), 130);
    QCOMPARE(window->size(), size);
    QCOMPARE(window->serverPane()->settings().port, quint16(47020));
    QCOMPARE(window->serverPane()->settings().rules, QList<Rule>{rule("any=>ok")});
    QVERIFY(!window->clientPane()->isFollowingServer());
    QCOMPARE(window->findChild<QComboBox *>(QStringLiteral("logPayloadModeCombo"))->currentIndex(), 1);
    QVERIFY(window->logView()->detailsButton()->isChecked());

    // A window that was not asked to remember leaves the settings alone.
    const std::unique_ptr<MainWindow> scratch = newWindow(false);
    scratch->setZoom(200);
    scratch->close();
    QCOMPARE(QSettings().value(QStringLiteral("window/zoom")).toInt(), 130);
}

void TestUiSession::zoomFromTheKeyboard()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    auto *port = window->findChild<QSpinBox *>(QStringLiteral("serverPortSpin"));
    QVERIFY(port);
    const qreal before = port->font().pointSizeF();
    port->setFocus();
    QTest::keyClick(window.get(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window->zoom(), 100 + MainWindow::ZoomStep);
    QVERIFY2(port->font().pointSizeF() > before, "a control's text grows with the zoom");
    QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(window->zoom(), 100 - MainWindow::ZoomStep);
    QVERIFY(port->font().pointSizeF() < before);
    QTest::keyClick(window.get(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(window->zoom(), 100);
    QCOMPARE(port->font().pointSizeF(), before);
    for (int i = 0; i < 50; ++i)
        QTest::keyClick(window.get(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window->zoom(), MainWindow::MaxZoom);
}

void TestUiSession::f10OpensTheMenuBar()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    QTest::keyClick(window.get(), Qt::Key_F10);
    QTRY_VERIFY(window->menuBar()->activeAction());
    QCOMPARE(window->menuBar()->activeAction()->menu()->objectName(), QStringLiteral("fileMenu"));
    QVERIFY(window->openSessionAction()->shortcuts().contains(QKeySequence(QKeySequence::Open)));
    QTest::keyClick(QApplication::activePopupWidget() ? QApplication::activePopupWidget() : window.get(), Qt::Key_Escape);
}

QTEST_MAIN(TestUiSession)
#include "tst_ui_session.moc"
