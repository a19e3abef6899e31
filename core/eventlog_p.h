#pragma once
// EventLog's private parts shared by its two translation units: eventlog.cpp
// (storage, eviction, reads) and eventlogqueries.cpp (from messages back to
// reads). Not part of the core's API: include it from those two files only.

#include "eventlog.h"

namespace SockPlay {

/// One event as the ring stores it: integers, a shared source, a payload
/// position in the arena. 72 bytes on a 64-bit machine.
struct EventLog::Record
{
    qint64 timeNs = 0;
    qint64 byteCount = 0;
    qint64 streamOffset = -1;
    quint64 payloadPosition = 0;
    quint32 payloadLength = 0;
    EventKind kind = EventKind::Note;
    quint8 flags = 0;
    bool payloadShared = false; // the bytes are another event's (PayloadArena::share)
    EventSourcePtr source;
    QString detail;
};

/// An event that outlived the ring (sequence > 0), or a marker standing for
/// `dropped` events dropped between its neighbours (sequence == 0).
struct EventLog::KeptItem
{
    quint64 sequence = 0;
    quint64 dropped = 0;
    Record record;
};

} // namespace SockPlay
