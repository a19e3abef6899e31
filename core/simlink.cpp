#include "simlink.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace SockPlay {

namespace {

/// "10", "2.5": a percentage without trailing zeros.
QString percentText(double percent)
{
    return QString::number(percent, 'g', 6) + u'%';
}

/// A whole number of milliseconds, or nothing (the text names no number).
std::optional<int> parseMs(QStringView text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<SimLinkSpec> SimLinkSpec::parseDelay(const QString &text, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<SimLinkSpec> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(QStringLiteral("no delay given: write MS, MS±JITTER or MS+-JITTER (milliseconds)"));
    // "±" is one character; "+-" is the same thing typed on a plain keyboard.
    qsizetype split = trimmed.indexOf(QChar(0x00B1));
    qsizetype separatorLength = 1;
    if (split < 0) {
        split = trimmed.indexOf(QLatin1String("+-"));
        separatorLength = 2;
    }
    const QStringView delayText = split < 0 ? QStringView(trimmed) : QStringView(trimmed).left(split);
    const std::optional<int> delay = parseMs(delayText);
    if (!delay)
        return fail(QStringLiteral("“%1” is not a whole number of milliseconds").arg(delayText.trimmed()));
    if (*delay < 0)
        return fail(QStringLiteral("the delay cannot be negative (%1 ms)").arg(*delay));
    if (*delay > MaxDelayMs)
        return fail(QStringLiteral("the delay is at most %1 ms (%2 asked)").arg(MaxDelayMs).arg(*delay));
    SimLinkSpec spec;
    spec.delayMs = *delay;
    if (split >= 0) {
        const QStringView jitterText = QStringView(trimmed).mid(split + separatorLength);
        const std::optional<int> jitter = parseMs(jitterText);
        if (!jitter)
            return fail(QStringLiteral("the jitter “%1” is not a whole number of milliseconds").arg(jitterText.trimmed()));
        if (*jitter < 0)
            return fail(QStringLiteral("the jitter cannot be negative (%1 ms)").arg(*jitter));
        if (*jitter > *delay)
            return fail(QStringLiteral("the jitter (%1 ms) cannot exceed the delay (%2 ms): a datagram cannot "
                                       "arrive before it was sent")
                            .arg(*jitter)
                            .arg(*delay));
        spec.jitterMs = *jitter;
    }
    return spec;
}

QString SimLinkSpec::validate() const
{
    if (!(lossPercent >= 0 && lossPercent <= 100)) // written so that NaN fails too
        return QStringLiteral("loss must be 0 to 100 percent (%1 given)").arg(lossPercent);
    if (!(duplicatePercent >= 0 && duplicatePercent <= 100))
        return QStringLiteral("duplicates must be 0 to 100 percent (%1 given)").arg(duplicatePercent);
    if (delayMs < 0)
        return QStringLiteral("delay cannot be negative (%1 ms given)").arg(delayMs);
    if (delayMs > MaxDelayMs)
        return QStringLiteral("delay is at most %1 ms (%2 given)").arg(MaxDelayMs).arg(delayMs);
    if (jitterMs < 0)
        return QStringLiteral("jitter cannot be negative (%1 ms given)").arg(jitterMs);
    if (jitterMs > delayMs)
        return QStringLiteral("jitter (%1 ms) cannot exceed the delay (%2 ms)").arg(jitterMs).arg(delayMs);
    return {};
}

QString SimLinkSpec::directionName(Direction direction)
{
    return direction == Direction::Send ? QStringLiteral("send") : QStringLiteral("receive");
}

std::optional<SimLinkSpec::Direction> SimLinkSpec::parseDirection(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("send"))
        return Direction::Send;
    if (t == QLatin1String("receive"))
        return Direction::Receive;
    return std::nullopt;
}

QString SimLinkSpec::describe() const
{
    QStringList effects;
    if (lossPercent > 0)
        effects.append(percentText(lossPercent) + QStringLiteral(" loss"));
    if (duplicatePercent > 0)
        effects.append(percentText(duplicatePercent) + QStringLiteral(" duplicates"));
    if (delayMs > 0 || jitterMs > 0) {
        effects.append(jitterMs > 0 ? QStringLiteral("%1±%2 ms delay").arg(delayMs).arg(jitterMs)
                                    : QStringLiteral("%1 ms delay").arg(delayMs));
    }
    if (effects.isEmpty())
        effects.append(QStringLiteral("no effect"));
    effects.append(seed == 0 ? QStringLiteral("random seed") : QStringLiteral("seed %1").arg(seed));
    return QStringLiteral("simulated link on %1: %2").arg(directionName(direction), effects.join(QStringLiteral(", ")));
}

QJsonObject SimLinkSpec::toJson() const
{
    return QJsonObject{
        {QStringLiteral("lossPercent"), lossPercent},
        {QStringLiteral("duplicatePercent"), duplicatePercent},
        {QStringLiteral("delayMs"), delayMs},
        {QStringLiteral("jitterMs"), jitterMs},
        {QStringLiteral("seed"), qint64(seed)},
        {QStringLiteral("on"), directionName(direction)},
    };
}

std::optional<SimLinkSpec> SimLinkSpec::fromJson(const QJsonObject &json, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<SimLinkSpec> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QStringList known{QStringLiteral("lossPercent"), QStringLiteral("duplicatePercent"), QStringLiteral("delayMs"),
                            QStringLiteral("jitterMs"), QStringLiteral("seed"), QStringLiteral("on")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(QStringLiteral("unknown key \"%1\" (known: %2)").arg(it.key(), known.join(QStringLiteral(", "))));
    }
    // Each number: absent (its default), or a number within its range; the error names the key.
    QString problem;
    const auto number = [&json, &problem](const QString &key, double minimum, double maximum, bool whole) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || !problem.isEmpty())
            return 0.0;
        const double n = value.toDouble();
        if (!value.isDouble() || !(n >= minimum && n <= maximum) || (whole && n != std::floor(n))) {
            const QString shown = value.isDouble() ? QString::number(n) : QStringLiteral("not a number");
            problem = QStringLiteral("\"%1\" must be a %2 from %3 to %4, not %5")
                          .arg(key, whole ? QStringLiteral("whole number") : QStringLiteral("number"))
                          .arg(minimum, 0, 'f', 0)
                          .arg(maximum, 0, 'f', 0)
                          .arg(shown);
        }
        return n;
    };
    SimLinkSpec spec;
    spec.lossPercent = number(QStringLiteral("lossPercent"), 0, 100, false);
    spec.duplicatePercent = number(QStringLiteral("duplicatePercent"), 0, 100, false);
    spec.delayMs = int(number(QStringLiteral("delayMs"), 0, MaxDelayMs, true));
    spec.jitterMs = int(number(QStringLiteral("jitterMs"), 0, MaxDelayMs, true));
    spec.seed = quint32(number(QStringLiteral("seed"), 0, 4294967295.0, true));
    if (!problem.isEmpty())
        return fail(problem);
    if (spec.jitterMs > spec.delayMs)
        return fail(QStringLiteral("\"jitterMs\" (%1) must not exceed \"delayMs\" (%2): a datagram cannot arrive "
                                   "before it was sent")
                        .arg(spec.jitterMs)
                        .arg(spec.delayMs));
    const QJsonValue on = json.value(QStringLiteral("on"));
    if (!on.isUndefined()) {
        const std::optional<Direction> direction = parseDirection(on.toString());
        if (!on.isString() || !direction)
            return fail(QStringLiteral("\"on\" must be \"send\" or \"receive\""));
        spec.direction = *direction;
    }
    return spec;
}

} // namespace SockPlay
