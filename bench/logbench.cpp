// sockplay-logbench: how fast the event log takes an event, how much memory a
// million events cost, how long a view takes to read its rows, and clear().
//
// Prints one `name value unit` line per number (scripts/bench.sh reads them).
// Measurements only: nothing here passes or fails on a timing.
//
//   sockplay-logbench                   every section (memory ones in fresh processes)
//   sockplay-logbench --section NAME    one of: append, udp, tcp, ctx
//
// ctx is a diagnostic: the appends again, each bracketed by getrusage(), to
// tell slow appends from appends whose thread another process displaced.
//
// The memory sections run in a fresh process each (this program re-executes
// itself) so that what an earlier section freed, and the allocator kept, does
// not hide what the next one allocates.

#include "event.h"
#include "eventlog.h"
#include "logstorage.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <malloc.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace SockPlay;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int Events = 1000000;
constexpr int PayloadBytes = 64;
constexpr int UdpPeers = 1000;
constexpr int TcpConnections = 50;
constexpr int ViewRows = 1000;

qint64 nsSince(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

/// A field of /proc/self/status in bytes (VmRSS, VmHWM), -1 when unknown.
qint64 procStatusBytes(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ':';
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) == 0)
            return std::stoll(line.substr(prefix.size())) * 1024; // "VmRSS:   1234 kB"
    }
    return -1;
}

/// Minor page faults of this process so far (first touches of fresh memory).
qint64 minorFaults()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

void print(const char *name, double value, const char *unit)
{
    std::printf("%s %.6g %s\n", name, value, unit);
}

void print(const std::string &name, double value, const char *unit)
{
    print(name.c_str(), value, unit);
}

std::vector<EventSourcePtr> udpPeers(int count)
{
    std::vector<EventSourcePtr> sources;
    sources.reserve(size_t(count));
    const QHostAddress local(QHostAddress::LocalHost);
    for (int i = 0; i < count; ++i) {
        sources.push_back(makeEventSource(1, i + 1, QStringLiteral("udp"), local, 9000, local,
                                          quint16(20000 + i)));
    }
    return sources;
}

std::vector<EventSourcePtr> tcpConnections(int count)
{
    std::vector<EventSourcePtr> sources;
    sources.reserve(size_t(count));
    const QHostAddress local(QHostAddress::LocalHost);
    for (int i = 0; i < count; ++i) {
        sources.push_back(makeEventSource(1, i + 1, QStringLiteral("server"), local, 5000, local,
                                          quint16(40000 + i)));
    }
    return sources;
}

EventLog::Limits millionLimits()
{
    EventLog::Limits limits; // the default payload budget and per-event cap
    limits.capacity = Events;
    return limits;
}

/// Times `count` single appends; prints median, p99, p99.9, max, mean, and
/// where the slow ones (over 100 us) fell: on the append that starts a new
/// chunk of records (every ChunkItems) or of payload bytes (every 1 MiB / 64 B).
void timeAppends(EventLog &log, const std::vector<EventSourcePtr> &sources, const QByteArray &payload,
                 int count, const std::string &prefix, std::vector<qint64> &times)
{
    constexpr quint64 RecordsPerChunk = ChunkedQueue<int>::ChunkItems; // the same for every item type
    constexpr quint64 PayloadsPerChunk = (1 << 20) / PayloadBytes;     // the arena's 1 MiB chunks
    times.assign(size_t(count), 0);
    std::vector<quint64> slow;
    std::vector<qint64> chunkStarts; // the appends that start a chunk of records
    std::vector<std::pair<quint64, qint64>> worst; // appends over 1 ms: sequence, ns
    const qint64 faults = minorFaults();
    const auto all = Clock::now();
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        const quint64 seq = log.append(EventKind::DatagramReceived, sources[size_t(i) % sources.size()], payload);
        const qint64 ns = nsSince(start);
        times[size_t(i)] = ns;
        if (ns > 100000)
            slow.push_back(seq);
        if (seq % RecordsPerChunk == 0)
            chunkStarts.push_back(ns);
        if (ns > 1000000)
            worst.emplace_back(seq, ns);
    }
    const qint64 total = nsSince(all);
    const qint64 faulted = minorFaults() - faults;
    const qint64 overOneMs = std::count_if(times.begin(), times.end(), [](qint64 t) { return t > 1000000; });
    const auto atRecordChunk = std::count_if(slow.begin(), slow.end(), [](quint64 s) { return s % RecordsPerChunk == 0; });
    const auto atPayloadChunk = std::count_if(slow.begin(), slow.end(), [](quint64 s) {
        return s % RecordsPerChunk != 0 && (s - 1) % PayloadsPerChunk == 0;
    });
    std::sort(times.begin(), times.end());
    print(prefix + "_median", double(times[times.size() / 2]), "ns");
    print(prefix + "_p99", double(times[times.size() * 99 / 100]), "ns");
    print(prefix + "_p999", double(times[times.size() * 999 / 1000]), "ns");
    print(prefix + "_max", double(times.back()), "ns");
    print(prefix + "_mean_wall", double(total) / count, "ns");
    print(prefix + "_over_1ms", double(overOneMs), "appends");
    print(prefix + "_over_100us", double(slow.size()), "appends");
    print(prefix + "_over_100us_at_record_chunk", double(atRecordChunk), "appends");
    print(prefix + "_over_100us_at_payload_chunk", double(atPayloadChunk), "appends");
    print(prefix + "_minor_faults", double(faulted), "faults");
    if (!chunkStarts.empty()) {
        std::sort(chunkStarts.begin(), chunkStarts.end());
        print(prefix + "_record_chunk_start_median", double(chunkStarts[chunkStarts.size() / 2]), "ns");
    }
    // The first few appends over 1 ms, and whether they started a chunk of records.
    for (size_t i = 0; i < std::min<size_t>(worst.size(), 5); ++i) {
        std::printf("# %s: sequence %llu took %.3f ms (starts a chunk of records: %s)\n", prefix.c_str(),
                    static_cast<unsigned long long>(worst[i].first), double(worst[i].second) / 1e6,
                    worst[i].first % RecordsPerChunk == 0 ? "yes" : "no");
    }
    if (worst.size() > 5)
        std::printf("# %s: %zu more over 1 ms\n", prefix.c_str(), worst.size() - 5);
}

void appendSection()
{
    // What the two clock reads around an append cost on their own.
    std::vector<qint64> empty(100000);
    for (auto &t : empty) {
        const auto start = Clock::now();
        t = nsSince(start);
    }
    std::sort(empty.begin(), empty.end());
    print("clock_overhead_median", double(empty[empty.size() / 2]), "ns");

    const auto sources = udpPeers(UdpPeers);
    const QByteArray payload(PayloadBytes, 'x');
    EventLog log(millionLimits());
    std::vector<qint64> times;
    timeAppends(log, sources, payload, Events, "append_fill", times);
    // The log is full: every append now evicts the oldest event.
    timeAppends(log, sources, payload, Events, "append_steady", times);
    const EventLog::Totals totals = log.totals();
    print("append_steady_kept", double(totals.kept), "events");
    print("append_steady_dropped", double(totals.dropped), "events");
}

/// Diagnostic: the same appends, each bracketed by getrusage(RUSAGE_THREAD),
/// to tell an append that was slow by itself from one whose thread was
/// switched out (another process ran on a shared core) or took page faults.
/// The two system calls stay outside the timed interval, so an append counts
/// as preempted if a switch happened anywhere in the bracket (conservative).
void timeAppendsWithRusage(EventLog &log, const std::vector<EventSourcePtr> &sources, const QByteArray &payload,
                           int count, const std::string &prefix)
{
    qint64 overOneMs = 0;
    qint64 preempted = 0; // over 1 ms, with a context switch in its bracket
    qint64 faulted = 0;   // over 1 ms, page faults but no switch
    qint64 neither = 0;   // over 1 ms, neither
    qint64 maxUnswitched = 0; // the slowest append whose thread was never switched out
    rusage before{};
    rusage after{};
    for (int i = 0; i < count; ++i) {
        getrusage(RUSAGE_THREAD, &before);
        const auto start = Clock::now();
        log.append(EventKind::DatagramReceived, sources[size_t(i) % sources.size()], payload);
        const qint64 ns = nsSince(start);
        getrusage(RUSAGE_THREAD, &after);
        const bool switched = after.ru_nivcsw != before.ru_nivcsw || after.ru_nvcsw != before.ru_nvcsw;
        if (!switched)
            maxUnswitched = std::max(maxUnswitched, ns);
        if (ns <= 1000000)
            continue;
        ++overOneMs;
        if (switched)
            ++preempted;
        else if (after.ru_minflt != before.ru_minflt || after.ru_majflt != before.ru_majflt)
            ++faulted;
        else
            ++neither;
    }
    print(prefix + "_over_1ms", double(overOneMs), "appends");
    print(prefix + "_over_1ms_switched_out", double(preempted), "appends");
    print(prefix + "_over_1ms_faults_only", double(faulted), "appends");
    print(prefix + "_over_1ms_neither", double(neither), "appends");
    print(prefix + "_max_not_switched_out", double(maxUnswitched), "ns");
}

void preemptionSection()
{
    const auto sources = udpPeers(UdpPeers);
    const QByteArray payload(PayloadBytes, 'x');
    EventLog log(millionLimits());
    timeAppendsWithRusage(log, sources, payload, Events, "ctx_fill");
    timeAppendsWithRusage(log, sources, payload, Events, "ctx_steady");
}

/// Fills a fresh log with a million 64-byte data events; prints memory per event.
/// udp: datagrams from 1,000 peers; otherwise Received chunks on 50 connections.
/// The udp run then times reading the last rows and clear().
void memorySection(bool udp)
{
    const std::string prefix = udp ? "mem_udp" : "mem_tcp";
    const auto sources = udp ? udpPeers(UdpPeers) : tcpConnections(TcpConnections);
    const QByteArray payload(PayloadBytes, 'x');
    std::vector<qint64> offsets(sources.size(), 0);

    const qint64 rssBefore = procStatusBytes("VmRSS");
    auto log = std::make_unique<EventLog>(millionLimits());
    const auto start = Clock::now();
    for (int i = 0; i < Events; ++i) {
        const size_t s = size_t(i) % sources.size();
        if (udp) {
            log->append(EventKind::DatagramReceived, sources[s], payload);
        } else {
            log->append(EventKind::Received, sources[s], payload, -1, offsets[s]);
            offsets[s] += PayloadBytes;
        }
    }
    const qint64 fillNs = nsSince(start);
    const qint64 rssAfter = procStatusBytes("VmRSS");
    const EventLog::Totals totals = log->totals();

    print(prefix + "_fill_mean", double(fillNs) / Events, "ns/event");
    print(prefix + "_rss_before", double(rssBefore) / 1e6, "MB");
    print(prefix + "_rss_after", double(rssAfter) / 1e6, "MB");
    print(prefix + "_per_event_rss", double(rssAfter - rssBefore) / Events, "bytes/event");
    print(prefix + "_per_event_totals", double(totals.memoryBytes) / Events, "bytes/event");
    print(prefix + "_totals_memory", double(totals.memoryBytes) / 1e6, "MB");
    print(prefix + "_kept", double(totals.kept), "events");
    if (!udp)
        return;

    // What a view does per row: event(seq) for the rows on screen, here the last 1,000.
    const EventLog::Layout layout = log->layout();
    qint64 best = -1;
    qint64 first = -1;
    qint64 bytes = 0;
    for (int round = 0; round < 5; ++round) {
        const auto readStart = Clock::now();
        for (quint64 seq = layout.ringEnd - ViewRows; seq < layout.ringEnd; ++seq) {
            const std::optional<Event> event = log->event(seq);
            bytes += event ? event->payload.size() + event->peerText().size() : 0;
        }
        const qint64 ns = nsSince(readStart);
        if (first < 0)
            first = ns;
        best = best < 0 ? ns : std::min(best, ns);
    }
    if (bytes == 0)
        std::printf("# view read found no rows\n");
    print("view_last1000_first", double(first) / 1e3, "us");
    print("view_last1000_best", double(best) / 1e3, "us");
    print("view_per_row_best", double(best) / ViewRows, "ns/row");

    const qint64 rssFull = procStatusBytes("VmRSS");
    const auto clearStart = Clock::now();
    log->clear();
    const qint64 clearNs = nsSince(clearStart);
    const qint64 rssCleared = procStatusBytes("VmRSS");
    print("clear_time", double(clearNs) / 1e3, "us");
    print("clear_rss_before", double(rssFull) / 1e6, "MB");
    print("clear_rss_after", double(rssCleared) / 1e6, "MB");
    print("clear_totals_memory_after", double(log->totals().memoryBytes) / 1e6, "MB");
    // Diagnostic: what the allocator kept rather than the log.
    malloc_trim(0);
    print("clear_rss_after_malloc_trim", double(procStatusBytes("VmRSS")) / 1e6, "MB");
}

/// Runs this program again with `--section name`; its lines go to our stdout.
bool runSection(const char *name)
{
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        execl("/proc/self/exe", "sockplay-logbench", "--section", name, static_cast<char *>(nullptr));
        std::perror("exec");
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

int main(int argc, char **argv)
{
    // The log's batch timer needs an application object (no event loop runs).
    QCoreApplication app(argc, argv);
    std::string section;
    if (argc == 3 && std::strcmp(argv[1], "--section") == 0)
        section = argv[2];
    else if (argc != 1) {
        std::fprintf(stderr, "usage: %s [--section append|udp|tcp|ctx]\n", argv[0]);
        return 2;
    }

    if (section == "append") {
        appendSection();
    } else if (section == "udp") {
        memorySection(true);
    } else if (section == "tcp") {
        memorySection(false);
    } else if (section == "ctx") {
        preemptionSection();
    } else if (section.empty()) {
        bool ok = true;
        for (const char *name : {"append", "udp", "tcp", "ctx"})
            ok = runSection(name) && ok;
        return ok ? 0 : 1;
    } else {
        std::fprintf(stderr, "unknown section %s\n", section.c_str());
        return 2;
    }
    std::fflush(stdout);
    return 0;
}
