#include "jsonfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

namespace SockPlay::JsonFile {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

QString quoted(const QString &text)
{
    constexpr int Shown = 40;
    QString shown = text.left(Shown);
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return u'"' + shown + (text.size() > Shown ? QStringLiteral("…\"") : QStringLiteral("\""));
}

QString lineAndColumn(const QByteArray &data, qsizetype offset)
{
    // Qt's parser reports the offset just past the byte it choked on
    // ("hello" fails at 1): step back onto that byte.
    offset = qBound(qsizetype(0), offset - 1, data.size());
    const QByteArrayView before(data.constData(), offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.sliced(lineStart)).size() + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

bool checkHeader(const QJsonObject &top, const Kind &kind, QString *error)
{
    const QString notOne = QStringLiteral("not a SockPlay %1").arg(kind.description);
    const QJsonValue format = top.value(QLatin1String("format"));
    if (format.isUndefined()) {
        *error = notOne + QStringLiteral(": \"format\" is missing");
        return false;
    }
    if (format.toString() != kind.format) {
        *error = notOne + QStringLiteral(": \"format\" is %1, not \"%2\"")
                              .arg(format.isString() ? quoted(format.toString()) : typeName(format), kind.format);
        return false;
    }
    const QJsonValue version = top.value(QLatin1String("version"));
    if (version.isUndefined()) {
        *error = QStringLiteral("\"version\" is missing");
        return false;
    }
    if (!version.isDouble()) {
        *error = QStringLiteral("\"version\" must be a number, not %1").arg(typeName(version));
        return false;
    }
    if (version.toDouble() != kind.version) {
        const bool newer = version.toDouble() > kind.version;
        *error = QStringLiteral("this %1 is version %2%3; this SockPlay reads version %4")
                     .arg(kind.description)
                     .arg(version.toDouble())
                     .arg(newer ? QStringLiteral(", from a newer SockPlay") : QString())
                     .arg(kind.version);
        return false;
    }
    return true;
}

std::optional<QJsonObject> readObject(QIODevice *device, qint64 maxBytes, const QString &description, QString *error)
{
    // The size is checked before anything is parsed: one byte more than the
    // cap is enough to know the file is too big. Read in pieces: read(n)
    // allocates n bytes before it reads, so a single read of the cap would
    // cost the cap (16 MiB and more) for every small file.
    constexpr qint64 Piece = 64 * 1024;
    QByteArray data;
    while (data.size() <= maxBytes) {
        const QByteArray piece = device->read(qMin(Piece, maxBytes + 1 - data.size()));
        if (piece.isEmpty())
            break;
        data += piece;
    }
    if (data.size() > maxBytes) {
        const QString size = device->isSequential() ? QStringLiteral("more than %1").arg(maxBytes)
                                                    : QString::number(device->size());
        *error = QStringLiteral("the file is too big (%1 bytes); a %2 is at most %3 bytes")
                     .arg(size, description)
                     .arg(maxBytes);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not valid JSON at %1: %2")
                     .arg(lineAndColumn(data, parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("not a SockPlay %1: the top level must be a JSON object, not %2")
                     .arg(description, document.isArray() ? QStringLiteral("an array") : QStringLiteral("a value"));
        return std::nullopt;
    }
    return document.object();
}

std::optional<QJsonObject> readObjectFile(const QString &path, qint64 maxBytes, const QString &description,
                                          QString *error)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(shownPath, file.errorString());
        return std::nullopt;
    }
    std::optional<QJsonObject> object = readObject(&file, maxBytes, description, error);
    if (!object)
        *error = shownPath + QStringLiteral(": ") + *error;
    return object;
}

std::optional<QJsonObject> readTop(QIODevice *device, const Kind &kind, QString *error)
{
    std::optional<QJsonObject> top = readObject(device, kind.maxBytes, kind.description, error);
    if (top && !checkHeader(*top, kind, error))
        return std::nullopt;
    return top;
}

Result writeFile(const QString &path, const QByteArray &data)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
        return Result::failure(QStringLiteral("%1: cannot create the folder %2").arg(shownPath, QDir::toNativeSeparators(directory)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    }
    if (!file.commit())
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    return Result::success();
}

} // namespace SockPlay::JsonFile
