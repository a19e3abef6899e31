#pragma once
// The simulated UDP link's settings: a value type in EndpointConfig. The link
// itself (which datagrams it drops, duplicates, delays) is in simulatedlink.*.

#include <QString>

#include <optional>

class QJsonObject;

namespace SockPlay {

/// What a simulated UDP link does to the datagrams of one endpoint, so that a
/// class can see loss, duplication and reordering without a bad network at
/// hand. Clearly simulated: the pane and the log say so. Off (every field at
/// its default) it costs nothing.
///
/// The CLI's form: --sim-loss P --sim-dup P --sim-delay MS[±JITTER] (or
/// MS[+-JITTER]) --sim-seed N [--sim-on send|receive].
struct SimLinkSpec
{
    enum class Direction : quint8 { Send, Receive };

    double lossPercent = 0;      ///< 0..100: datagrams dropped ("dropped by the simulated link")
    double duplicatePercent = 0; ///< 0..100: datagrams delivered twice
    int delayMs = 0;             ///< each datagram held this long...
    int jitterMs = 0;            ///< ...plus or minus up to this (uniform), so datagrams reorder
    quint32 seed = 0;            ///< the same seed, the same drops, duplicates and delays (0: a random one, logged)
    Direction direction = Direction::Send; ///< applied to what this endpoint sends, or receives

    /// Any effect at all (a zero spec is no simulated link).
    bool isActive() const { return lossPercent > 0 || duplicatePercent > 0 || delayMs > 0 || jitterMs > 0; }
    /// The longest delay a datagram may be held (a minute): a typo must not hold memory for hours.
    static constexpr int MaxDelayMs = 60000;

    /// "MS", "MS±J" or "MS+-J" (milliseconds, J <= MS); the error names what is wrong.
    /// Only delayMs and jitterMs of the result are set.
    static std::optional<SimLinkSpec> parseDelay(const QString &text, QString *error);
    /// For people: "simulated link on send: 10% loss, 5% duplicates, 20±15 ms delay, seed 7".
    QString describe() const;
    /// Empty when the values make sense; else the reason, naming the field
    /// ("loss must be 0 to 100 percent (120 given)").
    QString validate() const;

    /// "send" or "receive" (the CLI's --sim-on and the session file's "on").
    static QString directionName(Direction direction);
    static std::optional<Direction> parseDirection(const QString &text);

    /// The session file's form: {"lossPercent", "duplicatePercent",
    /// "delayMs", "jitterMs", "seed", "on": "send" | "receive"}.
    QJsonObject toJson() const;
    /// Missing keys keep their defaults; a bad value or an unknown key is
    /// refused, the error naming the key ("\"lossPercent\" must be a number
    /// from 0 to 100, not 120").
    static std::optional<SimLinkSpec> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const SimLinkSpec &) const = default;
};

} // namespace SockPlay
