#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace SockPlay {

/// How a stream is cut into messages; a value type. Its text form is the CLI's --frame syntax:
///   raw | line | line+cr | crlf | delim:HEX | fixed:N | len:BYTES[be|le][+incl][@OFFSET]
/// e.g. "len:2", "len:4le+incl@2", "delim:00", "delim:0d0a", "fixed:16". Options of len: be (default)
/// or le; +incl: the length counts the whole frame (header bytes before it + the length field + body),
/// otherwise only the body; @OFFSET: bytes of header before the length field (default 0).
/// "line" cuts at LF and strips one trailing CR from the payload; "line+cr" keeps it.
struct FrameSpec
{
    enum class Kind : quint8 { Raw, Line, Crlf, Delimiter, Fixed, LengthPrefix };
    static constexpr int maxLengthOffset = 1024;

    Kind kind = Kind::Raw;
    bool keepCr = false;               // Line only
    QByteArray delimiter;              // Delimiter (Line uses "\n", Crlf uses "\r\n" internally)
    int fixedBytes = 0;                // Fixed: 1 .. maxFrameBytes
    int prefixBytes = 0;               // LengthPrefix: 1, 2, 4 or 8
    bool bigEndian = true;             // LengthPrefix
    bool lengthIncludesHeader = false; // LengthPrefix
    int lengthOffset = 0;              // LengthPrefix: header bytes before the length field, 0 .. 1024
    qint64 maxFrameBytes = 1 << 20;    // any kind but Raw: bigger frames are an error, never buffered

    /// Parses the text form (lower case, no spaces). On a mistake returns std::nullopt and sets
    /// *error (if given) to a sentence that names the position counted from 1, e.g.
    /// "invalid hex digit 'g' at character 8 of \"delim:0g\"". Only the fields of the parsed kind
    /// are set; the others keep their defaults.
    static std::optional<FrameSpec> parse(const QString &text, QString *error);
    /// The text form; parse(toString()) gives an equal spec for any spec parse() returned.
    QString toString() const;
    /// For people: "lines (LF, CR stripped)", "2-byte big-endian length prefix", ...
    QString describe() const;
    /// What parse() guarantees; makeFramer() relies on it (an empty delimiter
    /// or a zero fixed size would never advance).
    bool isValid() const;
    bool operator==(const FrameSpec &) const = default;
};

/// Turns what a connection reads into messages, incrementally. The raw framer
/// is the identity: each read (each datagram) is one message, exactly as the
/// socket returned it — which is how a user sees that TCP is a stream. The
/// other framers cut the stream by delimiter, fixed length or length prefix;
/// how the bytes arrive (one at a time, many frames per read) never changes
/// the frames. Their buffer never holds more than the spec's maxFrameBytes:
/// a bigger frame is reported by takeError() and skipped as its bytes arrive.
class Framer
{
public:
    virtual ~Framer();
    /// Each chunk is one message, as it is: the connection skips push().
    virtual bool isRaw() const { return false; }
    /// Appends the frames completed by this chunk, each as it was on the wire
    /// (a line with its LF, a length-prefixed frame with its header).
    virtual void push(const QByteArray &chunk, QList<QByteArray> &messages) = 0;
    /// Forgets a partial frame and any skip state (the connection closed).
    virtual void reset();
    /// What a frame from push() carries: without its delimiter, or the body
    /// after a length prefix's header. The raw and fixed framers return it whole.
    virtual QByteArray payload(const QByteArray &frame) const;
    /// Bytes held for a frame not yet complete; never above maxFrameBytes.
    virtual qint64 bufferedBytes() const;
    /// The oversized frames met since the last call, one sentence each (joined
    /// by newlines), e.g. "a frame of 2000000 bytes is over the limit of 1048576;
    /// its bytes are dropped"; empty if none. Each frame is reported once.
    QString takeError();

protected:
    void addError(const QString &sentence);

private:
    QString m_error;
};

class RawFramer final : public Framer
{
public:
    bool isRaw() const override { return true; }
    void push(const QByteArray &chunk, QList<QByteArray> &messages) override;
};

/// The framer for a spec. The spec must be one parse() could return (a delimiter
/// of at least one byte, fixedBytes and the header within maxFrameBytes); any
/// other gets the raw framer and a warning, since it could never advance.
std::unique_ptr<Framer> makeFramer(const FrameSpec &spec);

} // namespace SockPlay
