#include "logstorage.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace SockPlay {

namespace {
constexpr qint64 HugePage = 2 << 20;
constexpr qint64 LargestChunk = HugePage;
} // namespace

void PayloadArena::FreeChunk::operator()(char *bytes) const
{
    std::free(bytes);
}

PayloadArena::Chunk PayloadArena::allocateChunk(qint64 bytes)
{
    void *memory = nullptr;
    if (bytes % HugePage == 0) {
        if (posix_memalign(&memory, size_t(HugePage), size_t(bytes)) != 0)
            throw std::bad_alloc();
#ifdef Q_OS_LINUX
        // Transparent huge pages are usually "madvise" only. Where they are
        // off, this fails and the chunk gets ordinary pages.
        madvise(memory, size_t(bytes), MADV_HUGEPAGE);
#endif
    } else {
        memory = std::malloc(size_t(std::max<qint64>(bytes, 1)));
        if (!memory)
            throw std::bad_alloc();
    }
    return Chunk(static_cast<char *>(memory));
}

PayloadArena::PayloadArena(qint64 budget, int maxPerPayload, quint64 start)
{
    budget = std::max<qint64>(0, budget);
    maxPerPayload = std::max(0, maxPerPayload);
    // Chunks of 2 MiB (one huge page), smaller for a small budget (so that it still holds
    // several), never smaller than one payload.
    m_chunkBytes = std::max<qint64>(maxPerPayload, std::min<qint64>(LargestChunk, budget / 16));
    m_chunkBytes = std::min(m_chunkBytes, budget);
    m_maxPayload = int(std::min<qint64>(maxPerPayload, m_chunkBytes));
    m_maxChunks = m_chunkBytes > 0 ? quint64(budget / m_chunkBytes) : 0;
    if (m_chunkBytes > 0) {
        // Start on a chunk boundary, past every position handed out before.
        const quint64 chunk = quint64(m_chunkBytes);
        m_head = m_tail = (start + chunk - 1) / chunk * chunk;
    } else {
        m_head = m_tail = start;
    }
    m_table.resize(size_t(m_maxChunks + 2));
}

quint64 PayloadArena::store(const char *data, int len)
{
    Q_ASSERT(len > 0 && len <= m_maxPayload);
    const quint64 chunk = quint64(m_chunkBytes);
    const quint64 offset = m_head % chunk;
    if (offset != 0 && offset + quint64(len) > chunk)
        m_head += chunk - offset; // the rest of this chunk stays unused
    Slot &slot = slotOf(m_head / chunk);
    if (!slot.bytes) {
        if (m_liveChunks == m_maxChunks)
            dropOldestChunk();
        if (!m_spares.empty()) {
            slot.bytes = std::move(m_spares.back());
            m_spares.pop_back();
        } else if (!m_freed.empty()) {
            slot.bytes = std::move(m_freed.back());
            m_freed.pop_back();
        } else {
            slot.bytes = newChunk(); // fallback: normally a spare was prepared outside the lock
        }
        slot.live = 0;
        slot.payloads = 0;
        ++m_liveChunks;
    }
    const quint64 position = m_head;
    std::memcpy(slot.bytes.get() + position % chunk, data, size_t(len));
    slot.live += len;
    ++slot.payloads;
    m_bytesKept += len;
    m_head += quint64(len);
    return position;
}

const char *PayloadArena::data(quint64 position) const
{
    const quint64 chunk = quint64(m_chunkBytes);
    return m_table[(position / chunk) % m_table.size()].bytes.get() + position % chunk;
}

void PayloadArena::dropOldestChunk()
{
    const quint64 chunk = quint64(m_chunkBytes);
    Slot &slot = slotOf(m_tail / chunk);
    m_tail = (m_tail / chunk + 1) * chunk;
    if (!slot.bytes)
        return;
    m_bytesKept -= slot.live;
    m_payloadsDropped += slot.payloads;
    --m_liveChunks;
    giveSpare(std::move(slot.bytes));
}

bool PayloadArena::share(quint64 position, int len)
{
    if (len <= 0 || len > m_maxPayload || !contains(position) || position + quint64(len) > m_head)
        return false;
    Slot &slot = slotOf(position / quint64(m_chunkBytes));
    if (!slot.bytes)
        return false;
    ++slot.payloads;
    return true;
}

void PayloadArena::forget(quint64 position, int len, bool shared)
{
    if (len <= 0 || !contains(position) || m_chunkBytes == 0)
        return;
    Slot &slot = slotOf(position / quint64(m_chunkBytes));
    --slot.payloads;
    if (shared)
        return;
    slot.live -= len;
    m_bytesKept -= len;
}

void PayloadArena::releaseBefore(quint64 position)
{
    if (m_chunkBytes == 0)
        return;
    const quint64 chunk = quint64(m_chunkBytes);
    // Never the chunk being written: the next payload goes there.
    while (m_liveChunks > 0 && (m_tail / chunk + 1) * chunk <= position && m_tail / chunk < m_head / chunk) {
        dropOldestChunk(); // only bytes of events already gone: nothing counts as dropped
    }
}

void PayloadArena::reset()
{
    const quint64 dropped = m_payloadsDropped; // by the budget, not by this
    while (m_liveChunks > 0 && m_tail < m_head)
        dropOldestChunk();
    if (m_chunkBytes > 0) {
        const quint64 chunk = quint64(m_chunkBytes);
        m_head = (m_head + chunk - 1) / chunk * chunk;
    }
    m_tail = m_head;
    m_payloadsDropped = dropped;
}

void PayloadArena::giveSpare(Chunk chunk)
{
    if (m_spares.size() < 2)
        m_spares.push_back(std::move(chunk));
    else
        m_freed.push_back(std::move(chunk));
}

} // namespace SockPlay
