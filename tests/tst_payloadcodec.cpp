#include "payloadcodec.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

namespace SockPlay {

class TestPayloadCodec : public QObject
{
    Q_OBJECT

private slots:
    void parseHex_data();
    void parseHex();
    void parseHexErrorsNameTheCharacterAndCount();
    void parseBase64_data();
    void parseBase64();
    void base64RoundTrip_data();
    void base64RoundTrip();
    void parseText_data();
    void parseText();
    void parseTextErrorsSayWhy();
    void parseDispatchesOnMode();
    void renderText_data();
    void renderText();
    void renderHex_data();
    void renderHex();
    void renderDispatchesOnMode();
    void textRoundTrip_data();
    void textRoundTrip();
    void hexRoundTrip_data();
    void hexRoundTrip();
    void renderedTextHasNoInvisibleCharacters();
    void lineEndingBytes_data();
    void lineEndingBytes();
};

namespace {

void addParseColumns()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("errorPosition");
}

/// What every parse result promises: bytes on success, and on failure no
/// bytes, the position, and an error text that names that position counted from 1.
void checkParseResult(const ParseResult &result)
{
    QFETCH(bool, ok);
    QFETCH(QByteArray, bytes);
    QFETCH(int, errorPosition);
    QCOMPARE(result.ok, ok);
    QCOMPARE(result.bytes, bytes);
    QCOMPARE(result.errorPosition, errorPosition);
    if (ok) {
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    } else {
        const QString mention = QStringLiteral("character %1").arg(errorPosition + 1);
        QVERIFY2(result.error.contains(mention), qPrintable(result.error));
    }
}

QByteArray allByteValues()
{
    QByteArray bytes;
    for (int value = 0; value < 256; ++value)
        bytes += char(value);
    return bytes;
}

/// Byte arrays that a round trip must give back unchanged.
void addRoundTripRows()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray all = allByteValues();
    QTest::newRow("all 256 byte values") << all;
    QByteArray reversed = all;
    std::reverse(reversed.begin(), reversed.end());
    QTest::newRow("all 256 byte values reversed") << reversed;
    // Every ordered pair of byte values, so every lead byte meets every follower.
    QByteArray pairs;
    for (int first = 0; first < 256; ++first) {
        for (int second = 0; second < 256; ++second) {
            pairs += char(first);
            pairs += char(second);
        }
    }
    QTest::newRow("every pair of byte values") << pairs;
    QTest::newRow("text that looks like escapes") << QByteArray("\\x41 \\n \\0 \\\\ \\");
    QTest::newRow("hex escape then hex-looking text") << QByteArray("\x01" "ab\x7f" "F");
    QTest::newRow("UTF-8 mixed with invalid bytes") << QByteArray("gr\xc3\xbc\xc3" "e \xe2\x82\xac\xe2\x82\xf0\x9f\x98\x80\xff");
    QRandomGenerator random(20240601); // fixed seed: a failure can be replayed
    for (const int size : {1, 7, 64, 1000, 65536}) {
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(random.bounded(256));
        QTest::addRow("%d random bytes", size) << bytes;
    }
}

} // namespace

void TestPayloadCodec::parseHex_data()
{
    addParseColumns();
    const QByteArray hel = QByteArrayLiteral("Hel");
    QTest::newRow("empty") << QString() << true << QByteArray() << -1;
    QTest::newRow("only separators") << QStringLiteral(" :, \t") << true << QByteArray() << -1;
    QTest::newRow("hex with spaces") << QStringLiteral("48 65 6c") << true << hel << -1;
    QTest::newRow("no separators") << QStringLiteral("48656c") << true << hel << -1;
    QTest::newRow("colons") << QStringLiteral("48:65:6C") << true << hel << -1;
    QTest::newRow("commas") << QStringLiteral("48,65, 6c") << true << hel << -1;
    QTest::newRow("tabs and newlines") << QStringLiteral("48\t65\n6c\r\n") << true << hel << -1;
    QTest::newRow("0x prefixes") << QStringLiteral("0x48 0x65 0x6c") << true << hel << -1;
    QTest::newRow("0X prefix on one long run") << QStringLiteral("0X48656C") << true << hel << -1;
    QTest::newRow("0x prefixes with commas") << QStringLiteral("0x48,0x65,0x6c") << true << hel << -1;
    QTest::newRow("mixed case") << QStringLiteral("aB Cd eF") << true << QByteArray("\xab\xcd\xef") << -1;
    QTest::newRow("zero bytes") << QStringLiteral("00 00") << true << QByteArray(2, '\0') << -1;
    QTest::newRow("digits pair across separators") << QStringLiteral("4 865") << true << QByteArray("He") << -1;
    QTest::newRow("odd digit count") << QStringLiteral("48656") << false << QByteArray() << 4;
    QTest::newRow("odd digit count with trailing separator") << QStringLiteral("48 65 6 ") << false << QByteArray() << 6;
    QTest::newRow("single digit") << QStringLiteral("0") << false << QByteArray() << 0;
    QTest::newRow("non-hex char") << QStringLiteral("48 6g") << false << QByteArray() << 4;
    QTest::newRow("non-hex char before an odd count") << QStringLiteral("4z") << false << QByteArray() << 1;
    QTest::newRow("x without the zero") << QStringLiteral("x48") << false << QByteArray() << 0;
    QTest::newRow("doubled 0x prefix") << QStringLiteral("0x0x48") << false << QByteArray() << 3;
    QTest::newRow("0x inside a token") << QStringLiteral("480x65") << false << QByteArray() << 3;
    QTest::newRow("dash is not a separator") << QStringLiteral("48-65") << false << QByteArray() << 2;
    QTest::newRow("non-ASCII char") << QStringLiteral("48 é5") << false << QByteArray() << 3;
}

void TestPayloadCodec::parseHex()
{
    QFETCH(QString, input);
    checkParseResult(PayloadCodec::parseHex(input));
}

void TestPayloadCodec::parseBase64_data()
{
    addParseColumns();
    QTest::newRow("empty") << QString() << true << QByteArray() << -1;
    QTest::newRow("padded") << QStringLiteral("SGk=") << true << QByteArray("Hi") << -1;
    QTest::newRow("unpadded") << QStringLiteral("SGk") << true << QByteArray("Hi") << -1;
    QTest::newRow("spaces and newlines") << QStringLiteral("SGVs\n bG8=") << true << QByteArray("Hello") << -1;
    QTest::newRow("plus and slash") << QStringLiteral("+/8=") << true << QByteArray("\xfb\xff") << -1;
    QTest::newRow("not in the alphabet") << QStringLiteral("SGk*") << false << QByteArray() << 3;
    QTest::newRow("url-safe minus is not standard") << QStringLiteral("ab-c") << false << QByteArray() << 2;
    QTest::newRow("padding in the middle") << QStringLiteral("SG=k") << false << QByteArray() << 2;
    QTest::newRow("one dangling character") << QStringLiteral("SGVsb") << false << QByteArray() << 5;
    QTest::newRow("padding on an incomplete group") << QStringLiteral("SGk==") << false << QByteArray() << 5;
}

void TestPayloadCodec::parseBase64()
{
    QFETCH(QString, input);
    checkParseResult(PayloadCodec::parseBase64(input));
    if (input == QLatin1String("SGk*"))
        QCOMPARE(PayloadCodec::parseBase64(input).error,
                 QStringLiteral("invalid base64 at character 4: '*' is not a base64 character"));
}

void TestPayloadCodec::base64RoundTrip_data()
{
    addRoundTripRows();
}

void TestPayloadCodec::base64RoundTrip()
{
    QFETCH(QByteArray, bytes);
    const ParseResult result = PayloadCodec::parse(PayloadCodec::render(bytes, PayloadMode::Base64), PayloadMode::Base64);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.bytes, bytes);
}

void TestPayloadCodec::parseHexErrorsNameTheCharacterAndCount()
{
    QCOMPARE(PayloadCodec::parseHex(QStringLiteral("48 6g")).error,
             QStringLiteral("invalid hex at character 5: 'g' is not a hex digit"));
    QVERIFY(PayloadCodec::parseHex(QStringLiteral("48656")).error.startsWith(
        QStringLiteral("odd number of hex digits (5): each byte needs two")));
    // A character that cannot be seen is named by its code point.
    QCOMPARE(PayloadCodec::parseHex(QStringLiteral("48\x01")).error,
             QStringLiteral("invalid hex at character 3: U+0001 is not a hex digit"));
}

void TestPayloadCodec::parseText_data()
{
    addParseColumns();
    QTest::newRow("empty") << QString() << true << QByteArray() << -1;
    QTest::newRow("plain ASCII") << QStringLiteral("GET / HTTP/1.0") << true << QByteArray("GET / HTTP/1.0") << -1;
    QTest::newRow("newline escape") << QStringLiteral("a\\nb") << true << QByteArray("a\nb") << -1;
    QTest::newRow("carriage return escape") << QStringLiteral("a\\rb") << true << QByteArray("a\rb") << -1;
    QTest::newRow("tab escape") << QStringLiteral("a\\tb") << true << QByteArray("a\tb") << -1;
    QTest::newRow("backslash escape") << QStringLiteral("a\\\\b") << true << QByteArray("a\\b") << -1;
    QTest::newRow("nul escape") << QStringLiteral("a\\0b") << true << QByteArray("a\0b", 3) << -1;
    QTest::newRow("nul escape is not octal") << QStringLiteral("\\012") << true << QByteArray("\0" "12", 3) << -1;
    QTest::newRow("every escape in a row") << QStringLiteral("\\r\\n\\t\\\\\\0") << true
                                           << QByteArray("\r\n\t\\\0", 5) << -1;
    QTest::newRow("\\xHH lowercase") << QStringLiteral("\\x41\\x7f") << true << QByteArray("A\x7f") << -1;
    QTest::newRow("\\xHH uppercase") << QStringLiteral("\\xAB\\xFF") << true << QByteArray("\xab\xff") << -1;
    QTest::newRow("\\xHH takes exactly two digits") << QStringLiteral("\\x41BC") << true << QByteArray("ABC") << -1;
    QTest::newRow("\\x00") << QStringLiteral("\\x00") << true << QByteArray(1, '\0') << -1;
    QTest::newRow("escaped backslash then q") << QStringLiteral("\\\\q") << true << QByteArray("\\q") << -1;
    QTest::newRow("UTF-8 text") << QStringLiteral("grüße €") << true
                                << QByteArray("gr\xc3\xbc\xc3\x9f" "e \xe2\x82\xac") << -1;
    QTest::newRow("emoji outside the BMP") << QString::fromUtf8("a\xf0\x9f\x98\x80\\n") << true
                                           << QByteArray("a\xf0\x9f\x98\x80\n") << -1;
    QTest::newRow("unknown escape") << QStringLiteral("abc\\q") << false << QByteArray() << 3;
    QTest::newRow("escaped double quote is not an escape") << QStringLiteral("say \\\"hi\\\"") << false
                                                           << QByteArray() << 4;
    QTest::newRow("escaped single quote is not an escape") << QStringLiteral("\\'") << false << QByteArray() << 0;
    QTest::newRow("unknown escape after a valid one") << QStringLiteral("\\n\\e") << false << QByteArray() << 2;
    QTest::newRow("trailing backslash") << QStringLiteral("abc\\") << false << QByteArray() << 3;
    QTest::newRow("lone backslash") << QStringLiteral("\\") << false << QByteArray() << 0;
    QTest::newRow("\\x with a non-hex first digit") << QStringLiteral("ab\\xG1") << false << QByteArray() << 2;
    QTest::newRow("\\x with a non-hex second digit") << QStringLiteral("\\x4z") << false << QByteArray() << 0;
    QTest::newRow("\\x with one digit at the end") << QStringLiteral("ok \\x4") << false << QByteArray() << 3;
    QTest::newRow("\\x at the end") << QStringLiteral("\\x") << false << QByteArray() << 0;
}

void TestPayloadCodec::parseText()
{
    QFETCH(QString, input);
    checkParseResult(PayloadCodec::parseText(input));
}

void TestPayloadCodec::parseTextErrorsSayWhy()
{
    QCOMPARE(PayloadCodec::parseText(QStringLiteral("abc\\q")).error,
             QStringLiteral("invalid escape at character 4: \\q is not one of \\n \\r \\t \\\\ \\0 \\xHH"));
    const QString badHex = PayloadCodec::parseText(QStringLiteral("ab\\xG1")).error;
    QVERIFY2(badHex.contains(QStringLiteral("\\xG1")) && badHex.contains(QStringLiteral("two hex digits")),
             qPrintable(badHex));
    const QString trailing = PayloadCodec::parseText(QStringLiteral("abc\\")).error;
    QVERIFY2(trailing.contains(QStringLiteral("lone backslash")), qPrintable(trailing));
}

void TestPayloadCodec::parseDispatchesOnMode()
{
    const QString input = QStringLiteral("41\\n");
    QCOMPARE(PayloadCodec::parse(input, PayloadMode::Text).bytes, QByteArray("41\n"));
    QCOMPARE(PayloadCodec::parse(input, PayloadMode::Hex).errorPosition, 2);
}

void TestPayloadCodec::renderText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("printable ASCII") << QByteArray("Hello, world! ~") << QStringLiteral("Hello, world! ~");
    QTest::newRow("two-character escapes") << QByteArray("a\r\n\tb\\\0", 7)
                                           << QStringLiteral("a\\r\\n\\tb\\\\\\0");
    QTest::newRow("control chars and DEL") << QByteArray("\x01\x1b\x7f") << QStringLiteral("\\x01\\x1b\\x7f");
    QTest::newRow("hex escapes are lowercase") << QByteArray("\xab\xff") << QStringLiteral("\\xab\\xff");
    QTest::newRow("UTF-8 two bytes") << QByteArray("gr\xc3\xbc\xc3\x9f" "e") << QStringLiteral("grüße");
    QTest::newRow("UTF-8 three bytes") << QByteArray("\xe2\x82\xac") << QStringLiteral("€");
    QTest::newRow("UTF-8 four bytes") << QByteArray("\xf0\x9f\x98\x80") << QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("highest code point is unassigned") << QByteArray("\xf4\x8f\xbf\xbf")
                                                      << QStringLiteral("\\xf4\\x8f\\xbf\\xbf");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QStringLiteral("\\xc0\\xaf");
    QTest::newRow("overlong three bytes") << QByteArray("\xe0\x80\xaf") << QStringLiteral("\\xe0\\x80\\xaf");
    QTest::newRow("overlong four bytes") << QByteArray("\xf0\x8f\xbf\xbf")
                                         << QStringLiteral("\\xf0\\x8f\\xbf\\xbf");
    QTest::newRow("UTF-16 surrogate") << QByteArray("\xed\xa0\x80") << QStringLiteral("\\xed\\xa0\\x80");
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << QStringLiteral("\\xf4\\x90\\x80\\x80");
    QTest::newRow("truncated sequence at the end") << QByteArray("\xe2\x82") << QStringLiteral("\\xe2\\x82");
    QTest::newRow("truncated sequence before ASCII") << QByteArray("\xe2\x82" "A") << QStringLiteral("\\xe2\\x82A");
    QTest::newRow("broken sequence before good text") << QByteArray("\xe2\xc3\xbc") << QStringLiteral("\\xe2ü");
    QTest::newRow("lone continuation byte") << QByteArray("a\x80z") << QStringLiteral("a\\x80z");
    QTest::newRow("C1 control is escaped") << QByteArray("\xc2\x85") << QStringLiteral("\\xc2\\x85");
    QTest::newRow("zero-width space is escaped") << QByteArray("\xe2\x80\x8b") << QStringLiteral("\\xe2\\x80\\x8b");
    QTest::newRow("line separator is escaped") << QByteArray("\xe2\x80\xa8") << QStringLiteral("\\xe2\\x80\\xa8");
    QTest::newRow("no-break space is shown") << QByteArray("\xc2\xa0") << QString(QChar(0xa0));
}

void TestPayloadCodec::renderText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(PayloadCodec::renderText(bytes), text);
}

void TestPayloadCodec::renderHex_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("hex");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("hello") << QByteArray("Hello") << QStringLiteral("48 65 6c 6c 6f");
    QTest::newRow("one byte") << QByteArray(1, '\0') << QStringLiteral("00");
    QTest::newRow("lowercase") << QByteArray("\xab\xcd\xef") << QStringLiteral("ab cd ef");
}

void TestPayloadCodec::renderHex()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, hex);
    QCOMPARE(PayloadCodec::renderHex(bytes), hex);
}

void TestPayloadCodec::renderDispatchesOnMode()
{
    const QByteArray bytes("A\n");
    QCOMPARE(PayloadCodec::render(bytes, PayloadMode::Text), QStringLiteral("A\\n"));
    QCOMPARE(PayloadCodec::render(bytes, PayloadMode::Hex), QStringLiteral("41 0a"));
}

void TestPayloadCodec::textRoundTrip_data()
{
    addRoundTripRows();
}

void TestPayloadCodec::textRoundTrip()
{
    QFETCH(QByteArray, bytes);
    const ParseResult result = PayloadCodec::parseText(PayloadCodec::renderText(bytes));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.bytes, bytes);
}

void TestPayloadCodec::renderedTextHasNoInvisibleCharacters()
{
    const QString text = PayloadCodec::renderText(allByteValues());
    for (const char32_t codePoint : text.toUcs4())
        QVERIFY2(QChar::isPrint(codePoint), qPrintable(QString::number(uint(codePoint), 16)));
    // 95 printable ASCII characters as they are, 161 escapes of two or four characters.
    QVERIFY(text.size() > 256);
}

void TestPayloadCodec::hexRoundTrip_data()
{
    addRoundTripRows();
}

void TestPayloadCodec::hexRoundTrip()
{
    QFETCH(QByteArray, bytes);
    const ParseResult result = PayloadCodec::parseHex(PayloadCodec::renderHex(bytes));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.bytes, bytes);
}

void TestPayloadCodec::lineEndingBytes_data()
{
    QTest::addColumn<LineEnding>("ending");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("none") << LineEnding::None << QByteArray();
    QTest::newRow("LF") << LineEnding::Lf << QByteArray("\n");
    QTest::newRow("CRLF") << LineEnding::CrLf << QByteArray("\r\n");
}

void TestPayloadCodec::lineEndingBytes()
{
    QFETCH(LineEnding, ending);
    QFETCH(QByteArray, bytes);
    QCOMPARE(SockPlay::lineEndingBytes(ending), bytes);
}

} // namespace SockPlay

QTEST_GUILESS_MAIN(SockPlay::TestPayloadCodec)
#include "tst_payloadcodec.moc"
