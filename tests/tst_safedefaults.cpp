// Safe defaults (issue 12): a server binds 127.0.0.1 unless the user picks
// another address, wherever it is made (the session's factory, a session file,
// a script, the demos, the CLI); every interface is said in the log and on the
// CLI's stderr; running a session file writes no file at all; no user input
// reaches a shell (the sources run no program, and shell metacharacters in
// hosts, payloads, rules, file names, scripts and session files stay literal).

#include "address.h"
#include "clisupport.h"
#include "demo.h"
#include "peers/peerprocess.h"
#include "script.h"
#include "scriptrunner.h"
#include "session.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;

namespace {

QString sourceRoot()
{
    return QStringLiteral(SOCKPLAY_PEERS_DIR "/../..");
}

/// The local address of every socket the log saw bound (servers, UDP sockets).
QList<QHostAddress> boundAddresses(const EventLog &log)
{
    QList<QHostAddress> addresses;
    for (const Event &e : log.snapshot())
        if (e.kind == EventKind::Bound && e.source)
            addresses.append(e.source->localAddress);
    return addresses;
}

QStringList notesOf(const EventLog &log)
{
    QStringList notes;
    for (const Event &e : log.snapshot())
        if (e.kind == EventKind::Note)
            notes.append(e.detail);
    return notes;
}

/// Every file and folder under root (relative), with its size: what a run may not change.
QStringList tree(const QString &root)
{
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        entries.append(QDir(root).relativeFilePath(it.filePath()) + u' ' + QString::number(it.fileInfo().size()));
    }
    entries.sort();
    return entries;
}

} // namespace

class TestSafeDefaults : public QObject
{
    Q_OBJECT

private slots:
    void serversBindLoopbackByDefault_data();
    void serversBindLoopbackByDefault();
    void scriptServersListenOnLoopbackByDefault();
    void everyDemoBindsLoopbackOnly_data();
    void everyDemoBindsLoopbackOnly();
    void cliListensOnLoopbackByDefault_data();
    void cliListensOnLoopbackByDefault();

    void reachableAddresses_data();
    void reachableAddresses();
    void everyInterfaceIsANoteInTheLog_data();
    void everyInterfaceIsANoteInTheLog();
    void cliWarnsOnStderrForEveryInterface_data();
    void cliWarnsOnStderrForEveryInterface();

    void runningASessionFileWritesNoFile_data();
    void runningASessionFileWritesNoFile();

    void scannerFindsEveryWayToRunAProgram_data();
    void scannerFindsEveryWayToRunAProgram();
    void sourcesRunNoProgramAndNoShell();
    void shellMetacharactersStayLiteral_data();
    void shellMetacharactersStayLiteral();

private:
    QTemporaryDir m_dir;
};

// ---- 127.0.0.1 by default -------------------------------------------------

void TestSafeDefaults::serversBindLoopbackByDefault_data()
{
    QTest::addColumn<EndpointConfig>("config");
    EndpointConfig tcp;
    tcp.transport = Transport::Tcp;
    tcp.role = Role::Server;
    EndpointConfig udp = tcp;
    udp.transport = Transport::Udp;
    QTest::newRow("new TCP server from the factory") << tcp;
    QTest::newRow("new UDP server from the factory") << udp;

    // A session file that leaves the address out.
    for (const char *transport : {"tcp", "udp"}) {
        QString error;
        const std::optional<EndpointConfig> config = SessionFile::endpointFromJson(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("s")}, {QStringLiteral("role"), QStringLiteral("server")},
                        {QStringLiteral("transport"), QString::fromLatin1(transport)}},
            &error);
        QVERIFY2(config, qPrintable(error));
        QTest::addRow("%s server from a session file without \"host\"", transport) << *config;
    }
}

void TestSafeDefaults::serversBindLoopbackByDefault()
{
    QFETCH(EndpointConfig, config);
    Session session;
    const int id = session.addEndpoint(config);
    session.start(id, config);
    QTRY_VERIFY(session.snapshot(id).isActive());
    QCOMPARE(session.snapshot(id).localAddress, QHostAddress(QHostAddress::LocalHost));
    session.log()->flush();
    QCOMPARE(boundAddresses(*session.log()), QList<QHostAddress>{QHostAddress(QHostAddress::LocalHost)});
}

void TestSafeDefaults::scriptServersListenOnLoopbackByDefault()
{
    QString error;
    const std::optional<Script> script = Script::fromJson(QJsonDocument::fromJson(R"({"steps": [
        {"open": "tcpserver", "listen": "0"},
        {"open": "udpserver", "bind": "0", "transport": "udp"},
        {"close": "tcpserver"}, {"close": "udpserver"}]})").object(), &error);
    QVERIFY2(script, qPrintable(error));
    Session session;
    ScriptRunner runner(&session);
    QSignalSpy finished(&runner, &ScriptRunner::finished);
    runner.start(*script);
    QVERIFY(finished.wait(PeerTimeoutMs));
    QVERIFY(runner.report().passed());
    session.log()->flush();
    const QList<QHostAddress> loopback(2, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(boundAddresses(*session.log()), loopback);
}

void TestSafeDefaults::everyDemoBindsLoopbackOnly_data()
{
    QTest::addColumn<QString>("demo");
    for (const QString &id : DemoRunner::demoIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestSafeDefaults::everyDemoBindsLoopbackOnly()
{
    QFETCH(QString, demo);
    Session session;
    SessionDemoStage stage(&session);
    DemoRunner runner(&stage);
    QVERIFY(runner.load(demo));
    QSignalSpy finished(&runner, &DemoRunner::finished);
    QSignalSpy failed(&runner, &DemoRunner::failed);
    runner.runAll();
    // A demo that shows an error (a refused connect) ends in Failed or Finished: either way it bound what it bound.
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000));
    session.log()->flush();
    const QList<QHostAddress> bound = boundAddresses(*session.log());
    QVERIFY(!bound.isEmpty());
    for (const QHostAddress &address : bound)
        QVERIFY2(address.isLoopback(), qPrintable(address.toString()));
}

void TestSafeDefaults::cliListensOnLoopbackByDefault_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("line");
    QTest::newRow("tcp-listen without --bind") << QStringList{QStringLiteral("tcp-listen"), QStringLiteral("0")}
                                               << QStringLiteral("listening on 127.0.0.1:");
    QTest::newRow("udp-listen without --bind") << QStringList{QStringLiteral("udp-listen"), QStringLiteral("0")}
                                               << QStringLiteral("bound to 127.0.0.1:");
    const QString session = m_dir.filePath(QStringLiteral("no-host.json"));
    QVERIFY(writeFile(session, R"({"format": "sockplay-session", "version": 1, "endpoints": [
        {"name": "server", "role": "server", "transport": "tcp"}]})"));
    QTest::newRow("run a session file without \"host\"") << QStringList{QStringLiteral("run"), session}
                                                         << QStringLiteral("server: listening on 127.0.0.1:");
}

void TestSafeDefaults::cliListensOnLoopbackByDefault()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, line);
    PeerProcess cli;
    QVERIFY2(cli.start(cliPath(), arguments), qPrintable(cli.errorString()));
    QVERIFY(cli.waitForCliPort() != 0 || !cli.waitForMatch(QRegularExpression(QStringLiteral("listening on \\S+:(\\d+)")),
                                                          QProcess::StandardError).isEmpty());
    QVERIFY2(cli.errText().contains(line), qPrintable(cli.errText()));
    QVERIFY2(!cli.errText().contains(QLatin1String("warning")), qPrintable(cli.errText()));
}

// ---- every interface is said ---------------------------------------------

void TestSafeDefaults::reachableAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("reachable");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("127.0.0.2 (loopback too)") << QStringLiteral("127.0.0.2") << false;
    QTest::newRow("::1") << QStringLiteral("::1") << false;
    QTest::newRow("localhost") << QStringLiteral("localhost") << false;
    QTest::newRow("empty field (loopback)") << QString() << false;
    QTest::newRow("not an address") << QStringLiteral("example.org") << false;
    QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << true;
    QTest::newRow("::") << QStringLiteral("::") << true;
    QTest::newRow("any") << QStringLiteral("any") << true;
    QTest::newRow("a network address (TEST-NET-1)") << QStringLiteral("192.0.2.10") << true;
    QTest::newRow("a network address (IPv6 documentation)") << QStringLiteral("2001:db8::1") << true;
}

void TestSafeDefaults::reachableAddresses()
{
    QFETCH(QString, address);
    QFETCH(bool, reachable);
    const QHostAddress parsed = parseBindAddress(address);
    QCOMPARE(isReachableFromNetwork(parsed), reachable);
    QCOMPARE(networkReachableNote(parsed, false).isEmpty(), !reachable);
    QCOMPARE(networkReachableNote(parsed, true).isEmpty(), !reachable);
}

void TestSafeDefaults::everyInterfaceIsANoteInTheLog_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("note"); // empty: no such note
    const QString tcpNote = QStringLiteral("listening on every interface: other machines on the network can connect");
    const QString udpNote = QStringLiteral("bound to every interface: other machines on the network can send to it");
    QTest::newRow("tcp 0.0.0.0") << Transport::Tcp << QStringLiteral("0.0.0.0") << tcpNote;
    QTest::newRow("tcp ::") << Transport::Tcp << QStringLiteral("::") << tcpNote;
    QTest::newRow("udp 0.0.0.0") << Transport::Udp << QStringLiteral("0.0.0.0") << udpNote;
    QTest::newRow("udp ::") << Transport::Udp << QStringLiteral("::") << udpNote;
    QTest::newRow("tcp 127.0.0.1: no note") << Transport::Tcp << QStringLiteral("127.0.0.1") << QString();
    QTest::newRow("udp 127.0.0.1: no note") << Transport::Udp << QStringLiteral("127.0.0.1") << QString();
    if (hasIPv6Loopback())
        QTest::newRow("tcp ::1: no note") << Transport::Tcp << QStringLiteral("::1") << QString();
}

void TestSafeDefaults::everyInterfaceIsANoteInTheLog()
{
    QFETCH(Transport, transport);
    QFETCH(QString, host);
    QFETCH(QString, note);
    EndpointConfig config;
    config.transport = transport;
    config.role = Role::Server;
    config.host = host;
    Session session;
    const int id = session.addEndpoint(config);
    session.start(id, config);
    QTRY_VERIFY(session.snapshot(id).isActive());
    session.log()->flush();
    const QStringList notes = notesOf(*session.log());
    if (note.isEmpty())
        QVERIFY2(!notes.join(u'\n').contains(QLatin1String("other machines")), qPrintable(notes.join(u'\n')));
    else
        QVERIFY2(notes.contains(note), qPrintable(notes.join(u'\n')));
}

void TestSafeDefaults::cliWarnsOnStderrForEveryInterface_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("warning"); // empty: none
    const QString tcp = QStringLiteral("sockplay-cli: warning: listening on every interface: other machines on the network can connect");
    const QString udp = QStringLiteral("sockplay-cli: warning: bound to every interface: other machines on the network can send to it");
    QTest::newRow("tcp-listen --bind 0.0.0.0") << QStringList{QStringLiteral("tcp-listen"), QStringLiteral("--bind"), QStringLiteral("0.0.0.0"), QStringLiteral("0")} << tcp;
    QTest::newRow("tcp-listen --bind ::") << QStringList{QStringLiteral("tcp-listen"), QStringLiteral("--bind"), QStringLiteral("::"), QStringLiteral("0")} << tcp;
    QTest::newRow("udp-listen --bind 0.0.0.0") << QStringList{QStringLiteral("udp-listen"), QStringLiteral("--bind"), QStringLiteral("0.0.0.0"), QStringLiteral("0")} << udp;
    QTest::newRow("tcp-listen --bind 127.0.0.1: none") << QStringList{QStringLiteral("tcp-listen"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("0")} << QString();
    const QString session = m_dir.filePath(QStringLiteral("every-interface.json"));
    QVERIFY(writeFile(session, R"({"format": "sockplay-session", "version": 1, "endpoints": [
        {"name": "open", "role": "server", "transport": "tcp", "host": "0.0.0.0"}]})"));
    QTest::newRow("run a session file with 0.0.0.0") << QStringList{QStringLiteral("run"), session}
                                                     << QStringLiteral("sockplay-cli: warning: open: listening on every interface");
}

void TestSafeDefaults::cliWarnsOnStderrForEveryInterface()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, warning);
    PeerProcess cli;
    QVERIFY2(cli.start(cliPath(), arguments), qPrintable(cli.errorString()));
    // The warning comes right after the line that says where it listens.
    QVERIFY(!cli.waitForMatch(QRegularExpression(QStringLiteral("(?:listening on|bound to) \\S+:(\\d+)\\n")),
                              QProcess::StandardError).isEmpty());
    if (warning.isEmpty()) {
        QVERIFY2(!cli.errText().contains(QLatin1String("warning")), qPrintable(cli.errText()));
        return;
    }
    QTRY_VERIFY2(cli.errText().contains(warning), qPrintable(cli.errText()));
}

// ---- a session file writes nothing ----------------------------------------

void TestSafeDefaults::runningASessionFileWritesNoFile_data()
{
    // The format holds no path to write to (no log autosave, capture, code or
    // library file): a key for one is refused, and names that look like paths
    // are names. The run gets a fresh HOME, XDG folders, TMPDIR and working
    // folder; nothing under them may change but what the test made.
    QTest::addColumn<QByteArray>("session");
    QTest::addColumn<bool>("throughSymlink");
    QTest::addColumn<int>("exitCode");
    const QByteArray script = R"("script": {"name": "SCRIPT", "steps": [
            {"open": "probe", "connect": "127.0.0.1:${server.port}"},
            {"send": "PING\n", "to": "probe"},
            {"expect": "^PONG$", "as": "regex", "on": "probe"},
            {"close": "probe"}]})";
    const auto session = [&](const char *otherName, const char *libraryName, const char *scriptName) {
        return QByteArray(R"({"format": "sockplay-session", "version": 1, "endpoints": [
            {"name": "server", "role": "server", "port": 0, "frame": "line", "rules": [{"rule": "exact:PING=>PONG\n"}]},
            {"name": "OTHER", "role": "server", "transport": "udp", "port": 0, "echo": true}],
            "library": [{"name": "LIBRARY", "mode": "text", "payload": "PING", "lineEnding": "lf"}],
            )" + script + "}")
            .replace("OTHER", otherName)
            .replace("LIBRARY", libraryName)
            .replace("SCRIPT", scriptName);
    };
    QTest::newRow("servers, rules, library and script") << session("udp", "ping", "check") << false << 0;
    QTest::newRow("names that look like paths (../../ escape, absolute)")
        << session("../../outside.json", "/tmp/sockplay-escape.json", "../../../escape") << false << 0;
    QTest::newRow("the file opened through a symlink from another folder") << session("udp", "ping", "check") << true << 0;
    QTest::newRow("a path key the format does not have: refused")
        << QByteArray(R"({"format": "sockplay-session", "version": 1, "endpoints": [
            {"name": "server", "role": "server", "autosave": "/tmp/sockplay-escape.csv"}]})")
        << false << 2;
}

void TestSafeDefaults::runningASessionFileWritesNoFile()
{
    QFETCH(QByteArray, session);
    QFETCH(bool, throughSymlink);
    QFETCH(int, exitCode);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QList<QPair<QString, QString>> folders = {
        {QStringLiteral("HOME"), QStringLiteral("home")},           {QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("config")},
        {QStringLiteral("XDG_DATA_HOME"), QStringLiteral("data")},  {QStringLiteral("XDG_CACHE_HOME"), QStringLiteral("cache")},
        {QStringLiteral("XDG_STATE_HOME"), QStringLiteral("state")}, {QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("runtime")},
        {QStringLiteral("TMPDIR"), QStringLiteral("tmp")}};
    for (const auto &[variable, folder] : folders) {
        QVERIFY(QDir(root.path()).mkpath(folder));
        environment.insert(variable, root.filePath(folder));
    }
    QFile::setPermissions(root.filePath(QStringLiteral("runtime")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("cwd")));
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("sessions/deep")));
    QString path = root.filePath(QStringLiteral("sessions/deep/session.json"));
    QVERIFY(writeFile(path, session));
    if (throughSymlink) {
        const QString link = root.filePath(QStringLiteral("cwd/link.json"));
        QVERIFY(QFile::link(path, link));
        path = link;
    }

    const QStringList before = tree(root.path());
    const CliRun run = runCli({QStringLiteral("run"), path}, {}, root.filePath(QStringLiteral("cwd")), environment);
    QVERIFY2(run.exitCode == exitCode, QByteArray(run.out + run.err).constData());
    QCOMPARE(tree(root.path()), before);
}

// ---- no shell --------------------------------------------------------------

namespace {

/// Every way application code could run a program or a shell.
const QList<QPair<const char *, const char *>> &programPatterns()
{
    static const QList<QPair<const char *, const char *>> patterns = {
        // std::system( and ::system( and system(, not QLocale::system() or x.system().
        {"system()", R"((?:\bstd::|(?<![\w:])::|(?<![\w:.>]))system\s*\()"},
        {"popen()", R"(\bpopen\s*\()"},
        {"exec*()", R"(\bexec(?:l|lp|le|v|vp|vpe|ve)\s*\()"},
        {"posix_spawn", R"(\bposix_spawnp?\b)"},
        {"fork()", R"(\bv?fork\s*\()"},
        {"QProcess", R"(\bQProcess\b)"},
        {"startCommand", R"(\bstartCommand\b)"},
        {"/bin/sh", R"("/bin/(?:ba|da|z)?sh")"},
        {"\"sh\", \"-c\"", R"("(?:ba|da|z)?sh"\)?\s*,\s*(?:\{\s*)?(?:QStringLiteral\()?"-c")"},
    };
    return patterns;
}

/// Where the pattern matches in text: "line: what", or empty.
QStringList findProgramRuns(const QString &text)
{
    QStringList found;
    for (const auto &[name, pattern] : programPatterns()) {
        const QRegularExpression expression(QString::fromLatin1(pattern));
        for (auto it = expression.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const qsizetype line = text.left(match.capturedStart()).count(u'\n') + 1;
            found.append(QStringLiteral("%1: %2 (%3)").arg(line).arg(QString::fromLatin1(name), match.captured()));
        }
    }
    return found;
}

} // namespace

void TestSafeDefaults::scannerFindsEveryWayToRunAProgram_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("system") << QStringLiteral("std::system(command.c_str());");
    QTest::newRow("bare system") << QStringLiteral("int rc = system(command);");
    QTest::newRow("global system") << QStringLiteral("::system(command);");
    QTest::newRow("popen") << QStringLiteral("FILE *f = popen(cmd, \"r\");");
    QTest::newRow("execvp") << QStringLiteral("execvp(argv[0], argv);");
    QTest::newRow("execl") << QStringLiteral("execl (\"/usr/bin/x\", \"x\", nullptr);");
    QTest::newRow("posix_spawn") << QStringLiteral("posix_spawnp(&pid, file, nullptr, nullptr, argv, envp);");
    QTest::newRow("fork") << QStringLiteral("if (fork() == 0)");
    QTest::newRow("QProcess") << QStringLiteral("QProcess::startDetached(program, {});");
    QTest::newRow("startCommand") << QStringLiteral("process.startCommand(line);");
    QTest::newRow("/bin/sh") << QStringLiteral("run(\"/bin/sh\", args);");
    QTest::newRow("sh -c") << QStringLiteral("start(QStringLiteral(\"sh\"), {QStringLiteral(\"-c\"), line});");
    QTest::newRow("bash -c") << QStringLiteral("run(\"bash\", \"-c\", line);");
}

void TestSafeDefaults::scannerFindsEveryWayToRunAProgram()
{
    QFETCH(QString, code);
    QVERIFY2(!findProgramRuns(code).isEmpty(), qPrintable(code));
    // Words that only look alike are not runs.
    QVERIFY(findProgramRuns(QStringLiteral("the filesystem (ext4); QProcessEnvironmentless; executor(); forked; "
                                            "QLocale::system(); locale.system()")).isEmpty());
}

void TestSafeDefaults::sourcesRunNoProgramAndNoShell()
{
    // Files allowed to run a program, each with the reason (none today: the
    // window, the CLI and the core never start one, so no user string can
    // reach a shell or become a program's name).
    const QHash<QString, QString> allowed;
    QStringList found;
    int files = 0;
    for (const char *folder : {"core", "ui", "app"}) {
        QDirIterator it(sourceRoot() + u'/' + QLatin1String(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h"),
                                                                     QStringLiteral("*.in")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(sourceRoot()).relativeFilePath(path);
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            ++files;
            if (allowed.contains(relative))
                continue;
            for (const QString &where : findProgramRuns(QString::fromUtf8(file.readAll())))
                found.append(relative + u':' + where);
        }
    }
    QVERIFY2(files > 100, qPrintable(QString::number(files))); // the folders were found
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

namespace {

/// A TCP server in Python: prints its port, then the hex of everything one client sent.
const char *PythonReceiver = R"(
import socket
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept(); data = b''
while True:
    chunk = c.recv(65536)
    if not chunk: break
    data += chunk
print(data.hex(), flush=True)
)";

/// A TCP client in Python: connects to argv[1], prints the hex of everything it received.
const char *PythonClient = R"(
import socket, sys
c = socket.create_connection(('127.0.0.1', int(sys.argv[1]))); data = b''
while True:
    chunk = c.recv(65536)
    if not chunk: break
    data += chunk
print(data.hex(), flush=True)
)";

enum class Peer { None, Receiver, Client };

} // namespace

void TestSafeDefaults::shellMetacharactersStayLiteral_data()
{
    QTest::addColumn<QStringList>("arguments"); // PORT: the Python receiver's port
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("peer");
    QTest::addColumn<QByteArray>("literal");   // what the Python peer must get, byte for byte
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");      // on stderr; empty: not checked

    const QString marker = m_dir.filePath(QStringLiteral("pwned"));
    const QList<QPair<const char *, QString>> forms = {
        {"$(touch X)", QStringLiteral("$(touch %1)").arg(marker)},
        {"`touch X`", QStringLiteral("`touch %1`").arg(marker)},
        {"; touch X", QStringLiteral("; touch %1").arg(marker)},
        {"| touch X", QStringLiteral("| touch %1").arg(marker)},
    };
    const auto args = [](std::initializer_list<QString> list) { return QStringList(list); };
    const QString port = QStringLiteral("PORT");
    for (qsizetype form = 0; form < forms.size(); ++form) {
        const auto &[name, hostile] = forms.at(form);
        const QByteArray bytes = hostile.toUtf8();
        QTest::addRow("host name: %s", name)
            << args({QStringLiteral("tcp-connect"), hostile, QStringLiteral("9")}) << QByteArray() << int(Peer::None)
            << QByteArray() << 1 << QStringLiteral("sockplay-cli: cannot connect to %1:9: Host not found").arg(hostile);
        QTest::addRow("bind address: %s", name)
            << args({QStringLiteral("tcp-listen"), QStringLiteral("--bind"), hostile, QStringLiteral("0")}) << QByteArray()
            << int(Peer::None) << QByteArray() << 2 << QStringLiteral("invalid bind address '%1'").arg(hostile);
        QTest::addRow("payload: %s", name)
            << args({QStringLiteral("tcp-connect"), QStringLiteral("127.0.0.1"), port}) << bytes + '\n'
            << int(Peer::Receiver) << bytes + '\n' << 0 << QString();
        QTest::addRow("reply rule: %s", name)
            << args({QStringLiteral("tcp-listen"), QStringLiteral("--once"), QStringLiteral("--reply"),
                     QStringLiteral("connect=>%1;close").arg(hostile), QStringLiteral("0")})
            << QByteArray() << int(Peer::Client) << bytes << 0 << QString();
        QTest::addRow("file to run: %s", name)
            << args({QStringLiteral("run"), hostile}) << QByteArray() << int(Peer::None) << QByteArray() << 2
            << QStringLiteral("sockplay-cli: %1: ").arg(hostile);
        QTest::addRow("capture file: %s", name)
            << args({QStringLiteral("tcp-listen"), QStringLiteral("--capture"), hostile + QStringLiteral(".csv"), QStringLiteral("0")})
            << QByteArray() << int(Peer::None) << QByteArray() << 2 << QStringLiteral("--capture: ");

        // A script sends the text to a server of its own and expects it there, literally.
        const QString script = m_dir.filePath(QStringLiteral("script-%1.json").arg(form));
        QJsonObject send{{QStringLiteral("send"), hostile}, {QStringLiteral("to"), QStringLiteral("client")}};
        QJsonObject expect{{QStringLiteral("expect"), hostile}, {QStringLiteral("on"), QStringLiteral("server")}};
        const QJsonObject scriptObject{
            {QStringLiteral("format"), QStringLiteral("sockplay-script")}, {QStringLiteral("version"), 1},
            {QStringLiteral("steps"), QJsonArray{
                QJsonObject{{QStringLiteral("open"), QStringLiteral("server")}, {QStringLiteral("listen"), QStringLiteral("0")}, {QStringLiteral("frame"), QStringLiteral("raw")}},
                QJsonObject{{QStringLiteral("open"), QStringLiteral("client")}, {QStringLiteral("connect"), QStringLiteral("127.0.0.1:${server.port}")}},
                send, expect,
                QJsonObject{{QStringLiteral("open"), QStringLiteral("stranger")}, {QStringLiteral("connect"), QString(hostile + QStringLiteral(":9"))}}}}};
        QVERIFY(writeFile(script, QJsonDocument(scriptObject).toJson()));
        QTest::addRow("script send, expect and host: %s", name)
            << args({QStringLiteral("run"), script}) << QByteArray() << int(Peer::None) << QByteArray() << 1
            << QStringLiteral("FAIL 5 open stranger");

        // A session file's name and host.
        const QString session = m_dir.filePath(QStringLiteral("session-%1.json").arg(form));
        const QJsonObject sessionObject{
            {QStringLiteral("format"), QStringLiteral("sockplay-session")}, {QStringLiteral("version"), 1},
            {QStringLiteral("endpoints"), QJsonArray{QJsonObject{
                {QStringLiteral("name"), hostile}, {QStringLiteral("role"), QStringLiteral("server")}, {QStringLiteral("host"), hostile}}}}};
        QVERIFY(writeFile(session, QJsonDocument(sessionObject).toJson()));
        QTest::addRow("session file name and host: %s", name)
            << args({QStringLiteral("run"), session}) << QByteArray() << int(Peer::None) << QByteArray() << 1
            << QStringLiteral("sockplay-cli: %1 could not start: “%1” is not an address to listen on").arg(hostile);
    }
}

void TestSafeDefaults::shellMetacharactersStayLiteral()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, peer);
    QFETCH(QByteArray, literal);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    const QString marker = m_dir.filePath(QStringLiteral("pwned"));
    QFile::remove(marker); // each row on its own: a row before that failed left it

    PeerProcess python3;
    QByteArray received;
    if (Peer(peer) == Peer::Receiver) {
        QVERIFY(python3.start(python, {QStringLiteral("-u"), QStringLiteral("-c"), QString::fromLatin1(PythonReceiver)}));
        const quint16 port = python3.waitForPortLine();
        QVERIFY2(port != 0, qPrintable(python3.errText()));
        arguments.replaceInStrings(QStringLiteral("PORT"), QString::number(port));
    }
    PeerProcess cli;
    QVERIFY2(cli.start(cliPath(), arguments), qPrintable(cli.errorString()));
    cli.write(input);
    if (Peer(peer) == Peer::Client) {
        const quint16 port = cli.waitForCliPort();
        QVERIFY2(port != 0, qPrintable(cli.errText()));
        QVERIFY(python3.start(python, {QStringLiteral("-u"), QStringLiteral("-c"), QString::fromLatin1(PythonClient),
                                       QString::number(port)}));
    }
    cli.closeInput();
    QVERIFY2(cli.waitForExit(), qPrintable(cli.errText()));
    QVERIFY2(cli.exitCode() == exitCode, QByteArray(cli.out() + cli.err()).constData());
    if (!message.isEmpty())
        QVERIFY2(cli.errText().contains(message) || QString::fromUtf8(cli.out()).contains(message),
                 QByteArray(cli.out() + cli.err()).constData());
    if (Peer(peer) != Peer::None) {
        QVERIFY2(python3.waitForExit(), qPrintable(python3.errText()));
        const QList<QByteArray> lines = python3.out().trimmed().split('\n');
        QCOMPARE(QByteArray::fromHex(lines.constLast()), literal);
    }
    QVERIFY2(!QFile::exists(marker), "a shell ran a command from the input");
}

QTEST_GUILESS_MAIN(TestSafeDefaults)
#include "tst_safedefaults.moc"
