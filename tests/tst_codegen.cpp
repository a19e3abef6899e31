// The equivalent programs (core/codegen): their literals, the spec an
// endpoint's settings give, every template variant rendering and compiling,
// and the generated Python and Go programs run with python3 and go against
// SockPlay's own endpoints over loopback, both ways, TCP and UDP.
// (The C++ programs are built and run in tst_codegen_cpp.)

#include "codegentest.h"
#include "serialtestsupport.h"
#include "codeliteral.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

Q_DECLARE_METATYPE(SockPlay::ProgramSpec::Language)

class TestCodegen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void literalsKeepEveryByte_data();
    void literalsKeepEveryByte();
    void endpointSettingsGiveTheSpec_data();
    void endpointSettingsGiveTheSpec();
    void everyVariantRendersWithTheNotesOnTop();
    void everyPythonVariantCompiles();
    void everyGoVariantBuilds();
    void serialPortIsAPyserialProgram_data();
    void serialPortIsAPyserialProgram();
    void serialPortProgramTalksOverAPseudoTerminal();

    void serverEchoesToSockPlaysClient_data();
    void serverEchoesToSockPlaysClient();
    void serverGreetsSockPlaysClientAndHangsUp_data();
    void serverGreetsSockPlaysClientAndHangsUp();
    void lineServerAnswersEachLine_data();
    void lineServerAnswersEachLine();
    void clientPrintsSockPlaysEcho_data();
    void clientPrintsSockPlaysEcho();
    void clientPrintsSockPlaysGreeting_data();
    void clientPrintsSockPlaysGreeting();
    void udpReceiverEchoesToSockPlaysClient_data();
    void udpReceiverEchoesToSockPlaysClient();
    void udpSenderPrintsSockPlaysEcho_data();
    void udpSenderPrintsSockPlaysEcho();
    void udpSenderSaysWhenNoReplyCame_data();
    void udpSenderSaysWhenNoReplyCame();

private:
    /// A row per language that runs (Python, Go).
    void languageRows();
    /// Writes the program and starts it (Go: built first, once per source).
    bool start(PeerProcess &process, const ProgramSpec &spec);
    QList<ProgramSpec> everyVariant(ProgramSpec::Language language) const;

    QString m_python;
    QString m_go;
    QTemporaryDir m_dir;
    QHash<QByteArray, QString> m_goBinaries; // source hash -> built program
    int m_files = 0;
};

void TestCodegen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    SOCKPLAY_REQUIRE_PROGRAM(go, "go");
    m_python = python;
    m_go = go;
    // go keeps its build cache under HOME, which CI may not set: a cache of
    // its own, and no module downloads (the programs use the standard library only).
    const QString goHome = m_dir.filePath(QStringLiteral("gohome"));
    QVERIFY(QDir().mkpath(goHome));
    qputenv("GOCACHE", QFile::encodeName(goHome + QStringLiteral("/cache")));
    qputenv("GOPATH", QFile::encodeName(goHome + QStringLiteral("/path")));
    qputenv("GOFLAGS", "-mod=mod");
    qputenv("GOPROXY", "off");
    qputenv("GOTOOLCHAIN", "local");
    if (qEnvironmentVariableIsEmpty("HOME"))
        qputenv("HOME", QFile::encodeName(goHome));
}

void TestCodegen::languageRows()
{
    QTest::addColumn<ProgramSpec::Language>("language");
    QTest::newRow("python") << ProgramSpec::Language::Python;
    QTest::newRow("go") << ProgramSpec::Language::Go;
}

bool TestCodegen::start(PeerProcess &process, const ProgramSpec &spec)
{
    const GeneratedProgram program = generateProgram(spec);
    if (!program.error.isEmpty()) {
        qWarning("template problem: %s", qPrintable(program.error));
        return false;
    }
    const QString folder = m_dir.filePath(QStringLiteral("p%1").arg(++m_files));
    QDir().mkpath(folder);
    const QString path = folder + QLatin1Char('/') + program.fileName;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(program.source.toUtf8()) < 0)
        return false;
    file.close();
    if (spec.language == ProgramSpec::Language::Python)
        return process.start(m_python, {path}); // no -u: the program flushes its own lines
    // go run would leave the built program running when the test kills go:
    // build, then run what was built.
    const QByteArray hash = QCryptographicHash::hash(program.source.toUtf8(), QCryptographicHash::Sha1);
    QString binary = m_goBinaries.value(hash);
    if (binary.isEmpty()) {
        binary = folder + QStringLiteral("/program");
        QProcess build;
        build.start(m_go, {QStringLiteral("build"), QStringLiteral("-o"), binary, path});
        if (!build.waitForFinished(120000) || build.exitCode() != 0) {
            qWarning("go build failed: %s", build.readAllStandardError().constData());
            return false;
        }
        m_goBinaries.insert(hash, binary);
    }
    return process.start(binary, {});
}

// ------------------------------------------------------------- literals

void TestCodegen::literalsKeepEveryByte_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("literal");

    const QByteArray tricky = QByteArrayLiteral("a \"q\" \\ b\nc\td\re");
    QTest::newRow("python: ASCII as the tutorial writes it") << QStringLiteral("python") << QByteArray("Welcome to the server!")
                                                             << QStringLiteral("b\"Welcome to the server!\"");
    QTest::newRow("python: quotes, backslash, line break, tab, CR") << QStringLiteral("python") << tricky
        << QStringLiteral("b\"a \\\"q\\\" \\\\ b\\nc\\td\\re\"");
    QTest::newRow("python: non-ASCII text stays readable") << QStringLiteral("python") << QByteArray("gr\xc3\xbc\xc3\x9f" "e")
                                                           << QStringLiteral("\"grüße\".encode(\"utf-8\")");
    QTest::newRow("python: bytes that are not UTF-8") << QStringLiteral("python") << QByteArray("\xff\x00" "A", 3)
                                                      << QStringLiteral("b\"\\xff\\x00A\"");
    QTest::newRow("python: a control byte in text") << QStringLiteral("python") << QByteArray("\x01\xc3\xbc")
                                                    << QStringLiteral("\"\\x01ü\".encode(\"utf-8\")");
    QTest::newRow("python: an invisible character") << QStringLiteral("python") << QByteArray("a\xe2\x80\x8b" "b")
                                                    << QStringLiteral("\"a\\u200bb\".encode(\"utf-8\")");
    QTest::newRow("go: quotes, backslash, line break") << QStringLiteral("go") << tricky
                                                       << QStringLiteral("\"a \\\"q\\\" \\\\ b\\nc\\td\\re\"");
    QTest::newRow("go: non-ASCII text stays readable") << QStringLiteral("go") << QByteArray("\xc3\xbc") << QStringLiteral("\"ü\"");
    QTest::newRow("go: bytes that are not UTF-8") << QStringLiteral("go") << QByteArray("\xff\x00", 2) << QStringLiteral("\"\\xff\\x00\"");
    QTest::newRow("cpp: quotes, backslash, line break") << QStringLiteral("cpp") << tricky
                                                        << QStringLiteral("\"a \\\"q\\\" \\\\ b\\nc\\td\\re\"");
    QTest::newRow("cpp: an octal escape never swallows a digit") << QStringLiteral("cpp") << QByteArray("\x01" "7")
                                                                 << QStringLiteral("\"\\0017\"");
    QTest::newRow("cpp: a NUL gives the size") << QStringLiteral("cpp") << QByteArray("a\0b", 3) << QStringLiteral("\"a\\000b\", 3");
    QTest::newRow("cpp: non-ASCII text stays readable") << QStringLiteral("cpp") << QByteArray("\xc3\xbc") << QStringLiteral("\"ü\"");
    QTest::newRow("cpp: bytes that are not UTF-8") << QStringLiteral("cpp") << QByteArray("\xff") << QStringLiteral("\"\\377\"");
}

void TestCodegen::literalsKeepEveryByte()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, literal);
    if (language == QLatin1String("python"))
        QCOMPARE(CodeLiteral::pythonBytes(bytes), literal);
    else if (language == QLatin1String("go"))
        QCOMPARE(CodeLiteral::goString(bytes), literal);
    else
        QCOMPARE(CodeLiteral::cppByteArrayArguments(bytes), literal);
}

// ------------------------------------------------------ from an endpoint

void TestCodegen::endpointSettingsGiveTheSpec_data()
{
    QTest::addColumn<EndpointConfig>("config");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<ProgramSpec>("expected");

    const auto rule = [](const char *text) { return *Rule::parse(QString::fromUtf8(text), nullptr); };
    EndpointConfig server = endpointConfig(Transport::Tcp, Role::Server, 5000, true);
    ProgramSpec spec;
    spec.kind = ProgramSpec::Kind::TcpServer;
    spec.port = 5000;
    spec.echo = true;
    QTest::newRow("TCP echo server") << server << QByteArray() << spec;

    EndpointConfig welcome = endpointConfig(Transport::Tcp, Role::Server, 12345);
    welcome.rules = {rule("connect=>Welcome to the server!;close")};
    ProgramSpec greets = spec;
    greets.port = 12345;
    greets.echo = false;
    greets.greeting = "Welcome to the server!";
    QTest::newRow("a connect rule is the greeting") << welcome << QByteArray() << greets;

    EndpointConfig staying = welcome;
    staying.rules = {rule("connect=>hi\\n"), rule("exact:ping=>pong")};
    ProgramSpec stays = greets;
    stays.greeting = "hi\n";
    stays.closeAfterGreeting = false;
    stays.notShown = {QStringLiteral("SockPlay's rules other than a greeting are not shown here.")};
    QTest::newRow("a greeting that keeps the connection, and another rule") << staying << QByteArray() << stays;

    EndpointConfig macro = welcome;
    macro.rules = {rule("connect=>hello {{counter}}")};
    ProgramSpec noGreeting = greets;
    noGreeting.greeting.clear();
    noGreeting.notShown = stays.notShown;
    QTest::newRow("a greeting with macros is not shown") << macro << QByteArray() << noGreeting;

    EndpointConfig lines = server;
    lines.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    ProgramSpec lineSpec = spec;
    lineSpec.lineFraming = true;
    QTest::newRow("line framing") << lines << QByteArray() << lineSpec;

    EndpointConfig prefixed = server;
    prefixed.frame = *FrameSpec::parse(QStringLiteral("len:2"), nullptr);
    ProgramSpec raw = spec;
    raw.notShown = {QStringLiteral("SockPlay's framing (%1) is not shown here: this program reads the stream as "
                                   "it comes.").arg(prefixed.frame.describe())};
    QTest::newRow("a length prefix is said, not shown") << prefixed << QByteArray() << raw;

    EndpointConfig client = endpointConfig(Transport::Tcp, Role::Client, 8080);
    client.host = QStringLiteral("::1");
    ProgramSpec clientSpec;
    clientSpec.kind = ProgramSpec::Kind::TcpClient;
    clientSpec.host = QStringLiteral("::1");
    clientSpec.port = 8080;
    clientSpec.message = "hello\n";
    QTest::newRow("TCP client with its editor's message") << client << QByteArray("hello\n") << clientSpec;

    EndpointConfig udp = endpointConfig(Transport::Udp, Role::Client, 9000);
    udp.simLink.lossPercent = 10;
    ProgramSpec sender;
    sender.kind = ProgramSpec::Kind::UdpSender;
    sender.port = 9000;
    sender.notShown = {QStringLiteral("SockPlay's simulated link (loss, duplicates, delay) is not shown here: "
                                      "this program uses the network as it is.")};
    QTest::newRow("UDP sender with a simulated link") << udp << QByteArray() << sender;

    EndpointConfig receiver = endpointConfig(Transport::Udp, Role::Server, 0, true);
    receiver.frame = lines.frame; // a datagram is a message: nothing to say
    ProgramSpec receiverSpec;
    receiverSpec.kind = ProgramSpec::Kind::UdpReceiver;
    receiverSpec.echo = true;
    QTest::newRow("UDP echo receiver") << receiver << QByteArray("ignored") << receiverSpec;

    // TLS and WebSocket: the TCP program under them, and the layer said, not shown (DTLS: UDP).
    EndpointConfig tls = endpointConfig(Transport::Tls, Role::Server, 0, true);
    ProgramSpec tlsSpec;
    tlsSpec.kind = ProgramSpec::Kind::TcpServer;
    tlsSpec.echo = true;
    tlsSpec.notShown = {QStringLiteral("TLS is not shown here: this is the plain TCP program under it "
                                       "(the handshake and the encryption are left out).")};
    QTest::newRow("TLS echo server") << tls << QByteArray() << tlsSpec;
    EndpointConfig ws = endpointConfig(Transport::WebSocket, Role::Client, 8080);
    ProgramSpec wsSpec;
    wsSpec.kind = ProgramSpec::Kind::TcpClient;
    wsSpec.port = 8080;
    wsSpec.message = "hi";
    wsSpec.notShown = {QStringLiteral("WebSocket is not shown here: this is the plain TCP program under it "
                                      "(the HTTP upgrade and the message frames are left out).")};
    QTest::newRow("WebSocket client") << ws << QByteArray("hi") << wsSpec;

    // Multicast: the plain UDP program, and the group said, not shown.
    EndpointConfig member = endpointConfig(Transport::Udp, Role::Server, 5000);
    member.multicastGroups = {QStringLiteral("239.255.42.1"), QStringLiteral("ff02::5ec:1")};
    ProgramSpec memberSpec;
    memberSpec.kind = ProgramSpec::Kind::UdpReceiver;
    memberSpec.port = 5000;
    memberSpec.notShown = {QStringLiteral("Joining the multicast groups (239.255.42.1, ff02::5ec:1) is not shown "
                                          "here: this program gets only datagrams sent to its own address.")};
    QTest::newRow("UDP receiver in two groups") << member << QByteArray() << memberSpec;

    // A serial port: its own program, the device and the line's settings.
    EndpointConfig serial = endpointConfig(Transport::Serial, Role::Client);
    serial.serial.device = QStringLiteral("/dev/ttyUSB0");
    serial.serial.baudRate = 9600;
    serial.frame = lines.frame;
    serial.echo = true;
    ProgramSpec serialSpec;
    serialSpec.kind = ProgramSpec::Kind::SerialPort;
    serialSpec.host.clear();
    serialSpec.serial = serial.serial;
    serialSpec.message = "AT\r\n";
    serialSpec.lineFraming = true;
    serialSpec.notShown = {QStringLiteral("SockPlay's echo is not shown here.")};
    QTest::newRow("serial port with line framing") << serial << QByteArray("AT\r\n") << serialSpec;

    // DTLS: the UDP program under it.
    EndpointConfig dtls = endpointConfig(Transport::Dtls, Role::Client, 4433);
    ProgramSpec dtlsSpec;
    dtlsSpec.kind = ProgramSpec::Kind::UdpSender;
    dtlsSpec.port = 4433;
    dtlsSpec.message = "hi";
    dtlsSpec.notShown = {QStringLiteral("DTLS is not shown here: this is the plain UDP program under it "
                                        "(the cookie exchange, the handshake and the encryption are left out).")};
    QTest::newRow("DTLS client") << dtls << QByteArray("hi") << dtlsSpec;
}

void TestCodegen::endpointSettingsGiveTheSpec()
{
    QFETCH(EndpointConfig, config);
    QFETCH(QByteArray, message);
    QFETCH(ProgramSpec, expected);
    const ProgramSpec spec = programFromEndpoint(config, ProgramSpec::Language::Python, message);
    QCOMPARE(spec.kind, expected.kind);
    QCOMPARE(spec.host, expected.host);
    QCOMPARE(spec.port, expected.port);
    QCOMPARE(spec.echo, expected.echo);
    QCOMPARE(spec.greeting, expected.greeting);
    QCOMPARE(spec.closeAfterGreeting, expected.closeAfterGreeting);
    QCOMPARE(spec.message, expected.message);
    QCOMPARE(spec.lineFraming, expected.lineFraming);
    QCOMPARE(spec.notShown, expected.notShown);
    QCOMPARE(spec.serial, expected.serial);
}

// -------------------------------------------------------------- variants

QList<ProgramSpec> TestCodegen::everyVariant(ProgramSpec::Language language) const
{
    // Every combination of the flags; those that make the same program once.
    QList<ProgramSpec> specs;
    QSet<QString> sources;
    for (int kind = 0; kind < 4; ++kind) {
        for (int flags = 0; flags < 16; ++flags) {
            ProgramSpec spec;
            spec.language = language;
            spec.kind = ProgramSpec::Kind(kind);
            spec.echo = flags & 1;
            spec.greeting = (flags & 2) ? TrickyText : QByteArray();
            spec.closeAfterGreeting = flags & 4;
            spec.lineFraming = flags & 8;
            spec.message = (flags & 2) ? TrickyText : QByteArray();
            spec.notShown = {QStringLiteral("A note heads the program.")};
            if (!sources.contains(generateProgram(spec).source)) {
                sources.insert(generateProgram(spec).source);
                specs.append(spec);
            }
        }
    }
    return specs;
}

void TestCodegen::everyVariantRendersWithTheNotesOnTop()
{
    for (const ProgramSpec::Language language :
         {ProgramSpec::Language::Python, ProgramSpec::Language::Go, ProgramSpec::Language::Cpp}) {
        for (const ProgramSpec &spec : everyVariant(language)) {
            const GeneratedProgram program = generateProgram(spec);
            const QString where = program.fileName + QStringLiteral(" (echo %1, greeting %2, close %3, line %4)")
                                      .arg(spec.echo).arg(!spec.greeting.isEmpty()).arg(spec.closeAfterGreeting)
                                      .arg(spec.lineFraming);
            QVERIFY2(program.error.isEmpty(), qPrintable(where + QStringLiteral(": ") + program.error));
            QVERIFY2(!program.source.contains(QLatin1String("{{")), qPrintable(where));
            const QString marker = language == ProgramSpec::Language::Python ? QStringLiteral("# ") : QStringLiteral("// ");
            // The note comes before the first line of code.
            const qsizetype note = program.source.indexOf(marker + QStringLiteral("A note heads the program."));
            QVERIFY2(note >= 0, qPrintable(where));
            const QString firstCode = language == ProgramSpec::Language::Python ? QStringLiteral("import socket")
                                    : language == ProgramSpec::Language::Go ? QStringLiteral("package main")
                                                                            : QStringLiteral("#include");
            QVERIFY2(note < program.source.indexOf(firstCode), qPrintable(where));
            QCOMPARE(program.cmakeLists.isEmpty(), language != ProgramSpec::Language::Cpp);
        }
    }
}

void TestCodegen::everyPythonVariantCompiles()
{
    // Every variant, compiled (a syntax error anywhere fails).
    QStringList paths;
    QDir().mkpath(m_dir.filePath(QStringLiteral("pyvariants")));
    const QList<ProgramSpec> specs = everyVariant(ProgramSpec::Language::Python);
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const QString path = m_dir.filePath(QStringLiteral("pyvariants/v%1.py").arg(i));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(generateProgram(specs.at(i)).source.toUtf8());
        paths.append(path);
    }
    QProcess compile;
    compile.start(m_python, QStringList{QStringLiteral("-m"), QStringLiteral("py_compile")} + paths);
    QVERIFY(compile.waitForFinished(60000));
    QVERIFY2(compile.exitCode() == 0, compile.readAllStandardError().constData());
}

void TestCodegen::serialPortIsAPyserialProgram_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("flow");
    QTest::addColumn<bool>("dtr");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("115200 8N1, DTR on") << QStringLiteral("8N1") << int(SerialSpec::FlowControl::None) << true
                                        << QStringList{QStringLiteral("bytesize=serial.EIGHTBITS,"),
                                                       QStringLiteral("parity=serial.PARITY_NONE,"),
                                                       QStringLiteral("stopbits=serial.STOPBITS_ONE,"),
                                                       QStringLiteral("xonxoff=False,"), QStringLiteral("rtscts=False,")};
    QTest::newRow("7E2, XON/XOFF, DTR off") << QStringLiteral("7E2") << int(SerialSpec::FlowControl::Software) << false
                                            << QStringList{QStringLiteral("bytesize=serial.SEVENBITS,"),
                                                           QStringLiteral("parity=serial.PARITY_EVEN,"),
                                                           QStringLiteral("stopbits=serial.STOPBITS_TWO,"),
                                                           QStringLiteral("xonxoff=True,"),
                                                           QStringLiteral("port.dtr = False")};
    QTest::newRow("5S1.5, RTS/CTS") << QStringLiteral("5S1.5") << int(SerialSpec::FlowControl::Hardware) << true
                                    << QStringList{QStringLiteral("bytesize=serial.FIVEBITS,"),
                                                   QStringLiteral("parity=serial.PARITY_SPACE,"),
                                                   QStringLiteral("stopbits=serial.STOPBITS_ONE_POINT_FIVE,"),
                                                   QStringLiteral("rtscts=True,")};
}

void TestCodegen::serialPortIsAPyserialProgram()
{
    QFETCH(QString, format);
    QFETCH(int, flow);
    QFETCH(bool, dtr);
    QFETCH(QStringList, lines);
    EndpointConfig config = endpointConfig(Transport::Serial, Role::Client);
    config.serial.device = QStringLiteral("/dev/ttyACM0");
    config.serial.baudRate = 57600;
    QString error;
    QVERIFY(SerialSpec::parseCharacterFormat(format, &config.serial, &error));
    config.serial.flowControl = SerialSpec::FlowControl(flow);
    config.serial.dtr = dtr;
    const GeneratedProgram python = generateProgram(programFromEndpoint(config, ProgramSpec::Language::Python, "AT\r\n"));
    QVERIFY2(python.error.isEmpty(), qPrintable(python.error));
    QCOMPARE(python.fileName, QStringLiteral("serial_port.py"));
    QVERIFY2(!python.source.contains(QLatin1String("import socket")), qPrintable(python.source));
    for (const QString &expected : QStringList{QStringLiteral("import serial"), QStringLiteral("PORT = \"/dev/ttyACM0\""),
                                               QStringLiteral("port = serial.Serial("), QStringLiteral("baudrate=57600,"),
                                               QStringLiteral("MESSAGE = b\"AT\\r\\n\"")}
                                       + lines)
        QVERIFY2(python.source.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + python.source));
    QCOMPARE(python.source.contains(QLatin1String("port.dtr = False")), !dtr);
    // Go and C++: said, not shown, and the Python program named instead.
    for (const ProgramSpec::Language language : {ProgramSpec::Language::Go, ProgramSpec::Language::Cpp}) {
        const GeneratedProgram other = generateProgram(programFromEndpoint(config, language, "AT\r\n"));
        QVERIFY2(other.error.isEmpty(), qPrintable(other.error));
        QVERIFY2(other.source.contains(QLatin1String(": not shown in ")), qPrintable(other.source));
        QVERIFY2(other.source.contains(QLatin1String("Pick Python")), qPrintable(other.source));
        QVERIFY2(!other.source.contains(QLatin1String("net.Dial")) && !other.source.contains(QLatin1String("QTcpSocket")),
                 qPrintable(other.source));
        QVERIFY(other.cmakeLists.isEmpty());
    }
}

void TestCodegen::serialPortProgramTalksOverAPseudoTerminal()
{
    // The generated program opens its end of a socat pair with pyserial; the
    // far end (tests/peers/serial_peer.py) prints what it reads and sends a line back.
    SOCKPLAY_REQUIRE_PYSERIAL(pyserial);
    SOCKPLAY_START_PTY_PAIR(pair);
    PeerProcess far;
    QVERIFY2(startSerialPeer(far, m_python, pair.b()), qPrintable(far.errText()));
    EndpointConfig config = endpointConfig(Transport::Serial, Role::Client);
    config.serial.device = pair.a();
    config.serial.baudRate = 9600;
    config.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    const GeneratedProgram program = generateProgram(programFromEndpoint(config, ProgramSpec::Language::Python,
                                                                         "ATI\r\n"));
    QVERIFY2(program.error.isEmpty(), qPrintable(program.error));
    const QString path = m_dir.filePath(QStringLiteral("serial_port.py"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(program.source.toUtf8());
    file.close();
    PeerProcess run;
    QVERIFY(run.start(pyserial, {path}));
    QVERIFY2(waitForPrinted(run, QByteArrayLiteral("opened ") + pair.a().toUtf8()), describe(run).constData());
    QTRY_COMPARE_WITH_TIMEOUT(lineBytes(far), QByteArray("ATI\r\n"), PeerTimeoutMs);
    far.write("SockPlay modem\n");
    QVERIFY2(waitForPrinted(run, printed("SockPlay modem\n")), describe(run).constData());
}

void TestCodegen::everyGoVariantBuilds()
{
    // Go refuses an unused import or variable: every variant, one package each, vetted at once.
    const QString module = m_dir.filePath(QStringLiteral("govariants"));
    QVERIFY(QDir().mkpath(module));
    QFile mod(module + QStringLiteral("/go.mod"));
    QVERIFY(mod.open(QIODevice::WriteOnly));
    mod.write("module variants\n\ngo 1.19\n");
    mod.close();
    const QList<ProgramSpec> specs = everyVariant(ProgramSpec::Language::Go);
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const QString folder = module + QStringLiteral("/v%1").arg(i);
        QVERIFY(QDir().mkpath(folder));
        QFile file(folder + QStringLiteral("/main.go"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(generateProgram(specs.at(i)).source.toUtf8());
    }
    QProcess vet;
    vet.setWorkingDirectory(module);
    vet.start(m_go, {QStringLiteral("vet"), QStringLiteral("./...")});
    QVERIFY(vet.waitForFinished(240000));
    QVERIFY2(vet.exitCode() == 0, vet.readAllStandardError().constData());
    // As a Go programmer would have written it: gofmt has nothing to change.
    SOCKPLAY_REQUIRE_PROGRAM(gofmtPath, "gofmt"); // golang-go installs it beside go
    QProcess gofmt;
    gofmt.setWorkingDirectory(module);
    gofmt.start(gofmtPath, {QStringLiteral("-l"), QStringLiteral(".")});
    QVERIFY(gofmt.waitForFinished(60000));
    QCOMPARE(gofmt.exitCode(), 0);
    QVERIFY2(gofmt.readAllStandardOutput().isEmpty(), "gofmt would change these variants");
}

// ------------------------------------------------ servers, SockPlay's client

void TestCodegen::serverEchoesToSockPlaysClient_data() { languageRows(); }

void TestCodegen::serverEchoesToSockPlaysClient()
{
    QFETCH(ProgramSpec::Language, language);
    ProgramSpec spec;
    spec.language = language;
    spec.echo = true;
    PeerProcess program;
    QVERIFY(start(program, spec));
    const quint16 port = waitForListening(program);
    QVERIFY2(port != 0, describe(program).constData());

    Session session;
    const int client = startEndpoint(session, endpointConfig(Transport::Tcp, Role::Client, port));
    QVERIFY(client);
    session.send(client, 0, TrickyText);
    QTRY_COMPARE_WITH_TIMEOUT(Test::bytesOf(*session.log(), client, EventKind::Received), TrickyText, PeerTimeoutMs);
    QVERIFY2(waitForPrinted(program, printed(TrickyText)), describe(program).constData());
}

void TestCodegen::serverGreetsSockPlaysClientAndHangsUp_data() { languageRows(); }

void TestCodegen::serverGreetsSockPlaysClientAndHangsUp()
{
    QFETCH(ProgramSpec::Language, language);
    ProgramSpec spec;
    spec.language = language;
    spec.greeting = "Welcome to the server!";
    PeerProcess program;
    QVERIFY(start(program, spec));
    const quint16 port = waitForListening(program);
    QVERIFY2(port != 0, describe(program).constData());

    // One client after another: each is greeted, and the server hangs up.
    Session session;
    for (int round = 0; round < 2; ++round) {
        // Not waited for as connected: the server may have hung up by the time the loop looks.
        const EndpointConfig config = endpointConfig(Transport::Tcp, Role::Client, port);
        const int client = session.addEndpoint(config);
        session.start(client, config);
        QTRY_COMPARE_WITH_TIMEOUT(Test::bytesOf(*session.log(), client, EventKind::Received), spec.greeting,
                                  PeerTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!Test::eventsOf(*session.log(), client, EventKind::PeerClosed).isEmpty(), PeerTimeoutMs);
    }
}

void TestCodegen::lineServerAnswersEachLine_data() { languageRows(); }

void TestCodegen::lineServerAnswersEachLine()
{
    QFETCH(ProgramSpec::Language, language);
    ProgramSpec spec;
    spec.language = language;
    spec.echo = true;
    spec.lineFraming = true;
    spec.greeting = "hello\n";
    spec.closeAfterGreeting = false; // greets, then echoes
    PeerProcess program;
    QVERIFY(start(program, spec));
    const quint16 port = waitForListening(program);
    QVERIFY2(port != 0, describe(program).constData());

    Session session;
    const int client = startEndpoint(session, endpointConfig(Transport::Tcp, Role::Client, port));
    QVERIFY(client);
    // Two lines in one write, and half a line: the server answers whole lines only.
    session.send(client, 0, "one\ntwo\nthr");
    QTRY_COMPARE_WITH_TIMEOUT(Test::bytesOf(*session.log(), client, EventKind::Received),
                              QByteArray("hello\none\ntwo\n"), PeerTimeoutMs);
    QVERIFY2(waitForPrinted(program, "received: one\nreceived: two\n"), describe(program).constData());
    session.send(client, 0, "ee\n");
    QVERIFY2(waitForPrinted(program, "received: three\n"), describe(program).constData());
    QTRY_COMPARE_WITH_TIMEOUT(Test::bytesOf(*session.log(), client, EventKind::Received),
                              QByteArray("hello\none\ntwo\nthree\n"), PeerTimeoutMs);
}

// ------------------------------------------------ clients, SockPlay's server

void TestCodegen::clientPrintsSockPlaysEcho_data()
{
    QTest::addColumn<ProgramSpec::Language>("language");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("lines");
    QTest::newRow("python: a word") << ProgramSpec::Language::Python << QByteArray("hello SockPlay") << false;
    QTest::newRow("python: quotes, backslash, newline, ü") << ProgramSpec::Language::Python << TrickyText << false;
    QTest::newRow("python: a line to a line server") << ProgramSpec::Language::Python << QByteArray("ping") << true;
    QTest::newRow("go: a word") << ProgramSpec::Language::Go << QByteArray("hello SockPlay") << false;
    QTest::newRow("go: quotes, backslash, newline, ü") << ProgramSpec::Language::Go << TrickyText << false;
    QTest::newRow("go: a line to a line server") << ProgramSpec::Language::Go << QByteArray("ping") << true;
}

void TestCodegen::clientPrintsSockPlaysEcho()
{
    QFETCH(ProgramSpec::Language, language);
    QFETCH(QByteArray, message);
    QFETCH(bool, lines);
    Session session;
    EndpointConfig config = endpointConfig(Transport::Tcp, Role::Server, 0, true);
    if (lines)
        config.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    const int server = startEndpoint(session, config);
    QVERIFY(server);

    ProgramSpec spec;
    spec.language = language;
    spec.kind = ProgramSpec::Kind::TcpClient;
    spec.port = session.snapshot(server).localPort;
    spec.message = message;
    spec.lineFraming = lines;
    PeerProcess program;
    QVERIFY(start(program, spec));
    QVERIFY2(program.waitForExit(), describe(program).constData());
    QCOMPARE(program.exitCode(), 0);
    // Byte for byte on the wire (a line client ends its message with a newline)...
    const QByteArray sent = lines ? message + '\n' : message;
    QCOMPARE(Test::bytesOf(*session.log(), server, EventKind::Received), sent);
    // ...and the echo printed.
    QVERIFY2(program.out().contains(printed(message)), describe(program).constData());
}

void TestCodegen::clientPrintsSockPlaysGreeting_data() { languageRows(); }

void TestCodegen::clientPrintsSockPlaysGreeting()
{
    // The tutorial's pair the other way round: SockPlay greets, the program only listens.
    QFETCH(ProgramSpec::Language, language);
    Session session;
    EndpointConfig config = endpointConfig(Transport::Tcp, Role::Server);
    config.rules = {*Rule::parse(QStringLiteral("connect=>Welcome to the server!;close"), nullptr)};
    const int server = startEndpoint(session, config);
    QVERIFY(server);

    ProgramSpec spec;
    spec.language = language;
    spec.kind = ProgramSpec::Kind::TcpClient;
    spec.port = session.snapshot(server).localPort;
    PeerProcess program;
    QVERIFY(start(program, spec));
    QVERIFY2(program.waitForExit(), describe(program).constData());
    QCOMPARE(program.exitCode(), 0);
    QVERIFY2(program.out().contains("received: Welcome to the server!"), describe(program).constData());
}

// ------------------------------------------------------------------ UDP

void TestCodegen::udpReceiverEchoesToSockPlaysClient_data() { languageRows(); }

void TestCodegen::udpReceiverEchoesToSockPlaysClient()
{
    QFETCH(ProgramSpec::Language, language);
    ProgramSpec spec;
    spec.language = language;
    spec.kind = ProgramSpec::Kind::UdpReceiver;
    spec.echo = true;
    PeerProcess program;
    QVERIFY(start(program, spec));
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

void TestCodegen::udpSenderPrintsSockPlaysEcho_data()
{
    QTest::addColumn<ProgramSpec::Language>("language");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("python: a word") << ProgramSpec::Language::Python << QByteArray("ping");
    QTest::newRow("python: quotes, backslash, newline, ü") << ProgramSpec::Language::Python << TrickyText;
    QTest::newRow("go: a word") << ProgramSpec::Language::Go << QByteArray("ping");
    QTest::newRow("go: quotes, backslash, newline, ü") << ProgramSpec::Language::Go << TrickyText;
}

void TestCodegen::udpSenderPrintsSockPlaysEcho()
{
    QFETCH(ProgramSpec::Language, language);
    QFETCH(QByteArray, message);
    Session session;
    const int server = startEndpoint(session, endpointConfig(Transport::Udp, Role::Server, 0, true));
    QVERIFY(server);

    ProgramSpec spec;
    spec.language = language;
    spec.kind = ProgramSpec::Kind::UdpSender;
    spec.port = session.snapshot(server).localPort;
    spec.message = message;
    PeerProcess program;
    QVERIFY(start(program, spec));
    QVERIFY2(program.waitForExit(), describe(program).constData());
    QCOMPARE(program.exitCode(), 0);
    QCOMPARE(Test::bytesOf(*session.log(), server, EventKind::DatagramReceived), message);
    QVERIFY2(program.out().contains(printed(message)), describe(program).constData());
}

void TestCodegen::udpSenderSaysWhenNoReplyCame_data() { languageRows(); }

void TestCodegen::udpSenderSaysWhenNoReplyCame()
{
    QFETCH(ProgramSpec::Language, language);
    Session session;
    const int server = startEndpoint(session, endpointConfig(Transport::Udp, Role::Server)); // no echo
    QVERIFY(server);

    ProgramSpec spec;
    spec.language = language;
    spec.kind = ProgramSpec::Kind::UdpSender;
    spec.port = session.snapshot(server).localPort;
    PeerProcess program;
    QVERIFY(start(program, spec));
    // It waits one second, then gives up by itself (the bound is generous: CI is slow).
    QVERIFY2(program.waitForExit(), describe(program).constData());
    QCOMPARE(program.exitCode(), 0);
    QCOMPARE(Test::bytesOf(*session.log(), server, EventKind::DatagramReceived), QByteArray("hello"));
    QVERIFY2(program.out().contains("no reply within 1 second"), describe(program).constData());
    QVERIFY2(!program.out().contains("received:"), describe(program).constData());
}

QTEST_GUILESS_MAIN(TestCodegen)
#include "tst_codegen.moc"
