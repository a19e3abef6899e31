#pragma once
// The simulated UDP link's settings: a value type in EndpointConfig. The link
// itself (which datagrams it drops, duplicates, delays) is in simulatedlink.*.

#include <QString>

#include <optional>

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
    quint32 seed = 0;            ///< the same seed, the same drops, duplicates and delays
    Direction direction = Direction::Send; ///< applied to what this endpoint sends, or receives

    /// Any effect at all (a zero spec is no simulated link).
    bool isActive() const { return lossPercent > 0 || duplicatePercent > 0 || delayMs > 0 || jitterMs > 0; }
    /// "MS", "MS±J" or "MS+-J" (milliseconds, J <= MS); the error names what is wrong.
    static std::optional<SimLinkSpec> parseDelay(const QString &text, QString *error);
    /// For people: "simulated link on send: 10% loss, 5% duplicates, 20±15 ms delay, seed 7".
    QString describe() const;

    bool operator==(const SimLinkSpec &) const = default;
};

} // namespace SockPlay
