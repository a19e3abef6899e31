#include "framer.h"

namespace SockPlay {

Framer::~Framer() = default;

void Framer::reset() {}

void RawFramer::push(const QByteArray &chunk, QList<QByteArray> &messages)
{
    messages.append(chunk);
}

} // namespace SockPlay
