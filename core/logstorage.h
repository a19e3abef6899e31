#pragma once
// The event log's storage: a queue of records in fixed-size chunks, and an
// arena for payload bytes. Neither locks; EventLog holds its mutex around them.
// Both hand chunks they no longer need to the caller (a spare is kept for the
// next one), so that nothing is allocated or freed while the lock is held.

#include <QtGlobal>

#include <memory>
#include <utility>
#include <vector>

namespace SockPlay {

/// A FIFO of T addressed by absolute index (begin() <= i < end()), stored in
/// chunks of ChunkItems. A chunk is taken from the spare when the queue grows
/// into it and given back when the queue's front leaves it, so a queue that
/// stays full recycles one chunk at a time and never allocates. Indices never
/// move: nothing is ever reallocated or rotated.
template <typename T>
class ChunkedQueue
{
public:
    // 512 records of 72 bytes: a new chunk's first touch costs about nine
    // page faults, not hundreds, inside one append.
    static constexpr quint64 ChunkItems = 512;
    using Chunk = std::unique_ptr<T[]>;

    /// begin is the absolute index of the first item; capacity the most items held.
    ChunkedQueue(quint64 begin, quint64 capacity) : m_begin(begin), m_end(begin) { setCapacity(capacity); }

    quint64 begin() const { return m_begin; }
    quint64 end() const { return m_end; }
    quint64 size() const { return m_end - m_begin; }
    bool empty() const { return m_end == m_begin; }

    T &at(quint64 index) { return slot(index); }
    const T &at(quint64 index) const { return const_cast<ChunkedQueue *>(this)->slot(index); }
    T &front() { return slot(m_begin); }
    const T &front() const { return at(m_begin); }

    /// The item past the end, now part of the queue (in its default state).
    /// The caller keeps size() below the capacity.
    T &push_back()
    {
        Chunk &chunk = m_table[(m_end / ChunkItems) % m_table.size()];
        if (!chunk) {
            // Normally the spare prepared outside the lock; allocating here is the fallback.
            if (!m_spares.empty()) {
                chunk = std::move(m_spares.back());
                m_spares.pop_back();
            } else {
                chunk = Chunk(new T[ChunkItems]);
            }
            ++m_chunks;
        }
        return chunk[m_end++ % ChunkItems];
    }

    void pop_front()
    {
        slot(m_begin) = T{};
        ++m_begin;
        // The front left a chunk: nothing refers to it any more.
        if (m_begin % ChunkItems == 0)
            releaseChunk((m_begin - 1) / ChunkItems);
    }

    /// Empties the queue (indices keep counting from end()).
    void clear()
    {
        while (!empty())
            pop_front();
    }

    /// Room for at least `capacity` items (those held now stay where they are).
    void setCapacity(quint64 capacity)
    {
        const size_t tableSize = size_t(capacity / ChunkItems + 3);
        if (tableSize == m_table.size())
            return;
        std::vector<Chunk> table(tableSize);
        if (!m_table.empty()) {
            // The live chunks are those of [begin, end]; the queue must fit the new table.
            for (quint64 c = m_begin / ChunkItems; c <= m_end / ChunkItems; ++c)
                table[c % tableSize] = std::move(m_table[c % m_table.size()]);
        }
        m_table = std::move(table);
    }

    /// No spare left: the caller prepares one outside its lock.
    bool needsSpare() const { return m_spares.empty(); }
    /// Up to two spares are kept: a full queue's front hands a chunk back
    /// just as its back needs one, so it never allocates.
    void giveSpare(Chunk chunk)
    {
        if (m_spares.size() < 2)
            m_spares.push_back(std::move(chunk));
        else
            m_freed.push_back(std::move(chunk));
    }
    /// Chunks the queue let go of, for the caller to free outside its lock.
    std::vector<Chunk> takeFreed() { return std::exchange(m_freed, {}); }
    bool hasFreed() const { return !m_freed.empty(); }
    static Chunk newChunk() { return Chunk(new T[ChunkItems]); }

    /// Chunks in use or spare, in bytes.
    qint64 memoryBytes() const { return qint64(m_chunks + m_spares.size()) * qint64(sizeof(T) * ChunkItems); }

private:
    T &slot(quint64 index) { return m_table[(index / ChunkItems) % m_table.size()][index % ChunkItems]; }

    void releaseChunk(quint64 chunkNumber)
    {
        Chunk &chunk = m_table[chunkNumber % m_table.size()];
        if (!chunk)
            return;
        --m_chunks;
        giveSpare(std::move(chunk));
    }

    quint64 m_begin = 0;
    quint64 m_end = 0;
    quint64 m_chunks = 0;
    std::vector<Chunk> m_table;
    std::vector<Chunk> m_spares; // at most two
    std::vector<Chunk> m_freed;
};

/// Payload bytes, oldest first, in chunks of chunkBytes(). Positions are
/// absolute and only grow. When storing would exceed the budget, the oldest
/// chunk is let go: every payload in it is gone at once (O(1), no per-event
/// work), and contains() tells a reader so. The budget counts chunks as
/// allocated, so it bounds real memory.
class PayloadArena
{
public:
    struct FreeChunk
    {
        void operator()(char *bytes) const;
    };
    using Chunk = std::unique_ptr<char[], FreeChunk>;
    /// A chunk of bytes. Chunks of a multiple of 2 MiB are aligned and, on
    /// Linux, asked to be backed by huge pages: filling the arena the first
    /// time (128 MiB by default) then costs 64 page faults, not 32,768.
    static Chunk allocateChunk(qint64 bytes);

    /// start: the first position (after a reconfiguration, past every old one).
    PayloadArena(qint64 budget, int maxPerPayload, quint64 start = 0);

    /// The most bytes one payload may keep (0: the budget keeps none).
    int maxPayload() const { return m_maxPayload; }
    qint64 chunkBytes() const { return m_chunkBytes; }

    /// Copies len bytes (0 < len <= maxPayload()) and returns their position.
    quint64 store(const char *data, int len);
    bool contains(quint64 position) const { return position >= m_tail; }
    /// The bytes at position; the caller checked contains().
    const char *data(quint64 position) const;

    /// One more event has the len bytes at position as its payload (an echo
    /// logs the bytes it received): no copy, and the bytes count once. False
    /// if they are gone.
    bool share(quint64 position, int len);
    /// The event whose payload is at position is gone: its bytes no longer
    /// count as kept (shared: it had them from share(), they stay counted).
    void forget(quint64 position, int len, bool shared = false);
    /// Frees the chunks that hold only positions before this one (their
    /// events are gone): a full ring then recycles payload memory too.
    void releaseBefore(quint64 position);
    /// Forgets every payload (positions keep growing).
    void reset();

    /// Payload bytes of events still in the log.
    qint64 bytesKept() const { return m_bytesKept; }
    qint64 bytesAllocated() const { return qint64(m_liveChunks + m_spares.size()) * m_chunkBytes; }
    quint64 payloadsDropped() const { return m_payloadsDropped; }
    /// Payloads of events still in the log (they are lost if the arena is replaced).
    quint64 payloadsKept() const
    {
        quint64 kept = 0;
        for (const Slot &slot : m_table)
            kept += slot.bytes ? slot.payloads : 0;
        return kept;
    }
    quint64 end() const { return m_head; }

    bool needsSpare() const { return m_maxPayload > 0 && m_spares.empty(); }
    void giveSpare(Chunk chunk);
    Chunk newChunk() const { return allocateChunk(m_chunkBytes); }
    std::vector<Chunk> takeFreed() { return std::exchange(m_freed, {}); }
    bool hasFreed() const { return !m_freed.empty(); }

private:
    struct Slot
    {
        Chunk bytes;
        qint64 live = 0;      // payload bytes in it of events still in the log
        quint64 payloads = 0; // payloads in it of events still in the log
    };
    Slot &slotOf(quint64 chunkNumber) { return m_table[chunkNumber % m_table.size()]; }
    void dropOldestChunk();

    qint64 m_chunkBytes = 0;
    int m_maxPayload = 0;
    quint64 m_maxChunks = 0;
    quint64 m_head = 0; // next position to write
    quint64 m_tail = 0; // oldest position still kept
    quint64 m_liveChunks = 0;
    qint64 m_bytesKept = 0;
    quint64 m_payloadsDropped = 0;
    std::vector<Slot> m_table;
    std::vector<Chunk> m_spares; // at most two (see ChunkedQueue::giveSpare)
    std::vector<Chunk> m_freed;
};

} // namespace SockPlay
