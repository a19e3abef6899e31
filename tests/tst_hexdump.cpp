// The hex dump the detail pane shows and copies: a pure function, compared
// with what `hexdump -C` prints for the same bytes.
#include "hexdump.h"

#include <QTest>

using namespace SockPlay;

class TestHexDump : public QObject
{
    Q_OBJECT

private slots:
    void render_data();
    void render();
    void everyLineHasTheAnnouncedLength_data();
    void everyLineHasTheAnnouncedLength();
    void offsetColumnWidensForLargeOffsets();
    void everyByteValueIsShownOnce();
};

void TestHexDump::render_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("bytesPerLine");
    QTest::addColumn<qint64>("baseOffset");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing") << QByteArray() << 16 << qint64(0) << QString();
    // The expected lines are what `hexdump -C` prints (without its final offset line).
    QTest::newRow("short line, like hexdump -C") << QByteArray("partial rest\n") << 16 << qint64(0)
        << QStringLiteral("00000000  70 61 72 74 69 61 6c 20  72 65 73 74 0a           |partial rest.|\n");
    QTest::newRow("a full line and a short one") << QByteArray("0123456789abcdef01234") << 16 << qint64(0)
        << QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
                          "00000010  30 31 32 33 34                                    |01234|\n");
    QTest::newRow("exactly one line") << QByteArray("0123456789abcdef") << 16 << qint64(0)
        << QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n");
    QTest::newRow("8 per line, gap after 4") << QByteArray("partial rest\n") << 8 << qint64(0)
        << QStringLiteral("00000000  70 61 72 74  69 61 6c 20  |partial |\n"
                          "00000008  72 65 73 74  0a           |rest.|\n");
    QTest::newRow("offsets from a stream offset") << QByteArray("rest\n") << 16 << qint64(8)
        << QStringLiteral("00000008  72 65 73 74 0a                                    |rest.|\n");
    QTest::newRow("stream offset, 8 per line") << QByteArray("0123456789") << 8 << qint64(0x1f)
        << QStringLiteral("0000001f  30 31 32 33  34 35 36 37  |01234567|\n"
                          "00000027  38 39                     |89|\n");
    QTest::newRow("controls, DEL and high bytes are dots") << QByteArray("\x00\x1f \x7e\x7f\x80\xff", 7) << 16
        << qint64(0) << QStringLiteral("00000000  00 1f 20 7e 7f 80 ff                              |.. ~...|\n");
    QTest::newRow("other widths mean the nearest") << QByteArray("ab") << 3 << qint64(0)
        << QStringLiteral("00000000  61 62                     |ab|\n");
    QTest::newRow("a negative base counts from 0") << QByteArray("ab") << 16 << qint64(-5)
        << QStringLiteral("00000000  61 62                                             |ab|\n");
}

void TestHexDump::render()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, bytesPerLine);
    QFETCH(qint64, baseOffset);
    QFETCH(QString, expected);
    QCOMPARE(HexDump::render(bytes, bytesPerLine, baseOffset), expected);
}

void TestHexDump::everyLineHasTheAnnouncedLength_data()
{
    QTest::addColumn<int>("bytesPerLine");
    QTest::addColumn<qint64>("baseOffset");
    QTest::newRow("16 per line") << 16 << qint64(0);
    QTest::newRow("8 per line") << 8 << qint64(0);
    QTest::newRow("16 per line, 9-digit offsets") << 16 << qint64(0xffffffff);
}

void TestHexDump::everyLineHasTheAnnouncedLength()
{
    // The view sizes itself from lineLength(): a full line must be exactly that long.
    QFETCH(int, bytesPerLine);
    QFETCH(qint64, baseOffset);
    const QByteArray bytes(bytesPerLine * 3, 'x');
    const int digits = HexDump::offsetDigits(baseOffset, bytes.size());
    const QStringList lines = HexDump::render(bytes, bytesPerLine, baseOffset).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    for (const QString &line : lines)
        QCOMPARE(line.size(), HexDump::lineLength(bytesPerLine, digits));
}

void TestHexDump::offsetColumnWidensForLargeOffsets()
{
    QCOMPARE(HexDump::offsetDigits(0, 16), 8);
    QCOMPARE(HexDump::offsetDigits(0xfffffff0, 16), 8);  // the last byte is at 0xffffffff
    QCOMPARE(HexDump::offsetDigits(0xfffffff0, 17), 9);  // ... and now at 0x100000000
    const QString dump = HexDump::render(QByteArray(20, 'x'), 16, 0xfffffff8);
    QVERIFY2(dump.startsWith(QLatin1String("0fffffff8  ")), qPrintable(dump));
    QVERIFY2(dump.contains(QLatin1String("\n100000008  ")), qPrintable(dump));
}

void TestHexDump::everyByteValueIsShownOnce()
{
    QByteArray all;
    for (int value = 0; value < 256; ++value)
        all += char(value);
    const QStringList lines = HexDump::render(all).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 16);
    for (int line = 0; line < 16; ++line) {
        QString hex;
        for (int i = 0; i < 16; ++i)
            hex += QStringLiteral("%1%2 ").arg(i == 8 ? QStringLiteral(" ") : QString()).arg(line * 16 + i, 2, 16, QChar(u'0'));
        QVERIFY2(lines.at(line).contains(hex.trimmed()), qPrintable(lines.at(line)));
    }
    QVERIFY(lines.at(2).endsWith(QLatin1String("| !\"#$%&'()*+,-./|")));
    QVERIFY(lines.at(7).endsWith(QLatin1String("|pqrstuvwxyz{|}~.|")));
}

QTEST_GUILESS_MAIN(TestHexDump)
#include "tst_hexdump.moc"
