// The relay's generated program (core/codegenrelay.cpp,
// resources/code/python/relay.py): the spec a relay endpoint gives (what is
// shown, what is said not to be), every TLS variant compiling, and the
// program run with python3 between a Python client and a Python server
// (tests/peers/relay_peer.py), plain and with TLS on both sides.
// Certificates are made per run (tlstestsupport.h).

#include "codegentest.h"
#include "tlstestsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

EndpointConfig relayConfig(quint16 targetPort)
{
    EndpointConfig config = endpointConfig(Transport::Relay, Role::Server);
    config.relay.targetHost = QStringLiteral("127.0.0.1");
    config.relay.targetPort = targetPort;
    return config;
}

TlsSpec pem(const TestPki &pki)
{
    TlsSpec tls;
    tls.certificateFile = pki.server();
    tls.keyFile = pki.serverKey();
    tls.verifyPeer = false;
    return tls;
}

} // namespace

class TestCodegenRelay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void relaySettingsGiveTheSpec();
    void goAndCppSayItIsNotShown();
    void everyTlsVariantCompiles();
    void relayPassesBothWaysBetweenPythonPeers_data();
    void relayPassesBothWaysBetweenPythonPeers();

private:
    /// Writes the program for config and compiles it; its path, or empty.
    QString write(const EndpointConfig &config);

    QString m_python;
    QTemporaryDir m_dir;
    TestPki m_pki;
    int m_files = 0;
};

void TestCodegenRelay::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    m_python = python;
    QVERIFY2(m_pki.make(openssl), qPrintable(m_pki.error));
}

void TestCodegenRelay::relaySettingsGiveTheSpec()
{
    EndpointConfig config = relayConfig(7000);
    config.port = 5000;
    config.relay.targetHost = QStringLiteral("[::1]");
    config.relay.delayToTargetMs = 200;
    const ProgramSpec plain = programFromEndpoint(config, ProgramSpec::Language::Python);
    QCOMPARE(plain.kind, ProgramSpec::Kind::Relay);
    QCOMPARE(plain.port, quint16(5000));
    QCOMPARE(plain.relay.targetHost, QStringLiteral("::1"));
    QCOMPARE(plain.relay.targetPort, quint16(7000));
    QCOMPARE(plain.notShown, QStringList{QStringLiteral("SockPlay's delays (200 ms to the target, 0 ms to the clients) "
                                                        "are not shown here: this program passes the bytes on at once.")});
    const GeneratedProgram program = generateProgram(plain);
    QVERIFY2(program.error.isEmpty(), qPrintable(program.error));
    QCOMPARE(program.fileName, QStringLiteral("relay.py"));
    for (const char *line : {"# A TCP relay that passes each client on to [::1]:7000 and prints both directions",
                             "TARGET_HOST = \"::1\"", "TARGET_PORT = 7000", "PORT = 5000",
                             "# SockPlay's delays (200 ms", "target = socket.create_connection((TARGET_HOST, TARGET_PORT))"})
        QVERIFY2(program.source.contains(QLatin1String(line)), qPrintable(QLatin1String(line) + QStringLiteral(" not in:\n")
                                                                          + program.source));
    QVERIFY(!program.source.contains(QLatin1String("import ssl")));

    // TLS: PEM files are shown; a certificate made at Start or a PKCS#12 file is said, not shown.
    config.relay.delayToTargetMs = 0;
    config.relay.listenTls = pem(m_pki);
    TlsSpec target;
    target.caFile = m_pki.ca();
    target.serverName = QStringLiteral("localhost");
    target.alpn = {QStringLiteral("http/1.1")};
    config.relay.targetTls = target;
    const GeneratedProgram tls = generateProgram(programFromEndpoint(config, ProgramSpec::Language::Python));
    QVERIFY2(tls.error.isEmpty(), qPrintable(tls.error));
    for (const QString &line : {QStringLiteral("listen_tls.load_cert_chain(\"%1\", \"%2\")").arg(m_pki.server(), m_pki.serverKey()),
                                QStringLiteral("target_tls = ssl.create_default_context(cafile=\"%1\")").arg(m_pki.ca()),
                                QStringLiteral("SERVER_NAME = \"localhost\""),
                                QStringLiteral("target_tls.set_alpn_protocols([\"http/1.1\"])")})
        QVERIFY2(tls.source.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + tls.source));
    QVERIFY(!tls.source.contains(QLatin1String("CERT_NONE")));
    config.relay.listenTls = TlsSpec();
    config.relay.listenTls->selfSigned = true;
    config.relay.targetTls->pkcs12File = m_pki.clientPkcs12();
    config.relay.targetTls->passphrase = TestPki::pkcs12Passphrase();
    const ProgramSpec said = programFromEndpoint(config, ProgramSpec::Language::Python);
    QVERIFY(!said.relay.listenTls);
    QVERIFY(said.relay.targetTls && said.relay.targetTls->pkcs12File.isEmpty());
    QCOMPARE(said.notShown.size(), 2);
    QVERIFY2(said.notShown.at(0).startsWith(QLatin1String("TLS for the clients is not shown here: SockPlay's "
                                                          "certificate is made at Start")),
             qPrintable(said.notShown.at(0)));
    QVERIFY2(said.notShown.at(1).startsWith(QLatin1String("The client certificate in a PKCS#12 file is not shown")),
             qPrintable(said.notShown.at(1)));
    const GeneratedProgram saidProgram = generateProgram(said);
    QVERIFY(!saidProgram.source.contains(QLatin1String("listen_tls")));
    QVERIFY(!saidProgram.source.contains(QLatin1String("right horse")));
}

void TestCodegenRelay::goAndCppSayItIsNotShown()
{
    const EndpointConfig config = relayConfig(7000);
    for (const ProgramSpec::Language language : {ProgramSpec::Language::Go, ProgramSpec::Language::Cpp}) {
        const ProgramSpec spec = programFromEndpoint(config, language);
        QCOMPARE(spec.kind, ProgramSpec::Kind::TcpServer);
        QCOMPARE(spec.notShown.size(), 1);
        QVERIFY2(spec.notShown.first().contains(QLatin1String("(pick Python)")), qPrintable(spec.notShown.first()));
        // A Relay spec asked for directly: said, not shown.
        ProgramSpec relay = programFromEndpoint(config, ProgramSpec::Language::Python);
        relay.language = language;
        const GeneratedProgram other = generateProgram(relay);
        QVERIFY2(other.error.isEmpty(), qPrintable(other.error));
        QVERIFY2(other.source.contains(QLatin1String(": not shown in ")), qPrintable(other.source));
    }
}

QString TestCodegenRelay::write(const EndpointConfig &config)
{
    const GeneratedProgram program = generateProgram(programFromEndpoint(config, ProgramSpec::Language::Python));
    if (!program.error.isEmpty()) {
        qWarning("template problem: %s", qPrintable(program.error));
        return {};
    }
    const QString path = m_dir.filePath(QStringLiteral("relay%1.py").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(program.source.toUtf8()) < 0)
        return {};
    return path;
}

void TestCodegenRelay::everyTlsVariantCompiles()
{
    // Each flag of the template on and off, compiled (a syntax error anywhere fails).
    QStringList paths;
    for (int flags = 0; flags < 64; ++flags) {
        EndpointConfig config = relayConfig(7000);
        if (flags & 1) {
            TlsSpec listen = pem(m_pki);
            listen.verifyPeer = flags & 2;
            listen.caFile = (flags & 4) ? m_pki.ca() : QString();
            listen.alpn = (flags & 8) ? QStringList{QStringLiteral("h2")} : QStringList();
            config.relay.listenTls = listen;
        }
        if (flags & 16) {
            TlsSpec target;
            target.verifyPeer = flags & 2;
            target.caFile = (flags & 4) ? m_pki.ca() : QString();
            target.alpn = (flags & 8) ? QStringList{QStringLiteral("h2")} : QStringList();
            target.certificateFile = (flags & 32) ? m_pki.client() : QString();
            target.keyFile = (flags & 32) ? m_pki.clientKey() : QString();
            config.relay.targetTls = target;
        }
        const QString path = write(config);
        QVERIFY(!path.isEmpty());
        paths.append(path);
    }
    QProcess compile;
    compile.start(m_python, QStringList{QStringLiteral("-m"), QStringLiteral("py_compile")} + paths);
    QVERIFY(compile.waitForFinished(60000));
    QVERIFY2(compile.exitCode() == 0, compile.readAllStandardError().constData());
}

void TestCodegenRelay::relayPassesBothWaysBetweenPythonPeers_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("TCP") << false;
    QTest::newRow("TLS on both sides") << true;
}

void TestCodegenRelay::relayPassesBothWaysBetweenPythonPeers()
{
    QFETCH(bool, tls);
    PeerProcess server;
    QStringList serverArguments{QStringLiteral("server")};
    if (tls)
        serverArguments << QStringLiteral("--cert") << m_pki.server() << QStringLiteral("--key") << m_pki.serverKey();
    const quint16 targetPort = server.startPythonServer(m_python, QStringLiteral("relay_peer.py"), serverArguments);
    QVERIFY2(targetPort != 0, qPrintable(server.errText()));

    EndpointConfig config = relayConfig(targetPort);
    if (tls) {
        config.relay.listenTls = pem(m_pki);
        TlsSpec target;
        target.caFile = m_pki.ca(); // verified: the server's certificate names 127.0.0.1
        config.relay.targetTls = target;
    }
    const QString path = write(config);
    QVERIFY(!path.isEmpty());
    PeerProcess relay;
    QVERIFY(relay.start(m_python, {path}));
    const quint16 port = waitForListening(relay);
    QVERIFY2(port != 0, describe(relay).constData());

    PeerProcess client;
    QStringList clientArguments{QStringLiteral("client"), QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--send"), QStringLiteral("hello"), QStringLiteral("--send"),
                                QString::fromUtf8("grüße"), QStringLiteral("--send"), QStringLiteral("bye")};
    if (tls)
        clientArguments << QStringLiteral("--tls");
    QVERIFY(client.startPython(m_python, QStringLiteral("relay_peer.py"), clientArguments));
    QVERIFY2(client.waitForExit(), describe(client).constData());
    QCOMPARE(client.out(), QByteArray("connected\nreply echo: hello\nreply echo: grüße\nreply bye\n"));
    QVERIFY2(waitForPrinted(server, "client gone\n"), describe(server).constData());
    QCOMPARE(server.out().mid(server.out().indexOf('\n') + 1), QByteArray("got hello\ngot grüße\ngot bye\nclient gone\n"));

    // Both directions, each read as it passed, and the conversation's end.
    QVERIFY2(waitForPrinted(relay, "closed 127.0.0.1:"), describe(relay).constData());
    const QByteArray printedByRelay = relay.out();
    for (const char *line : {"relaying 127.0.0.1:", " -> (6 bytes): 'hello\\n'\n", " <- (12 bytes): 'echo: hello\\n'\n",
                             " -> (8 bytes): 'grüße\\n'\n", " -> (4 bytes): 'bye\\n'\n", " <- (4 bytes): 'bye\\n'\n"})
        QVERIFY2(printedByRelay.contains(line), describe(relay).constData());
    QVERIFY(!relay.hasExited()); // it serves the next client
}

QTEST_GUILESS_MAIN(TestCodegenRelay)

#include "tst_codegen_relay.moc"
