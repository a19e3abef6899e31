#pragma once

#include <QByteArray>
#include <QList>

namespace SockPlay {

/// Turns what a connection reads into messages, incrementally. The raw framer
/// is the identity: each read (each datagram) is one message, exactly as the
/// socket returned it — which is how a user sees that TCP is a stream. The
/// protocol toolkit adds delimiter, fixed-length and length-prefix framers;
/// each keeps a bounded buffer.
class Framer
{
public:
    virtual ~Framer();
    /// Each chunk is one message, as it is: the connection skips push().
    virtual bool isRaw() const { return false; }
    /// Appends the messages completed by this chunk.
    virtual void push(const QByteArray &chunk, QList<QByteArray> &messages) = 0;
    /// Forgets a partial message (the connection closed).
    virtual void reset();
};

class RawFramer final : public Framer
{
public:
    bool isRaw() const override { return true; }
    void push(const QByteArray &chunk, QList<QByteArray> &messages) override;
};

} // namespace SockPlay
