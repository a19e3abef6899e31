// Hostile files (issue 12): a session file, a script and a message library
// that are truncated, huge, deeply nested or of the wrong types. Each is
// refused whole with one error that says what is wrong, never a crash, and
// reading one costs bounded memory.
//
// These rows add to tst_sessionfile's, tst_script's and tst_messagelibrary's
// (one truncation, a cap plus a few bytes, an unclosed nesting, a handful of
// mistyped keys): here every prefix of a file that uses every key, files far
// over the size cap, the biggest arrays under it, closed nesting 100,000
// deep (the whole file, and under a key), and every key and array element
// of that file given a value of each other JSON type.

#include "messagelibrary.h"
#include "script.h"
#include "sessionfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <variant>

using namespace SockPlay;

enum class FileKind { Session, Script, Library };
Q_DECLARE_METATYPE(FileKind)

namespace {

QString kindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Session: return QStringLiteral("session");
    case FileKind::Script: return QStringLiteral("script");
    case FileKind::Library: return QStringLiteral("library");
    }
    return {};
}

qint64 capOf(FileKind kind)
{
    switch (kind) {
    case FileKind::Session: return SessionFile::MaxFileBytes;
    case FileKind::Script: return Script::MaxFileBytes;
    case FileKind::Library: return MessageLibrary::MaxFileBytes;
    }
    return 0;
}

/// A script with every step kind and every key a step may have.
const QByteArray ScriptSteps = R"([
        {"open": "server", "listen": "127.0.0.1:0", "transport": "tcp", "frame": "line", "echo": true,
         "rules": ["prefix:PING=>PONG"]},
        {"open": "client", "connect": "${server.host}:${server.port}", "frame": "line"},
        {"open": "udp", "bind": "0", "transport": "udp"},
        {"wait": "connection", "on": "server", "within": 1000},
        {"send": "PING 1\n", "as": "text", "to": "client", "connection": "all"},
        {"expect": "^PONG (\\d)$", "as": "regex", "on": "client", "within": 1000, "capture": ["n"]},
        {"send": "4f4b", "as": "hex", "to": "server", "connection": "last"},
        {"wait": 10},
        {"close": "client"}
    ])";

QByteArray richScript()
{
    return R"({"format": "sockplay-script", "version": 1, "name": "rich",
    "variables": {"host": "127.0.0.1", "port": "7000"},
    "steps": )" + ScriptSteps + "}\n";
}

const QByteArray LibraryMessages = R"([
        {"name": "ping", "mode": "text", "payload": "PING 1", "lineEnding": "lf"},
        {"name": "bytes", "mode": "hex", "payload": "00 ff", "lineEnding": "none"},
        {"name": "b64", "mode": "base64", "payload": "SGk=", "lineEnding": "crlf"}
    ])";

QByteArray richLibrary()
{
    return R"({"format": "sockplay-messages", "version": 1, "messages": )" + LibraryMessages + "}\n";
}

/// A session with every endpoint key, a library and a script.
QByteArray richSession()
{
    return R"({"format": "sockplay-session", "version": 1,
    "endpoints": [
        {"name": "server", "transport": "tcp", "role": "server", "host": "127.0.0.1", "port": 7000,
         "echo": true, "frame": "line", "maxClients": 7, "noDelay": true, "relay": true,
         "rules": [{"rule": "prefix:PING=>PONG", "enabled": false}]},
        {"name": "client", "transport": "tcp", "role": "client", "host": "127.0.0.1", "port": 7000,
         "localHost": "127.0.0.1", "echo": false, "frame": "raw", "rules": []},
        {"name": "udp", "transport": "udp", "role": "server", "host": "127.0.0.1", "port": 0,
         "simLink": {"lossPercent": 10, "duplicatePercent": 5, "delayMs": 20, "jitterMs": 5, "seed": 7, "on": "send"}}
    ],
    "library": )" + LibraryMessages + R"(,
    "script": {"name": "check", "variables": {"port": "7000"}, "steps": )" + ScriptSteps + "}}\n";
}

QByteArray richFile(FileKind kind)
{
    switch (kind) {
    case FileKind::Session: return richSession();
    case FileKind::Script: return richScript();
    case FileKind::Library: return richLibrary();
    }
    return {};
}

/// The top of a file of this kind, up to where its main list begins.
QByteArray headerWithList(FileKind kind)
{
    switch (kind) {
    case FileKind::Session: return R"({"format": "sockplay-session", "version": 1, "endpoints": )";
    case FileKind::Script: return R"({"format": "sockplay-script", "version": 1, "steps": )";
    case FileKind::Library: return R"({"format": "sockplay-messages", "version": 1, "messages": )";
    }
    return {};
}

/// Reads a file the way the window and the CLI do; the error, or empty if it was accepted.
QString readError(FileKind kind, const QString &path)
{
    QString error;
    switch (kind) {
    case FileKind::Session:
        return SessionFile::readFile(path, &error) ? QString() : error;
    case FileKind::Script:
        return Script::readFile(path, &error) ? QString() : error;
    case FileKind::Library: {
        const MessageLibraryRead read = MessageLibrary::readFile(path);
        return read.ok ? QString() : read.error;
    }
    }
    return {};
}

// ASan pads every allocation (a parsed document is millions of small ones)
// and keeps freed memory in quarantine (quarantine_size_mb, 256 by default).
#if defined(__SANITIZE_ADDRESS__) || defined(SOCKPLAY_SANITIZED) // the latter: this file is not instrumented, the code it runs is
constexpr int SanitizerFactor = 3;
constexpr qint64 SanitizerSlackBytes = 256ll << 20;
#else
constexpr int SanitizerFactor = 1;
constexpr qint64 SanitizerSlackBytes = 0;
#endif

/// The highest resident memory since the last reset (VmHWM), in bytes.
qint64 peakResident()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("VmHWM:\\s+(\\d+) kB")).match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() * 1024 : -1;
}

/// Starts measuring the peak from now (Linux 4.0 and later).
bool resetPeakResident()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

// A place in a JSON document: object keys and array indices from the top.
using Step = std::variant<QString, qsizetype>;
using Path = QList<Step>;

QJsonValue replaced(const QJsonValue &value, const Path &path, qsizetype at, const QJsonValue &with)
{
    if (at == path.size())
        return with;
    if (const QString *key = std::get_if<QString>(&path.at(at))) {
        QJsonObject object = value.toObject();
        object.insert(*key, replaced(object.value(*key), path, at + 1, with));
        return object;
    }
    const qsizetype index = std::get<qsizetype>(path.at(at));
    QJsonArray array = value.toArray();
    array.replace(index, replaced(array.at(index), path, at + 1, with));
    return array;
}

/// Every member and element below value, depth first, with what it holds.
void collect(const QJsonValue &value, const Path &path, QList<std::pair<Path, QJsonValue>> &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const Path here = Path(path) << Step(it.key());
            out.append({here, it.value()});
            collect(it.value(), here, out);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const Path here = Path(path) << Step(i);
            out.append({here, array.at(i)});
            collect(array.at(i), here, out);
        }
    }
}

QString pathText(const Path &path)
{
    QString text;
    for (const Step &step : path) {
        if (const QString *key = std::get_if<QString>(&step))
            text += (text.isEmpty() ? QString() : QStringLiteral(".")) + *key;
        else
            text += QStringLiteral("[%1]").arg(std::get<qsizetype>(step));
    }
    return text;
}

/// What a wrong value is called in a row's name.
QString valueText(const QJsonValue &value)
{
    if (value.isArray())
        return QStringLiteral("[]");
    if (value.isObject())
        return QStringLiteral("{}");
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

/// Values of every JSON type: each key gets those not of its own type.
const QList<QJsonValue> &wrongValues()
{
    static const QList<QJsonValue> values{QJsonValue(QStringLiteral("wrong")), QJsonValue(7), QJsonValue(true),
                                          QJsonValue(QJsonValue::Null), QJsonValue(QJsonArray{}),
                                          QJsonValue(QJsonObject{})};
    return values;
}

/// A mistyped value the format allows on purpose: a script variable may be
/// a whole number ("port": 7000 reads as "7000"), "wait" a number or
/// "connection". Keyed by the row name's path and value.
bool allowedByTheFormat(FileKind kind, const QString &path, const QJsonValue &value)
{
    Q_UNUSED(kind)
    static const QRegularExpression variable(QStringLiteral("(^|\\.)variables\\.[a-z]+$"));
    return variable.match(path).hasMatch() && value.isDouble();
}

} // namespace

class TestHostileFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void richFilesAreAccepted_data();
    void richFilesAreAccepted();
    void everyPrefixIsRefusedAtALineAndColumn_data();
    void everyPrefixIsRefusedAtALineAndColumn();
    void hugeFilesAreRefusedInBoundedMemory_data();
    void hugeFilesAreRefusedInBoundedMemory();
    void deepNestingIsRefusedWithoutOverflowingTheStack_data();
    void deepNestingIsRefusedWithoutOverflowingTheStack();
    void everyKeyOfTheWrongTypeIsNamed_data();
    void everyKeyOfTheWrongTypeIsNamed();

private:
    QString write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
            return {};
        return path;
    }

    QTemporaryDir m_dir;
};

void TestHostileFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

static void addKindRows()
{
    QTest::addColumn<FileKind>("kind");
    for (FileKind kind : {FileKind::Session, FileKind::Script, FileKind::Library})
        QTest::newRow(qPrintable(kindName(kind))) << kind;
}

void TestHostileFiles::richFilesAreAccepted_data()
{
    addKindRows();
}

void TestHostileFiles::richFilesAreAccepted()
{
    // Otherwise the rows below would prove nothing: each mutation must be
    // what makes the file wrong.
    QFETCH(FileKind, kind);
    const QString path = write(QStringLiteral("rich.json"), richFile(kind));
    const QString error = readError(kind, path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestHostileFiles::everyPrefixIsRefusedAtALineAndColumn_data()
{
    addKindRows();
}

void TestHostileFiles::everyPrefixIsRefusedAtALineAndColumn()
{
    // A file cut anywhere (a copy that stopped, a disk that filled): every
    // prefix within its first and last 100 bytes (the header, the closing
    // brackets), and every 7th in between (inside every kind of token; all
    // of them take minutes under ASan).
    QFETCH(FileKind, kind);
    const QByteArray whole = richFile(kind).trimmed();
    const QRegularExpression where(QStringLiteral(": not valid JSON at line (\\d+), column (\\d+): \\S"));
    for (qsizetype cut = 0; cut < whole.size(); cut += (cut < 100 || cut >= whole.size() - 100) ? 1 : 7) {
        const QString path = write(QStringLiteral("cut.json"), whole.left(cut));
        const QString error = readError(kind, path);
        const QRegularExpressionMatch match = where.match(error);
        QVERIFY2(match.hasMatch(), qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(error)));
        QVERIFY2(error.startsWith(path), qPrintable(error));
        // The line it names is one the prefix has.
        QVERIFY2(match.captured(1).toInt() <= whole.left(cut).count('\n') + 1, qPrintable(error));
    }
}

void TestHostileFiles::hugeFilesAreRefusedInBoundedMemory_data()
{
    QTest::addColumn<FileKind>("kind");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    for (FileKind kind : {FileKind::Session, FileKind::Script, FileKind::Library}) {
        const QString name = kindName(kind);
        const qint64 cap = capOf(kind);
        const QByteArray header = headerWithList(kind);
        // 64 MiB that look like the file: its header, then a string that never ends in time.
        QByteArray looksValid = header + "[\"" + QByteArray((64 << 20) - header.size() - 6, 'x') + "\"]}";
        QTest::newRow(qPrintable(name + QStringLiteral(": 64 MiB of valid-looking JSON")))
            << kind << looksValid
            << QStringLiteral("the file is too big (%1 bytes); a %2 is at most %3 bytes")
                   .arg(looksValid.size())
                   .arg(kind == FileKind::Session ? QStringLiteral("session file")
                                                  : kind == FileKind::Script ? QStringLiteral("script")
                                                                            : QStringLiteral("message library"))
                   .arg(cap);
        // Ten million elements: 20 MB, over every cap.
        QTest::newRow(qPrintable(name + QStringLiteral(": ten million elements")))
            << kind << header + '[' + QByteArray("0,").repeated(10'000'000) + "0]}" << QStringLiteral("the file is too big");
        // As many elements as fit under the cap: parsed, then refused by count.
        const qsizetype fit = (cap - header.size() - 3) / 2;
        const QByteArray full = header + '[' + QByteArray("0,").repeated(fit - 1) + "0]}";
        const QString count = kind == FileKind::Session ? QStringLiteral("the session has %1 endpoints; at most 1000")
            : kind == FileKind::Script                  ? QStringLiteral("the script has %1 steps; at most 10000")
                                                        : QStringLiteral("the library has %1 messages; at most 10000");
        QTest::newRow(qPrintable(name + QStringLiteral(": the most elements under the cap")))
            << kind << full << count.arg(fit);
    }
    // Lists that have no count of their own: as many as fit, each valid.
    const auto fill = [](const QByteArray &before, const QByteArray &item, const QByteArray &after, qint64 cap) -> QByteArray {
        const qsizetype n = (cap - before.size() - after.size()) / (item.size() + 1);
        return before + QByteArray(item + ',').repeated(n - 1) + item + after;
    };
    QTest::newRow("session: one endpoint with the most rules under the cap")
        << FileKind::Session
        << fill(headerWithList(FileKind::Session) + R"([{"name": "s", "role": "server", "rules": [)",
                R"({"rule": "any=>x"})", "]}]}", SessionFile::MaxFileBytes)
        << QString();
    QTest::newRow("script: one open step with the most rules under the cap")
        << FileKind::Script
        << fill(headerWithList(FileKind::Script) + R"([{"open": "s", "listen": "0", "rules": [)", R"("any=>x")",
                "]}]}", Script::MaxFileBytes)
        << QString();
}

void TestHostileFiles::hugeFilesAreRefusedInBoundedMemory()
{
    QFETCH(FileKind, kind);
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const QString path = write(QStringLiteral("huge.json"), data);
    QVERIFY(!path.isEmpty());
    const qint64 size = data.size();
    data = QByteArray(); // not counted below
    QVERIFY(resetPeakResident());
    const qint64 before = peakResident();
    const QString said = readError(kind, path);
    const qint64 grew = peakResident() - before;
    if (error.isEmpty()) {
        // Allowed by the format: read whole, or refused for a reason of its own.
        qInfo("%s: %s", qPrintable(QString::number(size)), qPrintable(said.isEmpty() ? QStringLiteral("accepted") : said));
    } else {
        QVERIFY2(said.startsWith(path + QStringLiteral(": ")) || said.contains(error), qPrintable(said));
        QVERIFY2(said.contains(error), qPrintable(said));
    }
    // Reading costs a multiple of the cap at most, never the size of the
    // file: the bytes and Qt's parsed document (16 bytes a value, 8 values
    // in 16 bytes of "0,0,..."), and for a file the format allows (a
    // session of 800,000 rules) what is made of it: about 20 bytes a byte.
    const qint64 bound = SanitizerFactor * (error.isEmpty() ? 24 : 12) * capOf(kind) + (32 << 20) + SanitizerSlackBytes;
    QVERIFY2(grew <= bound, qPrintable(QStringLiteral("reading %1 bytes took %2 MiB; the bound is %3 MiB")
                                           .arg(size).arg(grew >> 20).arg(bound >> 20)));
    qInfo("peak memory grew by %lld MiB", grew >> 20);
}

void TestHostileFiles::deepNestingIsRefusedWithoutOverflowingTheStack_data()
{
    QTest::addColumn<FileKind>("kind");
    QTest::addColumn<QByteArray>("data");
    constexpr int Depth = 100'000;
    const QByteArray arrays = QByteArray(Depth, '[') + QByteArray(Depth, ']');
    QByteArray objects;
    for (int i = 0; i < Depth; ++i)
        objects += "{\"a\":";
    objects += '1' + QByteArray(Depth, '}');
    for (FileKind kind : {FileKind::Session, FileKind::Script, FileKind::Library}) {
        const QString name = kindName(kind);
        QTest::newRow(qPrintable(name + QStringLiteral(": the whole file 100,000 arrays deep"))) << kind << arrays;
        QTest::newRow(qPrintable(name + QStringLiteral(": the whole file 100,000 objects deep"))) << kind << objects;
        QTest::newRow(qPrintable(name + QStringLiteral(": the list 100,000 arrays deep")))
            << kind << headerWithList(kind) + arrays + '}';
        QTest::newRow(qPrintable(name + QStringLiteral(": an entry 100,000 objects deep")))
            << kind << headerWithList(kind) + '[' + objects + "]}";
    }
}

void TestHostileFiles::deepNestingIsRefusedWithoutOverflowingTheStack()
{
    // Qt's parser stops at 1,024 levels (QJsonParseError::DeepNesting), so
    // no reader here ever recurses deeper than that.
    QFETCH(FileKind, kind);
    QFETCH(QByteArray, data);
    const QString path = write(QStringLiteral("deep.json"), data);
    const QString error = readError(kind, path);
    QVERIFY2(error.contains(QLatin1String("not valid JSON at line 1, column ")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("too deeply nested")), qPrintable(error));
}

void TestHostileFiles::everyKeyOfTheWrongTypeIsNamed_data()
{
    QTest::addColumn<FileKind>("kind");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("named");
    for (FileKind kind : {FileKind::Session, FileKind::Script, FileKind::Library}) {
        const QJsonObject top = QJsonDocument::fromJson(richFile(kind)).object();
        QList<std::pair<Path, QJsonValue>> places;
        collect(top, {}, places);
        for (const auto &[path, original] : std::as_const(places)) {
            const QString where = pathText(path);
            // A member is named by its key; an element by its place, counted from 1.
            const Step &last = path.constLast();
            const QString named = std::holds_alternative<QString>(last)
                ? QStringLiteral("\"%1\"").arg(std::get<QString>(last))
                : QString::number(std::get<qsizetype>(last) + 1);
            for (const QJsonValue &wrong : wrongValues()) {
                if (wrong.type() == original.type() || allowedByTheFormat(kind, where, wrong))
                    continue;
                const QByteArray data = QJsonDocument(replaced(top, path, 0, wrong).toObject()).toJson();
                QTest::newRow(qPrintable(QStringLiteral("%1: %2 = %3").arg(kindName(kind), where, valueText(wrong))))
                    << kind << data << named;
            }
        }
    }
}

void TestHostileFiles::everyKeyOfTheWrongTypeIsNamed()
{
    QFETCH(FileKind, kind);
    QFETCH(QByteArray, data);
    QFETCH(QString, named);
    const QString path = write(QStringLiteral("typed.json"), data);
    const QString error = readError(kind, path);
    QVERIFY2(!error.isEmpty(), "accepted");
    QVERIFY2(error.contains(named), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestHostileFiles)
#include "tst_hostilefiles.moc"
