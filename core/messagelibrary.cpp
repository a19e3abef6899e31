#include "messagelibrary.h"

#include "jsonfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <optional>

namespace SockPlay {

namespace {

const QString FormatName = QStringLiteral("sockplay-messages");

using JsonFile::quoted;
using JsonFile::typeName;

std::optional<PayloadMode> modeFromName(const QString &name)
{
    for (PayloadMode mode : {PayloadMode::Text, PayloadMode::Hex, PayloadMode::Base64}) {
        if (MessageLibrary::modeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}

std::optional<LineEnding> lineEndingFromName(const QString &name)
{
    for (LineEnding ending : {LineEnding::None, LineEnding::Lf, LineEnding::CrLf}) {
        if (MessageLibrary::lineEndingName(ending) == name)
            return ending;
    }
    return std::nullopt;
}

MessageLibraryRead failure(const QString &error)
{
    return MessageLibraryRead{false, {}, error};
}

/// One entry of "messages", or the reason it is refused (without the entry's number).
std::optional<SavedMessage> readEntry(const QJsonValue &value, QString *error)
{
    if (!value.isObject()) {
        *error = QStringLiteral("must be an object, not %1").arg(typeName(value));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    // Every field is a string: each checked for presence and type first.
    enum Field { Name, Mode, Payload, Ending, FieldCount };
    const QLatin1String names[FieldCount] = {QLatin1String("name"), QLatin1String("mode"), QLatin1String("payload"),
                                             QLatin1String("lineEnding")};
    QString fields[FieldCount];
    for (int i = 0; i < FieldCount; ++i) {
        const QJsonValue field = object.value(names[i]);
        if (field.isUndefined()) {
            *error = QStringLiteral("\"%1\" is missing").arg(names[i]);
            return std::nullopt;
        }
        if (!field.isString()) {
            *error = QStringLiteral("\"%1\" must be a string, not %2").arg(names[i], typeName(field));
            return std::nullopt;
        }
        fields[i] = field.toString();
    }
    const std::optional<PayloadMode> mode = modeFromName(fields[Mode]);
    if (!mode) {
        *error = QStringLiteral("\"mode\" is %1; expected \"text\", \"hex\" or \"base64\"").arg(quoted(fields[Mode]));
        return std::nullopt;
    }
    const std::optional<LineEnding> lineEnding = lineEndingFromName(fields[Ending]);
    if (!lineEnding) {
        *error = QStringLiteral("\"lineEnding\" is %1; expected \"none\", \"lf\" or \"crlf\"").arg(quoted(fields[Ending]));
        return std::nullopt;
    }
    const SavedMessage message{fields[Name], *mode, fields[Payload], *lineEnding};

    const Result valid = MessageLibrary::validate(message);
    if (!valid) {
        *error = valid.error;
        return std::nullopt;
    }
    return message;
}

} // namespace

ParseResult SavedMessage::bytes() const
{
    ParseResult result = PayloadCodec::parse(payload, mode);
    if (result.ok && mode == PayloadMode::Text)
        result.bytes += lineEndingBytes(lineEnding);
    return result;
}

namespace MessageLibrary {

QString modeName(PayloadMode mode)
{
    switch (mode) {
    case PayloadMode::Text: return QStringLiteral("text");
    case PayloadMode::Hex: return QStringLiteral("hex");
    case PayloadMode::Base64: return QStringLiteral("base64");
    }
    Q_UNREACHABLE();
}

QString lineEndingName(LineEnding ending)
{
    switch (ending) {
    case LineEnding::None: return QStringLiteral("none");
    case LineEnding::Lf: return QStringLiteral("lf");
    case LineEnding::CrLf: return QStringLiteral("crlf");
    }
    Q_UNREACHABLE();
}

Result validate(const SavedMessage &message)
{
    if (message.name.trimmed().isEmpty())
        return Result::failure(QStringLiteral("\"name\" is empty; a message needs a name"));
    if (message.name.size() > MaxNameLength)
        return Result::failure(QStringLiteral("\"name\" is %1 characters long; at most %2")
                                   .arg(message.name.size())
                                   .arg(MaxNameLength));
    for (QChar c : message.name) {
        if (c.category() == QChar::Other_Control)
            return Result::failure(QStringLiteral("\"name\" contains a control character (U+%1); a name is one line")
                                       .arg(c.unicode(), 4, 16, QChar(u'0')));
    }
    if (message.payload.size() > MaxPayloadLength)
        return Result::failure(QStringLiteral("\"payload\" is %1 characters long; at most %2")
                                   .arg(message.payload.size())
                                   .arg(MaxPayloadLength));
    const ParseResult parsed = PayloadCodec::parse(message.payload, message.mode);
    if (!parsed.ok)
        return Result::failure(QStringLiteral("\"payload\" is not valid %1: %2").arg(modeName(message.mode), parsed.error));
    return Result::success();
}

MessageLibraryRead read(QIODevice *device)
{
    QString error;
    const std::optional<QJsonObject> parsed = JsonFile::readTop(
        device, {FormatName, FormatVersion, QStringLiteral("message library"), MaxFileBytes}, &error);
    if (!parsed)
        return failure(error);
    const QJsonObject &top = *parsed;

    return readMessages(top.value(QLatin1String("messages")));
}

MessageLibraryRead readMessages(const QJsonValue &list)
{
    if (list.isUndefined())
        return failure(QStringLiteral("\"messages\" is missing"));
    if (!list.isArray())
        return failure(QStringLiteral("\"messages\" must be an array, not %1").arg(typeName(list)));
    const QJsonArray entries = list.toArray();
    if (entries.size() > MaxMessages)
        return failure(QStringLiteral("the library has %1 messages; at most %2").arg(entries.size()).arg(MaxMessages));

    MessageLibraryRead result;
    result.messages.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        QString error;
        std::optional<SavedMessage> message = readEntry(entry, &error);
        if (!message) {
            // Name the entry by its name where it has a usable one.
            const QJsonValue name = entry.toObject().value(QLatin1String("name"));
            const bool named = name.isString() && !name.toString().trimmed().isEmpty()
                               && name.toString().size() <= MaxNameLength;
            return failure(QStringLiteral("message %1%2: %3")
                               .arg(i + 1)
                               .arg(named ? QStringLiteral(" (%1)").arg(quoted(name.toString())) : QString(), error));
        }
        result.messages.append(std::move(*message));
    }
    return result;
}

std::optional<QJsonArray> toJson(const QList<SavedMessage> &messages, QString *error)
{
    if (messages.size() > MaxMessages) {
        *error = QStringLiteral("%1 messages are too many for a library; at most %2").arg(messages.size()).arg(MaxMessages);
        return std::nullopt;
    }
    QJsonArray entries;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const SavedMessage &message = messages.at(i);
        const Result valid = validate(message);
        if (!valid) {
            *error = QStringLiteral("message %1: %2").arg(i + 1).arg(valid.error);
            return std::nullopt;
        }
        entries.append(QJsonObject{
            {QStringLiteral("name"), message.name},
            {QStringLiteral("mode"), modeName(message.mode)},
            {QStringLiteral("payload"), message.payload},
            {QStringLiteral("lineEnding"), lineEndingName(message.lineEnding)},
        });
    }
    return entries;
}

Result write(QIODevice *device, const QList<SavedMessage> &messages)
{
    QString error;
    const std::optional<QJsonArray> entries = toJson(messages, &error);
    if (!entries)
        return Result::failure(error);
    const QJsonObject top{
        {QStringLiteral("format"), FormatName},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("messages"), *entries},
    };
    const QByteArray data = QJsonDocument(top).toJson(QJsonDocument::Indented);
    // What is written must read back: a library over the reader's cap is refused here.
    if (data.size() > MaxFileBytes)
        return Result::failure(QStringLiteral("the library would be %1 bytes; at most %2 bytes (8 MiB)")
                                   .arg(data.size())
                                   .arg(MaxFileBytes));
    if (device->write(data) != data.size())
        return Result::failure(device->errorString());
    return Result::success();
}

MessageLibraryRead readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    MessageLibraryRead result = read(&file);
    if (!result.ok)
        result.error = QDir::toNativeSeparators(path) + QStringLiteral(": ") + result.error;
    return result;
}

Result writeFile(const QString &path, const QList<SavedMessage> &messages)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
        return Result::failure(QStringLiteral("%1: cannot create the folder %2")
                                   .arg(shownPath, QDir::toNativeSeparators(directory)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    const Result written = write(&file, messages);
    if (!written) {
        file.cancelWriting();
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, written.error));
    }
    if (!file.commit())
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    return Result::success();
}

QString standardPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/messages.json");
}

} // namespace MessageLibrary

} // namespace SockPlay
