// The generated C++ programs (Qt's QTcpServer, QTcpSocket, QUdpSocket), one
// of each kind, built in the test with their generated CMakeLists.txt, this
// project's compiler and Qt, then run against SockPlay's own endpoints over
// loopback. Slow (a CMake configure and four compiles): a test of its own.

#include "codegentest.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

constexpr int BuildTimeoutMs = 600000;

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

} // namespace

class TestCodegenCpp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theSourceCarriesItsCMakeLists();
    void tcpServerGreetsThenEchoesEachLine();
    void tcpClientSendsTheBytesAsTheyAreAndPrintsTheEcho();
    void udpReceiverEchoesToSockPlaysClient();
    void udpSenderPrintsSockPlaysEchoOrSaysNoneCame();

private:
    /// Generates the program into its own folder (beside its CMakeLists.txt).
    bool addProgram(const ProgramSpec &spec);
    QString binary(ProgramSpec::Kind kind) const;

    QTemporaryDir m_dir;
    Session m_session;
    int m_tcpServer = 0; // SockPlay's, for the generated client
    int m_udpServer = 0; // SockPlay's, for the generated sender
    QHash<int, GeneratedProgram> m_programs; // by kind
};

bool TestCodegenCpp::addProgram(const ProgramSpec &spec)
{
    const GeneratedProgram program = generateProgram(spec);
    if (!program.error.isEmpty()) {
        qWarning("template problem: %s", qPrintable(program.error));
        return false;
    }
    const QString folder = m_dir.filePath(QFileInfo(program.fileName).completeBaseName());
    m_programs.insert(int(spec.kind), program);
    return QDir().mkpath(folder) && writeFile(folder + QLatin1Char('/') + program.fileName, program.source)
        && writeFile(folder + QStringLiteral("/CMakeLists.txt"), program.cmakeLists);
}

QString TestCodegenCpp::binary(ProgramSpec::Kind kind) const
{
    const QString base = QFileInfo(m_programs.value(int(kind)).fileName).completeBaseName();
    return m_dir.filePath(QStringLiteral("build/%1/%1").arg(base));
}

void TestCodegenCpp::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SOCKPLAY_REQUIRE_PROGRAM(cmake, "cmake");

    // SockPlay's servers first: the clients' ports are compiled in.
    m_tcpServer = startEndpoint(m_session, endpointConfig(Transport::Tcp, Role::Server, 0, true));
    m_udpServer = startEndpoint(m_session, endpointConfig(Transport::Udp, Role::Server, 0, true));
    QVERIFY(m_tcpServer && m_udpServer);

    ProgramSpec server;
    server.language = ProgramSpec::Language::Cpp;
    server.echo = true;
    server.lineFraming = true;
    server.greeting = "Welcome to the server!\n";
    server.closeAfterGreeting = false;
    ProgramSpec client;
    client.language = ProgramSpec::Language::Cpp;
    client.kind = ProgramSpec::Kind::TcpClient;
    client.port = m_session.snapshot(m_tcpServer).localPort;
    client.message = TrickyText;
    ProgramSpec receiver;
    receiver.language = ProgramSpec::Language::Cpp;
    receiver.kind = ProgramSpec::Kind::UdpReceiver;
    receiver.echo = true;
    ProgramSpec sender = client;
    sender.kind = ProgramSpec::Kind::UdpSender;
    sender.port = m_session.snapshot(m_udpServer).localPort;
    for (const ProgramSpec &spec : {server, client, receiver, sender})
        QVERIFY(addProgram(spec));

    // One configure for the four: each folder is built by its own generated
    // CMakeLists.txt, as a user would build it, only side by side.
    QString top = QStringLiteral("cmake_minimum_required(VERSION 3.16)\nproject(generated NONE)\n");
    for (const GeneratedProgram &program : std::as_const(m_programs))
        top += QStringLiteral("add_subdirectory(%1)\n").arg(QFileInfo(program.fileName).completeBaseName());
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("CMakeLists.txt")), top));

    QStringList configure{QStringLiteral("-S"), m_dir.path(), QStringLiteral("-B"), m_dir.filePath(QStringLiteral("build")),
                          QStringLiteral("-G"), QStringLiteral(SOCKPLAY_CMAKE_GENERATOR),
                          QStringLiteral("-DCMAKE_CXX_COMPILER=" SOCKPLAY_CXX_COMPILER),
                          QStringLiteral("-DQt6_DIR=" SOCKPLAY_QT6_DIR)};
    if (!QStringLiteral(SOCKPLAY_CXX_LAUNCHER).isEmpty())
        configure.append(QStringLiteral("-DCMAKE_CXX_COMPILER_LAUNCHER=" SOCKPLAY_CXX_LAUNCHER));
    for (const QStringList &arguments :
         {configure, QStringList{QStringLiteral("--build"), m_dir.filePath(QStringLiteral("build")),
                                 QStringLiteral("--parallel"), QStringLiteral("2")}}) {
        QProcess step;
        step.setProcessChannelMode(QProcess::MergedChannels);
        step.start(cmake, arguments);
        QVERIFY2(step.waitForFinished(BuildTimeoutMs), "cmake took too long");
        QVERIFY2(step.exitStatus() == QProcess::NormalExit && step.exitCode() == 0, step.readAll().constData());
    }
    for (int kind = 0; kind < 4; ++kind)
        QVERIFY2(QFileInfo(binary(ProgramSpec::Kind(kind))).isExecutable(), qPrintable(binary(ProgramSpec::Kind(kind))));
}

void TestCodegenCpp::theSourceCarriesItsCMakeLists()
{
    // What Copy takes is enough to build: the CMakeLists.txt is in the source, as comments.
    for (const GeneratedProgram &program : std::as_const(m_programs)) {
        QVERIFY(program.cmakeLists.contains(QStringLiteral("find_package(Qt6 REQUIRED COMPONENTS Network)")));
        QVERIFY(program.cmakeLists.contains(QStringLiteral("add_executable(%1 %2)")
                                                .arg(QFileInfo(program.fileName).completeBaseName(), program.fileName)));
        const QStringList lines = program.cmakeLists.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines)
            QVERIFY2(program.source.contains(QStringLiteral("//   ") + line), qPrintable(line));
    }
}

void TestCodegenCpp::tcpServerGreetsThenEchoesEachLine()
{
    PeerProcess program;
    QVERIFY(program.start(binary(ProgramSpec::Kind::TcpServer), {}));
    const quint16 port = waitForListening(program);
    QVERIFY2(port != 0, describe(program).constData());

    Session session;
    const int client = startEndpoint(session, endpointConfig(Transport::Tcp, Role::Client, port));
    QVERIFY(client);
    session.send(client, 0, "one\ntwo\nthr");
    QTRY_COMPARE_WITH_TIMEOUT(Test::bytesOf(*session.log(), client, EventKind::Received),
                              QByteArray("Welcome to the server!\none\ntwo\n"), PeerTimeoutMs);
    QVERIFY2(waitForPrinted(program, "received: one\nreceived: two\n"), describe(program).constData());
    session.send(client, 0, "ee\n");
    QTRY_COMPARE_WITH_TIMEOUT(Test::bytesOf(*session.log(), client, EventKind::Received),
                              QByteArray("Welcome to the server!\none\ntwo\nthree\n"), PeerTimeoutMs);
    // The next client is served once this one leaves.
    session.stop(client);
    const int next = startEndpoint(session, endpointConfig(Transport::Tcp, Role::Client, port));
    QVERIFY(next);
    QTRY_COMPARE_WITH_TIMEOUT(Test::bytesOf(*session.log(), next, EventKind::Received),
                              QByteArray("Welcome to the server!\n"), PeerTimeoutMs);
}

void TestCodegenCpp::tcpClientSendsTheBytesAsTheyAreAndPrintsTheEcho()
{
    PeerProcess program;
    QVERIFY(program.start(binary(ProgramSpec::Kind::TcpClient), {}));
    QVERIFY2(program.waitForExit(), describe(program).constData());
    QCOMPARE(program.exitCode(), 0);
    QCOMPARE(Test::bytesOf(*m_session.log(), m_tcpServer, EventKind::Received), TrickyText);
    QVERIFY2(program.out().contains(printed(TrickyText)), describe(program).constData());
}

void TestCodegenCpp::udpReceiverEchoesToSockPlaysClient()
{
    PeerProcess program;
    QVERIFY(program.start(binary(ProgramSpec::Kind::UdpReceiver), {}));
    const quint16 port = waitForListening(program);
    QVERIFY2(port != 0, describe(program).constData());

    Session session;
    const int client = startEndpoint(session, endpointConfig(Transport::Udp, Role::Client, port));
    QVERIFY(client);
    session.send(client, 0, TrickyText);
    QTRY_COMPARE_WITH_TIMEOUT(Test::bytesOf(*session.log(), client, EventKind::DatagramReceived), TrickyText,
                              PeerTimeoutMs);
    QVERIFY2(waitForPrinted(program, ": " + TrickyText), describe(program).constData());
}

void TestCodegenCpp::udpSenderPrintsSockPlaysEchoOrSaysNoneCame()
{
    PeerProcess echoed;
    QVERIFY(echoed.start(binary(ProgramSpec::Kind::UdpSender), {}));
    QVERIFY2(echoed.waitForExit(), describe(echoed).constData());
    QCOMPARE(echoed.exitCode(), 0);
    QCOMPARE(Test::bytesOf(*m_session.log(), m_udpServer, EventKind::DatagramReceived), TrickyText);
    QVERIFY2(echoed.out().contains(printed(TrickyText)), describe(echoed).constData());

    // The same program when nothing answers: it waits its second and says so.
    m_session.setEcho(m_udpServer, false);
    PeerProcess unanswered;
    QVERIFY(unanswered.start(binary(ProgramSpec::Kind::UdpSender), {}));
    QVERIFY2(unanswered.waitForExit(), describe(unanswered).constData());
    QCOMPARE(unanswered.exitCode(), 0);
    QVERIFY2(unanswered.out().contains("no reply within 1 second"), describe(unanswered).constData());
    QVERIFY2(!unanswered.out().contains("received:"), describe(unanswered).constData());
}

QTEST_GUILESS_MAIN(TestCodegenCpp)
#include "tst_codegen_cpp.moc"
