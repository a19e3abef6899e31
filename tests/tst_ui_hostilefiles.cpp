// Hostile files in the window (issue 12): a session, a script and a message
// library that are truncated, huge, deeply nested or of the wrong type. The
// error shows where the user acted (a message box after File → Open
// session, the script panel's error line, the library's error line), what
// the window holds stays as it was, and nothing already in the log is lost:
// its events keep their count and their texts. tst_hostilefiles reads the
// same kinds of file in the core, row by row.

#include "eventlog.h"
#include "mainwindow.h"
#include "messagelibrarymodel.h"
#include "messagelibraryview.h"
#include "errorlabel.h"
#include "scriptpanel.h"
#include "serverpane.h"
#include "session.h"
#include "sessionfile.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace SockPlay;

namespace {

struct Seen
{
    quint64 sequence = 0;
    EventKind kind = EventKind::Note;
    QString detail;
    QString endpoint;
    bool operator==(const Seen &) const = default;
};

/// What the log shows now, event by event.
QList<Seen> logged(EventLog *log)
{
    QList<Seen> seen;
    for (const Event &e : log->snapshot())
        seen.append({e.sequence, e.kind, e.detail, e.endpointName()});
    return seen;
}

const QByteArray GoodScript = R"({"format": "sockplay-script", "version": 1, "name": "good",
    "steps": [{"open": "client", "connect": "127.0.0.1:7000"}, {"send": "PING\n"}, {"close": "client"}]})";

/// The four ways a file of a kind goes wrong; header is its start up to its main list.
void addHostileRows(const QByteArray &header, const QByteArray &goodList, const QByteArray &mistyped,
                    const QString &description, qint64 cap, const QString &mistypedError)
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    const QByteArray good = header + goodList + '}';
    QTest::newRow("cut in the middle") << good.left(good.size() / 2) << QStringLiteral("not valid JSON at line");
    const QByteArray huge = header + "[\"" + QByteArray(64 << 20, 'x') + "\"]}";
    QTest::newRow("64 MiB") << huge
                            << QStringLiteral("the file is too big (%1 bytes); a %2 is at most %3 bytes")
                                   .arg(huge.size()).arg(description).arg(cap);
    QTest::newRow("100,000 deep") << header + QByteArray(100'000, '[') + QByteArray(100'000, ']') + '}'
                                  << QStringLiteral("too deeply nested");
    QTest::newRow("a value of the wrong type") << header + mistyped + '}' << mistypedError;
}

} // namespace

class TestUiHostileFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void aBrokenSessionIsABoxAndOneLoggedError_data();
    void aBrokenSessionIsABoxAndOneLoggedError();
    void aBrokenScriptIsShownInThePanel_data();
    void aBrokenScriptIsShownInThePanel();
    void aBrokenLibraryIsShownInTheLibrary_data();
    void aBrokenLibraryIsShownInTheLibrary();

private:
    /// A window whose log holds a running server's events and a few notes.
    std::unique_ptr<MainWindow> busyWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("serverStartButton")), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return window->serverPane()->snapshot().isActive(); }))
            return nullptr;
        for (int i = 1; i <= 3; ++i)
            window->session()->logNote(QStringLiteral("test"), QStringLiteral("note %1 before the file").arg(i), i == 3);
        const auto hasNotes = [&] { return logged(window->log()).size() >= 3 + 3; }; // created, bound, listening
        return QTest::qWaitFor(hasNotes) ? std::move(window) : nullptr;
    }

    QString write(const QByteArray &data)
    {
        const QString path = m_dir.filePath(QStringLiteral("hostile.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
            return {};
        return path;
    }

    QTemporaryDir m_dir;
};

void TestUiHostileFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_hostilefiles"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiHostileFiles::init()
{
    QSettings().clear();
    QFile::remove(MessageLibrary::standardPath());
}

void TestUiHostileFiles::aBrokenSessionIsABoxAndOneLoggedError_data()
{
    addHostileRows(R"({"format": "sockplay-session", "version": 1, "endpoints": )",
                   R"([{"name": "s", "role": "server", "port": 7000}])",
                   R"([{"name": "s", "role": "server", "port": "7000"}])",
                   QStringLiteral("session file"), SessionFile::MaxFileBytes,
                   QStringLiteral("endpoint 1 (\"s\"): \"port\" must be a whole number from 0 to 65535, not a string"));
}

void TestUiHostileFiles::aBrokenSessionIsABoxAndOneLoggedError()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const std::unique_ptr<MainWindow> window = busyWindow();
    QVERIFY(window);
    const QString path = write(data);
    const EndpointConfig server = window->serverPane()->settings();
    const QList<Seen> before = logged(window->log());

    // File → Open session…, the file chosen in the dialog; then the box.
    QString boxText;
    QTimer answer;
    answer.setInterval(10);
    connect(&answer, &QTimer::timeout, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *dialog = qobject_cast<QFileDialog *>(modal)) {
            SockPlay::Test::chooseInFileDialog(dialog, path);
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            boxText = box->text();
            box->accept();
        }
    });
    answer.start();
    window->openSessionAction()->trigger();
    answer.stop();

    QVERIFY2(boxText.contains(error), qPrintable(boxText));
    QVERIFY2(boxText.contains(path), qPrintable(boxText));
    QVERIFY(window->serverPane());
    QVERIFY(window->serverPane()->settings() == server);
    QVERIFY(window->serverPane()->snapshot().isActive()); // what ran still runs
    // One error more, saying the same; everything before it reads the same.
    QTRY_COMPARE(logged(window->log()).size(), before.size() + 1);
    const QList<Seen> after = logged(window->log());
    QCOMPARE(after.mid(0, before.size()), before);
    QCOMPARE(after.constLast().kind, EventKind::Error);
    QVERIFY2(after.constLast().detail.contains(error), qPrintable(after.constLast().detail));
}

void TestUiHostileFiles::aBrokenScriptIsShownInThePanel_data()
{
    addHostileRows(R"({"format": "sockplay-script", "version": 1, "steps": )", R"([{"wait": 10}])",
                   R"([{"wait": 10}, {"send": 42}])",
                   QStringLiteral("script"), Script::MaxFileBytes,
                   QStringLiteral("step 2 (send): \"send\" must be a string, got 42"));
}

void TestUiHostileFiles::aBrokenScriptIsShownInThePanel()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const std::unique_ptr<MainWindow> window = busyWindow();
    QVERIFY(window);
    ScriptPanel *panel = window->scriptPanel();
    const QString goodPath = m_dir.filePath(QStringLiteral("good.json"));
    {
        QFile good(goodPath);
        QVERIFY(good.open(QIODevice::WriteOnly | QIODevice::Truncate));
        good.write(GoodScript);
    }
    QVERIFY(panel->openFile(goodPath));
    const Script shown = panel->script();
    const QList<Seen> before = logged(window->log());

    const QString path = write(data);
    QVERIFY(!panel->openFile(path));
    auto *label = panel->findChild<ErrorLabel *>(QStringLiteral("scriptErrorLabel"));
    QVERIFY(label);
    QVERIFY(!label->isHidden());
    QVERIFY2(label->text().contains(error), qPrintable(label->text()));
    QVERIFY2(label->text().contains(path), qPrintable(label->text()));
    QVERIFY(panel->script() == shown); // the script loaded before stays
    QCOMPARE(logged(window->log()), before);
}

void TestUiHostileFiles::aBrokenLibraryIsShownInTheLibrary_data()
{
    addHostileRows(R"({"format": "sockplay-messages", "version": 1, "messages": )",
                   R"([{"name": "ok", "mode": "text", "payload": "x", "lineEnding": "lf"}])",
                   R"([{"name": "ok", "mode": "text", "payload": "x", "lineEnding": "lf"},
                       {"name": "bad", "mode": ["hex"], "payload": "41", "lineEnding": "none"}])",
                   QStringLiteral("message library"), MessageLibrary::MaxFileBytes,
                   QStringLiteral("message 2 (\"bad\"): \"mode\" must be a string, not an array"));
}

void TestUiHostileFiles::aBrokenLibraryIsShownInTheLibrary()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const std::unique_ptr<MainWindow> window = busyWindow();
    QVERIFY(window);
    QVERIFY(window->library()->add({QStringLiteral("mine"), PayloadMode::Text, QStringLiteral("hi"), LineEnding::Lf}).ok);
    const QList<SavedMessage> messages = window->library()->messages();
    auto *view = window->findChild<MessageLibraryView *>(QStringLiteral("serverLibraryView"));
    QVERIFY(view);
    const QList<Seen> before = logged(window->log());

    const QString path = write(data);
    QVERIFY(!view->importFile(path));
    QVERIFY(!view->errorLabel()->isHidden());
    QVERIFY2(view->errorLabel()->text().contains(error), qPrintable(view->errorLabel()->text()));
    QVERIFY2(view->errorLabel()->text().contains(path), qPrintable(view->errorLabel()->text()));
    QCOMPARE(window->library()->messages(), messages);
    QCOMPARE(logged(window->log()), before);
}

QTEST_MAIN(TestUiHostileFiles)
#include "tst_ui_hostilefiles.moc"
