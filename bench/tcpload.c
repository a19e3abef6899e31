/* sockplay-tcpload: load for an echo server on loopback; prints "key value" lines.
 *
 *   clients N [--host H] --port P [--rounds R] [--sample S] [--seconds T] [--rss-pid PID]
 *       Opens N connections at once (nonblocking connect, all in flight): connect_all_ms
 *       is first connect() to last established. Then sequential 64-byte round trips, one
 *       client at a time, through every client or S of them spread over all (default
 *       1000): seq_rtt_us_median / _p99. Then R bursts (default 5): every client sends
 *       64 bytes at once, timed until every echo is back (burst_ms: the median).
 *       connected: clients that got a correct echo; refused_or_closed: clients the
 *       server refused or closed; no_reply: clients still silent after 10 s. With
 *       --rss-pid, the resident memory of PID and all its descendants (socat's children)
 *       while every client is still connected: server_rss_kb (VmRSS), server_pss_kb.
 *   pingpong --port P [--count M]       one connection, M sequential 64-byte round trips
 *   bulk --port P [--bytes B]           one connection sends B bytes (default 1 GiB) of a
 *       pseudo-random pattern while reading the echo; every byte is checked (bulk_verified)
 *   udp-pingpong --port P [--count M]   64-byte datagrams, one outstanding; a datagram not
 *       back in 200 ms is lost and the next is sent
 *   udp-window --port P [--count M] [--window W]   W datagrams outstanding (default 64),
 *       each with its sequence number; every echo must have exactly the length and content
 *       sent; one not back in 1 s is lost (udp_late: came back later after all)
 *
 * Every mode stops after --seconds T (default 60) and prints what it got then. Payloads
 * are always verified. Plain C, epoll, no Qt: the client never is the slow side. */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { Msg = 64, Chunk = 256 * 1024, Period = 1048573 /* a prime: the bulk pattern's period */ };

static struct {
    const char *host;
    int port, rounds, sample, window, rss_pid;
    long long count, bytes;
    double seconds;
} opt = {"127.0.0.1", 0, 5, 1000, 64, 0, 0, 1LL << 30, 60};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t mix(uint64_t x) /* splitmix64 */
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/* The 64 bytes a message with this key carries: the key, then bytes derived from it. */
static void message(char *out, uint64_t key)
{
    memcpy(out, &key, 8);
    for (int i = 8; i < Msg; i += 8) {
        uint64_t v = mix(key * 8 + (uint64_t)i);
        memcpy(out + i, &v, 8);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double quantile(double *v, long n, double q) /* sorts v */
{
    if (n <= 0)
        return 0;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    long i = (long)(q * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

static struct sockaddr_in server(void)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)opt.port)};
    if (inet_pton(AF_INET, opt.host, &a.sin_addr) != 1) {
        fprintf(stderr, "tcpload: %s is not an IPv4 address\n", opt.host);
        exit(2);
    }
    return a;
}

static int connect_blocking(int type)
{
    struct sockaddr_in a = server();
    int one = 1, fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
    if (type == SOCK_STREAM)
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct timeval tv = {5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("tcpload: connect");
        exit(1);
    }
    return fd;
}

/* ------------------------------------------------------------------ memory of the server */
static long status_kb(int pid, const char *field, const char *file)
{
    char path[64], line[256];
    long kb = -1;
    size_t len = strlen(field);
    snprintf(path, sizeof path, "/proc/%d/%s", pid, file);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, len) == 0 && line[len] == ':') {
            kb = atol(line + len + 1);
            break;
        }
    if (f)
        fclose(f);
    return kb;
}

static int parent_of(int pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = 0;
    char *close_paren = strrchr(buf, ')'); /* "pid (comm) state ppid ..." */
    int ppid = -1;
    if (close_paren)
        sscanf(close_paren + 1, " %*c %d", &ppid);
    return ppid;
}

static void server_memory(int root)
{
    int cap = 1024, n = 0, *pids = malloc(sizeof(int) * (size_t)cap), *parents = malloc(sizeof(int) * (size_t)cap);
    DIR *d = opendir("/proc");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        int pid = atoi(e->d_name);
        if (pid <= 0)
            continue;
        if (n == cap) {
            cap *= 2;
            pids = realloc(pids, sizeof(int) * (size_t)cap);
            parents = realloc(parents, sizeof(int) * (size_t)cap);
        }
        pids[n] = pid;
        parents[n++] = parent_of(pid);
    }
    if (d)
        closedir(d);
    /* root and its descendants (socat's children): a pass per generation */
    int top = root;
    for (int i = 0; i < n; ++i)
        top = pids[i] > top ? pids[i] : top;
    char *member = calloc((size_t)top + 1, 1), *in = calloc((size_t)n + 1, 1);
    member[root] = 1;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < n; ++i)
            if (!in[i] && (member[pids[i]] || (parents[i] > 0 && parents[i] <= top && member[parents[i]])))
                in[i] = member[pids[i]] = 1, changed = 1;
    }
    long rss = 0, pss = 0, procs = 0;
    for (int i = 0; i < n; ++i) {
        if (!in[i])
            continue;
        long r = status_kb(pids[i], "VmRSS", "status"), p = status_kb(pids[i], "Pss", "smaps_rollup");
        if (r >= 0)
            rss += r, ++procs;
        if (p >= 0)
            pss += p;
    }
    printf("server_rss_kb %ld\nserver_pss_kb %ld\nserver_procs %ld\n", rss, pss, procs);
    free(pids), free(parents), free(in), free(member);
}

/* ------------------------------------------------------------------ clients N */
enum { Connecting, Open, Closed, Failed, Silent };
struct client {
    int fd, state, got, expecting, served;
    char want[Msg], in[Msg];
};
static struct client *cl;
static long n_clients, bad_echo, unexpected, closed_eof, closed_reset;
static double last_established;

static void raise_nofile(long want)
{
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur != RLIM_INFINITY && (long)rl.rlim_cur < want) {
        if (rl.rlim_max != RLIM_INFINITY && (long)rl.rlim_max < want)
            rl.rlim_max = (rlim_t)want; /* works as root */
        rl.rlim_cur = (rlim_t)want;
        if (setrlimit(RLIMIT_NOFILE, &rl) < 0) {
            getrlimit(RLIMIT_NOFILE, &rl);
            rl.rlim_cur = rl.rlim_max;
            setrlimit(RLIMIT_NOFILE, &rl);
            fprintf(stderr, "tcpload: only %ld descriptors allowed\n", (long)rl.rlim_cur);
        }
    }
}

/* Handles one epoll event of client i. */
static void client_event(int ep, long i, unsigned events)
{
    struct client *c = &cl[i];
    if (c->state == Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err || (events & (EPOLLERR | EPOLLHUP))) {
            c->state = Failed;
            epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
            return;
        }
        c->state = Open;
        last_established = now();
        struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.u64 = (uint64_t)i};
        epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
        return;
    }
    if (c->state != Open)
        return;
    for (;;) {
        char buf[4096];
        ssize_t n = recv(c->fd, buf, sizeof buf, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (n <= 0) {
            c->state = Closed; /* the server closed it, reset it, or turned it away */
            if (n == 0)
                ++closed_eof;
            else
                ++closed_reset;
            epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
            return;
        }
        for (ssize_t k = 0; k < n; ++k) {
            if (!c->expecting) {
                ++unexpected;
                continue;
            }
            c->in[c->got++] = buf[k];
            if (c->got == Msg) {
                c->expecting = 0;
                if (memcmp(c->in, c->want, Msg) == 0)
                    c->served = 1;
                else
                    ++bad_echo;
            }
        }
    }
}

static int pump(int ep, int timeout_ms)
{
    struct epoll_event evs[512];
    int n = epoll_wait(ep, evs, 512, timeout_ms);
    for (int k = 0; k < n; ++k)
        client_event(ep, (long)evs[k].data.u64, evs[k].events);
    return n;
}

static int send_message(long i, uint64_t round)
{
    struct client *c = &cl[i];
    message(c->want, ((uint64_t)i << 24) | round);
    c->got = 0;
    c->expecting = 1;
    if (send(c->fd, c->want, Msg, MSG_NOSIGNAL) == Msg)
        return 1;
    c->expecting = 0;
    c->state = Closed;
    return 0;
}

static int run_clients(void)
{
    const double deadline = now() + opt.seconds;
    raise_nofile(n_clients + 64);
    cl = calloc((size_t)n_clients, sizeof *cl);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct sockaddr_in a = server();
    long failed_at_once = 0;

    /* all connects in flight at once */
    const double t0 = now();
    for (long i = 0; i < n_clients; ++i) {
        int one = 1, fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        cl[i].fd = fd;
        cl[i].state = Failed;
        if (fd < 0) {
            ++failed_at_once;
            continue;
        }
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        int r = connect(fd, (struct sockaddr *)&a, sizeof a);
        if (r < 0 && errno != EINPROGRESS) {
            ++failed_at_once;
            continue;
        }
        cl[i].state = Connecting;
        struct epoll_event ev = {.events = EPOLLOUT, .data.u64 = (uint64_t)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    }
    const double connect_deadline = now() + 30 < deadline ? now() + 30 : deadline;
    long pending = 1;
    while (pending && now() < connect_deadline) {
        pump(ep, 100);
        pending = 0;
        for (long i = 0; i < n_clients; ++i)
            pending += cl[i].state == Connecting;
    }
    long established = 0, failed = 0;
    for (long i = 0; i < n_clients; ++i) {
        established += cl[i].state == Open || cl[i].state == Closed;
        failed += cl[i].state == Failed;
    }
    printf("clients %ld\nestablished %ld\nconnect_failed %ld\nconnect_pending %ld\n", n_clients, established,
           failed, pending);
    printf("connect_all_ms %.1f\n", established ? (last_established - t0) * 1e3 : -1.0);
    if (failed_at_once)
        fprintf(stderr, "tcpload: %ld connects failed at once (descriptors? ports?)\n", failed_at_once);
    fflush(stdout);

    /* sequential round trips: every open client, or a sample spread over all of them */
    pump(ep, 0);
    long open_now = 0, *order = malloc(sizeof(long) * (size_t)n_clients);
    for (long i = 0; i < n_clients; ++i)
        if (cl[i].state == Open)
            order[open_now++] = i;
    long step = open_now > opt.sample && opt.sample > 0 ? open_now / opt.sample : 1;
    double *rtt = malloc(sizeof(double) * (size_t)(open_now / step + 1));
    long samples = 0, seq_timeouts = 0;
    const double seq_start = now();
    const double seq_deadline = seq_start + opt.seconds / 3 < deadline ? seq_start + opt.seconds / 3 : deadline;
    for (long k = 0; k < open_now && now() < seq_deadline; k += step) {
        long i = order[k];
        if (cl[i].state != Open)
            continue;
        double start = now();
        if (!send_message(i, 0))
            continue;
        while (cl[i].expecting && cl[i].state == Open && now() < start + 5 && now() < seq_deadline)
            pump(ep, 50);
        if (cl[i].served && !cl[i].expecting)
            rtt[samples++] = (now() - start) * 1e6;
        else if (cl[i].state == Open)
            ++seq_timeouts, cl[i].state = Silent; /* left out of the bursts */
    }
    printf("seq_samples %ld\nseq_timeouts %ld\nseq_phase_s %.2f\n", samples, seq_timeouts, now() - seq_start);
    printf("seq_rtt_us_median %.1f\n", quantile(rtt, samples, 0.5));
    printf("seq_rtt_us_p99 %.1f\n", quantile(rtt, samples, 0.99));
    fflush(stdout);

    /* bursts: every open client sends at once, until every echo is back */
    double *burst = malloc(sizeof(double) * (size_t)(opt.rounds + 1));
    long bursts = 0, burst_clients = 0, timed_out_rounds = 0;
    const double bursts_start = now();
    for (int round = 1; round <= opt.rounds && now() < deadline; ++round) {
        pump(ep, 0);
        long waiting = 0;
        double start = now();
        for (long i = 0; i < n_clients; ++i)
            if (cl[i].state == Open)
                waiting += send_message(i, (uint64_t)round);
        const long sent = waiting;
        double round_deadline = now() + 10 < deadline ? now() + 10 : deadline;
        while (waiting && now() < round_deadline) {
            pump(ep, 50);
            waiting = 0;
            for (long i = 0; i < n_clients; ++i)
                waiting += cl[i].state == Open && cl[i].expecting;
        }
        double took = now() - start;
        if (waiting) { /* silent clients: no echo in 10 s; left out of later rounds */
            for (long i = 0; i < n_clients; ++i)
                if (cl[i].state == Open && cl[i].expecting)
                    cl[i].state = Silent;
            fprintf(stderr, "tcpload: burst %d: %ld clients without an echo after %.1f s: left out, round not "
                            "counted\n", round, waiting, took);
            ++timed_out_rounds;
            continue;
        }
        burst[bursts++] = took * 1e3;
        burst_clients = sent; /* the clients of the rounds counted */
    }
    double burst_median = quantile(burst, bursts, 0.5);
    printf("burst_rounds_timed_out %ld\n", timed_out_rounds);
    printf("bursts %ld\nburst_clients %ld\nburst_ms %.2f\nbursts_phase_s %.2f\n", bursts, burst_clients,
           burst_median, now() - bursts_start);
    printf("burst_per_msg_us %.2f\n", burst_clients ? burst_median * 1e3 / (double)burst_clients : 0.0);

    /* who was served: memory now, while every client is still connected */
    pump(ep, 0);
    long connected = 0, closed = 0, silent = 0, never = 0;
    for (long i = 0; i < n_clients; ++i) {
        connected += cl[i].served;
        closed += cl[i].state == Closed || cl[i].state == Failed;
        silent += cl[i].state == Silent;
        never += cl[i].state == Open && !cl[i].served;
    }
    if (opt.rss_pid > 0) {
        double t = now();
        server_memory(opt.rss_pid);
        printf("memory_read_s %.2f\n", now() - t);
    }
    printf("connected %ld\nrefused_or_closed %ld\nno_reply %ld\nnever_asked %ld\n", connected, closed, silent,
           never);
    printf("closed_eof %ld\nclosed_reset %ld\n", closed_eof, closed_reset);
    printf("bad_echo %ld\nunexpected_bytes %ld\nall_served %d\n", bad_echo, unexpected,
           connected == n_clients && bad_echo == 0);
    double t = now();
    for (long i = 0; i < n_clients; ++i)
        if (cl[i].fd >= 0)
            close(cl[i].fd);
    printf("close_s %.2f\ntotal_s %.2f\n", now() - t, now() - t0);
    return 0;
}

/* ------------------------------------------------------------------ pingpong */
static int read_full(int fd, char *buf, size_t len)
{
    for (size_t got = 0; got < len;) {
        ssize_t n = recv(fd, buf + got, len - got, 0);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return 0;
        }
        got += (size_t)n;
    }
    return 1;
}

static int run_pingpong(void)
{
    int fd = connect_blocking(SOCK_STREAM);
    long long warmup = opt.count / 10 < 100 ? opt.count / 10 : 100, done = 0, bad = 0;
    double *rtt = malloc(sizeof(double) * (size_t)(opt.count + 1)), start = 0, deadline = now() + opt.seconds;
    char want[Msg], got[Msg];
    for (long long i = -warmup; i < opt.count && now() < deadline; ++i) {
        if (i == 0)
            start = now();
        message(want, (uint64_t)(i + warmup));
        double t = now();
        if (send(fd, want, Msg, MSG_NOSIGNAL) != Msg || !read_full(fd, got, Msg)) {
            fprintf(stderr, "tcpload: pingpong: the connection ended after %lld round trips\n", done);
            break;
        }
        if (memcmp(want, got, Msg) != 0)
            ++bad;
        if (i >= 0)
            rtt[done++] = (now() - t) * 1e6;
    }
    double took = now() - start;
    printf("pingpong_count %lld\npingpong_bad %lld\n", done, bad);
    printf("pingpong_per_s %.0f\n", done && took > 0 ? (double)done / took : 0.0);
    printf("pingpong_rtt_us %.1f\n", quantile(rtt, done, 0.5));
    printf("pingpong_rtt_us_p99 %.1f\n", quantile(rtt, done, 0.99));
    printf("pingpong_ok %d\n", done == opt.count && bad == 0);
    close(fd);
    return 0;
}

/* ------------------------------------------------------------------ bulk */
/* The stream is pattern[offset % Period]: a pseudo-random table whose length is a prime,
 * kept twice over so any chunk up to Period bytes long is one contiguous run. A byte lost,
 * doubled or moved shows unless the shift is a multiple of Period, and the count must match. */
static int run_bulk(void)
{
    int fd = connect_blocking(SOCK_STREAM), ep = epoll_create1(EPOLL_CLOEXEC);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    char *pattern = malloc(2 * (size_t)Period + 8), *buf = malloc(Chunk);
    for (long k = 0; k < 2 * Period; k += 8) {
        uint64_t v = mix((uint64_t)(k % Period) * 0x100000001ull + 12345);
        memcpy(pattern + k, &v, 8);
    }
    memcpy(pattern + Period, pattern, Period); /* the second copy, exactly the first */
    const long long total = opt.bytes;
    long long sent = 0, received = 0, first_bad = -1;
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT}, evs[4];
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    const double start = now(), deadline = start + opt.seconds;
    int ended = 0;
    while (received < total && !ended && now() < deadline) {
        int n = epoll_wait(ep, evs, 4, 200);
        if (n <= 0)
            continue;
        unsigned events = evs[0].events;
        if ((events & EPOLLOUT) && sent < total) {
            for (int tries = 0; tries < 4 && sent < total; ++tries) {
                long long len = total - sent < Chunk ? total - sent : Chunk;
                ssize_t w = send(fd, pattern + sent % Period, (size_t)len, MSG_NOSIGNAL);
                if (w <= 0) {
                    if (w < 0 && errno != EAGAIN && errno != EINTR)
                        ended = 1;
                    break;
                }
                sent += w;
            }
            if (sent == total) {
                ev.events = EPOLLIN;
                epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
            }
        }
        if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
            for (int tries = 0; tries < 4; ++tries) {
                ssize_t r = recv(fd, buf, Chunk, 0);
                if (r <= 0) {
                    if (r == 0 || (errno != EAGAIN && errno != EINTR))
                        ended = 1;
                    break;
                }
                if (received + r > total) {
                    if (first_bad < 0)
                        first_bad = total; /* more came back than was sent */
                    r = total - received;
                }
                if (first_bad < 0 && memcmp(buf, pattern + received % Period, (size_t)r) != 0) {
                    long long k = 0;
                    while (buf[k] == pattern[(received + k) % Period])
                        ++k;
                    first_bad = received + k;
                }
                received += r;
            }
        }
    }
    const double took = now() - start;
    if (received < total)
        fprintf(stderr, "tcpload: bulk: %lld of %lld bytes back (%s)\n", received, total,
                ended ? "the connection ended" : "out of time");
    printf("bulk_bytes %lld\nbulk_sent %lld\nbulk_received %lld\n", total, sent, received);
    printf("bulk_s %.3f\nbulk_mb_s %.1f\n", took, (double)received / took / 1e6);
    if (first_bad >= 0)
        printf("bulk_first_bad_offset %lld\n", first_bad);
    printf("bulk_verified %d\n", received == total && first_bad < 0);
    close(fd);
    return 0;
}

/* ------------------------------------------------------------------ UDP */
/* Accepts only the datagram of this sequence number, exactly: 64 bytes, the same content. */
static int udp_check(const char *buf, ssize_t len, uint64_t *seq)
{
    char want[Msg];
    if (len != Msg)
        return 0;
    memcpy(seq, buf, 8);
    message(want, *seq);
    return memcmp(want, buf, Msg) == 0;
}

static int run_udp_pingpong(void)
{
    int fd = connect_blocking(SOCK_DGRAM);
    double *rtt = malloc(sizeof(double) * (size_t)(opt.count + 1));
    long long done = 0, lost = 0, bad = 0, stale = 0;
    uint64_t seq = 0;
    char out[Msg], in[2048];
    const double start = now(), deadline = start + opt.seconds;
    while (done < opt.count && now() < deadline) {
        message(out, ++seq);
        const double t = now();
        if (send(fd, out, Msg, 0) != Msg) {
            ++lost; /* ECONNREFUSED: nobody bound yet, or the server went away */
            usleep(1000);
            continue;
        }
        for (;;) {
            int wait_ms = (int)((t + 0.2 - now()) * 1e3);
            struct pollfd p = {.fd = fd, .events = POLLIN};
            if (wait_ms < 0 || poll(&p, 1, wait_ms) <= 0) {
                ++lost;
                break;
            }
            uint64_t got;
            ssize_t n = recv(fd, in, sizeof in, MSG_DONTWAIT);
            if (n < 0)
                continue;
            if (!udp_check(in, n, &got)) {
                ++bad;
                continue;
            }
            if (got != seq) {
                ++stale; /* a late answer to a datagram already counted lost */
                continue;
            }
            rtt[done++] = (now() - t) * 1e6;
            break;
        }
    }
    const double took = now() - start;
    printf("udp_pingpong_count %lld\nudp_pingpong_lost %lld\nudp_pingpong_late %lld\n", done, lost, stale);
    printf("udp_pingpong_per_s %.0f\n", took > 0 ? (double)done / took : 0.0);
    printf("udp_rtt_us %.1f\nudp_rtt_us_p99 %.1f\n", quantile(rtt, done, 0.5), quantile(rtt, done, 0.99));
    printf("udp_pingpong_boundaries_ok %d\n", bad == 0 && done > 0);
    return 0;
}

enum { Unsent, Out, Back, Lost };

static int run_udp_window(void)
{
    int fd = connect_blocking(SOCK_DGRAM);
    int size = 4 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    const long long count = opt.count;
    char *state = calloc((size_t)count + 1, 1);
    double *sent_at = malloc(sizeof(double) * (size_t)(count + 1));
    long long next = 0, low = 0, outstanding = 0, back = 0, lost = 0, late = 0, bad = 0, dup = 0;
    char out[Msg], in[2048];
    const double start = now(), deadline = start + opt.seconds;
    double last_back = start;
    /* past the deadline nothing more is sent; what is out gets its second to come back */
    while ((next < count && now() < deadline) || (outstanding && now() < deadline + 1.2)) {
        while (outstanding < opt.window && next < count && now() < deadline) {
            message(out, (uint64_t)next);
            ssize_t w = send(fd, out, Msg, MSG_DONTWAIT);
            if (w != Msg) {
                if (errno == EAGAIN || errno == ENOBUFS)
                    break;
                usleep(1000); /* ECONNREFUSED: counted lost below when it does not come back */
            }
            state[next] = Out;
            sent_at[next++] = now();
            ++outstanding;
        }
        struct pollfd p = {.fd = fd, .events = POLLIN};
        poll(&p, 1, 20);
        for (;;) {
            ssize_t n = recv(fd, in, sizeof in, MSG_DONTWAIT);
            if (n < 0)
                break;
            uint64_t seq;
            if (!udp_check(in, n, &seq) || seq >= (uint64_t)next) {
                ++bad; /* wrong length or content: boundaries not kept */
                continue;
            }
            if (state[seq] == Out) {
                state[seq] = Back;
                --outstanding;
                ++back;
                last_back = now();
            } else if (state[seq] == Lost) {
                state[seq] = Back;
                ++late, --lost, ++back;
                last_back = now();
            } else {
                ++dup;
            }
        }
        /* sent in order, so the oldest outstanding are at the low end */
        const double old = now() - 1.0; /* a second, not 200 ms: a forking server (socat) is that slow */
        while (low < next && (state[low] != Out || sent_at[low] < old)) {
            if (state[low] == Out) {
                state[low] = Lost;
                --outstanding;
                ++lost;
            }
            ++low;
        }
    }
    const double took = last_back - start;
    printf("udp_window_count %lld\nudp_window_sent %lld\nudp_window_received %lld\n", count, next, back);
    printf("udp_window_per_s %.0f\nudp_lost %lld\nudp_late %lld\nudp_bad %lld\nudp_duplicates %lld\n",
           took > 0 ? (double)back / took : 0.0, next - back, late, bad, dup);
    printf("udp_boundaries_ok %d\n", bad == 0 && dup == 0 && back > 0);
    return 0;
}

/* ------------------------------------------------------------------ main */
int main(int argc, char **argv)
{
    if (argc < 2) {
    usage:
        fprintf(stderr, "usage: %s clients N|pingpong|bulk|udp-pingpong|udp-window --port P [--host H] "
                        "[--rounds R] [--sample S] [--count M] [--bytes B] [--window W] [--seconds T] "
                        "[--rss-pid PID]\n", argv[0]);
        return 2;
    }
    const char *mode = argv[1];
    int at = 2;
    if (strcmp(mode, "clients") == 0) {
        if (argc < 3 || (n_clients = atol(argv[2])) <= 0)
            goto usage;
        at = 3;
    }
    opt.count = strcmp(mode, "udp-window") == 0 ? 200000 : 20000;
    for (; at + 1 < argc; at += 2) {
        const char *k = argv[at], *v = argv[at + 1];
        if (!strcmp(k, "--host")) opt.host = v;
        else if (!strcmp(k, "--port")) opt.port = atoi(v);
        else if (!strcmp(k, "--rounds")) opt.rounds = atoi(v);
        else if (!strcmp(k, "--sample")) opt.sample = atoi(v);
        else if (!strcmp(k, "--count")) opt.count = atoll(v);
        else if (!strcmp(k, "--bytes")) opt.bytes = atoll(v);
        else if (!strcmp(k, "--window")) opt.window = atoi(v);
        else if (!strcmp(k, "--seconds")) opt.seconds = atof(v);
        else if (!strcmp(k, "--rss-pid")) opt.rss_pid = atoi(v);
        else goto usage;
    }
    if (at != argc || opt.port <= 0 || opt.port > 65535 || opt.count <= 0 || opt.bytes <= 0 || opt.window <= 0
        || opt.rounds <= 0 || opt.seconds <= 0)
        goto usage;
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(mode, "clients")) return run_clients();
    if (!strcmp(mode, "pingpong")) return run_pingpong();
    if (!strcmp(mode, "bulk")) return run_bulk();
    if (!strcmp(mode, "udp-pingpong")) return run_udp_pingpong();
    if (!strcmp(mode, "udp-window")) return run_udp_window();
    goto usage;
}
