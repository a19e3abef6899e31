// The files a session file may send (issue 12, safe defaults). A rule's
// {{file:PATH}} sends that file to every peer its pattern matches, and a
// session file may come from anyone: so it may name only files in its own
// folder or below, by a relative path. An absolute path elsewhere, "..", or
// a symlink out of the folder is refused when the file is read, with the
// rule's number. Saving writes those paths relative again. A session has
// at most SessionFile::MaxRules rules an endpoint.

#include "clisupport.h"
#include "sessionfile.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

/// A session: a line server whose rule "exact:GET=>REPLY", and a script
/// that sends GET and expects EXPECTED back (a regex).
QByteArray sessionWithReply(const QString &reply, const QString &expected = QStringLiteral("^$"))
{
    const QJsonObject server{{QStringLiteral("name"), QStringLiteral("server")},
                             {QStringLiteral("role"), QStringLiteral("server")},
                             {QStringLiteral("port"), 0},
                             {QStringLiteral("frame"), QStringLiteral("line")},
                             {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("rule"), QString(QStringLiteral("exact:GET=>") + reply)}}}}};
    const QJsonArray steps{
        QJsonObject{{QStringLiteral("open"), QStringLiteral("probe")}, {QStringLiteral("connect"), QStringLiteral("127.0.0.1:${server.port}")}},
        QJsonObject{{QStringLiteral("send"), QStringLiteral("GET\\n")}, {QStringLiteral("to"), QStringLiteral("probe")}},
        QJsonObject{{QStringLiteral("expect"), expected}, {QStringLiteral("as"), QStringLiteral("regex")}, {QStringLiteral("on"), QStringLiteral("probe")}},
        QJsonObject{{QStringLiteral("close"), QStringLiteral("probe")}}};
    const QJsonObject top{{QStringLiteral("format"), QStringLiteral("sockplay-session")},
                          {QStringLiteral("version"), 1},
                          {QStringLiteral("endpoints"), QJsonArray{server}},
                          {QStringLiteral("script"), QJsonObject{{QStringLiteral("steps"), steps}}}};
    return QJsonDocument(top).toJson();
}

/// root/sessions/ with reply.txt and sub/more.txt in it, and root/secret.txt beside it.
struct Folders
{
    QTemporaryDir root;
    QString sessions() const { return root.filePath(QStringLiteral("sessions")); }
    QString secret() const { return root.filePath(QStringLiteral("secret.txt")); }

    bool make()
    {
        return root.isValid() && QDir(root.path()).mkpath(QStringLiteral("sessions/sub"))
            && QDir(root.path()).mkpath(QStringLiteral("cwd"))
            && writeFile(sessions() + QStringLiteral("/reply.txt"), "REPLY-ONE\n")
            && writeFile(sessions() + QStringLiteral("/sub/more.txt"), "MORE\n")
            && writeFile(secret(), "SECRET\n");
    }
};

} // namespace

class TestSessionFileFiles : public QObject
{
    Q_OBJECT

private slots:
    void aFileBesideTheSessionIsSent_data();
    void aFileBesideTheSessionIsSent();
    void aFileOutsideTheFolderIsRefused_data();
    void aFileOutsideTheFolderIsRefused();
    void aSessionFromAStreamNamesNoFile();
    void savingWritesThePathsRelativeAgain();
    void rulesAnEndpointAreCapped();
};

void TestSessionFileFiles::aFileBesideTheSessionIsSent_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("expected");
    QTest::newRow("beside it") << QStringLiteral("{{file:reply.txt}}") << QStringLiteral("^REPLY-ONE$");
    QTest::newRow("below it") << QStringLiteral("<{{file:sub/more.txt}}") << QStringLiteral("^<MORE$");
    QTest::newRow("below it, by a way that stays inside") << QStringLiteral("{{file:sub/../reply.txt}}")
                                                          << QStringLiteral("^REPLY-ONE$");
}

void TestSessionFileFiles::aFileBesideTheSessionIsSent()
{
    // Run by the CLI from another working folder: the path is the session
    // file's, not the working folder's.
    QFETCH(QString, reply);
    QFETCH(QString, expected);
    Folders folders;
    QVERIFY(folders.make());
    const QString path = folders.sessions() + QStringLiteral("/session.json");
    QVERIFY(writeFile(path, sessionWithReply(reply, expected)));
    const CliRun run = runCli({QStringLiteral("run"), path}, {}, folders.root.filePath(QStringLiteral("cwd")));
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
}

void TestSessionFileFiles::aFileOutsideTheFolderIsRefused_data()
{
    QTest::addColumn<QString>("macroPath"); // %SECRET% is the absolute path of the file outside
    QTest::addColumn<QString>("symlink");   // made in the session folder, pointing at the secret
    QTest::newRow("an absolute path elsewhere") << QStringLiteral("%SECRET%") << QString();
    QTest::newRow("..") << QStringLiteral("../secret.txt") << QString();
    QTest::newRow("down and out again") << QStringLiteral("sub/../../secret.txt") << QString();
    QTest::newRow("a system file") << QStringLiteral("/etc/passwd") << QString();
    QTest::newRow("a symlink beside it, to a file outside") << QStringLiteral("link.txt") << QStringLiteral("link.txt");
}

void TestSessionFileFiles::aFileOutsideTheFolderIsRefused()
{
    QFETCH(QString, macroPath);
    QFETCH(QString, symlink);
    Folders folders;
    QVERIFY(folders.make());
    if (!symlink.isEmpty())
        QVERIFY(QFile::link(folders.secret(), folders.sessions() + u'/' + symlink));
    macroPath.replace(QStringLiteral("%SECRET%"), folders.secret());
    const QString path = folders.sessions() + QStringLiteral("/session.json");
    QVERIFY(writeFile(path, sessionWithReply(QStringLiteral("{{file:%1}}").arg(macroPath), QStringLiteral("SECRET"))));

    QString error;
    QVERIFY(!SessionFile::readFile(path, &error));
    QVERIFY2(error.contains(QStringLiteral("endpoint 1 (\"server\"): rule 1: {{file:%1}}").arg(macroPath)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("outside the session file's folder")), qPrintable(error));

    // What a user of the CLI sees: the reason, and no run (so nothing is sent).
    const CliRun run = runCli({QStringLiteral("run"), path}, {}, folders.root.filePath(QStringLiteral("cwd")));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("outside the session file's folder"), run.err.constData());
    QVERIFY2(!run.out.contains("SECRET") && !run.err.contains("SECRET\n"), run.out.constData());
}

void TestSessionFileFiles::aSessionFromAStreamNamesNoFile()
{
    QByteArray bytes = sessionWithReply(QStringLiteral("{{file:reply.txt}}"));
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QString error;
    QVERIFY(!SessionFile::read(&buffer, &error));
    QVERIFY2(error.contains(QStringLiteral("rule 1: {{file:reply.txt}}: a session that is not read from a file on disk")),
             qPrintable(error));

    // Without a file macro the same stream reads.
    QByteArray plain = sessionWithReply(QStringLiteral("OK"));
    QBuffer plainBuffer(&plain);
    QVERIFY(plainBuffer.open(QIODevice::ReadOnly));
    QVERIFY2(SessionFile::read(&plainBuffer, &error), qPrintable(error));
}

void TestSessionFileFiles::savingWritesThePathsRelativeAgain()
{
    Folders folders;
    QVERIFY(folders.make());
    const QString path = folders.sessions() + QStringLiteral("/session.json");
    QVERIFY(writeFile(path, sessionWithReply(QStringLiteral("a {{file:reply.txt}} b {{file:sub/more.txt}}"))));
    QString error;
    const std::optional<SessionDocument> read = SessionFile::readFile(path, &error);
    QVERIFY2(read, qPrintable(error));
    // Read, the paths are absolute: the rule works whatever the working folder.
    const QString absolute = QDir(folders.sessions()).absolutePath();
    QCOMPARE(read->endpoints.at(0).rules.at(0).replyText,
             QStringLiteral("a {{file:%1/reply.txt}} b {{file:%1/sub/more.txt}}").arg(absolute));

    // Saved in the same folder: relative again, and it reads back equal.
    const QString copy = folders.sessions() + QStringLiteral("/copy.json");
    QVERIFY(SessionFile::writeFile(copy, *read).ok);
    QFile saved(copy);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray savedBytes = saved.readAll();
    QVERIFY2(savedBytes.contains("a {{file:reply.txt}} b {{file:sub/more.txt}}"), savedBytes.constData());
    QVERIFY(!savedBytes.contains(absolute.toUtf8()));
    const std::optional<SessionDocument> reread = SessionFile::readFile(copy, &error);
    QVERIFY2(reread, qPrintable(error));
    QCOMPARE(*reread, *read);

    // Saved in another folder, the files are not beside it: that file is refused, and says what to do.
    const QString elsewhere = folders.root.filePath(QStringLiteral("cwd/moved.json"));
    QVERIFY(SessionFile::writeFile(elsewhere, *read).ok);
    QVERIFY(!SessionFile::readFile(elsewhere, &error));
    QVERIFY2(error.contains(QStringLiteral("copy the file there")), qPrintable(error));
}

void TestSessionFileFiles::rulesAnEndpointAreCapped()
{
    // 16 MiB of JSON holds some 800,000 short rules, each a compiled
    // pattern and template: 300 MB before this cap.
    const auto sessionWithRules = [](int count) {
        QJsonArray rules;
        for (int i = 0; i < count; ++i)
            rules.append(QJsonObject{{QStringLiteral("rule"), QStringLiteral("exact:%1=>%1").arg(i)}});
        const QJsonObject server{{QStringLiteral("name"), QStringLiteral("server")},
                                 {QStringLiteral("role"), QStringLiteral("server")},
                                 {QStringLiteral("rules"), rules}};
        return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("sockplay-session")},
                                         {QStringLiteral("version"), 1},
                                         {QStringLiteral("endpoints"), QJsonArray{server}}})
            .toJson();
    };
    QString error;
    QByteArray most = sessionWithRules(SessionFile::MaxRules);
    QBuffer mostBuffer(&most);
    QVERIFY(mostBuffer.open(QIODevice::ReadOnly));
    const std::optional<SessionDocument> read = SessionFile::read(&mostBuffer, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->endpoints.at(0).rules.size(), SessionFile::MaxRules);

    QByteArray tooMany = sessionWithRules(SessionFile::MaxRules + 1);
    QBuffer tooManyBuffer(&tooMany);
    QVERIFY(tooManyBuffer.open(QIODevice::ReadOnly));
    QVERIFY(!SessionFile::read(&tooManyBuffer, &error));
    QCOMPARE(error, QStringLiteral("endpoint 1 (\"server\"): \"rules\" has %1 rules; at most %2")
                        .arg(SessionFile::MaxRules + 1)
                        .arg(SessionFile::MaxRules));
}

QTEST_GUILESS_MAIN(TestSessionFileFiles)
#include "tst_sessionfilefiles.moc"
