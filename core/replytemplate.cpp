#include "replytemplate.h"

#include "payloadcodec.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>

namespace SockPlay {

namespace {

constexpr int MaxRandomBytes = 65536;
constexpr qint64 MaxFileBytes = 16 << 20;

/// A codec error inside a larger text: its position moved by offset, said from 1.
QString codecError(const ParseResult &parsed, qsizetype offset, const QString &what)
{
    return QStringLiteral("%1 at character %2: %3").arg(what).arg(parsed.errorPosition + offset + 1).arg(parsed.reason());
}

} // namespace

ReplyTemplate ReplyTemplate::literal(const QByteArray &bytes)
{
    ReplyTemplate reply;
    reply.appendBytes(bytes);
    return reply;
}

std::optional<ReplyTemplate> ReplyTemplate::parse(const QString &text, QString *error)
{
    return parse(text, error, nullptr, QStringLiteral("reply"));
}

std::optional<ReplyTemplate> ReplyTemplate::parse(const QString &text, QString *error, int *errorPosition,
                                                  const QString &what)
{
    ReplyTemplate reply;
    QString run; // text with escapes, up to the next capture or macro
    qsizetype runStart = 0;
    const auto flush = [&](qsizetype next) {
        if (!run.isEmpty()) {
            const ParseResult parsed = PayloadCodec::parseText(run);
            if (!parsed.ok) {
                if (error)
                    *error = codecError(parsed, runStart, QStringLiteral("invalid ") + what);
                if (errorPosition)
                    *errorPosition = int(parsed.errorPosition + runStart);
                return false;
            }
            reply.appendBytes(parsed.bytes);
        }
        run.clear();
        runStart = next;
        return true;
    };
    const auto fail = [&](qsizetype at, const QString &why) {
        if (error)
            *error = QStringLiteral("invalid %1 at character %2: %3").arg(what).arg(at + 1).arg(why);
        if (errorPosition)
            *errorPosition = int(at);
        return std::nullopt;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar next = text.at(i + 1);
            if (next >= u'1' && next <= u'9') {
                if (!flush(i + 2))
                    return std::nullopt;
                const int number = next.unicode() - u'0';
                reply.m_parts.append(Part{Part::Kind::Capture, {}, number, {}});
                reply.m_highestCapture = std::max(reply.m_highestCapture, number);
                ++i;
                continue;
            }
            run += c; // an escape for the codec: keep it whole (\\1 stays a backslash and a 1)
            run += next;
            ++i;
            continue;
        }
        if (c == u'{' && i + 1 < text.size() && text.at(i + 1) == u'{') {
            const qsizetype close = text.indexOf(QStringLiteral("}}"), i + 2);
            if (close < 0)
                return fail(i, QStringLiteral("{{ is not closed by }}"));
            if (!flush(close + 2))
                return std::nullopt;
            const QString macro = text.mid(i + 2, close - i - 2);
            const QString name = macro.section(u':', 0, 0);
            const QString argument = macro.section(u':', 1);
            const bool hasArgument = macro.contains(u':');
            if (name == QLatin1String("counter") && !hasArgument) {
                reply.m_parts.append(Part{Part::Kind::Counter, {}, 0, {}});
            } else if (name == QLatin1String("time") && !hasArgument) {
                reply.m_parts.append(Part{Part::Kind::Time, {}, 0, {}});
            } else if (name == QLatin1String("random")) {
                bool ok = false;
                const int count = argument.toInt(&ok);
                if (!ok || count < 1 || count > MaxRandomBytes)
                    return fail(i, QStringLiteral("{{random:N}} needs N from 1 to %1 bytes, not \"%2\"")
                                       .arg(MaxRandomBytes)
                                       .arg(argument));
                reply.m_parts.append(Part{Part::Kind::Random, {}, count, {}});
            } else if (name == QLatin1String("hex")) {
                const ParseResult parsed = PayloadCodec::parseHex(argument);
                if (!parsed.ok) {
                    if (error)
                        *error = codecError(parsed, i + 6, QStringLiteral("invalid hex in the ") + what);
                    if (errorPosition)
                        *errorPosition = int(parsed.errorPosition + i + 6);
                    return std::nullopt;
                }
                reply.appendBytes(parsed.bytes);
            } else if (name == QLatin1String("file")) {
                if (argument.isEmpty())
                    return fail(i, QStringLiteral("{{file:PATH}} needs a path"));
                reply.m_parts.append(Part{Part::Kind::File, {}, 0, argument, i + 7}); // after "{{file:"
            } else {
                return fail(i, QStringLiteral("unknown macro {{%1}} (counter, time, random:N, hex:…, file:PATH)")
                                   .arg(macro));
            }
            i = close + 1;
            continue;
        }
        if (run.isEmpty())
            runStart = i;
        run += c;
    }
    if (!flush(text.size()))
        return std::nullopt;
    return reply;
}

std::optional<QString> ReplyTemplate::mapFilePaths(const QString &text, const FilePathMap &map, QString *error)
{
    const std::optional<ReplyTemplate> parsed = parse(text, nullptr);
    if (!parsed)
        return text;
    QString mapped = text;
    // From the last macro back, so the positions of the earlier ones still hold.
    for (auto part = parsed->m_parts.crbegin(); part != parsed->m_parts.crend(); ++part) {
        if (part->kind != Part::Kind::File)
            continue;
        QString why;
        const std::optional<QString> path = map(part->path, &why);
        if (path && path->contains(QStringLiteral("}}")))
            why = QStringLiteral("the path would contain }}, which ends a macro");
        if (!path || !why.isEmpty()) {
            if (error)
                *error = QStringLiteral("{{file:%1}}: %2").arg(part->path, why);
            return std::nullopt;
        }
        mapped.replace(part->pathAt, part->path.size(), *path);
    }
    return mapped;
}

ReplyTemplate ReplyTemplate::followedBy(const QByteArray &bytes) const
{
    ReplyTemplate reply = *this;
    reply.appendBytes(bytes);
    return reply;
}

void ReplyTemplate::appendBytes(const QByteArray &bytes)
{
    // Literal bytes next to each other are one part: expand() copies fewer pieces.
    if (bytes.isEmpty())
        return;
    if (!m_parts.isEmpty() && m_parts.last().kind == Part::Kind::Bytes)
        m_parts.last().bytes += bytes;
    else
        m_parts.append(Part{Part::Kind::Bytes, bytes, 0, {}});
}

std::optional<QByteArray> ReplyTemplate::expand(const QList<QByteArray> &captures, quint64 counter,
                                                QString *error) const
{
    QByteArray bytes;
    for (const Part &part : m_parts) {
        switch (part.kind) {
        case Part::Kind::Bytes:
            bytes += part.bytes;
            break;
        case Part::Kind::Capture:
            if (part.number < captures.size())
                bytes += captures.at(part.number);
            break;
        case Part::Kind::Counter:
            bytes += QByteArray::number(counter);
            break;
        case Part::Kind::Time:
            bytes += QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toUtf8();
            break;
        case Part::Kind::Random: {
            QByteArray random(part.number, Qt::Uninitialized);
            for (char &byte : random)
                byte = char(QRandomGenerator::global()->bounded(256));
            bytes += random;
            break;
        }
        case Part::Kind::File: {
            QFile file(part.path);
            if (!file.open(QIODevice::ReadOnly)) {
                if (error)
                    *error = QStringLiteral("cannot read %1 for the reply: %2").arg(part.path, file.errorString());
                return std::nullopt;
            }
            if (file.size() > MaxFileBytes) {
                if (error)
                    *error = QStringLiteral("%1 is too big for a reply (%2 bytes; at most %3)")
                                 .arg(part.path)
                                 .arg(file.size())
                                 .arg(MaxFileBytes);
                return std::nullopt;
            }
            bytes += file.readAll();
            break;
        }
        }
    }
    return bytes;
}

} // namespace SockPlay
