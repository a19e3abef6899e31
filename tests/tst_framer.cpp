#include "framer.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

namespace SockPlay {

/// Lets QCOMPARE print a spec that differs.
char *toString(const FrameSpec &spec)
{
    const QString text = QStringLiteral("%1 {kind %2, keepCr %3, delimiter %4, fixed %5, prefix %6, be %7, "
                                        "incl %8, offset %9, max %10}")
                                 .arg(spec.toString())
                                 .arg(int(spec.kind))
                                 .arg(spec.keepCr)
                                 .arg(QString::fromLatin1(spec.delimiter.toHex()))
                                 .arg(spec.fixedBytes)
                                 .arg(spec.prefixBytes)
                                 .arg(spec.bigEndian)
                                 .arg(spec.lengthIncludesHeader)
                                 .arg(spec.lengthOffset)
                                 .arg(spec.maxFrameBytes);
    return qstrdup(qPrintable(text));
}

class TestFramer : public QObject
{
    Q_OBJECT

private slots:
    void framesDoNotDependOnChunking_data();
    void framesDoNotDependOnChunking();
    void multiByteDelimiterSplitAcrossChunks();
    void rawFramerPassesChunksThrough();
    void oversizedFrameIsReportedOnceAndSkipped_data();
    void oversizedFrameIsReportedOnceAndSkipped();
    void oversizedAtTheDefaultLimitKeepsMemoryBounded();
    void eightBytePrefixBeyondTheLimitDoesNotOverflow_data();
    void eightBytePrefixBeyondTheLimitDoesNotOverflow();
    void resetForgetsPartialFrameAndSkip_data();
    void resetForgetsPartialFrameAndSkip();
    void invalidSpecFallsBackToRaw();
    void linearInTheStreamLength();
    void parseValid_data();
    void parseValid();
    void everyLengthPrefixFormRoundTrips();
    void parseErrorsNameThePosition_data();
    void parseErrorsNameThePosition();
    void describe_data();
    void describe();
};

namespace {

using Frames = QList<QByteArray>;

/// What a framer made of a sequence of chunks.
struct Run
{
    Frames frames;
    QStringList errors;     // one sentence per oversized frame
    qint64 maxBuffered = 0; // the most bufferedBytes() reported after any push
};

Run feed(Framer &framer, const QList<QByteArray> &chunks)
{
    Run run;
    for (const QByteArray &chunk : chunks) {
        framer.push(chunk, run.frames);
        const QString error = framer.takeError();
        if (!error.isEmpty())
            run.errors += error.split(u'\n');
        run.maxBuffered = std::max(run.maxBuffered, framer.bufferedBytes());
    }
    return run;
}

QList<QByteArray> piecesOf(const QByteArray &stream, qsizetype size)
{
    QList<QByteArray> pieces;
    for (qsizetype at = 0; at < stream.size(); at += size)
        pieces.append(stream.mid(at, size));
    return pieces;
}

QList<QByteArray> randomPieces(const QByteArray &stream, quint32 seed, qsizetype maxPiece)
{
    QRandomGenerator random(seed);
    QList<QByteArray> pieces;
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype size = 1 + random.bounded(int(std::min<qsizetype>(maxPiece, stream.size())));
        pieces.append(stream.mid(at, size));
        at += size;
    }
    return pieces;
}

struct Chunking
{
    QString name;
    QList<QByteArray> chunks;
};

/// One byte at a time, everything at once, and random cuts (fixed seeds, so
/// that a failure names a chunking that reproduces it).
QList<Chunking> chunkingsOf(const QByteArray &stream)
{
    QList<Chunking> chunkings{{QStringLiteral("one byte at a time"), piecesOf(stream, 1)},
                              {QStringLiteral("all at once"), {stream}},
                              {QStringLiteral("3 bytes at a time"), piecesOf(stream, 3)}};
    for (quint32 seed = 1; seed <= 30; ++seed) {
        for (qsizetype maxPiece : {qsizetype(4), qsizetype(40), stream.size()})
            chunkings.append({QStringLiteral("random pieces up to %1, seed %2").arg(maxPiece).arg(seed),
                              randomPieces(stream, seed, maxPiece)});
    }
    return chunkings;
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray result;
    for (int value : values)
        result += char(value);
    return result;
}

FrameSpec specOf(const QString &text, qint64 maxFrameBytes = FrameSpec().maxFrameBytes)
{
    QString error;
    std::optional<FrameSpec> spec = FrameSpec::parse(text, &error);
    if (!spec)
        qFatal("test spec %s does not parse: %s", qPrintable(text), qPrintable(error));
    spec->maxFrameBytes = maxFrameBytes;
    return *spec;
}

} // namespace

void TestFramer::framesDoNotDependOnChunking_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<Frames>("frames");
    QTest::addColumn<Frames>("payloads");
    QTest::addColumn<qint64>("leftOver");

    const QByteArray lines("a\r\nbb\n\nccc\r\r\ntail");
    QTest::newRow("line strips one CR") << "line" << lines << Frames{"a\r\n", "bb\n", "\n", "ccc\r\r\n"}
                                        << Frames{"a", "bb", "", "ccc\r"} << qint64(4);
    QTest::newRow("line+cr keeps the CR") << "line+cr" << lines << Frames{"a\r\n", "bb\n", "\n", "ccc\r\r\n"}
                                          << Frames{"a\r", "bb", "", "ccc\r\r"} << qint64(4);
    QTest::newRow("crlf ignores lone CR and LF")
            << "crlf" << QByteArray("one\r\ntwo\rthree\n\r\n\r\nx")
            << Frames{"one\r\n", "two\rthree\n\r\n", "\r\n"} << Frames{"one", "two\rthree\n", ""} << qint64(1);
    QTest::newRow("delim 00") << "delim:00" << QByteArray("ab\0cd\0\0", 7)
                              << Frames{QByteArray("ab\0", 3), QByteArray("cd\0", 3), QByteArray(1, '\0')}
                              << Frames{"ab", "cd", ""} << qint64(0);
    QTest::newRow("delim that overlaps itself") << "delim:616162" << QByteArray("xaaabaabaaabzz")
                                                << Frames{"xaaab", "aab", "aaab"} << Frames{"xa", "", "a"}
                                                << qint64(2);
    QTest::newRow("delim 0d0a0d0a (HTTP head)")
            << "delim:0d0a0d0a" << QByteArray("GET /\r\nHost: x\r\n\r\n\r\n\r\n\r\nGET /b\r\n")
            << Frames{"GET /\r\nHost: x\r\n\r\n", "\r\n\r\n"} << Frames{"GET /\r\nHost: x", ""} << qint64(10);
    QTest::newRow("fixed 3") << "fixed:3" << QByteArray("abcdefgh") << Frames{"abc", "def"}
                             << Frames{"abc", "def"} << qint64(2);
    QTest::newRow("fixed 1") << "fixed:1" << QByteArray("xyz") << Frames{"x", "y", "z"} << Frames{"x", "y", "z"}
                             << qint64(0);
    QTest::newRow("len 1, empty body") << "len:1" << bytes({3, 'a', 'b', 'c', 0, 1, 'z', 5, 'p'})
                                       << Frames{bytes({3, 'a', 'b', 'c'}), bytes({0}), bytes({1, 'z'})}
                                       << Frames{"abc", "", "z"} << qint64(2);
    QTest::newRow("len 2 big-endian") << "len:2" << bytes({0, 2, 'h', 'i', 0, 0, 0})
                                      << Frames{bytes({0, 2, 'h', 'i'}), bytes({0, 0})} << Frames{"hi", ""}
                                      << qint64(1);
    QTest::newRow("len 2 little-endian") << "len:2le" << bytes({2, 0, 'h', 'i', 1, 0, '!'})
                                         << Frames{bytes({2, 0, 'h', 'i'}), bytes({1, 0, '!'})}
                                         << Frames{"hi", "!"} << qint64(0);
    const QByteArray body(70000, 'x'); // 0x011170: needs more than two bytes of the field
    QTest::newRow("len 4 big-endian, 70000-byte body")
            << "len:4" << bytes({0, 1, 0x11, 0x70}) + body + bytes({0, 0, 0, 1, 'e'})
            << Frames{bytes({0, 1, 0x11, 0x70}) + body, bytes({0, 0, 0, 1, 'e'})} << Frames{body, "e"} << qint64(0);
    QTest::newRow("len 4 little-endian") << "len:4le" << bytes({0x70, 0x11, 1, 0}) + body
                                         << Frames{bytes({0x70, 0x11, 1, 0}) + body} << Frames{body} << qint64(0);
    QTest::newRow("len 8 big-endian") << "len:8" << bytes({0, 0, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c', 0})
                                      << Frames{bytes({0, 0, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c'})} << Frames{"abc"}
                                      << qint64(1);
    QTest::newRow("len 8 little-endian") << "len:8le" << bytes({2, 0, 0, 0, 0, 0, 0, 0, 'o', 'k'})
                                         << Frames{bytes({2, 0, 0, 0, 0, 0, 0, 0, 'o', 'k'})} << Frames{"ok"}
                                         << qint64(0);
    QTest::newRow("len 2 +incl") << "len:2+incl" << bytes({0, 4, 'h', 'i', 0, 2, 0, 3, '!'})
                                 << Frames{bytes({0, 4, 'h', 'i'}), bytes({0, 2}), bytes({0, 3, '!'})}
                                 << Frames{"hi", "", "!"} << qint64(0);
    QTest::newRow("len 1 +incl, header-only frames")
            << "len:1+incl" << bytes({1, 1, 2, 'q'}) << Frames{bytes({1}), bytes({1}), bytes({2, 'q'})}
            << Frames{"", "", "q"} << qint64(0);
    QTest::newRow("len 2 @3") << "len:2@3" << bytes({'T', 1, 2, 0, 2, 'o', 'k', 'U', 0, 0, 0, 0})
                              << Frames{bytes({'T', 1, 2, 0, 2, 'o', 'k'}), bytes({'U', 0, 0, 0, 0})}
                              << Frames{"ok", ""} << qint64(0);
    QTest::newRow("len 4 little-endian +incl @2")
            << "len:4le+incl@2" << bytes({'A', 'B', 9, 0, 0, 0, 'x', 'y', 'z', 'C', 'D', 6, 0, 0, 0, 'w'})
            << Frames{bytes({'A', 'B', 9, 0, 0, 0, 'x', 'y', 'z'}), bytes({'C', 'D', 6, 0, 0, 0})}
            << Frames{"xyz", ""} << qint64(1);
}

void TestFramer::framesDoNotDependOnChunking()
{
    QFETCH(QString, spec);
    QFETCH(QByteArray, stream);
    QFETCH(Frames, frames);
    QFETCH(Frames, payloads);
    QFETCH(qint64, leftOver);

    for (const Chunking &chunking : chunkingsOf(stream)) {
        const std::unique_ptr<Framer> framer = makeFramer(specOf(spec));
        QVERIFY(!framer->isRaw());
        const Run run = feed(*framer, chunking.chunks);
        QVERIFY2(run.frames == frames, qPrintable(chunking.name));
        QVERIFY2(run.errors.isEmpty(), qPrintable(chunking.name + u": " + run.errors.join(u' ')));
        QCOMPARE(framer->bufferedBytes(), leftOver);
    }
    const std::unique_ptr<Framer> framer = makeFramer(specOf(spec));
    Frames carried;
    for (const QByteArray &frame : std::as_const(frames))
        carried.append(framer->payload(frame));
    QCOMPARE(carried, payloads);
}

void TestFramer::multiByteDelimiterSplitAcrossChunks()
{
    const std::unique_ptr<Framer> framer = makeFramer(specOf(QStringLiteral("delim:0d0a0d0a")));
    Frames frames;
    framer->push("abc\r", frames);
    framer->push("\n\r", frames);
    QVERIFY(frames.isEmpty());
    QCOMPARE(framer->bufferedBytes(), 6);
    framer->push("\nd\r\n", frames);
    QCOMPARE(frames, Frames{"abc\r\n\r\n"});
    QCOMPARE(framer->payload(frames.first()), "abc");
    QCOMPARE(framer->bufferedBytes(), 3);
}

void TestFramer::rawFramerPassesChunksThrough()
{
    const std::unique_ptr<Framer> framer = makeFramer(specOf(QStringLiteral("raw")));
    QVERIFY(framer->isRaw());
    Frames frames;
    framer->push("ab\n", frames);
    framer->push("c", frames);
    QCOMPARE(frames, (Frames{"ab\n", "c"}));
    QCOMPARE(framer->payload("ab\n"), "ab\n");
    QCOMPARE(framer->bufferedBytes(), 0);
    QVERIFY(framer->takeError().isEmpty());
}

void TestFramer::oversizedFrameIsReportedOnceAndSkipped_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<qint64>("maxFrameBytes");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<Frames>("frames");
    QTest::addColumn<int>("errorCount");

    const QByteArray x40(40, 'x');
    QTest::newRow("line over the limit") << "line" << qint64(16) << "ok\n" + x40 + "\nafter\n"
                                         << Frames{"ok\n", "after\n"} << 1;
    QTest::newRow("line exactly at the limit is kept")
            << "line" << qint64(16) << QByteArray(15, 'x') + "\nnext\n" << Frames{QByteArray(15, 'x') + '\n', "next\n"}
            << 0;
    QTest::newRow("line one byte over the limit") << "line" << qint64(16) << QByteArray(16, 'x') + "\nnext\n"
                                                  << Frames{"next\n"} << 1;
    QTest::newRow("two long lines, two errors") << "line+cr" << qint64(16) << x40 + "\na\n" + x40 + "\r\nb\r\n"
                                                << Frames{"a\n", "b\r\n"} << 2;
    QTest::newRow("crlf whose CR is the last byte under the limit")
            << "crlf" << qint64(8) << QByteArray("1234567\r\nnext\r\n") << Frames{"next\r\n"} << 1;
    QTest::newRow("four-byte delimiter after a long frame")
            << "delim:0d0a0d0a" << qint64(16) << QByteArray("ab\r\n").repeated(25) + "\r\nfin\r\n\r\n"
            << Frames{"fin\r\n\r\n"} << 1;
    QTest::newRow("delim 00 over the limit") << "delim:00" << qint64(16)
                                             << QByteArray(30, 'z') + QByteArray(1, '\0') + QByteArray("k\0", 2)
                                             << Frames{QByteArray("k\0", 2)} << 1;
    QTest::newRow("len 2 declares more than the limit")
            << "len:2" << qint64(16) << bytes({0, 3, 'a', 'b', 'c', 0, 32}) + QByteArray(32, '?') + bytes({0, 2, 'o', 'k'})
            << Frames{bytes({0, 3, 'a', 'b', 'c'}), bytes({0, 2, 'o', 'k'})} << 1;
    QTest::newRow("len 2 exactly at the limit is kept")
            << "len:2" << qint64(16) << bytes({0, 14}) + QByteArray(14, '=') << Frames{bytes({0, 14}) + QByteArray(14, '=')}
            << 0;
    QTest::newRow("len 2 little-endian +incl @2 over the limit")
            << "len:2le+incl@2" << qint64(16) << bytes({'h', 'h', 17, 0}) + QByteArray(13, '?') + bytes({'h', 'h', 5, 0, '!'})
            << Frames{bytes({'h', 'h', 5, 0, '!'})} << 1;
    QTest::newRow("len 4 +incl shorter than its header")
            << "len:4+incl" << qint64(16) << bytes({0, 0, 0, 2, 0, 0, 0, 6, 'o', 'k'})
            << Frames{bytes({0, 0, 0, 6, 'o', 'k'})} << 1;
    QTest::newRow("len 8 over the limit") << "len:8" << qint64(16)
                                          << bytes({0, 0, 0, 0, 0, 0, 0, 100}) + QByteArray(100, '?') + bytes({0, 0, 0, 0, 0, 0, 0, 0})
                                          << Frames{QByteArray(8, '\0')} << 1;
}

void TestFramer::oversizedFrameIsReportedOnceAndSkipped()
{
    QFETCH(QString, spec);
    QFETCH(qint64, maxFrameBytes);
    QFETCH(QByteArray, stream);
    QFETCH(Frames, frames);
    QFETCH(int, errorCount);

    for (const Chunking &chunking : chunkingsOf(stream)) {
        const std::unique_ptr<Framer> framer = makeFramer(specOf(spec, maxFrameBytes));
        const Run run = feed(*framer, chunking.chunks);
        QVERIFY2(run.frames == frames, qPrintable(chunking.name));
        QVERIFY2(run.errors.size() == errorCount, qPrintable(chunking.name + u": " + run.errors.join(u" | ")));
        QVERIFY2(run.maxBuffered <= maxFrameBytes, qPrintable(chunking.name));
        QCOMPARE(framer->bufferedBytes(), 0);
    }
}

void TestFramer::oversizedAtTheDefaultLimitKeepsMemoryBounded()
{
    const QByteArray huge(2000000, 'x');
    {
        const std::unique_ptr<Framer> framer = makeFramer(specOf(QStringLiteral("len:4")));
        const Run run = feed(*framer, piecesOf(bytes({0, 0x1e, 0x84, 0x80}) + huge + bytes({0, 0, 0, 1, '.'}), 65536));
        QCOMPARE(run.errors, QStringList{QStringLiteral(
                                     "a frame of 2000004 bytes is over the limit of 1048576; its bytes are dropped")});
        QVERIFY(run.maxBuffered <= 4);
        QCOMPARE(run.frames, Frames{bytes({0, 0, 0, 1, '.'})});
    }
    {
        const std::unique_ptr<Framer> framer = makeFramer(specOf(QStringLiteral("line")));
        const Run run = feed(*framer, piecesOf(huge + "\nnext\n", 65536));
        QCOMPARE(run.errors.size(), 1);
        QVERIFY2(run.errors.first().contains(u"1048576"), qPrintable(run.errors.first()));
        QVERIFY(run.maxBuffered <= 1048576);
        QVERIFY(run.maxBuffered > 900000); // it does buffer up to the limit before giving up
        QCOMPARE(run.frames, Frames{"next\n"});
    }
}

void TestFramer::eightBytePrefixBeyondTheLimitDoesNotOverflow_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("error");

    QTest::newRow("2^64-1, body only") << "len:8" << QByteArray(8, '\xff')
                                       << "a frame of more than 18446744073709551615 bytes is over the limit of "
                                          "1048576; its bytes are dropped";
    QTest::newRow("2^63, body only") << "len:8" << bytes({0x80, 0, 0, 0, 0, 0, 0, 0})
                                     << "a frame of 9223372036854775816 bytes is over the limit of 1048576; "
                                        "its bytes are dropped";
    QTest::newRow("2^63, +incl") << "len:8+incl" << bytes({0x80, 0, 0, 0, 0, 0, 0, 0})
                                 << "a frame of 9223372036854775808 bytes is over the limit of 1048576; "
                                    "its bytes are dropped";
    QTest::newRow("2^64-1 little-endian +incl @3") << "len:8le+incl@3" << QByteArray(11, '\xff')
                                                   << "a frame of 18446744073709551615 bytes is over the limit of "
                                                      "1048576; its bytes are dropped";
}

void TestFramer::eightBytePrefixBeyondTheLimitDoesNotOverflow()
{
    QFETCH(QString, spec);
    QFETCH(QByteArray, header);
    QFETCH(QString, error);

    const std::unique_ptr<Framer> framer = makeFramer(specOf(spec));
    Frames frames;
    framer->push(header, frames);
    QCOMPARE(framer->takeError(), error);
    // Everything that follows belongs to that frame: dropped, never buffered, not reported again.
    for (int i = 0; i < 100; ++i)
        framer->push(QByteArray(1000, '\0'), frames);
    QVERIFY(frames.isEmpty());
    QCOMPARE(framer->bufferedBytes(), 0);
    QVERIFY(framer->takeError().isEmpty());
}

void TestFramer::resetForgetsPartialFrameAndSkip_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<Frames>("frames");

    QTest::newRow("line, partial") << "line" << QByteArray("partial") << QByteArray("x\n") << Frames{"x\n"};
    QTest::newRow("crlf, CR pending") << "crlf" << QByteArray("a\r") << QByteArray("\nb\r\n") << Frames{"\nb\r\n"};
    QTest::newRow("line, skipping a long line") << "line" << QByteArray(100, 'x') << QByteArray("ok\n")
                                                << Frames{"ok\n"};
    QTest::newRow("fixed, partial") << "fixed:4" << QByteArray("ab") << QByteArray("cdef") << Frames{"cdef"};
    QTest::newRow("len 2, partial header") << "len:2" << bytes({0}) << bytes({0, 1, 'z'}) << Frames{bytes({0, 1, 'z'})};
    QTest::newRow("len 2, partial body") << "len:2" << bytes({0, 5, 'a', 'b'}) << bytes({0, 1, 'z'})
                                         << Frames{bytes({0, 1, 'z'})};
    QTest::newRow("len 2, skipping a long frame") << "len:2" << bytes({0, 200, 'a'}) << bytes({0, 1, 'z'})
                                                  << Frames{bytes({0, 1, 'z'})};
}

void TestFramer::resetForgetsPartialFrameAndSkip()
{
    QFETCH(QString, spec);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(Frames, frames);

    const std::unique_ptr<Framer> framer = makeFramer(specOf(spec, 64));
    Frames got;
    framer->push(before, got);
    QVERIFY(got.isEmpty());
    framer->takeError();
    framer->reset();
    QCOMPARE(framer->bufferedBytes(), 0);
    framer->push(after, got);
    QCOMPARE(got, frames);
}

void TestFramer::invalidSpecFallsBackToRaw()
{
    // An empty delimiter or a zero size would never advance: such a spec gives the raw framer.
    FrameSpec noDelimiter;
    noDelimiter.kind = FrameSpec::Kind::Delimiter;
    FrameSpec zeroFixed;
    zeroFixed.kind = FrameSpec::Kind::Fixed;
    FrameSpec fixedOverLimit = specOf(QStringLiteral("fixed:32"), 16);
    FrameSpec threeBytePrefix = specOf(QStringLiteral("len:2"));
    threeBytePrefix.prefixBytes = 3;
    for (const FrameSpec &spec : {noDelimiter, zeroFixed, fixedOverLimit, threeBytePrefix}) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid frame spec")));
        QVERIFY2(makeFramer(spec)->isRaw(), qPrintable(spec.toString()));
    }
}

void TestFramer::linearInTheStreamLength()
{
    // A framer that rescans its buffer on every push (or shifts it after every
    // frame) needs hours here, and CTest's time limit stops it; a linear one
    // takes a fraction of a second. No time is asserted.
    for (const QString &spec : {QStringLiteral("line"), QStringLiteral("delim:0d0a0d0a")}) {
        const std::unique_ptr<Framer> framer = makeFramer(specOf(spec));
        Frames frames;
        const QByteArray one(1, 'x');
        for (int i = 0; i < 1000000; ++i)
            framer->push(one, frames);
        QCOMPARE(framer->bufferedBytes(), 1000000);
        framer->push(spec == u"line" ? "\n" : "\r\n\r\n", frames);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames.first().size(), spec == u"line" ? 1000001 : 1000004);
    }
    const std::unique_ptr<Framer> framer = makeFramer(specOf(QStringLiteral("line")));
    Frames frames;
    framer->push(QByteArray("x\n").repeated(500000), frames);
    QCOMPARE(frames.size(), 500000);
}

void TestFramer::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<FrameSpec>("spec");
    QTest::addColumn<QString>("canonical");

    auto spec = [](FrameSpec::Kind kind) {
        FrameSpec result;
        result.kind = kind;
        return result;
    };
    auto delimiter = [&](const QByteArray &bytes) {
        FrameSpec result = spec(FrameSpec::Kind::Delimiter);
        result.delimiter = bytes;
        return result;
    };
    auto fixed = [&](int size) {
        FrameSpec result = spec(FrameSpec::Kind::Fixed);
        result.fixedBytes = size;
        return result;
    };
    auto length = [&](int size, bool bigEndian, bool incl, int offset) {
        FrameSpec result = spec(FrameSpec::Kind::LengthPrefix);
        result.prefixBytes = size;
        result.bigEndian = bigEndian;
        result.lengthIncludesHeader = incl;
        result.lengthOffset = offset;
        return result;
    };
    FrameSpec lineKeepCr = spec(FrameSpec::Kind::Line);
    lineKeepCr.keepCr = true;

    QTest::newRow("raw") << "raw" << spec(FrameSpec::Kind::Raw) << "raw";
    QTest::newRow("line") << "line" << spec(FrameSpec::Kind::Line) << "line";
    QTest::newRow("line+cr") << "line+cr" << lineKeepCr << "line+cr";
    QTest::newRow("crlf") << "crlf" << spec(FrameSpec::Kind::Crlf) << "crlf";
    QTest::newRow("delim 00") << "delim:00" << delimiter(QByteArray(1, '\0')) << "delim:00";
    QTest::newRow("delim upper case") << "delim:0D0A" << delimiter("\r\n") << "delim:0d0a";
    QTest::newRow("delim ff7e") << "delim:ff7e" << delimiter("\xff\x7e") << "delim:ff7e";
    QTest::newRow("fixed 1") << "fixed:1" << fixed(1) << "fixed:1";
    QTest::newRow("fixed 16") << "fixed:16" << fixed(16) << "fixed:16";
    QTest::newRow("fixed at the limit") << "fixed:1048576" << fixed(1048576) << "fixed:1048576";
    QTest::newRow("len 1") << "len:1" << length(1, true, false, 0) << "len:1";
    QTest::newRow("len 2") << "len:2" << length(2, true, false, 0) << "len:2";
    QTest::newRow("len 2 be") << "len:2be" << length(2, true, false, 0) << "len:2";
    QTest::newRow("len 2 le") << "len:2le" << length(2, false, false, 0) << "len:2le";
    QTest::newRow("len 4") << "len:4" << length(4, true, false, 0) << "len:4";
    QTest::newRow("len 8 le") << "len:8le" << length(8, false, false, 0) << "len:8le";
    QTest::newRow("len 2 +incl") << "len:2+incl" << length(2, true, true, 0) << "len:2+incl";
    QTest::newRow("len 2 @0") << "len:2@0" << length(2, true, false, 0) << "len:2";
    QTest::newRow("len 2 be @1024") << "len:2be@1024" << length(2, true, false, 1024) << "len:2@1024";
    QTest::newRow("len 4 le +incl @2") << "len:4le+incl@2" << length(4, false, true, 2) << "len:4le+incl@2";
}

void TestFramer::parseValid()
{
    QFETCH(QString, text);
    QFETCH(FrameSpec, spec);
    QFETCH(QString, canonical);

    QString error;
    const std::optional<FrameSpec> parsed = FrameSpec::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(*parsed, spec);
    QCOMPARE(parsed->toString(), canonical);
    QCOMPARE(FrameSpec::parse(parsed->toString(), nullptr), parsed);
}

void TestFramer::everyLengthPrefixFormRoundTrips()
{
    int forms = 0;
    for (int size : {1, 2, 4, 8}) {
        for (bool bigEndian : {true, false}) {
            for (bool incl : {false, true}) {
                for (int offset : {0, 1, 7, 1024}) {
                    FrameSpec spec;
                    spec.kind = FrameSpec::Kind::LengthPrefix;
                    spec.prefixBytes = size;
                    spec.bigEndian = bigEndian;
                    spec.lengthIncludesHeader = incl;
                    spec.lengthOffset = offset;
                    QString error;
                    const std::optional<FrameSpec> parsed = FrameSpec::parse(spec.toString(), &error);
                    QVERIFY2(parsed, qPrintable(error));
                    QCOMPARE(*parsed, spec);
                    ++forms;
                }
            }
        }
    }
    QCOMPARE(forms, 64);
}

void TestFramer::parseErrorsNameThePosition_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("says");

    QTest::newRow("unknown kind") << "lines" << 1 << "unknown framing \"lines\"";
    QTest::newRow("kind in upper case") << "LINE" << 1 << "unknown framing \"LINE\"";
    QTest::newRow("empty") << "" << 1 << "unknown framing \"\"";
    QTest::newRow("unknown kind lists the forms") << "frob:1" << 1 << "len:BYTES[be|le][+incl][@OFFSET])";
    QTest::newRow("raw with an argument") << "raw:1" << 4 << "unexpected \":1\"";
    QTest::newRow("crlf with junk") << "crlf:" << 5 << "unexpected \":\"";
    QTest::newRow("bad hex") << "delim:0g" << 8 << "invalid hex digit 'g' at character 8 of \"delim:0g\"";
    QTest::newRow("percent stays text") << "delim:%1" << 7 << "invalid hex digit '%' at character 7 of \"delim:%1\"";
    QTest::newRow("odd hex length") << "delim:0d0" << 9 << "odd number of hex digits";
    QTest::newRow("empty delimiter") << "delim:" << 7 << "at least one byte";
    QTest::newRow("delim without colon") << "delim" << 6 << "needs a value";
    QTest::newRow("fixed 0") << "fixed:0" << 7 << "a fixed frame is 1 to 1048576 bytes, not 0";
    QTest::newRow("fixed over the max") << "fixed:1048577" << 7 << "not 1048577";
    QTest::newRow("fixed far over the max") << "fixed:99999999999999999999" << 7 << "not 99999999999999999999";
    QTest::newRow("fixed not a number") << "fixed:x" << 7 << "a number of bytes";
    QTest::newRow("fixed with junk") << "fixed:16k" << 9 << "unexpected \"k\"";
    QTest::newRow("len 3") << "len:3" << 5 << "a length prefix is 1, 2, 4 or 8 bytes, not 3 (character 5)";
    QTest::newRow("len 16") << "len:16" << 5 << "not 16";
    QTest::newRow("len without size") << "len:" << 5 << "needs its size";
    QTest::newRow("len offset missing") << "len:2@" << 7 << "after '@'";
    QTest::newRow("len offset not a number") << "len:2@x" << 7 << "after '@'";
    QTest::newRow("len offset too big") << "len:2@1025" << 7 << "a header offset is 0 to 1024 bytes, not 1025";
    QTest::newRow("len trailing junk") << "len:2xe" << 6 << "unexpected \"xe\"";
    QTest::newRow("len incl twice") << "len:2+incl+incl" << 11 << "unexpected \"+incl\"";
    QTest::newRow("len two byte orders") << "len:2lebe" << 8 << "unexpected \"be\"";
    QTest::newRow("len options out of order") << "len:2@2le" << 8 << "unexpected \"le\"";
}

void TestFramer::parseErrorsNameThePosition()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    QFETCH(QString, says);

    QString error;
    QVERIFY(!FrameSpec::parse(text, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("character %1").arg(position)), qPrintable(error));
    QVERIFY(!FrameSpec::parse(text, nullptr));
}

void TestFramer::describe_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("description");

    QTest::newRow("line") << "line" << "lines (LF, CR stripped)";
    QTest::newRow("line+cr") << "line+cr" << "lines (LF, CR kept)";
    QTest::newRow("crlf") << "crlf" << "lines (CRLF)";
    QTest::newRow("delim") << "delim:0d0a" << "frames ending in 0d 0a";
    QTest::newRow("fixed") << "fixed:16" << "16-byte frames";
    QTest::newRow("len 1") << "len:1" << "1-byte length prefix";
    QTest::newRow("len 2") << "len:2" << "2-byte big-endian length prefix";
    QTest::newRow("len 4le+incl@2") << "len:4le+incl@2"
                                    << "4-byte little-endian length prefix, counting the whole frame, after 2 "
                                       "header bytes";
}

void TestFramer::describe()
{
    QFETCH(QString, spec);
    QFETCH(QString, description);
    QCOMPARE(specOf(spec).describe(), description);
}

} // namespace SockPlay

QTEST_GUILESS_MAIN(SockPlay::TestFramer)
#include "tst_framer.moc"
