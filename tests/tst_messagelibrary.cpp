// The message library's JSON: what is written reads back equal, and a broken
// or hostile file is refused whole, with an error that says which entry and
// which field (or where the JSON breaks), before it can cost much memory.
#include "messagelibrary.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace SockPlay;

namespace {

/// A version-1 library around the given JSON entries.
QByteArray library(const QByteArray &entries)
{
    return R"({"format": "sockplay-messages", "version": 1, "messages": [)" + entries + "]}";
}

const QByteArray Good = R"({"name": "ping", "mode": "text", "payload": "PING", "lineEnding": "lf"})";

MessageLibraryRead readBytes(const QByteArray &data)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return MessageLibrary::read(&buffer);
}

} // namespace

class TestMessageLibrary : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryModeAndLineEnding_data();
    void roundTripKeepsEveryModeAndLineEnding();
    void bytesAddTheLineEndingInTextModeOnly_data();
    void bytesAddTheLineEndingInTextModeOnly();
    void brokenOrHostileFilesAreRefusedWhole_data();
    void brokenOrHostileFilesAreRefusedWhole();
    void syntaxErrorSaysLineAndColumn();
    void unknownFieldsAreIgnored();
    void writerRefusesWhatTheReaderWouldRefuse_data();
    void writerRefusesWhatTheReaderWouldRefuse();
    void writeFileReplacesWholeOrNotAtAll();
    void readFileNamesThePath();
};

void TestMessageLibrary::roundTripKeepsEveryModeAndLineEnding_data()
{
    QTest::addColumn<SavedMessage>("message");
    const struct
    {
        PayloadMode mode;
        const char *name;
        QString payload;
    } modes[] = {
        {PayloadMode::Text, "text", QStringLiteral("héllo\\t\\x00 \"quoted\" ✓")},
        {PayloadMode::Hex, "hex", QStringLiteral("de ad be ef 0a")},
        {PayloadMode::Base64, "base64", QStringLiteral("SGVsbG8=")},
    };
    const struct
    {
        LineEnding ending;
        const char *name;
    } endings[] = {{LineEnding::None, "none"}, {LineEnding::Lf, "lf"}, {LineEnding::CrLf, "crlf"}};
    for (const auto &mode : modes) {
        for (const auto &ending : endings) {
            QTest::addRow("%s, %s", mode.name, ending.name)
                << SavedMessage{QStringLiteral("%1 / %2 — ünïcode").arg(QLatin1String(mode.name), QLatin1String(ending.name)),
                                mode.mode, mode.payload, ending.ending};
        }
    }
    QTest::newRow("empty payload") << SavedMessage{QStringLiteral("nothing"), PayloadMode::Hex, QString(), LineEnding::None};
}

void TestMessageLibrary::roundTripKeepsEveryModeAndLineEnding()
{
    QFETCH(SavedMessage, message);
    const SavedMessage other{QStringLiteral("other"), PayloadMode::Text, QStringLiteral("x"), LineEnding::CrLf};
    const QList<SavedMessage> messages{other, message, other};

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Result written = MessageLibrary::write(&buffer, messages);
    QVERIFY2(written.ok, qPrintable(written.error));

    const MessageLibraryRead read = readBytes(buffer.data());
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.messages, messages);
    // The file spells modes and line endings out, as a person editing it would.
    QVERIFY(buffer.data().contains(QByteArray("\"mode\": \"" + MessageLibrary::modeName(message.mode).toLatin1() + '"')));
    QVERIFY(buffer.data().contains("\"format\": \"sockplay-messages\""));
}

void TestMessageLibrary::bytesAddTheLineEndingInTextModeOnly_data()
{
    QTest::addColumn<SavedMessage>("message");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text, lf") << SavedMessage{QStringLiteral("a"), PayloadMode::Text, QStringLiteral("hi\\t"), LineEnding::Lf}
                              << QByteArray("hi\t\n");
    QTest::newRow("text, crlf") << SavedMessage{QStringLiteral("a"), PayloadMode::Text, QStringLiteral("hi"), LineEnding::CrLf}
                                << QByteArray("hi\r\n");
    QTest::newRow("text, none") << SavedMessage{QStringLiteral("a"), PayloadMode::Text, QStringLiteral("hi"), LineEnding::None}
                                << QByteArray("hi");
    QTest::newRow("hex ignores crlf") << SavedMessage{QStringLiteral("a"), PayloadMode::Hex, QStringLiteral("41 42"), LineEnding::CrLf}
                                      << QByteArray("AB");
    QTest::newRow("base64 ignores lf") << SavedMessage{QStringLiteral("a"), PayloadMode::Base64, QStringLiteral("SGk="), LineEnding::Lf}
                                       << QByteArray("Hi");
}

void TestMessageLibrary::bytesAddTheLineEndingInTextModeOnly()
{
    QFETCH(SavedMessage, message);
    QFETCH(QByteArray, bytes);
    const ParseResult parsed = message.bytes();
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QCOMPARE(parsed.bytes, bytes);
}

void TestMessageLibrary::brokenOrHostileFilesAreRefusedWhole_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");

    QTest::newRow("not JSON") << QByteArray("hello") << QStringLiteral("not valid JSON at line 1, column 1");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("not valid JSON");
    QTest::newRow("truncated") << library(Good + ',' + Good).chopped(20) << QStringLiteral("not valid JSON at line 1");
    QTest::newRow("invalid UTF-8") << library(R"({"name": ")" + QByteArray("\xff\xfe") + R"(", "mode": "text", "payload": "", "lineEnding": "lf"})")
                                   << QStringLiteral("not valid JSON");
    QTest::newRow("nested a million deep") << QByteArray(1 << 20, '[') << QStringLiteral("not valid JSON");
    QTest::newRow("top level is an array") << QByteArray("[" + Good + "]")
                                           << QStringLiteral("the top level must be a JSON object, not an array");
    QTest::newRow("format missing") << QByteArray(R"({"version": 1, "messages": []})")
                                    << QStringLiteral("\"format\" is missing");
    QTest::newRow("another format") << QByteArray(R"({"format": "postman", "version": 1, "messages": []})")
                                    << QStringLiteral("not a SockPlay message library: \"format\" is \"postman\"");
    QTest::newRow("format of the wrong type") << QByteArray(R"({"format": 7, "version": 1, "messages": []})")
                                              << QStringLiteral("\"format\" is a number");
    QTest::newRow("newer version") << QByteArray(R"({"format": "sockplay-messages", "version": 2, "messages": []})")
                                   << QStringLiteral("this message library is version 2, from a newer SockPlay; this SockPlay reads version 1");
    QTest::newRow("version as a string") << QByteArray(R"({"format": "sockplay-messages", "version": "1", "messages": []})")
                                         << QStringLiteral("\"version\" must be a number, not a string");
    QTest::newRow("messages missing") << QByteArray(R"({"format": "sockplay-messages", "version": 1})")
                                      << QStringLiteral("\"messages\" is missing");
    QTest::newRow("messages not an array") << QByteArray(R"({"format": "sockplay-messages", "version": 1, "messages": {}})")
                                           << QStringLiteral("\"messages\" must be an array, not an object");
    QTest::newRow("entry not an object") << library(Good + ", 42")
                                         << QStringLiteral("message 2: must be an object, not a number");
    QTest::newRow("missing name") << library(R"({"mode": "text", "payload": "x", "lineEnding": "lf"})")
                                  << QStringLiteral("message 1: \"name\" is missing");
    QTest::newRow("name of the wrong type") << library(R"({"name": ["x"], "mode": "text", "payload": "x", "lineEnding": "lf"})")
                                            << QStringLiteral("message 1: \"name\" must be a string, not an array");
    QTest::newRow("empty name") << library(R"({"name": "  ", "mode": "text", "payload": "x", "lineEnding": "lf"})")
                                << QStringLiteral("message 1: \"name\" is empty");
    QTest::newRow("name with a newline") << library(R"({"name": "a\nb", "mode": "text", "payload": "x", "lineEnding": "lf"})")
                                         << QStringLiteral("message 1 (\"a b\"): \"name\" contains a control character (U+000a)");
    QTest::newRow("payload of the wrong type") << library(Good + R"(, {"name": "two", "mode": "text", "payload": 12, "lineEnding": "lf"})")
                                               << QStringLiteral("message 2 (\"two\"): \"payload\" must be a string, not a number");
    QTest::newRow("missing payload") << library(R"({"name": "p", "mode": "hex", "lineEnding": "none"})")
                                     << QStringLiteral("message 1 (\"p\"): \"payload\" is missing");
    QTest::newRow("unknown mode") << library(R"({"name": "p", "mode": "octal", "payload": "7", "lineEnding": "lf"})")
                                  << QStringLiteral("message 1 (\"p\"): \"mode\" is \"octal\"; expected \"text\", \"hex\" or \"base64\"");
    QTest::newRow("mode in capitals") << library(R"({"name": "p", "mode": "HEX", "payload": "41", "lineEnding": "lf"})")
                                      << QStringLiteral("\"mode\" is \"HEX\"");
    QTest::newRow("missing line ending") << library(R"({"name": "p", "mode": "hex", "payload": "41"})")
                                         << QStringLiteral("message 1 (\"p\"): \"lineEnding\" is missing");
    QTest::newRow("unknown line ending") << library(R"({"name": "p", "mode": "text", "payload": "x", "lineEnding": "cr"})")
                                         << QStringLiteral("\"lineEnding\" is \"cr\"; expected \"none\", \"lf\" or \"crlf\"");
    QTest::newRow("bad hex in a hex entry")
        << library(Good + R"(, {"name": "bad", "mode": "hex", "payload": "41 4g", "lineEnding": "none"})")
        << QStringLiteral("message 2 (\"bad\"): \"payload\" is not valid hex: invalid hex at character 5: 'g' is not a hex digit");
    QTest::newRow("bad escape in a text entry")
        << library(R"({"name": "esc", "mode": "text", "payload": "a\\q", "lineEnding": "lf"})")
        << QStringLiteral("message 1 (\"esc\"): \"payload\" is not valid text: invalid escape at character 2");
    QTest::newRow("bad base64") << library(R"({"name": "b", "mode": "base64", "payload": "SGk*", "lineEnding": "none"})")
                                << QStringLiteral("\"payload\" is not valid base64");
    QTest::newRow("too big") << library(Good) + QByteArray(MessageLibrary::MaxFileBytes, ' ')
                             << QStringLiteral("the file is too big (%1 bytes)").arg(library(Good).size() + MessageLibrary::MaxFileBytes);
    QByteArray many = Good;
    for (int i = 1; i < MessageLibrary::MaxMessages + 1; ++i)
        many += ',' + Good;
    QTest::newRow("too many entries") << library(many) << QStringLiteral("the library has 10001 messages; at most 10000");
    QTest::newRow("a 1 MB name")
        << library(R"({"name": ")" + QByteArray(1 << 20, 'n') + R"(", "mode": "text", "payload": "", "lineEnding": "lf"})")
        << QStringLiteral("message 1: \"name\" is 1048576 characters long; at most 200");
    QTest::newRow("a payload over the cap")
        << library(R"({"name": "big", "mode": "text", "payload": ")" + QByteArray((1 << 20) + 1, 'p') + R"(", "lineEnding": "lf"})")
        << QStringLiteral("message 1 (\"big\"): \"payload\" is 1048577 characters long; at most 1048576");
    QTest::newRow("the last of many entries is broken")
        << library(Good + ',' + Good + ',' + R"({"name": "last", "mode": "hex", "payload": "4", "lineEnding": "none"})")
        << QStringLiteral("message 3 (\"last\"): \"payload\" is not valid hex: odd number of hex digits");
}

void TestMessageLibrary::brokenOrHostileFilesAreRefusedWhole()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const MessageLibraryRead read = readBytes(data);
    QVERIFY(!read.ok);
    QVERIFY2(read.error.contains(expected), qPrintable(read.error.left(500)));
    QVERIFY(read.error.size() < 400); // never the hostile content itself
    QVERIFY(read.messages.isEmpty()); // all or nothing
}

void TestMessageLibrary::syntaxErrorSaysLineAndColumn()
{
    const QByteArray data = "{\n  \"format\": \"sockplay-messages\",\n  \"vérsion\" 1\n}";
    const MessageLibraryRead read = readBytes(data);
    QVERIFY(!read.ok);
    // Line 3 is `  "vérsion" 1`: the colon is missing where the 1 stands, character 13.
    QVERIFY2(read.error.startsWith(QStringLiteral("not valid JSON at line 3, column 13: ")), qPrintable(read.error));
}

void TestMessageLibrary::unknownFieldsAreIgnored()
{
    const QByteArray data = R"({"format": "sockplay-messages", "version": 1, "createdBy": "a later SockPlay",
        "messages": [{"name": "ping", "mode": "text", "payload": "PING", "lineEnding": "lf", "colour": "red", "tags": [1]}]})";
    const MessageLibraryRead read = readBytes("\xef\xbb\xbf" + data); // and a byte order mark, as Notepad writes (Qt skips it)
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.messages, (QList<SavedMessage>{{QStringLiteral("ping"), PayloadMode::Text, QStringLiteral("PING"), LineEnding::Lf}}));
}

void TestMessageLibrary::writerRefusesWhatTheReaderWouldRefuse_data()
{
    QTest::addColumn<QList<SavedMessage>>("messages");
    QTest::addColumn<QString>("expected");
    const SavedMessage good{QStringLiteral("good"), PayloadMode::Text, QStringLiteral("x"), LineEnding::Lf};
    QTest::newRow("bad hex") << QList<SavedMessage>{good, {QStringLiteral("bad"), PayloadMode::Hex, QStringLiteral("zz"), LineEnding::None}}
                             << QStringLiteral("message 2: \"payload\" is not valid hex");
    QTest::newRow("empty name") << QList<SavedMessage>{{QString(), PayloadMode::Text, QStringLiteral("x"), LineEnding::Lf}}
                                << QStringLiteral("message 1: \"name\" is empty");
    QTest::newRow("long name") << QList<SavedMessage>{{QString(201, u'n'), PayloadMode::Text, QStringLiteral("x"), LineEnding::Lf}}
                               << QStringLiteral("\"name\" is 201 characters long");
    QTest::newRow("too many") << QList<SavedMessage>(MessageLibrary::MaxMessages + 1, good)
                              << QStringLiteral("10001 messages are too many");
    // Each payload is within its cap, together they are not.
    QTest::newRow("over 8 MiB together")
        << QList<SavedMessage>(9, {QStringLiteral("big"), PayloadMode::Text, QString(1 << 20, u'b'), LineEnding::Lf})
        << QStringLiteral("at most 8388608 bytes");
}

void TestMessageLibrary::writerRefusesWhatTheReaderWouldRefuse()
{
    QFETCH(QList<SavedMessage>, messages);
    QFETCH(QString, expected);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Result written = MessageLibrary::write(&buffer, messages);
    QVERIFY(!written.ok);
    QVERIFY2(written.error.contains(expected), qPrintable(written.error));
    QVERIFY(buffer.data().isEmpty());
}

void TestMessageLibrary::writeFileReplacesWholeOrNotAtAll()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("deeper/still/messages.json")); // folders are made
    const QList<SavedMessage> first{{QStringLiteral("one"), PayloadMode::Hex, QStringLiteral("01"), LineEnding::None}};
    Result written = MessageLibrary::writeFile(path, first);
    QVERIFY2(written.ok, qPrintable(written.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    written = MessageLibrary::writeFile(path, {{QStringLiteral("bad"), PayloadMode::Hex, QStringLiteral("0"), LineEnding::None}});
    QVERIFY(!written.ok);
    QVERIFY2(written.error.startsWith(path + QStringLiteral(": message 1")), qPrintable(written.error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    file.close();

    const MessageLibraryRead read = MessageLibrary::readFile(path);
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.messages, first);
}

void TestMessageLibrary::readFileNamesThePath()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    MessageLibraryRead read = MessageLibrary::readFile(missing);
    QVERIFY(!read.ok);
    QVERIFY2(read.error.startsWith(missing + QStringLiteral(": ")), qPrintable(read.error));

    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(library(Good + ", []"));
    file.close();
    read = MessageLibrary::readFile(broken);
    QVERIFY(!read.ok);
    QCOMPARE(read.error, broken + QStringLiteral(": message 2: must be an object, not an array"));
}

QTEST_GUILESS_MAIN(TestMessageLibrary)
#include "tst_messagelibrary.moc"
